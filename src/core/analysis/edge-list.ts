/**
 * A spatial weights edge list read from a table: columns `from`, `to` and an
 * optional `weight` (case-insensitive headers), one row per link; blank rows
 * are skipped. The grammar's `file:PATH` weights (CLI) and the web app's
 * uploaded weights file both come through here.
 *
 * @example edgesFromTable(table) // [{ from: 'Beijing', to: 'Tianjin' }, ...]
 */
import { XinzhiError } from '../errors.ts';
import type { RawTable } from '../panel/raw-table.ts';
import type { Edge } from './spatial-weights.ts';

export function edgesFromTable(table: RawTable): Edge[] {
  const col = (name: string) => table.header.findIndex((h) => h.trim().toLowerCase() === name);
  const fi = col('from');
  const ti = col('to');
  const wi = col('weight');
  if (fi < 0 || ti < 0) {
    throw new XinzhiError({
      code: 'bad-edge-list',
      severity: 'error',
      file: table.name,
      message: {
        zh: `边列表缺少 from / to 列（现有：${table.header.join(', ')}）`,
        en: `the edge list has no from / to columns (found: ${table.header.join(', ')})`,
      },
      fix: { zh: '第一行写 from,to[,weight]', en: 'put from,to[,weight] in the first row' },
    });
  }
  return table.rows
    .filter((r) => r.some((c) => c !== null && c !== ''))
    .map((r) => ({
      from: String(r[fi] ?? '').trim(),
      to: String(r[ti] ?? '').trim(),
      ...(wi >= 0 && r[wi] !== null && r[wi] !== '' ? { weight: Number(r[wi]) } : {}),
    }));
}
