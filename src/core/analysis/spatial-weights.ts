/**
 * Spatial weights matrices W, stored sparsely (compressed sparse rows): for unit
 * i, its neighbours are `neighbours[offsets[i] .. offsets[i+1])` with weights
 * in the same positions of `weights`. Units without neighbours keep an empty
 * row (zero row), as spdep's `zero.policy = TRUE`.
 *
 * Builders
 * - contiguity (queen / rook) from polygons, spdep `poly2nb` criterion with a
 *   snapping tolerance, plus an island fix;
 * - k nearest neighbours (spdep `knearneigh` + `knn2nb`), ties to the lower index;
 * - inverse distance w_ij = d_ij^(−power) (optional cutoff), great-circle km
 *   between area-weighted centroids for geographic data;
 * - economic distance w_ij = 1 / |ḡ_i − ḡ_j| and the nested
 *   geographic × economic form φ·W_d + (1 − φ)·W_e;
 * - an edge list (from, to, weight).
 * Styles: "W" row-standardised (w_ij / Σ_j w_ij, spdep `nb2listw(style = "W")`)
 * or "B" binary / raw (the weights as built).
 */
import { XinzhiError } from '../errors.ts';
import {
  centroid,
  euclidean,
  haversineKm,
  nearestShape,
  sharedVertexCounts,
  type MultiPolygonRings,
  type Point,
} from '../geo/geometry.ts';

export type WeightsStyle = 'W' | 'B';

/** A sparse spatial weights matrix over `ids` (CSR). */
export interface SpatialWeights {
  ids: string[];
  /** Length n + 1; row i spans offsets[i] .. offsets[i+1]. */
  offsets: Int32Array;
  /** Column indices (neighbour j of row i), ascending within a row. */
  neighbours: Int32Array;
  weights: Float64Array;
  style: WeightsStyle;
  /** How the matrix was built, for reports and the spec written next to outputs. */
  description: string;
  /** Links added by the island fix, as unit pairs (both directions are in the matrix). */
  islandLinks?: Array<[string, string]>;
}

/** Neighbour lists (0-based indices, ascending) plus optional raw weights. */
export interface NeighbourList {
  ids: string[];
  neighbours: number[][];
  weights?: number[][];
}

/** Number of units. */
export function size(w: SpatialWeights): number {
  return w.ids.length;
}

/** Number of neighbours of each unit. */
export function cardinalities(w: SpatialWeights): Int32Array {
  const n = w.ids.length;
  const c = new Int32Array(n);
  for (let i = 0; i < n; i++) c[i] = w.offsets[i + 1] - w.offsets[i];
  return c;
}

/** Units without neighbours (indices). */
export function isolates(w: SpatialWeights): number[] {
  const c = cardinalities(w);
  const out: number[] = [];
  c.forEach((v, i) => {
    if (v === 0) out.push(i);
  });
  return out;
}

/** Pack neighbour lists into CSR, sorting each row by neighbour index. */
export function fromNeighbourList(nb: NeighbourList, description: string, style: WeightsStyle = 'B'): SpatialWeights {
  const n = nb.ids.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + nb.neighbours[i].length;
  const neighbours = new Int32Array(offsets[n]);
  const weights = new Float64Array(offsets[n]);
  for (let i = 0; i < n; i++) {
    const js = nb.neighbours[i];
    const ws = nb.weights?.[i] ?? js.map(() => 1);
    const order = js.map((_, k) => k).sort((a, b) => js[a] - js[b]);
    order.forEach((k, pos) => {
      if (js[k] === i) throw new Error(`unit ${nb.ids[i]} is its own neighbour`);
      neighbours[offsets[i] + pos] = js[k];
      weights[offsets[i] + pos] = ws[k];
    });
  }
  return { ids: nb.ids.slice(), offsets, neighbours, weights, style, description };
}

