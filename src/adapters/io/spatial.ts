/**
 * Spatial inputs of the analysis commands: boundary GeoJSON files (the
 * built-in China provinces or a user file), edge-list CSV files, and the
 * `--weights` specification that turns them into a weights matrix.
 *
 * `--weights` forms (the grammar of core/analysis/weights-spec.ts; all
 * row-standardised unless `--style B`):
 *   queen | rook                 contiguity from the boundaries (snap, islands)
 *   knn:K                        K nearest centroids (great-circle)
 *   idw[:POWER[:CUTOFF_KM]]      inverse great-circle distance between centroids
 *   economic:COL                 1 / |ḡi − ḡj|, ḡ = mean of COL over the period
 *   nested:COL[:PHI]             φ·W_idw + (1 − φ)·W_economic
 *   file:PATH                    edge list CSV with columns from,to[,weight]
 * Province names (English, Chinese), GB/T 2260 codes or OCHA P-codes are
 * matched to data/geo/china_provinces.geojson when no `--geo` is given.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { XinzhiError, type Problem } from '../../core/errors.ts';
import type { MultiPolygonRings } from '../../core/geo/geometry.ts';
import {
  withStyle,
  type Edge,
  type IslandRule,
  type SpatialWeights,
  type WeightsStyle,
} from '../../core/analysis/spatial-weights.ts';
import { buildSpatialWeights, needsShapes, parseWeightsSpec } from '../../core/analysis/weights-spec.ts';
import { edgesFromTable } from '../../core/analysis/edge-list.ts';
import { matchProvinces } from '../../core/geo/province-match.ts';
import { loadProvinceGeojson } from './geo.ts';
import { readTableFile } from './read.ts';

interface Feature {
  properties?: Record<string, unknown>;
  geometry?: { type: string; coordinates: unknown } | null;
}

/** Read a GeoJSON FeatureCollection. */
export async function readGeoJson(path: string): Promise<{ features: Feature[] }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new XinzhiError({
      code: 'bad-geojson',
      severity: 'error',
      file: path,
      message: {
        zh: `无法读取边界文件：${(err as Error).message}`,
        en: `cannot read the boundary file: ${(err as Error).message}`,
      },
      fix: { zh: '给出 GeoJSON FeatureCollection 文件的路径', en: 'give the path of a GeoJSON FeatureCollection' },
    });
  }
  const features = (parsed as { features?: unknown }).features;
  if (!Array.isArray(features)) {
    throw new XinzhiError({
      code: 'bad-geojson',
      severity: 'error',
      file: path,
      message: {
        zh: '不是 GeoJSON FeatureCollection（缺少 features）',
        en: 'not a GeoJSON FeatureCollection (no "features")',
      },
      fix: { zh: '导出为 GeoJSON FeatureCollection', en: 'export the boundaries as a GeoJSON FeatureCollection' },
    });
  }
  return { features: features as Feature[] };
}

/** Coordinates of a Polygon / MultiPolygon feature as a multipolygon. */
function featureShape(f: Feature, file: string, label: string): MultiPolygonRings {
  const g = f.geometry;
  if (g?.type === 'Polygon') return [g.coordinates as MultiPolygonRings[number]];
  if (g?.type === 'MultiPolygon') return g.coordinates as MultiPolygonRings;
  throw new XinzhiError({
    code: 'not-polygon',
    severity: 'error',
    file,
    unit: label,
    message: {
      zh: `要素 ${label} 不是面（${g?.type ?? '无几何'}）`,
      en: `feature ${label} is not a polygon (${g?.type ?? 'no geometry'})`,
    },
    fix: {
      zh: '边界文件须为 Polygon / MultiPolygon',
      en: 'the boundary file must hold Polygon / MultiPolygon features',
    },
  });
}

/** The property whose values match the most units (string-compared, trimmed). */
function bestKey(features: Feature[], units: string[]): string | undefined {
  const counts = new Map<string, number>();
  const want = new Set(units.map((u) => u.trim()));
  for (const f of features)
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      if ((typeof v === 'string' || typeof v === 'number') && want.has(String(v).trim()))
        counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  let best: string | undefined;
  let n = 0;
  for (const [k, c] of counts)
    if (c > n) {
      best = k;
      n = c;
    }
  return best;
}

/**
 * Shapes of the units, in the order of `units`. With no path, the built-in
 * province boundaries (names / codes matched as in the report maps); with a
 * path, the features whose `key` property (default: the property matching
 * most units) equals the unit. Unmatched units are one error listing all.
 */
