/**
 * Plane and sphere geometry for spatial weights: polygon areas and centroids,
 * bounding boxes, shared-vertex contiguity, great-circle distances.
 *
 * Coordinates are [x, y] = [longitude, latitude] in degrees (GeoJSON order) for
 * geographic data, or planar coordinates for projected / synthetic data.
 * Area and centroid are computed in the coordinate plane (the shoelace formula
 * on longitude/latitude, as GEOS / sf::st_centroid with s2 switched off);
 * distances between geographic points are great-circle (haversine).
 */

/** A point [x, y]. */
export type Point = readonly [number, number];
/** A closed or open ring of points (the closing point may repeat the first). */
export type Ring = ReadonlyArray<Point>;
/** A polygon: outer ring then holes (GeoJSON Polygon coordinates). */
export type PolygonRings = ReadonlyArray<Ring>;
/** A multipolygon (GeoJSON MultiPolygon coordinates). A Polygon is a MultiPolygon of one. */
export type MultiPolygonRings = ReadonlyArray<PolygonRings>;

/** Mean Earth radius in km (IUGG R1 = 6371.0088 km), used by {@link haversineKm}. */
export const EARTH_RADIUS_KM = 6371.0088;

/** Bounding box [minX, minY, maxX, maxY]. */
export type BBox = [number, number, number, number];

/** Bounding box of every vertex of a multipolygon. */
export function bbox(mp: MultiPolygonRings): BBox {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const poly of mp)
    for (const ring of poly)
      for (const [x, y] of ring) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
  return [x0, y0, x1, y1];
}

/**
 * Signed area and first moments of one ring by the shoelace formula:
 * A = ½ Σ (x_k y_{k+1} − x_{k+1} y_k), Cx = Σ (x_k + x_{k+1})(x_k y_{k+1} − x_{k+1} y_k) / (6A).
 * The ring is treated as closed whether or not the last point repeats the first.
 * Returns [2A, 6A·Cx, 6A·Cy] (unnormalised, so rings can be summed).
 */
export function ringMoments(ring: Ring): [number, number, number] {
  const n = ring.length;
  if (n < 3) return [0, 0, 0];
  // Shift to the first vertex to limit cancellation (translation-invariant result).
  const ox = ring[0][0];
  const oy = ring[0][1];
  let a2 = 0,
    mx = 0,
    my = 0;
  for (let k = 0; k < n; k++) {
    const p = ring[k];
    const q = ring[(k + 1) % n];
    const x0 = p[0] - ox,
      y0 = p[1] - oy,
      x1 = q[0] - ox,
      y1 = q[1] - oy;
    const c = x0 * y1 - x1 * y0;
    a2 += c;
    mx += (x0 + x1) * c;
    my += (y0 + y1) * c;
  }
  // Undo the shift: 6A·Cx = 6A·(Cx' + ox) = mx + 3·a2·ox.
  return [a2, mx + 3 * a2 * ox, my + 3 * a2 * oy];
}

/**
 * Planar area of a multipolygon: outer rings count positive, holes negative,
 * whatever their orientation (|A_outer| − Σ|A_hole| per polygon).
 */
export function area(mp: MultiPolygonRings): number {
  let total = 0;
  for (const poly of mp)
    poly.forEach((ring, r) => {
      const a = Math.abs(ringMoments(ring)[0]) / 2;
      total += r === 0 ? a : -a;
    });
  return total;
}

/**
 * Area-weighted centroid of a multipolygon in the coordinate plane:
 * C = Σ_parts A_p C_p / Σ_parts A_p over outer rings (+) and holes (−),
 * the centroid GEOS computes (sf::st_centroid with sf_use_s2(FALSE)).
 * Degenerate (zero-area) shapes fall back to the mean of their vertices.
 */