/** Back to neighbour lists (with weights). */
export function toNeighbourList(w: SpatialWeights): NeighbourList {
  const neighbours: number[][] = [];
  const weights: number[][] = [];
  for (let i = 0; i < w.ids.length; i++) {
    neighbours.push(Array.from(w.neighbours.subarray(w.offsets[i], w.offsets[i + 1])));
    weights.push(Array.from(w.weights.subarray(w.offsets[i], w.offsets[i + 1])));
  }
  return { ids: w.ids.slice(), neighbours, weights };
}

/**
 * Row standardisation, style "W": w*_ij = w_ij / Σ_k w_ik. Zero rows stay
 * zero (spdep `nb2listw(style = "W", zero.policy = TRUE)`).
 */
export function rowStandardise(w: SpatialWeights): SpatialWeights {
  const weights = new Float64Array(w.weights.length);
  for (let i = 0; i < w.ids.length; i++) {
    let s = 0;
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) s += w.weights[k];
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) weights[k] = s > 0 ? w.weights[k] / s : 0;
  }
  return { ...w, weights, style: 'W' };
}

/** Binary weights: every link 1 (style "B"). */
export function binary(w: SpatialWeights): SpatialWeights {
  return { ...w, weights: new Float64Array(w.weights.length).fill(1), style: 'B' };
}

/** Apply a style: "W" row-standardises, "B" keeps the weights as built. */
export function withStyle(w: SpatialWeights, style: WeightsStyle): SpatialWeights {
  return style === 'W' ? rowStandardise(w) : { ...w, style: 'B' };
}

/** Spatial lag (Wx)_i = Σ_j w_ij x_j; 0 for a unit without neighbours. */
export function lag(w: SpatialWeights, x: ArrayLike<number>): Float64Array {
  const n = w.ids.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) s += w.weights[k] * x[w.neighbours[k]];
    out[i] = s;
  }
  return out;
}

/** Is the neighbour structure symmetric (j ∈ N(i) ⇔ i ∈ N(j))? */
export function isSymmetric(w: SpatialWeights): boolean {
  const set = new Set<number>();
  const n = w.ids.length;
  for (let i = 0; i < n; i++) for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) set.add(i * n + w.neighbours[k]);
  for (const key of set) {
    const i = Math.floor(key / n);
    const j = key % n;
    if (!set.has(j * n + i)) return false;
  }
  return true;
}

/** Subset of the units (in the given order), links between kept units only. */
export function subset(w: SpatialWeights, keep: ReadonlyArray<number>): SpatialWeights {
  const pos = new Map<number, number>();
  keep.forEach((i, p) => pos.set(i, p));
  const nb: number[][] = [];
  const ws: number[][] = [];
  for (const i of keep) {
    const js: number[] = [];
    const vs: number[] = [];
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) {
      const p = pos.get(w.neighbours[k]);
      if (p !== undefined) {
        js.push(p);
        vs.push(w.weights[k]);
      }
    }
    nb.push(js);
    ws.push(vs);
  }
  return {
    ...fromNeighbourList({ ids: keep.map((i) => w.ids[i]), neighbours: nb, weights: ws }, w.description, w.style),
    islandLinks: w.islandLinks,
  };
}

// ---------------------------------------------------------------------------
// Contiguity

/** Island fix: link units without contiguity neighbours. */
export type IslandRule = 'nearest' | 'none' | ReadonlyArray<readonly [string, string]>;

export interface ContiguityOptions {
  type: 'queen' | 'rook';
  /**
   * Snapping tolerance in coordinate units (degrees for lon/lat): two vertices
   * closer than this count as shared (spdep `poly2nb(snap = )`). Default
   * 1.490116e-8 = sqrt(machine epsilon), spdep's default.
   */
  snap?: number;
  /**
   * What to do with units that share no border (islands such as Hainan and
   * Taiwan): "nearest" links each to the unit whose boundary is closest
   * (smallest vertex-to-vertex distance, great-circle km when geographic) in
   * both directions; "none" leaves them isolated (zero row); a list of pairs
   * adds exactly those links (both directions), e.g. [["Hainan", "Guangdong"],
   * ["Hainan", "Guangxi"]]. Default "nearest".
   */
  islands?: IslandRule;
  /** Coordinates are lon/lat degrees (default true). */
  geographic?: boolean;
}

