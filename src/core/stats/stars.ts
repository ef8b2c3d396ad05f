/**
 * Significance stars as papers print them: *** p < 0.01, ** p < 0.05,
 * * p < 0.1, nothing otherwise (and nothing for a missing p).
 *
 * @example stars(0.03) // '**'
 */
export function stars(p: number): string {
  return p < 0.01 ? '***' : p < 0.05 ? '**' : p < 0.1 ? '*' : '';
}
