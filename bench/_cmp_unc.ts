import { makePanel } from './_panel.ts';
import { runUncertainty } from '../src/core/measure/uncertainty.ts';
import { runUncertainty as oldRun } from './_old_uncertainty.ts';
import { validateSpec } from '../src/core/measure/spec-schema.ts';
import { buildHierarchy } from '../src/core/measure/hierarchy.ts';
import { preparePanel } from '../src/core/measure/evaluate.ts';
import { selectRows } from '../src/core/panel/ops.ts';
const big = process.argv[2] === 'big';
let { panel, spec } = makePanel();
if (!big) panel = selectRows(panel, Array.from({ length: 75000 }, (_, i) => i).filter((i) => i % 5000 < 300 && i < 6 * 5000));
const variants: Array<[string, Record<string, unknown>]> = big ? [['bench', { uncertainty: { draws: 1000, seed: 1, weightNoise: 0.25, normalize: ['minmax', 'vector'], weights: ['entropy', 'equal'], aggregate: ['arithmetic'] } }]] : [
  ['basic', { uncertainty: { draws: 203, seed: 3, normalize: ['minmax', 'vector', 'zscore'], weights: ['entropy', 'equal', 'critic'] } }],
  ['geo', { uncertainty: { draws: 101, seed: 5, normalize: ['minmax', 'vector'], aggregate: ['arithmetic', 'geometric'] } }],
  ['bytime', { weights: { method: 'entropy', panel: 'by-time', scope: 'leaves' }, uncertainty: { draws: 77, seed: 9, weights: ['entropy', 'equal'] } }],
  ['children', { weights: { method: 'entropy', panel: 'pooled', scope: 'children' }, aggregate: { method: 'geometric' }, uncertainty: { draws: 64, seed: 2, weights: ['entropy', 'cv'], aggregate: ['geometric', 'arithmetic'] } }],
  ['one', { uncertainty: { draws: 1, seed: 2 } }],
  ['nonoise', { uncertainty: { draws: 30, weightNoise: 0 } }],
];
for (const [name, extra] of variants) {
  const s = validateSpec({ ...spec, score: {}, ...extra }, { columns: Object.keys(panel.columns), labels: [] });
  const h = buildHierarchy(s);
  const prep = preparePanel(panel, s, [], [], { imputations: [], treatments: [] });
  const nominalRank = new Float64Array(prep.unit.length);
  let t0 = performance.now();
  const a = oldRun({ h, spec: s, prep, nominalRank });
  const ta = performance.now() - t0; t0 = performance.now();
  const prog: number[] = [];
  const b = runUncertainty({ h, spec: s, prep, nominalRank, onProgress: (d) => prog.push(d) });
  const tb = performance.now() - t0;
  console.log(name, JSON.stringify(a) === JSON.stringify(b) ? 'IDENTICAL' : 'DIFFERENT', ta.toFixed(0), tb.toFixed(0), 'progress', prog.length, prog[prog.length - 1]);
}