/** spdep's default snap, sqrt(.Machine$double.eps). */
export const DEFAULT_SNAP = Math.sqrt(2.220446049250313e-16);

/**
 * Contiguity neighbours from polygons, spdep `poly2nb` criterion: units i and j
 * are queen neighbours when at least one vertex of i lies within `snap` of a
 * vertex of j, rook neighbours when at least two such vertex pairs exist
 * (spdep's stand-in for "a shared edge of positive length"). Ring closing points
 * are counted once. Returned with binary weights (style "B"); apply
 * {@link rowStandardise} for style "W".
 */
export function contiguityWeights(
  ids: string[],
  shapes: ReadonlyArray<MultiPolygonRings>,
  opts: ContiguityOptions,
): SpatialWeights {
  const n = ids.length;
  const snap = opts.snap ?? DEFAULT_SNAP;
  const need = opts.type === 'queen' ? 1 : 2;
  const counts = sharedVertexCounts(shapes, snap, need);
  const nb: number[][] = Array.from({ length: n }, () => []);
  for (const [key, c] of counts) {
    if (c < need) continue;
    const i = Math.floor(key / n);
    const j = key % n;
    nb[i].push(j);
    nb[j].push(i);
  }
  const islandLinks = fixIslands(ids, nb, shapes, opts.islands ?? 'nearest', opts.geographic ?? true);
  const w = fromNeighbourList(
    { ids, neighbours: nb },
    `${opts.type} contiguity (snap ${Number(snap.toPrecision(3))}, islands ${describeIslands(opts.islands ?? 'nearest')})`,
  );
  return islandLinks.length ? { ...w, islandLinks } : w;
}

function describeIslands(rule: IslandRule): string {
  return typeof rule === 'string' ? rule : rule.map(([a, b]) => `${a}–${b}`).join(', ');
}

/** Add island links to neighbour lists in place; returns the links added. */
function fixIslands(
  ids: string[],
  nb: number[][],
  shapes: ReadonlyArray<MultiPolygonRings>,
  rule: IslandRule,
  geographic: boolean,
): Array<[string, string]> {
  const added: Array<[string, string]> = [];
  const link = (i: number, j: number) => {
    if (i === j || nb[i].includes(j)) return;
    nb[i].push(j);
    nb[j].push(i);
    added.push([ids[i], ids[j]]);
  };
  if (rule === 'none') return added;
  if (rule === 'nearest') {
    const lonely = nb.map((l, i) => (l.length === 0 ? i : -1)).filter((i) => i >= 0);
    for (const i of lonely) {
      const { index } = nearestShape(i, shapes, geographic);
      if (index >= 0) link(i, index);
    }
    return added;
  }
  const index = new Map(ids.map((id, i) => [id, i]));
  for (const [a, b] of rule) {
    const i = index.get(a);
    const j = index.get(b);
    // Pairs naming units absent from the data are skipped (e.g. a subset of provinces).
    if (i !== undefined && j !== undefined) link(i, j);
  }
  return added;
}

// ---------------------------------------------------------------------------
// Points: k nearest neighbours and inverse distance

export type Metric = 'greatCircle' | 'euclidean';

function distanceFn(metric: Metric): (p: Point, q: Point) => number {
  return metric === 'greatCircle' ? (p, q) => haversineKm(p, q) : euclidean;
}

/** Area-weighted planar centroids of shapes ({@link centroid}). */
export function centroids(shapes: ReadonlyArray<MultiPolygonRings>): Point[] {
  return shapes.map(centroid);
}

/**
 * k nearest neighbours of each point (spdep `knearneigh(k)` + `knn2nb`):
 * the k closest other points; ties in distance go to the lower index
 * (a stable sort). The result is generally not symmetric. Binary weights.
 * Distances are Euclidean (`Math.hypot`) or great-circle km ({@link haversineKm}).
 * Planar points are searched on a uniform grid, ring by ring, so thousands of
 * points are fast; great-circle neighbours scan all pairs by the chord between
 * unit vectors (no trigonometry per pair). Both screen candidates by a cheap
 * monotone proxy (squared distance, chord) and evaluate the distance itself
 * only for the candidates within a safety margin (10⁻¹² relative) of the k-th,
 * far wider than the rounding of either, so the neighbours and their order
 * are those of sorting every candidate by the distance itself.
 */
