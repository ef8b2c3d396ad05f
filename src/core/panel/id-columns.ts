/**
 * Numeric columns that are identifiers, not indicators: a statistical code
 * such as `gb_code` (GB/T 2260 administrative codes), a stock code or a row
 * number. They are recognised by name (id, code, 代码, 编码, 编号, 序号, …) or
 * by their values — whole numbers, constant within each unit and different
 * between units, i.e. a second name for the unit — and are kept out of the
 * columns offered as indicators (they can still be chosen by name).
 *
 * @example idColumns(panel).map((c) => c.column) // ['gb_code']
 */
import { bi, type Bilingual } from '../i18n.ts';
import type { Panel } from './types.ts';

export interface IdColumn {
  column: string;
  reason: Bilingual;
}

const NAME = /(^|[_\s.-])(id|ids|code|codes|gbcode|adcode|stkcd|ticker)([_\s.-]|$)/i;
const ZH = /(代码|编码|编号|序号|行政区划)/;

/** True when every value is a whole number, the same within each unit, and different between units (more than one unit). */
function codeOfUnit(panel: Panel, values: Float64Array): boolean {
  const byUnit = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || !Number.isInteger(v)) return false;
    const seen = byUnit.get(panel.unit[i]);
    if (seen === undefined) byUnit.set(panel.unit[i], v);
    else if (seen !== v) return false;
  }
  if (byUnit.size < 2 || byUnit.size === values.length) return false;
  return new Set(byUnit.values()).size === byUnit.size;
}

export function idColumns(panel: Panel): IdColumn[] {
  const out: IdColumn[] = [];
  for (const [column, values] of Object.entries(panel.columns)) {
    if (NAME.test(column) || ZH.test(column))
      out.push({
        column,
        reason: bi(`列名 "${column}" 表明这是代码或编号`, `the name "${column}" marks a code or an identifier`),
      });
    else if (codeOfUnit(panel, values))
      out.push({
        column,
        reason: bi(
          `"${column}" 为整数、每个单位取值固定且各单位互不相同，是单位的代码`,
          `"${column}" holds whole numbers that are fixed within each unit and differ between units: a code of the unit`,
        ),
      });
  }
  return out;
}
