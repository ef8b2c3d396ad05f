/** The clipboard form of a table: TSV for spreadsheets, a three-line HTML table for Word. */
import { describe, expect, it } from 'vitest';
import { tableClipboard } from '../../src/adapters/web/copy-table.ts';

describe('copy table', () => {
  const c = tableClipboard('表 1 Scores', [
    ['Unit', 'Score'],
    ['Beijing', '0.8123'],
    ['A\tB <x>', '0.1\n'],
  ]);
  it('keeps rows and columns in the TSV, cleaning tabs and breaks inside cells', () => {
    expect(c.tsv).toBe('Unit\tScore\nBeijing\t0.8123\nA B <x>\t0.1');
  });
  it('writes a three-line HTML table with escaped text and rules at top, under the header and at the bottom', () => {
    expect(c.html).toContain('<caption>表 1 Scores</caption>');
    expect(c.html).toContain('A B &lt;x&gt;');
    expect(c.html.match(/border-top:1\.5pt/g)).toHaveLength(2);
    expect(c.html.match(/border-bottom:0\.75pt/g)).toHaveLength(2);
    expect(c.html.match(/border-bottom:1\.5pt/g)).toHaveLength(2);
  });
});
