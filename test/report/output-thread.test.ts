/**
 * results.json and scores.csv written on a worker thread (io/output-thread.ts)
 * are byte for byte the files written on this thread (jsonPieces,
 * scoresCsvLines): with many leaves in flight or one at a time, when a file
 * cannot be opened, and through writeOutputs for a large result.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// the worker threads started with jobWorker, by module name (to see that the Word report had its own)
const started = vi.hoisted(() => [] as string[]);
vi.mock('../../src/adapters/io/worker-thread.ts', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../src/adapters/io/worker-thread.ts')>();
  return {
    ...mod,
    jobWorker: (...args: Parameters<typeof mod.jobWorker>) => {
      started.push(args[1]);
      return mod.jobWorker(...args);
    },
  };
});
import { OutputThread } from '../../src/adapters/io/output-thread.ts';
import {
  OUTPUT_FILES,
  OUTPUT_THREAD_MIN_ROWS,
  outputPlan,
  PARQUET_FILE,
  startOutputThreadEarly,
  writeOutputs,
} from '../../src/adapters/io/write-outputs.ts';
import { scoresParquetPlan, writeScoresParquet } from '../../src/adapters/io/write-parquet.ts';
import { scoresCsv, scoresCsvPlan } from '../../src/adapters/report/csv.ts';
import { jsonPieces } from '../../src/adapters/report/json.ts';
import type { EvaluationResult, RobustnessReport } from '../../src/core/measure/result.ts';
import { makeFixture } from './fixture.ts';
import { readParquet } from './parquet-read.ts';
import { xinzhi } from '../cli-run.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'xinzhi-thread-'));
  dirs.push(d);
  return d;
}

const doc = (n: number) => ({
  title: '新质 "index"',
  rows: Array.from({ length: n }, (_, i) => ({ unit: `企业 ${i % 333}`, time: 2010 + (i % 9), score: i / 7, rank: i })),
  other: Array.from({ length: 20 }, (_, i) => ({ nested: { i } })),
  normalized: {
    values: Object.fromEntries(
      Array.from({ length: 6 }, (_, k) => [
        `x${k}`,
        Array.from({ length: n }, (_, i) => (i % 101 === k ? null : Math.sqrt(i + k) / 3)),
      ]),
    ),
  },
});

describe('OutputThread', () => {
  it('writes JSON as jsonPieces does, with the whole document in flight or one leaf at a time', async () => {
    const dir = await tempDir();
    const value = doc(30_000);
    const expected = `${[...jsonPieces(value)].join('')}\n`;
    for (const window of [1 << 30, 1]) {
      const t = OutputThread.start(window);
      try {
        const path = join(dir, `w${window}.json`);
        await t.writeJson(path, value);
        expect(await readFile(path, 'utf8')).toBe(expected);
      } finally {
        await t.close();
      }
    }
  });

  it('writes a member that is a Promise where it stands once it settles; a rejected one rejects the file', async () => {
    const dir = await tempDir();
    const t = OutputThread.start(1 << 20);
    try {
      const value = doc(30_000);
      const tail = { rows: value.rows.slice(0, 12_000), note: 'x' };
      let resolve!: (v: unknown) => void;
      const late = new Promise((r) => (resolve = r));
      const path = join(dir, 'late.json');
      const written = t.writeJson(path, { ...value, tail: late, after: [1, 2] });
      setTimeout(() => resolve(tail), 50);
      await written;
      expect(await readFile(path, 'utf8')).toBe(`${[...jsonPieces({ ...value, tail, after: [1, 2] })].join('')}\n`);
      await expect(
        t.writeJson(join(dir, 'bad.json'), { a: Promise.reject(new Error('no robustness')) }),
      ).rejects.toThrow('no robustness');
    } finally {
      await t.close();
    }
  });

  it('rejects with the reason when a file cannot be written, and goes on with the next', async () => {
    const dir = await tempDir();
    const t = OutputThread.start();
    try {
      await expect(t.writeJson(join(dir, 'no', 'such', 'folder.json'), doc(20_000))).rejects.toThrow(/ENOENT/);
      const plan = scoresCsvPlan(makeFixture(), 'zh');
      await expect(t.writeScores(join(dir, 'missing', 'scores.csv'), plan).csv).rejects.toThrow(/ENOENT/);
      const path = join(dir, 'ok.json');
      await t.writeJson(path, { a: [1, 2] });
      expect(await readFile(path, 'utf8')).toBe(`${[...jsonPieces({ a: [1, 2] })].join('')}\n`);
    } finally {
      await t.close();
    }
  });

  it('scores.parquet offered with scores.csv is written by one thread exactly once: the thread, or this one after taking it back', async () => {
    const result = makeFixture({ units: Array.from({ length: 3000 }, (_, i) => `firm ${i}`) });
    const dir = await tempDir();
    const reference = join(dir, 'reference.parquet');
    await writeScoresParquet(result, reference);
    const expected = await readParquet(reference);
    expect(expected.length).toBeGreaterThan(0);
    const t = OutputThread.start();
    try {
      // left to the thread: it writes the file once scores.csv is written (its only file); taking it back afterwards fails
      const plan = scoresCsvPlan(result, 'en');
      const left = join(dir, 'left.parquet');
      const sent = t.writeScores(join(dir, 'a.csv'), plan, { path: left, plan: scoresParquetPlan(result, plan) });
      await sent.csv;
      await sent.parquet!.settled;
      expect(sent.parquet!.take()).toBe(false);
      expect(await readParquet(left)).toEqual(expected);
      // taken back at once (the thread is still on scores.csv): the thread leaves it, whoever took it writes it
      const taken = join(dir, 'taken.parquet');
      const again = t.writeScores(join(dir, 'b.csv'), plan, { path: taken, plan: scoresParquetPlan(result, plan) });
      const took = again.parquet!.take();
      await again.parquet!.settled;
      expect(existsSync(taken)).toBe(!took);
      if (took) await writeScoresParquet(result, taken);
      expect(again.parquet!.take()).toBe(false); // once only
      expect(await readParquet(taken)).toEqual(expected);
      await again.csv;
      expect(await readFile(join(dir, 'b.csv'), 'utf8')).toBe(scoresCsv(result, 'en'));
    } finally {
      await t.close();
    }
  }, 60_000);

  it('scores.parquet waits for the files the thread is writing: the sender can take it back meanwhile, else the thread writes it after them', async () => {
    const result = makeFixture({ units: Array.from({ length: 300 }, (_, i) => `firm ${i}`) });
    const dir = await tempDir();
    const reference = join(dir, 'reference.parquet');
    await writeScoresParquet(result, reference);
    const plan = scoresCsvPlan(result, 'en');
    const t = OutputThread.start();
    try {
      for (const takeBack of [true, false]) {
        // results.json held open by a member still to come
        let settle!: (v: unknown) => void;
        const json = t.writeJson(join(dir, `${takeBack}.json`), { a: 1, b: new Promise((r) => (settle = r)) });
        const path = join(dir, `${takeBack}.parquet`);
        const sent = t.writeScores(join(dir, `${takeBack}.csv`), plan, { path, plan: scoresParquetPlan(result, plan) });
        await sent.csv;
        if (takeBack) {
          expect(sent.parquet!.take()).toBe(true); // not begun while results.json is open
          await writeScoresParquet(result, path);
        }
        settle([1, 2]);
        await json;
        await sent.parquet!.settled;
        expect(sent.parquet!.take()).toBe(false);
        expect(await readParquet(path)).toEqual(await readParquet(reference));
        expect(JSON.parse(await readFile(join(dir, `${takeBack}.json`), 'utf8'))).toEqual({ a: 1, b: [1, 2] });
      }
    } finally {
      await t.close();
    }
  }, 60_000);

  it('the scores.csv / scores.parquet plan lies in shared memory: posted to the thread without a copy, and read there as written', async () => {
    const result = makeFixture({ units: Array.from({ length: 300 }, (_, i) => `firm ${i}`) });
    const plan = scoresCsvPlan(result, 'en');
    expect(plan.lines.buffer).toBeInstanceOf(SharedArrayBuffer);
    for (const c of plan.columns) {
      expect(c?.score.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(c?.rank.buffer).toBeInstanceOf(SharedArrayBuffer);
    }
    const dir = await tempDir();
    const t = OutputThread.start();
    try {
      await t.writeScores(join(dir, 'a.csv'), plan).csv;
    } finally {
      await t.close();
    }
    expect(await readFile(join(dir, 'a.csv'), 'utf8')).toBe(scoresCsv(result, 'en'));
  }, 60_000);

  it('ending the thread while it writes scores.parquet waits for the file (DuckDB cannot be stopped halfway)', async () => {
    const result = makeFixture({ units: Array.from({ length: 3000 }, (_, i) => `firm ${i}`) });
    const dir = await tempDir();
    const reference = join(dir, 'reference.parquet');
    await writeScoresParquet(result, reference);
    const t = OutputThread.start();
    const plan = scoresCsvPlan(result, 'en');
    const path = join(dir, 'scores.parquet');
    const sent = t.writeScores(join(dir, 'a.csv'), plan, { path, plan: scoresParquetPlan(result, plan) });
    await sent.csv; // the thread has begun scores.parquet right after scores.csv, its only other file
    expect(sent.parquet!.take()).toBe(false);
    await t.close();
    expect(await readParquet(path)).toEqual(await readParquet(reference));
    // ended at once: an offer not begun yet is taken back (the thread leaves it), one begun is finished whole
    const t2 = OutputThread.start();
    const left = join(dir, 'left.parquet');
    const again = t2.writeScores(join(dir, 'b.csv'), plan, { path: left, plan: scoresParquetPlan(result, plan) });
    const abandoned = Promise.allSettled([again.csv, again.parquet!.settled]); // they fail with the ended thread
    await t2.close();
    await abandoned;
    expect(again.parquet!.take()).toBe(false);
    if (existsSync(left)) expect(await readParquet(left)).toEqual(await readParquet(reference));
  }, 60_000);

  it('scores.parquet that the thread cannot write rejects its offer with the reason', async () => {
    const result = makeFixture({ units: Array.from({ length: 50 }, (_, i) => `firm ${i}`) });
    const dir = await tempDir();
    const t = OutputThread.start();
    try {
      const plan = scoresCsvPlan(result, 'en');
      const bad = join(dir, 'no', 'such', 'scores.parquet');
      const sent = t.writeScores(join(dir, 'a.csv'), plan, { path: bad, plan: scoresParquetPlan(result, plan) });
      await sent.csv;
      await expect(sent.parquet!.settled).rejects.toThrow(/no\/such/);
    } finally {
      await t.close();
    }
  }, 60_000);

  it('writeOutputs writes a large result on the thread: the same results.json and scores.csv', async () => {
    const units = Array.from({ length: 5000 }, (_, i) => (i % 50 === 0 ? `公司, "${i}"` : `firm ${i}`));
    const result = makeFixture({ units });
    expect(result.nodeScores.length).toBeGreaterThanOrEqual(OUTPUT_THREAD_MIN_ROWS);
    result.normalized.values.x1[7] = Number.NaN;
    const dir = await tempDir();
    await writeOutputs(result, dir, { lang: 'zh', date: 'fixed', parquet: true });
    expect(await readFile(join(dir, OUTPUT_FILES.results), 'utf8')).toBe(`${[...jsonPieces(result)].join('')}\n`);
    expect(await readFile(join(dir, OUTPUT_FILES.scores), 'utf8')).toBe(scoresCsv(result, 'zh'));
    // scores.parquet by whichever thread was free first: the same rows as written here alone
    const alone = join(dir, 'alone.parquet');
    await writeScoresParquet(result, alone);
    expect(await readParquet(join(dir, PARQUET_FILE))).toEqual(await readParquet(alone));
  }, 60_000);

  it('report.docx made on a thread of its own holds the same parts as one made here', async () => {
    const { default: JSZip } = await import('jszip');
    const result = makeFixture({ units: Array.from({ length: 5000 }, (_, i) => `firm ${i}`) });
    const parts = async (wordThread: boolean) => {
      const dir = await tempDir();
      started.length = 0;
      await writeOutputs(result, dir, { lang: 'zh', date: 'fixed', wordThread });
      expect(started.includes('../io/docx-worker')).toBe(wordThread);
      const zip = await JSZip.loadAsync(await readFile(join(dir, OUTPUT_FILES.word)));
      const out: Record<string, string> = {};
      // docProps/core.xml holds the time it was made; the docx package numbers drawings (docPr id) in the
      // order the figures finish drawing, on from the documents made before in the same thread (Word only
      // needs them unique within one document)
      for (const [name, f] of Object.entries(zip.files))
        if (f.dir || name === 'docProps/core.xml') continue;
        else if (name === 'word/document.xml')
          out[name] = (await f.async('string')).replace(/<wp:docPr id="\d+"/g, '<wp:docPr id="#"');
        else out[name] = await f.async('base64');
      return out;
    };
    const there = await parts(true);
    expect(Object.keys(there)).toContain('word/document.xml');
    expect(Object.keys(there).some((n) => n.endsWith('.png'))).toBe(true); // the figures' fallback images
    const here = await parts(false);
    const differ = Object.keys({ ...there, ...here }).filter((n) => there[n] !== here[n]);
    expect(differ).toEqual([]);
  }, 60_000);

  it('writeOutputs on the thread stops with the error of a report it cannot write (the thread ended with it)', async () => {
    const result = makeFixture({ units: Array.from({ length: 5000 }, (_, i) => `firm ${i}`) });
    const dir = await tempDir();
    await mkdir(join(dir, OUTPUT_FILES.report)); // report.html cannot be written over a folder
    await expect(writeOutputs(result, dir, { lang: 'en', date: 'fixed', parquet: true })).rejects.toThrow(/EISDIR/);
    // and the next run into a good folder writes everything, scores.parquet included
    const again = await tempDir();
    const paths = await writeOutputs(result, again, { lang: 'en', date: 'fixed', parquet: true });
    expect(paths).toContain(join(again, PARQUET_FILE));
    expect((await readParquet(join(again, PARQUET_FILE))).length).toBe(result.scores.length);
  }, 60_000);

  it('writeOutputs computes the robustness check while results.json is being written, on the thread or not', async () => {
    const report = (result: EvaluationResult): RobustnessReport => ({
      options: { methods: ['entropy', 'equal'], threshold: 3, times: 'latest' },
      nominal: 'entropy',
      weights: { equal: { x1: 0.25 } },
      rows: result.scores.map((r, i) => ({
        unit: r.unit,
        time: r.time,
        nominalRank: r.rank ?? 0,
        ranks: { entropy: r.rank ?? 0, equal: (i % 7) + 1 },
        scores: { entropy: r.score, equal: r.score / 2 },
        shift: i % 4,
      })),
      sentences: [{ zh: '无', en: 'none' }],
      failed: {},
    });
    for (const units of [5000, 4]) {
      const result = makeFixture(units > 4 ? { units: Array.from({ length: units }, (_, i) => `firm ${i}`) } : {});
      expect(result.robustness).toBeUndefined();
      const dir = await tempDir();
      await writeOutputs(result, dir, { lang: 'en', date: 'fixed', robustness: () => report(result) });
      expect(result.robustness).toEqual(report(result));
      const text = await readFile(join(dir, OUTPUT_FILES.results), 'utf8');
      expect(text).toBe(`${[...jsonPieces(result)].join('')}\n`);
      expect(Object.keys(JSON.parse(text)).at(-1)).toBe('robustness');
      // a check that fails stops the outputs with its error
      const failing = () => {
        throw new Error('robustness failed');
      };
      await expect(
        writeOutputs(makeFixture(units > 4 ? { units: result.units } : {}), join(dir, 'again'), {
          lang: 'en',
          robustness: failing,
        }),
      ).rejects.toThrow('robustness failed');
    }
  }, 60_000);

  it('outputPlan: the formats, scores.parquet for large panels, the thread from OUTPUT_THREAD_MIN_ROWS rows beside a report', () => {
    const rows = OUTPUT_THREAD_MIN_ROWS;
    expect(outputPlan(5000, rows, {})).toEqual({
      json: true,
      csv: true,
      xlsx: true,
      html: true,
      docx: true,
      parquet: true,
      thread: true,
    });
    expect(outputPlan(200, rows, {})).toMatchObject({ parquet: false, thread: true });
    expect(outputPlan(200, rows, { parquet: true }).parquet).toBe(true);
    expect(outputPlan(5000, rows - 1, {}).thread).toBe(false);
    // no report beside the files the thread writes: all of them here
    expect(outputPlan(5000, rows, { formats: ['json', 'csv', 'parquet'] })).toMatchObject({
      parquet: true,
      thread: false,
    });
    expect(outputPlan(5000, rows, { formats: ['html'] })).toMatchObject({ json: false, csv: false, thread: false });
    expect(outputPlan(5000, rows, { formats: ['csv', 'docx'] })).toMatchObject({ parquet: false, thread: true });
  });

  it('writeOutputs with a thread started before the evaluation: the same files; a thread not called for is ended', async () => {
    for (const units of [5000, 4]) {
      const result = makeFixture(units > 4 ? { units: Array.from({ length: units }, (_, i) => `firm ${i}`) } : {});
      const early = startOutputThreadEarly(result.units.length, result.nodeScores.length, {});
      expect(early !== undefined).toBe(units > 4);
      const given = early ?? OutputThread.start(); // a small result's thread is ended unused
      const closed = vi.spyOn(given, 'close');
      const started = vi.spyOn(OutputThread, 'start');
      const dir = await tempDir();
      const paths = await writeOutputs(result, dir, { lang: 'zh', date: 'fixed', outputThread: given });
      expect(started).not.toHaveBeenCalled(); // the given thread wrote the large result's files: no second one
      started.mockRestore();
      expect(closed).toHaveBeenCalled();
      expect(paths.includes(join(dir, PARQUET_FILE))).toBe(units > 4);
      expect(await readFile(join(dir, OUTPUT_FILES.results), 'utf8')).toBe(`${[...jsonPieces(result)].join('')}\n`);
      expect(await readFile(join(dir, OUTPUT_FILES.scores), 'utf8')).toBe(scoresCsv(result, 'zh'));
      if (units > 4) expect((await readParquet(join(dir, PARQUET_FILE))).length).toBe(result.scores.length);
      // a unit the result does not have stops before any file, and ends the thread
      const again = startOutputThreadEarly(result.units.length, result.nodeScores.length, { parquet: true }) ?? given;
      const ended = vi.spyOn(again, 'close');
      await expect(
        writeOutputs(result, join(dir, 'again'), { lang: 'en', units: ['no such firm'], outputThread: again }),
      ).rejects.toThrow(/no such firm/);
      expect(ended).toHaveBeenCalled();
      expect(existsSync(join(dir, 'again'))).toBe(false);
    }
  }, 120_000);

  /** A firm panel (firm, year, a–d) of `units` firms × `years` years and its spec, in `dir`. */
  async function firmPanel(dir: string, units: number, years: number): Promise<{ data: string; spec: string }> {
    const lines = ['firm,year,a,b,c,d'];
    for (let t = 0; t < years; t++)
      for (let u = 0; u < units; u++) {
        const x = (k: number) =>
          (((u * 7919 + t * 104729 + k * 15485863) % 1000003) / 1000003 + 0.01 * (u % 13)).toFixed(6);
        lines.push(`f${u},${2010 + t},${x(1)},${x(2)},${x(3)},${x(4)}`);
      }
    await writeFile(join(dir, 'firms.csv'), `${lines.join('\n')}\n`);
    const spec = {
      unit: 'firm',
      time: 'year',
      nodes: [
        { id: 'd1', parent: null },
        { id: 'd2', parent: null },
      ],
      indicators: [
        { id: 'a', column: 'a', direction: '+', parent: 'd1' },
        { id: 'b', column: 'b', direction: '+', parent: 'd1' },
        { id: 'c', column: 'c', direction: '-', parent: 'd2' },
        { id: 'd', column: 'd', direction: '+', parent: 'd2' },
      ],
    };
    await writeFile(join(dir, 'spec.json'), JSON.stringify(spec));
    return { data: join(dir, 'firms.csv'), spec: join(dir, 'spec.json') };
  }

  it('evaluate --out --json on a firm panel: results.json from the thread, with the robustness check, equals stdout', async () => {
    const dir = await tempDir();
    const units = 1500;
    const { data, spec } = await firmPanel(dir, units, 12);
    const out = join(dir, 'out');
    const r = await xinzhi(['evaluate', '--data', data, '--spec', spec, '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const file = await readFile(join(out, OUTPUT_FILES.results), 'utf8');
    const doc = JSON.parse(file);
    expect(doc.nodeScores.length).toBeGreaterThanOrEqual(OUTPUT_THREAD_MIN_ROWS); // written on the thread
    expect(Object.keys(doc).at(-1)).toBe('robustness');
    expect(doc.robustness.rows.length).toBe(units);
    expect(file).toBe(r.stdout); // the same text as the one-thread writer prints
  }, 120_000);

  it('evaluate --out on a panel that starts the thread before the evaluation: every file; an unknown --units ends it', async () => {
    const dir = await tempDir();
    const units = 4500; // 54,000 unit-years: the thread starts before the evaluation, DuckDB loading in it
    const { data, spec } = await firmPanel(dir, units, 12);
    const out = join(dir, 'out');
    const r = await xinzhi(['evaluate', '--data', data, '--spec', spec, '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(await readFile(join(out, OUTPUT_FILES.results), 'utf8')).toBe(r.stdout);
    expect((await readParquet(join(out, PARQUET_FILE))).length).toBe(units * 12);
    for (const f of Object.values(OUTPUT_FILES)) expect(existsSync(join(out, f)), f).toBe(true);
    // the error ends the command (the early thread with it) instead of leaving it waiting
    const bad = await xinzhi([
      'evaluate',
      '--data',
      data,
      '--spec',
      spec,
      '--out',
      join(dir, 'bad'),
      '--units',
      'f1,nosuch',
    ]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/nosuch/);
    expect(existsSync(join(dir, 'bad'))).toBe(false);
  }, 180_000);
});
