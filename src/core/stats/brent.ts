/**
 * Brent's bounded scalar minimisation (golden section + parabolic steps), as
 * scipy.optimize.minimize_scalar(method="bounded") and R's optimize (Forsythe,
 * Malcolm & Moler 1977 `fmin`): the one line-search of the firm TFP estimators
 * and the spatial panel models' concentrated likelihood.
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
      const r = (x - w) * (fx - fv);
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
