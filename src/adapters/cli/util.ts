/**
 * Helpers shared by CLI commands: language choice, JSON output, failures.
 */
import { XinzhiError } from '../../core/errors.ts';
import { bi, type Bilingual, type Lang } from '../../core/i18n.ts';
import { outputReplacer } from '../report/json.ts';

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
 * blocks as it is made (jsonTextPieces), so a firm panel's rows never make one
 * giant string. A member given as `lazyRows(count, row)` is written as the
 * array of row(0), …, row(count − 1), each made when its turn comes.
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

/** An array printJson writes element by element, each made by `row(i)` when written. */
export class LazyRows {
  constructor(
    readonly count: number,
    readonly row: (i: number) => unknown,
  ) {}
}

/** A LazyRows of `count` rows made by `row` (printJson). */
export const lazyRows = (count: number, row: (i: number) => unknown): LazyRows => new LazyRows(count, row);

/** Arrays at least this long are written element by element. */
const LONG_ARRAY = 256;

/**
 * The text of JSON.stringify(value, jsonReplacer, 2) in pieces (joined, the
 * same string; LazyRows as arrays): objects near the top and long arrays are
 * laid out member by member, everything else is stringified whole and
 * indented to its depth (a JSON text has no raw line breaks in strings, so
 * indenting after each line break is exact).
 */
export function* jsonTextPieces(value: unknown, depth = 0): Generator<string> {
  const pad = '  '.repeat(depth + 1);
  const end = '  '.repeat(depth);
  if (isLong(value)) {
    const [count, at] = value instanceof LazyRows ? [value.count, value.row] : [value.length, (i: number) => value[i]];
    if (count === 0) {
      yield '[]';
      return;
    }
    yield '[\n';
    for (let i = 0; i < count; i++) {
      const x = at(i);
      yield pad;
      // an element is written whole (a row), unless it is a long array itself
      if (isLong(x)) yield* jsonTextPieces(x, depth + 1);
      else yield indented(JSON.stringify(x, jsonReplacer, 2) ?? 'null', depth + 1);
      yield i < count - 1 ? ',\n' : `\n${end}]`;
    }
    return;
  }
  const v = outputReplacer('', value);
  if (depth < 2 && isPlainObject(v)) {
    const keys = Object.keys(v).filter((k) => !omitted(k, v[k]));
    if (keys.length === 0) {
      yield '{}';
      return;
    }
    yield '{\n';
    for (let i = 0; i < keys.length; i++) {
      yield `${pad}${JSON.stringify(keys[i])}: `;
      yield* jsonTextPieces(v[keys[i]], depth + 1);
      yield i < keys.length - 1 ? ',\n' : `\n${end}}`;
    }
    return;
  }
  yield indented(JSON.stringify(v, jsonReplacer, 2), depth);
}

/** A LazyRows or an array long enough to be written element by element. */
function isLong(x: unknown): x is LazyRows | unknown[] {
  return x instanceof LazyRows || (Array.isArray(x) && x.length >= LONG_ARRAY);
}

/** JSON text laid out at `depth`: its lines after the first indented by two spaces per level. */
function indented(text: string, depth: number): string {
  return depth ? text.replaceAll('\n', `\n${'  '.repeat(depth)}`) : text;
}

/** Whether JSON.stringify leaves an object's member out: its value (after toJSON and the replacer) is undefined, a function or a symbol. */
function omitted(key: string, x: unknown): boolean {
  if (x instanceof LazyRows) return false;
  const j = x !== null && typeof x === 'object' && typeof (x as { toJSON?: unknown }).toJSON === 'function';
  const y = outputReplacer(key, j ? (x as { toJSON: (k: string) => unknown }).toJSON(key) : x);
  return y === undefined || typeof y === 'function' || typeof y === 'symbol';
}

/** An object JSON.stringify lays out member by member: not an array, not one with toJSON (a Date). */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  return (
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    !ArrayBuffer.isView(v) &&
    typeof (v as { toJSON?: unknown }).toJSON !== 'function'
  );
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
