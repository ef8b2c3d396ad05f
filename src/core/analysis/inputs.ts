/**
 * Analysis inputs from an evaluation result, built in one place for the
 * runner (runner.ts) and through it for the CLI, the report and the web app:
 * node scores as a unit × time matrix or as columns, the level range of the
 * scores (the "levels up to 1 + shift" rule, with `score.scale`), the child
 * dimensions of a node, unit groups (a label column of the spec or the NBS
 * regions) and spatial units on the province boundaries with their weights.
 */
import { XinzhiError } from '../errors.ts';
import { bi, type Bilingual } from '../i18n.ts';
import type { MultiPolygonRings } from '../geo/geometry.ts';
import { findProvince, REGION_NAMES, type Region } from '../geo/provinces.ts';
import { matchProvinces } from '../geo/province-match.ts';
import { INDEX_ID, type EvaluationResult } from '../measure/result.ts';
import type { Time } from '../panel/types.ts';
import { sortTimes } from './distribution-by-time.ts';
import type { UnitTimeMatrix } from './markov.ts';
import type { IslandRule, SpatialWeights } from './spatial-weights.ts';
import { buildSpatialWeights, describeWeights, type WeightsSpec } from './weights-spec.ts';

/** The parts of an evaluation result the analyses read (a results.json parses to it). */
export type AnalysisSource = Pick<
  EvaluationResult,
  'units' | 'times' | 'nodeScores' | 'nodeWeights' | 'indicators' | 'normalized' | 'weights' | 'diagnostics'
> & {
  record: {
    spec: { time?: string | null; normalize?: { method?: string; shift?: number }; score?: { scale?: number } };
  };
};

/**
 * Times of a result in order (numbers ascending, else as strings).
 * @example analysisTimes(result) // [2013, 2014, …, 2022]
 */
export function analysisTimes(result: Pick<EvaluationResult, 'times'>): Time[] {
  return sortTimes([...result.times]);
}

/** Whether the result has scores of a node. */
export function hasNode(result: Pick<EvaluationResult, 'nodeScores'>, node: string): boolean {
  return result.nodeScores.some((r) => r.node === node);
}

/**
 * Scores of a node as units × times: units in result order, times sorted,
 * NaN where a score is missing (a null in a results.json).
 * @example nodeScoreMatrix(result, 'index').y[0] // the index of the first year, by unit
 */
export function nodeScoreMatrix(
  result: Pick<EvaluationResult, 'units' | 'times' | 'nodeScores'>,
  node: string,
): UnitTimeMatrix {
  const times = analysisTimes(result);
  const ui = new Map(result.units.map((u, i) => [u, i]));
  const ti = new Map(times.map((x, k) => [String(x), k]));
  const y = times.map(() => new Float64Array(result.units.length).fill(NaN));
  for (const r of result.nodeScores) {
    if (r.node !== node) continue;
    const i = ui.get(r.unit);
    const k = ti.get(String(r.time));
    if (i !== undefined && k !== undefined) y[k][i] = r.score === null ? NaN : r.score;
  }
  return { units: result.units.slice(), times, y };
}

/**
 * Node scores as columns of a panel, one per node id (`index` and every
 * dimension), rows in the order the unit-time pairs first appear.
 * @example nodeScoreColumns(result).columns.index
 */
export function nodeScoreColumns(result: Pick<EvaluationResult, 'nodeScores'>): {
  unit: string[];
  time: Time[];
  columns: Record<string, Float64Array>;
} {
  const key = (u: string, x: Time) => `${u}\u0000${x}`;
  const row = new Map<string, number>();
  const unit: string[] = [];
  const time: Time[] = [];
  for (const r of result.nodeScores) {
    const k = key(r.unit, r.time);
    if (!row.has(k)) {
      row.set(k, unit.length);
      unit.push(r.unit);
      time.push(r.time);
    }
  }
  const columns: Record<string, Float64Array> = {};
  for (const r of result.nodeScores) {
    const col = (columns[r.node] ??= new Float64Array(unit.length).fill(NaN));
    col[row.get(key(r.unit, r.time))!] = r.score === null ? NaN : r.score;
  }
  return { unit, time, columns };
}

/** How node scores relate to [0, 1]: the spec's score scale and min-max shift, and the accepted maximum level. */
export interface LevelRange {
  /** score.scale (1 when the spec does not scale the scores). */
  scale: number;
  /** The min-max shift s (0 for other normalisations). */
  shift: number;
  /** 1 + s: the largest level a node score can reach once divided by the scale. */
  maxLevel: number;
}

