/**
 * Identification statistics of an IV model from the rank of the first-stage
 * coefficient matrix (Kleibergen & Paap 2006, J. Econometrics 133: 97–126), as
 * Stata's `ranktest` computes them for `ivreg2` / `ivreghdfe` (Baum, Schaffer &
 * Stillman 2007, Stata Journal 7(4)):
 *
 *   Y (N × K endogenous) and Z (N × L excluded instruments), both with the
 *   exogenous regressors and fixed effects partialled out; Π̂ = (ZᵀZ)⁻¹ZᵀY;
 *   Θ̂ = F Π̂ G with F = chol(ZᵀZ)ᵀ and G = chol(YᵀY)ᵀ⁻¹ (both normalisations
 *   from the unrestricted cross products, also in the Wald form);
 *   Θ̂ = U S Vᵀ (singular values = canonical correlations of Y and Z).
 *   Test of rank(Π) = q (here q = K − 1, "full rank", i = K):
 *     A⊥ = [U₁₂; U₂₂] U₂₂⁻¹ (U₂₂U₂₂ᵀ)^½,  B⊥ = (V₂₂V₂₂ᵀ)^½ V₂₂ᵀ⁻¹ [V₁₂; V₂₂]ᵀ,
 *     λ = (B⊥ ⊗ A⊥ᵀ) vec Θ̂,  Ω = (B⊥ ⊗ A⊥ᵀ) Ŵ (B⊥ ⊗ A⊥ᵀ)ᵀ,  rk = λᵀ Ω⁻¹ λ,
 *   Ŵ the sandwich variance of vec Θ̂, (Gᵀ ⊗ chol(ZᵀZ)⁻¹) Σ_c s_c s_cᵀ (G ⊗ chol(ZᵀZ)⁻ᵀ),
 *   s_c = Σ_{i∈c} eᵢ ⊗ zᵢ summed by cluster (by observation when robust), with
 *   no small-sample factor, where e = Y (LM form: the residuals under the null
 *   Π = 0) or e = Y − ZΠ̂ (Wald form).
 *   rk ~ χ²((L − q)(K − q)) = χ²(L − K + 1) under the null of underidentification.
 * With iid errors the statistics are those of the canonical correlations r_j:
 *   Anderson LM = N · r²_min, Cragg–Donald Wald = N · r²_min / (1 − r²_min).
 *
 * @example rankTest({ y: [x1], z: [z1, z2], groups: null, form: 'wald', vce: 'robust' }).rk
 */
import { CholeskyDecomposition, EigenvalueDecomposition, inverse, Matrix, solve } from 'ml-matrix';
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';

export interface RankTestInput {
  /** Endogenous regressors, partialled (K columns of length N). */
  y: ReadonlyArray<ArrayLike<number>>;
  /** Excluded instruments, partialled (L ≥ K columns). */
  z: ReadonlyArray<ArrayLike<number>>;
  /** Cluster codes 0..clusters−1 (vce "cluster"); null otherwise. */
  groups: Int32Array | null;
  clusters?: number;
  /** 'lm': e = Y (null-restricted); 'wald': e = Y − ZΠ̂. */
  form: 'lm' | 'wald';
  vce: 'iid' | 'robust' | 'cluster';
}

export interface RankTestResult {
  /** The rk statistic of the test of full rank (no small-sample factor). */
  rk: number;
  df: number;
  /** Canonical correlations of Y and Z, largest first. */
  ccorr: number[];
  n: number;
}

const cross = (a: ReadonlyArray<ArrayLike<number>>, b: ReadonlyArray<ArrayLike<number>>): Matrix =>
  new Matrix(
    a.map((x) =>
      b.map((y) => {
        let s = 0;
        for (let i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
      }),
    ),
  );

/** Eigenvectors of a symmetric matrix as columns, eigenvalues in decreasing order. */
function symEigen(m: Matrix): { values: number[]; vectors: Matrix } {
  const e = new EigenvalueDecomposition(m, { assumeSymmetric: true });
  const vals = e.realEigenvalues;
  const order = vals.map((_, i) => i).sort((a, b) => vals[b] - vals[a]);
  const V = e.eigenvectorMatrix;
  return {
    values: order.map((i) => vals[i]),
    vectors: new Matrix(Array.from({ length: V.rows }, (_, r) => order.map((c) => V.get(r, c)))),
  };
}

/** Symmetric square root of a symmetric positive semi-definite matrix. */
function symSqrt(m: Matrix): Matrix {
  const { values, vectors } = symEigen(m);
  const d = Matrix.diag(values.map((v) => Math.sqrt(Math.max(v, 0))));
  return vectors.mmul(d).mmul(vectors.transpose());
}

function kron(a: Matrix, b: Matrix): Matrix {
  const out = new Matrix(a.rows * b.rows, a.columns * b.columns);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < a.columns; j++) {
      const s = a.get(i, j);
      if (s === 0) continue;
      for (let k = 0; k < b.rows; k++)
        for (let l = 0; l < b.columns; l++) out.set(i * b.rows + k, j * b.columns + l, s * b.get(k, l));
    }
  return out;
}

