/**
 * Difference-in-differences with a treatment-group and a post-period dummy,
 * estimated by the fixed-effects regression of fe.ts:
 *
 *   2×2 (no fixed effects):   y = a + b·treat + c·post + δ·treat×post + controls + e
 *   two-way FE (unit + time): y = δ·treat×post + controls + α_i + γ_t + e
 *
 * δ is the ATT. A dummy that is constant within every level of an absorbed
 * fixed effect (treat within units, post within periods) is absorbed and left
 * out; otherwise it stays in the regression. Standard errors are those of the
 * model's preset (Stata's cluster convention by default); the confidence
 * interval uses the t quantile at the model's degrees of freedom (G − 1 when
 * clustered), as Stata's `reghdfe` and `regress, vce(cluster)` print it.
 * Source: Angrist & Pischke (2009), Mostly Harmless Econometrics, ch. 5.
 *
 * @example estimateDid({ y, treat, post, controls: {}, fe: { unit, year }, cluster: unit }, { se: 'cluster', preset: 'stata' }, { treat: 'treat', post: 'post' }).att.estimate
 */
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { factorOf } from './absorb.ts';
import { confint } from './confint.ts';
import { type CoefficientRow, estimateFe, type FeOptions, type FeResult } from './fe.ts';
import { float64Of } from '../stats/gather.ts';

export interface DidData {
  y: ArrayLike<number>;
  /** 1 for the treated group, 0 otherwise. */
  treat: ArrayLike<number>;
  /** 1 for periods after the treatment date, 0 before. */
  post: ArrayLike<number>;
  controls: Record<string, ArrayLike<number>>;
  fe: Record<string, ArrayLike<string | number>>;
  cluster?: ArrayLike<string | number>;
}

/** The average treatment effect on the treated with its test and confidence interval. */
export interface AttRow extends CoefficientRow {
  ci: [number, number];
  /** Degrees of freedom of t and the interval (Infinity: normal). */
  df: number;
}

export type DidResult = Omit<FeResult, 'type'> & {
  type: 'did';
  estimator: '2x2' | 'twfe';
  /** Name of the interaction term in `coefficients`. */
  term: string;
  att: AttRow;
  /** The dummies left out because a fixed effect absorbs them. */
  absorbedTerms: string[];
};

/** True when a column is constant within every level of a factor. */
export function constantWithin(values: ArrayLike<number>, levels: ArrayLike<string | number>): boolean {
  const f = factorOf(levels);
  const seen = new Float64Array(f.levels).fill(Number.NaN);
  for (let i = 0; i < values.length; i++) {
    const c = f.codes[i];
    if (Number.isNaN(seen[c])) seen[c] = values[i];
    else if (seen[c] !== values[i]) return false;
  }
  return true;
}

/** The ATT row of a fitted coefficient: its t test and the interval at the model's df. */
export function attRow(c: CoefficientRow, df: number): AttRow {
  return { ...c, ci: confint(c, df), df };
}

export function estimateDid(data: DidData, opts: FeOptions, names: { treat: string; post: string }): DidResult {
  for (const [name, v] of [
    [names.treat, data.treat],
    [names.post, data.post],
  ] as const) {
    let ones = 0;
    for (let i = 0; i < v.length; i++) {
      if (v[i] !== 0 && v[i] !== 1) {
        throw new XinzhiError({
          code: 'estimate-did-dummy',
          severity: 'error',
          column: name,
          message: bi(
            `${name} 第 ${i + 1} 个观测为 ${v[i]}，应为 0 或 1`,
            `${name} is ${v[i]} in observation ${i + 1}; it must be 0 or 1`,
          ),
          fix: bi(
            '把处理组 / 处理后时期编码为 0/1 虚拟变量',
            'code the treatment group and the post period as 0/1 dummies',
          ),
        });
      }
      ones += v[i];
    }
    if (ones === 0 || ones === v.length) {
      throw new XinzhiError({
        code: 'estimate-did-dummy',
        severity: 'error',
        column: name,
        message: bi(
          `${name} 在所有观测中都为 ${ones ? 1 : 0}，无法估计双重差分`,
          `${name} is ${ones ? 1 : 0} in every observation: no difference to take`,
        ),
        fix: bi('数据需同时包含 0 和 1 两种取值', 'the data need both 0s and 1s'),
      });
    }
  }
  const term = `${names.treat}×${names.post}`;
  const D = float64Of(data.treat.length, (i) => data.treat[i] * data.post[i]);
  const absorbedBy = (v: ArrayLike<number>) => Object.values(data.fe).some((f) => constantWithin(v, f));
  const absorbedTerms: string[] = [];
  const x: Record<string, ArrayLike<number>> = { [term]: D };
  for (const [name, v] of [
    [names.treat, data.treat],
    [names.post, data.post],
  ] as const) {
    if (absorbedBy(v)) absorbedTerms.push(name);
    else x[name] = v;
  }
  for (const [k, v] of Object.entries(data.controls)) x[k] = v;
  const fit = estimateFe({ y: data.y, x, fe: data.fe, ...(data.cluster ? { cluster: data.cluster } : {}) }, opts);
  const { type: _t, ...rest } = fit;
  return {
    ...rest,
    type: 'did',
    estimator: Object.keys(data.fe).length === 0 ? '2x2' : 'twfe',
    term,
    att: attRow(fit.coefficients[term], fit.df),
    absorbedTerms,
  };
}

/**
 * Static two-way FE DID for staggered adoption, the comparison estimate beside
 * Callaway–Sant'Anna: y = δ·D + controls + α_i + γ_t + e with
 * D = 1{cohort > 0 and t ≥ cohort} (cohort 0 = never treated). Under
 * heterogeneous effects δ mixes comparisons with already-treated units
 * (Goodman-Bacon 2021).
 *
 * @example cohortTwfe({ y, time, cohort, controls: {}, fe: { unit, year }, cluster: unit }, { se: 'cluster', preset: 'stata' }).att
 */
export function cohortTwfe(
  data: Omit<DidData, 'treat' | 'post'> & { time: ArrayLike<number>; cohort: ArrayLike<number> },
  opts: FeOptions,
): DidResult {
  const D = float64Of(data.cohort.length, (i) => (data.cohort[i] > 0 && data.time[i] >= data.cohort[i] ? 1 : 0));
  const fit = estimateFe(
    { y: data.y, x: { D, ...data.controls }, fe: data.fe, ...(data.cluster ? { cluster: data.cluster } : {}) },
    opts,
  );
  const { type: _t, ...rest } = fit;
  return {
    ...rest,
    type: 'did',
    estimator: 'twfe',
    term: 'D',
    att: attRow(fit.coefficients.D, fit.df),
    absorbedTerms: [],
  };
}
