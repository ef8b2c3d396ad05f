/**
 * The fast path of cell reading accepts exactly the strings the regular
 * expression of plain decimals accepts (cells.ts), on hand-picked cases and
 * on random strings over the characters that matter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainDecimal } from '../../src/core/panel/cells.ts';

const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

describe('isPlainDecimal', () => {
  it('agrees with the regular expression on edge cases', () => {
    const cases = [
      '',
      '+',
      '-',
      '.',
      '1',
      '-1',
      '+1.',
      '.5',
      '-.5',
      '1.2.3',
      '1e5',
      '1e',
      '1e+',
      'e5',
      '1.e-3',
      '.e1',
      '1..2',
      ' 1',
      '1 ',
      '１',
      '1,000',
      '0x10',
      'Infinity',
      '--1',
      '1e5.0',
      '1E-07',
    ];
    for (const s of cases) expect(isPlainDecimal(s), JSON.stringify(s)).toBe(PLAIN.test(s));
  });
  it('agrees with the regular expression on random strings', () => {
    const ch = fc.constantFrom('0', '1', '9', '.', '+', '-', 'e', 'E', ' ', ',', 'x');
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 8 }), (a) => isPlainDecimal(a.join('')) === PLAIN.test(a.join(''))),
      { numRuns: 20000, seed: 7 },
    );
  });
});
