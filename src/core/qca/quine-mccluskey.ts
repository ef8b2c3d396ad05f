/**
 * Exact Boolean (and multi-value) minimisation: Quine–McCluskey prime
 * implicants and the prime-implicant chart (Quine 1952; McCluskey 1956;
 * multi-value form: Dușa & Thiem 2015, J. Math. Sociology 39: 92–108;
 * Duşa 2019, ch. 8).
 *
 * Implicants give each condition a level or −1 (absent). Starting from the
 * positive configurations and the don't-cares (remainders allowed in the
 * minimisation), implicants that agree everywhere except in condition j, and
 * together hold every level of j, merge into one without j; implicants that
 * never merge are prime. Prime implicants covering no positive configuration
 * are dropped. The chart is solved as the R package QCA does by default: find
 * the smallest number k of prime implicants that cover every positive
 * configuration, then list every set of k prime implicants that does (all
 * minimal solutions, no row dominance).
 */
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { compareImplicants, covers, type Implicant } from './sets.ts';

const key = (imp: Implicant) => imp.join(',');

/**
 * Prime implicants of the positive configurations, with the don't-cares usable in merges.
 * @example primeImplicants([[1, 1], [1, 0]], [], [2, 2]) // [[1, -1]]
 */
export function primeImplicants(
  positives: readonly Implicant[],
  dontCares: readonly Implicant[],
  levels: readonly number[],
): Implicant[] {
  let current = new Map<string, Implicant>();
  for (const c of [...positives, ...dontCares]) current.set(key(c), [...c]);
  const primes: Implicant[] = [];
  while (current.size > 0) {
    const merged = new Map<string, Implicant>();
    const used = new Set<string>();
    // Group implicants by (position j, the implicant with j removed); a group holding all levels of j merges.
    const groups = new Map<string, { j: number; members: string[]; seen: Set<number>; base: Implicant }>();
    for (const [k, imp] of current) {
      imp.forEach((v, j) => {
        if (v < 0) return;
        const base = [...imp];
        base[j] = -1;
        const g = `${j}|${key(base)}`;
        const entry = groups.get(g) ?? { j, members: [], seen: new Set<number>(), base };
        entry.members.push(k);
        entry.seen.add(v);
        groups.set(g, entry);
      });
    }
    for (const g of groups.values()) {
      if (g.seen.size !== levels[g.j]) continue;
      merged.set(key(g.base), g.base);
      for (const m of g.members) used.add(m);
    }
    for (const [k, imp] of current) if (!used.has(k)) primes.push(imp);
    current = merged;
  }
  return primes.filter((p) => positives.some((c) => covers(p, c))).sort(compareImplicants);
}

/** Largest number of candidate combinations examined when solving a chart. */
export const MAX_CHART_COMBINATIONS = 5_000_000;

/**
 * All minimal covers of the prime-implicant chart (rows: primes, columns: positive configurations),
 * each a list of indices into `primes`, in QCA's order of terms.
 * @example solveChart([[1, -1], [-1, 1]], [[1, 1], [1, 0]]) // [[0]]
 */
export function solveChart(primes: readonly Implicant[], positives: readonly Implicant[]): number[][] {
  if (positives.length === 0) return [];
  const coverSets = primes.map((p) => positives.map((c, col) => (covers(p, c) ? col : -1)).filter((col) => col >= 0));
  const essential = new Set<number>();
  positives.forEach((_, col) => {
    const rows = coverSets.flatMap((s, r) => (s.includes(col) ? [r] : []));
    if (rows.length === 1) essential.add(rows[0]);
  });
  const covered = new Set<number>();
  for (const r of essential) for (const col of coverSets[r]) covered.add(col);
  const rest = primes
    .map((_, r) => r)
    .filter((r) => !essential.has(r) && coverSets[r].some((col) => !covered.has(col)));
  const need = positives.map((_, col) => col).filter((col) => !covered.has(col));
  const solutions: number[][] = [];
  let examined = 0;
  for (let k = 0; k <= rest.length && solutions.length === 0; k++) {
    const pick: number[] = [];
    const walk = (start: number): void => {
      if (pick.length === k) {
        if (++examined > MAX_CHART_COMBINATIONS)
          throw new XinzhiError({
            code: 'qca-chart-too-large',
            severity: 'error',
            message: bi(
              '质蕴涵项表过于复杂，无法穷举全部最简解',
              'the prime-implicant chart is too complex to list every minimal solution',
            ),
            fix: bi(
              '减少条件个数，或提高一致性/频数阈值',
              'use fewer conditions, or raise the consistency / frequency cut-offs',
            ),
          });
        const got = new Set<number>();
        for (const r of pick) for (const col of coverSets[r]) got.add(col);
        if (need.every((col) => got.has(col))) solutions.push([...pick]);
        return;
      }
      for (let a = start; a <= rest.length - (k - pick.length); a++) {
        pick.push(rest[a]);
        walk(a + 1);
        pick.pop();
      }
    };
    walk(0);
  }
  return solutions.map((s) => [...essential, ...s].sort((a, b) => compareImplicants(primes[a], primes[b])));
}
