/** The framework (or one seed's part) as an interactive force-directed graph; click a node to select it. */
import { useMemo } from 'preact/hooks';
import type { FrameworkModel } from '../../../core/framework/types.ts';
import { NODE_KINDS } from '../../../core/framework/types.ts';
import { KIND_LABELS, RELATION_LABELS } from '../../../core/framework/render.ts';
import { PALETTE } from '../../report/charts.ts';
import { useT } from '../hooks.ts';
import { Chart } from './Chart.tsx';

export function FrameworkGraph(props: {
  model: FrameworkModel;
  selected?: string;
  onSelect: (id: string) => void;
  title: string;
}) {
  const { lang } = useT();
  const option = useMemo(() => {
    const kinds = NODE_KINDS.filter((k) => props.model.nodes.some((n) => n.kind === k));
    const deg = new Map<string, number>();
    for (const r of props.model.relations) {
      deg.set(r.from, (deg.get(r.from) ?? 0) + 1);
      deg.set(r.to, (deg.get(r.to) ?? 0) + 1);
    }
    return {
      color: [
        ...PALETTE,
        '#4b4b4b',
        '#b03a2e',
        '#117864',
        '#6c3483',
        '#1a5276',
        '#7d6608',
        '#784212',
        '#1b4f72',
        '#186a3b',
        '#512e5f',
        '#17202a',
        '#922b21',
      ],
      title: { text: props.title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: {
        formatter: (p: { dataType: string; data: { label2?: string; rel?: string } }) =>
          p.dataType === 'edge' ? (p.data.rel ?? '') : (p.data.label2 ?? ''),
      },
      legend: { type: 'scroll', bottom: 0, data: kinds.map((k) => KIND_LABELS[k][lang]) },
      series: [
        {
          type: 'graph',
          layout: 'force',
          roam: true,
          draggable: true,
          force: { repulsion: 60, edgeLength: 40, gravity: 0.12, layoutAnimation: false },
          categories: kinds.map((k) => ({ name: KIND_LABELS[k][lang] })),
          label: { show: false, position: 'right', fontSize: 10 },
          emphasis: { focus: 'adjacency', label: { show: true } },
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 4,
          lineStyle: { color: '#9aa5b1', width: 0.6, opacity: 0.7 },
          data: props.model.nodes.map((n) => ({
            id: n.id,
            name: n.id,
            label2: `${n.name[lang]} (${KIND_LABELS[n.kind][lang]})`,
            category: kinds.indexOf(n.kind),
            symbolSize: Math.min(26, 5 + Math.sqrt(deg.get(n.id) ?? 1) * 3),
            label: { show: (deg.get(n.id) ?? 0) >= 12 || n.id === props.selected, formatter: n.name[lang] },
            itemStyle: n.id === props.selected ? { borderColor: '#000', borderWidth: 2 } : undefined,
          })),
          links: props.model.relations.map((r) => ({
            source: r.from,
            target: r.to,
            rel: `${r.from} ${RELATION_LABELS[r.type][lang]} ${r.to}`,
          })),
        },
      ],
    };
  }, [props.model, props.selected, lang, props.title]);
  return (
    <Chart
      option={option}
      height={520}
      label={props.title}
      file="framework-graph"
      onClick={props.onSelect}
      testId="framework-graph"
    />
  );
}
