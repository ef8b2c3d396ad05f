/**
 * The hierarchy of an index: the composite (INDEX_ID) at the top, the spec's
 * nodes (dimensions, sub-dimensions) in between, the indicators as leaves.
 * Built from a validated spec (spec-schema.ts guarantees a tree).
 *
 * Local weights w_c (a node's children sum to 1) and global weights
 * W_c = Π local weights on the path from the index; for an indicator j,
 * W_j is its effective weight in the composite, and a node's global weight is
 * the sum of its indicators' global weights.
 */
import { INDEX_ID } from './result.ts';
import type { Spec } from './spec.ts';

export interface HNode {
  id: string;
  kind: 'index' | 'node' | 'indicator';
  parent: string | null;
  /** Child ids in declaration order (nodes first as declared, then indicators as declared). */
  children: string[];
  /** Indicator positions (in spec.indicators order) below this node; [j] for indicator j. */
  leaves: number[];
  depth: number;
}

export interface Hierarchy {
  byId: Map<string, HNode>;
  /** Indicator ids in spec order. */
  indicators: string[];
  /** Non-leaf nodes from the bottom up (every node after all of its descendants), ending with INDEX_ID. */
  bottomUp: string[];
  /** Non-leaf nodes top-down, starting with INDEX_ID. */
  topDown: string[];
}

export function buildHierarchy(spec: Pick<Spec, 'nodes' | 'indicators'>): Hierarchy {
  const byId = new Map<string, HNode>();
  byId.set(INDEX_ID, { id: INDEX_ID, kind: 'index', parent: null, children: [], leaves: [], depth: 0 });
  for (const n of spec.nodes ?? [])
    byId.set(n.id, { id: n.id, kind: 'node', parent: n.parent ?? INDEX_ID, children: [], leaves: [], depth: 0 });
  spec.indicators.forEach((ind, j) =>
    byId.set(ind.id, {
      id: ind.id,
      kind: 'indicator',
      parent: ind.parent ?? INDEX_ID,
      children: [],
      leaves: [j],
      depth: 0,
    }),
  );
  for (const n of spec.nodes ?? []) byId.get(n.parent ?? INDEX_ID)!.children.push(n.id);
  for (const ind of spec.indicators) byId.get(ind.parent ?? INDEX_ID)!.children.push(ind.id);

  // depth-first, children in order, with an explicit stack: a hierarchy of any depth never overflows the call stack
  const topDown: string[] = [];
  const stack: Array<[string, number]> = [[INDEX_ID, 0]];
  while (stack.length) {
    const [id, depth] = stack.pop()!;
    const h = byId.get(id)!;
    h.depth = depth;
    if (h.kind === 'indicator') continue;
    topDown.push(id);
    for (let i = h.children.length - 1; i >= 0; i--) stack.push([h.children[i], depth + 1]);
  }
  const bottomUp = [...topDown].sort((a, b) => byId.get(b)!.depth - byId.get(a)!.depth);
  for (const id of bottomUp) {
    const h = byId.get(id)!;
    h.leaves = h.children.flatMap((c) => byId.get(c)!.leaves);
  }
  return { byId, indicators: spec.indicators.map((i) => i.id), bottomUp, topDown };
}

/** Local weights of every node's children: node id → weights aligned with HNode.children. */
export type LocalWeights = Map<string, Float64Array>;

/**
 * Global weights of the indicators (spec order): W_j = Π of local weights
 * along the path from the index to j.
 */
export function globalFromLocal(h: Hierarchy, local: LocalWeights): Float64Array {
  const all = globalOfAll(h, local);
  const out = new Float64Array(h.indicators.length);
  h.indicators.forEach((id, j) => {
    out[j] = all.get(id) ?? 0;
  });
  return out;
}

/** Global weight of every node and indicator (id → W), parents before children (`topDown`), without recursion. */
export function globalOfAll(h: Hierarchy, local: LocalWeights): Map<string, number> {
  const out = new Map<string, number>([[INDEX_ID, 1]]);
  for (const id of h.topDown) {
    const w = out.get(id)!;
    const lw = local.get(id)!;
    h.byId.get(id)!.children.forEach((c, k) => out.set(c, w * lw[k]));
  }
  return out;
}

/**
 * Local weights from indicator-level global weights (scope "leaves"): a
 * node's weight is the sum of its indicators' weights, and a child's local
 * weight is its sum over its parent's sum. A node whose indicators all weigh
 * 0 splits equally (its global weight is 0 either way).
 */
export function localFromGlobal(h: Hierarchy, global: ArrayLike<number>): LocalWeights {
  const local: LocalWeights = new Map();
  const sumOf = (id: string) => h.byId.get(id)!.leaves.reduce((s, j) => s + global[j], 0);
  for (const id of h.topDown) {
    const node = h.byId.get(id)!;
    const sums = node.children.map(sumOf);
    const total = sums.reduce((a, b) => a + b, 0);
    local.set(
      id,
      Float64Array.from(sums, (s) => (total > 0 ? s / total : 1 / sums.length)),
    );
  }
  return local;
}
