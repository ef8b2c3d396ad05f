/**
 * Benchmark: a single panel threshold (Hansen 1999; src/core/estimate/threshold.ts)
 * with 300 fixed-regressor bootstrap draws, every distinct q value a candidate
 * (trim 0.01), on a province-size panel (30 × 10) and a larger one (300 × 15),
 * beside the NumPy reference (test/reference/estimate/threshold_reference.py
 * --bench, vectorised over the draws) doing the same work in the same run.
 * Prints both times (xinzhi: one call in a fresh process, then the best of 3),
 * the ratio, and that both found the same threshold and F statistic.
 *
 * Run: node bin/run-ts.js bench/estimate-threshold.ts [--python /usr/bin/python3] [--draws 300]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { estimateThreshold, type ThresholdData } from '../src/core/estimate/threshold.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
};
const python = arg('--python', '/usr/bin/python3');
const draws = Number(arg('--draws', '300'));

/** A balanced panel, unit-major, with a threshold at q = 5 (slope 1 below, 1.5 above) and one control. */
function panel(n: number, T: number, seed: string): { data: ThresholdData; csv: string } {
  const rng = seedrandom(seed);
  const z = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const rows: string[] = ['unit,year,y,x,c,q'];
  const y: number[] = [];
  const x: number[] = [];
  const c: number[] = [];
  const q: number[] = [];
  const unit: number[] = [];
  const time: number[] = [];
  for (let i = 0; i < n; i++) {
    const mu = z();
    for (let t = 0; t < T; t++) {
      // values rounded as written to the CSV, so both sides read the same numbers
      const xi = Number(z().toFixed(6));
      const ci = Number(z().toFixed(6));
      const qi = Number((rng() * 10).toFixed(6));
      const yi = Number((mu + (qi <= 5 ? 1 : 1.5) * xi + 0.5 * ci + z()).toFixed(6));
      y.push(yi);
      x.push(xi);
      c.push(ci);
      q.push(qi);
      unit.push(i + 1);
      time.push(2000 + t);
      rows.push(`${i + 1},${2000 + t},${yi},${xi},${ci},${qi}`);
    }
  }
  return { data: { y, x: { x }, controls: { c }, q, unit, time }, csv: `${rows.join('\n')}\n` };
}

const dir = mkdtempSync(join(tmpdir(), 'xinzhi-threshold-'));
try {
  process.stdout.write(`single threshold, grid = all distinct q (trim 0.01), ${draws} bootstrap draws\n`);
  process.stdout.write(
    'panel      candidates  xinzhi 1st (s)  xinzhi best of 3 (s)  NumPy (s)  ratio NumPy/xinzhi  same γ̂, F\n',
  );
  for (const [n, T] of [
    [30, 10],
    [300, 15],
  ]) {
    const { data, csv } = panel(n, T, `threshold-${n}x${T}`);
    const file = join(dir, `panel-${n}x${T}.csv`);
    writeFileSync(file, csv);
    const opts = {
      thresholds: 1 as const,
      trim: [0.01],
      grid: 'all' as const,
      convention: 'le' as const,
      timeEffects: false,
      bootstrap: [draws],
      seed: 1,
      level: 0.95,
      se: 'iid' as const,
      preset: 'stata' as const,
    };
    const run = () => {
      const t0 = performance.now();
      const r = estimateThreshold(data, opts);
      return { r, s: (performance.now() - t0) / 1000 };
    };
    const first = run();
    const best = Math.min(first.s, ...[0, 1, 2].map(() => run().s));
    let py: { seconds: number; threshold: number; F: number; candidates: number } | null = null;
    try {
      const out = execFileSync(
        python,
        [join(HERE, '..', 'test', 'reference', 'estimate', 'threshold_reference.py'), '--bench', file, String(draws)],
        { encoding: 'utf8', maxBuffer: 1 << 24 },
      );
      py = JSON.parse(out.trim().split('\n').pop()!);
    } catch (e) {
      process.stdout.write(`NumPy reference not run: ${(e as Error).message.split('\n')[0]}\n`);
    }
    const r = first.r;
    const same = py
      ? r.thresholds[0] === py.threshold && Math.abs(r.F[0] - py.F) <= 1e-9 * Math.abs(py.F)
        ? 'yes'
        : `no (${r.thresholds[0]} / ${py.threshold}, ${r.F[0]} / ${py.F})`
      : '—';
    process.stdout.write(
      `${`${n} × ${T}`.padEnd(11)}${String(r.steps[0].gamma.length).padEnd(12)}${first.s.toFixed(3).padEnd(16)}${best
        .toFixed(3)
        .padEnd(
          22,
        )}${py ? py.seconds.toFixed(3).padEnd(11) : '—'.padEnd(11)}${py ? (py.seconds / best).toFixed(1).padEnd(20) : '—'.padEnd(20)}${same}\n`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
