/**
 * Moderation with a centred interaction (Aiken & West 1991), as a
 * fixed-effects regression:
 *   Y = b_x·(X − x̄) + b_z·(Z − z̄) + b_xz·(X − x̄)(Z − z̄) + controls | FE
 * with x̄, z̄ the means over the estimation sample. Simple slopes of X at
 * Z = z̄ ∓ 1 SD (sample SD, n − 1): b_x ± s·b_xz, with standard errors
 * √(V_xx + s²V_xzxz ± 2s·V_x,xz) from the model's variance (any SE preset).
 *
 * @example moderation({ y, x, z, controls: {}, fe: { firm, year }, cluster: firm }, { se: 'cluster', preset: 'stata' }).slopes
 */
import { mean } from '../stats/descriptive.ts';
import { tTwoSidedP } from '../stats/distributions.ts';
import { estimateFe, type FeOptions, type FeResult } from './fe.ts';
import { float64Of } from '../stats/gather.ts';

export interface ModerationData {
  y: ArrayLike<number>;
  x: ArrayLike<number>;
  z: ArrayLike<number>;
  controls: Record<string, ArrayLike<number>>;
  fe: Record<string, ArrayLike<string | number>>;
  cluster?: ArrayLike<string | number>;
}

export interface SimpleSlope {
  /** Where Z is held: its mean − 1 SD, the mean, or its mean + 1 SD. */
  at: 'low' | 'mean' | 'high';
  z: number;
  estimate: number;
  se: number;
  t: number;
  p: number;
}

export interface ModerationResult {
  type: 'moderation';
  fit: FeResult;
  centre: { x: number; z: number };
  sdZ: number;
  slopes: SimpleSlope[];
}

export function moderation(data: ModerationData, fe: FeOptions): ModerationResult {
  const mx = mean(data.x);
  const mz = mean(data.z);
  const n = data.y.length;
  const xc = float64Of(n, (i) => data.x[i] - mx);
  const zc = float64Of(n, (i) => data.z[i] - mz);
  const xz = float64Of(n, (i) => xc[i] * zc[i]);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += zc[i] * zc[i];
  const sdZ = Math.sqrt(ss / (n - 1));
  const fit = estimateFe(
    {
      y: data.y,
      x: { x: xc, z: zc, xz, ...data.controls },
      fe: data.fe,
      ...(data.cluster ? { cluster: data.cluster } : {}),
    },
    { ...fe, dropSingletons: false },
  );
  const V = fit.vcov;
  const bx = fit.coefficients.x.estimate;
  const bxz = fit.coefficients.xz.estimate;
  const slopes = (['low', 'mean', 'high'] as const).map((at, k): SimpleSlope => {
    const s = (k - 1) * sdZ;
    const estimate = bx + s * bxz;
    const se = Math.sqrt(V[0][0] + s * s * V[2][2] + 2 * s * V[0][2]);
    const t = estimate / se;
    return { at, z: mz + s, estimate, se, t, p: tTwoSidedP(t, fit.df) };
  });
  return { type: 'moderation', fit, centre: { x: mx, z: mz }, sdZ, slopes };
}