export async function shapesForUnits(units: string[], path?: string, key?: string): Promise<MultiPolygonRings[]> {
  const label = path ? basename(path) : 'china_provinces.geojson';
  // The bundled boundaries are parsed once per process (io/geo.ts); a user file is read here.
  const geo = path ? await readGeoJson(path) : ((await loadProvinceGeojson()) as { features: Feature[] });
  let lookup: (u: string) => Feature | undefined;
  if (!path) {
    const m = matchProvinces(units, geo);
    const byEn = new Map(geo.features.map((f) => [String(f.properties?.ADM1_EN ?? ''), f]));
    lookup = (u) => {
      const pf = m.byUnit.get(u);
      return pf ? byEn.get(pf.en) : undefined;
    };
  } else {
    const k = key ?? bestKey(geo.features, units);
    const byKey = new Map(geo.features.map((f) => [String(f.properties?.[k ?? ''] ?? '').trim(), f]));
    lookup = (u) => byKey.get(u.trim());
  }
  const problems: Problem[] = [];
  const shapes: MultiPolygonRings[] = [];
  const used = new Map<Feature, string>();
  for (const u of units) {
    const f = lookup(u);
    if (!f) {
      problems.push({
        code: 'unit-not-on-map',
        severity: 'error',
        file: label,
        unit: u,
        message: { zh: `单位 "${u}" 在边界文件中找不到`, en: `unit "${u}" is not found in the boundary file` },
        fix: path
          ? {
              zh: '用 --geo-key 指定与单位名称一致的属性',
              en: 'name the property that holds the unit names with --geo-key',
            }
          : {
              zh: '使用省份中英文名称或 GB/T 2260 代码，或用 --geo 给出边界文件',
              en: 'use province names (English or Chinese) or GB/T 2260 codes, or give boundaries with --geo',
            },
      });
      continue;
    }
    if (used.has(f)) {
      problems.push({
        code: 'duplicate-map-unit',
        severity: 'error',
        file: label,
        unit: u,
        message: {
          zh: `单位 "${u}" 与 "${used.get(f)}" 对应同一边界`,
          en: `units "${u}" and "${used.get(f)}" match the same boundary`,
        },
        fix: { zh: '统一单位名称', en: 'use one name per unit' },
      });
      continue;
    }
    used.set(f, u);
    shapes.push(featureShape(f, label, u));
  }
  if (problems.length) throw new XinzhiError(problems);
  return shapes;
}

/** Read an edge list CSV / XLSX with columns from, to and optional weight (core edgesFromTable). */
export async function readEdgeList(path: string): Promise<Edge[]> {
  const table = await readTableFile(path);
  return edgesFromTable({ ...table, name: basename(path) });
}

export interface WeightsRequest {
  /** The --weights string. */
  spec: string;
  units: string[];
  geo?: string;
  geoKey?: string;
  style?: WeightsStyle;
  islands?: IslandRule;
  snap?: number;
  /** Mean of a column per unit, for economic / nested weights. */
  economicMeans?: (column: string) => Float64Array;
}

/** Parse an --islands value: nearest | none | "A-B,C-D" (pairs of units). */
export function parseIslands(value: string | undefined): IslandRule {
  if (value === undefined || value === 'nearest') return 'nearest';
  if (value === 'none') return 'none';
  const pairs = value.split(/[;,]/).map((p) => p.split(/[-:–]/).map((s) => s.trim()) as [string, string]);
  if (pairs.some((p) => p.length !== 2 || !p[0] || !p[1])) {
    throw new XinzhiError({
      code: 'bad-option',
      severity: 'error',
      message: { zh: `--islands "${value}" 无效`, en: `--islands "${value}" is invalid` },
      fix: {
        zh: '写 nearest、none，或如 "Hainan-Guangdong,Hainan-Guangxi" 的单位对',
        en: 'give nearest, none, or unit pairs like "Hainan-Guangdong,Hainan-Guangxi"',
      },
    });
  }
  return pairs;
}

/**
 * Build the weights a command asks for, styled (row-standardised by default):
 * the `--weights` value is parsed by the core grammar (core/analysis/weights-spec.ts),
 * the boundary or edge-list file is read here, and the core builds the matrix.
 */
export async function buildWeights(req: WeightsRequest): Promise<SpatialWeights> {
  const spec = parseWeightsSpec(req.spec);
  const units = req.units;
  const shapes = needsShapes(spec) ? await shapesForUnits(units, req.geo, req.geoKey) : undefined;
  const edges = spec.kind === 'file' ? await readEdgeList(spec.path) : undefined;
  const w = buildSpatialWeights(spec, units, {
    ...(shapes ? { shapes } : {}),
    ...(edges && spec.kind === 'file' ? { edges, edgesSource: basename(spec.path) } : {}),
    ...(req.economicMeans ? { economicMeans: req.economicMeans } : {}),
    islands: req.islands ?? 'nearest',
    ...(req.snap !== undefined ? { snap: req.snap } : {}),
  });
  return withStyle(w, req.style ?? 'W');
}