export function centroid(mp: MultiPolygonRings): Point {
  let a = 0,
    mx = 0,
    my = 0;
  for (const poly of mp)
    poly.forEach((ring, r) => {
      const [a2, m6x, m6y] = ringMoments(ring);
      // Orient every part: outer rings positive, holes negative.
      const sign = (r === 0 ? 1 : -1) * (a2 >= 0 ? 1 : -1);
      a += (sign * a2) / 2;
      mx += (sign * m6x) / 6;
      my += (sign * m6y) / 6;
    });
  if (a !== 0 && Number.isFinite(a)) return [mx / a, my / a];
  let sx = 0,
    sy = 0,
    k = 0;
  for (const poly of mp)
    for (const ring of poly)
      for (const [x, y] of ring) {
        sx += x;
        sy += y;
        k++;
      }
  return [sx / k, sy / k];
}

/**
 * Great-circle distance in km between two [lon, lat] points in degrees
 * (haversine formula on a sphere of radius {@link EARTH_RADIUS_KM}).
 */
export function haversineKm(p: Point, q: Point, radius = EARTH_RADIUS_KM): number {
  const rad = Math.PI / 180;
  const dLat = (q[1] - p[1]) * rad;
  const dLon = (q[0] - p[0]) * rad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(p[1] * rad) * Math.cos(q[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * radius * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Euclidean distance in the plane. */
export function euclidean(p: Point, q: Point): number {
  return Math.hypot(q[0] - p[0], q[1] - p[1]);
}

/**
 * Vertices of a multipolygon as flat x / y arrays, ring closing points dropped
 * (a ring's last point is skipped when it repeats its first).
 */
export function vertices(mp: MultiPolygonRings): { x: Float64Array; y: Float64Array } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const poly of mp)
    for (const ring of poly) {
      let n = ring.length;
      if (n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1]) n -= 1;
      for (let k = 0; k < n; k++) {
        xs.push(ring[k][0]);
        ys.push(ring[k][1]);
      }
    }
  return { x: Float64Array.from(xs), y: Float64Array.from(ys) };
}

/**
 * Count, for every pair of shapes, the pairs of vertices (one from each shape)
 * that lie within `snap` of each other (Euclidean, ≤ snap), capped at `cap`.
 * This is spdep's `poly2nb` criterion (C function polypoly): queen contiguity =
 * at least one such vertex pair, rook = at least two. Uses a uniform grid with
 * cells no smaller than `snap` (about one vertex a cell) so the cost is about
 * linear in the number of vertices.
 * Returns a map from i·n + j (i < j) to the count.
 */
export function sharedVertexCounts(
  shapes: ReadonlyArray<MultiPolygonRings>,
  snap: number,
  cap = 2,
): Map<number, number> {
  const n = shapes.length;
  const vx: number[] = [];
  const vy: number[] = [];
  const vs: number[] = [];
  shapes.forEach((mp, s) => {
    const { x, y } = vertices(mp);
    for (let k = 0; k < x.length; k++) {
      vx.push(x[k]);
      vy.push(y[k]);
      vs.push(s);
    }
  });
  const V = vx.length;
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (let a = 0; a < V; a++) {
    x0 = Math.min(x0, vx[a]);
    x1 = Math.max(x1, vx[a]);
    y0 = Math.min(y0, vy[a]);
    y1 = Math.max(y1, vy[a]);
  }
  const span = Math.max(x1 - x0, y1 - y0, 1e-300);
  const cell = Math.max(snap, span / Math.max(1, Math.ceil(Math.sqrt(V))));
  const gx = Math.floor((x1 - x0) / cell) + 1;
  const gy = Math.floor((y1 - y0) / cell) + 1;
  const cellOf = (a: number) => Math.floor((vx[a] - x0) / cell) * gy + Math.floor((vy[a] - y0) / cell);
  // Bucket the vertices by cell (counting sort).
  const start = new Int32Array(gx * gy + 1);
  const cellIdx = new Int32Array(V);
  for (let a = 0; a < V; a++) {
    cellIdx[a] = cellOf(a);
    start[cellIdx[a] + 1]++;
  }
  for (let c = 0; c < gx * gy; c++) start[c + 1] += start[c];
  const fill = start.slice(0, gx * gy);
  const order = new Int32Array(V);
  for (let a = 0; a < V; a++) order[fill[cellIdx[a]]++] = a;
  const counts = new Map<number, number>();
  const snap2 = snap * snap;
  for (let a = 0; a < V; a++) {
    const cx = Math.floor(cellIdx[a] / gy);
    const cy = cellIdx[a] % gy;
    for (let dx = -1; dx <= 1; dx++) {
      const ax = cx + dx;
      if (ax < 0 || ax >= gx) continue;
      for (let dy = -1; dy <= 1; dy++) {
        const ay = cy + dy;
        if (ay < 0 || ay >= gy) continue;
        const c = ax * gy + ay;
        for (let p = start[c]; p < start[c + 1]; p++) {
          const b = order[p];
          // Each unordered vertex pair once: shapes differ, first shape smaller.
          if (vs[a] >= vs[b]) continue;
          const ex = vx[a] - vx[b];
          const ey = vy[a] - vy[b];
          if (ex * ex + ey * ey > snap2) continue;
          const key = vs[a] * n + vs[b];
          const k = counts.get(key) ?? 0;
          if (k < cap) counts.set(key, k + 1);
        }
      }
    }
  }
  return counts;
}

