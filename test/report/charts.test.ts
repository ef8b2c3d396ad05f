import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  normalizeSvg,
  provinceMap,
  quantileBreaks,
  rankingChart,
  trendChart,
  weightsChart,
} from '../../src/adapters/report/charts.ts';
import { matchProvinces } from '../../src/core/geo/province-match.ts';
import { makeFixture, PANEL_PROVINCES } from './fixture.ts';

const geojson = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../data/geo/china_provinces.geojson', import.meta.url)), 'utf8'),
) as unknown;

describe('charts', () => {
  const result = makeFixture();

  it('render SVG deterministically (same input → same string)', () => {
    for (const render of [
      () => rankingChart(result, { lang: 'zh' }),
      () => trendChart(result, { lang: 'en' }),
      () => weightsChart(result, { lang: 'zh' }),
      () => provinceMap(result, geojson, { lang: 'en' }),
    ]) {
      const a = render();
      const b = render();
      expect(a.startsWith('<svg')).toBe(true);
      expect(a).toBe(b);
    }
  });

  it('use the chosen language', () => {
    expect(rankingChart(result, { lang: 'zh' })).toContain('新质生产力指数排名 2015');
    expect(rankingChart(result, { lang: 'en' })).toContain('NQPF index ranking 2015');
    expect(weightsChart(result, { lang: 'zh' })).toContain('研发人员');
    expect(weightsChart(result, { lang: 'en' })).toContain('R&amp;D personnel');
    expect(provinceMap(result, geojson, { lang: 'zh' })).toContain('无数据');
  });

  it('ranking lists every unit and the scores of the chosen time', () => {
    const svg = rankingChart(result, { lang: 'en', time: 2014 });
    for (const u of result.units) expect(svg).toContain(`>${u}<`);
    for (const s of result.scores.filter((r) => r.time === 2014)) expect(svg).toContain(`>${s.score.toFixed(3)}<`);
  });

  it('trend chart has one panel title per unit', () => {
    const svg = trendChart(result, { lang: 'en' });
    for (const u of result.units) expect(svg).toContain(`>${u}<`);
  });

  it('ranking and trends show provinces by their Chinese names in Chinese, other units unchanged', () => {
    const zh = ['北京', '上海', '广东', '西藏'];
    for (const svg of [rankingChart(result, { lang: 'zh' }), trendChart(result, { lang: 'zh' })]) {
      for (const n of zh) expect(svg).toContain(`>${n}<`);
      expect(svg).not.toContain('>Guangdong<');
    }
    const mixed = makeFixture({ units: ['Firm A', '广东', 'Inner Mongolia'] });
    for (const svg of [rankingChart(mixed, { lang: 'en' }), trendChart(mixed, { lang: 'en' })]) {
      for (const n of ['Firm A', 'Guangdong', 'Inner Mongolia']) expect(svg).toContain(`>${n}<`);
    }
    expect(rankingChart(mixed, { lang: 'zh' })).toContain('>内蒙古<');
  });

  it('uses the id prefix and leaves no ECharts instance ids or hover styles', () => {
    const svg = provinceMap(result, geojson, { lang: 'en', idPrefix: 'my-map', scale: 'continuous' });
    expect(svg).not.toMatch(/zr\d+-/);
    expect(svg).not.toContain('<style');
    expect(svg).not.toContain('ecmeta_');
    expect(svg).toContain('id="my-map-0"');
  });

  it('map legend: quintile classes by default, labelled ranges', () => {
    const r = makeFixture({ units: PANEL_PROVINCES });
    const values = r.scores.filter((x) => x.time === 2015).map((x) => x.score);
    const b = quantileBreaks(values, 5);
    const svg = provinceMap(r, geojson, { lang: 'en' });
    expect(svg).toContain(`>${b[0].toFixed(3)} – ${b[1].toFixed(3)}<`);
    expect(svg).toContain(`>${b[4].toFixed(3)} – ${b[5].toFixed(3)}<`);
  });

  it('quantileBreaks: type-7 quantiles, duplicates merged', () => {
    expect(quantileBreaks([0, 10], 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(quantileBreaks([5, 1, 3, 2, 4], 4)).toEqual([1, 2, 3, 4, 5]);
    expect(quantileBreaks([1, 1, 1, 2], 4)).toEqual([1, 1.25, 2]);
    expect(quantileBreaks([NaN, 3], 2)).toEqual([3]);
    expect(quantileBreaks([], 5)).toEqual([]);
  });

  it('normalizeSvg renumbers ids in order of appearance', () => {
    const raw =
      '<svg><style>.zr7-cls-3:hover{}</style><g clip-path="url(#zr7-c2)" class="zr7-cls-3"></g><clipPath id="zr7-c2"/><linearGradient id="zr7-g0"/></svg>';
    expect(normalizeSvg(raw, 'p')).toBe(
      '<svg><g clip-path="url(#p-0)"></g><clipPath id="p-0"/><linearGradient id="p-1"/></svg>',
    );
  });

  it('map draws the OCHA credit and colours matched provinces only', () => {
    const svg = provinceMap(result, geojson, { lang: 'en' });
    expect(svg).toContain('UN OCHA');
    expect(svg).toContain('CC BY-IGO');
    expect(svg).toContain('#d9d9d9');
  });
});

describe('matchProvinces', () => {
  it('matches all 31 provinces of the panel by English name', () => {
    const m = matchProvinces(PANEL_PROVINCES, geojson);
    expect(m.unmatched).toEqual([]);
    expect(m.byUnit.size).toBe(31);
    expect(m.isProvinces).toBe(true);
    expect(new Set([...m.byUnit.values()].map((f) => f.pcode)).size).toBe(31);
    expect(m.byUnit.get('Shaanxi')!.zh).toBe('陕西省');
    expect(m.byUnit.get('Shanxi')!.zh).toBe('山西省');
    expect(m.byUnit.get('Inner Mongolia')!.gb).toBe('150000');
    expect(
      m.features
        .filter((f) => f.sar)
        .map((f) => f.pcode)
        .sort(),
    ).toEqual(['CN071', 'CN081', 'CN082']);
  });

  it('matches Chinese names, GB codes, P-codes and SAR names', () => {
    const m = matchProvinces(
      ['北京', '广西壮族自治区', '440000', 'CN054', 'xizang', 'Hong Kong', '澳门', 'Ningxia Hui Autonomous Region'],
      geojson,
    );
    expect(m.unmatched).toEqual([]);
    expect([...m.byUnit.values()].map((f) => f.pcode)).toEqual([
      'CN011',
      'CN045',
      'CN044',
      'CN054',
      'CN054',
      'CN081',
      'CN082',
      'CN064',
    ]);
  });

  it('below 80% matched: not provinces, unmatched listed', () => {
    const m = matchProvinces(['Beijing', 'Shanghai', 'Firm A', 'Firm B'], geojson);
    expect(m.isProvinces).toBe(false);
    expect(m.unmatched).toEqual(['Firm A', 'Firm B']);
    const m2 = matchProvinces([...PANEL_PROVINCES.slice(0, 8), 'Nowhere', 'Atlantis'], geojson);
    expect(m2.isProvinces).toBe(true);
    expect(m2.unmatched).toEqual(['Nowhere', 'Atlantis']);
  });

  it('no features without a FeatureCollection', () => {
    expect(matchProvinces(['Beijing'], {}).isProvinces).toBe(false);
  });
});

describe('the ECharts build the reports load', () => {
  it('in Node is the one-file ESM build of the same version, drawing what the package entry draws', async () => {
    const oneFile = await import('#echarts');
    const entry = await import('echarts');
    expect(oneFile.version).toBe(entry.version);
    expect(import.meta.resolve('#echarts')).toMatch(/echarts\/dist\/echarts\.esm\.mjs$/);
    const option = {
      title: { text: 'x' },
      legend: {},
      grid: [{ left: 40 }],
      xAxis: { type: 'category', data: ['a', 'b', 'c'] },
      yAxis: { type: 'value' },
      visualMap: {
        type: 'piecewise',
        pieces: [
          { min: 0, max: 2 },
          { min: 2, max: 9 },
        ],
        dimension: 1,
      },
      graphic: [{ type: 'text', left: 0, top: 0, style: { text: 'note' } }],
      series: [
        { type: 'bar', name: 'b', data: [1, 3, 2] },
        { type: 'line', name: 'l', data: [2, 1, 4] },
        { type: 'scatter', name: 's', data: [3, 2, 1] },
      ],
    };
    const draw = (lib: typeof entry) => {
      const chart = lib.init(null, null, { renderer: 'svg', ssr: true, width: 400, height: 300 });
      chart.setOption(option);
      const svg = chart.renderToSVGString();
      chart.dispose();
      return svg;
    };
    // normalizeSvg, as renderSvg does: element ids count the instances each module has made
    expect(normalizeSvg(draw(oneFile as typeof entry), 'cmp')).toBe(normalizeSvg(draw(entry), 'cmp'));
  });
});
