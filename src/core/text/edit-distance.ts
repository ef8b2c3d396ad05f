/**
 * Levenshtein edit distance, used for "did you mean" hints (framework ids,
 * panel column names). Pure; one copy for the whole core.
 */

/**
 * Levenshtein distance: the fewest single-character inserts, deletes and
 * substitutions (each cost 1) turning `a` into `b` (Levenshtein 1966), computed
 * with one row of the Wagner–Fischer table. Case- and space-sensitive.
 * @example editDistance('kitten', 'sitting') // 3
 */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