/**
 * Index of the shape whose boundary is nearest to shape `i`: the smallest
 * vertex-to-vertex distance (great-circle when `geographic`, via the chord
 * between unit vectors, which orders as the arc; planar otherwise).
 * Returns the index and the distance (km when geographic).
 */
export function nearestShape(
  i: number,
  shapes: ReadonlyArray<MultiPolygonRings>,
  geographic: boolean,
): { index: number; distance: number } {
  const rad = Math.PI / 180;
  const embed = (mp: MultiPolygonRings): Float64Array[] => {
    const { x, y } = vertices(mp);
    if (!geographic) return [x, y];
    const ex = new Float64Array(x.length),
      ey = new Float64Array(x.length),
      ez = new Float64Array(x.length);
    for (let k = 0; k < x.length; k++) {
      const lon = x[k] * rad,
        lat = y[k] * rad;
      ex[k] = Math.cos(lat) * Math.cos(lon);
      ey[k] = Math.cos(lat) * Math.sin(lon);
      ez[k] = Math.sin(lat);
    }
    return [ex, ey, ez];
  };
  const box = (e: Float64Array[]) =>
    e.map((v) => {
      let lo = Infinity,
        hi = -Infinity;
      for (const t of v) {
        lo = Math.min(lo, t);
        hi = Math.max(hi, t);
      }
      return [lo, hi];
    });
  const a = embed(shapes[i]);
  const boxA = box(a);
  const dim = a.length;
  const az = dim === 3 ? a[2] : new Float64Array(a[0].length);
  let best = -1;
  let bestD2 = Infinity;
  shapes.forEach((mp, j) => {
    if (j === i) return;
    const b = embed(mp);
    // Lower bound: the gap between the two axis-aligned boxes.
    const boxB = box(b);
    let gap = 0;
    for (let c = 0; c < dim; c++) gap += Math.max(0, boxB[c][0] - boxA[c][1], boxA[c][0] - boxB[c][1]) ** 2;
    if (gap >= bestD2) return;
    const bz = dim === 3 ? b[2] : new Float64Array(b[0].length);
    const [ax, ay] = a;
    const [bx, by] = b;
    for (let p = 0; p < ax.length; p++) {
      const px = ax[p],
        py = ay[p],
        pz = az[p];
      for (let q = 0; q < bx.length; q++) {
        const d2 = (px - bx[q]) ** 2 + (py - by[q]) ** 2 + (pz - bz[q]) ** 2;
        if (d2 < bestD2) {
          bestD2 = d2;
          best = j;
        }
      }
    }
  });
  const chord = Math.sqrt(bestD2);
  return { index: best, distance: geographic ? 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, chord / 2)) : chord };
}
