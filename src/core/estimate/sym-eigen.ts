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
    if (beta === 0) {
      // nothing to reflect at step k: v = q = 0
      v.fill(0);
      p.fill(0);
    }
    for (let i = m1; i < n; i++) {
      const row = i * n;
      const vi = v[i];
      const qi = p[i];
      const wi = vNext[i];
      let s = 0;
      for (let j = m1; j < i; j++) {
        const aij = a[row + j] - (vi * p[j] + qi * v[j]);
        a[row + j] = aij;
        s += aij * vNext[j];
        pNext[j] += aij * wi;
      }
      const aii = a[row + i] - 2 * vi * qi;
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

/**
 * √(a² + b²): the plain formula where the squares neither overflow nor
 * underflow (V8's Math.hypot is several times slower), Math.hypot otherwise.
 */
function hypot(a: number, b: number): number {
  const s = a * a + b * b;
  return s > 1e-290 && s < 1e290 ? Math.sqrt(s) : Math.hypot(a, b);
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
        let r = hypot(p, 1);
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
          r = hypot(p, e[i]);
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

/**
 * Eigenvalues of a sparse real symmetric matrix given by rows (both triangles;
 * row i spans offsets[i] … offsets[i+1] of `columns` / `values`). The rows and
 * columns are renumbered by reverse Cuthill–McKee (George & Liu 1981, §4.3) to
 * a band of half-width m; when m is small against n the band is reduced to
 * tridiagonal form by Givens rotations that chase each bulge down the band
 * (Schwarz 1968; about 6·m·n² flops instead of (4/3)·n³), otherwise
 * the dense Householder route of {@link symmetricEigenvalues} is taken. Then
 * the same QL iteration; values only, ascending.
 *
 * @example sparseSymmetricEigenvalues(2, Int32Array.of(0, 1, 2), Int32Array.of(1, 0), Float64Array.of(1, 1)) // [-1, 1]
 */
export function sparseSymmetricEigenvalues(
  n: number,
  offsets: ArrayLike<number>,
  columns: ArrayLike<number>,
  values: ArrayLike<number>,
): Float64Array {
  const order = reverseCuthillMcKee(n, offsets, columns);
  const pos = new Int32Array(n);
  for (let i = 0; i < n; i++) pos[order[i]] = i;
  // as in the dense route, only the lower triangle (j ≤ i) of the given numbering is read
  let m = 0;
  for (let i = 0; i < n; i++)
    for (let k = offsets[i]; k < offsets[i + 1]; k++)
      if (columns[k] <= i && values[k] !== 0) m = Math.max(m, Math.abs(pos[i] - pos[columns[k]]));
  if (!bandPays(n, m)) {
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let k = offsets[i]; k < offsets[i + 1]; k++) a[i * n + columns[k]] = values[k];
    return symmetricEigenvalues(a, n);
  }
  // lower band: element (i, j), 0 ≤ i − j ≤ m + 1, at i·w + (i − j); the extra diagonal holds the bulge
  const w = m + 2;
  const band = new Float64Array(n * w);
  for (let i = 0; i < n; i++)
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      if (columns[k] > i) continue;
      const p = Math.max(pos[i], pos[columns[k]]);
      const q = Math.min(pos[i], pos[columns[k]]);
      band[p * w + (p - q)] = values[k];
    }
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  bandToTridiagonal(band, n, m, d, e);
  tridiagonalQl(d, e);
  return d.sort();
}

/** Whether the band route is cheaper than the dense one: 6·m·n² against (4/3)·n³ flops, and the band is read from cache. */
export function bandPays(n: number, m: number): boolean {
  return n >= 50 && 6 * m < n;
}

/**
 * Reverse Cuthill–McKee ordering of a symmetric pattern: breadth-first from a
 * pseudo-peripheral node of each connected component (lowest degree first,
 * then the farthest node twice), neighbours by ascending degree, reversed.
 * Returns order[newIndex] = oldIndex.
 */
