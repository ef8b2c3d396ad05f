import { describe, expect, it } from 'vitest';
import { THREE_LINE_CSS, fixed, threeLineTable } from '../../src/adapters/report/tables.ts';

describe('threeLineTable', () => {
  const html = threeLineTable({
    lang: 'zh',
    caption: { zh: '权重', en: 'Weights' },
    columns: [
      { header: { zh: '名称', en: 'Name' } },
      { header: { zh: '权重', en: 'Weight' }, kind: 'number', decimals: 3 },
      { header: { zh: '排名', en: 'Rank' }, kind: 'integer' },
    ],
    rows: [
      ['a<b', 0.12345, 2],
      ['c', Number.NaN, null],
      [{ html: '<b>d</b>' }, -0.0001, 1],
    ],
    indent: [0, 1, 0],
    note: { zh: '注', en: 'Note' },
  });

  it('has a bilingual caption and header cells (chosen language first)', () => {
    expect(html).toContain('<caption>权重<br><span class="alt" lang="en">Weights</span></caption>');
    expect(html).toContain('<th>排名<br><span class="alt" lang="en">Rank</span></th>');
  });

  it('right-aligns numbers with fixed decimals; missing shows a dash; text escaped', () => {
    expect(html).toContain('<td class="num">0.123</td>');
    expect(html).toContain('<td class="num">2</td>');
    expect(html).toContain('<td class="num">—</td>');
    expect(html).toContain('<td class="num">0.000</td>');
    expect(html).toContain('a&lt;b');
    expect(html).toContain('<b>d</b>');
    expect(html).toContain('padding-left:1.9em');
    expect(html).toContain('<p class="table-note">注 <span class="alt" lang="en">Note</span></p>');
  });

  it('CSS: thick top and bottom rules, thin header rule, no vertical rules', () => {
    expect(THREE_LINE_CSS).toMatch(/border-top: 2px solid/);
    expect(THREE_LINE_CSS).toMatch(/border-bottom: 2px solid/);
    expect(THREE_LINE_CSS).toMatch(/thead th \{ border-bottom: 1px solid/);
    expect(THREE_LINE_CSS).not.toMatch(/border-(left|right)/);
  });

  it('fixed()', () => {
    expect(fixed(1.23456, 2)).toBe('1.23');
    expect(fixed(-0.0004, 3)).toBe('0.000');
    expect(fixed(Infinity, 2)).toBe('—');
    expect(fixed(undefined, 2)).toBe('—');
  });
});
