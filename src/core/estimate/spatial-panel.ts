/**
 * The data side of the spatial panel models (sdm.ts): a balanced panel laid
 * out period by period in the order of the weights' units (row t·N + i), the
 * within transformation of the fixed effects, and the spatial lag of each
 * period, W·v_t, and the eigenvalues of W (row-standardised from symmetric
 * raw weights A, W = D⁻¹A is similar to the symmetric D^(−1/2) A D^(−1/2)).
 *
 * @example layoutPanel(unit, time, weights).index // row of the data at t·N + i
 */
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import type { SpatialWeights } from '../analysis/spatial-weights.ts';
import { generalEigenvalues, sparseSymmetricEigenvalues } from './sym-eigen.ts';

/** Fixed effects of a spatial panel model: unit, time or both (two-way). */
export type SpatialFe = 'unit' | 'time' | 'both';

export interface PanelLayout {
  /** Units in the weights' order. */
  units: string[];
  /** Periods, sorted. */
  times: Array<string | number>;
  /** Data row of (t, i) at t·N + i. */
  index: Int32Array;
}

const list = (xs: string[], max = 10) => xs.slice(0, max).join(', ') + (xs.length > max ? ` … (${xs.length})` : '');

/**
 * Match the panel's rows to the weights' units, period by period. Errors:
 * units of the panel without weights and units of the weights without data
 * (both named), a unit observed twice in a period, a missing (unit, period)
 * cell (balanced panel required).
 */
export function layoutPanel(
  unit: ArrayLike<string>,
  time: ArrayLike<string | number>,
  weights: SpatialWeights,
  source?: string,
): PanelLayout {
  const units = weights.ids;
  const pos = new Map(units.map((u, i) => [u, i]));
  const where = source ? { file: source } : {};
  const dataUnits = [...new Set(Array.from(unit, String))];
  const notInW = dataUnits.filter((u) => !pos.has(u));
  const inData = new Set(dataUnits);
  const notInData = units.filter((u) => !inData.has(u));
  if (notInW.length || notInData.length) {
    throw new XinzhiError({
      code: 'spatial-units',
      severity: 'error',
      ...where,
      message: bi(
        `面板单位与空间权重的单位不一致：${notInW.length ? `数据中有而权重中没有：${list(notInW)}` : ''}${notInW.length && notInData.length ? '；' : ''}${notInData.length ? `权重中有而数据中没有：${list(notInData)}` : ''}`,
        `the panel's units and the spatial weights' units differ: ${notInW.length ? `in the data but not in the weights: ${list(notInW)}` : ''}${notInW.length && notInData.length ? '; ' : ''}${notInData.length ? `in the weights but not in the data: ${list(notInData)}` : ''}`,
      ),
      fix: bi(
        '使单位名称一致，或在数据 / 边列表中补齐或删去这些单位',
        'use the same unit names, or add or remove these units in the data or the edge list',
      ),
    });
  }
  const times = [...new Set(Array.from(time))].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)),
  );
  const tpos = new Map(times.map((t, k) => [t, k]));
  const N = units.length;
  const index = new Int32Array(N * times.length).fill(-1);
  for (let r = 0; r < unit.length; r++) {
    const cell = tpos.get(time[r])! * N + pos.get(String(unit[r]))!;
    if (index[cell] >= 0) {
      throw new XinzhiError({
        code: 'duplicate-cell',
        severity: 'error',
        ...where,
        unit: String(unit[r]),
        time: time[r],
        message: bi('同一单位在同一时期出现两次', 'a unit appears twice in one period'),
        fix: bi('每个单位每期只保留一行', 'keep one row per unit and period'),
      });
    }
    index[cell] = r;
  }
  const missing: string[] = [];
  index.forEach((r, cell) => {
    if (r < 0) missing.push(`${units[cell % N]} @ ${times[Math.floor(cell / N)]}`);
  });
  if (missing.length) {
    throw new XinzhiError({
      code: 'unbalanced-panel',
      severity: 'error',
      ...where,
      message: bi(
        `空间面板模型需要平衡面板，缺少 ${missing.length} 个单位-时期：${list(missing)}`,
        `spatial panel models need a balanced panel; ${missing.length} unit-period cells are missing: ${list(missing)}`,
      ),
      fix: bi(
        '补齐这些单位-时期，或删去不完整的单位 / 时期（同时从空间权重中删去该单位）',
        'fill these cells, or drop the incomplete units or periods (and the units from the weights)',
      ),
    });
  }
  return { units, times, index };
}

/** A column in layout order (t·N + i). */
export function arrange(values: ArrayLike<number>, layout: PanelLayout): Float64Array {
  const out = new Float64Array(layout.index.length);
  for (let c = 0; c < out.length; c++) out[c] = values[layout.index[c]];
  return out;
}

/**
 * Within transformation of a balanced N × T column (layout order): unit FE
 * v − v̄_i, time FE v − v̄_t, both v − v̄_i − v̄_t + v̄.
 */
