/**
 * The one grammar of spatial weights, shared by `xinzhi analyze --weights`,
 * the report and the web app, and the geometry → weights step:
 *
 *   queen | rook                 contiguity from the boundaries (snap, islands)
 *   knn:K                        K nearest centroids (great-circle distance)
 *   idw[:POWER[:CUTOFF_KM]]      inverse great-circle distance between centroids
 *   economic:COL                 1 / |ḡi − ḡj|, ḡ = mean of COL over the period
 *   nested:COL[:PHI]             φ·W_idw + (1 − φ)·W_economic
 *   file:PATH                    edge list with columns from,to[,weight]
 *
 * Parsing and building are pure; reading boundary or edge-list files stays in
 * the adapters, which pass the shapes, edges or economic means they read.
 */
import { XinzhiError } from '../errors.ts';
import { bi, type Bilingual } from '../i18n.ts';
import type { MultiPolygonRings } from '../geo/geometry.ts';
import { unitDisplayName } from '../geo/provinces.ts';
import {
  centroids,
  contiguityWeights,
  economicWeights,
  edgeListWeights,
  inverseDistanceWeights,
  knnWeights,
  nestedWeights,
  type Edge,
  type IslandRule,
  type SpatialWeights,
} from './spatial-weights.ts';

/** A parsed `--weights` value. */
export type WeightsSpec =
  | { kind: 'queen' | 'rook' }
  | { kind: 'knn'; k: number }
  | { kind: 'idw'; power: number; cutoff?: number }
  | { kind: 'economic'; column: string }
  | { kind: 'nested'; column: string; phi: number }
  | { kind: 'file'; path: string };

function badWeights(text: string, detail: Bilingual): XinzhiError {
  return new XinzhiError({
    code: 'bad-weights',
    severity: 'error',
    message: bi(`无法识别的空间权重 "${text}"：${detail.zh}`, `unknown spatial weights "${text}": ${detail.en}`),
    fix: bi(
      '使用 queen、rook、knn:K、idw[:幂[:截断公里]]、economic:列、nested:列[:φ] 或 file:路径',
      'use queen, rook, knn:K, idw[:power[:cutoff km]], economic:COL, nested:COL[:phi] or file:PATH',
    ),
  });
}

/**
 * Parse a weights string of the grammar above (an error names the value and the forms allowed).
 * @example parseWeightsSpec('knn:4') // { kind: 'knn', k: 4 }
 */
export function parseWeightsSpec(text: string): WeightsSpec {
  const [kind, ...args] = text.trim().split(':');
  switch (kind) {
    case 'queen':
    case 'rook':
      return { kind };
    case 'knn': {
      const k = Number(args[0]);
      if (!args[0] || !Number.isInteger(k))
        throw badWeights(text, bi('knn 需要整数 K，如 knn:4', 'knn needs an integer K, e.g. knn:4'));
      return { kind, k };
    }
    case 'idw': {
      const power = args[0] ? Number(args[0]) : 1;
      const cutoff = args[1] ? Number(args[1]) : undefined;
      if (!Number.isFinite(power) || (cutoff !== undefined && !(cutoff > 0))) {
        throw badWeights(text, bi('幂和截断距离必须是数字', 'power and cutoff must be numbers'));
      }
      return cutoff === undefined ? { kind, power } : { kind, power, cutoff };
    }
    case 'economic':
    case 'nested': {
      if (!args[0]) {
        throw badWeights(
          text,
          bi(
            `${kind} 需要一个数据列，如 ${kind}:GDP_per_capita`,
            `${kind} needs a data column, e.g. ${kind}:GDP_per_capita`,
          ),
        );
      }
      if (kind === 'economic') return { kind, column: args[0] };
      const phi = args[1] ? Number(args[1]) : 0.5;
      if (!(phi >= 0 && phi <= 1)) throw badWeights(text, bi('φ 必须在 [0, 1] 之内', 'φ must be in [0, 1]'));
      return { kind, column: args[0], phi };
    }
    case 'file': {
      const path = args.join(':');
      if (!path) throw badWeights(text, bi('file: 后需要文件路径', 'file: needs a path'));
      return { kind, path };
    }
    default:
      throw badWeights(text, bi('未知类型', 'unknown kind'));
  }
}

/** Whether the weights are built from boundary shapes (all but economic and file). */
export function needsShapes(spec: WeightsSpec): boolean {
  return spec.kind !== 'economic' && spec.kind !== 'file';
}

/** What a builder may need besides the unit ids: shapes, edges, economic means, contiguity settings. */
export interface WeightsSources {
  /** Boundary shapes of the units, in `ids` order (queen, rook, knn, idw, nested). */
  shapes?: ReadonlyArray<MultiPolygonRings>;
  /** Edge list (file:PATH), with the file name for messages. */
  edges?: ReadonlyArray<Edge>;
  edgesSource?: string;
  /** Mean of a column per unit in `ids` order (economic, nested). */
  economicMeans?: (column: string) => ArrayLike<number>;
  islands?: IslandRule;
  snap?: number;
}

