/**
 * Callaway & Sant'Anna (2021, Journal of Econometrics 225: 200–230) for
 * staggered adoption, without covariates, on a balanced panel — the numbers of
 * the R `did` package's `att_gt(..., xformla = ~1, bstrap = FALSE)` and `aggte`:
 *
 *   ATT(g,t) = E[Y_t − Y_b | G = g] − E[Y_t − Y_b | C],
 *   b = the period before g when t ≥ g; for t < g, b = t − 1 ("varying", the
 *   package's default) or the period before g ("universal");
 *   C = never treated (G = 0, default) or not yet treated
 *   (G = 0 or G > max(t, b), G ≠ g).
 * Influence function of unit i over all n units (with its treated / control
 * counts n_T, n_C and means m_T, m_C of ΔY = Y_t − Y_b):
 *   ψ_i = n [1{G_i = g}(ΔY_i − m_T)/n_T − 1{i ∈ C}(ΔY_i − m_C)/n_C],
 *   SE = √(Σ ψ_i²) / n (clustered at the unit: one ψ per unit); z tests and
 *   normal intervals.
 * Aggregations θ = Σ w_k ATT_k (Callaway & Sant'Anna 2021, sec. 3; `aggte`):
 *   simple   — t ≥ g, w ∝ P(G = g);
 *   dynamic  — by event time e = t − g, w ∝ P(G = g) within e; overall = mean over e ≥ 0;
 *   group    — θ(g) = mean of ATT(g,t) over t ≥ g; overall = Σ P(G = g) θ(g) / Σ P(G = g);
 *   calendar — θ(t) over g ≤ t, w ∝ P(G = g); overall = mean over t.
 * Where weights are estimated shares, the influence function adds that of the
 * weights: Σ_k ATT_k [(1{G_i = g_k} − p_k)/S − p_k Σ_l (1{G_i = g_l} − p_l)/S²],
 * S = Σ_k p_k (aggte's `wif`).
 * Cohorts after the last period count as never treated, as the package does;
 * units treated in or before the first period have no pre-period and are
 * dropped and counted (`alwaysTreated`).
 *
 * @example callawaySantAnna({ unit, time, y, cohort }, { control: 'never', base: 'varying' }).aggregations.simple.estimate
 */
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { normalQuantile, normalTwoSidedP } from '../stats/distributions.ts';

export const CS_CONTROLS = ['never', 'notyet'] as const;
export type CsControl = (typeof CS_CONTROLS)[number];
export const CS_BASES = ['varying', 'universal'] as const;
export type CsBase = (typeof CS_BASES)[number];

export interface CsData {
  unit: ArrayLike<string | number>;
  /** Period of each row (numbers). */
  time: ArrayLike<number>;
  y: ArrayLike<number>;
  /** First treated period of the row's unit; 0 = never treated. */
  cohort: ArrayLike<number>;
}

export interface CsOptions {
  control: CsControl;
  base: CsBase;
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
}

/** An estimate with its influence-function standard error, z test and normal interval. */
export interface CsEstimate {
  estimate: number;
  se: number;
  z: number;
  p: number;
  ci: [number, number];
}

export interface GroupTime extends CsEstimate {
  g: number;
  t: number;
  /** The base period b of the long difference Y_t − Y_b. */
  base: number;
  nTreated: number;
  nControl: number;
}

export interface CsResult {
  gt: GroupTime[];
  aggregations: {
    simple: CsEstimate;
    dynamic: { overall: CsEstimate; byEventTime: Array<CsEstimate & { e: number }> };
    group: { overall: CsEstimate; byGroup: Array<CsEstimate & { g: number }> };
    calendar: { overall: CsEstimate; byPeriod: Array<CsEstimate & { t: number }> };
  };
  /** Treated cohorts (first treated periods) and units per cohort. */
  cohorts: Array<{ g: number; units: number }>;
  neverTreated: number;
  /** Units dropped: treated in or before the first period (no pre-period). */
  alwaysTreated: number;
  /** Group-time cells left out because no control unit was available (not-yet-treated controls). */
  skipped: Array<{ g: number; t: number }>;
  units: number;
  periods: number[];
  options: { control: CsControl; base: CsBase; level: number };
}

interface Cell {
  g: number;
  t: number;
  base: number;
  att: number;
  psi: Float64Array;
  nTreated: number;
  nControl: number;
}

function fail(code: string, zh: string, en: string, fixZh: string, fixEn: string, column?: string): never {
  throw new XinzhiError({
    code,
    severity: 'error',
    ...(column ? { column } : {}),
    message: bi(zh, en),
    fix: bi(fixZh, fixEn),
  });
}

