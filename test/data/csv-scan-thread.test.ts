/**
 * The two-thread CSV scan (io/csv-scan-thread.ts and the cut / join steps of
 * formats/csv-scan.ts) gives the grid scanCsv gives for the whole file: the
 * same rows, cells, offsets, kinds and numbers, for any line ending, with or
 * without a final line ending, and falls back to one scan when a double quote
 * could hide a line ending.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinGrids, rowCuts, scanCsv, shiftGrid } from '../../src/adapters/formats/csv-scan.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import {
  CSV_THREADS_MIN_BYTES,
  FILE_SCAN_WORKER_COST,
  fileScanFirstShare,
  nodeFindByte,
  readCsvBytes,
  READ_PIECE,
  scanCsvOnThreads,
  WORKER_START_BYTES,
} from '../../src/adapters/io/csv-scan-thread.ts';
import { scanFileRange } from '../../src/adapters/io/csv-scan-worker.ts';
import type { CellGrid } from '../../src/core/panel/raw-table.ts';
import { utf8 } from './helpers.ts';

const KEYS = ['rowStart', 'start', 'size', 'kind', 'value'] as const;
const same = (a: CellGrid | null, b: CellGrid | null) => {
  expect(b === null).toBe(a === null);
  if (a && b) {
    for (const k of KEYS) expect(Array.from(b[k]), k).toEqual(Array.from(a[k]));
    expect([...b.long].sort((x, y) => x[0] - y[0])).toEqual([...a.long].sort((x, y) => x[0] - y[0]));
  }
};

const cell = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.integer().map(String),
  fc.constantFrom('', 'NA', '中国', 'x y', '1,5'.replace(',', ';')),
  // lengths around the one-byte size limit (SIZE_LONG)
  fc.constantFrom('x'.repeat(254), 'y'.repeat(255), '长'.repeat(100), `1${'0'.repeat(300)}`),
);
const table = fc.tuple(
  fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 30 }),
  fc.constantFrom('\n', '\r\n', '\r') as fc.Arbitrary<'\n' | '\r\n' | '\r'>,
  fc.boolean(),
);

describe('CSV scan in parts', () => {
  it('cut, scanned apart (in place, or the part as an array of its own) and joined, equals one scan', () => {
    let cut = 0;
    fc.assert(
      fc.property(table, fc.integer({ min: 2, max: 5 }), fc.boolean(), ([rows, nl, finalNl], parts, room) => {
        const bytes = utf8(rows.map((r) => r.join(',')).join(nl) + (finalNl ? nl : ''));
        const cuts = rowCuts(bytes, nl, parts, room ? nodeFindByte : undefined);
        if (!cuts) return;
        cut++;
        const grids = cuts.slice(0, -1).map((from, i) => {
          const to = cuts[i + 1];
          // the first range with room for every cell (joined in place) or not
          if (i === 0) return scanCsv(bytes, ',', nl, from, to, room ? bytes.length : to)!;
          return i % 2 === 0
            ? scanCsv(bytes, ',', nl, from, to)!
            : shiftGrid(scanCsv(bytes.slice(from, to), ',', nl)!, from);
        });
        same(scanCsv(bytes, ',', nl), joinGrids(bytes, grids));
      }),
      { numRuns: 300, seed: 7 },
    );
    expect(cut).toBeGreaterThan(150); // most texts are long enough to cut: the property is exercised
  });
  it('finds bytes with memchr as TypedArray.indexOf does, in shared memory too', () => {
    const bytes = utf8('a,b\n"x",\0\n');
    const shared = new Uint8Array(new SharedArrayBuffer(bytes.length + 2), 2);
    shared.set(bytes);
    for (const b of [0, 34, 10, 99])
      for (const from of [0, 5]) {
        expect(nodeFindByte(bytes, b, from)).toBe(bytes.indexOf(b, from));
        expect(nodeFindByte(shared, b, from)).toBe(bytes.indexOf(b, from));
      }
  });
  it('does not cut a text holding a double quote', () => {
    expect(rowCuts(utf8('a,b\n"x\ny",1\n2,3\n'), '\n', 2)).toBeNull();
    expect(rowCuts(utf8('a\n1\n2\n'), '\n', 2)).toEqual([0, 4, 6]);
    // the first part given about three quarters: cut after the line ending at or after byte 9
    expect(rowCuts(utf8('a\n1\n2\n3\n4\n5\n'), '\n', 2, undefined, 0.75)).toEqual([0, 10, 12]);
  });
  it('scans to the same grid whatever room it is told to make for the cells', () => {
    const bytes = utf8(`u,t,x\n${Array.from({ length: 3000 }, (_, i) => `u${i},${i % 9},${i / 7}`).join('\n')}\n`);
    const want = scanCsv(bytes, ',', '\n');
    for (const cells of [0, 10, 5000, 1e6]) same(want, scanCsv(bytes, ',', '\n', 0, bytes.length, bytes.length, cells));
  });
  it('on a worker thread, equals scanCsv (and falls back to it on quoted text)', async () => {
    const lines = ['unit,year,x1,x2'];
    for (let i = 0; i < 500; i++) lines.push(`u${i},${2000 + (i % 7)},${Math.exp(i / 50)},${i % 3 ? -i / 7 : ''}`);
    const text = `${lines.join('\r\n')}\r\n`;
    const bytes = utf8(text);
    same(scanCsv(bytes, ',', '\r\n'), await scanCsvOnThreads(bytes, ',', '\r\n', 0));
    // bytes in shared memory: the worker gets a copy of its part as well
    const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
    shared.set(bytes);
    same(scanCsv(bytes, ',', '\r\n'), await scanCsvOnThreads(shared, ',', '\r\n', 0));
    const quoted = utf8(text.replace('u7,', '"u,7",'));
    same(scanCsv(quoted, ',', '\r\n'), await scanCsvOnThreads(quoted, ',', '\r\n', 0));
  });
});

describe('the worker’s half read from the file', () => {
  it('this thread takes the share both threads finish together on: more of a small file (the worker starts meanwhile), at most 0.8', () => {
    // s·B = WORKER_START_BYTES + FILE_SCAN_WORKER_COST·(1 − s)·B
    for (const bytes of [CSV_THREADS_MIN_BYTES, 56e6, 224e6, 2e9]) {
      const s = fileScanFirstShare(bytes);
      const both = s * bytes - (WORKER_START_BYTES + FILE_SCAN_WORKER_COST * (1 - s) * bytes);
      if (s < 0.8) expect(Math.abs(both)).toBeLessThan(1e-6 * bytes);
      else expect(both).toBeLessThanOrEqual(0); // capped: the worker still finishes first
    }
    expect(fileScanFirstShare(56e6)).toBeCloseTo(0.68, 2);
    expect(fileScanFirstShare(224e6)).toBeCloseTo(0.58, 2);
    expect(fileScanFirstShare(CSV_THREADS_MIN_BYTES)).toBe(0.8);
    expect(fileScanFirstShare(1e12)).toBeCloseTo(FILE_SCAN_WORKER_COST / (1 + FILE_SCAN_WORKER_COST), 4);
  });

  it('scanned piece by piece (rows longer than a piece included) and joined, equals one scan; the CRC is the range’s', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xinzhi-range-'));
    try {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(
          table,
          fc.integer({ min: 1, max: 40 }),
          fc.nat(3),
          async ([rows, nl, finalNl], piece, lead) => {
            // `lead` bytes before the text (a BOM's place): the range is given in file positions
            const text = utf8(rows.map((r) => r.join(',')).join(nl) + (finalNl ? nl : ''));
            const cuts = rowCuts(text, nl, 2);
            if (!cuts) return;
            n++;
            const path = join(dir, `t${n}.csv`);
            const file = new Uint8Array(lead + text.length).fill(0x20);
            file.set(text, lead);
            await writeFile(path, file);
            const [, mid, end] = cuts;
            const r = scanFileRange(path, lead + mid, lead + end, ',', nl, piece)!;
            expect(r.crc).toBe(crc32(text.subarray(mid, end)));
            const first = scanCsv(text, ',', nl, 0, mid, end)!;
            const rest = r.grids.map(({ bytes: _b, ...g }) => ({ bytes: text, ...shiftGrid(g, mid) }));
            same(scanCsv(text, ',', nl), joinGrids(text, [first, ...rest]));
          },
        ),
        { numRuns: 200, seed: 11 },
      );
      expect(n).toBeGreaterThan(100);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  it('scanCsvOnThreads with the file as source equals scanCsv; a file that changed after it was read is scanned here', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xinzhi-source-'));
    try {
      const lines = ['unit,year,x1,x2'];
      for (let i = 0; i < 3000; i++) lines.push(`u${i},${2000 + (i % 7)},${Math.exp(i / 500)},${i % 3 ? -i / 7 : ''}`);
      const bytes = utf8(`\uFEFF${lines.join('\n')}\n`);
      const path = join(dir, 'p.csv');
      await writeFile(path, bytes);
      const text = bytes.subarray(3); // after the BOM
      const want = scanCsv(text, ',', '\n');
      same(want, await scanCsvOnThreads(text, ',', '\n', 0, undefined, { path, at: 3 }));
      // the file now differs from the bytes read: the CRCs differ and the bytes read are scanned here
      await writeFile(path, utf8(`\uFEFF${lines.join('\n').replaceAll('u1', 'v9')}\n`));
      same(want, await scanCsvOnThreads(text, ',', '\n', 0, undefined, { path, at: 3 }));
      // a file that is shorter now, one with a quoted field where the worker reads, and one that is gone
      await writeFile(path, bytes.subarray(0, bytes.length >> 1));
      same(want, await scanCsvOnThreads(text, ',', '\n', 0, undefined, { path, at: 3 }));
      await writeFile(path, utf8(`\uFEFF${lines.join('\n').replace('u2999,', '"u\n2999",')}\n`));
      same(want, await scanCsvOnThreads(text, ',', '\n', 0, undefined, { path, at: 3 }));
      await rm(path);
      same(want, await scanCsvOnThreads(text, ',', '\n', 0, undefined, { path, at: 3 }));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('readCsvBytes', () => {
  it('reads a large file into an array of its own, every byte in place (in one piece or several); a small one as it is', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xinzhi-read-'));
    try {
      // bytes that tell one position from another
      for (const size of [CSV_THREADS_MIN_BYTES + 7, 2 * READ_PIECE + 12_345, 1000]) {
        const data = new Uint8Array(size);
        for (let i = 0; i < size; i++) data[i] = (i * 31 + (i >>> 8)) & 0xff;
        const path = join(dir, `f${size}.csv`);
        await writeFile(path, data);
        let heard = -1;
        const bytes = await readCsvBytes(path, (n) => (heard = n));
        expect(heard).toBe(size);
        if (size >= CSV_THREADS_MIN_BYTES) expect([bytes.byteOffset, bytes.buffer.byteLength]).toEqual([0, size]);
        expect(bytes.length).toBe(size);
        expect(Buffer.compare(Buffer.from(bytes), Buffer.from(data))).toBe(0);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
