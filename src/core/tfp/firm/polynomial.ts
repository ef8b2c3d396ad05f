/**
 * Full polynomial terms of a few variables up to a total degree, with the
 * constant first: degree 3 in (k, m) gives 1, k, m, k², km, m², k³, k²m, km², m³
 * (the "third-order polynomial with interactions" of Levinsohn & Petrin 2003
 * and of Stata's `levpet` / `prodest`).
 */

/** Exponent vectors of all monomials of total degree ≤ `degree` in `vars` variables, constant first, by degree. */
export function monomials(vars: number, degree: number): number[][] {
  const out: number[][] = [];
  const rec = (prefix: number[], left: number, remaining: number) => {
    if (prefix.length === vars - 1) {
      out.push([...prefix, remaining]);
      return;
    }
    for (let e = remaining; e >= 0; e--) rec([...prefix, e], left - 1, remaining - e);
  };
  for (let d = 0; d <= degree; d++) rec([], vars, d);
  return out;
}

/**
 * Rows of polynomial terms for the given columns.
 * @example polynomialTerms([[2, 3]], 2) // [[1, 2, 3, 4, 6, 9]]
 */
export function polynomialTerms(rows: ReadonlyArray<ArrayLike<number>>, degree: number): number[][] {
  const vars = rows[0]?.length ?? 0;
  const powers = monomials(vars, degree);
  return rows.map((r) => powers.map((p) => p.reduce((acc, e, j) => acc * r[j] ** e, 1)));
}
