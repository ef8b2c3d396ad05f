/**
 * Exact floating-point building blocks: the rounding error of a product,
 * for sums and products carried in two doubles (double-double arithmetic).
 */

/**
 * The low part of a · b: a · b = p + lowProduct(a, b, p) exactly, with
 * p = fl(a · b) (Dekker 1971, Numerische Mathematik 18: 224–242; Veltkamp's
 * split). Exact unless a or b is beyond about 1e300 (the split overflows).
 *
 * @example lowProduct(0.1, 3, 0.1 * 3) // 0.1·3 − 0.30000000000000004, about −2.8e-17
 */
export function lowProduct(a: number, b: number, p: number): number {
  let c = 134217729 * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = 134217729 * b;
  const bh = c - (c - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}