/** vec(): columns stacked. */
const vec = (m: Matrix): Matrix => Matrix.columnVector(m.transpose().to1DArray());

function notFullRank(): XinzhiError {
  return new XinzhiError({
    code: 'iv-rank',
    severity: 'error',
    message: bi(
      '内生变量或工具变量（去除固定效应和外生变量后）完全共线，无法计算识别检验',
      'the endogenous regressors or the instruments are collinear once the fixed effects and exogenous regressors are removed: no identification statistics',
    ),
    fix: bi(
      '删除重复或被固定效应吸收的工具变量',
      'drop duplicated instruments or instruments absorbed by the fixed effects',
    ),
  });
}

/** Lower Cholesky factor, or a located error when the matrix is not positive definite. */
function chol(m: Matrix): Matrix {
  const c = new CholeskyDecomposition(m);
  if (!c.isPositiveDefinite()) throw notFullRank();
  return c.lowerTriangularMatrix;
}

/** The Kleibergen–Paap rk statistic of the test that the K × L first stage has full rank K (ranktest's `full`). */
export function rankTest(input: RankTestInput): RankTestResult {
  const { y, z } = input;
  const K = y.length;
  const L = z.length;
  const n = y[0].length;
  const zz = cross(z, z);
  const zy = cross(z, y);
  const yy = cross(y, y);
  const ry = chol(yy);
  const rz = chol(zz);
  const pi = solve(zz, zy); // L × K
  const iry = inverse(ry.transpose());
  const irz = inverse(rz.transpose());
  const theta = rz.transpose().mmul(pi).mmul(iry); // L × K
  // right singular vectors from ΘᵀΘ, left from ΘΘᵀ (full L × L basis; signs and the
  // basis of the null space do not change the statistic)
  const right = symEigen(theta.transpose().mmul(theta));
  const left = symEigen(theta.mmul(theta.transpose()));
  const ev = right.values.map((v) => Math.min(Math.max(v, 0), 1));
  const ccorr = ev.map(Math.sqrt);
  const i = K; // test of rank K − 1 against K
  const df = (L - i + 1) * (K - i + 1);
  if (input.vce === 'iid') {
    let rk = 0;
    for (let j = i - 1; j < K; j++) rk += input.form === 'lm' ? ev[j] : ev[j] / (1 - ev[j]);
    return { rk: n * rk, df, ccorr, n };
  }
  // scores eᵢ ⊗ zᵢ (vec order: endogenous k outer, instrument l inner), summed by cluster
  const e =
    input.form === 'lm'
      ? y
      : y.map((yc, k) => Float64Array.from(yc, (v, r) => v - z.reduce((s, zc, l) => s + zc[r] * pi.get(l, k), 0)));
  const G = input.vce === 'cluster' ? (input.clusters ?? 0) : n;
  const KL = K * L;
  const sums = new Float64Array(G * KL);
  for (let r = 0; r < n; r++) {
    const g = input.vce === 'cluster' ? input.groups![r] : r;
    for (let k = 0; k < K; k++) {
      const ek = e[k][r];
      if (ek === 0) continue;
      for (let l = 0; l < L; l++) sums[g * KL + k * L + l] += ek * z[l][r];
    }
  }
  const meat = new Matrix(KL, KL);
  for (let g = 0; g < G; g++)
    for (let a = 0; a < KL; a++) {
      const sa = sums[g * KL + a];
      if (sa === 0) continue;
      for (let b = 0; b < KL; b++) meat.set(a, b, meat.get(a, b) + sa * sums[g * KL + b]);
    }
  const T = kron(iry.transpose(), irz.transpose());
  const W = T.mmul(meat).mmul(T.transpose());
  const U = left.vectors;
  const V = right.vectors;
  const u22 = U.subMatrix(i - 1, L - 1, i - 1, L - 1);
  const v22 = V.subMatrix(i - 1, K - 1, i - 1, K - 1);
  const uCol = U.subMatrix(0, L - 1, i - 1, L - 1); // [U₁₂; U₂₂]
  const vCol = V.subMatrix(0, K - 1, i - 1, K - 1); // [V₁₂; V₂₂]
  const aq = uCol.mmul(inverse(u22)).mmul(symSqrt(u22.mmul(u22.transpose())));
  const bq = symSqrt(v22.mmul(v22.transpose())).mmul(inverse(v22.transpose())).mmul(vCol.transpose());
  const R = kron(bq, aq.transpose());
  const lambda = R.mmul(vec(theta));
  const omega = R.mmul(W).mmul(R.transpose());
  const sym = omega.add(omega.transpose()).div(2);
  const rk = lambda.transpose().mmul(solve(sym, lambda)).get(0, 0);
  return { rk, df, ccorr, n };
}
