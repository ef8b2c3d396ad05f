import { describe, expect, it } from 'vitest';
import { groupByTime, rankingTable, robustnessTable } from '../../src/adapters/cli/evaluate.ts';
import type { Problem } from '../../src/core/errors.ts';
import { evaluate } from '../../src/core/measure/evaluate.ts';
import type { EvaluationResult } from '../../src/core/measure/result.ts';
import { rankRobustness } from '../../src/core/measure/robustness.ts';
import { LARGE_PANEL_UNITS, SHOWN_AT_EACH_END, mostMoved } from '../../src/adapters/report/large-panel.ts';
import { syntheticPanel, syntheticSpec } from '../sql/fixture.ts';

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

describe('terminal tables of large panels', () => {
  const bigPanel = syntheticPanel(LARGE_PANEL_UNITS + 50, 3);
  const big = evaluate(bigPanel, syntheticSpec());
  big.robustness = rankRobustness(bigPanel, big, { threshold: 0 });
  const smallPanel = syntheticPanel(30, 3);
  const small = evaluate(smallPanel, syntheticSpec());
  small.robustness = rankRobustness(smallPanel, small, { threshold: 0 });
  const latest = (r: EvaluationResult) =>
    r.scores.filter((s) => s.time === r.times[r.times.length - 1]).sort((a, b) => a.rank! - b.rank!);
  // the rank column opens a line: lines that start with a number are the table's rows
  const ranksShown = (text: string) =>
    text
      .split('\n')
      .filter((l) => /^\d+ {2,}/.test(l))
      .map((l) => Number(l.split(/\s+/)[0]));

  it('list the first and last units, mark the gap and name scores.csv', () => {
    const text = rankingTable(big, 'en');
    const n = big.units.length;
    const want = [...Array.from({ length: SHOWN_AT_EACH_END }, (_, i) => i + 1)];
    for (let i = n - SHOWN_AT_EACH_END + 1; i <= n; i++) want.push(i);
    expect(ranksShown(text)).toEqual(want);
    const lines = text.split('\n');
    expect(lines[lines.findIndex((l) => l.startsWith(`${SHOWN_AT_EACH_END} `)) + 1]).toBe('…');
    expect(text).toContain(`${n} units: the first and last ${SHOWN_AT_EACH_END} by rank are listed here`);
    expect(text).toContain('scores.csv');
    expect(rankingTable(big, 'zh')).toContain(`共 ${n} 个单位`);
  });

  it('show the first n with --top, and the chosen units with their ranks', () => {
    const text = rankingTable(big, 'en', 5);
    expect(ranksShown(text)).toEqual([1, 2, 3, 4, 5]);
    expect(text).toContain(`… ${big.units.length - 5} more units (change with --top)`);
    const rows = latest(big);
    const picked = [rows[100], rows[7]];
    const chosen = rankingTable(big, 'en', 5, [picked[0].unit, picked[1].unit]);
    const after = chosen.slice(chosen.indexOf('Chosen units (--units):'));
    expect(ranksShown(after)).toEqual([picked[0].rank, picked[1].rank]);
    expect(after).toContain(picked[0].score.toFixed(4));
  });

  it('list every unit of a small panel', () => {
    expect(ranksShown(rankingTable(small, 'en'))).toEqual(latest(small).map((r) => r.rank));
    expect(rankingTable(small, 'en')).not.toContain('left out');
  });

  it('list the unit-times that move most, with a count instead of a sentence per unit', () => {
    const r = big.robustness!;
    const text = robustnessTable(big, 'en');
    const shown = mostMoved(r.rows);
    expect(ranksShown(text)).toEqual(shown.map((x) => x.nominalRank));
    const moved = r.rows.filter((x) => x.shift > 0).length;
    expect(text).toContain(`Of ${r.rows.length} unit-times, ${moved} move by more than 0 places`);
    expect(text).toContain('robustness.csv');
    expect(text).not.toContain('moves with the weighting method: ranked');
    expect(ranksShown(robustnessTable(big, 'en', 3))).toEqual(shown.slice(0, 3).map((x) => x.nominalRank));
  });

  it('keep a small panel robustness table whole, with its sentences', () => {
    const r = small.robustness!;
    const text = robustnessTable(small, 'en');
    expect(ranksShown(text)).toEqual(r.rows.map((x) => x.nominalRank));
    for (const s of r.sentences) expect(text).toContain(s.en);
  });
});
