/**
 * Helpers shared by CLI commands: language choice, JSON output, failures.
 */
import { XinzhiError } from '../../core/errors.ts';
import { bi, type Bilingual, type Lang } from '../../core/i18n.ts';
import { outputReplacer } from '../report/json.ts';
import { jsonTextPieces } from '../report/json-text.ts';

export { lazyRows } from '../report/json-text.ts';

/**
 * The error for a command-line option with an invalid value: names the option
 * and the value, and says the fix (a bilingual hint, or the list of choices).
 * @example throw badOption('--rule', 'x', ['longest', 'all'])
 */
export function badOption(option: string, value: string, fix: Bilingual | readonly string[]): XinzhiError {
  const hint = Array.isArray(fix)
    ? bi(`可选：${fix.join(', ')}`, `choose one of ${fix.join(', ')}`)
    : (fix as Bilingual);
  return new XinzhiError({
    code: 'bad-option',
    severity: 'error',
    column: option,
    message: bi(`选项 ${option} 的值 "${value}" 无效`, `invalid ${option} "${value}"`),
    fix: hint,
  });
}

/** A whole-number option ≥ 1 (e.g. --jobs), undefined when not given; otherwise a bad-option error. */
export function positiveIntOption(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw badOption(option, value, bi('须为正整数，例如 2', 'a positive integer, e.g. 2'));
  return n;
}

/** Language from --lang, else from the environment (zh when LANG/LC_ALL starts with "zh"), else English. */
export function pickLang(flag?: string): Lang {
  if (flag === 'zh' || flag === 'en') return flag;
  if (flag !== undefined) throw badOption('--lang', flag, ['zh', 'en']);
  const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return env.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/**
 * Print one JSON document to stdout (the --json contract: nothing else on
 * stdout): the text of JSON.stringify(value, jsonReplacer, 2), written in
 * blocks as it is made (report/json-text.ts jsonTextPieces), so a firm
 * panel's rows never make one giant string. A member given as
 * `lazyRows(count, row)` is written as the array of row(0), …,
 * row(count − 1), each made when its turn comes.
 * @example printJson({ ideal: 1, rows: lazyRows(n, (i) => rowAt(i)) })
 */
export function printJson(value: unknown): void {
  let block = '';
  for (const piece of jsonTextPieces(value)) {
    block += piece;
    if (block.length >= 1 << 16) {
      process.stdout.write(block); // synchronous for files, pipes and terminals on Linux
      block = '';
    }
  }
  process.stdout.write(`${block}\n`);
}

/**
 * JSON replacer for --json output: the same one results.json uses (typed arrays
 * become arrays, NaN and ±Infinity become null), so both documents agree.
 */
export const jsonReplacer = outputReplacer;

/** Print an error to stderr in both languages and exit non-zero. */
export function reportFailure(err: unknown): never {
  if (err instanceof XinzhiError) {
    process.stderr.write(err.format('zh') + '\n' + err.format('en') + '\n');
    process.exit(2);
  }
  // an unexpected failure: a plain bilingual message; the stack only when asked for (XINZHI_DEBUG=1)
  const msg = err instanceof Error ? err.message : String(err);
  const stack = process.env.XINZHI_DEBUG && err instanceof Error && err.stack ? `\n${err.stack}` : '';
  process.stderr.write(
    `内部错误：${msg}\n  这是 xinzhi 的缺陷，请附上命令与数据报告；设置 XINZHI_DEBUG=1 可显示调用栈。\n` +
      `internal error: ${msg}\n  This is a bug in xinzhi: please report it with the command and the data; set XINZHI_DEBUG=1 to see the stack.${stack}\n`,
  );
  process.exit(1);
}

/** East Asian wide and fullwidth ranges (Unicode UAX #11, W and F), which take two terminal columns. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/**
 * Columns a text takes in a terminal: two for each CJK (wide or fullwidth)
 * character, one for any other, for aligning bilingual tables.
 * @example textWidth('北京 ab') // 7
 */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}
