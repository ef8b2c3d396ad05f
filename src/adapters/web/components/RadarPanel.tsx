/** Radar of a unit's top-level dimensions against the mean of all units, with its weakest dimension and a link to the seeds' problems. */
import { contributionGap } from '../../../core/measure/contribution-gap.ts';
import { useMemo } from 'preact/hooks';
import type { EvaluationResult } from '../../../core/measure/result.ts';
import type { Time } from '../../../core/panel/types.ts';
import { nodeName } from '../../report/hierarchy.ts';
import { PALETTE } from '../../report/charts.ts';
import { topDimensions } from '../session.ts';
import { fmt, unitLabel, useT } from '../hooks.ts';
import { getStore } from '../store.ts';
import { setView } from '../actions.ts';
import { frameworkOf } from '../diagnosis.ts';
import { Chart } from './Chart.tsx';
import { Select } from './Select.tsx';

export function RadarPanel(props: { result: EvaluationResult; time: Time; unit: string; onUnit: (u: string) => void }) {
  const { t, lang } = useT();
  const r = props.result;
  const dims = useMemo(() => topDimensions(r), [r]);
  const at = useMemo(() => {
    const own = new Map<string, { score: number; rank: number }>();
    const sum = new Map<string, { s: number; n: number; max: number }>();
    for (const s of r.nodeScores) {
      if (String(s.time) !== String(props.time) || !dims.includes(s.node)) continue;
      const a = sum.get(s.node) ?? { s: 0, n: 0, max: -Infinity };
      a.s += s.score;
      a.n++;
      a.max = Math.max(a.max, s.score);
      sum.set(s.node, a);
      if (s.unit === props.unit) own.set(s.node, { score: s.score, rank: s.rank });
    }
    return { own, sum };
  }, [r, props.time, props.unit, dims]);
  const gap = useMemo(() => {
    try {
      return contributionGap(r, props.unit, props.time);
    } catch {
      return undefined;
    }
  }, [r, props.unit, props.time]);
  if (dims.length < 3) return null;
  // the dimension that puts the most distance between the unit and the leaders (core contributionGap)
  const weakest = dims
    .map((d) => [d, gap?.dimensions[d] ?? Number.NEGATIVE_INFINITY] as const)
    .sort((a, b) => b[1] - a[1])[0];
  const own = weakest ? at.own.get(weakest[0]) : undefined;
  const option = {
    color: [PALETTE[0], PALETTE[6]],
    title: {
      text: `${t('radarTitle')} · ${unitLabel(props.unit, lang)} · ${String(props.time)}`,
      left: 'center',
      textStyle: { fontSize: 14 },
    },
    legend: { bottom: 0 },
    tooltip: {},
    radar: {
      indicator: dims.map((d) => ({ name: nodeName(r, d)[lang], max: (at.sum.get(d)?.max ?? 1) * 1.05 })),
      radius: '62%',
    },
    series: [
      {
        type: 'radar',
        data: [
          {
            name: unitLabel(props.unit, lang),
            value: dims.map((d) => at.own.get(d)?.score ?? 0),
            areaStyle: { opacity: 0.15 },
          },
          {
            name: lang === 'zh' ? '全部单位均值' : 'Mean of all units',
            value: dims.map((d) => {
              const a = at.sum.get(d);
              return a ? a.s / a.n : 0;
            }),
            lineStyle: { type: 'dashed' },
          },
        ],
      },
    ],
  };
  return (
    <div data-testid="radar">
      <Select
        label={t('radarUnit')}
        value={props.unit}
        options={r.units.map((u) => ({ value: u, label: unitLabel(u, lang) }))}
        onChange={props.onUnit}
        testId="radar-unit"
      />
      <Chart option={option} height={340} label={`${t('radarTitle')}: ${props.unit}`} file={`radar-${props.unit}`} />
      {weakest && gap && own && (
        <p data-testid="gap-summary">
          {weakest[1] > 0 ? t('largestGap') : t('smallestLead')}: <strong>{nodeName(r, weakest[0])[lang]}</strong> (
          {t('gapToLeaders')} {fmt(weakest[1])}
          {gap.indexGap > 0 && Number.isFinite(weakest[1] / gap.indexGap)
            ? `, ${fmt((100 * weakest[1]) / gap.indexGap, 1)}%`
            : ''}
          ; {t('leaders')}: {gap.leaders.map((u) => unitLabel(u, lang)).join(', ')}; {t('score')} {fmt(own.score)},{' '}
          {t('rank')} {own.rank}/{r.units.length}){' '}
          <button
            type="button"
            class="link"
            data-testid="diagnose"
            onClick={() => {
              getStore().set({
                diagnosis: { unit: props.unit, node: weakest[0], time: props.time },
                frameworkNode: frameworkOf(getStore().get().spec, weakest[0]) ?? 'nqpf',
              });
              setView('framework');
            }}
          >
            {t('seeProblems')} →
          </button>
        </p>
      )}
    </div>
  );
}