/**
 * The level range of an evaluation's scores. Node scores are Σ w·x′ of
 * min-max values x′ ∈ [s, 1 + s], times `score.scale`; divided by the scale
 * they are levels in [s, 1 + s], so analyses that need levels in [0, 1]
 * (coupling coordination) accept up to 1 + s, and the obstacle degree's
 * ideal value is 1 + s.
 * @example levelRange({ normalize: { method: 'minmax', shift: 0.0001 }, score: { scale: 100 } }) // { scale: 100, shift: 0.0001, maxLevel: 1.0001 }
 */
export function levelRange(spec: {
  normalize?: { method?: string; shift?: number };
  score?: { scale?: number };
}): LevelRange {
  const nz = spec.normalize;
  const shift = nz?.method === 'minmax' || nz?.method === undefined ? (nz?.shift ?? 0) : 0;
  const scale = spec.score?.scale ?? 1;
  return { scale, shift, maxLevel: 1 + shift };
}

/**
 * Levels of a node: its scores divided by the score scale (units × times).
 * @example nodeLevelMatrix(result, 'laborer', levelRange(result.record.spec))
 */
export function nodeLevelMatrix(
  result: Pick<EvaluationResult, 'units' | 'times' | 'nodeScores'>,
  node: string,
  range: LevelRange,
): UnitTimeMatrix {
  const m = nodeScoreMatrix(result, node);
  return range.scale === 1 ? m : { ...m, y: m.y.map((row) => row.map((v) => v / range.scale)) };
}

/**
 * The scored child dimensions of a node, in the order of the result's node
 * weights (for the index: its top-level dimensions).
 * @example childDimensions(result, 'index') // ['laborer', 'means', 'object']
 */
export function childDimensions(result: Pick<EvaluationResult, 'nodeWeights' | 'nodeScores'>, node: string): string[] {
  const parentOf = (p: string | null) => (p === null || p === INDEX_ID ? INDEX_ID : p);
  const scored = new Set(result.nodeScores.map((r) => r.node));
  return result.nodeWeights
    .filter((n) => n.kind === 'node' && parentOf(n.parent) === node && scored.has(n.id))
    .map((n) => n.id);
}

/** Groups of the result's units for the disparity analyses. */
export interface UnitGroups {
  /** Where the groups come from: a label column of the spec, "given", or "nbs-region". */
  by: string;
  /** Group of each unit, in result.units order. */
  groups: string[];
  /** Bilingual name of each group. */
  names: Record<string, Bilingual>;
  /** What the groups are. */
  label: Bilingual;
}

/** The default grouping: the spec's "region" label column when kept, else the NBS regions of province units. */
export const REGION_GROUPING = 'region';

function skipError(code: string, message: Bilingual, fix?: Bilingual): XinzhiError {
  return new XinzhiError({ code, severity: 'error', message, ...(fix ? { fix } : {}) });
}

const listZh = (xs: string[]) => xs.join('、');
const listEn = (xs: string[]) => xs.join(', ');

/**
 * Groups of the units: `given` (unit → group) when passed; else the label
 * column `by` of the spec (kept in result.diagnostics.labels); else, for
 * "region", the four NBS regions of province units (core/geo/provinces.ts).
 * A unit without a group, or with two groups over time, is an error.
 * @example unitGroups(result, 'region').groups // ['East', 'East', 'East', 'Central', …]
 */
