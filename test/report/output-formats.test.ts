/**
 * `--formats`: writeOutputs writes exactly the files asked for (spec.json
 * always), each the same bytes as in a run writing everything, on a small
 * result and on one large enough for the output thread (used only while a
 * report is made); parseOutputFormats
 * and the CLI's checks of the option.
 */
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// the worker threads started, by module name (to see which lists use the output thread)
const started = vi.hoisted(() => [] as string[]);
vi.mock('../../src/adapters/io/worker-thread.ts', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../src/adapters/io/worker-thread.ts')>();
  return {
    ...mod,
    startWorker: (...args: Parameters<typeof mod.startWorker>) => {
      started.push(args[1]);
      return mod.startWorker(...args);
    },
  };
});
import { OUTPUT_FORMATS, parseOutputFormats } from '../../src/adapters/io/output-formats.ts';
import {
  OUTPUT_FILES,
  OUTPUT_THREAD_MIN_ROWS,
  PARQUET_FILE,
  writeOutputs,
} from '../../src/adapters/io/write-outputs.ts';
import { MCDM_CSV } from '../../src/adapters/report/csv.ts';
import { ROBUSTNESS_CSV } from '../../src/adapters/report/large-panel.ts';
import { XinzhiError } from '../../src/core/errors.ts';
import { makeFixture } from './fixture.ts';
import { xinzhi } from '../cli-run.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'xinzhi-formats-'));
  dirs.push(d);
  return d;
}

/** The files of each format (robustness.csv and mcdm-scores.csv only for large panels). */
const FILES_OF: Record<string, string[]> = {
  json: [OUTPUT_FILES.results],
  csv: [OUTPUT_FILES.scores, OUTPUT_FILES.weights, ROBUSTNESS_CSV, MCDM_CSV],
  parquet: [PARQUET_FILE],
  xlsx: [OUTPUT_FILES.workbook],
  html: [OUTPUT_FILES.report],
  docx: [OUTPUT_FILES.word],
};

describe('parseOutputFormats', () => {
  it('reads a comma-separated list in any case and order, all for every format', () => {
    expect(parseOutputFormats('csv, JSON')).toEqual(['json', 'csv']);
    expect(parseOutputFormats('all')).toEqual([...OUTPUT_FORMATS]);
    expect(parseOutputFormats('docx,html,docx')).toEqual(['html', 'docx']);
  });

  it('refuses an unknown or empty list, naming the option, the closest format and the choices', () => {
    const err = (v: string) => {
      try {
        parseOutputFormats(v);
      } catch (e) {
        return e as XinzhiError;
      }
      throw new Error('no error');
    };
    const e = err('json,xslx');
    expect(e).toBeInstanceOf(XinzhiError);
    expect(e.problems[0].column).toBe('--formats');
    expect(e.problems[0].message.en).toBe('unknown formats in --formats: xslx (did you mean xlsx?)');
    expect(e.problems[0].fix?.en).toContain('json,csv,parquet,xlsx,html,docx or all');
    expect(err(' , ').problems[0].message.en).toContain('(empty)');
  });
});

describe('writeOutputs with formats', () => {
  for (const [size, units] of [
    ['small', undefined],
    ['large', Array.from({ length: 5000 }, (_, i) => `firm ${i}`)],
  ] as const) {
    it(`writes exactly the files asked for, the same bytes as when all are written (${size} result)`, async () => {
      const make = () => makeFixture(units ? { units: [...units] } : {});
      if (units) expect(make().nodeScores.length).toBeGreaterThanOrEqual(OUTPUT_THREAD_MIN_ROWS);
      const all = await tempDir();
      await writeOutputs(make(), all, { lang: 'en', date: 'fixed', parquet: true });
      const everything = new Set(await readdir(all));
      const lists = [
        ['json', 'csv'],
        ['csv'],
        ['json'],
        ['docx', 'parquet'],
        ['html', 'xlsx'],
        ['json', 'html'],
        ['csv', 'xlsx'],
        ['json', 'csv', 'parquet', 'html'],
      ] as const;
      for (const formats of lists) {
        const dir = await tempDir();
        started.length = 0;
        const paths = await writeOutputs(make(), dir, { lang: 'en', date: 'fixed', formats });
        // the output thread writes results.json / scores.csv of a large result only while a report is made here
        const reports = formats.some((f) => f === 'xlsx' || f === 'html' || f === 'docx');
        const onThread = units !== undefined && reports && formats.some((f) => f === 'json' || f === 'csv');
        expect(started.includes('../io/output-worker'), formats.join(',')).toBe(onThread);
        const want = [OUTPUT_FILES.spec, ...formats.flatMap((f) => FILES_OF[f])].filter((f) => everything.has(f));
        expect((await readdir(dir)).sort()).toEqual([...want].sort());
        expect(paths.map((p) => p.slice(dir.length + 1)).sort()).toEqual([...want].sort());
        for (const f of want)
          if (f !== OUTPUT_FILES.word && f !== OUTPUT_FILES.workbook && f !== PARQUET_FILE)
            expect(
              (await readFile(join(dir, f))).equals(await readFile(join(all, f))),
              `${formats.join(',')}: ${f}`,
            ).toBe(true);
      }
      // --parquet adds scores.parquet to the formats given
      const dir = await tempDir();
      await writeOutputs(make(), dir, { lang: 'en', date: 'fixed', formats: ['json'], parquet: true });
      expect((await readdir(dir)).sort()).toEqual([OUTPUT_FILES.results, PARQUET_FILE, OUTPUT_FILES.spec].sort());
    }, 120_000);
  }
});

describe('xinzhi evaluate --formats', () => {
  it('writes only the formats given, and says why it refuses --analyses without a report or --formats without --out', async () => {
    const dir = await tempDir();
    const ok = await xinzhi(['evaluate', '--out', dir, '--formats', 'csv', '--lang', 'en']);
    expect(ok.code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual([OUTPUT_FILES.scores, OUTPUT_FILES.spec, OUTPUT_FILES.weights].sort());
    const noReport = await xinzhi([
      'evaluate',
      '--out',
      dir,
      '--formats',
      'json',
      '--analyses',
      'gini',
      '--lang',
      'en',
    ]);
    expect(noReport.code).not.toBe(0);
    expect(noReport.stderr).toContain('--analyses');
    expect(noReport.stderr).toContain('add one of xlsx, html, docx to --formats');
    const noOut = await xinzhi(['evaluate', '--json', '--formats', 'csv', '--lang', 'zh']);
    expect(noOut.code).not.toBe(0);
    expect(noOut.stderr).toContain('--formats 选择 --out 写出的文件');
    const bad = await xinzhi(['evaluate', '--out', dir, '--formats', 'pdf', '--lang', 'en']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('unknown formats in --formats: pdf');
  }, 120_000);
});
