import { describe, expect, it } from 'vitest';
import { groupByTime } from '../../src/adapters/cli/evaluate.ts';
import type { Problem } from '../../src/core/errors.ts';

const dropped = (unit: string, time: number, row: number): Problem => ({
  code: 'row-dropped',
  severity: 'warning',
  file: 'd.csv',
  unit,
  time,
  row,
  message: { zh: '此行因缺失值被删除', en: 'Row dropped for missing values' },
});

describe('terminal warnings', () => {
  it('merge warnings that differ only in time, with year ranges', () => {
    const merged = groupByTime(
      [2013, 2014, 2015, 2018].map((t, i) => dropped('Tibet', t, 250 + i)).concat([dropped('Hainan', 2020, 90)]),
    );
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({ unit: 'Tibet', time: '2013–2015, 2018' });
    expect(merged[0].row).toBeUndefined();
    expect(merged[1]).toEqual(dropped('Hainan', 2020, 90));
  });

  it('keep warnings with different messages apart', () => {
    const a = dropped('Tibet', 2013, 1);
    const b = { ...dropped('Tibet', 2014, 2), message: { zh: '其他', en: 'other' } };
    expect(groupByTime([a, b])).toEqual([a, b]);
  });
});
