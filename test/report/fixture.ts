/**
 * A hand-made EvaluationResult for the format tests: four provinces × three
 * years, two dimensions (one with a sub-dimension), four indicators. The
 * numbers are arbitrary but internally consistent (scores are the weighted
 * sums of the normalised values); the tests only check that outputs carry
 * them unchanged.
 */
import { INDEX_ID, type EvaluationResult, type NodeScoreRow, type NodeWeight } from '../../src/core/measure/result.ts';
import type { Spec } from '../../src/core/measure/spec.ts';
import { validateSpec } from '../../src/core/measure/spec-schema.ts';

export interface FixtureOptions {
  units?: string[];
  times?: number[];
  byTime?: boolean;
  uncertainty?: boolean;
  /** Add TOPSIS, GRA and VIKOR rows. */
  mcdm?: boolean;
}

/** Ranks 1 = best, ties get the minimum rank. */
function ranks(values: number[]): number[] {
  return values.map((v) => 1 + values.filter((w) => w > v).length);
}

export function makeFixture(opts: FixtureOptions = {}): EvaluationResult {
  const units = opts.units ?? ['Beijing', 'Shanghai', 'Guangdong', 'Tibet'];
  const times = opts.times ?? [2013, 2014, 2015];
  const written: Spec = {
    name: { zh: '新质生产力指数', en: 'NQPF index' },
    unit: 'Province',
    time: 'Year',
    nodes: [
      { id: 'labor', parent: null, name: { zh: '新质劳动者', en: 'New-quality labour' } },
      { id: 'labor.skill', parent: 'labor', name: { zh: '劳动者技能', en: 'Labour skills' } },
      { id: 'tech', parent: null, name: { zh: '新质劳动资料', en: 'New-quality means of labour' } },
    ],
    indicators: [
      {
        id: 'x1',
        column: 'R&D Personnel',
        direction: '+',
        parent: 'labor.skill',
        name: { zh: '研发人员', en: 'R&D personnel' },
      },
      {
        id: 'x2',
        column: 'Higher Education Share',
        direction: '+',
        parent: 'labor',
        name: { zh: '高等教育占比', en: 'Higher-education share' },
      },
      {
        id: 'x3',
        column: 'Digital Infra - Fiber Length',
        direction: '+',
        parent: 'tech',
        name: { zh: '光缆长度', en: 'Fibre length' },
      },
      { id: 'x4', column: 'Energy, "per GDP"', direction: '-', parent: 'tech' },
    ],
    normalize: { method: 'minmax', shift: 0.0001, panel: 'pooled' },
    weights: { method: 'entropy', panel: opts.byTime ? 'by-time' : 'pooled', scope: 'leaves' },
    aggregate: { method: 'arithmetic' },
  };
  const spec = validateSpec(written);
  const gw: Record<string, number> = { x1: 0.31234567891234, x2: 0.1 + 0.2 - 0.1, x3: 1 / 3, x4: 0 };
  gw.x4 = 1 - gw.x1 - gw.x2 - gw.x3;
  const local = (id: string, parentTotal: number) => gw[id] / parentTotal;
  const labor = gw.x1 + gw.x2,
    tech = gw.x3 + gw.x4;
  const byTime = (scale: number) =>
    opts.byTime
      ? Object.fromEntries(
          times.map((t, k) => [String(t), { local: scale * (1 + 0.01 * k), global: scale * (0.9 + 0.1 * k) }]),
        )
      : undefined;
  const nodeWeights: NodeWeight[] = [
    { id: 'labor', parent: null, kind: 'node', local: labor, global: labor, byTime: byTime(labor) },
    { id: 'labor.skill', parent: 'labor', kind: 'node', local: gw.x1 / labor, global: gw.x1, byTime: byTime(gw.x1) },
    { id: 'x1', parent: 'labor.skill', kind: 'indicator', local: 1, global: gw.x1, byTime: byTime(gw.x1) },
    { id: 'x2', parent: 'labor', kind: 'indicator', local: local('x2', labor), global: gw.x2, byTime: byTime(gw.x2) },
    { id: 'tech', parent: null, kind: 'node', local: tech, global: tech, byTime: byTime(tech) },
    { id: 'x3', parent: 'tech', kind: 'indicator', local: local('x3', tech), global: gw.x3, byTime: byTime(gw.x3) },
    { id: 'x4', parent: 'tech', kind: 'indicator', local: local('x4', tech), global: gw.x4, byTime: byTime(gw.x4) },
  ];
  const rowUnit: string[] = [],
    rowTime: number[] = [];
  const values: Record<string, number[]> = { x1: [], x2: [], x3: [], x4: [] };
  times.forEach((t, k) =>
    units.forEach((u, i) => {
      rowUnit.push(u);
      rowTime.push(t);
      values.x1.push(((i * 7 + k * 3) % 11) / 10 + 1e-4 / 3);
      values.x2.push(((i * 5 + k * 2) % 9) / 8 + Math.PI * 1e-5);
      values.x3.push(((i * 3 + k * 5 + 1) % 7) / 6.5);
      values.x4.push(((i * 2 + k + 3) % 5) / 4.25 + 1e-4);
    }),
  );
  const nodeScores: NodeScoreRow[] = [];
  const scoreOf = (ids: string[], r: number, denom: number) =>
    ids.reduce((s, id) => s + gw[id] * values[id][r], 0) / denom;
  const defs: Array<[string, string[], number]> = [
    [INDEX_ID, ['x1', 'x2', 'x3', 'x4'], 1],
    ['labor', ['x1', 'x2'], labor],
    ['labor.skill', ['x1'], gw.x1],
    ['tech', ['x3', 'x4'], tech],
  ];
  for (const [node, ids, denom] of defs) {
    times.forEach((t, k) => {
      const rows = units.map((_, i) => k * units.length + i);
      const s = rows.map((r) => scoreOf(ids, r, denom));
      const rk = ranks(s);
      units.forEach((u, i) => nodeScores.push({ node, unit: u, time: t, score: s[i], rank: rk[i] }));
    });
  }
  const indexRows = nodeScores.filter((r) => r.node === INDEX_ID);
  const result: EvaluationResult = {
    weights: { x1: gw.x1, x2: gw.x2, x3: gw.x3, x4: gw.x4 },
    scores: indexRows.map((r) => ({ unit: r.unit, time: r.time, score: r.score, rank: r.rank })),
    units,
    times,
    indicators: spec.indicators.map((i) => ({
      id: i.id,
      column: i.column,
      direction: i.direction,
      parent: i.parent ?? null,
      name: i.name,
    })),
    nodeWeights,
    nodeScores,
    normalized: {
      unit: rowUnit,
      time: rowTime,
      values: Object.fromEntries(Object.entries(values).map(([id, v]) => [id, Float64Array.from(v)])),
    },
    diagnostics: {
      weights: [
        {
          time: null,
          node: 'index',
          method: 'entropy',
          ids: ['x1', 'x2', 'x3', 'x4'],
          weights: [gw.x1, gw.x2, gw.x3, gw.x4],
          details: { entropy: [0.91, 0.95, 0.8800000000000001, 0.97], divergence: [0.09, 0.05, 0.12, 0.03], k: 0.5 },
        },
      ],
      labels: { region: rowUnit.map((u) => (u === 'Tibet' ? 'West' : 'East')) },
      note: 'k = 1 / ln(n)',
    },
    coherence: {
      indicators: ['x1', 'x2', 'x3', 'x4'],
      indicatorCorrelation: [
        [1, 0.5, 0.25, -0.125],
        [0.5, 1, 0.3, 0.1],
        [0.25, 0.3, 1, -0.2],
        [-0.125, 0.1, -0.2, 1],
      ],
      withParent: { x1: 1, x2: 0.8, x3: 0.7, x4: -0.15 },
      withIndex: { x1: 0.6, x2: 0.55, x3: 0.5, x4: 0.05 },
      cronbachAlpha: { labor: 0.72, tech: -0.31 },
      negativeWithParent: ['x4'],
    },
    record: {
      software: { name: 'xinzhi', version: '0.1.0' },
      spec,
      dataFingerprint: 'ab'.repeat(32),
      data: {
        source: 'panel.csv',
        rows: units.length * times.length,
        units: units.length,
        times: times.length,
        columns: spec.indicators.map((i) => i.column),
      },
      imputations: [{ unit: units[0], time: times[1], column: 'R&D Personnel', value: 1234.5, method: 'interpolate' }],
      treatments: [
        {
          unit: units[1],
          time: times[0],
          column: 'Higher Education Share',
          from: 9.75,
          to: 3.5,
          treatment: 'winsorised-high',
        },
      ],
      warnings: [
        {
          code: 'negative-correlation',
          severity: 'warning',
          message: { zh: '指标 x4 与其维度负相关', en: 'indicator x4 correlates negatively with its dimension' },
          fix: { zh: '检查 x4 的方向', en: 'check the direction of x4' },
        },
      ],
      steps: [
        {
          step: 'normalize',
          label: { zh: '标准化', en: 'Normalisation' },
          details: { method: 'minmax', shift: 0.0001 },
        },
        { step: 'weights', label: { zh: '赋权', en: 'Weighting' }, details: { method: 'entropy', k: '1/ln(n)' } },
        { step: 'aggregate', label: { zh: '加总', en: 'Aggregation' }, details: { method: 'arithmetic' } },
      ],
    },
  };
  if (opts.mcdm) {
    result.topsis = indexRows.map((r, i) => ({
      unit: r.unit,
      time: r.time,
      dPlus: 0.1 + i / 100,
      dMinus: 0.2 + i / 300,
      closeness: r.score / 2,
      rank: r.rank,
    }));
    result.gra = indexRows.map((r) => ({ unit: r.unit, time: r.time, grade: r.score / 3, rank: r.rank }));
    result.vikor = indexRows.map((r, i) => ({
      unit: r.unit,
      time: r.time,
      S: i / 7,
      R: i / 11,
      Q: i / 13,
      rank: r.rank,
    }));
  }
  if (opts.uncertainty) {
    result.uncertainty = {
      draws: 200,
      seed: 42,
      ranks: indexRows.map((r) => ({
        unit: r.unit,
        time: r.time,
        nominalRank: r.rank,
        medianRank: r.rank + 0.5,
        q05: Math.max(1, r.rank - 1),
        q95: r.rank + 1,
      })),
      influence: { weights: 0.62, normalize: 0.25, aggregate: 0.13 },
    };
  }
  return result;
}

/** The 31 province names as they appear in data/province-panel. */
export const PANEL_PROVINCES = [
  'Anhui',
  'Beijing',
  'Chongqing',
  'Fujian',
  'Gansu',
  'Guangdong',
  'Guangxi',
  'Guizhou',
  'Hainan',
  'Hebei',
  'Heilongjiang',
  'Henan',
  'Hubei',
  'Hunan',
  'Inner Mongolia',
  'Jiangsu',
  'Jiangxi',
  'Jilin',
  'Liaoning',
  'Ningxia',
  'Qinghai',
  'Shaanxi',
  'Shandong',
  'Shanghai',
  'Shanxi',
  'Sichuan',
  'Tianjin',
  'Tibet',
  'Xinjiang',
  'Yunnan',
  'Zhejiang',
];
