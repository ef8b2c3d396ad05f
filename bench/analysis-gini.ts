/**
 * Benchmark: Dagum Gini decomposition (src/core/analysis/dagum-gini.ts,
 * O(n log n) by sorting and gap sums) at 10^4, 10^5 and 10^6 observations in
 * 4 groups, side by side with the naive all-pairs NumPy implementation
 * (bench/gini_numpy.py, O(n^2)) run in the same process tree where it can
 * finish within its time budget. Prints times, ratios, the largest relative
 * difference of (G, Gw, Gnb, Gt), and the growth exponent of each
 * implementation (least-squares slope of log time on log n).
 *
 * Run: node bin/run-ts.js bench/analysis-gini.ts [--python /usr/bin/python3] [--budget 600]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { dagumGini } from '../src/core/analysis/dagum-gini.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const GROUPS = ['East', 'Central', 'West', 'Northeast'];

/** Lognormal values in 4 groups of unequal sizes (40/25/25/10 %) and levels. */
function synthetic(n: number, seed: string): { values: Float64Array; codes: Uint8Array; labels: string[] } {
  const rng = seedrandom(seed);
  const values = new Float64Array(n);
  const codes = new Uint8Array(n);
  const labels = new Array<string>(n);
  const cut = [0.4, 0.65, 0.9, 1];
  for (let i = 0; i < n; i++) {
    const u = rng();
    const g = cut.findIndex((c) => u < c);
    const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
    values[i] = Math.exp(0.25 * g + 0.7 * z);
    codes[i] = g;
    labels[i] = GROUPS[g];
  }
  return { values, codes, labels };
}

function slope(ns: number[], ts: number[]): number {
  const x = ns.map(Math.log);
  const y = ts.map(Math.log);
  const mx = x.reduce((a, b) => a + b, 0) / x.length;
  const my = y.reduce((a, b) => a + b, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  x.forEach((xi, i) => {
    sxy += (xi - mx) * (y[i] - my);
    sxx += (xi - mx) ** 2;
  });
  return sxy / sxx;
}

export interface GiniBenchRow {
  n: number;
  xinzhiSeconds: number;
  numpySeconds: number | null;
  ratio: number | null;
  maxRelDiff: number | null;
  note: string;
}

export async function run(
  opts: { python?: string; budgetSeconds?: number; sizes?: number[] } = {},
): Promise<GiniBenchRow[]> {
  const python = opts.python ?? '/usr/bin/python3';
  const budget = opts.budgetSeconds ?? 600;
  const sizes = opts.sizes ?? [1e4, 1e5, 1e6];
  const dir = mkdtempSync(join(tmpdir(), 'xinzhi-gini-'));
  const rows: GiniBenchRow[] = [];
  let lastNumpy: { n: number; s: number } | null = null;
  try {
    for (const n of sizes) {
      const { values, codes, labels } = synthetic(n, `gini-${n}`);
      dagumGini(values.subarray(0, 1000), labels.slice(0, 1000)); // warm-up
      const t0 = performance.now();
      const r = dagumGini(values, labels);
      const xs = (performance.now() - t0) / 1000;
      let numpySeconds: number | null = null;
      let maxRelDiff: number | null = null;
      let note = '';
      // Predict the O(n²) reference's time from the last size it finished; skip if over budget.
      const predicted = lastNumpy ? lastNumpy.s * (n / lastNumpy.n) ** 2 : 0;
      if (predicted > budget) {
        note = `NumPy all-pairs skipped: predicted ${predicted.toFixed(0)} s > budget ${budget} s (${((n * n) / 1e12).toFixed(2)}e12 pairs)`;
      } else {
        const vf = join(dir, `v${n}.f64`);
        const gf = join(dir, `g${n}.u8`);
        writeFileSync(vf, Buffer.from(values.buffer, values.byteOffset, values.byteLength));
        writeFileSync(gf, Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength));
        try {
          const out = execFileSync(python, [join(HERE, 'gini_numpy.py'), vf, gf], {
            encoding: 'utf8',
            timeout: budget * 1000,
            maxBuffer: 1 << 20,
          });
          const ref = JSON.parse(out.trim().split('\n').pop()!) as {
            total: number;
            within: number;
            between: number;
            transvariation: number;
            seconds: number;
          };
          numpySeconds = ref.seconds;
          lastNumpy = { n, s: ref.seconds };
          maxRelDiff = Math.max(
            ...(['total', 'within', 'between', 'transvariation'] as const).map(
              (k) => Math.abs(r[k] - ref[k]) / Math.abs(ref[k]),
            ),
          );
        } catch (err) {
          note = `NumPy all-pairs did not finish: ${(err as Error).message.split('\n')[0]}`;
        }
      }
      rows.push({
        n,
        xinzhiSeconds: xs,
        numpySeconds,
        ratio: numpySeconds !== null ? numpySeconds / xs : null,
        maxRelDiff,
        note,
      });
      const fmt = (v: number | null, d = 3) => (v === null ? '—' : v.toFixed(d));
      console.log(
        `n=${n.toExponential(0)}  xinzhi ${fmt(xs, 4)} s  numpy(all pairs) ${fmt(numpySeconds)} s  NumPy÷xinzhi ${fmt(rows.at(-1)!.ratio, 0)}×  max rel diff ${maxRelDiff === null ? '—' : maxRelDiff.toExponential(2)}  G=${r.total.toFixed(6)}${note ? '  ' + note : ''}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ok = rows.filter((r) => r.xinzhiSeconds > 0);
  console.log(
    `growth exponent (log t on log n): xinzhi ${slope(
      ok.map((r) => r.n),
      ok.map((r) => r.xinzhiSeconds),
    ).toFixed(2)}` +
      (rows.filter((r) => r.numpySeconds !== null).length >= 2
        ? `, numpy all-pairs ${slope(
            rows.filter((r) => r.numpySeconds !== null).map((r) => r.n),
            rows.filter((r) => r.numpySeconds !== null).map((r) => r.numpySeconds!),
          ).toFixed(2)}`
        : ', numpy all-pairs: fewer than 2 sizes finished'),
  );
  return rows;
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  await run({ python: arg('--python'), budgetSeconds: arg('--budget') ? Number(arg('--budget')) : undefined });
}
