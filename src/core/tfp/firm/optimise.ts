/**
 * Small deterministic optimisers for the firm estimators: Brent's bounded
 * scalar minimisation (as scipy.optimize.minimize_scalar(method="bounded"),
 * Forsythe, Malcolm & Moler 1977 `fmin`) and Nelder–Mead (Nelder & Mead 1965,
 * with the standard coefficients 1, 2, 0.5, 0.5).
 */

/**
 * Minimise f on [a, b] by Brent's method (golden section + parabolic steps).
 * @example brentMinimise((x) => (x - 0.3) ** 2, -1, 1) // ≈ 0.3
 */
export function brentMinimise(f: (x: number) => number, a: number, b: number, xtol = 1e-12, maxIter = 500): number {
  const golden = 0.5 * (3 - Math.sqrt(5));
  let x = a + golden * (b - a);
  let w = x;
  let v = x;
  let fx = f(x);
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  for (let iter = 0; iter < maxIter; iter++) {
    const m = 0.5 * (a + b);
    const tol = 1.4901161193847656e-8 * Math.abs(x) + xtol / 3;
    if (Math.abs(x - m) <= 2 * tol - 0.5 * (b - a)) break;
    let golden_step = true;
    if (Math.abs(e) > tol) {
      let r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      q = Math.abs(q);
      const eOld = e;
      e = d;
      if (Math.abs(p) < Math.abs(0.5 * q * eOld) && p > q * (a - x) && p < q * (b - x)) {
        d = p / q;
        const u = x + d;
        if (u - a < 2 * tol || b - u < 2 * tol) d = x < m ? tol : -tol;
        golden_step = false;
      }
    }
    if (golden_step) {
      e = (x < m ? b : a) - x;
      d = golden * e;
    }
    const u = Math.abs(d) >= tol ? x + d : x + (d > 0 ? tol : -tol);
    const fu = f(u);
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return x;
}

/**
 * Minimise f from x0 by Nelder–Mead; initial simplex x0 + 0.05·max(|x0_i|, 0.00025)·e_i (as SciPy).
 * @example nelderMead(([a, b]) => (a - 1) ** 2 + (b + 2) ** 2, [0, 0]) // ≈ [1, -2]
 */
export function nelderMead(
  f: (x: number[]) => number,
  x0: number[],
  opts: { xtol?: number; ftol?: number; maxIter?: number } = {},
): number[] {
  const n = x0.length;
  const xtol = opts.xtol ?? 1e-12;
  const ftol = opts.ftol ?? 1e-20;
  const maxIter = opts.maxIter ?? 2000 * n;
  let simplex = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] = p[i] !== 0 ? p[i] * 1.05 : 0.00025;
    simplex.push(p);
  }
  let values = simplex.map(f);
  for (let iter = 0; iter < maxIter; iter++) {
    const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
    simplex = order.map((i) => simplex[i]);
    values = order.map((i) => values[i]);
    const spread = Math.max(...simplex.slice(1).map((p) => Math.max(...p.map((v, j) => Math.abs(v - simplex[0][j])))));
    if (spread <= xtol && Math.max(...values.slice(1).map((v) => Math.abs(v - values[0]))) <= ftol) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
    const along = (t: number) => centroid.map((c, j) => c + t * (simplex[n][j] - c));
    const xr = along(-1);
    const fr = f(xr);
    if (fr < values[0]) {
      const xe = along(-2);
      const fe = f(xe);
      if (fe < fr) {
        simplex[n] = xe;
        values[n] = fe;
      } else {
        simplex[n] = xr;
        values[n] = fr;
      }
    } else if (fr < values[n - 1]) {
      simplex[n] = xr;
      values[n] = fr;
    } else {
      const outside = fr < values[n];
      const xc = along(outside ? -0.5 : 0.5);
      const fc = f(xc);
      if (fc <= (outside ? fr : values[n])) {
        simplex[n] = xc;
        values[n] = fc;
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i].map((v, j) => simplex[0][j] + 0.5 * (v - simplex[0][j]));
          values[i] = f(simplex[i]);
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return simplex[best];
}
