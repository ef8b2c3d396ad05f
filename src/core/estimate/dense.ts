/**
 * Small dense linear algebra for the spatial panel models: cross products of
 * columns, the inverse of a small symmetric positive definite matrix
 * (Cholesky), a Cholesky factor for simulation draws, and the inverse of an
 * N × N matrix (Gauss–Jordan with partial pivoting; used once per fit for
 * the expected information, never inside the likelihood).
 *
 * @example invertSpd([[4, 2], [2, 3]]) // [[0.375, -0.25], [-0.25, 0.5]]
 */

/** Σ a_r b_r. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let r = 0; r < a.length; r++) s += a[r] * b[r];
  return s;
}

/** Lower Cholesky factor L of a symmetric positive definite matrix (A = L Lᵀ); null when not positive definite. */
export function cholesky(a: number[][]): number[][] | null {
  const p = a.length;
  const L = a.map(() => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    let s = a[j][j];
    for (let k = 0; k < j; k++) s -= L[j][k] * L[j][k];
    if (!(s > 0)) return null;
    L[j][j] = Math.sqrt(s);
    for (let i = j + 1; i < p; i++) {
      let t = a[i][j];
      for (let k = 0; k < j; k++) t -= L[i][k] * L[j][k];
      L[i][j] = t / L[j][j];
    }
  }
  return L;
}

/** Inverse of a symmetric matrix by Gauss–Jordan with partial pivoting (general square matrices too). */
export function invert(a: number[][]): number[][] {
  const p = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: p }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    if (m[piv][c] === 0) throw new Error('singular matrix');
    [m[c], m[piv]] = [m[piv], m[c]];
    const inv = 1 / m[c][c];
    for (let k = 0; k < 2 * p; k++) m[c][k] *= inv;
    for (let r = 0; r < p; r++) {
      if (r === c || m[r][c] === 0) continue;
      const f = m[r][c];
      for (let k = 0; k < 2 * p; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row) => row.slice(p));
}

/** Solve A x = b for a small matrix A (A⁻¹ b). */
export function solve(a: number[][], b: number[]): number[] {
  const inv = invert(a);
  return inv.map((row) => dot(row, b));
}

/** Inverse of an N × N row-major matrix in place of a copy (Gauss–Jordan, partial pivoting). */
export function invertDense(a: Float64Array, n: number): Float64Array {
  const m = Float64Array.from(a);
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inv[i * n + i] = 1;
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]) > Math.abs(m[piv * n + c])) piv = r;
    if (m[piv * n + c] === 0) throw new Error('singular matrix');
    if (piv !== c) {
      for (let k = 0; k < n; k++) {
        let t = m[c * n + k];
        m[c * n + k] = m[piv * n + k];
        m[piv * n + k] = t;
        t = inv[c * n + k];
        inv[c * n + k] = inv[piv * n + k];
        inv[piv * n + k] = t;
      }
    }
    const f0 = 1 / m[c * n + c];
    for (let k = 0; k < n; k++) {
      m[c * n + k] *= f0;
      inv[c * n + k] *= f0;
    }
    for (let r = 0; r < n; r++) {
      const f = m[r * n + c];
      if (r === c || f === 0) continue;
      for (let k = 0; k < n; k++) {
        m[r * n + k] -= f * m[c * n + k];
        inv[r * n + k] -= f * inv[c * n + k];
      }
    }
  }
  return inv;
}
