import { describe, expect, it } from 'vitest';
import { cleanPages, cleanPlainText, isPageNumber } from '../../src/core/text/clean.ts';

describe('cleanPages', () => {
  it('recognises page-number lines', () => {
    for (const line of ['12', '- 12 -', '第 12 页', '12 / 250', '第12页 共250页', '— 3 —'])
      expect(isPageNumber(line)).toBe(true);
    for (const line of ['2020年', '第四节 管理层讨论与分析', '12 个月', '5G']) expect(isPageNumber(line)).toBe(false);
  });

  it('joins a word split across a line and across a page, drops page numbers and running headers', () => {
    const header = '某某股份有限公司 2021 年年度报告全文';
    const pages = [
      [header, '公司推进移动', '互联网建设。', '1'],
      [header, '公司推进人工', '2'],
      [header, '智能应用。', '3'],
    ];
    const got = cleanPages(pages);
    expect(got.text).toBe('公司推进移动互联网建设。\n公司推进人工智能应用。');
    expect(got.pageStarts).toEqual([0, 13, 19]);
    expect(got.removed.filter((r) => r.reason === 'header-footer')).toHaveLength(3);
    expect(got.removed.filter((r) => r.reason === 'page-number').map((r) => r.line)).toEqual(['1', '2', '3']);
  });

  it('headers are only detected with enough pages; a repeated body line in the middle stays', () => {
    expect(
      cleanPages([
        ['报告', '正文甲。'],
        ['报告', '正文乙。'],
      ]).text,
    ).toBe('报告正文甲。\n报告正文乙。');
  });

  it('Latin words split by a line break get a space; chapter headings keep their own line', () => {
    expect(cleanPlainText('open\nbanking。').text).toBe('open banking。');
    expect(cleanPlainText('目录\n第一节 释义\n正文').text).toBe('目录\n第一节 释义\n正文');
  });

  it('empty input gives empty text', () => {
    expect(cleanPages([])).toEqual({ text: '', pageStarts: [], removed: [] });
    expect(cleanPages([[], []]).pageStarts).toEqual([0, 0]);
  });
});
