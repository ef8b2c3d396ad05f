/**
 * The Monte Carlo uncertainty and sensitivity analysis against an independent
 * NumPy/SciPy implementation (test/reference/measure/uncertainty_reference.py).
 *
 * The sampled design — each draw's normalisation, weighting and aggregation
 * and the uniform numbers of the weight perturbation — is an input, recorded
 * from xinzhi's seeded generator by test/reference/measure/uncertainty_design.ts
 * (fixtures/uncertainty_design_*.json). This test checks that the generator
 * still produces exactly that design, then compares the report with the
 * numbers the Python script computed from the data, the spec and the design
 * (fixtures/uncertainty_expected_*.json): nominal and median ranks exactly,
 * the 5 % / 95 % quantiles and the first-order indices to 1e-9 relative.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/measure/evaluate.ts';
import { panelFromRows } from '../../src/core/panel/ops.ts';
import type { Panel } from '../../src/core/panel/types.ts';
import { readPanelFile } from '../../src/adapters/io/read.ts';
import { TOTALS_EXAMPLE_DATA } from '../../src/adapters/io/defaults.ts';
import { close } from './reference-helpers.ts';

const FIX = join(dirname(fileURLToPath(import.meta.url)), '..', 'reference', 'measure', 'fixtures');
const designs = readdirSync(FIX)
  .filter((f) => /^uncertainty_design_.*\.json$/.test(f))
  .sort();

let defaultPanel: Panel;
beforeAll(async () => {
  const { panel } = await readPanelFile(TOTALS_EXAMPLE_DATA, {
    unit: 'Province',
    time: 'Year',
    labels: ['name_zh', 'region'],
  });
  defaultPanel = panel;
});

describe('uncertainty analysis vs NumPy reference', () => {
  it('has fixtures', () => expect(designs.length).toBeGreaterThanOrEqual(4));
  for (const file of designs) {
    it(file, () => {
      const fx = JSON.parse(readFileSync(join(FIX, file), 'utf8'));
      const ex = JSON.parse(
        readFileSync(join(FIX, file.replace('uncertainty_design_', 'uncertainty_expected_')), 'utf8'),
      ).expected;
      const panel = fx.data === 'default' ? defaultPanel : panelFromRows(fx.data, fx.spec.unit, fx.spec.time);
      const u = evaluate(panel, fx.spec, { keepDraws: true }).uncertainty!;
      // the seeded generator still gives the recorded design (the reference's input)
      expect(JSON.parse(JSON.stringify(u.design))).toEqual(fx.design);
      const counts: Record<string, number[]> = {};
      for (const [f, list] of [
        ['normalize', fx.spec.uncertainty.normalize],
        ['weights', fx.spec.uncertainty.weights],
        ['aggregate', fx.spec.uncertainty.aggregate],
      ] as const) {
        counts[f] = (list as string[]).map((o) => u.design!.draws.filter((d) => d[f] === o).length);
      }
      expect(counts).toEqual(ex.choiceCounts);
      // report
      expect(u.draws).toBe(ex.draws);
      expect(u.seed).toBe(ex.seed);
      expect(u.ranks.length).toBe(ex.ranks.length);
      const got = new Map(u.ranks.map((r) => [`${r.unit}|${String(r.time)}`, r]));
      for (const e of ex.ranks) {
        const g = got.get(`${e.unit}|${String(e.time)}`)!;
        expect(g, `${e.unit} ${e.time}`).toBeDefined();
        expect(g.nominalRank, `nominal rank ${e.unit} ${e.time}`).toBe(e.nominalRank);
        expect(g.medianRank, `median rank ${e.unit} ${e.time}`).toBe(e.medianRank);
        close(g.q05, e.q05, `q05 ${e.unit} ${e.time}`);
        close(g.q95, e.q95, `q95 ${e.unit} ${e.time}`);
      }
      expect(Object.keys(u.influence).sort()).toEqual(Object.keys(ex.influence).sort());
      for (const [k, v] of Object.entries(ex.influence as Record<string, number>))
        close(u.influence[k], v, `influence ${k}`);
    });
  }
});