export function within(v: Float64Array, N: number, T: number, fe: SpatialFe): Float64Array {
  const unitMean = new Float64Array(N);
  const timeMean = new Float64Array(T);
  let all = 0;
  for (let t = 0; t < T; t++)
    for (let i = 0; i < N; i++) {
      const x = v[t * N + i];
      unitMean[i] += x / T;
      timeMean[t] += x / N;
      all += x;
    }
  all /= N * T;
  const out = new Float64Array(v.length);
  for (let t = 0; t < T; t++)
    for (let i = 0; i < N; i++) {
      const c = t * N + i;
      out[c] =
        fe === 'unit'
          ? v[c] - unitMean[i]
          : fe === 'time'
            ? v[c] - timeMean[t]
            : v[c] - unitMean[i] - timeMean[t] + all;
    }
  return out;
}

/** Spatial lag of every period: (I_T ⊗ W) v. */
export function lagPanel(w: SpatialWeights, v: Float64Array): Float64Array {
  const N = w.ids.length;
  const out = new Float64Array(v.length);
  for (let base = 0; base < v.length; base += N) {
    for (let i = 0; i < N; i++) {
      let s = 0;
      for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) s += w.weights[k] * v[base + w.neighbours[k]];
      out[base + i] = s;
    }
  }
  return out;
}

/**
 * Row-standardise raw weights A (W = D⁻¹A). Units without neighbours (zero
 * rows, islands) are an error naming them: a zero row cannot be
 * row-standardised and would leave the unit outside every spillover.
 */
export function rowStandardised(a: SpatialWeights): SpatialWeights {
  const N = a.ids.length;
  const islands: string[] = [];
  const weights = new Float64Array(a.weights.length);
  for (let i = 0; i < N; i++) {
    let s = 0;
    for (let k = a.offsets[i]; k < a.offsets[i + 1]; k++) s += a.weights[k];
    if (!(s > 0)) islands.push(a.ids[i]);
    for (let k = a.offsets[i]; k < a.offsets[i + 1]; k++) weights[k] = a.weights[k] / s;
  }
  if (islands.length) {
    throw new XinzhiError({
      code: 'spatial-islands',
      severity: 'error',
      message: bi(
        `以下单位没有邻居（孤岛），其权重行全为零，无法行标准化：${list(islands)}`,
        `these units have no neighbours (islands): their weight rows are zero and cannot be row-standardised: ${list(islands)}`,
      ),
      fix: bi(
        '为孤岛指定邻居（queen / rook 默认把孤岛与边界最近的单位相连；边列表中添加边），或从数据中删去这些单位',
        'give the islands neighbours (queen / rook link them to the unit with the nearest boundary by default; add links to the edge list), or drop these units',
      ),
    });
  }
  return { ...a, weights, style: 'W' };
}

/** Eigenvalues of W: real parts, and imaginary parts when some are complex (non-symmetric weights). */
export interface Spectrum {
  re: Float64Array;
  im: Float64Array | null;
}

/**
 * Eigenvalues of W = D⁻¹A. Symmetric raw weights (|s_ij − s_ji| ≤ 1e−12 · max |s|
 * for S = D^(−1/2)AD^(−1/2)): those of S, real (sparseSymmetricEigenvalues:
 * S renumbered to a narrow band and reduced by Givens rotations when its
 * pattern allows, as contiguity and nearest-neighbour links do; otherwise
 * dense Householder + QL, (4/3)·N³ flops). Otherwise (e.g. k nearest neighbours):
 * those of W itself, possibly complex (balancing, Hessenberg form, shifted QR;
 * about 10·N³).
 */
export function weightsEigenvalues(a: SpatialWeights, w: SpatialWeights): Spectrum {
  const N = a.ids.length;
  const d = new Float64Array(N);
  for (let i = 0; i < N; i++) for (let k = a.offsets[i]; k < a.offsets[i + 1]; k++) d[i] += a.weights[k];
  let max = 0;
  const s = new Float64Array(a.weights.length);
  for (let i = 0; i < N; i++)
    for (let k = a.offsets[i]; k < a.offsets[i + 1]; k++) {
      s[k] = a.weights[k] / Math.sqrt(d[i] * d[a.neighbours[k]]);
      max = Math.max(max, Math.abs(s[k]));
    }
  let symmetric = true;
  for (let i = 0; i < N && symmetric; i++)
    for (let k = a.offsets[i]; k < a.offsets[i + 1]; k++)
      if (Math.abs(s[k] - entry(a, s, a.neighbours[k], i)) > 1e-12 * max) {
        symmetric = false;
        break;
      }
  if (symmetric) return { re: sparseSymmetricEigenvalues(N, a.offsets, a.neighbours, s), im: null };
  const dense = new Float64Array(N * N);
  for (let i = 0; i < N; i++)
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) dense[i * N + w.neighbours[k]] = w.weights[k];
  const { re, im } = generalEigenvalues(dense, N);
  return { re, im: im.some((v) => v !== 0) ? im : null };
}

/** Value of row i, column j of a sparse matrix with a's pattern (columns ascending within a row), 0 where absent. */
function entry(a: SpatialWeights, values: Float64Array, i: number, j: number): number {
  let lo = a.offsets[i];
  let hi = a.offsets[i + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = a.neighbours[mid];
    if (c === j) return values[mid];
    if (c < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}
