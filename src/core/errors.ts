/**
 * Errors and problem reports. Every problem names where it is (file, row,
 * column) and how to fix it, in Chinese and English. Validation collects
 * several problems before failing, so a user sees them all at once.
 */
import type { Bilingual } from './i18n.ts';

export type Severity = 'error' | 'warning';

export interface Problem {
  /** Stable machine-readable code, e.g. "non-numeric", "duplicate-row". */
  code: string;
  severity: Severity;
  message: Bilingual;
  /** How to fix it. */
  fix?: Bilingual;
  file?: string;
  /** 1-based row number in the file as a spreadsheet shows it (header = row 1). */
  row?: number;
  column?: string;
  /** Unit / time where the problem is about a panel cell rather than a file row. */
  unit?: string;
  time?: string | number;
}

/** Format one problem on one line in the chosen language. */
export function formatProblem(p: Problem, lang: 'zh' | 'en' = 'en'): string {
  const where: string[] = [];
  if (p.file) where.push(lang === 'zh' ? `文件 ${p.file}` : `file ${p.file}`);
  if (p.row !== undefined) where.push(lang === 'zh' ? `第 ${p.row} 行` : `row ${p.row}`);
  if (p.column !== undefined) where.push(lang === 'zh' ? `列 "${p.column}"` : `column "${p.column}"`);
  if (p.unit !== undefined) where.push(lang === 'zh' ? `单位 ${p.unit}` : `unit ${p.unit}`);
  if (p.time !== undefined) where.push(lang === 'zh' ? `时间 ${p.time}` : `time ${p.time}`);
  const head = where.length ? `${where.join(', ')}: ` : '';
  const fix = p.fix ? (lang === 'zh' ? ` 修正：${p.fix.zh}` : ` Fix: ${p.fix.en}`) : '';
  return `${p.severity === 'error' ? (lang === 'zh' ? '错误' : 'error') : lang === 'zh' ? '警告' : 'warning'}: ${head}${p.message[lang]}${fix}`;
}

/** Thrown when input cannot be used; carries every problem found. */
export class XinzhiError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[] | Problem) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map((p) => formatProblem(p, 'en')).join('\n'));
    this.name = 'XinzhiError';
    this.problems = list;
  }
  /** Message in one language, one problem a line. */
  format(lang: 'zh' | 'en'): string {
    return this.problems.map((p) => formatProblem(p, lang)).join('\n');
  }
}

/** Throw a XinzhiError if any of the problems is an error (warnings pass). */
export function throwIfErrors(problems: Problem[]): void {
  if (problems.some((p) => p.severity === 'error'))
    throw new XinzhiError(problems.filter((p) => p.severity === 'error'));
}
