/** Weights of every node and indicator (local and global), as a three-line table. */
import type { EvaluationResult } from '../../../core/measure/result.ts';
import { hierarchy } from '../../report/hierarchy.ts';
import { fmt, useT } from '../hooks.ts';
import { ThreeLineTable, type Column } from './ThreeLineTable.tsx';
import type { HierarchyEntry } from '../../report/hierarchy.ts';

export function WeightsTable(props: { result: EvaluationResult }) {
  const { t, lang } = useT();
  const rows = hierarchy(props.result);
  const cols: Array<Column<HierarchyEntry>> = [
    { key: 'id', label: 'ID', value: (r) => r.id },
    {
      key: 'name',
      label: t('node'),
      value: (r) => r.name[lang],
      render: (r) => (
        <span style={{ paddingLeft: `${(r.level - 1) * 1.2}em` }} class={r.kind === 'node' ? 'strong' : ''}>
          {r.name[lang]}
        </span>
      ),
    },
    { key: 'level', label: t('level'), numeric: true, value: (r) => r.level },
    { key: 'dir', label: t('direction'), value: (r) => r.direction ?? '' },
    {
      key: 'local',
      label: t('localWeight'),
      numeric: true,
      value: (r) => r.weight.local,
      render: (r) => fmt(r.weight.local),
    },
    {
      key: 'global',
      label: t('globalWeight'),
      numeric: true,
      value: (r) => r.weight.global,
      render: (r) => fmt(r.weight.global),
    },
  ];
  return (
    <ThreeLineTable caption={t('weightsTable')} columns={cols} rows={rows} testId="weights-table" maxHeight={420} />
  );
}
