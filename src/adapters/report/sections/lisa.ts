/**
 * Report section: LISA cluster map on the province boundaries (HH / LL / HL /
 * LH / not significant) and a three-line table of the significant units.
 */
import { CLUSTER_LABELS, type Cluster } from '../../../core/analysis/lisa.ts';
import { bi, t, type Lang } from '../../../core/i18n.ts';
import type { Time } from '../../../core/panel/types.ts';
import { NO_DATA_COLOR, OCHA_CREDIT, chartFigure, registerGeo, renderSvg } from '../charts.ts';
import type { ReportSection } from '../html.ts';
import { paragraph } from '../markup.ts';
import { unitName } from '../labels.ts';
import { matchProvinces } from '../../../core/geo/province-match.ts';
import { threeLineTable } from '../tables.ts';

/** Conventional LISA colours (GeoDa): HH red, LL blue, LH light blue, HL light red, ns light grey. */
export const CLUSTER_COLORS: Record<Cluster, string> = {
  HH: '#d7191c',
  LL: '#2c7bb6',
  LH: '#abd9e9',
  HL: '#fdae61',
  ns: '#f0f0f0',
};

export interface LisaUnit {
  unit: string;
  Ii: number;
  z: number;
  p: number;
  pSim?: number;
  cluster: Cluster;
}

/** Cluster map of provinces (features without data grey). */
export function lisaClusterMap(
  units: LisaUnit[],
  geojson: unknown,
  opts: { lang: Lang; idPrefix?: string; width?: number; height?: number },
): string {
  const name = registerGeo(geojson);
  const match = matchProvinces(
    units.map((u) => u.unit),
    geojson,
  );
  const data = units.flatMap((u) => {
    const f = match.byUnit.get(u.unit);
    return f ? [{ name: f.en, value: 1, itemStyle: { areaColor: CLUSTER_COLORS[u.cluster] } }] : [];
  });
  const order: Cluster[] = ['HH', 'LL', 'HL', 'LH', 'ns'];
  const width = opts.width ?? 800;
  const height = opts.height ?? 640;
  const option = {
    series: [
      {
        type: 'map',
        map: name,
        nameProperty: 'ADM1_EN',
        roam: false,
        selectedMode: false,
        top: 12,
        bottom: 80,
        left: 16,
        right: 16,
        itemStyle: { areaColor: NO_DATA_COLOR, borderColor: '#ffffff', borderWidth: 0.6 },
        emphasis: { disabled: true },
        label: { show: false },
        data,
      },
    ],
    graphic: [
      ...order.flatMap((c, i) => [
        {
          type: 'rect',
          left: 24 + i * 120,
          bottom: 44,
          shape: { width: 14, height: 10 },
          style: { fill: CLUSTER_COLORS[c], stroke: '#999' },
        },
        {
          type: 'text',
          left: 44 + i * 120,
          bottom: 43,
          style: { text: t(CLUSTER_LABELS[c], opts.lang), fontSize: 11, fill: '#333' },
        },
      ]),
      {
        type: 'text',
        left: 12,
        bottom: 10,
        style: { text: t(OCHA_CREDIT, opts.lang).slice(0, 140), fontSize: 9, fill: '#555' },
      },
    ],
  };
  return renderSvg(option, width, height, opts.idPrefix ?? 'lisa-map');
}

/** The LISA section of one time. */
export function lisaSection(
  units: LisaUnit[],
  opts: { lang: Lang; geojson?: unknown; time?: Time | null; alpha?: number; value?: string; id?: string },
): ReportSection {
  const lang = opts.lang;
  const alpha = opts.alpha ?? 0.05;
  const when = opts.time !== undefined && opts.time !== null ? `（${opts.time}）` : '';
  const whenEn = opts.time !== undefined && opts.time !== null ? ` (${opts.time})` : '';
  const sig = units.filter((u) => u.cluster !== 'ns');
  const table = threeLineTable({
    lang,
    id: 'lisa-table',
    caption: bi(`显著的局部空间集聚${when}`, `Significant local clusters${whenEn}`),
    columns: [
      { header: bi('单位', 'Unit') },
      { header: bi('类型', 'Type') },
      { header: bi('Ii', 'Ii'), kind: 'number' },
      { header: bi('z', 'z'), kind: 'number', decimals: 3 },
      { header: bi('p', 'p'), kind: 'number', decimals: 3 },
    ],
    rows: sig.map((u) => [unitName(u.unit, lang), t(CLUSTER_LABELS[u.cluster], lang), u.Ii, u.z, u.pSim ?? u.p]),
    note: bi(
      `显著性水平 α = ${alpha}；局部 Moran 方差为条件随机化（spdep localmoran）。`,
      `Significance level α = ${alpha}; local Moran variance under conditional randomisation (spdep localmoran).`,
    ),
  });
  const parts = [
    paragraph(
      bi(
        'LISA 聚类图标出显著的高-高、低-低集聚与高-低、低-高异常。',
        'The LISA cluster map marks significant High-High and Low-Low clusters and High-Low / Low-High outliers.',
      ),
      lang,
    ),
  ];
  if (opts.geojson)
    parts.push(
      chartFigure(lisaClusterMap(units, opts.geojson, { lang }), {
        lang,
        id: 'lisa-map-figure',
        caption: bi(`LISA 聚类图${when}`, `LISA cluster map${whenEn}`),
        note: OCHA_CREDIT,
      }),
    );
  parts.push(table);
  return {
    id: opts.id ?? 'lisa',
    title: bi('局部空间自相关（LISA）', 'Local spatial autocorrelation (LISA)'),
    html: parts.join('\n'),
  };
}
