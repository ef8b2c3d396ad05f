/**
 * End-to-end tests of the web app in a real browser: Debian's chromium
 * driven by playwright-core. The app is built once (Vite JS API) into a
 * temporary directory, served by scripts/serve-web.ts on a random port.
 * Screenshots of the main views at 1366×768 go to test-artifacts/screenshots/.
 * Skipped with a message when /usr/bin/chromium is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Server } from 'node:http';
import ExcelJS from 'exceljs';
import { parse as parseYaml } from 'yaml';
import { serveStatic } from '../../scripts/serve-web.ts';
import { contributionGap } from '../../src/core/measure/contribution-gap.ts';
import { Session } from '../../src/adapters/web/session.ts';
import { VIEWS } from '../../src/adapters/web/store.ts';
import { simulateRequest } from '../../src/adapters/web/simulate-session.ts';
import { requestOf } from '../../src/adapters/web/estimate-request.ts';
import type { EstimateRequest } from '../../src/adapters/web/estimate-session.ts';
import { runTfpCommand } from '../../src/adapters/cli/tfp.ts';
import type { TfpResult } from '../../src/core/tfp/run.ts';
import type { FirmResult } from '../../src/core/tfp/firm/run.ts';
import { ahpWeights } from '../../src/core/measure/weights/ahp.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../chromium.ts';

const HAVE = existsSync(CHROMIUM);
if (!HAVE) console.warn(`[test/web] ${CHROMIUM} not found: browser tests skipped (apt-get install chromium)`);

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = join(ROOT, 'test-artifacts', 'screenshots');
const ARGS = CHROMIUM_ARGS;
const VIEWPORT = { width: 1366, height: 768 };

type Browser = import('playwright-core').Browser;
type Page = import('playwright-core').Page;

let outDir = '';
let server: Server | undefined;
let url = '';
let browser: Browser | undefined;
let work = '';
let cli: { top: { unit: string; score: number }; error?: undefined } | { error: string } = { error: 'not run' };
let nodeTop: { unit: string; score: number };
/** The estimate the estimation page must show: score:index on M1 with two-way FE, Stata cluster preset. */
let nodeEstimate: { estimate: number; se: number };
/** The last unit of the latest year and the indicator with its largest contribution gap (core contributionGap). */
let nodeGap: { unit: string; indicator: string; gap: number };

/** Top-ranked unit of the latest time in an evaluate result. */
function topOf(result: {
  scores: Array<{ unit: string; time: string | number; score: number; rank?: number }>;
  times?: Array<string | number>;
}) {
  const times = [...new Set(result.scores.map((s) => s.time))].sort((a, b) => Number(a) - Number(b));
  const latest = times[times.length - 1];
  const rows = result.scores.filter((s) => s.time === latest).sort((a, b) => b.score - a.score);
  return { unit: rows[0].unit, score: rows[0].score };
}

/** A session (the app's computation, in Node) with the embedded provincial panel and spec loaded, evaluated if asked. */
async function provinceSession(evaluate = false): Promise<{ session: Session; spec: unknown }> {
  const session = new Session();
  const spec = JSON.parse(await readFile(join(ROOT, 'data/specs/nqpf-province.json'), 'utf8'));
  await session.load(
    new Uint8Array(await readFile(join(ROOT, 'data/province-intensity/province_intensity_2013_2022.csv'))),
    'province_intensity_2013_2022.csv',
    spec,
  );
  if (evaluate) session.evaluate(spec);
  return { session, spec };
}

async function openApp(opts: { locale?: string; hash?: string } = {}): Promise<Page> {
  const ctx = await browser!.newContext({ viewport: VIEWPORT, locale: opts.locale ?? 'en-US', acceptDownloads: true });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  await page.goto(`${url}#${opts.hash ?? 'results'}`);
  await page.waitForSelector('[data-testid=scores-table] tbody tr, [data-view]:not([data-view=results])', {
    timeout: 60_000,
  });
  return page;
}

async function waitIdle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const s = (window as unknown as { __xinzhi?: { store: { get(): { busy: boolean } } } }).__xinzhi?.store.get();
      return !!s && !s.busy;
    },
    undefined,
    { timeout: 60_000 },
  );
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

