/**
 * Benchmark: the two workloads of a typical NQPF paper, each beside R doing the
 * same work in the same run (bench/estimate_bench.R, plm + sandwich):
 * 1. two-way fixed effects with standard errors clustered by firm on 5,000
 *    firms × 15 years × 10 regressors (src/core/estimate/fe.ts, preset "plm"
 *    so the standard errors equal plm's `vcovHC(type = "sss")`; the Stata
 *    preset costs the same) against plm `within` twoways + `vcovHC`;
 * 2. a 1,000-draw cluster bootstrap of a three-step mediation with firm and
 *    year effects on 1,000 firms × 10 years (src/core/estimate/mediation.ts)
 *    against a bootstrap loop in R (firms resampled, two-way demeaning, QR).
 * Prints both times (xinzhi: one call in a fresh process, then the best of 3 for
 * the regression), the ratio R / xinzhi, and whether both got the same numbers
 * (coefficients and SEs to 1e-9; for the bootstrap the point estimate ab, the
 * two bootstrap SEs differing only by the draws).
 *
 * Run: node bin/run-ts.js bench/estimate.ts [--rscript Rscript] [--draws 1000]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { estimateFe } from '../src/core/estimate/fe.ts';
import { mediation } from '../src/core/estimate/mediation.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
};
const rscript = arg('--rscript', 'Rscript');
const draws = Number(arg('--draws', '1000'));

/** A firm × year panel (firm-major) with firm and year effects; values rounded as written to the CSV. */
function panel(firms: number, years: number, k: number, seed: string, mediator: boolean) {
  const rng = seedrandom(seed);
  const z = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const r6 = (v: number) => Number(v.toFixed(6));
  const yearEffect = Array.from({ length: years }, () => z());
  const cols: Record<string, number[]> = { y: [] };
  const names = mediator ? ['x', 'c', 'm'] : Array.from({ length: k }, (_, j) => `x${j + 1}`);
  for (const n of names) cols[n] = [];
  const firm: number[] = [];
  const year: number[] = [];
  const lines = [['firm', 'year', 'y', ...names].join(',')];
  for (let i = 0; i < firms; i++) {
    const mu = z();
    for (let t = 0; t < years; t++) {
      const row: number[] = [];
      if (mediator) {
        const x = r6(z() + 0.5 * mu);
        const c = r6(z());
        const m = r6(0.4 * x + 0.2 * c + mu + yearEffect[t] + z());
        row.push(r6(0.3 * x + 0.5 * m - 0.2 * c + mu + yearEffect[t] + z()), x, c, m);
      } else {
        const xs = names.map(() => r6(z() + 0.3 * mu + 0.2 * yearEffect[t]));
        const y = xs.reduce((a, v, j) => a + (j % 2 ? -0.5 : 1) * v, mu + yearEffect[t] + z());
        row.push(r6(y), ...xs);
      }
      cols.y.push(row[0]);
      names.forEach((n, j) => cols[n].push(row[j + 1]));
      firm.push(i + 1);
      year.push(2000 + t);
      lines.push(`${i + 1},${2000 + t},${row.join(',')}`);
    }
  }
  return { cols, names, firm, year, csv: `${lines.join('\n')}\n` };
}

function runR(args: string[]): Record<string, number | number[]> | null {
  try {
    const out = execFileSync(rscript, [join(HERE, 'estimate_bench.R'), ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    return JSON.parse(out.trim().split('\n').pop()!);
  } catch (e) {
    process.stdout.write(`R not run: ${(e as Error).message.split('\n')[0]}\n`);
    return null;
  }
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
const dir = mkdtempSync(join(tmpdir(), 'xinzhi-estimate-bench-'));
try {
  // 1. two-way FE, clustered by firm
  {
    const p = panel(5000, 15, 10, 'twfe', false);
    const file = join(dir, 'twfe.csv');
    writeFileSync(file, p.csv);
    const data = {
      y: p.cols.y,
      x: Object.fromEntries(p.names.map((n) => [n, p.cols[n]])),
      fe: { firm: p.firm, year: p.year },
      cluster: p.firm,
    };
    const run = () => {
      const t0 = performance.now();
      const r = estimateFe(data, { se: 'cluster', preset: 'plm', dropSingletons: false });
      return { r, s: (performance.now() - t0) / 1000 };
    };
    const first = run();
    const best = Math.min(first.s, ...[0, 1, 2].map(() => run().s));
    const R = runR(['fe', file]);
    const same = R
      ? p.names.every(
          (n, j) =>
            rel(first.r.coefficients[n].estimate, (R.coef as number[])[j]) < 1e-9 &&
            rel(first.r.coefficients[n].se, (R.se as number[])[j]) < 1e-9,
        )
      : null;
    process.stdout.write('two-way FE, SEs clustered by firm: 5,000 firms × 15 years × 10 regressors (75,000 rows)\n');
    process.stdout.write(
      `  xinzhi 1st ${first.s.toFixed(3)} s, best of 3 ${best.toFixed(3)} s (${first.r.iterations} projection sweeps); ` +
        `R plm ${R ? `${(R.seconds as number).toFixed(3)} s` : '—'}; ratio R / xinzhi ${R ? ((R.seconds as number) / best).toFixed(1) : '—'}; ` +
        `same coefficients and SEs (1e-9): ${same === null ? '—' : same ? 'yes' : 'NO'}\n`,
    );
  }
  // 2. cluster bootstrap of a mediation
  {
    const p = panel(1000, 10, 0, 'mediation', true);
    const file = join(dir, 'mediation.csv');
    writeFileSync(file, p.csv);
    const t0 = performance.now();
    const r = mediation(
      {
        y: p.cols.y,
        x: p.cols.x,
        m: p.cols.m,
        controls: { c: p.cols.c },
        fe: { firm: p.firm, year: p.year },
        cluster: p.firm,
        unitFe: 'firm',
      },
      { se: 'cluster', preset: 'stata' },
      { mode: 'three-step', bootstrap: draws, seed: 1 },
    );
    const s = (performance.now() - t0) / 1000;
    const R = runR(['mediation', file, String(draws)]);
    const ab = r.indirect!.estimate;
    const bs = r.indirect!.bootstrap!.se;
    process.stdout.write(
      `cluster bootstrap of a three-step mediation (firm and year FE): 1,000 firms × 10 years, ${draws} draws\n`,
    );
    process.stdout.write(
      `  xinzhi ${s.toFixed(3)} s; R loop ${R ? `${(R.seconds as number).toFixed(3)} s` : '—'}; ratio R / xinzhi ${R ? ((R.seconds as number) / s).toFixed(1) : '—'}; ` +
        `same ab (1e-9): ${R ? (rel(ab, R.ab as number) < 1e-9 ? 'yes' : `NO (${ab} / ${R.ab})`) : '—'}; ` +
        `bootstrap SE xinzhi ${bs.toFixed(5)}, R ${R ? (R.se as number).toFixed(5) : '—'} (different draws)\n`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