export function unitGroups(
  result: Pick<EvaluationResult, 'units' | 'normalized' | 'diagnostics'>,
  by: string = REGION_GROUPING,
  given?: Record<string, string>,
): UnitGroups {
  if (given) {
    const missing = result.units.filter((u) => given[u] === undefined || given[u] === '');
    if (missing.length) {
      throw skipError(
        'no-groups',
        bi(
          `分组未覆盖这些单位：${listZh(missing.slice(0, 10))}${missing.length > 10 ? ' 等' : ''}`,
          `the grouping leaves out these units: ${listEn(missing.slice(0, 10))}${missing.length > 10 ? ' …' : ''}`,
        ),
        bi('为每个单位给出分组', 'give every unit a group'),
      );
    }
    const groups = result.units.map((u) => String(given[u]));
    return {
      by: 'given',
      groups,
      names: Object.fromEntries(groups.map((g) => [g, bi(g, g)])),
      label: bi('给定的分组', 'the given groups'),
    };
  }
  const labels = (result.diagnostics?.labels as Record<string, string[]> | undefined)?.[by];
  if (labels) {
    const byUnit = new Map<string, string>();
    const conflicts: string[] = [];
    result.normalized.unit.forEach((u, i) => {
      const g = labels[i] ?? '';
      if (byUnit.has(u) && byUnit.get(u) !== g) conflicts.push(u);
      else byUnit.set(u, g);
    });
    const missing = result.units.filter((u) => !byUnit.get(u));
    if (missing.length || conflicts.length) {
      throw skipError(
        'no-groups',
        bi(
          `分组列 ${by} ${missing.length ? `在这些单位为空：${listZh(missing.slice(0, 10))}` : `在各期不一致：${listZh([...new Set(conflicts)].slice(0, 10))}`}`,
          `the group column ${by} ${missing.length ? `is empty for: ${listEn(missing.slice(0, 10))}` : `changes over time for: ${listEn([...new Set(conflicts)].slice(0, 10))}`}`,
        ),
        bi(`为每个单位在 ${by} 列填入唯一的组`, `fill one group per unit in the column ${by}`),
      );
    }
    const groups = result.units.map((u) => byUnit.get(u)!);
    const regionName = (g: string) => REGION_NAMES[g as keyof typeof REGION_NAMES];
    const names = Object.fromEntries(groups.map((g) => [g, regionName(g) ?? bi(g, g)]));
    return { by, groups, names, label: bi(`数据中的 ${by} 列`, `the data's ${by} column`) };
  }
  if (by !== REGION_GROUPING) {
    throw skipError(
      'no-groups',
      bi(`没有分组列 "${by}"`, `there is no group column "${by}"`),
      bi(`在指标体系的 labels 中列出 ${by}，或使用 region`, `list ${by} in the spec's labels, or use region`),
    );
  }
  const { regions, unmatched } = nbsRegions(result.units);
  if (unmatched.length) {
    const few = unmatched.slice(0, 10);
    throw skipError(
      'no-groups',
      bi(
        `没有分组：单位不是（全部为）省份，无法按四大地区分组（如 ${listZh(few)}）`,
        `no grouping: the units are not (all) provinces, so the four regions do not apply (e.g. ${listEn(few)})`,
      ),
      bi(
        '请给出 groups（单位 → 组），或在数据中加入 region 列并列入 labels',
        'give groups (unit → group), or add a region column to the data and list it in labels',
      ),
    );
  }
  const groups = regions as string[];
  return {
    by: 'nbs-region',
    groups,
    names: Object.fromEntries(groups.map((g) => [g, REGION_NAMES[g as keyof typeof REGION_NAMES]])),
    label: bi('国家统计局四大地区（东部、中部、西部、东北）', 'the four NBS regions (East, Central, West, Northeast)'),
  };
}

/**
 * The NBS four-region division (东部 East, 中部 Central, 西部 West, 东北 Northeast)
 * of units given as province names or GB/T 2260 codes, and the units that are not provinces.
 * @example nbsRegions(['Beijing', '河南', 'Atlantis']) // { regions: ['East', 'Central', undefined], unmatched: ['Atlantis'] }
 */
export function nbsRegions(units: readonly string[]): { regions: Array<Region | undefined>; unmatched: string[] } {
  const regions = units.map((u) => findProvince(u)?.region);
  return { regions, unmatched: units.filter((_, i) => regions[i] === undefined) };
}

/** Units of a result on the map and their spatial weights. */
export interface SpatialUnits {
  /** Units on the map, in result order. */
  ids: string[];
  /** Position of each of `ids` in result.units. */
  index: number[];
  /** Units left out (not on the boundaries). */
  unmatched: string[];
  /** Unstyled weights over `ids` (binary for contiguity and knn). */
  raw: SpatialWeights;
  weights: WeightsSpec;
  description: Bilingual;
}

/** Shapes of the boundary features, by ADM1_EN (Polygon / MultiPolygon only). */
function featureShapes(geojson: unknown): Map<string, MultiPolygonRings> {
  const out = new Map<string, MultiPolygonRings>();
  const features = (geojson as { features?: unknown })?.features;
  if (!Array.isArray(features)) return out;
  for (const f of features as Array<{
    properties?: Record<string, unknown>;
    geometry?: { type?: string; coordinates?: unknown } | null;
  }>) {
    const en = f?.properties?.ADM1_EN;
    const g = f?.geometry;
    if (typeof en !== 'string' || !g) continue;
    if (g.type === 'Polygon') out.set(en, [g.coordinates as MultiPolygonRings[number]]);
    else if (g.type === 'MultiPolygon') out.set(en, g.coordinates as MultiPolygonRings);
  }
  return out;
}

/**
 * The result's units matched to province boundaries (names, GB codes; at
 * least 80 % must match, the rest are left out and listed) and their weights.
 * Weights that are not built from boundaries (economic, file) are passed
 * prebuilt as `raw` over units of the result.
 * @example provinceSpatialUnits(result.units, geojson, { kind: 'queen' })
 */
