/**
 * The answers file of `xinzhi assess` (JSON or YAML): either a plain map of
 * item id → answer, or `{"answers": {...}, "excludedPaths": [...],
 * "importance": {mainCategory: 1–5}, "targets": {mainCategory: 0–100}}`.
 * Problems name the file and the field; nothing is dropped.
 *
 * @example checkAssessmentInput({ answers: { 's000.trust-basis': { level: 3 } } }, 'a.json').answers
 */
import { XinzhiError, type Problem } from '../errors.ts';
import { bi } from '../i18n.ts';
import type { ReportOptions } from './report.ts';
import type { Answers } from './types.ts';

export interface AssessmentInput extends ReportOptions {
  answers: Answers;
  excludedPaths: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkAssessmentInput(raw: unknown, file: string): AssessmentInput {
  const problems: Problem[] = [];
  const bad = (column: string, zh: string, en: string, fixZh: string, fixEn: string) =>
    problems.push({
      code: 'bad-assessment-input',
      severity: 'error',
      file,
      column,
      message: bi(zh, en),
      fix: bi(fixZh, fixEn),
    });
  if (!isObject(raw)) {
    bad(
      '(file)',
      '应为对象',
      'must be an object',
      '写成 {"answers": {题目编号: 答案}}。',
      'Write {"answers": {item id: answer}}.',
    );
    throw new XinzhiError(problems);
  }
  const wrapped = 'answers' in raw;
  const answersRaw = wrapped ? raw.answers : raw;
  const answers: Answers = {};
  if (!isObject(answersRaw))
    bad(
      'answers',
      'answers 应为对象',
      'answers must be an object',
      '写成 {题目编号: 答案}。',
      'Write {item id: answer}.',
    );
  else
    for (const [id, v] of Object.entries(answersRaw)) {
      const ok =
        isObject(v) &&
        Object.keys(v).length === 1 &&
        (('level' in v && typeof v.level === 'number') ||
          ('value' in v && typeof v.value === 'number') ||
          ('options' in v && Array.isArray(v.options) && v.options.every((o) => typeof o === 'string')) ||
          ('na' in v && v.na === true));
      if (ok) answers[id] = v as Answers[string];
      else
        bad(
          `answers.${id}`,
          '答案格式不对',
          'is not an answer',
          '写 {"level": 0–5}、{"options": [选项编号]}、{"value": 数值} 或 {"na": true}。',
          'Write {"level": 0–5}, {"options": [option ids]}, {"value": number} or {"na": true}.',
        );
    }
  const excluded = wrapped ? (raw.excludedPaths ?? []) : [];
  if (!Array.isArray(excluded) || !excluded.every((p) => typeof p === 'string'))
    bad(
      'excludedPaths',
      '应为路径编号列表',
      'must be a list of path ids',
      '例如 ["s000.path.cooperation"]。',
      'e.g. ["s000.path.cooperation"].',
    );
  const numbers = (key: 'importance' | 'targets', lo: number, hi: number): Record<string, number> | undefined => {
    const v = wrapped ? raw[key] : undefined;
    if (v === undefined) return undefined;
    if (!isObject(v)) {
      bad(key, '应为对象', 'must be an object', '写成 {主范畴编号: 数值}。', 'Write {main category id: number}.');
      return undefined;
    }
    for (const [k, x] of Object.entries(v))
      if (typeof x !== 'number' || !Number.isFinite(x) || x < lo || x > hi)
        bad(
          `${key}.${k}`,
          `应为 ${lo}–${hi} 的数`,
          `must be a number from ${lo} to ${hi}`,
          `改成 ${lo} 到 ${hi} 之间的数。`,
          `Use a number from ${lo} to ${hi}.`,
        );
    return v as Record<string, number>;
  };
  const importance = numbers('importance', 1, 5);
  const targets = numbers('targets', 0, 100);
  if (problems.length > 0) throw new XinzhiError(problems);
  return { answers, excludedPaths: excluded as string[], importance, targets };
}
