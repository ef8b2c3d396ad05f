/**
 * io/release.ts: buffers moved into a closed channel are freed without a
 * garbage collection; a table's cell grid freed after its panel is built
 * leaves the panel whole and the table empty.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTableFile } from '../../src/adapters/io/read.ts';
import { releaseBuffers, releaseTableGrid } from '../../src/adapters/io/release.ts';
import { CSV_THREADS_MIN_BYTES } from '../../src/adapters/io/csv-scan-thread.ts';
import { specPanelFromTable } from '../../src/adapters/io/spec-panel.ts';
import type { Spec } from '../../src/core/measure/spec.ts';

describe('releaseBuffers', () => {
  it('frees the memory of the buffers by the time it resolves, and leaves shared ones alone', async () => {
    const big = new Float64Array(8_000_000).fill(1); // 64 MB
    const shared = new Uint8Array(new SharedArrayBuffer(16)).fill(7);
    const before = process.memoryUsage().arrayBuffers;
    const released = releaseBuffers([big.buffer, big.buffer, shared.buffer]);
    expect(big.length).toBe(0); // detached at once
    await released;
    expect(before - process.memoryUsage().arrayBuffers).toBeGreaterThanOrEqual(60_000_000);
    expect(Array.from(shared)).toEqual(new Array(16).fill(7));
    await releaseBuffers([]); // nothing to do
  });
});

describe('releaseTableGrid', () => {
  it('empties a grid table after its panel is built; the panel keeps its numbers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xinzhi-release-'));
    try {
      const lines = ['unit,year,x1,x2,name'];
      for (let u = 0; u < 40; u++)
        for (let t = 0; t < 3; t++) lines.push(`u${u},${2020 + t},${u + t / 10},${u * 2 - t},"n ${u}"`);
      const path = join(dir, 'p.csv');
      await writeFile(path, `${lines.join('\n')}\n`);
      const spec = {
        unit: 'unit',
        time: 'year',
        indicators: [
          { id: 'x1', column: 'x1', direction: '+' },
          { id: 'x2', column: 'x2', direction: '-' },
        ],
      } as Spec;
      const reference = specPanelFromTable(await readTableFile(path), spec).panel;
      const table = await readTableFile(path);
      expect(table.grid).toBeDefined();
      const { panel } = specPanelFromTable(table, spec);
      await releaseTableGrid(table);
      expect(table.grid).toBeUndefined();
      expect(table.rows).toEqual([]);
      expect(panel).toEqual(reference);
      expect(Array.from(panel.columns.x1).slice(0, 4)).toEqual([0, 0.1, 0.2, 1]);
      // a table without a grid is left as it is
      const rows = { name: 't', header: ['a'], rows: [['1']], firstDataRow: 2 };
      await releaseTableGrid(rows);
      expect(rows.rows).toEqual([['1']]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  it('frees a large file’s bytes too, and a panel read once keeps the numbers it took in place', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xinzhi-release-'));
    try {
      const lines = ['unit,year,x1,x2,x3'];
      let u = 0;
      let size = 0;
      while (size < CSV_THREADS_MIN_BYTES + 1000) {
        for (let t = 0; t < 4; t++) {
          const line = `firm ${u},${2020 + t},${Math.exp(u / 1e5) + t / 7},${(u * 7919) % 1000.5},${u - t / 3}`;
          lines.push(line);
          size += line.length + 1;
        }
        u++;
      }
      const path = join(dir, 'big.csv');
      await writeFile(path, `${lines.join('\n')}\n`);
      const spec = {
        unit: 'unit',
        time: 'year',
        indicators: ['x1', 'x2', 'x3'].map((c) => ({ id: c, column: c, direction: '+' })),
      } as Spec;
      const reference = specPanelFromTable(await readTableFile(path), spec).panel;
      const table = await readTableFile(path);
      const bytes = table.grid!.bytes;
      expect(bytes.buffer.byteLength).toBeGreaterThanOrEqual(CSV_THREADS_MIN_BYTES);
      const { panel } = specPanelFromTable(table, spec, { readOnce: true });
      expect(table.grid!.value.length).toBe(0); // the numbers are the panel's now
      const before = process.memoryUsage().arrayBuffers;
      await releaseTableGrid(table);
      expect(bytes.length).toBe(0); // the file's bytes: freed
      expect(before - process.memoryUsage().arrayBuffers).toBeGreaterThanOrEqual(size);
      expect(panel).toEqual(reference);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
