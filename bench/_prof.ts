import { makePanel } from './_panel.ts';
import { evaluate } from '../src/core/measure/evaluate.ts';
const { panel, spec } = makePanel();
const mode = process.argv[2] ?? 'pipe';
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  if (mode === 'pipe') evaluate(panel, spec);
  else evaluate(panel, { ...spec, score: {}, uncertainty: { draws: 1000, seed: 1, weightNoise: 0.25, normalize: ['minmax', 'vector'], weights: ['entropy', 'equal'], aggregate: ['arithmetic'] } });
  console.log(mode, performance.now() - t0);
  if (mode !== 'pipe') break;
}
