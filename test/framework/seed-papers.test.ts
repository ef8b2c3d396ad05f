/** Citations read as references (issue 9: citations showed file hashes). */
import { describe, expect, it } from 'vitest';
import { citationText, seedPaper } from '../../src/core/framework/seed-papers.ts';

describe('seed papers', () => {
  it('cites authors, year, title and section instead of the file name', () => {
    const c = { seed: '000_bdc2d3c482bae5da.txt', section: '表 3 主轴式编码' };
    expect(citationText(c, 'zh')).toBe('孙永磊等（2026）《数字化赋能企业新质生产力的机制研究》，表 3 主轴式编码');
    expect(citationText(c, 'en')).toBe('孙永磊 et al. (2026) “数字化赋能企业新质生产力的机制研究”, 表 3 主轴式编码');
    expect(citationText({ seed: '002_1b80637edcf42709.txt', section: '一' }, 'zh')).toMatch(/^张夏恒（2024）《/);
  });
  it('knows every seed the framework cites, and falls back to the file name for others', () => {
    for (const id of ['000', '001', '002', '003', '004']) expect(seedPaper(`${id}_x.txt`)?.title).toBeTruthy();
    expect(citationText({ seed: '999_x.txt', section: 's' }, 'en')).toBe('999_x.txt § s');
  });
});
