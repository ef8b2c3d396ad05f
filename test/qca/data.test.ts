import { describe, expect, it } from 'vitest';
import { setDataFromTable } from '../../src/core/qca/data.ts';
import type { RawTable } from '../../src/core/panel/raw-table.ts';
import { XinzhiError } from '../../src/core/errors.ts';

const table = (header: string[], rows: RawTable['rows']): RawTable => ({
  name: 'sets.csv',
  header,
  rows,
  firstDataRow: 2,
});

describe('set data from a table', () => {
  it('reads fuzzy and multi-value columns, negates the outcome and picks an outcome level', () => {
    const t = table(
      ['case', 'A', 'M', 'Y'],
      [
        ['a', 0.2, 0, 1],
        ['b', 0.9, 2, 0],
        ['c', 0.6, 1, 1],
      ],
    );
    const { data } = setDataFromTable(t, { conditions: ['A', 'M'], outcome: '~Y' });
    expect(data.conditions.map((c) => [c.kind, c.levels])).toEqual([
      ['fuzzy', 2],
      ['multi', 3],
    ]);
    expect(data.outcome).toEqual([0, 1, 0]);
    expect(setDataFromTable(t, { conditions: ['A'], outcome: 'M[2]' }).data.outcome).toEqual([0, 1, 0]);
  });
  it('names file, row and column of a bad cell, and the fix', () => {
    const t = table(
      ['case', 'A', 'Y'],
      [
        ['a', 0.2, 1],
        ['b', '', 0],
        ['c', 37.5, 1],
      ],
    );
    try {
      setDataFromTable(t, { conditions: ['A'], outcome: 'Y' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(XinzhiError);
      expect((e as XinzhiError).problems[0]).toMatchObject({ file: 'sets.csv', row: 3, column: 'A' });
    }
    const t2 = table(
      ['case', 'A', 'Y'],
      [
        ['a', 0.2, 1],
        ['b', 37.5, 0],
      ],
    );
    expect(() => setDataFromTable(t2, { conditions: ['A'], outcome: 'Y' })).toThrow(/calibrate the column first/);
    const mixed = table(
      ['case', 'M', 'Y'],
      [
        ['a', 0.5, 1],
        ['b', 2, 0],
      ],
    );
    expect(() => setDataFromTable(mixed, { conditions: ['M'], outcome: 'Y' })).toThrow(/neither a membership/);
  });
  it('suggests the closest column name, rejects duplicate cases and an outcome listed as a condition', () => {
    const t = table(
      ['case', 'DEV', 'Y'],
      [
        ['a', 0.2, 1],
        ['a', 0.3, 0],
      ],
    );
    expect(() => setDataFromTable(t, { conditions: ['dev'], outcome: 'Y' })).toThrow(/did you mean "DEV"/);
    expect(() => setDataFromTable(t, { conditions: ['DEV'], outcome: 'Y' })).toThrow(/repeats/);
    expect(() => setDataFromTable(t, { conditions: ['DEV', 'Y'], outcome: 'Y' })).toThrow(/also listed as a condition/);
    expect(() =>
      setDataFromTable(
        table(
          ['M', 'Y'],
          [
            [2, 1],
            [0, 3],
          ],
        ),
        { conditions: ['M'], outcome: 'Y' },
      ),
    ).toThrow(/needs a level/);
  });
  it('warns about memberships of exactly 0.5 without changing them', () => {
    const t = table(
      ['case', 'A', 'Y'],
      [
        ['a', 0.5, 1],
        ['b', 0.9, 0],
      ],
    );
    const { data, warnings } = setDataFromTable(t, { conditions: ['A'], outcome: 'Y' });
    expect(data.conditions[0].values[0]).toBe(0.5);
    expect(warnings[0]).toMatchObject({ code: 'qca-half-membership', row: 2, column: 'A', unit: 'a' });
  });
});
