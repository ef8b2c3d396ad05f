import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { INDEX_ID } from '../../src/core/measure/result.ts';
import { BOM, csvField, scoresCsv, toCsv, weightsCsv } from '../../src/adapters/report/csv.ts';
import { makeFixture } from './fixture.ts';

/** Parse a CSV written by us: strip the BOM, keep strings (numbers compared via Number()). */
function parse(text: string): string[][] {
  expect(text.startsWith(BOM)).toBe(true);
  const out = Papa.parse<string[]>(text.slice(1), {
    header: false,
    skipEmptyLines: true,
    newline: '\r\n',
    delimiter: ',',
  });
  expect(out.errors).toEqual([]);
  return out.data;
}

describe('csvField / toCsv (RFC 4180)', () => {
  it('quotes commas, quotes, line breaks and padded text; doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(NaN)).toBe('');
    expect(csvField(Infinity)).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(1e-7)).toBe('1e-7');
  });

  it('ends every record with CRLF and starts with a BOM', () => {
    const text = toCsv(['a', 'b'], [[1, 'x,y']]);
    expect(text).toBe(`${BOM}a,b\r\n1,"x,y"\r\n`);
  });

  it('round-trips awkward text through papaparse', () => {
    const cells = ['北京, "首都"', 'line1\r\nline2', '  spaces  ', '""'];
    const rows = parse(
      toCsv(
        ['h'],
        cells.map((c) => [c]),
      ),
    );
    expect(rows.slice(1).map((r) => r[0])).toEqual(cells);
  });
});

describe('scoresCsv', () => {
  const result = makeFixture({ units: ['Beijing', 'Guangxi, "Zhuang"', 'Tibet'] });
  const rows = parse(scoresCsv(result, 'zh'));
  const header = rows[0];

  it('has bilingual headers', () => {
    expect(header.slice(0, 5)).toEqual([
      '单位 / Unit',
      '名称 / Name',
      '时间 / Time',
      '新质生产力指数得分 / NQPF index score',
      '新质生产力指数排名 / NQPF index rank',
    ]);
    expect(header).toContain('劳动者技能得分 / Labour skills score');
  });

  it('carries every index and node score exactly (one row per unit and time)', () => {
    expect(rows.length - 1).toBe(result.units.length * result.times.length);
    const nodes = ['index', 'labor', 'tech', 'labor.skill'];
    for (const r of rows.slice(1)) {
      const unit = r[0];
      const time = Number(r[2]);
      nodes.forEach((node, k) => {
        const expected = result.nodeScores.find((s) => s.node === node && s.unit === unit && s.time === time)!;
        expect(Number(r[3 + 2 * k])).toBe(expected.score);
        expect(Number(r[4 + 2 * k])).toBe(expected.rank);
      });
    }
  });

  it('keeps units with commas and quotes intact', () => {
    expect(rows.slice(1).map((r) => r[0])).toContain('Guangxi, "Zhuang"');
  });

  it('adds the display name in the chosen language next to the raw unit, only when a unit is a province', () => {
    expect(rows.slice(1, 4).map((r) => r.slice(0, 2))).toEqual([
      ['Beijing', '北京'],
      ['Guangxi, "Zhuang"', 'Guangxi, "Zhuang"'],
      ['Tibet', '西藏'],
    ]);
    const en = parse(scoresCsv(makeFixture({ units: ['北京', 'Guangdong', '540000'] }), 'en'));
    expect(en.slice(1, 4).map((r) => r.slice(0, 2))).toEqual([
      ['北京', 'Beijing'],
      ['Guangdong', 'Guangdong'],
      ['540000', 'Tibet'],
    ]);
    const firms = parse(scoresCsv(makeFixture({ units: ['Firm A', 'Firm B'] }), 'zh'));
    expect(firms[0].slice(0, 3)).toEqual(['单位 / Unit', '时间 / Time', '新质生产力指数得分 / NQPF index score']);
    expect(firms[1][0]).toBe('Firm A');
  });

  it('numbers survive papaparse dynamic typing unchanged', () => {
    const typed = Papa.parse<Record<string, unknown>>(scoresCsv(result, 'en').slice(1), {
      header: true,
      dynamicTyping: true,
      skipEmptyLines: true,
    });
    const idx = result.nodeScores.filter((s) => s.node === INDEX_ID);
    const got = typed.data.map((r) => r['新质生产力指数得分 / NQPF index score']);
    expect(got).toEqual(
      result.times.flatMap((t) => result.units.map((u) => idx.find((s) => s.unit === u && s.time === t)!.score)),
    );
  });
});

describe('weightsCsv', () => {
  it('lists nodes and indicators in hierarchy order with exact weights', () => {
    const result = makeFixture();
    const rows = parse(weightsCsv(result, 'en'));
    expect(rows[0]).toEqual([
      '编号 / ID',
      '类型 / Kind',
      '上级 / Parent',
      '层级 / Level',
      '名称 / Name',
      '数据列 / Data column',
      '方向 / Direction',
      '局部权重 / Local weight',
      '全局权重 / Global weight',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['labor', 'labor.skill', 'x1', 'x2', 'tech', 'x3', 'x4']);
    for (const r of rows.slice(1)) {
      const w = result.nodeWeights.find((n) => n.id === r[0])!;
      expect(Number(r[7])).toBe(w.local);
      expect(Number(r[8])).toBe(w.global);
    }
    const x4 = rows.find((r) => r[0] === 'x4')!;
    expect(x4[5]).toBe('Energy, "per GDP"');
    expect(x4[6]).toBe('-');
    expect(x4[4]).toBe('x4');
    expect(rows.find((r) => r[0] === 'x1')![4]).toBe('R&D personnel');
    expect(rows.find((r) => r[0] === 'x1')![3]).toBe('3');
  });

  it('adds local and global weight columns per time for by-time weights', () => {
    const result = makeFixture({ byTime: true });
    const rows = parse(weightsCsv(result, 'zh'));
    expect(rows[0].slice(9)).toEqual([
      '局部权重 2013 / Local weight 2013',
      '全局权重 2013 / Global weight 2013',
      '局部权重 2014 / Local weight 2014',
      '全局权重 2014 / Global weight 2014',
      '局部权重 2015 / Local weight 2015',
      '全局权重 2015 / Global weight 2015',
    ]);
    const x3 = rows.find((r) => r[0] === 'x3')!;
    const w = result.nodeWeights.find((n) => n.id === 'x3')!.byTime!;
    expect(x3.slice(9).map(Number)).toEqual(['2013', '2014', '2015'].flatMap((k) => [w[k].local, w[k].global]));
    expect(x3[1]).toBe('指标');
  });
});