export function knnWeights(
  ids: string[],
  points: ReadonlyArray<Point>,
  k: number,
  metric: Metric = 'euclidean',
): SpatialWeights {
  const n = points.length;
  if (!(Number.isInteger(k) && k >= 1 && k < n)) {
    throw new XinzhiError({
      code: 'bad-knn',
      severity: 'error',
      message: {
        zh: `k 近邻的 k = ${k} 无效（共 ${n} 个单位）`,
        en: `k = ${k} nearest neighbours is invalid for ${n} units`,
      },
      fix: { zh: `k 取 1 到 ${n - 1} 之间的整数`, en: `use an integer k between 1 and ${n - 1}` },
    });
  }
  const neighbours = metric === 'euclidean' ? knnGrid(points, k) : knnGreatCircle(points, k);
  // Rows of k, each sorted by neighbour index (CSR order).
  for (let i = 0; i < n; i++) sortRow(neighbours, i * k, (i + 1) * k);
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) offsets[i] = i * k;
  return {
    ids: ids.slice(),
    offsets,
    neighbours,
    weights: new Float64Array(n * k).fill(1),
    style: 'B',
    description: `k-nearest neighbours (k = ${k}, ${metric})`,
  };
}

/** Sort a[from .. to) ascending in place (insertion sort for short rows). */
function sortRow(a: Int32Array, from: number, to: number): void {
  if (to - from > 32) {
    a.subarray(from, to).sort();
    return;
  }
  for (let p = from + 1; p < to; p++) {
    const v = a[p];
    let q = p;
    while (q > from && a[q - 1] > v) {
      a[q] = a[q - 1];
      q--;
    }
    a[q] = v;
  }
}

/** The k-th smallest of proxy[0 .. count) (count ≥ k), using `top` (length ≥ k) as scratch. */
function kthSmallest(proxy: Float64Array, count: number, k: number, top: Float64Array): number {
  if (k > 32) return Float64Array.from(proxy.subarray(0, count)).sort()[k - 1];
  // Insertion into the k smallest so far, ascending.
  let filled = 0;
  for (let c = 0; c < count; c++) {
    const v = proxy[c];
    if (filled === k && !(v < top[k - 1])) continue;
    let p = filled < k ? filled++ : k - 1;
    while (p > 0 && top[p - 1] > v) {
      top[p] = top[p - 1];
      p--;
    }
    top[p] = v;
  }
  return top[k - 1];
}

/** Insert (d, j) into the list sorted by (distance, index) of length m; returns m + 1. NaN sorts last. */
function insertByDistance(dist: Float64Array, index: Int32Array, m: number, d: number, j: number): number {
  let p = m;
  while (p > 0) {
    const e = dist[p - 1];
    if (!(e > d || (e === d && index[p - 1] > j) || (e !== e && d === d))) break;
    dist[p] = e;
    index[p] = index[p - 1];
    p--;
  }
  dist[p] = d;
  index[p] = j;
  return m + 1;
}

/** Upper limit of the squared-distance proxy: 10⁻¹² relative above the k-th, or everything when it is 0, subnormal-small or huge. */
function squaredLimit(kth: number): number {
  return kth >= 1e-290 && kth <= 1e290 ? kth * (1 + 1e-12) : Infinity;
}

