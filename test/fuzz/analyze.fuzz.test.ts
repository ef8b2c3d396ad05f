/**
 * Property-based tests of the analysis runner (issue 17): every analysis on
 * evaluations of small, degenerate and extreme panels of provinces, with the
 * bundled boundaries. Each either runs with finite statistics (or a missing
 * one with a stated reason) or is skipped with a XinzhiError reason — never a
 * crash.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { interpretRun } from '../../src/core/analysis/interpret.ts';
import { ANALYSIS_NAMES, runAnalyses } from '../../src/core/analysis/runner.ts';
import { evaluate } from '../../src/core/measure/evaluate.ts';
import type { Panel } from '../../src/core/panel/types.ts';
import { RUNS, SEED, underContract } from './contract.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const GEO = JSON.parse(readFileSync(join(ROOT, 'data/geo/china_provinces.geojson'), 'utf8')) as unknown;
const PROVINCES = ['Beijing', 'Tianjin', 'Hebei', 'Shanxi', 'Shandong', 'Henan', 'Jiangsu', 'Anhui'];

const stats = { ran: 0, skipped: 0 };

describe('fuzz: analyze', () => {
  it('every analysis on small, degenerate and extreme panels', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: PROVINCES.length }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom('plain', 'const-dim', 'huge', 'tiny', 'ties'),
        fc.constantFrom('entropy', 'equal'),
        (nu, nt, kind, weights) => {
          const unit: string[] = [];
          const time: number[] = [];
          const cols = { a: [] as number[], b: [] as number[], c: [] as number[], d: [] as number[] };
          for (let i = 0; i < nu; i++)
            for (let k = 0; k < nt; k++) {
              unit.push(PROVINCES[i]);
              time.push(2019 + k);
              const base = kind === 'ties' ? 1 + (i % 2) : 1 + i + k * 0.5;
              const scale = kind === 'huge' ? 1e300 : kind === 'tiny' ? 1e-300 : 1;
              cols.a.push(base * scale);
              cols.b.push((kind === 'const-dim' ? 3 : base * 2 + k) * scale);
              cols.c.push((base + 1) * scale);
              cols.d.push((5 - (i % 3)) * scale);
            }
          const panel: Panel = {
            unitKey: 'province',
            timeKey: 'year',
            unit,
            time,
            columns: Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, Float64Array.from(v)])),
          };
          const spec = {
            unit: 'province',
            time: 'year',
            nodes: [
              { id: 'L', parent: null },
              { id: 'M', parent: null },
            ],
            indicators: [
              { id: 'a', column: 'a', direction: '+', parent: 'L' },
              { id: 'b', column: 'b', direction: '+', parent: 'L' },
              { id: 'c', column: 'c', direction: '+', parent: 'M' },
              { id: 'd', column: 'd', direction: '-', parent: 'M' },
            ],
            normalize: { method: 'minmax', shift: 0.0001 },
            weights: { method: weights },
            aggregate: { method: 'arithmetic' },
          };
          const label = `${nu}×${nt} ${kind} ${weights}`;
          const r = underContract(() => evaluate(panel, spec), label);
          if (!r.ok) return;
          const out = underContract(() => runAnalyses(r.value, [...ANALYSIS_NAMES], {}, { geojson: GEO }), label);
          if (!out.ok) return;
          stats.ran += Object.values(out.value.runs).filter(Boolean).length;
          stats.skipped += out.value.skipped.length;
          for (const run of Object.values(out.value.runs)) {
            if (!run) continue;
            // the sentences never print NaN or a verdict drawn from a missing number
            for (const s of interpretRun(run)) {
              if (/NaN|undefined/.test(s.en)) throw new Error(`${label} ${run.analysis}: ${s.en}`);
            }
          }
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    // the generators reach the analyses (not only refusals)
    if (stats.ran < RUNS) throw new Error(`only ${stats.ran} analyses ran (${stats.skipped} skipped)`);
  }, 180_000);
});
