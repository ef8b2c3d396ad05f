/**
 * The states of the shared cell by which scores.parquet, offered to the
 * output thread (io/output-thread.ts), is written by exactly one of the two
 * threads: each moves it away from OFFERED by compare-and-exchange, the
 * writing thread to BEGUN (io/output-worker.ts), the sender to TAKEN_BACK.
 *
 * @example Atomics.compareExchange(claim, 0, OFFERED, BEGUN) === OFFERED // this thread writes it
 */
export const OFFERED = 0;
export const BEGUN = 1;
export const TAKEN_BACK = 2;
