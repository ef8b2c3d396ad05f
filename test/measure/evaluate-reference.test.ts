/**
 * The evaluation pipeline against an independent NumPy/pandas implementation
 * (test/reference/measure/evaluate_reference.py → fixtures/evaluate_*.json):
 * indicator weights, composite scores and ranks, node scores and weights,
 * TOPSIS / GRA / VIKOR, on the default province index and its variants
 * (by-time, children scope, geometric; weights entropy, equal, CRITIC, CV,
 * PCA, AHP, given, combined multiplicative / linear / game-theory;
 * normalisation z-score, vector, mean-ratio and per time; missing values
 * time-mean / group-mean; COINr outliers), on a small panel with gaps and a
 * denominator (interpolate with fallbacks, unit / time / group means, drop)
 * and on degenerate panels (constant column, one unit, one year, all-equal
 * values).
 * Tolerance: 1e-9 relative (plus 1e-12 absolute for values near 0).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/measure/evaluate.ts';
import { INDEX_ID, type EvaluationResult } from '../../src/core/measure/result.ts';
import { panelFromRows } from '../../src/core/panel/ops.ts';
import type { Panel } from '../../src/core/panel/types.ts';
import { readPanelFile } from '../../src/adapters/io/read.ts';
import { TOTALS_EXAMPLE_DATA } from '../../src/adapters/io/defaults.ts';
import { close } from './reference-helpers.ts';

const FIX = join(dirname(fileURLToPath(import.meta.url)), '..', 'reference', 'measure', 'fixtures');
const cases = readdirSync(FIX)
  .filter((f) => /^evaluate_.*\.json$/.test(f))
  .sort();

const key = (u: string, t: unknown, node = '') => `${node}|${u}|${String(t)}`;

function byKey<T extends { unit: string; time: unknown }>(rows: T[], node?: (r: T) => string): Map<string, T> {
  return new Map(rows.map((r) => [key(r.unit, r.time, node ? node(r) : ''), r]));
}

let defaultPanel: Panel;
beforeAll(async () => {
  const { panel, problems } = await readPanelFile(TOTALS_EXAMPLE_DATA, {
    unit: 'Province',
    time: 'Year',
    labels: ['name_zh', 'region'],
  });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  defaultPanel = panel;
});

describe('evaluate vs NumPy reference', () => {
  it('has fixtures', () => expect(cases.length).toBeGreaterThanOrEqual(38));
  for (const file of cases) {
    it(file, () => {
      const fx = JSON.parse(readFileSync(join(FIX, file), 'utf8'));
      const panel = fx.data === 'default' ? defaultPanel : panelFromRows(fx.data, fx.spec.unit, fx.spec.time);
      const r: EvaluationResult = evaluate(panel, fx.spec);
      const e = fx.expected;
      // weights (contract)
      expect(Object.keys(r.weights).sort()).toEqual(Object.keys(e.weights).sort());
      for (const [id, w] of Object.entries(e.weights)) close(r.weights[id], w as number, `weight ${id}`);
      for (const nw of r.nodeWeights) close(nw.global, e.nodeWeights[nw.id], `global weight of ${nw.id}`);
      if (e.byTime) {
        for (const nw of r.nodeWeights.filter((x) => x.kind === 'indicator')) {
          for (const [t, ws] of Object.entries(e.byTime as Record<string, Record<string, number>>))
            close(nw.byTime![t].global, ws[nw.id], `weight ${nw.id} @${t}`);
        }
      }
      // composite scores and ranks (contract)
      expect(r.scores.length).toBe(e.scores.length);
      const got = byKey(r.scores);
      for (const s of e.scores) {
        const g = got.get(key(s.unit, s.time))!;
        expect(g, `row ${s.unit} ${s.time}`).toBeDefined();
        close(g.score, s.score, `score ${s.unit} ${s.time}`);
        expect(g.rank).toBe(s.rank);
      }
      if (e.nodeScores) {
        const gn = byKey(r.nodeScores, (x) => x.node);
        for (const s of e.nodeScores) {
          const g = gn.get(key(s.unit, s.time, s.node))!;
          close(g.score, s.score, `node ${s.node} ${s.unit} ${s.time}`);
          expect(g.rank).toBe(s.rank);
        }
        expect(r.nodeScores.filter((x) => x.node === INDEX_ID).length).toBe(e.scores.length);
      }
      for (const [name, fields] of [
        ['topsis', ['dPlus', 'dMinus', 'closeness', 'rank']],
        ['gra', ['grade', 'rank']],
        ['vikor', ['S', 'R', 'Q', 'rank']],
        ['promethee', ['phiPlus', 'phiMinus', 'phi', 'rank']],
        ['copeland', ['score', 'rank']],
        ['rsr', ['rsr', 'probit', 'fitted', 'grade', 'rank']],
        ['fuzzy', ['score', 'grade', 'rank']],
      ] as const) {
        if (!e[name]) continue;
        const rows = r[name] as Array<Record<string, number | string>> | undefined;
        expect(rows, name).toBeDefined();
        const m = new Map(rows!.map((x) => [key(x.unit as string, x.time), x]));
        for (const x of e[name]) {
          const g = m.get(key(x.unit, x.time))!;
          for (const f of fields) {
            if (f === 'rank') expect(g.rank, `${name} rank ${x.unit} ${x.time}`).toBe(x.rank);
            else close(g[f] as number, x[f], `${name}.${f} ${x.unit} ${x.time}`);
          }
        }
      }
    });
  }
});
