/**
 * Where a unit's inefficiency comes from: the share of each input, desirable
 * output and undesirable output in its total relative shortfall.
 *
 * Each column's relative shortfall r_c is the gap between the unit and its
 * projection on the frontier, divided by the unit's own value:
 * - SBM: r = s⁻_i/x_io, sᵍ_r/y_ro, sᵇ_k/b_ko (the terms of Tone's ρ);
 * - radial, input-oriented: r = (1 − θ*) + s⁻_i/x_io for inputs, s⁺_r/y_ro for outputs;
 * - radial, output-oriented: r = s⁻_i/x_io for inputs, (η* − 1) + s⁺_r/y_ro for outputs.
 * share_c = r_c / Σ r. An efficient unit (Σ r = 0, or a super-efficiency score)
 * has no inefficiency to share: every share is 0. This is xinzhi's own
 * convention for reading slacks; it is the decomposition Chinese GTFP papers
 * describe as "投入冗余率 / 产出不足率" normalised to sum to one.
 */
import type { TfpModel } from './model.ts';
import type { DeaScore } from './score.ts';
import type { Observation } from './technology.ts';

/**
 * Inefficiency shares by column (see the module comment).
 * @example inefficiencyShares(model, obs, score, false) // { Energy: 0.6, Labour: 0.4, GDP: 0 }
 */
export function inefficiencyShares(
  model: TfpModel,
  obs: Observation,
  score: DeaScore,
  superEfficiency: boolean,
): Record<string, number> {
  const out: Record<string, number> = {};
  if (score.status !== 'optimal') return out;
  const eff = score.efficiency as number;
  let radialIn = 0;
  let radialOut = 0;
  if (model.type === 'ccr' || model.type === 'bcc') {
    if (model.orientation === 'output') radialOut = 1 / eff - 1;
    else radialIn = 1 - eff;
  }
  const ratio: Array<[string, number]> = [
    ...model.inputs.map((c, i): [string, number] => [c, radialIn + score.slacks.x[i] / obs.x[i]]),
    ...model.outputs.map((c, r): [string, number] => [c, radialOut + score.slacks.y[r] / obs.y[r]]),
    ...model.undesirable.map((c, k): [string, number] => [c, score.slacks.b[k] / obs.b[k]]),
  ];
  // Solver noise below the LP tolerance is not inefficiency.
  const clean = ratio.map(([c, r]): [string, number] => [c, Math.abs(r) < 1e-9 ? 0 : r]);
  const total = clean.reduce((a, [, r]) => a + r, 0);
  for (const [c, r] of clean) out[c] = superEfficiency || total <= 0 ? 0 : r / total;
  return out;
}