function requireSource<T>(value: T | undefined, spec: WeightsSpec, what: Bilingual): T {
  if (value !== undefined) return value;
  throw new XinzhiError({
    code: 'bad-weights',
    severity: 'error',
    message: bi(`空间权重 ${spec.kind} 需要${what.zh}`, `spatial weights ${spec.kind} need ${what.en}`),
    fix: bi('给出边界、边列表或数据列', 'give the boundaries, the edge list or the data column'),
  });
}

/**
 * Build the (unstyled: binary, or distances for idw) weights of a parsed spec
 * from the sources. Row-standardise with `withStyle(w, 'W')`.
 * Contiguity uses geographic snapping and, by default, links islands to the
 * unit with the nearest boundary (spdep poly2nb + the usual Hainan rule).
 * @example buildSpatialWeights({ kind: 'queen' }, ids, { shapes })
 */
export function buildSpatialWeights(spec: WeightsSpec, ids: string[], sources: WeightsSources): SpatialWeights {
  const shapes = () => requireSource(sources.shapes, spec, bi('边界', 'boundaries'));
  const econ = (column: string) =>
    economicWeights(ids, requireSource(sources.economicMeans, spec, bi('数据列', 'a data column'))(column));
  switch (spec.kind) {
    case 'queen':
    case 'rook':
      return contiguityWeights(ids, shapes(), {
        type: spec.kind,
        snap: sources.snap,
        islands: sources.islands ?? 'nearest',
        geographic: true,
      });
    case 'knn':
      return knnWeights(ids, centroids(shapes()), spec.k, 'greatCircle');
    case 'idw':
      return inverseDistanceWeights(ids, centroids(shapes()), {
        power: spec.power,
        cutoff: spec.cutoff,
        metric: 'greatCircle',
      });
    case 'economic':
      return econ(spec.column);
    case 'nested':
      return nestedWeights(
        inverseDistanceWeights(ids, centroids(shapes()), { metric: 'greatCircle' }),
        econ(spec.column),
        spec.phi,
      );
    case 'file':
      return edgeListWeights(
        ids,
        requireSource(sources.edges, spec, bi('边列表', 'an edge list')),
        sources.edgesSource ?? spec.path,
      );
  }
}

/**
 * Bilingual description of row-standardised weights of a spec (island links by unit name).
 * @example describeWeights({ kind: 'knn', k: 4 }).en // 'k nearest neighbours (k = 4, …), row-standardised'
 */
export function describeWeights(
  spec: WeightsSpec,
  islandLinks: ReadonlyArray<readonly [string, string]> = [],
): Bilingual {
  const links = (lang: 'zh' | 'en') =>
    islandLinks.map(([a, b]) => `${unitDisplayName(a, lang)}–${unitDisplayName(b, lang)}`);
  switch (spec.kind) {
    case 'queen':
    case 'rook':
      return bi(
        `${spec.kind === 'queen' ? '后式（queen）' : '车式（rook）'}邻接，行标准化；无邻接的孤岛与边界最近的单位相连${islandLinks.length ? `（${links('zh').join('、')}）` : ''}`,
        `${spec.kind} contiguity, row-standardised; units without a contiguous neighbour (islands) are linked to the unit with the nearest boundary${islandLinks.length ? ` (${links('en').join(', ')})` : ''}`,
      );
    case 'knn':
      return bi(
        `k 近邻（k = ${spec.k}，质心大圆距离），行标准化`,
        `k nearest neighbours (k = ${spec.k}, great-circle distance between centroids), row-standardised`,
      );
    case 'idw':
      return bi(
        `质心大圆距离的反距离权重（幂 ${spec.power}${spec.cutoff ? `，截断 ${spec.cutoff} 公里` : ''}），行标准化`,
        `inverse great-circle distance between centroids (power ${spec.power}${spec.cutoff ? `, cutoff ${spec.cutoff} km` : ''}), row-standardised`,
      );
    case 'economic':
      return bi(
        `经济距离权重（${spec.column} 均值之差的倒数），行标准化`,
        `economic distance weights (1 / difference of the means of ${spec.column}), row-standardised`,
      );
    case 'nested':
      return bi(
        `地理与经济嵌套权重（φ = ${spec.phi}，${spec.column}），行标准化`,
        `nested geographic-economic weights (φ = ${spec.phi}, ${spec.column}), row-standardised`,
      );
    case 'file':
      return bi(`边列表 ${spec.path}，行标准化`, `edge list ${spec.path}, row-standardised`);
  }
}
