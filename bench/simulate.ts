/**
 * Benchmark: the simulation engine (src/core/simulate/) beside NumPy Euler
 * loops (bench/simulate_numpy.py) in the same run:
 *  1. the seed-000 loop model for 10,000 Euler steps (NumPy: a Python loop over steps);
 *  2. a 1,000-stock ring (flow f_i = k (S_{i−1} − S_i) from each stock to the next) for 10,000 steps
 *     (NumPy: vectorised over stocks);
 *  3. 1,000 Monte Carlo runs of the seed-000 model, 320 steps each (NumPy: vectorised over runs).
 * Prints the seconds of each, the ratio xinzhi / NumPy, and the largest relative
 * difference of the final values (the two must agree).
 *
 * Run: node bin/run-ts.js bench/simulate.ts [--python /usr/bin/python3]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileModel, monteCarlo, readXmile, simulate } from '../src/core/simulate/index.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const python = process.argv.includes('--python')
  ? process.argv[process.argv.indexOf('--python') + 1]
  : '/usr/bin/python3';
const seed = readXmile(readFileSync(join(HERE, '..', 'data', 'simulate', 'seed000.xmile'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'xinzhi-sim-bench-'));

function numpy(job: object): { result: number[]; seconds: number } | null {
  const file = join(dir, 'job.json');
  writeFileSync(file, JSON.stringify(job));
  try {
    return JSON.parse(
      execFileSync(python, [join(HERE, 'simulate_numpy.py'), file], { encoding: 'utf8', maxBuffer: 1 << 26 }),
    );
  } catch (e) {
    process.stdout.write(`NumPy reference not run: ${(e as Error).message.split('\n')[0]}\n`);
    return null;
  }
}

function maxRel(a: number[], b: number[]): number {
  return a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i]) / Math.max(1e-300, Math.abs(b[i]))), 0);
}

function report(name: string, seconds: number, ref: { result: number[]; seconds: number } | null, got: number[]): void {
  const ratio = ref ? (seconds / ref.seconds).toFixed(2) : '—';
  const diff = ref ? maxRel(got, ref.result).toExponential(2) : '—';
  process.stdout.write(
    `${name.padEnd(44)} xinzhi ${seconds.toFixed(3)} s   NumPy ${ref ? ref.seconds.toFixed(3) : '—'} s   ` +
      `ratio ${ratio}   max rel diff ${diff}\n`,
  );
}

try {
  // 1. seed-000, 10,000 steps
  const dt = seed.specs.dt;
  const stop = 10000 * dt;
  let t0 = performance.now();
  const r1 = simulate(compileModel(seed), { stop, saveper: stop });
  report(
    'seed-000 model, 10,000 steps',
    (performance.now() - t0) / 1000,
    numpy({ kind: 'seed000', steps: 10000, dt }),
    [r1.series.nqpf_level.at(-1)!],
  );

  // 2. 1,000-stock ring, 10,000 steps
  const m = 1000;
  const vars: string[] = [];
  for (let i = 0; i < m; i++) {
    const prev = (i + m - 1) % m;
    vars.push(
      `<stock name="s${i}"><eqn>${i}</eqn><inflow>f${i}</inflow><outflow>f${(i + 1) % m}</outflow></stock>`,
      `<flow name="f${i}"><eqn>k * (s${prev} - s${i})</eqn></flow>`,
    );
  }
  vars.push('<aux name="k"><eqn>0.5</eqn></aux>');
  const ring =
    readXmile(`<?xml version="1.0"?><xmile version="1.0"><sim_specs><start>0</start><stop>100</stop><dt>0.01</dt></sim_specs>
<model><variables>${vars.join('')}</variables></model></xmile>`);
  t0 = performance.now();
  const r2 = simulate(compileModel(ring), { saveper: 100 });
  const got2 = Array.from({ length: m }, (_, i) => r2.series[`s${i}`].at(-1)!);
  report(
    '1,000-stock model, 10,000 steps',
    (performance.now() - t0) / 1000,
    numpy({ kind: 'chain', stocks: m, steps: 10000, dt: 0.01, k: 0.5 }),
    got2,
  );

  // 3. 1,000 Monte Carlo runs of seed-000
  t0 = performance.now();
  const mc = monteCarlo(
    seed,
    [
      { name: 'obsolescence_rate', min: 0.02, max: 0.1 },
      { name: 'technology_feedback_delay', min: 1, max: 6 },
    ],
    { runs: 1000, seed: 1 },
    { saveper: seed.specs.stop - seed.specs.start },
  );
  const s3 = (performance.now() - t0) / 1000;
  const ref3 = numpy({
    kind: 'monte-carlo',
    obsolescence: mc.draws.obsolescence_rate,
    delay: mc.draws.technology_feedback_delay,
    steps: Math.round((seed.specs.stop - seed.specs.start) / dt),
    dt,
  });
  // compare the mean of the final NQPF level across runs
  report(
    '1,000 Monte Carlo runs of seed-000 (mean)',
    s3,
    ref3 ? { ...ref3, result: [ref3.result.reduce((a, b) => a + b, 0) / ref3.result.length] } : null,
    [mc.bands.nqpf_level.mean.at(-1)!],
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