export function reverseCuthillMcKee(n: number, offsets: ArrayLike<number>, columns: ArrayLike<number>): Int32Array {
  const degree = new Int32Array(n);
  for (let i = 0; i < n; i++) degree[i] = offsets[i + 1] - offsets[i];
  const byDegree = Array.from({ length: n }, (_, i) => i).sort((a, b) => degree[a] - degree[b] || a - b);
  const order = new Int32Array(n);
  const placed = new Uint8Array(n);
  const level = new Int32Array(n);
  const queue = new Int32Array(n);
  let filled = 0;
  for (const seed of byDegree) {
    if (placed[seed]) continue;
    // pseudo-peripheral start: the last node reached by breadth-first search, twice
    let start = seed;
    for (let rep = 0; rep < 2; rep++) {
      level.fill(-1);
      level[start] = 0;
      queue[0] = start;
      let tail = 1;
      let last = start;
      for (let h = 0; h < tail; h++) {
        const u = queue[h];
        if (level[u] > level[last] || (level[u] === level[last] && degree[u] < degree[last])) last = u;
        for (let k = offsets[u]; k < offsets[u + 1]; k++) {
          const v = columns[k];
          if (level[v] < 0) {
            level[v] = level[u] + 1;
            queue[tail++] = v;
          }
        }
      }
      start = last;
    }
    placed[start] = 1;
    const first = filled;
    order[filled++] = start;
    for (let h = first; h < filled; h++) {
      const u = order[h];
      const from = filled;
      for (let k = offsets[u]; k < offsets[u + 1]; k++) {
        const v = columns[k];
        if (!placed[v]) {
          placed[v] = 1;
          order[filled++] = v;
        }
      }
      order.subarray(from, filled).sort((a, b) => degree[a] - degree[b] || a - b);
    }
  }
  return order.reverse();
}

/**
 * Tridiagonal form of a symmetric band matrix (lower band storage, half-width
 * m, row width m + 2) by Givens rotations: diagonal by diagonal from the
 * outermost, each element is zeroed by rotating the two rows / columns above
 * it, and the element this creates one place outside the band is chased down
 * to the end. Diagonal d, subdiagonal e (e[i] couples i and i + 1).
 */
function bandToTridiagonal(band: Float64Array, n: number, m: number, d: Float64Array, e: Float64Array): void {
  const w = m + 2;
  for (let b = m; b >= 2; b--) {
    for (let k = 0; k + b < n; k++) {
      // zero (k + b, k) with rows k + b − 1, k + b; then the bulge (q + b, p) with rows q + b − 1, q + b, …
      let c = k;
      let q = k + b;
      while (q < n) {
        const p = q - 1;
        const x = band[p * w + (p - c)];
        const y = band[q * w + (q - c)];
        if (y === 0) break;
        const r = hypot(x, y);
        const cs = x / r;
        const sn = y / r;
        band[p * w + (p - c)] = r;
        band[q * w + (q - c)] = 0;
        // rows p, q left of the 2 × 2 block: columns c + 1 … p − 1 (offsets p − c − 1 … 1 in row p)
        for (let ip = p * w + (p - c - 1), iq = ip + w + 1, stop = p * w; ip > stop; ip--, iq--) {
          const a = band[ip];
          const bb = band[iq];
          band[ip] = cs * a + sn * bb;
          band[iq] = cs * bb - sn * a;
        }
        // the 2 × 2 block
        const app = band[p * w];
        const aqq = band[q * w];
        const aqp = band[q * w + 1];
        band[p * w] = cs * cs * app + 2 * cs * sn * aqp + sn * sn * aqq;
        band[q * w] = sn * sn * app - 2 * cs * sn * aqp + cs * cs * aqq;
        band[q * w + 1] = cs * sn * (aqq - app) + (cs * cs - sn * sn) * aqp;
        // columns p, q below the block: rows q + 1 … min(n − 1, q + b)
        const end = Math.min(n - 1, q + b) * w + (Math.min(n - 1, q + b) - q);
        for (let iq = (q + 1) * w + 1; iq <= end; iq += w + 1) {
          const a = band[iq + 1]; // (j, p)
          const bb = band[iq]; // (j, q)
          band[iq + 1] = cs * a + sn * bb;
          band[iq] = cs * bb - sn * a;
        }
        c = p;
        q += b;
      }
    }
  }
  for (let i = 0; i < n; i++) d[i] = band[i * w];
  for (let i = 0; i + 1 < n; i++) e[i] = band[(i + 1) * w + 1];
  e[n - 1] = 0;
}

