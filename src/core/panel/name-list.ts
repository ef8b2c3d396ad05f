/**
 * A comma-separated list of names picked from a fixed set — the formats of
 * `--formats`, the sections of `--analyses` — read the same way everywhere:
 * names in any case with spaces around them, `all` for the whole set, the
 * result in the set's own order. An unknown name or an empty list is a
 * bad-option error that names the option, the unknown names, the closest
 * name of the set and the choices.
 *
 * @example parseNameList(' CSV,json ', ['json', 'csv', 'xlsx'], { option: '--formats', what: bi('格式', 'formats') }) // ['json', 'csv']
 */
import { XinzhiError } from '../errors.ts';
import { bi, type Bilingual } from '../i18n.ts';
import { closestName } from './problems.ts';

export function parseNameList<T extends string>(
  list: string,
  allowed: readonly T[],
  opts: { option: string; what: Bilingual },
): T[] {
  const names = list
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (names.includes('all')) return [...allowed];
  const bad = names.filter((n) => !(allowed as readonly string[]).includes(n));
  if (bad.length || !names.length) {
    const near = bad.length ? closestName(bad[0], [...allowed]) : undefined;
    const hint = near ? bi(`（是否想用 ${near}？）`, ` (did you mean ${near}?)`) : bi('', '');
    throw new XinzhiError({
      code: 'bad-option',
      severity: 'error',
      column: opts.option,
      message: bi(
        `${opts.option} 中有未知的${opts.what.zh}：${bad.join(', ') || '（空）'}${hint.zh}`,
        `unknown ${opts.what.en} in ${opts.option}: ${bad.join(', ') || '(empty)'}${hint.en}`,
      ),
      fix: bi(
        `用逗号分隔，可选：${allowed.join(',')} 或 all`,
        `separate with commas, from ${allowed.join(',')} or all`,
      ),
    });
  }
  return allowed.filter((a) => names.includes(a));
}
