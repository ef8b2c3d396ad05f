/**
 * The text-index page in a real browser (Debian's chromium via
 * playwright-core, the app built by Vite into a temporary folder): a TXT
 * report dropped on the page and a PDF whose Chinese font is not embedded
 * (so pdf.js needs the character maps served with the app) are counted as
 * the Python reference counts them; a clicked term shows its hit highlighted
 * in context, negated mentions are marked as set aside, the hits CSV
 * downloads. Skipped with a message when /usr/bin/chromium is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/serve-web.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../chromium.ts';
import { makeCidPdf, paginate } from '../text/cid-pdf.ts';

const HAVE = existsSync(CHROMIUM);
if (!HAVE) console.warn(`[test/web] ${CHROMIUM} not found: text-index browser test skipped (apt-get install chromium)`);

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = join(ROOT, 'test-artifacts', 'screenshots');
const texts = join(ROOT, 'test/reference/text/texts');
const ref = JSON.parse(readFileSync(join(ROOT, 'test/reference/text/fixtures/counts.json'), 'utf8'));
const t1 = readFileSync(join(texts, 't1-nested.txt'), 'utf8');
const t2 = readFileSync(join(texts, 't2-negation.txt'), 'utf8');

type Browser = import('playwright-core').Browser;
type Page = import('playwright-core').Page;

let outDir = '';
let server: Server | undefined;
let url = '';
let browser: Browser | undefined;

/** Drop files on the page's drop zone as a browser drag and drop does (a DataTransfer with File objects). */
async function dropFiles(page: Page, files: Array<{ name: string; text: string }>): Promise<void> {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    const zone = document.querySelector('[data-testid=text-dropzone]')!;
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

/** The panel's cells of the row of a firm, by column header. */
async function panelRow(page: Page, firm: string): Promise<Record<string, string>> {
  return page.evaluate((f) => {
    const table = document.querySelector('[data-testid=text-panel] table')!;
    const heads = [...table.querySelectorAll('thead th')].map((th) =>
      (th.textContent ?? '').replace(/[▲▼]/g, '').trim(),
    );
    const row = [...table.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('td')?.textContent === f);
    if (!row) return {};
    return Object.fromEntries(
      [...row.querySelectorAll('td')].map((td, i) => [heads[i], (td.textContent ?? '').trim()]),
    );
  }, firm);
}

describe.skipIf(!HAVE)('text-index page in chromium', () => {
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'xinzhi-web-text-'));
    await mkdir(SHOTS, { recursive: true });
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    ({ server, url } = await serveStatic(outDir, 0));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(null)));
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('counts a dropped TXT and a CID-font PDF as the reference does and highlights each hit in context', async () => {
    const ctx = await browser!.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'en-US',
      acceptDownloads: true,
    });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // the app must not fetch anything from outside its own server (the CMaps come with it)
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
        outside.push(r.url());
    });
    await page.goto(`${url}#text`);
    await page.waitForSelector('[data-testid=text-dict-name]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid=text-dict-name]')).toMatch(/Wu Fei et al\. \(2021\)/);
    expect(await page.textContent('[data-testid=text-dict-source]')).toMatch(/管理世界/);

    await dropFiles(page, [{ name: '600000_示例银行_2020年年度报告.txt', text: t1 }]);
    const pdf = makeCidPdf(paginate(t1.trimEnd(), 5, '示例制造股份有限公司 2021 年年度报告'));
    await page.setInputFiles('[data-testid=text-files]', [
      { name: '600001_示例制造_2021年年度报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) },
      { name: '000001_示例科技_2021年年度报告.txt', mimeType: 'text/plain', buffer: Buffer.from(t2) },
      { name: '000001_示例科技_2021年年度报告摘要.txt', mimeType: 'text/plain', buffer: Buffer.from('摘要') },
    ]);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=text-panel] tbody tr').length === 3,
      undefined,
      { timeout: 60_000 },
    );
    const longest = ref.texts['t1-nested.txt'].longest;
    for (const firm of ['600000', '600001']) {
      const row = await panelRow(page, firm);
      expect(row['Keyword count'], firm).toBe(String(longest.total));
      expect(Number(row['ln(1 + count)'])).toBeCloseTo(longest.lnTotal, 4);
      expect(row.Characters).toBe(String(longest.chars));
    }
    expect((await panelRow(page, '600001')).Pages).toBe(String(paginate(t1.trimEnd(), 5, 'x').length));
    expect(await page.textContent('[data-testid=text-skipped]')).toMatch(/summary/);

    // the PDF's report: click 移动互联网 — one hit, highlighted, with its page
    await page.click('[data-testid=text-panel] button:has-text("600001_示例制造_2021年年度报告.pdf")');
    await page.click('[data-testid=text-terms] button[data-term="移动互联网"]');
    const hits = page.locator('[data-testid=text-hits] li');
    await expect.poll(() => hits.count()).toBe(longest.counts['移动互联网']);
    expect(await hits.first().locator('mark').textContent()).toBe('移动互联网');
    expect(await hits.first().textContent()).toMatch(/page \d+/);
    // a group: every hit of the group, each with a mark
    await page.click('[data-testid=text-groups] button[data-group=big_data]');
    await expect.poll(() => hits.count()).toBe(longest.groups.big_data);
    expect(await page.locator('[data-testid=text-hits] li mark').count()).toBe(longest.groups.big_data);
    await page.screenshot({ path: join(SHOTS, 'text.png') });

    // the tokens rule: jieba's WebAssembly, served with the app, segments as Python jieba does
    await page.selectOption('[data-testid=text-rule]', 'tokens');
    await expect
      .poll(async () => (await panelRow(page, '600001'))['Keyword count'], { timeout: 60_000 })
      .toBe(String(ref.texts['t1-nested.txt'].tokens.total));
    expect((await panelRow(page, '600000'))['Keyword count']).toBe(String(ref.texts['t1-nested.txt'].tokens.total));
    await page.selectOption('[data-testid=text-rule]', 'longest');
    await expect
      .poll(async () => (await panelRow(page, '600001'))['Keyword count'], { timeout: 60_000 })
      .toBe(String(longest.total));

    // negation and contexts: the negated mentions of the second report are set aside and marked
    await page.check('[data-testid=text-negation]');
    await page.check('[data-testid=text-contexts]');
    const filtered = ref.texts['t2-negation.txt']['longest+filters'];
    await expect
      .poll(async () => (await panelRow(page, '000001'))['Keyword count'], { timeout: 60_000 })
      .toBe(String(filtered.total));
    await page.click('[data-testid=text-panel] button:has-text("000001_示例科技_2021年年度报告.txt")');
    // the term table's set-aside column adds up to the reference's set-aside mentions
    const asides = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=text-terms] tbody tr')].map((tr) => {
        const cells = [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim());
        return { term: cells[1], aside: Number(cells[3]) };
      }),
    );
    expect(asides.reduce((n, r) => n + r.aside, 0)).toBe(filtered.dropped);
    const negated = asides.find((r) => r.aside > 0)!;
    await page.click(`[data-testid=text-terms] button[data-term="${negated.term}"]`);
    const marked = page.locator('[data-testid=text-hits] li[data-dropped]');
    await expect.poll(() => marked.count()).toBe(negated.aside);
    expect(await marked.first().textContent()).toMatch(/set aside \(cue /);
    expect(await marked.first().locator('mark').textContent()).toBe(negated.term);

    // the hits CSV: every hit of the three reports, the mention in 【】
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=text-export-hits]')]);
    expect(download.suggestedFilename()).toBe('text-hits.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('词条 / term');
    expect(csv).toContain('【移动互联网】');
    // every label in Chinese too
    await page.click('button.lang');
    expect(await page.textContent('main h1')).toBe('企业数字化转型文本指数');
    expect(await page.textContent('[data-testid=text-dict-name]')).toMatch(/吴非等（2021）/);
    expect(await page.textContent('[data-testid=text-panel] caption')).toBe('各年报结果');
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await ctx.close();
  }, 180_000);
});