export function provinceSpatialUnits(
  units: string[],
  geojson: unknown,
  spec: WeightsSpec,
  opts: { islands?: IslandRule; snap?: number } = {},
): SpatialUnits {
  if (typeof geojson !== 'object' || geojson === null) return buildProvinceSpatialUnits(units, geojson, spec, opts);
  // The same boundaries, units and weights give the same matrix: built once (the web app asks again on every change of a panel).
  const key = JSON.stringify([units, spec, opts.islands ?? 'nearest', opts.snap ?? null]);
  let byKey = SPATIAL_CACHE.get(geojson);
  if (!byKey) SPATIAL_CACHE.set(geojson, (byKey = new Map()));
  let hit = byKey.get(key);
  if (!hit) {
    hit = buildProvinceSpatialUnits(units, geojson, spec, opts);
    if (byKey.size >= 16) byKey.clear();
    byKey.set(key, hit);
  }
  return hit;
}

const SPATIAL_CACHE = new WeakMap<object, Map<string, SpatialUnits>>();

function buildProvinceSpatialUnits(
  units: string[],
  geojson: unknown,
  spec: WeightsSpec,
  opts: { islands?: IslandRule; snap?: number },
): SpatialUnits {
  if (geojson === undefined || geojson === null) {
    throw skipError(
      'no-geo',
      bi(
        '未提供省级边界（geojson），无法进行空间分析',
        'no province boundaries (geojson) were given, so spatial analyses cannot run',
      ),
      bi('提供省级边界文件', 'give the province boundaries'),
    );
  }
  const match = matchProvinces(units, geojson);
  if (!match.isProvinces) {
    const share = units.length ? (100 * match.byUnit.size) / units.length : 0;
    throw skipError(
      'not-provinces',
      bi(
        `空间分析需要省级单位：仅 ${match.byUnit.size}/${units.length} 个单位（${share.toFixed(0)}%）与省级边界匹配，少于 80%`,
        `spatial analyses need provinces: only ${match.byUnit.size} of ${units.length} units (${share.toFixed(0)}%) match the province boundaries, fewer than 80%`,
      ),
      bi('使用省份中英文名称或 GB/T 2260 代码', 'use province names (English or Chinese) or GB/T 2260 codes'),
    );
  }
  const shapesByName = featureShapes(geojson);
  const ids: string[] = [];
  const index: number[] = [];
  const shapes: MultiPolygonRings[] = [];
  const used = new Map<string, string>();
  const unmatched = [...match.unmatched];
  units.forEach((u, i) => {
    const f = match.byUnit.get(u);
    if (!f) return;
    const shape = shapesByName.get(f.en);
    if (!shape) {
      unmatched.push(u);
      return;
    }
    if (used.has(f.en)) {
      throw skipError(
        'duplicate-map-unit',
        bi(
          `单位 "${u}" 与 "${used.get(f.en)}" 对应同一省级边界`,
          `units "${u}" and "${used.get(f.en)}" match the same province boundary`,
        ),
        bi('统一单位名称', 'use one name per unit'),
      );
    }
    used.set(f.en, u);
    ids.push(u);
    index.push(i);
    shapes.push(shape);
  });
  if (ids.length < 4) {
    throw skipError(
      'too-few-units',
      bi(
        `与边界匹配的单位只有 ${ids.length} 个，空间分析至少需要 4 个`,
        `only ${ids.length} units match the boundaries; spatial analyses need at least 4`,
      ),
    );
  }
  const raw = buildSpatialWeights(spec, ids, { shapes, ...opts });
  return { ids, index, unmatched, raw, weights: spec, description: describeWeights(spec, raw.islandLinks ?? []) };
}

/**
 * Spatial units from weights built elsewhere (e.g. `--geo` or an edge-list
 * file read by an adapter): the result's units that the weights cover.
 */
export function spatialUnitsFromWeights(units: string[], raw: SpatialWeights, spec: WeightsSpec): SpatialUnits {
  const pos = new Map(units.map((u, i) => [u, i]));
  const outside = raw.ids.filter((u) => !pos.has(u));
  if (outside.length) {
    throw skipError(
      'unknown-unit',
      bi(
        `空间权重中的单位不在结果中：${listZh(outside.slice(0, 10))}`,
        `units of the weights are not in the result: ${listEn(outside.slice(0, 10))}`,
      ),
      bi('空间权重须以结果中的单位构建', 'build the weights over the units of the result'),
    );
  }
  const covered = new Set(raw.ids);
  return {
    ids: raw.ids.slice(),
    index: raw.ids.map((u) => pos.get(u)!),
    unmatched: units.filter((u) => !covered.has(u)),
    raw,
    weights: spec,
    description: bi(raw.description, raw.description),
  };
}
