/**
 * Benchmark: the text index on synthetic annual reports — by default 200
 * reports of 250 pages (50,000 pages) — run end to end through the CLI
 * (`xinzhi text --out`: read, clean, count by the longest rule, write the
 * panel, every hit with its page and context, and the JSON document), beside
 * a Python pipeline doing the same work in the same run
 * (bench/text_python.py: PyMuPDF text from Debian's python3-fitz, the same
 * cleaning, a longest-first regex, panel and hits CSV). Both are timed with
 * /usr/bin/time (wall clock, peak resident memory); pages per second and
 * the ratio are printed, and both totals are checked against the known
 * counts of every report.
 *
 * The reports are rendered to PDF with a non-embedded CID font
 * (test/text/cid-pdf.ts) and also written as TXT (the same lines, pages
 * separated by form feeds), so the PDF path and the text path are measured
 * separately. Each page holds filler sentences and a known number of
 * dictionary terms, some split across a line break. The files are cached in
 * the system temporary folder and reused by later runs.
 *
 * Run: node bin/run-ts.js bench/text.ts [--reports 200] [--pages 250] [--jobs 1]
 *      [--paths pdf,txt] [--python /usr/bin/python3]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { dictionaryTerms, WUFEI_2021 } from '../src/core/text/dictionary.ts';
import { makeCidPdf } from '../test/text/cid-pdf.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const REPORTS = Number(arg('reports', '200'));
const PAGES = Number(arg('pages', '250'));
const JOBS = arg('jobs', '1');
const PATHS = arg('paths', 'pdf,txt').split(',');
const PYTHON = arg('python', '/usr/bin/python3');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const GENERATOR = 'v2'; // change when the generator changes, so cached reports are made again
const FILLER = [
  '本年度公司经营稳健，各项工作有序开展。',
  '报告期内营业收入保持增长，费用控制良好。',
  '公司坚持主业，持续优化产品结构。',
];
const TERMS = dictionaryTerms(WUFEI_2021)
  .map((e) => e.term)
  .filter((t) => !/^[A-Za-z0-9]/.test(t));

/** One report: pages of lines; about one line in ten mentions a term, every third of those split across two lines. */
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

/** The reports in the cache folder (made on first use): pdf/ and txt/ with the same content, expected counts. */
function cachedReports(): { dir: string; expected: Record<string, number> } {
  const dir = join(tmpdir(), `xinzhi-text-bench-${REPORTS}x${PAGES}-${GENERATOR}`);
  const manifest = join(dir, 'expected.json');
  if (existsSync(manifest)) return { dir, expected: JSON.parse(readFileSync(manifest, 'utf8')) };
  const t0 = performance.now();
  mkdirSync(join(dir, 'pdf'), { recursive: true });
  mkdirSync(join(dir, 'txt'), { recursive: true });
  const expected: Record<string, number> = {};
  for (let r = 0; r < REPORTS; r++) {
    const name = `${600000 + r}_2020年年度报告`;
    const report = synthetic(`report-${r}`);
    writeFileSync(join(dir, 'pdf', `${name}.pdf`), makeCidPdf(report.pages));
    writeFileSync(join(dir, 'txt', `${name}.txt`), report.pages.map((p) => p.join('\n')).join('\f'));
    expected[`${600000 + r}`] = report.expected;
  }
  writeFileSync(manifest, JSON.stringify(expected));
  console.log(`generated ${REPORTS} reports in ${dir} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  return { dir, expected };
}

interface Measured {
  seconds: number;
  peakMiB: number | null;
}

/** Run a command under /usr/bin/time: wall seconds and peak RSS (MiB). */
function timed(cmd: string, args: string[]): Measured & { status: number | null; stderr: string } {
  const t0 = performance.now();
  const r = TIME
    ? spawnSync(TIME, ['-f', 'XINZHI_TIME %e %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - t0) / 1000;
  const m = r.stderr.match(/XINZHI_TIME ([\d.]+) (\d+)/);
  return {
    status: r.status,
    stderr: r.stderr,
    seconds: m ? Number(m[1]) : wall,
    peakMiB: m ? Number(m[2]) / 1024 : null,
  };
}

/** Reports whose total in a panel CSV (firm, year, section, chars, total, ...) differs from the known count. */
function mismatches(panelCsv: string, expected: Record<string, number>): number {
  const rows = readFileSync(panelCsv, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .slice(1);
  const got = new Map(rows.map((line) => [line.split(',')[0], Number(line.split(',')[4])]));
  return Object.entries(expected).filter(([firm, n]) => got.get(firm) !== n).length;
}

const { dir, expected } = cachedReports();
const pages = REPORTS * PAGES;
const out = mkdtempSync(join(tmpdir(), 'xinzhi-text-bench-out-'));
const fmt = (m: Measured): string =>
  `${m.seconds.toFixed(1)} s, ${(pages / m.seconds).toFixed(1)} pages/s, peak RSS ${m.peakMiB === null ? '—' : m.peakMiB.toFixed(0)} MiB`;
const results: Record<string, unknown> = { reports: REPORTS, pages, jobs: Number(JOBS) };
try {
  console.log(`${REPORTS} reports × ${PAGES} pages = ${pages} pages; xinzhi --jobs ${JOBS}, Python one process`);
  for (const path of PATHS) {
    const xz = timed(process.execPath, [
      '--max-old-space-size=4096',
      join(ROOT, 'bin', 'xinzhi.js'),
      'text',
      '--input',
      join(dir, path),
      '--out',
      join(out, `xinzhi-${path}`),
      '--jobs',
      JOBS,
      '--lang',
      'en',
    ]);
    if (xz.status !== 0) throw new Error(`xinzhi text failed: ${xz.stderr.slice(-2000)}`);
    const xzMismatch = mismatches(join(out, `xinzhi-${path}`, 'text-panel.csv'), expected);
    console.log(`${path.toUpperCase()}  xinzhi: ${fmt(xz)}, count mismatches ${xzMismatch}`);
    const py = timed(PYTHON, [join(HERE, 'text_python.py'), path, join(dir, path), join(out, `python-${path}`)]);
    if (py.status !== 0) {
      console.log(`${path.toUpperCase()}  Python not run: ${py.stderr.trim().split('\n').slice(-2).join(' ')}`);
      results[path] = { xinzhi: { ...xz, stderr: undefined, mismatches: xzMismatch } };
      continue;
    }
    const pyMismatch = mismatches(join(out, `python-${path}`, 'panel.csv'), expected);
    console.log(`${path.toUpperCase()}  Python: ${fmt(py)}, count mismatches ${pyMismatch}`);
    console.log(`${path.toUpperCase()}  ratio xinzhi / Python time: ${(xz.seconds / py.seconds).toFixed(2)}`);
    results[path] = {
      xinzhi: { seconds: xz.seconds, peakMiB: xz.peakMiB, pagesPerSecond: pages / xz.seconds, mismatches: xzMismatch },
      python: { seconds: py.seconds, peakMiB: py.peakMiB, pagesPerSecond: pages / py.seconds, mismatches: pyMismatch },
      ratio: xz.seconds / py.seconds,
    };
  }
  console.log(JSON.stringify(results));
} finally {
  rmSync(out, { recursive: true, force: true });
}
