/**
 * Nelder–Mead simplex minimisation (Nelder & Mead 1965) with the standard
 * coefficients: reflection 1, expansion 2, contraction 0.5, shrink 0.5. It
 * stops when both the simplex's spread in x (max |x_i − x_best|) is ≤ xtol and
 * its spread in f is ≤ ftol, as SciPy's `minimize(method="Nelder-Mead")` does.
 *
 * Initial simplex: x0 plus `step` along each axis when a step is given;
 * otherwise SciPy's x0_i · 1.05 (0.00025 where x0_i = 0).
 *
 * @example nelderMead(([x, y]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0]).x // ≈ [1, −2]
 */
export interface NelderMeadOptions {
  /** Initial step along each axis (absent: SciPy's 5 % rule). */
  step?: number;
  /** Tolerance on the simplex's spread in x [1e-12]. */
  xtol?: number;
  /** Tolerance on the simplex's spread in f [1e-20]. */
  ftol?: number;
  /** Most iterations [2000 · dimension]. */
  maxIter?: number;
}

export interface NelderMeadResult {
  x: number[];
  f: number;
  iterations: number;
  /** False when maxIter was reached before both tolerances were met. */
  converged: boolean;
}

export function nelderMead(f: (x: number[]) => number, x0: number[], opts: NelderMeadOptions = {}): NelderMeadResult {
  const n = x0.length;
  const xtol = opts.xtol ?? 1e-12;
  const ftol = opts.ftol ?? 1e-20;
  const maxIter = opts.maxIter ?? 2000 * n;
  let simplex = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    if (opts.step !== undefined) p[i] += opts.step;
    else p[i] = p[i] !== 0 ? p[i] * 1.05 : 0.00025;
    simplex.push(p);
  }
  let values = simplex.map(f);
  for (let iter = 0; iter < maxIter; iter++) {
    const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
    simplex = order.map((i) => simplex[i]);
    values = order.map((i) => values[i]);
    const spread = Math.max(...simplex.slice(1).map((p) => Math.max(...p.map((v, j) => Math.abs(v - simplex[0][j])))));
    if (spread <= xtol && Math.max(...values.slice(1).map((v) => Math.abs(v - values[0]))) <= ftol) {
      return { x: simplex[0], f: values[0], iterations: iter, converged: true };
    }
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
  return { x: simplex[best], f: values[best], iterations: maxIter, converged: false };
}
