/**
 * Principal-component weights (主成分分析法确定权重), in the variant used in
 * Chinese composite-index studies built with SPSS factor/PCA output:
 *
 * 1. Standardise the columns (z-scores, sample sd) and take the correlation
 *    matrix R — or, with `standardize: false`, the sample covariance matrix.
 * 2. Eigen-decompose: R u_k = λ_k u_k, λ_1 ≥ λ_2 ≥ …; explained share
 *    λ_k / Σλ. Retain the first m components whose cumulative share reaches
 *    `cumulative` (default 0.85).
 * 3. Loadings a_jk = u_jk √λ_k (SPSS "component matrix"); the coefficient of
 *    indicator j in component k is a_jk / √λ_k = u_jk.
 * 4. Composite coefficient c_j = Σ_{k≤m} (λ_k / Σ_{l≤m} λ_l) · a_jk/√λ_k
 *    (average over retained components weighted by their variance shares).
 * 5. w_j = |c_j| / Σ_j |c_j|.
 *
 * Eigenvector signs are not determined by the decomposition; we fix them so
 * that Σ_j u_jk > 0 (if the sum is 0 within 1e-12, the entry of largest
 * absolute value is made positive), so the first component points "up" with
 * the indicators. Sources: Jolliffe (2002) Principal Component Analysis, 2nd
 * ed., Springer (decomposition, loadings); the weighting in steps 3–5 is the
 * "主成分综合模型" as commonly applied to SPSS output in Chinese index
 * studies (no single canonical source; the steps are spelled out above and in
 * docs/methods.md). The OECD/JRC Handbook (2008, §6.1) describes a different
 * variant (squared rotated loadings), not implemented here.
 *
 * Degenerate cases: fewer than two rows → error; a constant column cannot be
 * standardised → error naming the column (drop it or use standardize: false).
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { bi } from '../../i18n.ts';
import { checkColumns, columnLabel, isConstant, MeasureInputError } from './input.ts';

export interface PcaOptions {
  /** Cumulative explained-variance share to reach when retaining components (default 0.85). */
  cumulative?: number;
  /** Use the correlation matrix (true, default) or the covariance matrix (false). */
  standardize?: boolean;
}

export interface PcaResult {
  weights: number[];
  /** All eigenvalues, largest first. */
  eigenvalues: number[];
  /** λ_k / Σλ for every component. */
  explained: number[];
  /** Number of retained components m. */
  components: number;
  /** Loadings u_jk √λ_k of the retained components: loadings[j][k], indicator j, component k. */
  loadings: number[][];
}

/** PCA weights (see module comment). */
export function pcaWeights(cols: ArrayLike<number>[], opts: PcaOptions = {}): PcaResult {
  const n = checkColumns(cols, 'PCA', { minRows: 2 });
  const k = cols.length;
  const cumulative = opts.cumulative ?? 0.85;
  const standardize = opts.standardize ?? true;
  if (!(cumulative > 0 && cumulative <= 1)) {
    throw new MeasureInputError({
      code: 'pca-cumulative',
      severity: 'error',
      message: bi(
        `累计方差贡献率阈值须在 (0, 1] 内，得到 ${cumulative}。`,
        `cumulative must be in (0, 1], got ${cumulative}.`,
      ),
      fix: bi('常用 0.85。', 'A common value is 0.85.'),
    });
  }
  const means = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const c = cols[j];
    if (standardize && isConstant(c)) {
      throw new MeasureInputError(
        {
          code: 'pca-constant',
          severity: 'error',
          column: columnLabel(j),
          message: bi(`第 ${j + 1} 列为常数，无法标准化。`, `column ${j + 1} is constant and cannot be standardised.`),
          fix: bi(
            '去掉该指标，或使用 standardize: false（协方差矩阵）。',
            'Drop the indicator, or use standardize: false (covariance matrix).',
          ),
        },
        { columnIndex: j },
      );
    }
    let s = 0;
    for (let i = 0; i < n; i++) s += c[i];
    means[j] = s / n;
  }
  // Sample covariance matrix, then correlation if standardising.
  const cov = new Matrix(k, k);
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const x = cols[a];
      const y = cols[b];
      const ma = means[a];
      const mb = means[b];
      let s = 0;
      for (let i = 0; i < n; i++) s += (x[i] - ma) * (y[i] - mb);
      cov.set(a, b, s / (n - 1));
      cov.set(b, a, s / (n - 1));
    }
  }
  let m = cov;
  if (standardize) {
    m = new Matrix(k, k);
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        m.set(a, b, a === b ? 1 : cov.get(a, b) / Math.sqrt(cov.get(a, a) * cov.get(b, b)));
      }
    }
  }
  const evd = new EigenvalueDecomposition(m, { assumeSymmetric: true });
  const raw = evd.realEigenvalues;
  const vecs = evd.eigenvectorMatrix;
  const order = raw.map((_, i) => i).sort((p, q) => raw[q] - raw[p]);
  const eigenvalues = order.map((i) => raw[i]);
  let total = 0;
  for (const l of eigenvalues) total += l;
  const explained = eigenvalues.map((l) => l / total);
  let comps = 0;
  let cum = 0;
  while (comps < k) {
    cum += explained[comps];
    comps++;
    if (cum >= cumulative - 1e-12) break;
  }
  const loadings: number[][] = Array.from({ length: k }, () => new Array<number>(comps).fill(0));
  const coef = new Float64Array(k);
  let retained = 0;
  for (let c = 0; c < comps; c++) retained += eigenvalues[c];
  for (let c = 0; c < comps; c++) {
    const col = order[c];
    const u = new Float64Array(k);
    let s = 0;
    let big = 0;
    for (let j = 0; j < k; j++) {
      u[j] = vecs.get(j, col);
      s += u[j];
      if (Math.abs(u[j]) > Math.abs(u[big])) big = j;
    }
    // Normalise to unit length (the decomposition already does, but be exact about it).
    let norm = 0;
    for (let j = 0; j < k; j++) norm += u[j] * u[j];
    norm = Math.sqrt(norm);
    const sign = Math.abs(s) > 1e-12 ? Math.sign(s) : Math.sign(u[big]);
    const lam = eigenvalues[c];
    const share = lam / retained;
    for (let j = 0; j < k; j++) {
      const uj = (sign * u[j]) / norm;
      loadings[j][c] = uj * Math.sqrt(Math.max(lam, 0));
      coef[j] += share * uj;
    }
  }
  let sa = 0;
  for (let j = 0; j < k; j++) sa += Math.abs(coef[j]);
  const weights = Array.from(coef, (c) => Math.abs(c) / sa);
  return { weights, eigenvalues, explained, components: comps, loadings };
}