/** Units × periods matrix of y and each unit's cohort; a balanced panel is required. */
function wide(data: CsData) {
  const unitIds = [...new Set(Array.from(data.unit, String))];
  const periods = [...new Set(Array.from(data.time))].sort((a, b) => a - b);
  const ui = new Map(unitIds.map((u, i) => [u, i]));
  const ti = new Map(periods.map((t, i) => [t, i]));
  const T = periods.length;
  const Y = new Float64Array(unitIds.length * T).fill(Number.NaN);
  const cohort = new Float64Array(unitIds.length).fill(Number.NaN);
  for (let r = 0; r < data.y.length; r++) {
    const u = ui.get(String(data.unit[r]))!;
    const t = ti.get(data.time[r])!;
    if (!Number.isNaN(Y[u * T + t]))
      fail(
        'estimate-cs-panel',
        `单位 ${unitIds[u]} 在时期 ${periods[t]} 有重复行`,
        `unit ${unitIds[u]} has two rows for period ${periods[t]}`,
        '每个单位每期只保留一行',
        'keep one row per unit and period',
      );
    Y[u * T + t] = data.y[r];
    if (Number.isNaN(cohort[u])) cohort[u] = data.cohort[r];
    else if (cohort[u] !== data.cohort[r])
      fail(
        'estimate-cs-cohort',
        `单位 ${unitIds[u]} 的 cohort 前后不一（${cohort[u]} 与 ${data.cohort[r]}）`,
        `unit ${unitIds[u]} has two cohorts (${cohort[u]} and ${data.cohort[r]})`,
        'cohort 是单位的首次处理时期，同一单位各行应相同',
        'cohort is the unit’s first treated period: the same on every row of the unit',
        'cohort',
      );
  }
  for (let u = 0; u < unitIds.length; u++)
    for (let t = 0; t < T; t++)
      if (Number.isNaN(Y[u * T + t]))
        fail(
          'estimate-cs-panel',
          `Callaway–Sant'Anna 需要平衡面板：单位 ${unitIds[u]} 缺少时期 ${periods[t]}`,
          `Callaway–Sant'Anna needs a balanced panel: unit ${unitIds[u]} has no row for period ${periods[t]}`,
          '补齐该单位该期的观测，或删去该单位',
          'add the row, or remove the unit',
        );
  return { unitIds, periods, Y, cohort, T };
}