/** Grid search: grow the ring of cells until the k-th distance is within the searched radius. */
function knnGrid(points: ReadonlyArray<Point>, k: number): Int32Array {
  const n = points.length;
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = points[i][0],
      y = points[i][1];
    px[i] = x;
    py[i] = y;
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  const span = Math.max(x1 - x0, y1 - y0) || 1;
  const g = Math.max(1, Math.floor(Math.sqrt(n / Math.max(k, 2))));
  const cell = span / g;
  // Cells by counting sort: the points of cell c are order[start[c] .. start[c+1]).
  const cellOf = new Int32Array(n);
  const start = new Int32Array(g * g + 1);
  for (let i = 0; i < n; i++) {
    const c = Math.min(g - 1, Math.floor((px[i] - x0) / cell)) * g + Math.min(g - 1, Math.floor((py[i] - y0) / cell));
    cellOf[i] = c;
    start[c + 1]++;
  }
  for (let c = 0; c < g * g; c++) start[c + 1] += start[c];
  const fill = start.slice(0, g * g);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[cellOf[i]]++] = i;
  const out = new Int32Array(n * k);
  const d2 = new Float64Array(n),
    cj = new Int32Array(n);
  const sd = new Float64Array(n),
    sj = new Int32Array(n),
    top = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const xi = px[i],
      yi = py[i];
    const ix = Math.floor(cellOf[i] / g),
      iy = cellOf[i] - ix * g;
    let count = 0;
    let m = 0;
    for (let r = 0; ; r++) {
      // Add the cells on the square ring at Chebyshev distance r.
      const aEnd = Math.min(g - 1, ix + r);
      for (let a = Math.max(0, ix - r); a <= aEnd; a++) {
        const step = r === 0 || a === ix - r || a === ix + r ? 1 : 2 * r;
        for (let b = iy - r; b <= iy + r; b += step) {
          if (b < 0 || b >= g) continue;
          const c = a * g + b;
          for (let p = start[c], e = start[c + 1]; p < e; p++) {
            const j = order[p];
            if (j === i) continue;
            const dx = px[j] - xi,
              dy = py[j] - yi;
            d2[count] = dx * dx + dy * dy;
            cj[count++] = j;
          }
        }
      }
      // Every point outside the searched square is at least r·cell from p, so
      // the search ends once the k-th distance is below that (never at r = 0).
      if (count >= k && (r > 0 || r >= g)) {
        const limit = squaredLimit(kthSmallest(d2, count, k, top));
        m = 0;
        for (let c = 0; c < count; c++) {
          if (!(d2[c] <= limit)) continue;
          const j = cj[c];
          m = insertByDistance(sd, sj, m, Math.hypot(px[j] - xi, py[j] - yi), j);
        }
        if (sd[k - 1] < r * cell || r >= g) break;
      } else if (r >= g) break;
    }
    for (let c = 0; c < Math.min(k, m); c++) out[i * k + c] = sj[c];
  }
  return out;
}

/** All pairs by the chord between unit vectors; great-circle km for the candidates near the k-th. */
function knnGreatCircle(points: ReadonlyArray<Point>, k: number): Int32Array {
  const n = points.length;
  const rad = Math.PI / 180;
  const ux = new Float64Array(n),
    uy = new Float64Array(n),
    uz = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lon = points[i][0] * rad,
      lat = points[i][1] * rad;
    ux[i] = Math.cos(lat) * Math.cos(lon);
    uy[i] = Math.cos(lat) * Math.sin(lon);
    uz[i] = Math.sin(lat);
  }
  const out = new Int32Array(n * k);
  const c2 = new Float64Array(n),
    cj = new Int32Array(n);
  const sd = new Float64Array(n),
    sj = new Int32Array(n),
    top = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const xi = ux[i],
      yi = uy[i],
      zi = uz[i];
    let count = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const dx = ux[j] - xi,
        dy = uy[j] - yi,
        dz = uz[j] - zi;
      c2[count] = dx * dx + dy * dy + dz * dz;
      cj[count++] = j;
    }
    // Chord errors are absolute (~1e-15 on the unit sphere), haversine's are
    // relative: the margin is 1e-12 relative plus 1e-12 absolute on the chord.
    const kth = kthSmallest(c2, count, k, top);
    const chord = Math.sqrt(kth) * (1 + 1e-12) + 1e-12;
    const limit = Number.isFinite(kth) ? chord * chord : Infinity;
    const p = points[i];
    let m = 0;
    for (let c = 0; c < count; c++) {
      if (!(c2[c] <= limit)) continue;
      const j = cj[c];
      m = insertByDistance(sd, sj, m, haversineKm(p, points[j]), j);
    }
    for (let r = 0; r < k; r++) out[i * k + r] = sj[r];
  }
  return out;
}

