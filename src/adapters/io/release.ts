/**
 * Memory given back now rather than at a later full garbage collection
 * (Node). A firm panel's file and cell grid (53 MB of bytes and 44 MB of
 * offsets, kinds and numbers for 5,000 firms × 15 years × 42 columns, four
 * times as much for 20,000) are garbage once the panel is built, but V8 frees an ArrayBuffer's
 * memory only when a full collection finds it unreachable, often after the
 * build has allocated its own arrays on top. Buffers moved (transferred) into
 * a message on a channel whose two ports are then closed are freed with the
 * message when the ports close, in the same turn of the event loop.
 *
 * @example const panel = tableToPanel(table, …); await releaseTableGrid(table)
 */
import { MessageChannel } from 'node:worker_threads';
import { gridArrays, type RawTable } from '../../core/panel/raw-table.ts';
import type { Panel } from '../../core/panel/types.ts';
import { CSV_THREADS_MIN_BYTES } from './csv-scan-thread.ts';

/**
 * Free the memory of these ArrayBuffers; resolves once it is freed (the next
 * turn of the event loop). They are detached (length 0) at once. Shared
 * buffers cannot be moved and are left to the collector.
 */
export async function releaseBuffers(buffers: Iterable<ArrayBufferLike>): Promise<void> {
  const own = [...new Set(buffers)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer && b.byteLength > 0);
  if (own.length === 0) return;
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(null, own);
  port1.close();
  port2.close();
  // the ports' close callbacks (which drop the message) run before the next turn's timers
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
}

/**
 * Empty a table read into a cell grid and free the grid's arrays
 * (releaseBuffers), for a table nothing reads again (a panel built from it
 * holds copies of what it needs, or the grid's numbers it took in place:
 * then `value` is empty); a later reader sees an empty table. The file's
 * bytes are freed as well when they are an array of at least
 * CSV_THREADS_MIN_BYTES (readCsvBytes reads a large file into one of its
 * own); a smaller buffer may belong to Node's buffer pool and is left to the
 * collector. A table without a grid is left as it is.
 */
export async function releaseTableGrid(table: RawTable): Promise<void> {
  const grid = table.grid;
  if (!grid) return;
  table.rows = []; // drops the grid
  const own = grid.bytes.buffer.byteLength >= CSV_THREADS_MIN_BYTES ? [grid.bytes.buffer] : [];
  await releaseBuffers([...gridArrays(grid).map((a) => a.buffer), ...own]);
}

/**
 * Free the numeric columns of a panel nothing reads again (releaseBuffers):
 * they are empty from now on. For a panel whose arrays are its own, as a
 * reader builds it; an evaluation's result shares none of them (its
 * normalised values are new arrays: test/measure/result-buffers.test.ts).
 * @example const report = rankRobustness(panel, result); await releasePanelColumns(panel)
 */
export async function releasePanelColumns(panel: Panel): Promise<void> {
  await releaseBuffers(Object.values(panel.columns).map((c) => c.buffer));
}
