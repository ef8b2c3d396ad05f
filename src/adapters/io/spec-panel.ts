/**
 * The panel a spec needs from a table read into memory: wide or long, the
 * columns the spec uses and its label columns, with the same checks and
 * messages everywhere (the CLI's evaluate, the assessment server's jobs). An
 * empty table or a column the spec names but the table lacks is an error that
 * names the file and the columns it has.
 *
 * `read.readOnce`: the table is not read again (see PanelOptions).
 *
 * @example specPanelFromTable(await parseTable(bytes, 'data.csv'), spec).panel
 */
import { XinzhiError, type Problem } from '../../core/errors.ts';
import { usedColumns } from '../../core/measure/record.ts';
import type { Spec } from '../../core/measure/spec.ts';
import { validateSpec } from '../../core/measure/spec-schema.ts';
import { tableToPanel, type PanelOptions } from '../../core/panel/from-table.ts';
import { rowCount, type RawTable } from '../../core/panel/raw-table.ts';
import type { Panel } from '../../core/panel/types.ts';

export function specPanelFromTable(
  table: RawTable,
  spec: Spec,
  read: Pick<PanelOptions, 'readOnce'> = {},
): { panel: Panel; warnings: Problem[] } {
  if (table.header.length === 0 || rowCount(table) === 0) {
    // an empty file: say so rather than listing every column of the spec as missing
    throw new XinzhiError(
      tableToPanel(table, { unit: spec.unit, time: spec.time ?? null }).problems.filter((p) => p.severity === 'error'),
    );
  }
  const used = usedColumns(spec);
  const header = table.header.map(String);
  const labels = [...(spec.labels ?? []), ...(spec.missing?.group ? [spec.missing.group] : [])].filter(
    (l, i, a) => header.includes(l) && a.indexOf(l) === i,
  );
  if (spec.long) {
    // long data: indicators are entries of the indicator column; evaluate checks them against the pivoted panel
    const { panel, problems } = tableToPanel(table, {
      unit: spec.unit,
      time: spec.time ?? null,
      shape: 'long',
      indicator: spec.long.indicator,
      value: spec.long.value,
      labels,
      ...read,
    });
    const errs = problems.filter((p) => p.severity === 'error');
    if (errs.length) throw new XinzhiError(errs);
    return { panel, warnings: problems };
  }
  // a column the spec names but the file lacks: report it against every column of the file
  if (used.columns.some((c) => !header.includes(c))) {
    validateSpec(spec, {
      columns: header.filter((h) => h !== spec.unit && h !== spec.time),
      labels: header,
      dataFile: table.name,
    });
  }
  const columns = used.columns.filter((c) => header.includes(c));
  const { panel, problems } = tableToPanel(table, {
    unit: spec.unit,
    time: spec.time ?? null,
    columns,
    labels,
    ...read,
  });
  const errs = problems.filter((p) => p.severity === 'error');
  if (errs.length) throw new XinzhiError(errs);
  return { panel, warnings: problems };
}
