/**
 * Writes the sampled designs of the Monte Carlo uncertainty analysis that
 * test/reference/measure/uncertainty_reference.py recomputes independently.
 *
 * The design (each draw's normalisation, weighting and aggregation and the
 * uniform numbers u of the weight perturbation) is an *input* of the analysis,
 * not a result: it comes from xinzhi's seeded generators (seedrandom ARC4, one
 * stream per draw keyed with "seed/draw"), which
 * Python cannot replay, so it is recorded here with `evaluate(..., { keepDraws:
 * true })`. Every number of the report (ranks, quantiles, influence) is then
 * computed by the Python script from the data, the spec and this design.
 *
 * Regenerate (from the repository root), then rerun the Python script:
 *   node bin/run-ts.js test/reference/measure/uncertainty_design.ts
 *   /usr/bin/python3 test/reference/measure/uncertainty_reference.py
 * Writes test/reference/measure/fixtures/uncertainty_design_<case>.json
 * (spec, data, design); the Python script writes uncertainty_expected_<case>.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate } from '../../../src/core/measure/evaluate.ts';
import { panelFromRows } from '../../../src/core/panel/ops.ts';
import { readPanelFile } from '../../../src/adapters/io/read.ts';
import { TOTALS_EXAMPLE_DATA } from '../../../src/adapters/io/defaults.ts';
import type { Panel } from '../../../src/core/panel/types.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..', '..');
const FIX = join(HERE, 'fixtures');

type Row = Record<string, string | number>;

/** A small synthetic panel: units × years, five indicators from fixed formulas (no randomness). */
function smallRows(units: string[], years: number[], duplicate?: [string, string]): Row[] {
  const rows: Row[] = [];
  units.forEach((u, i) => {
    years.forEach((y, k) => {
      const src = duplicate && u === duplicate[1] ? units.indexOf(duplicate[0]) : i;
      rows.push({
        u,
        t: y,
        x1: 1 + ((src * 7 + k * 3) % 11) + 0.25 * k,
        x2: 20 - src * 1.3 + k * 0.7 + ((src * src) % 5) * 0.9,
        x3: 3 + Math.sqrt(src + 1) * (1 + 0.1 * k),
        x4: 50 + ((src * 13 + k * 5) % 17) * 2.5,
        x5: 0.5 + ((src * 3 + k) % 7) * 0.35 + src * 0.05,
      });
    });
  });
  return rows;
}

const smallSpec = (weights: Record<string, unknown>, uncertainty: Record<string, unknown>) => ({
  unit: 'u',
  time: 't',
  nodes: [
    { id: 'A', parent: null, weight: 2 },
    { id: 'B', parent: null, weight: 1 },
  ],
  indicators: [
    { id: 'a1', column: 'x1', direction: '+', parent: 'A', weight: 1 },
    { id: 'a2', column: 'x2', direction: '-', parent: 'A', weight: 3 },
    { id: 'a3', column: 'x3', direction: '+', parent: 'A', weight: 2 },
    { id: 'b1', column: 'x4', direction: '+', parent: 'B', weight: 1 },
    { id: 'b2', column: 'x5', direction: '+', parent: 'B', weight: 1 },
  ],
  normalize: { method: 'minmax', shift: 0.0001 },
  weights,
  aggregate: { method: 'arithmetic' },
  uncertainty,
});

async function main(): Promise<void> {
  const { panel: defaultPanel } = await readPanelFile(TOTALS_EXAMPLE_DATA, {
    unit: 'Province',
    time: 'Year',
    labels: ['name_zh', 'region'],
  });
  const base = JSON.parse(readFileSync(join(ROOT, 'data', 'specs', 'examples', 'nqpf-province-totals.json'), 'utf8'));
  const units = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8'];
  const cases: Array<{ name: string; spec: Record<string, unknown>; data: 'default' | Row[] }> = [
    {
      // the default index: four normalisations and four weightings (the panel has
      // negative profits, so only min-max can feed a geometric mean: next case)
      name: 'default',
      spec: {
        ...base,
        uncertainty: {
          draws: 200,
          seed: 2024,
          weightNoise: 0.25,
          normalize: ['minmax', 'zscore', 'vector', 'mean-ratio'],
          weights: ['entropy', 'equal', 'critic', 'cv'],
          aggregate: ['arithmetic'],
        },
      },
      data: 'default',
    },
    {
      // the default index: weighting and aggregation varied
      name: 'default_geometric',
      spec: {
        ...base,
        uncertainty: {
          draws: 200,
          seed: 99,
          normalize: ['minmax'],
          weights: ['entropy', 'equal'],
          aggregate: ['arithmetic', 'geometric'],
        },
      },
      data: 'default',
    },
    {
      // weights per time and per node (scope children): one perturbation per time group
      name: 'bytime_children',
      spec: smallSpec(
        { method: 'entropy', panel: 'by-time', scope: 'children' },
        {
          draws: 150,
          seed: 5,
          weightNoise: 0.4,
          normalize: ['minmax', 'mean-ratio'],
          weights: ['entropy', 'cv', 'equal'],
          aggregate: ['arithmetic', 'geometric'],
        },
      ),
      data: smallRows(units, [2019, 2020, 2021, 2022]),
    },
    {
      // z-scores, PCA and given weights; P8 repeats P3's data, so the two tie in every draw (ties "min")
      name: 'zscore_ties',
      spec: smallSpec(
        { method: 'critic', panel: 'pooled', scope: 'leaves' },
        {
          draws: 120,
          seed: 11,
          normalize: ['minmax', 'zscore', 'vector'],
          weights: ['critic', 'pca', 'given'],
          aggregate: ['arithmetic'],
        },
      ),
      data: smallRows(units, [2020, 2021, 2022], ['P3', 'P8']),
    },
  ];
  for (const c of cases) {
    const panel: Panel = c.data === 'default' ? defaultPanel : panelFromRows(c.data, 'u', 't');
    const r = evaluate(panel, c.spec, { keepDraws: true });
    const doc = {
      case: c.name,
      generator:
        'test/reference/measure/uncertainty_design.ts (xinzhi evaluate with keepDraws: the seeded draws, an input of the analysis)',
      spec: c.spec,
      data: c.data,
      design: r.uncertainty!.design,
    };
    const file = join(FIX, `uncertainty_design_${c.name}.json`);
    writeFileSync(file, JSON.stringify(doc));
    console.log(`wrote ${file.slice(ROOT.length + 1)}`);
  }
}

await main();
