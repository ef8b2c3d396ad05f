/**
 * The server's questionnaire page in Chromium: a respondent invited to one
 * firm fills in the questionnaire in Chinese, closes the tab halfway, opens it
 * again and finds every answer; an admin sees the firm on the dashboard.
 * Skipped with a message when /usr/bin/chromium is missing.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/adapters/server/app.ts';
import { BUILTIN_INSTRUMENT } from '../../src/core/assess/instrument.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../chromium.ts';

const HAVE = existsSync(CHROMIUM);
if (!HAVE) console.warn(`[test/server] ${CHROMIUM} not found: browser tests skipped (apt-get install chromium)`);

let app: FastifyInstance;
let url: string;
let browser: import('playwright-core').Browser | undefined;

beforeAll(async () => {
  if (!HAVE) return;
  ({ app } = await buildServer({ db: join(mkdtempSync(join(tmpdir(), 'xinzhi-page-')), 'p.sqlite') }));
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function post(path: string, body: unknown, cookie?: string) {
  const r = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  return { body: await r.json(), cookie: r.headers.get('set-cookie')?.split(';')[0] };
}

describe.skipIf(!HAVE)('questionnaire page in chromium', () => {
  it('a respondent fills in Chinese, closes the tab halfway and resumes; the admin sees the dashboard', async () => {
    const admin = (await post('/api/signup', { org: '咨询机构', email: 'admin@x.cn', password: 'admin password 1' }))
      .cookie as string;
    const firm = (
      await post('/api/firms', { name: '示范制造', industry: '制造业', size: '大型', region: '江苏' }, admin)
    ).body.id;
    const token = (await post(`/api/firms/${firm}/invitations`, {}, admin)).body.token;

    const ctx = await browser!.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
    let page = await ctx.newPage();
    await page.goto(`${url}/invite/${token}`);
    await page.fill('input[name=email]', 'r@firm.cn');
    await page.fill('input[name=password]', 'respondent pw 1');
    await page.click('#go');
    await page.click('[data-action=start]');
    await page.waitForSelector('[data-item]');
    expect(await page.locator('h2').first().textContent()).toBe(BUILTIN_INSTRUMENT.title.zh);
    const levels = BUILTIN_INSTRUMENT.items.filter((i) => i.type === 'level');
    const half = levels.slice(0, 10);
    for (const [k, item] of half.entries()) {
      await page.check(`[data-item="${item.id}"] input[value="${k % 6}"]`);
      await expect.poll(() => page.locator('#save-status').textContent()).toBe('已保存');
    }
    await page.close(); // the tab is closed halfway
    page = await ctx.newPage();
    await page.goto(url);
    await page.click('[data-action=continue]');
    await page.waitForSelector('[data-item]');
    for (const [k, item] of half.entries())
      expect(await page.isChecked(`[data-item="${item.id}"] input[value="${k % 6}"]`), item.id).toBe(true);
    expect(await page.locator('#answered').textContent()).toBe(`已答 10/${BUILTIN_INSTRUMENT.items.length}`);
    // submitting early says what is missing, in Chinese
    await page.click('#submit');
    await expect.poll(() => page.locator('#submit-error').textContent()).toMatch(/问卷未答完/);
    // answer the rest and submit
    for (const item of BUILTIN_INSTRUMENT.items.slice(0)) {
      if (half.includes(item as (typeof levels)[number])) continue;
      const box = `[data-item="${item.id}"]`;
      if (item.type === 'level') await page.check(`${box} input[value="3"]`);
      else if (item.type === 'multi') await page.check(`${box} input[value="${item.options[0].id}"]`);
      else {
        await page.fill(`${box} input[type=number]`, String(item.bands[2]));
        await page.press(`${box} input[type=number]`, 'Tab');
      }
      await expect.poll(() => page.locator('#save-status').textContent()).toBe('已保存');
    }
    await page.click('#submit');
    await page.waitForSelector('#report');
    expect(await page.locator('#report-level').textContent()).toMatch(/^总分 \d+\.\d · 等级 \d$/);
    expect(await page.locator('#peers').textContent()).toMatch(/同组企业不足 5 家/);
    await ctx.close();

    // the admin's dashboard lists the firm with its level
    const actx = await browser!.newContext({ locale: 'zh-CN' });
    const ap = await actx.newPage();
    await ap.goto(url);
    await ap.fill('input[name=email]', 'admin@x.cn');
    await ap.fill('input[name=password]', 'admin password 1');
    await ap.click('#go');
    await ap.waitForSelector('#dashboard');
    expect(await ap.locator('#dashboard').textContent()).toContain('示范制造');
    await actx.close();
  }, 120_000);
});
