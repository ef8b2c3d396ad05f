import { describe, expect, it } from 'vitest';
import { findSection } from '../../src/core/text/sections.ts';
import { cleanPlainText } from '../../src/core/text/clean.ts';

describe('findSection', () => {
  const report = cleanPlainText(
    [
      '目录',
      '第一节 重要提示',
      '第二节 管理层讨论与分析',
      '第三节 公司治理',
      '第一节 重要提示',
      '本报告不构成承诺。',
      '第二节 管理层讨论与分析',
      '公司推进人工智能。',
      '详见本节。',
      '第三节 公司治理',
      '股东大会召开。',
    ].join('\n'),
  ).text;

  it('takes the chapter body, not its line in the table of contents', () => {
    const span = findSection(report, 'mdna')!;
    expect(span.title).toBe('第二节 管理层讨论与分析');
    expect(report.slice(span.start, span.end)).toBe('第二节 管理层讨论与分析\n公司推进人工智能。\n详见本节。\n');
  });

  it('finds 经营情况讨论与分析 and the older 董事会报告', () => {
    expect(findSection('第四节 经营情况讨论与分析\n正文', 'mdna')?.title).toBe('第四节 经营情况讨论与分析');
    expect(findSection('第三节 摘要\n第四节 董事会报告\n正文\n第五节 重要事项', 'mdna')?.title).toBe(
      '第四节 董事会报告',
    );
  });

  it('no such chapter: null; all: the whole text', () => {
    expect(findSection('公司概况：推进人工智能。', 'mdna')).toBeNull();
    expect(findSection('abc', 'all')).toEqual({ name: 'all', title: '', start: 0, end: 3 });
  });
});