/**
 * Eigenvalues of a dense real (non-symmetric) matrix: balancing, reduction to
 * upper Hessenberg form by stabilised elimination, then the shifted QR
 * algorithm with Francis double steps (the EISPACK balanc / elmhes / hqr
 * sequence; Press et al., Numerical Recipes, §11.5–11.6). About 10·n³ flops.
 * Returns real and imaginary parts (complex eigenvalues in conjugate pairs),
 * in no particular order. `a` (row-major, n × n) is overwritten.
 *
 * @example generalEigenvalues(Float64Array.of(0, 1, -1, 0), 2) // re [0, 0], im [1, −1]
 */
export function generalEigenvalues(a: Float64Array, n: number): { re: Float64Array; im: Float64Array } {
  // 1-based accessors on the row-major array
  const at = (i: number, j: number) => a[(i - 1) * n + (j - 1)];
  const set = (i: number, j: number, v: number) => {
    a[(i - 1) * n + (j - 1)] = v;
  };
  balance(a, n);
  // elimination to Hessenberg form
  for (let m = 2; m < n; m++) {
    let x = 0;
    let i = m;
    for (let j = m; j <= n; j++) {
      if (Math.abs(at(j, m - 1)) > Math.abs(x)) {
        x = at(j, m - 1);
        i = j;
      }
    }
    if (i !== m) {
      for (let j = m - 1; j <= n; j++) {
        const t = at(i, j);
        set(i, j, at(m, j));
        set(m, j, t);
      }
      for (let j = 1; j <= n; j++) {
        const t = at(j, i);
        set(j, i, at(j, m));
        set(j, m, t);
      }
    }
    if (x !== 0) {
      for (i = m + 1; i <= n; i++) {
        let y = at(i, m - 1);
        if (y !== 0) {
          y /= x;
          set(i, m - 1, y);
          for (let j = m; j <= n; j++) set(i, j, at(i, j) - y * at(m, j));
          for (let j = 1; j <= n; j++) set(j, m, at(j, m) + y * at(j, i));
        }
      }
    }
  }
  for (let i = 1; i <= n; i++) for (let j = 1; j < i - 1; j++) set(i, j, 0);
  return hessenbergQr(a, n);
}

/** Balance rows and columns by powers of 2 (similarity; eigenvalues unchanged). */
function balance(a: Float64Array, n: number): void {
  const RADIX = 2;
  const sq = RADIX * RADIX;
  let done = false;
  while (!done) {
    done = true;
    for (let i = 0; i < n; i++) {
      let r = 0;
      let c = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        c += Math.abs(a[j * n + i]);
        r += Math.abs(a[i * n + j]);
      }
      if (c === 0 || r === 0) continue;
      let g = r / RADIX;
      let f = 1;
      const s = c + r;
      while (c < g) {
        f *= RADIX;
        c *= sq;
      }
      g = r * RADIX;
      while (c > g) {
        f /= RADIX;
        c /= sq;
      }
      if ((c + r) / f < 0.95 * s) {
        done = false;
        g = 1 / f;
        for (let j = 0; j < n; j++) a[i * n + j] *= g;
        for (let j = 0; j < n; j++) a[j * n + i] *= f;
      }
    }
  }
}

