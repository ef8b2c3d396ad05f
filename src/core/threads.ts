/**
 * How many threads to share independent pieces of work over, the same rule
 * for every pool (Node worker threads, the web app's workers): `jobs` when
 * the user gives it (at most one per item), else one per CPU core, at most
 * MAX_THREADS, when rows × items reaches `minWork` (below it starting
 * threads costs more than it saves), else 1.
 *
 * @example threadsFor(75_000, 500, 1_000_000, 4) // 4
 */

/** The most threads a pool starts unless the user asks for more. */
export const MAX_THREADS = 8;

/** Threads for `items` pieces of about `rows` work each on a machine with `cores` cores (see the module comment). */
export function threadsFor(rows: number, items: number, minWork: number, cores: number, jobs?: number): number {
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, items));
  if (rows * items < minWork) return 1;
  return Math.max(1, Math.min(MAX_THREADS, cores, items));
}
