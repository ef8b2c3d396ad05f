/**
 * Benchmark: the firm production-function estimators OP, LP and ACF
 * (src/core/tfp/firm) on a synthetic panel of 5,000 firms × 15 years with a
 * known production function (ln y = 1 + 0.6 ln l + 0.3 ln k + ω + ε, the
 * process of test/reference/tfp/firm_reference.py), one fit each, side by
 * side with that script's NumPy / SciPy estimators (run by
 * bench/tfp_firm_python.py) in the same run: seconds, the ratio NumPy /
 * xinzhi and the largest difference of the coefficients (the scalar
 * optimisers stop differently, so agreement to about 1e-7 is expected). Then the bootstrap of ACF (20 replications) on one
 * and on every core (runFirmAsync with worker threads, the same numbers).
 *
 * Run: node bin/run-ts.js bench/tfp-firm.ts [--python /usr/bin/python3] [--firms 5000] [--years 15] [--reps 20]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { runReplicatesOnWorker } from '../src/adapters/io/tfp-pool.ts';
import { readPanelFile } from '../src/adapters/io/read.ts';
import { fitProduction, type FirmData } from '../src/core/tfp/firm/estimators.ts';
import { checkFirmModel } from '../src/core/tfp/firm/model.ts';
import { runFirmAsync } from '../src/core/tfp/firm/run.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** Normal draws by Box–Muller from a seeded uniform generator. */
function normal(u: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** The panel as CSV text: AR(1) productivity, capital accumulating investment, 10 burn-in years. */
function synthetic(firms: number, years: number): string {
  const u = seedrandom('tfp-firm-bench');
  const z = normal(u);
  const lines = ['firm,year,lny,lnl,lnk,lnm,lni'];
  for (let f = 0; f < firms; f++) {
    let omega = 0.2 * z();
    let k = 3 + 0.5 * z();
    const keep = 1 - (0.05 + 0.2 * u());
    for (let t = 0; t < years + 10; t++) {
      omega = 0.7 * omega + 0.15 * z();
      const inv = 0.3 + 1.2 * omega + 0.8 * k;
      const l = 1 + 0.5 * omega + 0.3 * k + 0.2 * z();
      const m = 0.5 + 1.0 * omega + 0.6 * k;
      const y = 1 + 0.6 * l + 0.3 * k + omega + 0.1 * z();
      if (t >= 10)
        lines.push(
          [`F${f + 1}`, 2000 + t, y, l, k, m, inv]
            .map((v) => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(6) : v))
            .join(','),
        );
      k = Math.log(keep * Math.exp(k) + Math.exp(inv));
    }
  }
  return lines.join('\n') + '\n';
}

const firms = Number(arg('firms', '5000'));
const years = Number(arg('years', '15'));
const reps = Number(arg('reps', '20'));
const python = arg('python', '/usr/bin/python3');
const dir = mkdtempSync(join(tmpdir(), 'xinzhi-tfp-firm-'));
const csv = join(dir, 'firms.csv');
writeFileSync(csv, synthetic(firms, years));

const model = (type: 'op' | 'lp' | 'acf', bootstrap = 0) =>
  checkFirmModel(
    {
      type,
      unit: 'firm',
      time: 'year',
      output: 'lny',
      free: ['lnl'],
      state: ['lnk'],
      proxy: type === 'op' ? 'lni' : 'lnm',
      bootstrap,
      seed: 1,
    },
    'bench',
  ).model!;
const { panel } = await readPanelFile(csv, {
  unit: 'firm',
  time: 'year',
  columns: ['lny', 'lnl', 'lnk', 'lnm', 'lni'],
});
const col = (c: string) => Array.from(panel.columns[c]);
const data = (proxy: string): FirmData => ({
  firm: Array.from(panel.unit),
  time: Array.from(panel.time as ArrayLike<number>),
  y: col('lny'),
  free: col('lnl').map((v) => [v]),
  state: col('lnk').map((v) => [v]),
  proxy: col(proxy),
});

const py = JSON.parse(execFileSync(python, [join(HERE, 'tfp_firm_python.py'), csv], { encoding: 'utf8' })) as Record<
  string,
  { seconds: number; beta: number[] }
>;
console.log(`${firms} firms × ${years} years (${panel.unit.length} rows), one fit each:`);
console.log('| estimator | xinzhi | NumPy / SciPy | ratio (NumPy / xinzhi) | largest |Δβ| |');
console.log('|---|---|---|---|---|');
for (const est of ['op', 'lp', 'acf'] as const) {
  const t0 = performance.now();
  const fit = fitProduction(data(est === 'op' ? 'lni' : 'lnm'), est, 3);
  const s = (performance.now() - t0) / 1000;
  const diff = Math.max(...fit.beta.map((b, j) => Math.abs(b - py[est].beta[j])));
  console.log(
    `| ${est} | ${s.toFixed(2)} s | ${py[est].seconds.toFixed(2)} s | ${(py[est].seconds / s).toFixed(2)} | ${diff.toExponential(1)} |`,
  );
}
const cores = Math.min(8, availableParallelism());
for (const parts of [1, cores]) {
  const t0 = performance.now();
  const r = await runFirmAsync(panel, model('acf', reps), { runPart: runReplicatesOnWorker, parts });
  const s = (performance.now() - t0) / 1000;
  console.log(
    `acf with ${reps} bootstrap replications on ${parts} thread(s): ${s.toFixed(1)} s (SE lnl ${r.coefficients.lnl.se.toFixed(6)}, lnk ${r.coefficients.lnk.se.toFixed(6)})`,
  );
}
rmSync(dir, { recursive: true, force: true });
