/** Scores and ranks of one node at one time, with its children's scores, sortable. */
import { useMemo } from 'preact/hooks';
import type { EvaluationResult } from '../../../core/measure/result.ts';
import type { Time } from '../../../core/panel/types.ts';
import { nodeName } from '../../report/hierarchy.ts';
import { fmt, unitLabel, useT } from '../hooks.ts';
import { ThreeLineTable, type Column } from './ThreeLineTable.tsx';

interface Row {
  unit: string;
  score: number;
  rank: number;
  sub: Record<string, number>;
}

export function ScoresTable(props: { result: EvaluationResult; node: string; time: Time }) {
  const { t, lang } = useT();
  const r = props.result;
  const children = useMemo(
    () => r.nodeWeights.filter((w) => w.kind === 'node' && (w.parent ?? 'index') === props.node).map((w) => w.id),
    [r, props.node],
  );
  const rows = useMemo(() => {
    const by = new Map<string, Row>();
    for (const s of r.nodeScores) {
      if (String(s.time) !== String(props.time)) continue;
      if (s.node === props.node) {
        const row = by.get(s.unit) ?? { unit: s.unit, score: NaN, rank: NaN, sub: {} };
        row.score = s.score;
        row.rank = s.rank;
        by.set(s.unit, row);
      } else if (children.includes(s.node)) {
        const row = by.get(s.unit) ?? { unit: s.unit, score: NaN, rank: NaN, sub: {} };
        row.sub[s.node] = s.score;
        by.set(s.unit, row);
      }
    }
    return [...by.values()];
  }, [r, props.node, props.time, children]);
  const cols: Array<Column<Row>> = [
    {
      key: 'rank',
      label: t('rank'),
      numeric: true,
      value: (x) => x.rank,
      render: (x) => <span data-field="rank">{x.rank}</span>,
    },
    {
      key: 'unit',
      label: t('unit'),
      value: (x) => unitLabel(x.unit, lang),
      render: (x) => <span data-unit={x.unit}>{unitLabel(x.unit, lang)}</span>,
    },
    {
      key: 'score',
      label: `${t('score')}: ${nodeName(r, props.node)[lang]}`,
      numeric: true,
      value: (x) => x.score,
      render: (x) => <span data-field="score">{fmt(x.score)}</span>,
    },
    ...children.map((c) => ({
      key: c,
      label: nodeName(r, c)[lang],
      numeric: true,
      value: (x: Row) => x.sub[c],
      render: (x: Row) => fmt(x.sub[c]),
    })),
  ];
  return (
    <ThreeLineTable
      key={`${props.node}-${String(props.time)}`}
      caption={`${t('scoresTable')} · ${nodeName(r, props.node)[lang]} · ${String(props.time)}`}
      columns={cols}
      rows={rows}
      sort={{ key: 'rank', dir: 'asc' }}
      testId="scores-table"
      maxHeight={520}
      find={(x) => `${x.unit} ${unitLabel(x.unit, lang)}`}
    />
  );
}
