/**
 * Memory given back now rather than at a later full garbage collection
 * (Node). A firm panel's cell grid (the offsets, kinds and numbers of every
 * cell of the file: 44 MB for 5,000 firms × 15 years × 42 columns, 176 MB for
 * 20,000) is garbage once the panel is built, but V8 frees an ArrayBuffer's
 * memory only when a full collection finds it unreachable, often after the
 * build has allocated its own arrays on top. Buffers moved (transferred) into
 * a message on a channel whose two ports are then closed are freed with the
 * message when the ports close, in the same turn of the event loop.
 *
 * @example const panel = tableToPanel(table, …); await releaseTableGrid(table)
 */
import { MessageChannel } from 'node:worker_threads';
import type { RawTable } from '../../core/panel/raw-table.ts';

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
 * holds copies of what it needs); a later reader sees an empty table. The
 * file's bytes, in shared memory for a large file, are left to the
 * collector. A table without a grid is left as it is.
 */
export async function releaseTableGrid(table: RawTable): Promise<void> {
  const grid = table.grid;
  if (!grid) return;
  table.rows = []; // drops the grid
  await releaseBuffers([grid.rowStart, grid.start, grid.size, grid.kind, grid.value].map((a) => a.buffer));
}
