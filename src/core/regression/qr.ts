/**
 * Householder QR of a tall matrix held by columns, for least squares:
 * X = QR, β̂ = R⁻¹Qᵀy (Golub & Van Loan, Matrix Computations, §5.2).
 *
 * The steps are those of JAMA's QRDecomposition, which ml-matrix's
 * QrDecomposition implements: the column norm accumulated with the same
 * overflow-safe hypot, the same reflections in the same order, so the
 * numbers are the same to the last bit. ml-matrix keeps a matrix by rows, and
 * walking one column of a firm panel's 75,000 rows touches 75,000 small
 * arrays; here a column is one Float64Array.
 *
 * @example new ColumnQr([Float64Array.of(1, 1, 1), Float64Array.of(1, 2, 3)]).solve([1, 2, 2]) // [0.667, 0.5]
 */

/** √(a² + b²) without overflow, computed as ml-matrix's (and JAMA's) hypot does. */
function hypotenuse(a: number, b: number): number {
  if (Math.abs(a) > Math.abs(b)) {
    const r = b / a;
    return Math.abs(a) * Math.sqrt(1 + r * r);
  }
  if (b !== 0) {
    const r = a / b;
    return Math.abs(b) * Math.sqrt(1 + r * r);
  }
  return 0;
}

export class ColumnQr {
  /** The Householder vectors below the diagonal and R above it, by column. */
  private readonly qr: Float64Array[];
  /** R's diagonal. */
  private readonly rdiag: Float64Array;
  private readonly m: number;

  /** Factor the matrix whose columns are `columns` (copied; all of one length). */
  constructor(columns: ReadonlyArray<ArrayLike<number>>) {
    const qr = columns.map((c) => Float64Array.from(c));
    const n = qr.length;
    const m = n ? qr[0].length : 0;
    const rdiag = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const qk = qr[k];
      let nrm = 0;
      for (let i = k; i < m; i++) nrm = hypotenuse(nrm, qk[i]);
      if (nrm !== 0) {
        if (qk[k] < 0) nrm = -nrm;
        for (let i = k; i < m; i++) qk[i] = qk[i] / nrm;
        qk[k] = qk[k] + 1;
        for (let j = k + 1; j < n; j++) {
          const qj = qr[j];
          let s = 0;
          for (let i = k; i < m; i++) s += qk[i] * qj[i];
          s = -s / qk[k];
          for (let i = k; i < m; i++) qj[i] = qj[i] + s * qk[i];
        }
      }
      rdiag[k] = -nrm;
    }
    this.qr = qr;
    this.rdiag = rdiag;
    this.m = m;
  }

  /** Whether R has no zero on its diagonal (the columns are linearly independent). */
  isFullRank(): boolean {
    for (let k = 0; k < this.rdiag.length; k++) if (this.rdiag[k] === 0) return false;
    return true;
  }

  /** The least-squares solution β̂ of Xβ ≈ y (the matrix must have full rank). */
  solve(y: ArrayLike<number>): Float64Array {
    const { qr, rdiag, m } = this;
    const n = qr.length;
    if (y.length !== m) throw new Error('ColumnQr.solve: y has a different number of rows');
    if (!this.isFullRank()) throw new Error('ColumnQr.solve: the matrix is rank deficient');
    const x = Float64Array.from(y);
    for (let k = 0; k < n; k++) {
      const qk = qr[k];
      let s = 0;
      for (let i = k; i < m; i++) s += qk[i] * x[i];
      s = -s / qk[k];
      for (let i = k; i < m; i++) x[i] = x[i] + s * qk[i];
    }
    for (let k = n - 1; k >= 0; k--) {
      x[k] = x[k] / rdiag[k];
      for (let i = 0; i < k; i++) x[i] = x[i] - x[k] * qr[k][i];
    }
    return x.slice(0, n);
  }

  /** R (n × n) by rows. */
  upperTriangular(): number[][] {
    const n = this.qr.length;
    return Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i < j ? this.qr[j][i] : i === j ? this.rdiag[i] : 0)),
    );
  }
}