export function callawaySantAnna(data: CsData, opts: CsOptions): CsResult {
  const level = opts.level ?? 0.95;
  const w = wide(data);
  const { periods, T } = w;
  const first = periods[0];
  const last = periods[T - 1];
  // cohorts after the panel are never treated in it; cohorts at or before the first period have no pre-period
  const keepUnits: number[] = [];
  let alwaysTreated = 0;
  for (let u = 0; u < w.unitIds.length; u++) {
    const g = w.cohort[u];
    if (g !== 0 && g <= first) alwaysTreated++;
    else keepUnits.push(u);
  }
  const n = keepUnits.length;
  const G = Float64Array.from(keepUnits, (u) => (w.cohort[u] > last ? 0 : w.cohort[u]));
  const Y = (i: number, t: number) => w.Y[keepUnits[i] * T + t];
  const glist = [...new Set(G)].filter((g) => g > 0).sort((a, b) => a - b);
  for (const g of glist)
    if (!periods.includes(g))
      fail(
        'estimate-cs-cohort',
        `cohort ${g} 不是面板中的时期`,
        `cohort ${g} is not a period of the panel`,
        'cohort 应为首次处理所在的时期（时间列中的值），从未处理填 0 或留空',
        'cohort must be the first treated period (a value of the time column); 0 or empty for never treated',
        'cohort',
      );
  if (glist.length === 0)
    fail(
      'estimate-cs-cohort',
      '没有在面板期内开始处理的单位',
      'no unit starts treatment within the panel',
      '在 cohort 列填写首次处理的时期',
      'give the first treated period in the cohort column',
      'cohort',
    );
  const never = G.reduce((s, g) => s + (g === 0 ? 1 : 0), 0);
  if (opts.control === 'never' && never === 0)
    fail(
      'estimate-cs-control',
      '没有从未处理的单位，无法以其为对照组',
      'there are no never-treated units to serve as controls',
      '改用 "control": "notyet"（尚未处理的单位为对照）',
      'use "control": "notyet" (not-yet-treated units as controls)',
      'control',
    );

  const cells: Cell[] = [];
  const skipped: Array<{ g: number; t: number }> = [];
  for (const g of glist) {
    const gi = periods.indexOf(g);
    for (let ti = 0; ti < T; ti++) {
      let bi: number;
      if (opts.base === 'varying') {
        if (ti === 0) continue;
        bi = periods[ti] < g ? ti - 1 : gi - 1;
      } else {
        bi = gi - 1;
        if (ti === bi) continue;
      }
      const t = periods[ti];
      const b = periods[bi];
      const isControl = (i: number) => G[i] === 0 || (opts.control === 'notyet' && G[i] > Math.max(t, b) && G[i] !== g);
      let nT = 0;
      let nC = 0;
      let sT = 0;
      let sC = 0;
      const dy = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        dy[i] = Y(i, ti) - Y(i, bi);
        if (G[i] === g) {
          nT++;
          sT += dy[i];
        } else if (isControl(i)) {
          nC++;
          sC += dy[i];
        }
      }
      if (nC === 0) {
        skipped.push({ g, t });
        continue;
      }
      const mT = sT / nT;
      const mC = sC / nC;
      const psi = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        if (G[i] === g) psi[i] = (n * (dy[i] - mT)) / nT;
        else if (isControl(i)) psi[i] = (-n * (dy[i] - mC)) / nC;
      }
      cells.push({ g, t, base: b, att: mT - mC, psi, nTreated: nT, nControl: nC });
    }
  }
  const q = normalQuantile(1 - (1 - level) / 2);
  const est = (estimate: number, psi: Float64Array): CsEstimate => {
    let ss = 0;
    for (let i = 0; i < n; i++) ss += psi[i] * psi[i];
    const se = Math.sqrt(ss) / n;
    const z = estimate / se;
    return { estimate, se, z, p: normalTwoSidedP(z), ci: [estimate - q * se, estimate + q * se] };
  };
  const share = new Map(glist.map((g) => [g, G.reduce((s, v) => s + (v === g ? 1 : 0), 0) / n]));
  /** Share-weighted average of cells and its influence function, that of the estimated weights included (aggte's wif). */
  const weightedPsi = (items: Array<{ g: number; att: number; psi: Float64Array }>) => {
    const p = items.map((c) => share.get(c.g)!);
    const S = p.reduce((s, v) => s + v, 0);
    const psi = new Float64Array(n);
    const indSum = new Float64Array(n); // Σ_l (1{G_i = g_l} − p_l), per unit
    let theta = 0;
    items.forEach((c, k) => {
      theta += (p[k] / S) * c.att;
      for (let i = 0; i < n; i++) {
        psi[i] += (p[k] / S) * c.psi[i];
        indSum[i] += (G[i] === c.g ? 1 : 0) - p[k];
      }
    });
    items.forEach((c, k) => {
      for (let i = 0; i < n; i++)
        psi[i] += c.att * (((G[i] === c.g ? 1 : 0) - p[k]) / S - (p[k] * indSum[i]) / (S * S));
    });
    return { theta, psi };
  };
  const weighted = (items: Array<{ g: number; att: number; psi: Float64Array }>): CsEstimate => {
    const { theta, psi } = weightedPsi(items);
    return est(theta, psi);
  };
  /** Plain mean of estimates with known influence functions. */
  const mean = (items: Array<{ theta: number; psi: Float64Array }>): CsEstimate => {
    const psi = new Float64Array(n);
    let theta = 0;
    for (const c of items) {
      theta += c.theta / items.length;
      for (let i = 0; i < n; i++) psi[i] += c.psi[i] / items.length;
    }
    return est(theta, psi);
  };

  const post = cells.filter((c) => c.t >= c.g);
  if (post.length === 0)
    fail(
      'estimate-cs-cells',
      '没有可估计的处理后组别-时期 ATT',
      'no post-treatment group-time ATT could be estimated',
      '检查 cohort 与时间列，或改用从未处理单位作对照',
      'check the cohort and time columns, or use never-treated controls',
    );
  const simple = weighted(post);

  const eventTimes = [...new Set(cells.map((c) => c.t - c.g))].sort((a, b) => a - b);
  const byE = eventTimes.map((e) => ({ e, ...weightedPsi(cells.filter((c) => c.t - c.g === e)) }));
  const dynamic = {
    overall: mean(byE.filter((d) => d.e >= 0)),
    byEventTime: byE.map((d) => ({ e: d.e, ...est(d.theta, d.psi) })),
  };

  const groups = glist
    .map((g) => ({ g, cs: post.filter((c) => c.g === g) }))
    .filter((x) => x.cs.length > 0)
    .map(({ g, cs }) => {
      const psi = new Float64Array(n);
      let att = 0;
      for (const c of cs) {
        att += c.att / cs.length;
        for (let i = 0; i < n; i++) psi[i] += c.psi[i] / cs.length;
      }
      return { g, att, psi };
    });
  const group = {
    overall: weighted(groups),
    byGroup: groups.map((x) => ({ g: x.g, ...est(x.att, x.psi) })),
  };

  const calendarPeriods = periods.filter((t) => t >= glist[0] && post.some((c) => c.t === t));
  const byT = calendarPeriods.map((t) => ({ t, ...weightedPsi(post.filter((c) => c.t === t)) }));
  const calendar = {
    overall: mean(byT),
    byPeriod: byT.map((d) => ({ t: d.t, ...est(d.theta, d.psi) })),
  };

  return {
    gt: cells.map((c) => ({
      g: c.g,
      t: c.t,
      base: c.base,
      nTreated: c.nTreated,
      nControl: c.nControl,
      ...est(c.att, c.psi),
    })),
    aggregations: { simple, dynamic, group, calendar },
    cohorts: glist.map((g) => ({ g, units: Math.round(share.get(g)! * n) })),
    neverTreated: never,
    alwaysTreated,
    skipped,
    units: n,
    periods,
    options: { control: opts.control, base: opts.base, level },
  };
}