describe.skipIf(!HAVE)('web app in chromium', () => {
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'xinzhi-web-'));
    work = await mkdtemp(join(tmpdir(), 'xinzhi-web-work-'));
    await mkdir(SHOTS, { recursive: true });
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    ({ server, url } = await serveStatic(outDir, 0));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });

    // the same evaluation by the CLI and by the core in Node
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [join(ROOT, 'bin/xinzhi.js'), 'evaluate', '--json'],
        { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 },
      );
      cli = { top: topOf(JSON.parse(stdout)) };
    } catch (e) {
      cli = { error: String((e as { stderr?: string }).stderr || (e as Error).message).slice(0, 400) };
    }
    const { session, spec } = await provinceSession();
    nodeTop = topOf(session.evaluate(spec).result);
    {
      const r = session.result!;
      const last = r.times[r.times.length - 1];
      const unit = r.scores.filter((x) => String(x.time) === String(last)).sort((a, b) => a.score - b.score)[0].unit;
      const g = contributionGap(r, unit, last).indicators[0];
      nodeGap = { unit, indicator: g.id, gap: g.gap };
    }
    nodeEstimate = session.estimate({
      type: 'fe',
      y: 'score:index',
      x: ['M1_rd_intensity_pct'],
      cluster: 'unit',
      se: 'stata',
    }).result.models[0].coefficients.M1_rd_intensity_pct;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
    if (outDir) await rm(outDir, { recursive: true, force: true });
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('runs the default evaluation and shows the same top province and score as the CLI', async (ctx) => {
    const page = await openApp();
    await waitIdle(page);
    const first = page.locator('[data-testid=scores-table] tbody tr').first();
    const unit = await first.locator('[data-unit]').getAttribute('data-unit');
    const score = (await first.locator('[data-field=score]').innerText()).trim();
    expect(unit).toBe(nodeTop.unit);
    expect(score).toBe(nodeTop.score.toFixed(4));
    await shot(page, 'results-en');
    await page.close();
    if ('error' in cli && cli.error) {
      ctx.skip(`CLI "xinzhi evaluate --json" did not run: ${cli.error}`);
      return;
    }
    const c = (cli as { top: { unit: string; score: number } }).top;
    expect(unit).toBe(c.unit);
    expect(score).toBe(c.score.toFixed(4));
  }, 120_000);

  it('uploads a CSV with errors and shows every message with row and column', async () => {
    const page = await openApp({ hash: 'data' });
    await waitIdle(page);
    const csv = 'Province,Year,a,b\nBeijing,2020,1,2\nBeijing,2020,3,4\nTianjin,2020,abc,5\nHebei,2020,6,7\n';
    await page.setInputFiles('[data-testid=file-input]', {
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.waitForSelector('[data-testid=data-problems] tbody tr', { timeout: 30_000 });
    await expect.poll(async () => page.locator('[data-testid=file-name]').innerText()).toBe('bad.csv');
    const rows = await page
      .locator('[data-testid=data-problems] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
    // non-numeric cell: spreadsheet row 4, column "a", the text quoted
    const nonNumeric = rows.find((r) => r[1] === '4' && r[2] === 'a');
    expect(nonNumeric, JSON.stringify(rows)).toBeTruthy();
    expect(nonNumeric![3]).toContain('abc');
    // duplicate (unit, time): the later row (3) is reported, naming the first (2)
    const dup = rows.find((r) => r[3].includes('Beijing') && /duplicate|twice|重复/i.test(r[3]) && r[1] === '3');
    expect(dup, JSON.stringify(rows)).toBeTruthy();
    expect(await page.locator('[data-testid=n-units]').innerText()).toBe('3');
    await shot(page, 'data-upload-errors');
    await page.close();
  }, 120_000);

  it('starts in Chinese when the browser prefers it and switches language', async () => {
    const page = await openApp({ locale: 'zh-CN' });
    await waitIdle(page);
    await expect.poll(() => page.locator('main h1').first().innerText()).toBe('测度结果');
    await shot(page, 'results-zh');
    await page.click('[data-testid=lang-toggle]');
    await expect.poll(() => page.locator('main h1').first().innerText()).toBe('Results');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.click('[data-nav=data]');
    expect(await page.locator('main h1').first().innerText()).toBe('Data');
    await page.click('[data-testid=lang-toggle]');
    expect(await page.locator('main h1').first().innerText()).toBe('数据');
    await page.close();
  }, 120_000);

  it('exports XLSX that reads back with the numbers shown', async () => {
    const page = await openApp({ hash: 'export' });
    await waitIdle(page);
    await page.waitForSelector('[data-testid=export-xlsx]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
    const path = join(work, download.suggestedFilename());
    await download.saveAs(path);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('指数得分 Index scores');
    expect(ws).toBeTruthy();
    const header = (ws!.getRow(1).values as unknown[]).map(String);
    const col = header.lastIndexOf('2022');
    let found: number | undefined;
    ws!.eachRow((row, i) => {
      if (i > 1 && row.getCell(1).value === nodeTop.unit) found = Number(row.getCell(col).value);
    });
    expect(found).toBeCloseTo(nodeTop.score, 12);
    await shot(page, 'export');
    // the standalone HTML report, with the analysis sections of `xinzhi evaluate --analyses all`
    await page.check('[data-testid=export-html-analyses]');
    const [report] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.click('[data-testid=export-html]'),
    ]);
    const reportPath = join(work, report.suggestedFilename());
    await report.saveAs(reportPath);
    const html = await readFile(reportPath, 'utf8');
    for (const id of ['coupling', 'gini', 'moran', 'lisa', 'convergence']) expect(html).toContain(`section id="${id}"`);
    expect(html).not.toMatch(/(src|href)="https?:/);
    // the Word report: the same sections, read back with a docx reader
    const [word] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.click('[data-testid=export-docx]'),
    ]);
    const wordPath = join(work, word.suggestedFilename());
    await word.saveAs(wordPath);
    expect(word.suggestedFilename()).toMatch(/\.docx$/);
    const { default: mammoth } = await import('mammoth');
    const back = (await mammoth.convertToHtml({ path: wordPath })).value;
    expect(back).toContain(nodeTop.score.toFixed(4));
    // a table wider than 12 columns (the correlation matrix of 16 indicators) is set in parts of 12 (report/docx.ts)
    const parts = [...html.matchAll(/<table class="three-line"[\s\S]*?<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
      Math.max(1, Math.ceil(((m[1].match(/<t[hd][ >]/g) ?? []).length - 1) / 11)),
    );
    expect(parts.some((k) => k > 1)).toBe(true);
    expect((back.match(/<table>/g) ?? []).length).toBe(parts.reduce((a, b) => a + b, 0));
    expect((back.match(/<img /g) ?? []).length).toBeGreaterThan(5);
    // one section only
    await page.selectOption('[data-testid=docx-section]', 'weights');
    const [one] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.click('[data-testid=export-docx]'),
    ]);
    expect(one.suggestedFilename()).toMatch(/-weights\.docx$/);
    const onePath = join(work, one.suggestedFilename());
    await one.saveAs(onePath);
    const oneBack = (await mammoth.convertToHtml({ path: onePath })).value;
    expect((oneBack.match(/<h1>/g) ?? []).length).toBe(1);
    await page.close();
  }, 180_000);

  it('saves the project file and reopens the same state', async () => {
    const page = await openApp({ hash: 'spec' });
    await waitIdle(page);
    await page.selectOption('[data-testid=weights-method]', 'equal');
    await page.waitForTimeout(300);
    await waitIdle(page);
    await shot(page, 'indicator-system');
    await page.click('[data-nav=results]');
    const score = await page
      .locator('[data-testid=scores-table] tbody tr')
      .first()
      .locator('[data-field=score]')
      .innerText();
    const unit = await page
      .locator('[data-testid=scores-table] tbody tr')
      .first()
      .locator('[data-unit]')
      .getAttribute('data-unit');
    await page.click('[data-nav=export]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=save-project]')]);
    const path = join(work, download.suggestedFilename());
    await download.saveAs(path);
    expect(download.suggestedFilename()).toMatch(/\.xinzhi\.json$/);
    const project = JSON.parse(await readFile(path, 'utf8'));
    expect(project.xinzhi).toBe('project');
    expect(project.spec.weights.method).toBe('equal');
    await page.close();

    const fresh = await openApp({ hash: 'export' });
    await waitIdle(fresh);
    await fresh.setInputFiles('[data-testid=open-project]', path);
    await fresh.waitForSelector('[data-testid=project-opened]', { timeout: 30_000 });
    await waitIdle(fresh);
    await fresh.click('[data-nav=spec]');
    expect(await fresh.locator('[data-testid=weights-method]').inputValue()).toBe('equal');
    await fresh.click('[data-nav=results]');
    const first = fresh.locator('[data-testid=scores-table] tbody tr').first();
    expect(await first.locator('[data-field=score]').innerText()).toBe(score);
    expect(await first.locator('[data-unit]').getAttribute('data-unit')).toBe(unit);
    await fresh.close();
  }, 120_000);

  it('saves screenshots of the analysis and framework views and links a weak dimension to the seeds', async () => {
    const page = await openApp({ locale: 'zh-CN', hash: 'analysis' });
    await waitIdle(page);
    await page.waitForSelector('[data-testid=analysis-convergence] [data-testid=beta]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid=analysis-lisa] [data-testid=score-map]', { timeout: 60_000 });
    await shot(page, 'analysis');
    await page.click('[data-nav=results]');
    await page.selectOption('[data-testid=radar-unit]', nodeGap.unit);
    await page.waitForSelector('[data-testid=gap-summary]');
    await page.click('[data-testid=diagnose]');
    await page.waitForSelector('[data-testid=diagnosis] li');
    // the indicators that separate the unit from the leaders, the largest first, with the core's number
    const firstGap = page.locator('[data-testid=gap-table] tbody tr').first();
    expect(await firstGap.locator('td').nth(4).innerText()).toBe(nodeGap.gap.toFixed(4));
    expect(await page.locator('[data-testid=diagnosis]').innerText()).not.toMatch(/_[0-9a-f]{16}\.txt/);
    expect(await page.locator('[data-testid=diagnosis] li').count()).toBeGreaterThan(0);
    await shot(page, 'framework-diagnosis');
    await page.click('[data-testid=fw-graph-btn]');
    await page.waitForSelector('[data-testid=framework-graph]');
    await shot(page, 'framework-graph');
    await page.close();
  }, 120_000);

  it('estimates the index on a data column with the session’s numbers and updates when the model changes', async () => {
    const page = await openApp({ locale: 'zh-CN', hash: 'estimate' });
    await waitIdle(page);
    await page.waitForSelector('[data-testid=est-missing]');
    await page.check('[data-testid=est-x] input[value=M1_rd_intensity_pct]');
    await page.waitForSelector('[data-testid=est-table] tbody tr', { timeout: 60_000 });
    const row = (await page.locator('[data-testid=est-table] tbody tr').first().innerText()).split(/\t/);
    expect(row[1]).toMatch(new RegExp(`^${nodeEstimate.estimate.toFixed(4).replace('.', '\\.')}\\**$`));
    expect(row[2]).toBe(`(${nodeEstimate.se.toFixed(4)})`);
    expect(await page.locator('[data-testid=est-interpretation]').innerText()).not.toBe('');
    expect(await page.locator('[data-testid=est-output] canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=describe-table] tbody tr').count()).toBe(2);
    expect(await page.locator('[data-testid=correlation-table] tbody tr').count()).toBe(2);
    await page.selectOption('[data-testid=describe-year]', '2022');
    expect(await page.locator('[data-testid=describe-table] caption').innerText()).toMatch(/2022/);
    expect(await page.locator('[data-testid=describe-table] tbody tr').first().locator('td').nth(1).innerText()).toBe(
      '30',
    );
    await shot(page, 'estimate');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    await page.click('[data-testid=est-table] [data-testid=copy-table]');
    // the copy is asynchronous: wait for the clipboard to hold the table
    await expect
      .poll(async () => (await page.evaluate(() => navigator.clipboard.readText())).split('\n')[1] ?? '', {
        timeout: 10_000,
      })
      .toContain(nodeEstimate.estimate.toFixed(4));
    // a changed model shows its own numbers, never the previous ones
    await page.selectOption('[data-testid=est-se]', 'iid');
    await page.waitForFunction(
      (old) => {
        const cell = document.querySelector('[data-testid=est-table] tbody tr td:nth-child(3)');
        return !!cell && cell.textContent !== old;
      },
      `(${nodeEstimate.se.toFixed(4)})`,
      { timeout: 60_000 },
    );
    await page.close();
  }, 120_000);

  it('measures provincial GTFP in the browser with the CLI’s numbers and switches to SBM efficiency', async () => {
    const page = await openApp({ locale: 'en-US', hash: 'tfp' });
    await page.waitForSelector('[data-testid=tfp-output] [data-section=tfp-decomposition] tbody tr', {
      timeout: 60_000,
    });
    const gml = (await runTfpCommand({
      data: join(ROOT, 'data/tfp/gtfp-province.csv'),
      model: join(ROOT, 'data/tfp/gtfp-province.yaml'),
    })) as TfpResult;
    const firstPair = gml.index.filter((r) => r.from === 2013).map((r) => r.value as number);
    const geo = Math.exp(firstPair.reduce((a, v) => a + Math.log(v), 0) / firstPair.length);
    const cells = await page.locator('[data-section=tfp-decomposition] tbody tr').first().locator('td').allInnerTexts();
    expect(cells[1]).toBe(geo.toFixed(4));
    expect(await page.locator('[data-section=tfp-map] svg').count()).toBe(1);
    await shot(page, 'tfp');
    await page.selectOption('[data-testid=tfp-type]', 'sbm');
    await page.check('[data-testid=tfp-super]');
    await page.waitForSelector('[data-section=tfp-efficiency] tbody tr', { timeout: 60_000 });
    expect(await page.locator('[data-section=tfp-efficiency] tbody tr').count()).toBe(300);
    const download = page.waitForEvent('download');
    await page.click('[data-testid=tfp-xlsx]');
    const file = await (await download).path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['方法 Method', '效率 Efficiency']);
    expect(wb.getWorksheet('效率 Efficiency')?.rowCount).toBe(301);
    await page.close();
  }, 120_000);

  it('estimates firm TFP by Levinsohn–Petrin in the browser with the CLI’s coefficients, and by OLS', async () => {
    const page = await openApp({ locale: 'en-US', hash: 'tfp' });
    await page.waitForSelector('[data-testid=tfp-output] [data-section=tfp-decomposition] tbody tr', {
      timeout: 60_000,
    });
    // a firm estimator on an example panel loads the firm example with its model
    await page.selectOption('[data-testid=tfp-type]', 'lp');
    await page.waitForSelector('[data-section=tfp-coefficients] tbody tr', { timeout: 60_000 });
    expect(await page.locator('[data-testid=tfp-data]').innerText()).toContain('synthetic firm panel');
    const lp = (await runTfpCommand({
      data: join(ROOT, 'data/tfp/firm-panel.csv'),
      model: join(ROOT, 'data/tfp/firm-lp.yaml'),
    })) as FirmResult;
    const row = await page.locator('[data-section=tfp-coefficients] tbody tr').first().locator('td').allInnerTexts();
    expect(row[0]).toBe('lnl');
    expect(row[1]).toBe(lp.coefficients.lnl.estimate.toFixed(4));
    expect(row[2]).toBe(lp.coefficients.lnl.se.toFixed(4));
    await shot(page, 'tfp-firm');
    // OLS needs no proxy: the proxy field goes and the classical estimate replaces the bootstrap one
    await page.selectOption('[data-testid=tfp-type]', 'ols');
    await expect.poll(() => page.locator('[data-testid=tfp-proxy]').count(), { timeout: 60_000 }).toBe(0);
    await page.waitForFunction(
      (old) => {
        const cell = document.querySelector('[data-section=tfp-coefficients] tbody tr td:nth-child(2)');
        return !!cell && cell.textContent !== old;
      },
      row[1],
      { timeout: 60_000 },
    );
    expect(await page.locator('[data-section=tfp-method]').innerText()).toContain('OLS');
    // OP's proxy is ln investment: on the firm example the example's column is chosen
    await page.selectOption('[data-testid=tfp-type]', 'op');
    await expect.poll(() => page.locator('[data-testid=tfp-proxy]').inputValue(), { timeout: 60_000 }).toBe('lni');
    await page.selectOption('[data-testid=tfp-type]', 'acf');
    await expect.poll(() => page.locator('[data-testid=tfp-proxy]').inputValue(), { timeout: 60_000 }).toBe('lnm');
    await page.close();
  }, 120_000);

  it('self-assesses a firm in the browser with the CLI’s scores, keeps the answers across a reload and exports the report', async () => {
    const page = await openApp({ locale: 'en-US', hash: 'assess' });
    await page.waitForSelector('[data-testid=assess-progress]');
    await page.click('[data-testid=assess-example]');
    const cli = JSON.parse(
      (
        await promisify(execFile)(process.execPath, [join(ROOT, 'bin/xinzhi.js'), 'assess', '--json'], {
          cwd: ROOT,
          maxBuffer: 64 << 20,
        })
      ).stdout,
    );
    const overall = () => page.locator('[data-testid=assess-overall]').innerText();
    await expect.poll(overall).toContain(cli.scores.nodes.nqpf.score.toFixed(1));
    expect(await page.locator('[data-testid=assess-progress]').innerText()).toContain(`${cli.scores.answered}/48`);
    expect(await page.locator('[data-section=radar] svg').count()).toBe(1);
    // one answer changes the score as the core computes it
    const { exampleInput, scoreInput, withAnswer } = await import('../../src/adapters/web/assess-state.ts');
    const changed = scoreInput(withAnswer(exampleInput(), 's000.trust-basis', { level: 0 })).scores.nodes.nqpf.score!;
    await page.locator('details:has([data-testid="item-s000.trust-basis"]) > summary').click();
    await page.locator('[data-testid="item-s000.trust-basis"] input[value="0"]').check();
    await expect.poll(overall).toContain(changed.toFixed(1));
    await shot(page, 'assess');
    // a closed tab loses nothing
    await page.reload();
    await expect.poll(overall, { timeout: 30_000 }).toContain(changed.toFixed(1));
    const download = page.waitForEvent('download');
    await page.click('[data-testid=assess-xlsx]');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await (await download).path());
    let nqpf: unknown;
    wb.getWorksheet('得分 Scores')?.eachRow((row) => {
      if (row.getCell(1).value === 'nqpf') nqpf = row.getCell(5).value;
    });
    expect(nqpf).toBe(changed);
    await page.close();
  }, 120_000);

  it('finds the configurations of Lipset’s data in the browser with the QCA package’s published solution figures', async () => {
    const page = await openApp({ locale: 'en-US', hash: 'qca' });
    await page.setInputFiles('[data-testid=qca-upload]', join(ROOT, 'test/reference/qca/data/lipset_LF.csv'));
    await page.waitForSelector('[data-testid=qca-outcome]');
    await page.selectOption('[data-testid=qca-outcome]', 'SURV');
    for (const c of ['DEV', 'URB', 'LIT', 'IND', 'STB'])
      await page.check(`[data-testid=qca-conditions] input[value=${c}]`);
    await page.fill('[data-testid=qca-dir]', 'DEV, URB, LIT, IND, STB');
    await page.press('[data-testid=qca-dir]', 'Enter');
    await page.waitForSelector('[data-section=qca-configurations] tbody tr', { timeout: 60_000 });
    const last = async (i: number) =>
      (
        await page
          .locator('[data-section=qca-solutions] table')
          .nth(i)
          .locator('tbody tr')
          .last()
          .locator('td')
          .allInnerTexts()
      ).slice(1, 4);
    await expect.poll(() => last(2), { timeout: 30_000 }).toEqual(['0.866', '0.839', '0.660']);
    expect(await last(0)).toEqual(['0.870', '0.843', '0.658']);
    expect(await last(1)).toEqual(['0.850', '0.819', '0.714']);
    expect(await page.locator('[data-section=qca-xy] svg').count()).toBe(1);
    await shot(page, 'qca');
    await page.close();
  }, 120_000);

  it('simulates the seed-000 loop with the session’s numbers and reruns when scenarios and parameters change', async () => {
    const page = await openApp({ locale: 'en-US', hash: 'simulate' });
    await page.waitForSelector('[data-testid=sim-summary] tbody tr', { timeout: 60_000 });
    const all = simulateRequest({ scenarios: [], set: {} });
    const finals = async () =>
      (await page.locator('[data-testid=sim-summary] tbody tr').allInnerTexts()).map((r) => r.split('\t')[2]);
    expect(await finals()).toEqual(all.runs.map((r) => r.summary.nqpf_level.final.toFixed(4)));
    expect(await page.locator('[data-testid=sim-phases] tbody tr').count()).toBe(all.loops!.phases.length);
    expect(await page.locator('[data-testid=sim-chart] canvas').count()).toBeGreaterThan(0);
    await shot(page, 'simulate');
    // leave out one scenario
    await page.uncheck(`[data-testid=sim-scenarios] input[value=${all.runs[1].id}]`);
    await expect.poll(async () => (await finals()).length, { timeout: 30_000 }).toBe(all.runs.length - 1);
    // a slower technology feedback changes every run as the core computes it
    await page.click('[data-testid=sim-parameters] summary');
    await page.fill('[data-testid=sim-p-technology_feedback_delay]', '6');
    await page.press('[data-testid=sim-p-technology_feedback_delay]', 'Enter');
    const ids = all.runs.filter((_, k) => k !== 1).map((r) => r.id);
    const slow = simulateRequest({ scenarios: ids, set: { technology_feedback_delay: 6 } });
    await expect.poll(finals, { timeout: 30_000 }).toEqual(slow.runs.map((r) => r.summary.nqpf_level.final.toFixed(4)));
    // RK4: the runs stay, loop dominance says why it is left out
    await page.selectOption('[data-testid=sim-method]', 'rk4');
    await page.waitForSelector('[data-testid=sim-loops-skipped]', { timeout: 30_000 });
    await page.close();
  }, 120_000);

  it('estimates a panel threshold model in the browser with the session’s threshold and shows its tests', async () => {
    const { session } = await provinceSession(true);
    const expected = session.estimate({
      type: 'threshold',
      y: 'score:index',
      x: ['M1_rd_intensity_pct'],
      q: 'L5_gdp_per_capita',
      thresholds: 1,
      fe: ['unit', 'time'],
      cluster: 'unit',
      se: 'stata',
    }).result.models[0] as unknown as { thresholds: number[] };
    const page = await openApp({ locale: 'en-US', hash: 'estimate' });
    await waitIdle(page);
    await page.selectOption('[data-testid=est-type]', 'threshold');
    await page.check('[data-testid=est-x] input[value=M1_rd_intensity_pct]');
    await page.selectOption('[data-testid=est-q]', 'L5_gdp_per_capita');
    await page.waitForSelector('[data-section=est-model-1] table', { timeout: 90_000 });
    const text = await page.locator('[data-section=est-model-1]').innerText();
    expect(expected.thresholds).toHaveLength(1);
    expect(text).toContain(expected.thresholds[0].toFixed(4));
    await page.close();
  }, 180_000);

  it('runs an event study on an uploaded staggered panel and shows the --plot figure and the session’s estimates', async () => {
    const file = join(ROOT, 'data/estimate/did-staggered.csv');
    const session = new Session();
    await session.load(new Uint8Array(await readFile(file)), 'did-staggered.csv');
    session.inspect({ unit: 'unit', time: 'year', labels: [] });
    const draft: EstimateRequest = {
      type: 'event-study',
      y: 'y',
      x: [],
      controls: [],
      fe: ['unit', 'time'],
      cluster: 'unit',
      se: 'stata',
      cohort: 'cohort',
    };
    const expected = session.estimate(requestOf(draft)).result.models[0] as unknown as {
      periods: Array<{ period: number; estimate: number; reference?: boolean }>;
      pretrend: { F: number };
    };
    const page = await openApp({ locale: 'en-US', hash: 'data' });
    await waitIdle(page);
    await page.setInputFiles('[data-testid=file-input]', file);
    await expect
      .poll(() => page.locator('[data-testid=file-name]').innerText(), { timeout: 30_000 })
      .toBe('did-staggered.csv');
    await waitIdle(page);
    await page.click('[data-nav=estimate]');
    await page.selectOption('[data-testid=est-type]', 'event-study');
    await page.selectOption('[data-testid=est-y]', 'y');
    await page.selectOption('[data-testid=est-cohort]', 'cohort');
    await page.waitForSelector('[data-testid=est-event-plot] svg', { timeout: 60_000 });
    expect(await page.locator('[data-testid=est-event-plot] svg').innerHTML()).toContain(
      'Period relative to treatment',
    );
    const text = await page.locator('[data-section=est-model-1]').innerText();
    for (const p of expected.periods.filter((x) => !x.reference)) expect(text).toContain(p.estimate.toFixed(4));
    expect(text).toContain(expected.pretrend.F.toFixed(3));
    await shot(page, 'estimate-event-study');
    await page.close();
  }, 180_000);

  it('estimates an SDM of the index with queen weights from the loaded boundaries and shows the impacts', async () => {
    const { session } = await provinceSession(true);
    session.setGeojson(JSON.parse(await readFile(join(ROOT, 'data/geo/china_provinces.geojson'), 'utf8')));
    const req = requestOf({
      type: 'sdm',
      y: 'score:index',
      x: ['M1_rd_intensity_pct'],
      controls: [],
      fe: ['unit', 'time'],
      cluster: 'unit',
      se: 'stata',
    });
    const m = session.estimate(req).result.models[0] as unknown as {
      impacts: Record<'direct' | 'indirect', Record<string, { estimate: number }>>;
    };
    const page = await openApp({ locale: 'en-US', hash: 'estimate' });
    await waitIdle(page);
    await page.selectOption('[data-testid=est-type]', 'sdm');
    await page.check('[data-testid=est-x] input[value=M1_rd_intensity_pct]');
    await page.waitForSelector('[data-section=est-model-1] table', { timeout: 90_000 });
    const text = await page.locator('[data-section=est-model-1]').innerText();
    expect(text).toContain('Indirect');
    expect(text).toContain(m.impacts.direct.M1_rd_intensity_pct.estimate.toFixed(4));
    expect(text).toContain(m.impacts.indirect.M1_rd_intensity_pct.estimate.toFixed(4));
    await shot(page, 'estimate-sdm');
    await page.close();
  }, 180_000);

  it('recomputes an analysis panel when its variable changes and names the variable in the title', async () => {
    const page = await openApp({ hash: 'analysis' });
    await waitIdle(page);
    const gini = page.locator('[data-testid=analysis-gini]');
    await page.waitForSelector('[data-testid=analysis-gini] tbody tr');
    const before = await gini.locator('tbody tr').first().locator('td').nth(1).innerText();
    const select = gini.locator('select').first();
    const options = await select.locator('option').allInnerTexts();
    await select.selectOption({ index: 1 });
    await page.waitForFunction(
      (old) => {
        const card = document.querySelector('[data-testid=analysis-gini]');
        const cell = card?.querySelector('tbody tr td:nth-child(2)');
        return !!card && !card.querySelector('[data-testid=stale]') && !!cell && cell.textContent !== old;
      },
      before,
      { timeout: 60_000 },
    );
    expect(await gini.locator('h2').innerText()).toContain(options[1]);
    // the sentence under the panel belongs to the new variable's numbers
    expect(await gini.locator('[data-testid=interpretation]').innerText()).toMatch(/Gini coefficient/);
    await page.close();
  }, 120_000);

  it('shows the Theil panel and the spatial Markov chain with its homogeneity test', async () => {
    const page = await openApp({ hash: 'analysis' });
    await waitIdle(page);
    const theilRows = page.locator('[data-testid=analysis-theil] [data-testid=theil-table] tbody tr');
    await page.waitForSelector('[data-testid=analysis-theil] [data-testid=theil-table] tbody tr', { timeout: 60_000 });
    expect(await theilRows.count()).toBe(10);
    expect(await page.locator('[data-testid=analysis-theil] canvas').count()).toBeGreaterThan(0);
    const head = await page.locator('[data-testid=analysis-theil] [data-testid=theil-table] thead').innerText();
    expect(head).toMatch(/T Within/);
    expect(head).toMatch(/L Between/);
    // Dagum: groups and pairs of the last year; coupling and obstacle take a year
    expect(await page.locator('[data-testid=gini-groups] tbody tr').count()).toBe(4);
    expect(await page.locator('[data-testid=gini-pairs] tbody tr').count()).toBe(6);
    await page.selectOption('[data-testid=obstacle-year]', '2013');
    await expect
      .poll(() => page.locator('[data-testid=analysis-obstacle] caption').last().innerText(), { timeout: 30_000 })
      .toMatch(/2013/);
    await page.selectOption('[data-testid=coupling-year]', '2015');
    expect(await page.locator('[data-testid=analysis-coupling]').innerText()).toMatch(/2015/);
    await page.locator('[data-testid=analysis-theil]').scrollIntoViewIfNeeded();
    await shot(page, 'analysis-theil');
    await page.check('[data-testid=markov-spatial]');
    await page.click('[data-testid=analysis-markov] button:has-text("Run")');
    await page.waitForSelector('[data-testid=analysis-markov] [data-testid=homogeneity] tbody tr', { timeout: 60_000 });
    expect(await page.locator('[data-testid=analysis-markov] [data-testid^=spatial-markov-]').count()).toBe(4);
    expect(await page.locator('[data-testid=analysis-markov] [data-testid=homogeneity] tbody tr').count()).toBe(2);
    await page.locator('[data-testid=spatial-markov]').scrollIntoViewIfNeeded();
    await shot(page, 'analysis-spatial-markov');
    await page.close();
  }, 120_000);

  it('edits AHP matrices with the live CR and reports an inconsistent matrix', async () => {
    const page = await openApp({ hash: 'spec' });
    await waitIdle(page);
    await page.selectOption('[data-testid=weights-method]', 'ahp');
    await page.waitForSelector('[data-testid=ahp-editor]');
    await waitIdle(page);
    expect(await page.locator('[data-testid=ahp-cr-value]').innerText()).toBe('0.0000');
    expect(await page.locator('[data-testid=spec-problems]').count()).toBe(0);
    // a consistent set of judgements: 1 vs 2 = 3, 2 vs 3 = 2, 1 vs 3 = 5 (CR from the core)
    await page.selectOption('[data-testid=ahp-1-2]', '3');
    await page.selectOption('[data-testid=ahp-2-3]', '2');
    await page.selectOption('[data-testid=ahp-1-3]', '5');
    const good = ahpWeights([
      [1, 3, 5],
      [1 / 3, 1, 2],
      [1 / 5, 1 / 2, 1],
    ]);
    await expect.poll(() => page.locator('[data-testid=ahp-cr-value]').innerText()).toBe(good.CR.toFixed(4));
    expect(good.CR).toBeLessThan(0.1);
    expect(await page.locator('[data-testid=ahp-matrix] [data-cell="2,1"]').innerText()).toBe('1/3');
    // intermediate judgements (one select at a time) may be inconsistent for a moment: wait for the last evaluation
    await waitIdle(page);
    await expect.poll(() => page.locator('[data-testid=spec-problems]').count(), { timeout: 30_000 }).toBe(0);
    await shot(page, 'ahp-consistent');
    // an inconsistent one: 1 > 2 > 3 but 3 > 1
    await page.selectOption('[data-testid=ahp-1-2]', '9');
    await page.selectOption('[data-testid=ahp-2-3]', '9');
    await page.selectOption('[data-testid=ahp-1-3]', '1/9');
    const bad = ahpWeights(
      [
        [1, 9, 1 / 9],
        [1 / 9, 1, 9],
        [9, 1 / 9, 1],
      ],
      { allowInconsistent: true },
    );
    await expect.poll(() => page.locator('[data-testid=ahp-cr-value]').innerText()).toBe(bad.CR.toFixed(4));
    expect(await page.locator('[data-testid=ahp-cr]').getAttribute('class')).toBe('err');
    await page.waitForSelector('[data-testid=spec-problems] tbody tr', { timeout: 30_000 });
    expect(await page.locator('[data-testid=spec-problems]').innerText()).toMatch(/inconsistent: CR = .* > 0\.1/);
    await page.waitForSelector('[data-testid=ahp-problems] tbody tr');
    await page.locator('[data-testid=ahp-editor]').scrollIntoViewIfNeeded();
    await shot(page, 'ahp-inconsistent');
    // accepted with allowInconsistent
    await page.check('[data-testid=ahp-allow]');
    await expect.poll(() => page.locator('[data-testid=spec-problems]').count(), { timeout: 30_000 }).toBe(0);
    // combined weights: AHP × entropy, linear rule with α
    await page.selectOption('[data-testid=weights-method]', 'combined');
    await page.check('[data-testid=combine-ahp]');
    await page.selectOption('[data-testid=combine-rule]', 'linear');
    await page.waitForSelector('[data-testid=alpha-ahp]');
    await waitIdle(page);
    await expect.poll(() => page.locator('[data-testid=spec-problems]').count(), { timeout: 30_000 }).toBe(0);
    await page.close();
  }, 120_000);

  it('uploads a long-format CSV and previews its units, years and indicators', async () => {
    const page = await openApp({ hash: 'data' });
    await waitIdle(page);
    const rows = ['Province,Year,indicator,value'];
    for (const p of ['Beijing', 'Tianjin', 'Hebei', 'Shanxi'])
      for (const y of [2020, 2021, 2022])
        for (const [k, ind] of ['rd', 'patents', 'broadband'].entries())
          rows.push(`${p},${y},${ind},${(p.length * 3 + (y - 2019) * 2 + k * 5) / 10}`);
    await page.setInputFiles('[data-testid=file-input]', {
      name: 'long.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(rows.join('\n') + '\n'),
    });
    await expect
      .poll(async () => page.locator('[data-testid=file-name]').innerText(), { timeout: 30_000 })
      .toBe('long.csv');
    await expect.poll(() => page.locator('[data-testid=n-indicators]').innerText(), { timeout: 30_000 }).toBe('3');
    expect(await page.locator('[data-testid=n-units]').innerText()).toBe('4');
    expect(await page.locator('[data-testid=n-times]').innerText()).toBe('3');
    expect(await page.locator('[data-testid=data-shape]').inputValue()).toBe('long');
    expect(await page.locator('[data-testid=indicator-col]').inputValue()).toBe('indicator');
    expect(await page.locator('[data-testid=value-col]').inputValue()).toBe('value');
    expect(await page.locator('[data-testid=detected]').innerText()).toMatch(/rd, patents, broadband/);
    await page.waitForSelector('[data-testid=shape-detected]');
    // the default system does not fit: build one from the data and evaluate
    await page.click('[data-testid=spec-from-data]');
    await waitIdle(page);
    await page.click('[data-nav=results]');
    await page.waitForSelector('[data-testid=scores-table] tbody tr', { timeout: 30_000 });
    expect(await page.locator('[data-testid=scores-table] tbody tr').count()).toBe(4);
    await page.click('[data-nav=data]');
    await shot(page, 'data-long-format');
    // switching to wide reads the same file as one numeric column
    await page.selectOption('[data-testid=data-shape]', 'wide');
    await expect.poll(() => page.locator('[data-testid=n-indicators]').innerText(), { timeout: 30_000 }).toBe('1');
    await page.close();
  }, 120_000);

  it('computes a firm panel’s Monte Carlo draws and pairwise scores on more Web Workers, with the numbers of one thread', async () => {
    const page = await openApp({ hash: 'data' });
    await waitIdle(page);
    // 1,000 firms × 5 years × 8 indicators: 2.5 × 10^6 ranks for 500 draws, 1.2 × 10^8 pairwise work
    const header = ['firm', 'year', ...Array.from({ length: 8 }, (_, j) => `x${j + 1}`)];
    const rows = [header.join(',')];
    for (let i = 1; i <= 1000; i++)
      for (let y = 2018; y <= 2022; y++)
        rows.push(
          [`firm ${i}`, y, ...Array.from({ length: 8 }, (_, j) => ((i * (j + 3) + y * 7) % 97) / 10 + j)].join(','),
        );
    const csv = Buffer.from(rows.join('\n') + '\n');
    await page.setInputFiles('[data-testid=file-input]', { name: 'firms-1000.csv', mimeType: 'text/csv', buffer: csv });
    await expect.poll(() => page.locator('[data-testid=n-units]').innerText(), { timeout: 30_000 }).toBe('1000');
    await page.click('[data-testid=spec-from-data]');
    await waitIdle(page);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    await page.evaluate(() =>
      (
        window as unknown as { __xinzhi: { recompute(f: (s: Record<string, unknown>) => unknown): Promise<unknown> } }
      ).__xinzhi.recompute((s) => ({
        ...s,
        weights: { ...(s.weights as object), panel: 'by-time' },
        score: { copeland: true, promethee: { fn: 'gaussian', s: 0.2 } },
        uncertainty: { draws: 500, seed: 11 },
      })),
    );
    await waitIdle(page);
    // the app's result (on the pool) and the same spec on the app's worker alone (jobs 1), in this browser
    const got = await page.evaluate(async () => {
      const x = (
        window as unknown as {
          __xinzhi: {
            store: { get(): { spec: unknown; result?: Record<string, unknown>; evalThreads?: number } };
            call(
              op: 'evaluate',
              payload: { spec: unknown; jobs?: number },
            ): Promise<{ result: Record<string, unknown>; threads?: number }>;
          };
        }
      ).__xinzhi;
      const st = x.store.get();
      const pick = (r: Record<string, unknown>) => JSON.stringify([r.scores, r.copeland, r.promethee, r.uncertainty]);
      const one = await x.call('evaluate', { spec: st.spec, jobs: 1 });
      const again = await x.call('evaluate', { spec: st.spec });
      // the pairwise scores alone: their pieces on the workers
      const { uncertainty: _u, ...noDraws } = st.spec as Record<string, unknown>;
      const pairwise = await x.call('evaluate', { spec: noDraws });
      return {
        threads: st.evalThreads,
        pooled: pick(st.result!),
        one: pick(one.result),
        oneThreads: one.threads ?? 1,
        again: pick(again.result),
        pairwise: JSON.stringify([pairwise.result.copeland, pairwise.result.promethee]),
        pairwiseOne: JSON.stringify([one.result.copeland, one.result.promethee]),
        pairwiseThreads: pairwise.threads,
        draws: (st.result!.uncertainty as { draws: number }).draws,
        engine: (st.result!.record as { software: { engine?: string } }).software.engine,
        copeland: (st.result!.copeland as unknown[]).length,
      };
    });
    expect(got.draws).toBe(500);
    expect(got.engine).toMatch(/^Chrome \d+[\d.]* \(V8\)$/); // the engine whose Math functions computed the run
    expect(got.copeland).toBe(5000);
    expect(got.threads).toBeDefined();
    expect(got.oneThreads).toBe(1);
    expect(got.pooled === got.one, 'the pool’s numbers are one thread’s').toBe(true);
    expect(got.again === got.one).toBe(true);
    expect(got.pairwise === got.pairwiseOne).toBe(true);
    if (cores >= 2) {
      expect(got.threads).toBe(Math.min(8, cores));
      expect(got.pairwiseThreads).toBe(Math.min(8, cores));
      expect(await page.locator('[data-testid=eval-threads]').innerText()).toContain(String(got.threads));
    } else console.warn(`[test/web] one CPU core: the Web Worker pool is not started (${cores})`);
    await page.close();
  }, 180_000);

  it('runs DEA chunks, firm-TFP bootstrap replications and mediation bootstrap draws on two Web Workers with one worker’s numbers', async () => {
    const page = await openApp({ hash: 'results' });
    await waitIdle(page);
    const gml = parseYaml(await readFile(join(ROOT, 'data/tfp/gtfp-province.yaml'), 'utf8'));
    const lp = parseYaml(await readFile(join(ROOT, 'data/tfp/firm-lp.yaml'), 'utf8'));
    const mediation = {
      type: 'mediation',
      y: 'score:index',
      x: ['M1_rd_intensity_pct'],
      m: 'M4_fibre_km_per_km2',
      bootstrap: 200,
      seed: 5,
    };
    const got = await page.evaluate(
      async ({ gml, lp, mediation }) => {
        const x = (
          window as unknown as {
            __xinzhi: { call(op: string, payload: unknown): Promise<{ result: unknown; threads?: number }> };
          }
        ).__xinzhi;
        const both = async (op: string, req: unknown) => {
          const one = await x.call(op, { req, jobs: 1 });
          const two = await x.call(op, { req, jobs: 2 });
          return {
            same: JSON.stringify(one.result) === JSON.stringify(two.result),
            threads: [one.threads ?? 1, two.threads],
          };
        };
        return {
          dea: await both('tfp', { data: { kind: 'example' }, model: gml }),
          firm: await both('tfp', { data: { kind: 'firm-example' }, model: lp }),
          mediation: await both('estimate', mediation),
        };
      },
      { gml, lp, mediation },
    );
    for (const [what, r] of Object.entries(got)) {
      expect(r.same, what).toBe(true);
      expect(r.threads, what).toEqual([1, 2]);
    }
    await page.close();
  }, 180_000);

  it('pages through the scores of 250 firms and finds a firm by name', async () => {
    const page = await openApp({ hash: 'data' });
    await waitIdle(page);
    const rows = ['firm,year,rd,patents,digital'];
    for (let i = 1; i <= 250; i++)
      for (const y of [2021, 2022]) rows.push(`firm ${i},${y},${i + y / 100},${(i * 7) % 251},${Math.sqrt(i) + y}`);
    await page.setInputFiles('[data-testid=file-input]', {
      name: 'firms.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(rows.join('\n') + '\n'),
    });
    await expect.poll(() => page.locator('[data-testid=n-units]').innerText(), { timeout: 30_000 }).toBe('250');
    await page.click('[data-testid=spec-from-data]');
    await waitIdle(page);
    await page.click('[data-nav=results]');
    const table = page.locator('[data-testid=scores-table]');
    await table.locator('tbody tr').first().waitFor({ timeout: 30_000 });
    expect(await table.locator('tbody tr').count()).toBe(100);
    expect(await table.locator('[data-testid=table-rows]').innerText()).toBe('Rows 1–100 of 250');
    await shot(page, 'results-firms-paged');
    await table.locator('[data-testid=table-next]').click();
    expect(await table.locator('tbody tr').first().locator('[data-field=rank]').innerText()).toBe('101');
    await table.locator('[data-testid=table-next]').click();
    expect(await table.locator('[data-testid=table-rows]').innerText()).toBe('Rows 201–250 of 250');
    expect(await table.locator('[data-testid=table-next]').isDisabled()).toBe(true);
    await table.locator('[data-testid=table-find]').fill('firm 17');
    // firm 17 and firms 170–179
    expect(await table.locator('[data-testid=table-rows]').innerText()).toBe('Rows 1–11 of 11');
    const units = await table
      .locator('tbody [data-unit]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')));
    expect(units.sort()).toEqual(['firm 17', ...Array.from({ length: 10 }, (_, k) => `firm ${170 + k}`)].sort());
    await table.locator('[data-testid=table-find]').fill('no such firm');
    expect(await table.locator('[data-testid=table-rows]').innerText()).toBe('No row matches');
    // a table with a unit column searches it by default: the obstacle panel's units
    await page.click('[data-nav=analysis]');
    const obstacle = page.locator('[data-testid=analysis-obstacle]');
    await obstacle.locator('[data-testid=table-find]').fill('firm 250', { timeout: 60_000 });
    expect(await obstacle.locator('[data-testid=table-rows]').innerText()).toBe('Rows 1–1 of 1');
    expect(await obstacle.locator('tbody tr').first().innerText()).toContain('firm 250');
    await page.close();
  }, 120_000);

  it('keeps a code column out of the indicators and proposes a negative direction for emissions, to confirm', async () => {
    const page = await openApp({ hash: 'data' });
    await waitIdle(page);
    const rows = ['province,year,gb_code,gdp,co2_emission'];
    for (const [k, p] of ['Beijing', 'Hebei', 'Jilin'].entries())
      for (const y of [2020, 2021])
        rows.push(`${p},${y},${110000 + k * 10000},${10 + k + y / 1000},${5 - k + y / 2000}`);
    await page.setInputFiles('[data-testid=file-input]', {
      name: 'codes.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(rows.join('\n') + '\n'),
    });
    await expect.poll(() => page.locator('[data-testid=n-indicators]').innerText(), { timeout: 30_000 }).toBe('2');
    expect(await page.locator('[data-testid=code-columns]').innerText()).toContain('gb_code');
    await page.click('[data-testid=spec-from-data]');
    await waitIdle(page);
    await page.click('[data-nav=spec]');
    expect(await page.locator('[data-testid=direction-hints]').innerText()).toContain('co2_emission');
    const spec = await page.evaluate(
      () =>
        (
          window as unknown as {
            __xinzhi: { store: { get(): { spec: { indicators: Array<{ column: string; direction: string }> } } } };
          }
        ).__xinzhi.store.get().spec.indicators,
    );
    expect(spec.map((i) => `${i.column}${i.direction}`).sort()).toEqual(['co2_emission-', 'gdp+']);
    await page.close();
  }, 120_000);

  it('lists every filled cell beside the results and, switched to strict, reports those cells as errors', async () => {
    const page = await openApp({ hash: 'data' });
    await waitIdle(page);
    const rows = ['province,year,gdp,patents'];
    for (const [k, p] of ['Beijing', 'Hebei', 'Jilin'].entries())
      for (const y of [2019, 2020, 2021]) {
        const gdp = p === 'Hebei' && y === 2020 ? '—' : String(10 + k * 2 + (y - 2019));
        const pat = p === 'Jilin' && y === 2020 ? '缺失' : String(3 + k + (y - 2019) * 0.5);
        rows.push(`${p},${y},${gdp},${pat}`);
      }
    await page.setInputFiles('[data-testid=file-input]', {
      name: 'tokens.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(rows.join('\n') + '\n'),
    });
    await expect.poll(() => page.locator('[data-testid=n-indicators]').innerText(), { timeout: 30_000 }).toBe('2');
    await page.click('[data-testid=spec-from-data]');
    await waitIdle(page);
    await page.click('[data-nav=results]');
    await page.waitForSelector('[data-testid=repairs-summary]');
    expect(await page.locator('[data-testid=repairs-summary] strong').first().innerText()).toBe('2');
    expect(await page.locator('[data-testid=imputed-table] tbody tr').count()).toBe(2);
    await page.check('[data-testid=missing-as-error]');
    await page.waitForSelector('[data-testid=evaluation-blocked]', { timeout: 30_000 });
    const problems = await page.locator('[data-testid=spec-problems]').innerText();
    expect(problems).toMatch(/gdp/);
    expect(problems).toMatch(/patents/);
    // the switch stays where it was: unticked, the cells are filled again
    await page.uncheck('[data-testid=missing-as-error]');
    await page.waitForSelector('[data-testid=imputed-table] tbody tr', { timeout: 30_000 });
    await page.close();
  }, 120_000);

  it('edits a dimension’s and an indicator’s framework node and given weight in the indicator tree', async () => {
    const page = await openApp({ hash: 'spec' });
    await waitIdle(page);
    const spec = () =>
      page.evaluate(
        () =>
          (
            window as unknown as {
              __xinzhi: {
                store: {
                  get(): {
                    spec: {
                      nodes: Array<{ id: string; framework?: string; weight?: number }>;
                      indicators: Array<{ id: string; framework?: string; weight?: number }>;
                    };
                  };
                };
              };
            }
          ).__xinzhi.store.get().spec,
      );
    const tree = page.locator('[data-testid=spec-tree]');
    // no weight inputs until the weights are given
    expect(await tree.getByLabel('Given weight: New-type labourers').count()).toBe(0);
    await page.selectOption('[data-testid=weights-method]', 'given');
    await tree.getByLabel('Given weight: New-type labourers').fill('0.5');
    await tree.getByLabel('Given weight: R&D personnel FTE per 10k residents').fill('2');
    // a framework select holds its framework nodes from when it is first focused or pointed at
    const fw = tree.getByLabel('Framework node: R&D personnel FTE per 10k residents');
    expect(await fw.locator('option').count()).toBeLessThanOrEqual(2);
    await fw.focus();
    await expect.poll(() => fw.locator('option').count()).toBeGreaterThan(100);
    await fw.selectOption('s000.path.innovation');
    await expect
      .poll(async () => {
        const s = await spec();
        const l1 = s.indicators.find((i) => i.id === 'L1')!;
        return [s.nodes.find((n) => n.id === 'laborer')!.weight, l1.weight, l1.framework];
      })
      .toEqual([0.5, 2, 's000.path.innovation']);
    // an empty weight is none, and "(none)" removes the link
    await tree.getByLabel('Given weight: R&D personnel FTE per 10k residents').fill('');
    await tree.getByLabel('Framework node: R&D personnel FTE per 10k residents').selectOption('');
    await expect
      .poll(async () => {
        const l1 = (await spec()).indicators.find((i) => i.id === 'L1')!;
        return [l1.weight, l1.framework];
      })
      .toEqual([undefined, undefined]);
    await page.close();
  }, 120_000);

  it('undoes and redoes edits, moves between views with Back, keeps the project across a reload and shares it as a link', async () => {
    const page = await openApp({ hash: 'spec' });
    await waitIdle(page);
    const firstScore = () =>
      page.evaluate(() => {
        const s = (
          window as unknown as { __xinzhi: { store: { get(): { result?: { scores: Array<{ score: number }> } } } } }
        ).__xinzhi.store.get();
        return s.result?.scores[0].score;
      });
    const before = await firstScore();
    await page.selectOption('[data-testid=weights-method]', 'equal');
    await waitIdle(page);
    await expect.poll(firstScore, { timeout: 30_000 }).not.toBe(before);
    const equal = await firstScore();
    await page.click('[data-testid=undo]');
    await expect.poll(() => page.locator('[data-testid=weights-method]').inputValue()).toBe('entropy');
    await expect.poll(firstScore, { timeout: 30_000 }).toBe(before);
    await page.click('[data-testid=redo]');
    await expect.poll(() => page.locator('[data-testid=weights-method]').inputValue()).toBe('equal');
    await expect.poll(firstScore, { timeout: 30_000 }).toBe(equal);
    // Back / Forward between views
    await page.click('[data-nav=results]');
    await page.click('[data-nav=analysis]');
    await page.goBack();
    await expect.poll(() => page.locator('main').getAttribute('data-view')).toBe('results');
    await page.goForward();
    await expect.poll(() => page.locator('main').getAttribute('data-view')).toBe('analysis');
    // a reload restores the project (the equal weights) and says so
    await page.waitForTimeout(600);
    await page.reload();
    await page.waitForSelector('[data-testid=notice-sessionRestored]', { timeout: 60_000 });
    await waitIdle(page);
    await expect.poll(firstScore, { timeout: 30_000 }).toBe(equal);
    // the share link reopens the same scores in a fresh browser
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    await page.click('[data-testid=share]');
    // the link is written asynchronously; a table copied earlier may still be there
    const readClipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await expect.poll(readClipboard, { timeout: 10_000 }).toMatch(/#analysis\?s=/);
    const link = await readClipboard();
    const ctx2 = await browser!.newContext({ viewport: VIEWPORT, locale: 'en-US' });
    const other = await ctx2.newPage();
    await other.goto(link);
    await other.waitForSelector('[data-testid=notice-linkOpened]', { timeout: 60_000 });
    await waitIdle(other);
    await expect
      .poll(
        () =>
          other.evaluate(
            () =>
              (
                window as unknown as {
                  __xinzhi: { store: { get(): { result?: { scores: Array<{ score: number }> } } } };
                }
              ).__xinzhi.store.get().result?.scores[0].score,
          ),
        { timeout: 30_000 },
      )
      .toBe(equal);
    await ctx2.close();
    // start over forgets the kept project
    await page.click('[data-testid=start-over]');
    await waitIdle(page);
    await expect.poll(firstScore, { timeout: 30_000 }).toBe(before);
    await page.close();
  }, 180_000);

  it('loads a yearbook-style XLSX (notes sheet first, merged title row) and lets the user pick sheet and header row', async () => {
    const { yearbookXlsx } = await import('../data/yearbook-xlsx.ts');
    const page = await openApp({ hash: 'data' });
    await waitIdle(page);
    await page.setInputFiles('[data-testid=file-input]', {
      name: 'yearbook.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await yearbookXlsx()),
    });
    await expect.poll(() => page.locator('[data-testid=n-indicators]').innerText(), { timeout: 30_000 }).toBe('2');
    expect(await page.locator('[data-testid=sheet-picker]').inputValue()).toBe('数据');
    expect(await page.locator('[data-testid=header-row]').inputValue()).toBe('2');
    expect(await page.locator('[data-testid=detected]').innerText()).toMatch(/GDP, 专利/);
    // the notes sheet has no numbers: choosing it shows that, choosing the data sheet again restores it
    await page.selectOption('[data-testid=sheet-picker]', '说明');
    await expect.poll(() => page.locator('[data-testid=sheet-picker]').inputValue(), { timeout: 30_000 }).toBe('说明');
    await page.selectOption('[data-testid=sheet-picker]', '数据');
    await expect.poll(() => page.locator('[data-testid=n-indicators]').innerText(), { timeout: 30_000 }).toBe('2');
    await shot(page, 'data-xlsx-sheet');
    // Chinese headers stay Chinese as indicator ids and names
    await page.click('[data-testid=spec-from-data]');
    await waitIdle(page);
    const ids = await page.evaluate(() =>
      (
        window as unknown as { __xinzhi: { store: { get(): { spec: { indicators: Array<{ id: string }> } } } } }
      ).__xinzhi.store
        .get()
        .spec.indicators.map((i) => i.id),
    );
    expect(ids).toEqual(['gdp', '专利']);
    await page.close();
  }, 120_000);

  it('draws the map in stated classes with a no-data class and exports figures at 300 dpi', async () => {
    const page = await openApp({ hash: 'results' });
    await waitIdle(page);
    await page.waitForSelector('[data-testid=score-map] canvas', { timeout: 60_000 });
    await page.selectOption('[data-testid=class-style]', 'fisher');
    await page.selectOption('[data-testid=class-count]', '4');
    const map = page.locator('[data-testid=score-map] figure').first();
    const width = await map.locator('div[role=img]').evaluate((el) => (el as HTMLElement).clientWidth);
    const [png] = await Promise.all([page.waitForEvent('download'), map.locator('button', { hasText: 'PNG' }).click()]);
    expect(png.suggestedFilename()).toMatch(/^map-index-\d{4}-300dpi\.png$/);
    const path = join(work, png.suggestedFilename());
    await png.saveAs(path);
    const bytes = await readFile(path);
    // PNG IHDR: width at byte 16 (big-endian)
    expect(Math.abs(bytes.readUInt32BE(16) - (width * 300) / 96)).toBeLessThanOrEqual(1);
    await page.close();
  }, 120_000);

  it('shows no convergence verdict for a one-unit panel and says why', async () => {
    const page = await openApp({ hash: 'data' });
    await waitIdle(page);
    const rows = ['unit,year,a,b'];
    for (const y of [2019, 2020, 2021, 2022]) rows.push(`A,${y},${1 + (y - 2019) * 0.3},${2 + (y - 2019) * 0.1}`);
    await page.setInputFiles('[data-testid=file-input]', {
      name: 'one.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(rows.join('\n') + '\n'),
    });
    await expect.poll(() => page.locator('[data-testid=n-units]').innerText(), { timeout: 30_000 }).toBe('1');
    await page.click('[data-testid=spec-from-data]');
    await waitIdle(page);
    await page.click('[data-nav=analysis]');
    const conv = page.locator('[data-testid=analysis-convergence]');
    // β either has no standard error (no verdict) or cannot be estimated at all (one unit: the reason is shown)
    await conv.locator('[data-testid=no-verdict], [data-testid=beta-skipped]').first().waitFor({ timeout: 60_000 });
    expect(await conv.innerText()).not.toMatch(/\bconverging\b/i);
    expect(await conv.locator('[data-testid=interpretation]').innerText()).toMatch(/no verdict/);
    await page.close();
  }, 120_000);

  it('saves a screenshot of every view in both languages at 1366×768', async () => {
    for (const [locale, tag] of [
      ['zh-CN', 'zh'],
      ['en-US', 'en'],
    ] as const) {
      const page = await openApp({ locale, hash: 'results' });
      await waitIdle(page);
      for (const view of VIEWS) {
        await page.click(`[data-nav=${view}]`);
        await page.locator('main h1').first().waitFor();
        await page.waitForTimeout(view === 'analysis' ? 1500 : 400);
        await page.screenshot({ path: join(SHOTS, `view-${view}-${tag}.png`) });
      }
      await page.close();
    }
  }, 180_000);

  it('cancels a long Monte Carlo run, switches it off and keeps the app usable', async () => {
    const page = await openApp({ hash: 'results' });
    await waitIdle(page);
    await page.fill('#unc-draws', '5000');
    // click Cancel the moment it appears (the run would otherwise go on)
    const clicked = page.evaluate(
      () =>
        new Promise<boolean>((ok) => {
          const timer = setInterval(() => {
            const b = document.querySelector('[data-testid=cancel]') as HTMLButtonElement | null;
            if (b) {
              clearInterval(timer);
              b.click();
              ok(true);
            }
          }, 2);
        }),
    );
    await page.click('[data-testid=run-uncertainty]');
    expect(await clicked).toBe(true);
    await waitIdle(page);
    const spec = await page.evaluate(
      () =>
        (
          window as unknown as { __xinzhi: { store: { get(): { spec: { uncertainty?: unknown } } } } }
        ).__xinzhi.store.get().spec,
    );
    expect(spec.uncertainty).toBeUndefined();
    await page.waitForSelector('[data-testid=scores-table] tbody tr', { timeout: 30_000 });
    await page.close();
  }, 120_000);

  it('runs Moran’s I on an uploaded spatial weights file (edge list)', async () => {
    const page = await openApp({ hash: 'analysis' });
    await waitIdle(page);
    const units = await page.evaluate(
      () =>
        (window as unknown as { __xinzhi: { store: { get(): { result: { units: string[] } } } } }).__xinzhi.store.get()
          .result.units,
    );
    // a ring over the units, in the data's spelling
    const edges = ['from,to', ...units.map((u, i) => `${u},${units[(i + 1) % units.length]}`)];
    await page.setInputFiles('[data-testid=weights-file-input]', {
      name: 'ring.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(edges.join('\n') + '\n'),
    });
    await expect.poll(() => page.locator('[data-testid=weights-upload]').innerText()).toMatch(/ring\.csv: 30/);
    const moran = page.locator('[data-testid=analysis-moran]');
    await moran.locator('select').last().selectOption('file');
    await expect.poll(() => moran.innerText(), { timeout: 30_000 }).toMatch(/ring\.csv/);
    await page.close();
  }, 120_000);

  it('drops duplicate unit-year rows on request, keeping the first and listing the dropped rows', async () => {
    const page = await openApp({ hash: 'data' });
    await waitIdle(page);
    const rows = ['province,year,gdp,patents'];
    for (const [k, p] of ['Beijing', 'Hebei', 'Jilin'].entries())
      for (const y of [2019, 2020, 2021]) rows.push(`${p},${y},${10 + k + y / 1000},${3 + k + (y - 2019)}`);
    rows.push('Hebei,2020,99,99');
    await page.setInputFiles('[data-testid=file-input]', {
      name: 'dups.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(rows.join('\n') + '\n'),
    });
    await page.waitForSelector('[data-testid=drop-duplicates]', { timeout: 30_000 });
    await page.click('[data-testid=drop-duplicates]');
    await expect
      .poll(() => page.locator('[data-testid=data-problems]').innerText(), { timeout: 30_000 })
      .toMatch(/dropped row 11/);
    await page.click('[data-testid=spec-from-data]');
    await waitIdle(page);
    await page.click('[data-nav=results]');
    await page.waitForSelector('[data-testid=scores-table] tbody tr', { timeout: 30_000 });
    expect(await page.locator('[data-testid=scores-table] tbody tr').count()).toBe(3);
    await page.close();
  }, 120_000);

  it('draws the kernel densities as a 3-D surface on request', async () => {
    const page = await openApp({ hash: 'analysis' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await waitIdle(page);
    await page.waitForSelector('[data-testid=analysis-kde] canvas', { timeout: 60_000 });
    await page.check('[data-testid=kde-3d]');
    await page.waitForSelector('[data-testid=kde-3d-chart] canvas', { timeout: 30_000 });
    await page.locator('[data-testid=kde-3d-chart]').scrollIntoViewIfNeeded();
    await shot(page, 'analysis-kde-3d');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('gives every control an accessible name, reaches the navigation by keyboard and keeps text contrast ≥ 4.5:1', async () => {
    let page = await openApp({ hash: 'results' });
    await waitIdle(page);
    for (const view of VIEWS) {
      await page.click(`[data-nav=${view}]`);
      // the TFP, QCA, estimation and self-assessment pages load on first use: wait for the view itself
      await page.locator('main h1').first().waitFor();
      await page.waitForTimeout(view === 'analysis' ? 1500 : 300);
      const unnamed = await page.evaluate(() => {
        const name = (el: Element): string => {
          const aria = el.getAttribute('aria-label');
          if (aria?.trim()) return aria;
          const by = el.getAttribute('aria-labelledby');
          if (by)
            return by
              .split(/\s+/)
              .map((id) => document.getElementById(id)?.textContent ?? '')
              .join(' ');
          if (el.id) {
            const l = document.querySelector(`label[for="${el.id}"]`);
            if (l?.textContent?.trim()) return l.textContent;
          }
          const wrap = el.closest('label');
          if (wrap?.textContent?.trim()) return wrap.textContent;
          if (el.tagName === 'BUTTON') return el.textContent ?? '';
          return el.getAttribute('title') ?? '';
        };
        return Array.from(document.querySelectorAll('button, input, select, textarea'))
          .filter((el) => name(el).trim() === '')
          .map((el) => el.outerHTML.slice(0, 120));
      });
      expect(unnamed, `view ${view}`).toEqual([]);
    }
    // keyboard: Tab from the top reaches every navigation button in order
    await page.close();
    page = await openApp({ hash: 'results' });
    await waitIdle(page);
    const seen: string[] = [];
    for (let i = 0; i < 2 * VIEWS.length && seen.length < VIEWS.length; i++) {
      await page.keyboard.press('Tab');
      const nav = await page.evaluate(() => document.activeElement?.getAttribute('data-nav'));
      if (nav) seen.push(nav);
    }
    expect(seen).toEqual(VIEWS);
    await page.keyboard.press('Enter');
    expect(await page.locator('main').getAttribute('data-view')).toBe('export');
    // contrast of the text colours chosen
    const ratios = await page.evaluate(() => {
      const rgb = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]) => {
        const f = (c: number) => {
          c /= 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const bg = (el: Element | null): number[] => {
        for (let e = el; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) return c;
        }
        return [255, 255, 255];
      };
      const out: Record<string, number> = {};
      for (const sel of [
        'main h1',
        '.intro',
        'nav.nav button.active',
        'nav.nav button:not(.active)',
        'button.primary',
        'button.lang',
        '.muted',
        'header.top',
      ]) {
        const el = document.querySelector(sel);
        if (!el) continue;
        const a = lum(rgb(getComputedStyle(el).color)),
          b = lum(bg(el));
        out[sel] = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      }
      return out;
    });
    expect(Object.keys(ratios).length).toBeGreaterThan(5);
    for (const [sel, r] of Object.entries(ratios)) expect(r, sel).toBeGreaterThanOrEqual(4.5);
    await page.close();
  }, 180_000);
});
