/**
 * Eigenvalues of a dense real symmetric matrix: Householder reduction to
 * tridiagonal form, then the implicit QL iteration with Wilkinson shifts
 * (Golub & Van Loan 2013, §8.3; the EISPACK tred1 / tql1 pair). Values only,
 * ascending; about (2/3)·n³ multiply–adds for the reduction, O(n²) for QL.
 * Only the lower triangle of `a` (row-major, n × n) is read; `a` is overwritten.
 *
 * @example symmetricEigenvalues(Float64Array.of(2, 1, 1, 2), 2) // Float64Array [1, 3]
 */
export function symmetricEigenvalues(a: Float64Array, n: number): Float64Array {
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  tridiagonalise(a, n, d, e);
  tridiagonalQl(d, e);
  return d.sort();
}

/** Householder tridiagonalisation of the lower triangle: diagonal d, subdiagonal e (e[i] couples i and i + 1). */
function tridiagonalise(a: Float64Array, n: number, d: Float64Array, e: Float64Array): void {
  const v = new Float64Array(n);
  const p = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) {
    // x = a[k+1..n, k]
    let norm = 0;
    for (let i = k + 1; i < n; i++) norm += a[i * n + k] * a[i * n + k];
    norm = Math.sqrt(norm);
    d[k] = a[k * n + k];
    if (norm === 0) {
      e[k] = 0;
      continue;
    }
    const x0 = a[(k + 1) * n + k];
    const alpha = x0 > 0 ? -norm : norm;
    for (let i = k + 1; i < n; i++) v[i] = a[i * n + k];
    v[k + 1] -= alpha;
    let vv = 0;
    for (let i = k + 1; i < n; i++) vv += v[i] * v[i];
    e[k] = alpha;
    if (vv === 0) continue;
    const beta = 2 / vv;
    // p = β · A v on the trailing block (symmetric, lower triangle stored)
    for (let i = k + 1; i < n; i++) p[i] = 0;
    for (let i = k + 1; i < n; i++) {
      const row = i * n;
      const vi = v[i];
      let s = a[row + i] * vi;
      for (let j = k + 1; j < i; j++) {
        const aij = a[row + j];
        s += aij * v[j];
        p[j] += aij * vi;
      }
      p[i] += s;
    }
    let vp = 0;
    for (let i = k + 1; i < n; i++) {
      p[i] *= beta;
      vp += v[i] * p[i];
    }
    // q = p − (β vᵀp / 2) v;  A ← A − v qᵀ − q vᵀ
    const c = (beta * vp) / 2;
    for (let i = k + 1; i < n; i++) p[i] -= c * v[i];
    for (let i = k + 1; i < n; i++) {
      const row = i * n;
      const vi = v[i];
      const qi = p[i];
      for (let j = k + 1; j <= i; j++) a[row + j] -= vi * p[j] + qi * v[j];
    }
  }
  if (n >= 2) {
    d[n - 2] = a[(n - 2) * n + n - 2];
    e[n - 2] = a[(n - 1) * n + n - 2];
  }
  if (n >= 1) d[n - 1] = a[(n - 1) * n + n - 1];
  if (n >= 1) e[n - 1] = 0;
}

/** Implicit QL with shifts on the tridiagonal (d, e), eigenvalues into d (JAMA tql2 without vectors). */
function tridiagonalQl(d: Float64Array, e: Float64Array): void {
  const n = d.length;
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n) {
      if (Math.abs(e[m]) <= eps * tst1) break;
      m++;
    }
    if (m > l) {
      let iter = 0;
      do {
        if (++iter > 200) throw new Error('symmetricEigenvalues: no convergence');
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = Math.hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > eps * tst1);
    }
    d[l] += f;
    e[l] = 0;
  }
}
