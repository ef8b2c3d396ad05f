/**
 * A batch of 300 small synthetic reports through `xinzhi text --out`: the
 * streamed outputs (reports handed on one at a time, hits appended as they
 * are counted, the panel built row by row) equal what the core gives with
 * every report held in memory — with one thread, with worker threads, and
 * after resuming an interrupted run.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReport } from '../../src/adapters/io/read-report.ts';
import { hitRows, reportJson } from '../../src/adapters/io/text-outputs.ts';
import type { IndexedFile } from '../../src/adapters/io/index-report-file.ts';
import { dictionaryTerms, WUFEI_2021 } from '../../src/core/text/dictionary.ts';
import { textPanel } from '../../src/core/text/panel.ts';
import { indexReport } from '../../src/core/text/report-index.ts';
import { toSimplified } from '../../src/core/text/script.ts';
import { toCsv } from '../../src/adapters/report/csv.ts';
import { xinzhi } from '../analysis/gini-cli-helpers.ts';

const REPORTS = 300;
const TERMS = dictionaryTerms(WUFEI_2021).map((e) => e.term);
const FILLER = ['公司经营稳健，各项工作有序开展。', '报告期内营业收入保持增长。', '公司不断优化产品结构。'];
const dir = mkdtempSync(join(tmpdir(), 'xinzhi-text-stream-'));
const input = join(dir, 'reports');

/** A report of a few pages (form feeds) with terms, some negated, some about customers. */
function synthetic(r: number): string {
  const rng = seedrandom(`stream-${r}`);
  const pages: string[] = [];
  for (let p = 0; p < 3 + Math.floor(rng() * 3); p++) {
    const lines = ['某某股份有限公司年度报告'];
    for (let l = 0; l < 12; l++) {
      const term = TERMS[Math.floor(rng() * TERMS.length)];
      const u = rng();
      if (u < 0.15) lines.push(`公司未开展${term}业务。`);
      else if (u < 0.25) lines.push(`主要客户推进${term}。`);
      else if (u < 0.6) lines.push(`公司推进${term}应用。`);
      else lines.push(FILLER[Math.floor(rng() * FILLER.length)]);
    }
    lines.push(String(p + 1));
    pages.push(lines.join('\n'));
  }
  const text = pages.join('\f');
  return r % 10 === 9 ? traditional(text) : text;
}

/** Every tenth report in traditional characters (converted by --convert auto). */
const TRAD: Record<string, string> = Object.fromEntries(
  [...'们发展开务应户进数据产资云计区块链网络联动营银关于经报业'].map((s, i) => [
    s,
    [...'們發展開務應戶進數據產資雲計區塊鏈網絡聯動營銀關於經報業'][i],
  ]),
);
const traditional = (text: string): string => [...text].map((ch) => TRAD[ch] ?? ch).join('');

const files: string[] = [];
beforeAll(() => {
  mkdirSync(input, { recursive: true });
  for (let r = 0; r < REPORTS; r++) {
    const file = join(input, `${String(600000 + r)}_2020年年度报告.txt`);
    writeFileSync(file, synthetic(r));
    files.push(file);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The in-memory path: every report read and indexed by the core, all kept. */
async function inMemory(): Promise<IndexedFile[]> {
  const out: IndexedFile[] = [];
  for (const file of files) {
    const read = await readReport(file);
    const outcome = indexReport(read, 'all', { negation: true, contexts: true });
    if (!outcome.ok) throw new Error(outcome.reason.en);
    const firm = file.split('/').pop()!.slice(0, 6);
    out.push({
      file,
      firm,
      year: 2020,
      index: outcome.index,
      format: read.format,
      pages: read.pages,
      encoding: 'utf-8',
    });
  }
  return out;
}

const read = (out: string, name: string): string => readFileSync(join(out, name), 'utf8');

describe(`a batch of ${REPORTS} reports, streamed`, () => {
  let expected: IndexedFile[];
  let panelCsv: string;
  let hitLines: string[];
  beforeAll(async () => {
    expected = await inMemory();
    const panel = textPanel(expected, WUFEI_2021);
    panelCsv = toCsv(panel.columns, panel.rows);
    hitLines = toCsv(['header'], expected.flatMap(hitRows)).split('\r\n').slice(1, -1);
  });

  const check = (out: string, stdout: string): void => {
    expect(read(out, 'text-panel.csv')).toBe(panelCsv);
    const doc = JSON.parse(read(out, 'text-index.json'));
    expect(JSON.parse(stdout)).toEqual(doc);
    expect(doc.reports).toEqual(JSON.parse(JSON.stringify(expected.map(reportJson))));
    expect(doc.skipped).toEqual([]);
    const hits = read(out, 'text-hits.csv').split('\r\n').slice(1, -1);
    expect(hits.length).toBeGreaterThan(REPORTS * 5);
    expect(hits).toEqual(hitLines);
  };

  it('traditional reports are among them and converted', () => {
    expect(expected.filter((r) => r.index.script.converted)).toHaveLength(REPORTS / 10);
    expect(toSimplified(traditional('区块链')).text).toBe('区块链');
  });

  it('one thread: outputs equal the in-memory results', () => {
    const out = join(dir, 'out1');
    const r = xinzhi(['text', '--input', input, '--negation', '--exclude-contexts', '--out', out, '--json']);
    expect(r.status).toBe(0);
    check(out, r.stdout);
  });

  it('three worker threads: the same outputs, in the same order', () => {
    const out = join(dir, 'out3');
    const r = xinzhi([
      'text',
      '--input',
      input,
      '--negation',
      '--exclude-contexts',
      '--jobs',
      '3',
      '--out',
      out,
      '--json',
    ]);
    expect(r.status).toBe(0);
    check(out, r.stdout);
  });

  it('resumed after an interruption (progress cut mid-line): the same outputs', () => {
    const out = join(dir, 'out1');
    const progress = join(out, 'text-progress.jsonl');
    const lines = read(out, 'text-progress.jsonl').split('\n');
    expect(lines).toHaveLength(REPORTS + 2);
    writeFileSync(progress, lines.slice(0, 120).join('\n') + '\n' + lines[120].slice(0, 50));
    const r = xinzhi(['text', '--input', input, '--negation', '--exclude-contexts', '--out', out, '--json']);
    expect(r.status).toBe(0);
    check(out, r.stdout);
    expect(read(out, 'text-progress.jsonl').split('\n')).toHaveLength(REPORTS + 2);
  });
});
