/**
 * The direction of an indicator: '+' when more is better (a benefit
 * criterion), '−' written '-' when less is better (a cost criterion, e.g.
 * emissions). Its own module so that the spec and the scoring methods can both
 * use it without importing each other.
 *
 * @example const d: Direction = '-';
 */
export type Direction = '+' | '-';
