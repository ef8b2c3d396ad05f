/**
 * Writes test/reference/tfp/fixtures/ddf-global-data.json, the panel of
 * ddf_global_reference.py: 300 cities × 6 years made by the generator of
 * bench/tfp-dea.ts (seedrandom 'tfp-bench'; three inputs, a Cobb–Douglas
 * output with inefficiency and 2 % technical progress a year, CO₂
 * proportional to energy, every value rounded to two decimals). Data only:
 * the expected values come from SciPy.
 *
 * Run from the repository root: node bin/run-ts.js test/reference/tfp/ddf_global_data.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';

const rng = seedrandom('tfp-bench');
const [units, years] = [300, 6];
const base = Array.from({ length: units }, () => [50 + 450 * rng(), 100 + 900 * rng(), 20 + 180 * rng()]);
const periods = Array.from({ length: years }, (_, t) =>
  base.map((b) => {
    const x = b.map((v) => Math.round(v * (0.9 + 0.3 * rng()) * (1 + 0.03 * t) * 100) / 100);
    const y = Math.round(x[0] ** 0.3 * x[1] ** 0.4 * x[2] ** 0.3 * 1.02 ** t * (0.6 + 0.4 * rng()) * 100) / 100;
    const co2 = Math.round(x[2] * (0.5 + 0.5 * rng()) * 100) / 100;
    return { x, y: [y], b: [co2] };
  }),
);
const file = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'ddf-global-data.json');
writeFileSync(
  file,
  JSON.stringify({
    generator: 'test/reference/tfp/ddf_global_data.ts',
    x: periods.map((p) => p.map((o) => o.x)),
    y: periods.map((p) => p.map((o) => o.y)),
    b: periods.map((p) => p.map((o) => o.b)),
  }),
);