/**
 * Raw weights (style "B") over every ordered pair i ≠ j of n units, rows in
 * index order: w_ij = weight(i, j), the pair left out when it returns null.
 */
function allPairs(
  ids: string[],
  n: number,
  description: string,
  weight: (i: number, j: number) => number | null,
): SpatialWeights {
  const nb: number[][] = [];
  const ws: number[][] = [];
  for (let i = 0; i < n; i++) {
    const js: number[] = [];
    const vs: number[] = [];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const v = weight(i, j);
      if (v === null) continue;
      js.push(j);
      vs.push(v);
    }
    nb.push(js);
    ws.push(vs);
  }
  return fromNeighbourList({ ids, neighbours: nb, weights: ws }, description);
}

export interface InverseDistanceOptions {
  /** w_ij = d_ij^(−power); default 1. */
  power?: number;
  /** Keep only pairs with d_ij ≤ cutoff (km for great-circle); default none (all pairs). */
  cutoff?: number;
  metric?: Metric;
}

/**
 * Inverse-distance weights w_ij = d_ij^(−power) for i ≠ j (d in km for
 * great-circle), all pairs or those within a cutoff. Raw weights (style "B");
 * row-standardise for "W". Coincident points (d = 0) are an error.
 */
export function inverseDistanceWeights(
  ids: string[],
  points: ReadonlyArray<Point>,
  opts: InverseDistanceOptions = {},
): SpatialWeights {
  const power = opts.power ?? 1;
  const metric = opts.metric ?? 'greatCircle';
  const dist = distanceFn(metric);
  const cut = opts.cutoff !== undefined ? `, cutoff ${opts.cutoff}` : '';
  return allPairs(ids, points.length, `inverse distance (power ${power}, ${metric}${cut})`, (i, j) => {
    const d = dist(points[i], points[j]);
    if (opts.cutoff !== undefined && d > opts.cutoff) return null;
    if (d === 0) {
      throw new XinzhiError({
        code: 'coincident-points',
        severity: 'error',
        unit: ids[i],
        message: {
          zh: `单位 ${ids[i]} 与 ${ids[j]} 的位置重合，反距离无定义`,
          en: `units ${ids[i]} and ${ids[j]} are at the same place; inverse distance is undefined`,
        },
        fix: {
          zh: '检查坐标或边界，或改用邻接 / k 近邻权重',
          en: 'check the coordinates or boundaries, or use contiguity / k-nearest weights',
        },
      });
    }
    return d ** -power;
  });
}

/**
 * Economic-distance weights w_ij = 1 / |ḡ_i − ḡ_j| (i ≠ j), where ḡ is each
 * unit's mean per-capita GDP (or another economic variable) over the period
 * (李婧等 2010; 邵帅等 2016 use this form). Equal means are an error (the weight
 * would be infinite). Raw weights (style "B").
 */
export function economicWeights(ids: string[], meanValue: ArrayLike<number>): SpatialWeights {
  return allPairs(ids, ids.length, 'economic distance 1/|ḡi − ḡj|', (i, j) => {
    const d = Math.abs(meanValue[i] - meanValue[j]);
    if (!(d > 0)) {
      throw new XinzhiError({
        code: 'equal-economic-means',
        severity: 'error',
        unit: ids[i],
        message: {
          zh: `单位 ${ids[i]} 与 ${ids[j]} 的经济变量均值相同（或缺失），经济距离权重无定义`,
          en: `units ${ids[i]} and ${ids[j]} have the same (or missing) mean of the economic variable; the economic distance weight is undefined`,
        },
        fix: { zh: '换用其他经济变量，或检查缺失值', en: 'use another economic variable, or check for missing values' },
      });
    }
    return 1 / d;
  });
}

/**
 * Nested geographic × economic weights W = φ·W_d + (1 − φ)·W_e, where W_d
 * (inverse distance) and W_e (economic distance) are each row-standardised
 * first (邵帅等 2016, 《经济研究》 "经济地理嵌套矩阵"). The result has rows
 * summing to 1. φ ∈ [0, 1], default 0.5.
 */
