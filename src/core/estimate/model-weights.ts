/**
 * The raw spatial weights of an sdm / sar / sem model over the units of its
 * panel, built from what the front end read: boundary shapes (queen, rook,
 * knn, idw, nested), an edge list (file:PATH) or the panel itself (economic,
 * nested). The CLI and the web app pass their sources here, so both build the
 * same matrix from the same `weights` string (the estimator row-standardises).
 *
 * Units follow their first appearance in the panel; contiguity links islands
 * to the unit with the nearest boundary (the default of `analyze --weights`).
 *
 * @example modelWeights(panel, model.spatial!, { shapes: (units) => provinceShapes(units, geojson) })
 */
import type { MultiPolygonRings } from '../geo/geometry.ts';
import { type Edge, type SpatialWeights, withStyle } from '../analysis/spatial-weights.ts';
import { buildSpatialWeights, needsShapes, parseWeightsSpec } from '../analysis/weights-spec.ts';
import type { Panel } from '../panel/types.ts';
import type { EstimateModel } from './model.ts';
import type { EstimateContext } from './run-sdm.ts';
import type { SpatialSpec } from './sdm-model.ts';

/** What the front end read for the weights: the units' shapes, or an edge list. */
export interface ModelWeightsSources {
  /** Boundary shapes of `units`, in their order (an error names the units not found). */
  shapes?: (units: string[], spatial: SpatialSpec) => MultiPolygonRings[];
  /** The edge list of a `file:PATH` spec, with the file name for messages. */
  edges?: (path: string) => { edges: ReadonlyArray<Edge>; source: string };
}

/** The data column an economic / nested weights spec needs (read with the model's columns). */
export function spatialColumns(m: EstimateModel): string[] {
  if (!m.spatial) return [];
  const spec = parseWeightsSpec(m.spatial.weights);
  return spec.kind === 'economic' || spec.kind === 'nested' ? [spec.column] : [];
}

/**
 * Mean of a column per unit over the panel's periods, in `units` order (ḡ of economic weights).
 * @example unitMeans(panel, ['A', 'B'], 'gdp') // Float64Array [mean of A, mean of B]
 */
export function unitMeans(panel: Panel, units: readonly string[], column: string): Float64Array {
  const v = panel.columns[column];
  const sum = new Map<string, [number, number]>();
  panel.unit.forEach((u, r) => {
    const [a, c] = sum.get(u) ?? [0, 0];
    sum.set(u, [a + v[r], c + 1]);
  });
  return Float64Array.from(units, (u) => sum.get(u)![0] / sum.get(u)![1]);
}

/** Raw (binary, or distances for idw) weights of one spatial model over the panel's units. */
export function modelWeights(panel: Panel, spatial: SpatialSpec, sources: ModelWeightsSources): SpatialWeights {
  const units = [...new Set(panel.unit)];
  const spec = parseWeightsSpec(spatial.weights);
  const shapes = needsShapes(spec) && sources.shapes ? sources.shapes(units, spatial) : undefined;
  const edges = spec.kind === 'file' && sources.edges ? sources.edges(spec.path) : undefined;
  const w = buildSpatialWeights(spec, units, {
    ...(shapes ? { shapes } : {}),
    ...(edges ? { edges: edges.edges, edgesSource: edges.source } : {}),
    economicMeans: (column) => unitMeans(panel, units, column),
    islands: 'nearest',
  });
  return withStyle(w, 'B');
}

/** The runner's context: the weights of every spatial model, built once per distinct request. */
export function modelWeightsContext(
  panel: Panel,
  models: EstimateModel[],
  sources: ModelWeightsSources,
): EstimateContext {
  const built = new Map<string, SpatialWeights>();
  const key = (m: EstimateModel) => JSON.stringify([m.spatial!.weights, m.spatial!.geo, m.spatial!.geoKey]);
  for (const m of models)
    if (m.spatial && !built.has(key(m))) built.set(key(m), modelWeights(panel, m.spatial, sources));
  return built.size ? { weights: (m) => built.get(key(m))! } : {};
}
