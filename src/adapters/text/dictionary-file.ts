/**
 * A custom keyword dictionary from a file's contents, in Node or the browser:
 * JSON `{"groups": {"group": ["term", ...]}}` (or the shipped form with
 * `{"zh": name, "keywords": [...]}`), or a table (CSV / XLSX) with columns
 * `group` and `term`. The core (`dictionaryFromJson`, `dictionaryFromRows`)
 * checks the terms; this module only turns the file into its rows.
 */
import { XinzhiError } from '../../core/errors.ts';
import { bi } from '../../core/i18n.ts';
import type { RawTable } from '../../core/panel/raw-table.ts';
import { dictionaryFromJson, dictionaryFromRows, type Dictionary } from '../../core/text/dictionary.ts';
import { decodeText } from '../formats/decode.ts';
import { parseTable } from '../formats/table.ts';

/**
 * A dictionary from JSON text; invalid JSON is an error naming the file.
 * @example dictionaryFromJsonText('{"groups": {"ai": ["人工智能"]}}', 'my.json').groups[0].terms // ['人工智能']
 */
export function dictionaryFromJsonText(text: string, file: string): Dictionary {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new XinzhiError({
      code: 'bad-json',
      severity: 'error',
      file,
      message: bi(`JSON 格式错误：${(err as Error).message}`, `invalid JSON: ${(err as Error).message}`),
      fix: bi('修正 JSON 语法', 'fix the JSON syntax'),
    });
  }
  return dictionaryFromJson(value, file);
}

/**
 * A dictionary from a table with columns `group` and `term` (any case; other
 * columns ignored); a missing column is an error naming it.
 * @example dictionaryFromTable(await parseTable(bytes, 'my.csv')).groups.length
 */
export function dictionaryFromTable(table: RawTable): Dictionary {
  const col = (name: string): number => {
    const j = table.header.findIndex((h) => h.trim().toLowerCase() === name);
    if (j < 0) {
      throw new XinzhiError({
        code: 'missing-column',
        severity: 'error',
        file: table.name,
        column: name,
        message: bi(`缺少列 "${name}"`, `no column "${name}"`),
        fix: bi('词典需要 group 与 term 两列', 'a dictionary needs columns group and term'),
      });
    }
    return j;
  };
  const g = col('group');
  const t = col('term');
  return dictionaryFromRows(
    table.rows.map((r, i) => ({ group: String(r[g] ?? ''), term: String(r[t] ?? ''), row: table.firstDataRow + i })),
    table.name,
  );
}

/**
 * A dictionary from a file's bytes, by its extension: .json, else a table.
 * @example await dictionaryFromBytes(new TextEncoder().encode('group,term\nai,人工智能\n'), 'my.csv')
 */
export async function dictionaryFromBytes(bytes: Uint8Array, file: string): Promise<Dictionary> {
  if (file.toLowerCase().endsWith('.json')) return dictionaryFromJsonText(decodeText(bytes, file).text, file);
  return dictionaryFromTable(await parseTable(bytes, file));
}
