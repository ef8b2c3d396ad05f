/**
 * Benchmark: the text index on synthetic annual reports rendered to PDF with
 * a non-embedded CID font (test/text/cid-pdf.ts). Each page holds filler
 * sentences and a known number of dictionary terms (some split across a line
 * break), so the expected longest-rule count of every report is known. Times
 * xinzhi (pdf.js + cleaning + longest-first counting) and, in the same run,
 * a Python pipeline (bench/text_pymupdf.py: PyMuPDF text, a longest-first
 * regex) where Debian's python3-fitz is installed; prints pages per second,
 * peak memory and the ratio, and checks both totals against the known counts.
 *
 * Run: node bin/run-ts.js bench/text.ts [--reports 200] [--pages 250] [--python /usr/bin/python3]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { readReport } from '../src/adapters/io/read-report.ts';
import { dictionaryTerms, WUFEI_2021 } from '../src/core/text/dictionary.ts';
import { indexReport } from '../src/core/text/report-index.ts';
import { makeCidPdf } from '../test/text/cid-pdf.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const REPORTS = Number(arg('reports', '20'));
const PAGES = Number(arg('pages', '50'));
const PYTHON = arg('python', '/usr/bin/python3');
const FILLER = [
  '本年度公司经营稳健，各项工作有序开展。',
  '报告期内营业收入保持增长，费用控制良好。',
  '公司坚持主业，持续优化产品结构。',
];
const TERMS = dictionaryTerms(WUFEI_2021)
  .map((e) => e.term)
  .filter((t) => !/^[A-Za-z0-9]/.test(t));

/** One report: pages of lines; every third page mentions a term split across two lines. */
function synthetic(seed: string): { pages: string[][]; expected: number } {
  const rng = seedrandom(seed);
  const pages: string[][] = [];
  let expected = 0;
  for (let p = 0; p < PAGES; p++) {
    const lines = ['某某股份有限公司 2020 年年度报告'];
    for (let l = 0; l < 30; l++) {
      if (rng() < 0.1) {
        const term = TERMS[Math.floor(rng() * TERMS.length)];
        expected++;
        if (l % 3 === 0 && term.length > 2) lines.push(`公司推进${term.slice(0, 2)}`, `${term.slice(2)}应用。`);
        else lines.push(`公司推进${term}应用。`);
      } else {
        lines.push(FILLER[Math.floor(rng() * FILLER.length)]);
      }
    }
    lines.push(`${p + 1}`);
    pages.push(lines);
  }
  return { pages, expected };
}

const dir = mkdtempSync(join(tmpdir(), 'xinzhi-text-bench-'));
try {
  const expected = new Map<string, number>();
  for (let r = 0; r < REPORTS; r++) {
    const file = join(dir, `${600000 + r}_2020年年度报告.pdf`);
    const report = synthetic(`report-${r}`);
    writeFileSync(file, makeCidPdf(report.pages));
    expected.set(file, report.expected);
  }
  indexReport(await readReport([...expected.keys()][0]), 'all'); // warm-up: loads pdf.js and the CMaps once
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  let mismatches = 0;
  for (const [file, want] of expected) {
    const read = await readReport(file);
    const outcome = indexReport(read, 'all');
    if (!outcome.ok || outcome.index.total !== want) mismatches++;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  const pages = REPORTS * PAGES;
  console.log(`${REPORTS} reports × ${PAGES} pages`);
  console.log(
    `xinzhi (pdf.js): ${seconds.toFixed(2)} s, ${(pages / seconds).toFixed(1)} pages/s, peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB, ` +
      `count mismatches ${mismatches}`,
  );
  const py = spawnSync(PYTHON, [join(HERE, 'text_pymupdf.py'), dir, JSON.stringify(Object.fromEntries(expected))], {
    encoding: 'utf8',
  });
  if (py.status !== 0) {
    console.log(`Python reference not run: ${(py.stderr || py.error?.message || '').trim().split('\n').pop()}`);
  } else {
    const r = JSON.parse(py.stdout) as { seconds: number; peakMiB: number; mismatches: number };
    console.log(
      `Python (PyMuPDF): ${r.seconds.toFixed(2)} s, ${(pages / r.seconds).toFixed(1)} pages/s, peak RSS ${r.peakMiB.toFixed(0)} MiB, ` +
        `count mismatches ${r.mismatches}`,
    );
    console.log(`ratio xinzhi / Python time: ${(seconds / r.seconds).toFixed(2)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
