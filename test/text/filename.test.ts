import { describe, expect, it } from 'vitest';
import { chooseReports, parseReportName, type ReportName } from '../../src/core/text/filename.ts';

const name = (file: string): ReportName => {
  const r = parseReportName(file);
  if (!r.ok) throw new Error(r.reason.en);
  return r.name;
};

describe('parseReportName', () => {
  it('reads the usual download names', () => {
    expect(name('600519_贵州茅台_2021年年度报告.pdf')).toMatchObject({
      firm: '600519',
      year: 2021,
      kind: 'annual',
      revised: false,
    });
    expect(name('reports/000001平安银行2019年年度报告（修订版）.PDF')).toMatchObject({
      firm: '000001',
      year: 2019,
      revised: true,
    });
    expect(name('300750_宁德时代_2020年年度报告摘要.pdf').kind).toBe('summary');
    expect(name('688981_中芯国际_2022年年度报告（英文版）.pdf').kind).toBe('english');
    expect(name('000002_2020_万科A_2021-03-31.pdf')).toMatchObject({ firm: '000002', year: 2020 });
    expect(name('600000-2018-annual.txt').year).toBe(2018);
  });

  it('says why a name cannot be placed', () => {
    const noCode = parseReportName('贵州茅台2021年年度报告.pdf');
    expect(noCode.ok).toBe(false);
    const twoYears = parseReportName('600519_2020_2021.pdf');
    expect(twoYears.ok ? '' : twoYears.reason.en).toMatch(/several years/);
  });

  it('takes a custom pattern with named groups', () => {
    const r = parseReportName('firm-600519-y2021.pdf', /firm-(?<firm>\d+)-y(?<year>\d{4})/);
    expect(r.ok && r.name).toMatchObject({ firm: '600519', year: 2021 });
    expect(parseReportName('other.pdf', /firm-(?<firm>\d+)-y(?<year>\d{4})/).ok).toBe(false);
  });
});

describe('chooseReports', () => {
  it('prefers the full Chinese report and a revision; skips the rest with reasons', () => {
    const files = [
      '600519_2021年年度报告.pdf',
      '600519_2021年年度报告（修订版）.pdf',
      '600519_2021年年度报告摘要.pdf',
      '600519_2021年年度报告（英文版）.pdf',
      '600519_2020年年度报告.pdf',
    ];
    const got = chooseReports(files.map(name));
    expect(got.chosen.map((c) => c.file)).toEqual(['600519_2020年年度报告.pdf', '600519_2021年年度报告（修订版）.pdf']);
    expect(got.skipped.map((s) => s.file).sort()).toEqual([files[0], files[2], files[3]].sort());
  });
});
