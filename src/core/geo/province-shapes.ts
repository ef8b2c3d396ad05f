/**
 * Boundary shapes of every unit from the province boundaries (a GeoJSON
 * FeatureCollection such as data/geo/china_provinces.geojson), the units
 * matched by name or code as in the report maps (province-match.ts). Unlike
 * the analyses, which leave unmatched units out, a model needs every unit:
 * units not on the map, or two units on one boundary, are errors naming them.
 *
 * @example provinceShapes(['Beijing', '天津'], geojson).length // 2
 */
import { type Problem, XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import type { MultiPolygonRings } from './geometry.ts';
import { matchProvinces } from './province-match.ts';

interface Feature {
  properties?: Record<string, unknown>;
  geometry?: { type?: string; coordinates?: unknown } | null;
}

export function provinceShapes(
  units: readonly string[],
  geojson: unknown,
  label = 'china_provinces.geojson',
): MultiPolygonRings[] {
  const features = ((geojson as { features?: unknown })?.features ?? []) as Feature[];
  const byEn = new Map(features.map((f) => [String(f?.properties?.ADM1_EN ?? ''), f]));
  const match = matchProvinces([...units], geojson);
  const problems: Problem[] = [];
  const used = new Map<Feature, string>();
  const shapes: MultiPolygonRings[] = [];
  for (const u of units) {
    const pf = match.byUnit.get(u);
    const f = pf ? byEn.get(pf.en) : undefined;
    const g = f?.geometry;
    if (!f || (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon')) {
      problems.push({
        code: 'unit-not-on-map',
        severity: 'error',
        file: label,
        unit: u,
        message: bi(`单位 "${u}" 在边界文件中找不到`, `unit "${u}" is not found in the boundary file`),
        fix: bi(
          '使用省份中英文名称或 GB/T 2260 代码，或上传空间权重边列表（from,to[,weight]）',
          'use province names (English or Chinese) or GB/T 2260 codes, or upload a weights edge list (from,to[,weight])',
        ),
      });
      continue;
    }
    if (used.has(f)) {
      problems.push({
        code: 'duplicate-map-unit',
        severity: 'error',
        file: label,
        unit: u,
        message: bi(
          `单位 "${u}" 与 "${used.get(f)}" 对应同一边界`,
          `units "${u}" and "${used.get(f)}" match the same boundary`,
        ),
        fix: bi('统一单位名称', 'use one name per unit'),
      });
      continue;
    }
    used.set(f, u);
    shapes.push(
      g.type === 'Polygon' ? [g.coordinates as MultiPolygonRings[number]] : (g.coordinates as MultiPolygonRings),
    );
  }
  if (problems.length) throw new XinzhiError(problems.slice(0, 50));
  return shapes;
}
