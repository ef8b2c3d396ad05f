/**
 * The kernel densities as a 3-D surface (value × year × density), as Chinese
 * papers print them, drawn with ECharts GL (WebGL) from the same core result
 * as the curves; exported as PNG at 300 dpi (no SVG: WebGL has no vector form).
 */
import { useEffect, useRef } from 'preact/hooks';
import * as echarts from 'echarts';
import 'echarts-gl';
import type { KdeResult } from '../../../../core/analysis/kde.ts';
import { downloadBlob } from '../../download.ts';
import { useT } from '../../hooks.ts';

export function Kde3d(props: { result: KdeResult }) {
  const { t } = useT();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const k = props.result;
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, null, { renderer: 'canvas' });
    chart.current = c;
    return () => {
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    const data: Array<[number, number, number]> = [];
    k.times.forEach((_, i) => {
      for (let g = 0; g < k.grid.length; g++) data.push([k.grid[g], i, k.density[i][g]]);
    });
    chart.current?.setOption(
      {
        tooltip: {},
        visualMap: {
          show: false,
          min: 0,
          max: Math.max(...k.density.map((d) => Math.max(...d))),
          inRange: { color: ['#deebf7', '#6baed6', '#08519c'] },
        },
        xAxis3D: { type: 'value', name: t('score') },
        yAxis3D: { type: 'category', name: t('year'), data: k.times.map((x) => String(x ?? '')) },
        zAxis3D: { type: 'value', name: t('density') },
        grid3D: { viewControl: { alpha: 25, beta: 40 }, boxWidth: 120, boxDepth: 80 },
        series: [{ type: 'surface', wireframe: { show: true }, data, dataShape: [k.times.length, k.grid.length] }],
      },
      true,
    );
  }, [k]);
  const png = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 300 / 96, backgroundColor: '#ffffff' });
    if (!url) return;
    const bin = atob(url.split(',')[1]);
    downloadBlob(new Blob([Uint8Array.from(bin, (c) => c.charCodeAt(0))], { type: 'image/png' }), 'kde-3d-300dpi.png');
  };
  return (
    <figure class="chart" data-testid="kde-3d-chart">
      <div ref={el} style={{ height: '380px', width: '100%' }} role="img" aria-label={t('kde3d')} />
      <figcaption class="chart-tools">
        <button type="button" class="small" onClick={png} aria-label={`${t('exportPng')}: ${t('kde3d')}`}>
          PNG 300 dpi
        </button>
      </figcaption>
    </figure>
  );
}
