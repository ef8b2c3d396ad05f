/**
 * An ECharts chart (canvas in the page) with PNG and SVG export; the SVG is
 * rendered from the same option by ECharts' server-side SVG renderer.
 */
import { useEffect, useRef } from 'preact/hooks';
import * as echarts from 'echarts';
import { useT } from '../hooks.ts';
import { downloadBlob } from '../download.ts';

const FONT =
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Helvetica Neue', Arial, sans-serif";

export function Chart(props: {
  option: echarts.EChartsCoreOption;
  height?: number;
  label: string;
  file: string;
  onClick?: (name: string) => void;
  testId?: string;
}) {
  const { t } = useT();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const height = props.height ?? 360;
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, null, { renderer: 'canvas' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    // series keep their ids across updates (replaceMerge): a new result re-colours the map instead of rebuilding it
    chart.current?.setOption(
      { animation: false, textStyle: { fontFamily: FONT }, ...props.option },
      { replaceMerge: ['series', 'visualMap', 'radar', 'xAxis', 'yAxis', 'legend'] },
    );
  }, [props.option]);
  useEffect(() => {
    const c = chart.current;
    if (!c || !props.onClick) return;
    const h = (p: { name?: string }) => {
      if (p.name) props.onClick!(p.name);
    };
    c.on('click', h);
    return () => {
      c.off('click', h);
    };
  }, [props.onClick]);

  const png = () => {
    // 300 dpi for print: the CSS pixel is 1/96 inch
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 300 / 96, backgroundColor: '#ffffff' });
    if (!url) return;
    const bin = atob(url.split(',')[1]);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    downloadBlob(new Blob([bytes], { type: 'image/png' }), `${props.file}-300dpi.png`);
  };
  const svg = () => {
    const w = el.current?.clientWidth ?? 800;
    const s = echarts.init(null, null, { renderer: 'svg', ssr: true, width: w, height });
    s.setOption({ animation: false, backgroundColor: '#ffffff', textStyle: { fontFamily: FONT }, ...props.option });
    const text = s.renderToSVGString();
    s.dispose();
    downloadBlob(new Blob([text], { type: 'image/svg+xml' }), `${props.file}.svg`);
  };
  return (
    <figure class="chart" data-testid={props.testId}>
      <div ref={el} style={{ height: `${height}px`, width: '100%' }} role="img" aria-label={props.label} />
      <figcaption class="chart-tools">
        <button type="button" class="small" onClick={png} aria-label={`${t('exportPng')}: ${props.label}`}>
          PNG 300 dpi
        </button>
        <button type="button" class="small" onClick={svg} aria-label={`${t('exportSvg')}: ${props.label}`}>
          SVG
        </button>
      </figcaption>
    </figure>
  );
}
