import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/adapters/cli/util.ts';

describe('textWidth (terminal columns)', () => {
  it('counts CJK and fullwidth characters as two columns, others as one', () => {
    expect(textWidth('北京 ab')).toBe(7);
    expect(textWidth('（全角）')).toBe(8);
    expect(textWidth('')).toBe(0);
    expect(textWidth('NQPF')).toBe(4);
  });
});
