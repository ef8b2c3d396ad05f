/**
 * Firm and year of an annual report from its file name, as downloaded from
 * exchange and CNINFO listings: a six-digit stock code, often the firm's
 * short name, the report year before 年年度报告 / 年度报告 / 年报, sometimes a
 * publication date; 摘要 marks the summary, 英文 the English version, 修订 /
 * 更新 / 更正 a revised version. A custom pattern with named groups `firm`
 * and `year` replaces the built-in reading.
 */
import { bi, type Bilingual } from '../i18n.ts';

export type ReportKind = 'annual' | 'summary' | 'english';

export interface ReportName {
  file: string;
  firm: string;
  year: number;
  kind: ReportKind;
  revised: boolean;
}

export type NameReading = { ok: true; name: ReportName } | { ok: false; file: string; reason: Bilingual };

const basename = (file: string): string => file.split(/[\\/]/).pop() ?? file;

/**
 * Read firm, year and kind from a file name.
 * @example parseReportName('600519_贵州茅台_2021年年度报告.pdf') // { ok: true, name: { firm: '600519', year: 2021, ... } }
 */
export function parseReportName(file: string, pattern?: RegExp): NameReading {
  const base = basename(file);
  const stem = base.replace(/\.[A-Za-z0-9]+$/, '');
  const kind: ReportKind = /英文|english/i.test(stem) ? 'english' : /摘要|summary/i.test(stem) ? 'summary' : 'annual';
  const revised = /修订|更新|更正|补充|revised/i.test(stem);
  if (pattern) {
    const m = pattern.exec(base);
    const firm = m?.groups?.firm;
    const year = Number(m?.groups?.year);
    if (!firm || !Number.isInteger(year)) {
      return {
        ok: false,
        file,
        reason: bi(
          `文件名不符合给定模式 ${pattern.source}`,
          `the file name does not match the pattern ${pattern.source}`,
        ),
      };
    }
    return { ok: true, name: { file, firm, year, kind, revised } };
  }
  const code = /(?<![0-9])([0-9]{6})(?![0-9])/.exec(stem);
  if (!code)
    return { ok: false, file, reason: bi('文件名中没有六位股票代码', 'no six-digit stock code in the file name') };
  const rest = stem.slice(0, code.index) + ' ' + stem.slice(code.index + 6);
  const labelled = /((?:19|20)[0-9]{2})\s*年?\s*(?:年度报告|年报|annual)/i.exec(rest);
  const years = [
    ...rest
      .replace(/(?:19|20)[0-9]{2}[-_.年][01]?[0-9][-_.月][0-3]?[0-9]/g, ' ')
      .matchAll(/(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])/g),
  ].map((m) => Number(m[1]));
  const year = labelled ? Number(labelled[1]) : new Set(years).size === 1 ? years[0] : NaN;
  if (!Number.isInteger(year)) {
    return {
      ok: false,
      file,
      reason:
        years.length > 1
          ? bi(
              `文件名中有多个年份（${years.join(', ')}），无法确定报告年度`,
              `several years in the file name (${years.join(', ')}): the report year is unclear`,
            )
          : bi('文件名中没有报告年度', 'no report year in the file name'),
    };
  }
  return { ok: true, name: { file, firm: code[1], year, kind, revised } };
}

export interface ReportChoice {
  chosen: ReportName[];
  skipped: Array<{ file: string; reason: Bilingual }>;
}

/**
 * Keep one report per firm and year: the full Chinese report, a revised
 * version before the original; summaries and English versions are skipped
 * with their reason, as are the versions a revision replaces.
 * @example chooseReports([a2020, a2020revised]).chosen // [a2020revised]
 */
export function chooseReports(names: ReportName[]): ReportChoice {
  const skipped: ReportChoice['skipped'] = [];
  const byKey = new Map<string, ReportName[]>();
  for (const n of names) {
    if (n.kind !== 'annual') {
      skipped.push({
        file: n.file,
        reason:
          n.kind === 'summary'
            ? bi('年报摘要，使用年度报告全文', 'report summary: the full annual report is used')
            : bi('英文版，使用中文全文', 'English version: the full Chinese report is used'),
      });
      continue;
    }
    const key = `${n.firm}\u0000${n.year}`;
    byKey.set(key, [...(byKey.get(key) ?? []), n]);
  }
  const chosen: ReportName[] = [];
  for (const list of byKey.values()) {
    const ordered = [...list].sort((a, b) => Number(b.revised) - Number(a.revised) || a.file.localeCompare(b.file));
    chosen.push(ordered[0]);
    for (const other of ordered.slice(1)) {
      skipped.push({
        file: other.file,
        reason: bi(
          `同一公司年度已有 ${basename(ordered[0].file)}`,
          `${basename(ordered[0].file)} is used for the same firm and year`,
        ),
      });
    }
  }
  chosen.sort((a, b) => a.firm.localeCompare(b.firm) || a.year - b.year);
  return { chosen, skipped };
}