/** Eigenvalues of an upper Hessenberg matrix by the shifted QR algorithm (hqr). */
function hessenbergQr(a: Float64Array, n: number): { re: Float64Array; im: Float64Array } {
  const A = (i: number, j: number) => a[(i - 1) * n + (j - 1)];
  const S = (i: number, j: number, v: number) => {
    a[(i - 1) * n + (j - 1)] = v;
  };
  const wr = new Float64Array(n + 1);
  const wi = new Float64Array(n + 1);
  const sign = (x: number, y: number) => (y >= 0 ? Math.abs(x) : -Math.abs(x));
  let anorm = 0;
  for (let i = 1; i <= n; i++) for (let j = Math.max(i - 1, 1); j <= n; j++) anorm += Math.abs(A(i, j));
  let nn = n;
  let t = 0;
  let p = 0;
  let q = 0;
  let r = 0;
  let s = 0;
  let w = 0;
  let x = 0;
  let y = 0;
  let z = 0;
  while (nn >= 1) {
    let its = 0;
    let l: number;
    do {
      for (l = nn; l >= 2; l--) {
        s = Math.abs(A(l - 1, l - 1)) + Math.abs(A(l, l));
        if (s === 0) s = anorm;
        if (Math.abs(A(l, l - 1)) + s === s) {
          S(l, l - 1, 0);
          break;
        }
      }
      x = A(nn, nn);
      if (l === nn) {
        wr[nn] = x + t;
        wi[nn--] = 0;
      } else {
        y = A(nn - 1, nn - 1);
        w = A(nn, nn - 1) * A(nn - 1, nn);
        if (l === nn - 1) {
          p = 0.5 * (y - x);
          q = p * p + w;
          z = Math.sqrt(Math.abs(q));
          x += t;
          if (q >= 0) {
            z = p + sign(z, p);
            wr[nn - 1] = wr[nn] = x + z;
            if (z) wr[nn] = x - w / z;
            wi[nn - 1] = wi[nn] = 0;
          } else {
            wr[nn - 1] = wr[nn] = x + p;
            wi[nn] = z;
            wi[nn - 1] = -z;
          }
          nn -= 2;
        } else {
          if (its === 60) throw new Error('generalEigenvalues: no convergence');
          if (its === 10 || its === 20) {
            t += x;
            for (let i = 1; i <= nn; i++) S(i, i, A(i, i) - x);
            s = Math.abs(A(nn, nn - 1)) + Math.abs(A(nn - 1, nn - 2));
            y = x = 0.75 * s;
            w = -0.4375 * s * s;
          }
          ++its;
          let m: number;
          for (m = nn - 2; m >= l; m--) {
            z = A(m, m);
            r = x - z;
            s = y - z;
            p = (r * s - w) / A(m + 1, m) + A(m, m + 1);
            q = A(m + 1, m + 1) - z - r - s;
            r = A(m + 2, m + 1);
            s = Math.abs(p) + Math.abs(q) + Math.abs(r);
            p /= s;
            q /= s;
            r /= s;
            if (m === l) break;
            const u = Math.abs(A(m, m - 1)) * (Math.abs(q) + Math.abs(r));
            const v = Math.abs(p) * (Math.abs(A(m - 1, m - 1)) + Math.abs(z) + Math.abs(A(m + 1, m + 1)));
            if (u + v === v) break;
          }
          for (let i = m + 2; i <= nn; i++) {
            S(i, i - 2, 0);
            if (i !== m + 2) S(i, i - 3, 0);
          }
          for (let k = m; k <= nn - 1; k++) {
            if (k !== m) {
              p = A(k, k - 1);
              q = A(k + 1, k - 1);
              r = 0;
              if (k !== nn - 1) r = A(k + 2, k - 1);
              x = Math.abs(p) + Math.abs(q) + Math.abs(r);
              if (x !== 0) {
                p /= x;
                q /= x;
                r /= x;
              }
            }
            s = sign(Math.sqrt(p * p + q * q + r * r), p);
            if (s !== 0) {
              if (k === m) {
                if (l !== m) S(k, k - 1, -A(k, k - 1));
              } else S(k, k - 1, -s * x);
              p += s;
              x = p / s;
              y = q / s;
              z = r / s;
              q /= p;
              r /= p;
              for (let j = k; j <= nn; j++) {
                p = A(k, j) + q * A(k + 1, j);
                if (k !== nn - 1) {
                  p += r * A(k + 2, j);
                  S(k + 2, j, A(k + 2, j) - p * z);
                }
                S(k + 1, j, A(k + 1, j) - p * y);
                S(k, j, A(k, j) - p * x);
              }
              const mmin = Math.min(nn, k + 3);
              for (let i = l; i <= mmin; i++) {
                p = x * A(i, k) + y * A(i, k + 1);
                if (k !== nn - 1) {
                  p += z * A(i, k + 2);
                  S(i, k + 2, A(i, k + 2) - p * r);
                }
                S(i, k + 1, A(i, k + 1) - p * q);
                S(i, k, A(i, k) - p);
              }
            }
          }
        }
      }
    } while (l < nn - 1);
  }
  return { re: wr.slice(1), im: wi.slice(1) };
}
