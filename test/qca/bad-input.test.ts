/**
 * Degenerate QCA inputs (issue 17): sets and levels no case belongs to, raw
 * data read as a multi-value set with a billion levels, a header without
 * cases, an expression no case belongs to and a calibration entry that is not
 * an object are named errors before any fit measure divides by 0.
 */
import { describe, expect, it } from 'vitest';
import { XinzhiError } from '../../src/core/errors.ts';
import type { RawTable } from '../../src/core/panel/raw-table.ts';
import { parseCalibrationSpec } from '../../src/core/qca/calibration-spec.ts';
import { setDataFromTable } from '../../src/core/qca/data.ts';
import { expressionFit } from '../../src/core/qca/expression.ts';

const table = (header: string[], rows: RawTable['rows']): RawTable => ({
  name: 'sets.csv',
  header,
  rows,
  firstDataRow: 2,
});

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(XinzhiError);
    return (e as XinzhiError).problems[0].code;
  }
  throw new Error('expected a XinzhiError');
}

const T = table(
  ['case', 'A', 'B', 'Z', 'M', 'Y'],
  [
    ['a', 0.2, 1, 0, 0, 1],
    ['b', 0.9, 0, 0, 2, 0],
    ['c', 0.6, 1, 0, 0, 1],
  ],
);

describe('qca: degenerate input', () => {
  it('a condition with membership 0 (or 1) in every case is named', () => {
    expect(code(() => setDataFromTable(T, { conditions: ['A', 'Z'], outcome: 'Y' }))).toBe('qca-empty-set');
    const ones = table(
      ['A', 'Y'],
      [
        [1, 1],
        [1, 0],
      ],
    );
    expect(code(() => setDataFromTable(ones, { conditions: ['A'], outcome: 'Y' }))).toBe('qca-empty-set');
  });

  it('a multi-value level no case has is named with the level', () => {
    try {
      setDataFromTable(T, { conditions: ['M'], outcome: 'Y' });
      throw new Error('expected a XinzhiError');
    } catch (e) {
      expect((e as XinzhiError).problems[0].message.en).toMatch(/M\[1\] occurs in no case/);
    }
  });

  it('raw whole numbers up to 1e9 are not read as a billion levels', () => {
    const raw = table(
      ['A', 'Y'],
      [
        [1_000_000_000, 1],
        [0, 0],
      ],
    );
    expect(code(() => setDataFromTable(raw, { conditions: ['A'], outcome: 'Y' }))).toBe('qca-too-many-levels');
  });

  it('a header without cases and an outcome level no case has are named', () => {
    expect(code(() => setDataFromTable(table(['A', 'Y'], []), { conditions: ['A'], outcome: 'Y' }))).toBe(
      'qca-no-cases',
    );
    expect(code(() => setDataFromTable(T, { conditions: ['A'], outcome: 'M[1]' }))).toBe('qca-empty-outcome');
  });

  it('an expression no case belongs to has no consistency: an error, not NaN', () => {
    // A and B never together: A*B has membership 0 in every case
    const t = table(
      ['A', 'B', 'Y'],
      [
        [1, 0, 1],
        [0, 1, 0],
        [1, 0, 0],
        [0, 1, 1],
      ],
    );
    const { data } = setDataFromTable(t, { conditions: ['A', 'B'], outcome: 'Y' });
    expect(code(() => expressionFit(data, 'A*B'))).toBe('qca-empty-expression');
    expect(expressionFit(data, 'A + B').sufficiency.inclS).toBe(0.5);
  });

  it('a calibration entry that is not an object is a spec problem', () => {
    expect(code(() => parseCalibrationSpec({ columns: { A: null } }, 'calibration.json'))).toBe('qca-calibration-spec');
  });
});
