import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reportDocument, reportHtml, type ReportSection } from '../../src/adapters/report/html.ts';
import { fixed } from '../../src/adapters/report/tables.ts';
import { findProvince } from '../../src/core/geo/provinces.ts';
import { makeFixture, PANEL_PROVINCES } from './fixture.ts';

const geojson = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../data/geo/china_provinces.geojson', import.meta.url)), 'utf8'),
) as unknown;

/** Remove inline SVGs (to look at the report's own text). */
function withoutSvg(html: string): string {
  return html.replace(/<svg[\s\S]*?<\/svg>/g, '');
}

/** Tag balance check for the elements the report writes (void elements excluded). */
function unbalancedTags(html: string): string[] {
  const stack: string[] = [];
  const bad: string[] = [];
  const VOID = new Set(['br', 'meta', 'hr', 'img', 'input', 'link']);
  for (const m of withoutSvg(html).matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>/g)) {
    const [, close, rawName, selfClose] = m;
    const name = rawName.toLowerCase();
    if (VOID.has(name) || selfClose) continue;
    if (!close) stack.push(name);
    else if (stack.pop() !== name) bad.push(name);
  }
  return [...bad, ...stack];
}

describe('reportHtml', () => {
  const result = makeFixture({ units: PANEL_PROVINCES, byTime: true, uncertainty: true });
  const extra: ReportSection = {
    id: 'gini',
    title: { zh: '基尼系数', en: 'Gini coefficient' },
    html: '<p>G = 0.3</p>',
  };
  const html = reportHtml(result, { lang: 'zh', geojson, sections: [extra], date: '2024-05-01T00:00:00Z' });
  const text = withoutSvg(html);

  it('is a standalone, balanced HTML document', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(unbalancedTags(html)).toEqual([]);
  });

  it('makes no external requests (no http(s) URL in src or href)', () => {
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<script\b[^>]*\bsrc=/i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
  });

  it('contains every unit (by its Chinese name in a Chinese report), the weights and the run record', () => {
    for (const u of result.units) {
      const zh = findProvince(u)!.shortZh;
      expect(text).toContain(`<td class="text">${zh}</td>`);
      expect(text).not.toContain(`<td class="text">${u}</td>`);
    }
    expect(text).toContain('<td class="text">广东</td>');
    expect(text).toContain('<td class="text">内蒙古</td>');
    for (const w of result.nodeWeights) {
      expect(text).toContain(`<td class="num">${fixed(w.global, 4)}</td>`);
      expect(text).toContain(`<td class="num">${fixed(w.local, 4)}</td>`);
    }
    expect(text).toContain(result.record.dataFingerprint);
    expect(text).toContain('xinzhi 0.1.0');
    expect(text).toContain('2024-05-01T00:00:00Z');
    expect(text).toContain('93 行，31 个单位 × 3 期，4 列');
  });

  it('shows the latest scores and ranks and the full index table', () => {
    const latest = result.scores.filter((s) => s.time === 2015);
    for (const s of latest) expect(text).toContain(`<td class="num">${fixed(s.score, 4)}</td>`);
    expect(text).toContain('2015 年综合指数得分与排名');
    expect(text).toContain('2015 年一级维度得分与排名');
    expect(text).toContain('2015 年二级维度得分与排名');
    expect(text).toContain('新质生产力指数得分（各期）');
  });

  it('has an <svg> for each chart and the OCHA credit with the map', () => {
    for (const id of ['fig-ranking', 'fig-trends', 'fig-weights', 'fig-map']) {
      expect(html).toMatch(new RegExp(`<figure class="chart" id="${id}">\\n<svg`));
    }
    expect((html.match(/<svg/g) ?? []).length).toBe(4);
    expect(text).toContain('UN OCHA ROAP');
    expect(text).toContain('CC BY-IGO');
  });

  it('shows methods with formulas, the spec, coherence, data treatment and uncertainty', () => {
    expect(text).toContain('熵权法');
    expect(text).toContain('e_j = -\\frac{1}{\\ln n}');
    expect(text).toContain('<details><summary>所用设定（spec.json）');
    expect(text).toContain('&quot;method&quot;: &quot;entropy&quot;');
    expect(text).toContain('与其所属维度负相关');
    expect(text).toContain('克朗巴哈 α = -0.310');
    expect(text).toContain('R&amp;D Personnel');
    expect(text).toContain('winsorised-high');
    expect(text).toContain('排名的不确定性区间（2015，200 次抽样，种子 42）');
    expect(text).toContain('熵权法诊断量：新质生产力指数');
    expect(text).toContain('<td class="num">0.8800</td>');
    expect(text).toContain('k = 0.5000');
    expect(text).toContain('<code>note</code> = k = 1 / ln(n)');
  });

  it('appends extra sections after its own, listed in the contents', () => {
    expect(html).toContain(
      '<section id="gini">\n<h2>基尼系数<br><span class="alt" lang="en">Gini coefficient</span></h2>\n<p>G = 0.3</p>\n</section>',
    );
    expect(html).toContain('<a href="#gini">');
    expect(html.indexOf('id="gini"')).toBeGreaterThan(html.indexOf('id="diagnostics"'));
  });

  it('English report: headings in English with Chinese beneath, units by their English names', () => {
    const en = reportHtml(result, { lang: 'en', date: 'x' });
    expect(en).toContain('<html lang="en">');
    for (const u of result.units) expect(en).toContain(`<td class="text">${u}</td>`);
    expect(en).not.toContain('<td class="text">广东</td>');
    const zhUnits = reportHtml(makeFixture({ units: ['广东', '北京市', '540000'] }), { lang: 'en', date: 'x' });
    for (const u of ['Guangdong', 'Beijing', 'Tibet']) expect(zhUnits).toContain(`<td class="text">${u}</td>`);
    expect(en).toContain('<h2>Methods<br><span class="alt" lang="zh">方法</span></h2>');
    expect(en).not.toContain('id="fig-map"');
  });

  it('names the JavaScript engine in the run record when the record has it', () => {
    expect(reportHtml(result, { lang: 'en', date: 'x' })).not.toContain('JavaScript engine');
    const run = makeFixture();
    run.record.software.engine = 'Node 20.20.2, V8 11.3.244.8-node.38';
    const html = reportHtml(run, { lang: 'zh', date: 'x' });
    expect(html).toMatch(/运行环境（JavaScript 引擎）.*Run on \(JavaScript engine\)/s);
    expect(html).toContain('<dd>Node 20.20.2, V8 11.3.244.8-node.38</dd>');
  });

  it('no map for units that are not provinces; unmatched units listed', () => {
    const firms = makeFixture({ units: ['Firm A', 'Firm B', 'Beijing'] });
    const out = reportHtml(firms, { lang: 'en', geojson, date: 'x' });
    expect(out).not.toContain('id="fig-map"');
    expect(out).toContain('Units are not provinces (1 of 3 matched, below 80%)');
    expect(out).toContain('Units not matched to a province: Firm A, Firm B');
    for (const lang of ['zh', 'en'] as const) {
      const t = withoutSvg(reportHtml(firms, { lang, date: 'x' }));
      expect(t).toContain('<td class="text">Firm A</td>');
      expect(t).toContain(`<td class="text">${lang === 'zh' ? '北京' : 'Beijing'}</td>`);
    }
    const some = makeFixture({ units: [...PANEL_PROVINCES.slice(0, 9), 'Atlantis'] });
    const out2 = reportHtml(some, { lang: 'en', geojson, date: 'x' });
    expect(out2).toContain('id="fig-map"');
    expect(out2).toContain('Units not matched to a province: Atlantis');
  });

  it('shows TOPSIS / GRA / VIKOR of the latest period when computed', () => {
    const r = makeFixture({ mcdm: true });
    const out = reportHtml(r, { lang: 'en', date: 'x' });
    expect(out).toContain('<section id="mcdm">');
    expect(out).toContain('<caption>TOPSIS (2015)');
    const last = r.topsis!.filter((x) => x.time === 2015);
    for (const x of last) expect(out).toContain(`<td class="num">${fixed(x.closeness, 4)}</td>`);
    expect(reportHtml(makeFixture(), { lang: 'en', date: 'x' })).not.toContain('id="mcdm"');
  });

  it('a cross-section (one period) has no trend chart', () => {
    const one = makeFixture({ times: [2020] });
    const out = reportHtml(one, { lang: 'en', date: 'x' });
    expect(out).not.toContain('id="fig-trends"');
    expect(out).toContain('id="fig-ranking"');
  });
});

describe('reportDocument', () => {
  it('wraps any sections with a contents list', () => {
    const html = reportDocument({
      title: { zh: '报告', en: 'Report' },
      lang: 'en',
      sections: [{ id: 'a', title: { zh: '甲', en: 'A' }, html: '<p>x</p>' }],
    });
    expect(html).toContain('<title>Report</title>');
    expect(html).toContain('<li><a href="#a">A <span class="alt" lang="zh">甲</span></a></li>');
    expect(unbalancedTags(html)).toEqual([]);
  });
});
