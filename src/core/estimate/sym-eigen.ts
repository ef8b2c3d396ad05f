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

/**
 * Householder tridiagonalisation of the lower triangle: diagonal d, subdiagonal e
 * (e[i] couples i and i + 1). Step k reflects rows / columns k+1 … n−1 with
 * H = I − βvvᵀ: A ← A − vqᵀ − qvᵀ, q = p − (βvᵀp/2)v, p = βAv. The update of
 * step k and the product Av of step k + 1 share one pass over the trailing
 * block (its first column is updated first, which gives the next v).
 */
function tridiagonalise(a: Float64Array, n: number, d: Float64Array, e: Float64Array): void {
  let v = new Float64Array(n);
  let p = new Float64Array(n);
  let vNext = new Float64Array(n);
  let pNext = new Float64Array(n);
  /** Householder vector of column k (rows k+1…) into w; returns β (0: nothing to reflect) and sets e[k]. */
  const reflector = (k: number, w: Float64Array): number => {
    let norm = 0;
    for (let i = k + 1; i < n; i++) norm += a[i * n + k] * a[i * n + k];
    norm = Math.sqrt(norm);
    if (norm === 0) {
      e[k] = 0;
      return 0;
    }
    const alpha = a[(k + 1) * n + k] > 0 ? -norm : norm;
    for (let i = k + 1; i < n; i++) w[i] = a[i * n + k];
    w[k + 1] -= alpha;
    let vv = 0;
    for (let i = k + 1; i < n; i++) vv += w[i] * w[i];
    e[k] = alpha;
    return vv === 0 ? 0 : 2 / vv;
  };
  if (n < 3) {
    if (n >= 1) d[0] = a[0];
    if (n === 2) {
      d[1] = a[3];
      e[0] = a[2];
    }
    if (n >= 1) e[n - 1] = 0;
    return;
  }
  // step 0: reflector and p = βAv by a separate pass
  d[0] = a[0];
  let beta = reflector(0, v);
  for (let i = 1; i < n; i++) p[i] = 0;
  for (let i = 1; i < n; i++) {
    const row = i * n;
    const vi = v[i];
    let s = a[row + i] * vi;
    for (let j = 1; j < i; j++) {
      const aij = a[row + j];
      s += aij * v[j];
      p[j] += aij * vi;
    }
    p[i] += s;
  }
  for (let i = 1; i < n; i++) p[i] *= beta;
  for (let k = 0; k < n - 2; k++) {
    const m0 = k + 1;
    if (beta !== 0) {
      let vp = 0;
      for (let i = m0; i < n; i++) vp += v[i] * p[i];
      const c = (beta * vp) / 2;
      for (let i = m0; i < n; i++) p[i] -= c * v[i]; // p now holds q
      // first column of the trailing block (column k+1, rows k+1…)
      const vk = v[m0];
      const qk = p[m0];
      for (let i = m0; i < n; i++) a[i * n + m0] -= v[i] * qk + p[i] * vk;
    }
    d[m0] = a[m0 * n + m0];
    if (k === n - 3) {
      // last step: the remaining 2 × 2 block
      if (beta !== 0) {
        const i = n - 1;
        a[i * n + i] -= 2 * v[i] * p[i];
      }
      e[n - 2] = a[(n - 1) * n + n - 2];
      break;
    }
    const betaNext = reflector(m0, vNext);
    const m1 = k + 2;
    for (let i = m1; i < n; i++) pNext[i] = 0;
    const upd = beta !== 0;
    for (let i = m1; i < n; i++) {
      const row = i * n;
      const vi = v[i];
      const qi = p[i];
      const wi = vNext[i];
      let s = 0;
      for (let j = m1; j < i; j++) {
        const aij = upd ? a[row + j] - (vi * p[j] + qi * v[j]) : a[row + j];
        a[row + j] = aij;
        s += aij * vNext[j];
        pNext[j] += aij * wi;
      }
      const aii = upd ? a[row + i] - 2 * vi * qi : a[row + i];
      a[row + i] = aii;
      pNext[i] += s + aii * wi;
    }
    for (let i = m1; i < n; i++) pNext[i] *= betaNext;
    [v, vNext] = [vNext, v];
    [p, pNext] = [pNext, p];
    beta = betaNext;
  }
  d[n - 1] = a[(n - 1) * n + n - 1];
  e[n - 1] = 0;
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
