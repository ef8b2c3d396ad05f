import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProvinceGeojson } from '../../src/adapters/io/geo.ts';
import { OUTPUT_FILES, writeOutputs } from '../../src/adapters/io/write-outputs.ts';
import { writeLinesFile } from '../../src/adapters/io/write-lines.ts';
import { scoresCsv, scoresCsvLines } from '../../src/adapters/report/csv.ts';
import { makeFixture } from './fixture.ts';

describe('writeOutputs', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('writes all outputs into a new folder and returns their paths', async () => {
    const base = await mkdtemp(join(tmpdir(), 'xinzhi-out-'));
    dirs.push(base);
    const dir = join(base, 'nested', 'out');
    const result = makeFixture();
    result.normalized.values.x1[0] = Number.NaN;
    result.diagnostics.inf = Number.POSITIVE_INFINITY;
    const paths = await writeOutputs(result, dir, { lang: 'en', geojson: await loadProvinceGeojson(), date: 'fixed' });
    expect(paths).toEqual(Object.values(OUTPUT_FILES).map((f) => join(dir, f)));

    const json = JSON.parse(await readFile(join(dir, OUTPUT_FILES.results), 'utf8'));
    expect(Array.isArray(json.normalized.values.x1)).toBe(true);
    expect(json.normalized.values.x1[0]).toBeNull();
    expect(json.normalized.values.x1[1]).toBe(result.normalized.values.x1[1]);
    expect(json.diagnostics.inf).toBeNull();
    expect(json.weights).toEqual(result.weights);
    expect(json.scores).toEqual(result.scores);

    const spec = JSON.parse(await readFile(join(dir, OUTPUT_FILES.spec), 'utf8'));
    expect(spec).toEqual(result.record.spec);

    const csv = await readFile(join(dir, OUTPUT_FILES.scores));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // streamed line by line, the same text as the whole document
    expect(csv.toString('utf8')).toBe(scoresCsv(result, 'en'));
    const xlsx = await readFile(join(dir, OUTPUT_FILES.workbook));
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
    const html = await readFile(join(dir, OUTPUT_FILES.report), 'utf8');
    expect(html).toContain('id="fig-map"');
    expect(html).toContain('UN OCHA');
  });

  it('scores.csv comes in whole lines: the header line, then blocks of lines per unit and time', () => {
    const result = makeFixture();
    const pieces = [...scoresCsvLines(result, 'zh')];
    expect(pieces.every((l) => l.endsWith('\r\n'))).toBe(true);
    expect(pieces[0].split('\r\n').length).toBe(2);
    expect(pieces.join('').split('\r\n').length - 1).toBe(1 + result.scores.length);
    // a large panel: blocks of about 64 kB, each ending at a line end
    const big = makeFixture({ units: Array.from({ length: 3000 }, (_, i) => `firm ${i}`) });
    const blocks = [...scoresCsvLines(big, 'en')].slice(1);
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.slice(0, -1).every((b) => b.length >= 1 << 16 && b.endsWith('\r\n'))).toBe(true);
    expect(blocks.join('').split('\r\n').length - 1).toBe(big.scores.length);
  });

  it('writeLinesFile writes many pieces (many 64 kB blocks) in order', async () => {
    const base = await mkdtemp(join(tmpdir(), 'xinzhi-lines-'));
    dirs.push(base);
    const path = join(base, 'big.csv');
    function* pieces(): Generator<string> {
      for (let i = 0; i < 200_000; i++) yield `${i},北京,${i / 7}\r\n`;
    }
    await writeLinesFile(path, pieces());
    expect(await readFile(path, 'utf8')).toBe([...pieces()].join(''));
  });
});