export function nestedWeights(geographic: SpatialWeights, economic: SpatialWeights, phi = 0.5): SpatialWeights {
  const n = geographic.ids.length;
  const a = toNeighbourList(rowStandardise(geographic));
  const b = toNeighbourList(rowStandardise(economic));
  const nb: number[][] = [];
  const ws: number[][] = [];
  for (let i = 0; i < n; i++) {
    const m = new Map<number, number>();
    a.neighbours[i].forEach((j, k) => m.set(j, (m.get(j) ?? 0) + phi * a.weights![i][k]));
    b.neighbours[i].forEach((j, k) => m.set(j, (m.get(j) ?? 0) + (1 - phi) * b.weights![i][k]));
    nb.push([...m.keys()]);
    ws.push([...m.values()]);
  }
  return {
    ...fromNeighbourList(
      { ids: geographic.ids, neighbours: nb, weights: ws },
      `nested φ·W_d + (1 − φ)·W_e (φ = ${phi})`,
    ),
    style: 'W',
  };
}

/** One link of an edge list. */
export interface Edge {
  from: string;
  to: string;
  weight?: number;
}

/**
 * Weights from an edge list naming units (from → to, optional weight,
 * default 1). Symmetric pairs must be listed both ways; duplicates and
 * self-links are errors, as are unknown units. Raw weights (style "B").
 */
export function edgeListWeights(ids: string[], edges: ReadonlyArray<Edge>, source = 'edge list'): SpatialWeights {
  const index = new Map(ids.map((id, i) => [id, i]));
  const nb: number[][] = ids.map(() => []);
  const ws: number[][] = ids.map(() => []);
  const seen = new Set<string>();
  const problems: import('../errors.ts').Problem[] = [];
  edges.forEach((e, r) => {
    const i = index.get(e.from);
    const j = index.get(e.to);
    if (i === undefined || j === undefined) {
      problems.push({
        code: 'unknown-unit',
        severity: 'error',
        file: source,
        row: r + 2,
        unit: i === undefined ? e.from : e.to,
        message: {
          zh: `边列表中的单位 "${i === undefined ? e.from : e.to}" 不在数据中`,
          en: `unit "${i === undefined ? e.from : e.to}" of the edge list is not in the data`,
        },
        fix: { zh: '单位名称须与数据的单位列一致', en: 'unit names must match the unit column of the data' },
      });
      return;
    }
    const key = `${i},${j}`;
    if (i === j || seen.has(key)) {
      problems.push({
        code: i === j ? 'self-link' : 'duplicate-link',
        severity: 'error',
        file: source,
        row: r + 2,
        unit: e.from,
        message:
          i === j
            ? { zh: '单位不能与自身相邻', en: 'a unit cannot be its own neighbour' }
            : { zh: `重复的边 ${e.from} → ${e.to}`, en: `duplicate link ${e.from} → ${e.to}` },
        fix: { zh: '删除该行', en: 'remove this row' },
      });
      return;
    }
    seen.add(key);
    const wt = e.weight ?? 1;
    if (!(Number.isFinite(wt) && wt >= 0)) {
      problems.push({
        code: 'bad-weight',
        severity: 'error',
        file: source,
        row: r + 2,
        column: 'weight',
        message: { zh: `权重 ${wt} 无效`, en: `weight ${wt} is invalid` },
        fix: { zh: '权重须为非负数', en: 'weights must be non-negative numbers' },
      });
      return;
    }
    nb[i].push(j);
    ws[i].push(wt);
  });
  if (problems.length) throw new XinzhiError(problems);
  return fromNeighbourList({ ids, neighbours: nb, weights: ws }, `edge list (${source})`);
}

/** Dense n × n copy (tests, small reports). */
export function toDense(w: SpatialWeights): number[][] {
  const n = w.ids.length;
  const m = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++)
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) m[i][w.neighbours[k]] = w.weights[k];
  return m;
}
