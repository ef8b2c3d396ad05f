/**
 * The index hierarchy of an EvaluationResult as the outputs present it:
 * nodes and indicators in depth-first order (siblings in the order of
 * `nodeWeights`), with their level (index = 0, its children = 1, ...) and
 * bilingual names (the spec's names, else the id).
 */
import { bi, type Bilingual } from '../../core/i18n.ts';
import { INDEX_ID, type EvaluationResult, type NodeWeight } from '../../core/measure/result.ts';
import type { Direction } from '../../core/measure/spec.ts';

export interface HierarchyEntry {
  id: string;
  kind: 'node' | 'indicator';
  /** Parent id (INDEX_ID for children of the index). */
  parent: string;
  /** 1 for children of the index, 2 for their children, ... */
  level: number;
  name: Bilingual;
  /** Data column (indicators only). */
  column?: string;
  direction?: Direction;
  /** Measurement unit of the raw values (indicators only). */
  measure?: string;
  weight: NodeWeight;
}

/** Default name of the composite index. */
export const INDEX_NAME: Bilingual = bi('综合指数', 'Composite index');

/** Name of the index: the spec's `name`, else "综合指数 / Composite index". */
export function indexName(result: EvaluationResult): Bilingual {
  return result.record.spec.name ?? INDEX_NAME;
}

/** Bilingual name of a node or indicator id (INDEX_ID gives the index name; unknown ids give the id). */
export function nodeName(result: EvaluationResult, id: string): Bilingual {
  if (id === INDEX_ID) return indexName(result);
  const ind = result.indicators.find((i) => i.id === id);
  if (ind?.name) return ind.name;
  const specInd = result.record.spec.indicators.find((i) => i.id === id);
  if (specInd?.name) return specInd.name;
  const node = result.record.spec.nodes?.find((n) => n.id === id);
  if (node?.name) return node.name;
  return bi(id, id);
}

/** Parent of a weight entry, with null (top) mapped to INDEX_ID. */
function parentOf(w: NodeWeight): string {
  return w.parent === null ? INDEX_ID : w.parent;
}

/**
 * Nodes and indicators in depth-first order below the index. Entries whose
 * parent is missing from `nodeWeights` are appended at level 1 so nothing is lost.
 */
export function hierarchy(result: EvaluationResult): HierarchyEntry[] {
  const weights = result.nodeWeights.filter((w) => w.id !== INDEX_ID);
  const children = new Map<string, NodeWeight[]>();
  for (const w of weights) {
    const p = parentOf(w);
    if (!children.has(p)) children.set(p, []);
    children.get(p)!.push(w);
  }
  const out: HierarchyEntry[] = [];
  const seen = new Set<string>();
  // depth-first in declaration order with an explicit stack (any depth, no call-stack overflow)
  const visit = (root: string, rootLevel: number): void => {
    const stack: Array<[NodeWeight, string, number]> = [];
    const push = (parent: string, level: number) => {
      const kids = children.get(parent) ?? [];
      for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], parent, level]);
    };
    push(root, rootLevel);
    while (stack.length) {
      const [w, parent, level] = stack.pop()!;
      if (seen.has(w.id)) continue;
      seen.add(w.id);
      out.push(entry(result, w, parent, level));
      push(w.id, level + 1);
    }
  };
  visit(INDEX_ID, 1);
  for (const w of weights) {
    if (!seen.has(w.id)) {
      seen.add(w.id);
      out.push(entry(result, w, parentOf(w), 1));
      visit(w.id, 2);
    }
  }
  return out;
}

function entry(result: EvaluationResult, w: NodeWeight, parent: string, level: number): HierarchyEntry {
  const ind = w.kind === 'indicator' ? result.indicators.find((i) => i.id === w.id) : undefined;
  return {
    id: w.id,
    kind: w.kind,
    parent,
    level,
    name: nodeName(result, w.id),
    column: ind?.column,
    direction: ind?.direction,
    measure: ind?.unit,
    weight: w,
  };
}

/**
 * Ids of the nodes that have scores, grouped by level: level 0 is the index,
 * then the hierarchy's node levels (in hierarchy order). Indicators are not scored nodes.
 */
export function scoredLevels(result: EvaluationResult): string[][] {
  const scored = new Set(result.nodeScores.map((r) => r.node));
  const levels: string[][] = [];
  if (scored.has(INDEX_ID) || result.scores.length > 0) levels.push([INDEX_ID]);
  for (const e of hierarchy(result)) {
    if (e.kind !== 'node' || !scored.has(e.id)) continue;
    while (levels.length <= e.level) levels.push([]);
    levels[e.level].push(e.id);
  }
  return levels.filter((l) => l.length > 0);
}

/** The nodes whose score and rank columns scores.csv and scores.parquet hold, in their order: the index, then every scored node by level. */
export function scoreColumnNodes(result: EvaluationResult): string[] {
  const nodes = scoredLevels(result).flat();
  if (!nodes.includes(INDEX_ID)) nodes.unshift(INDEX_ID);
  return nodes;
}

/** Ids of the top-level ancestors (children of the index) of each hierarchy entry. */
export function topAncestor(result: EvaluationResult): Map<string, string> {
  const parent = new Map(result.nodeWeights.map((w) => [w.id, parentOf(w)]));
  const out = new Map<string, string>();
  for (const w of result.nodeWeights) {
    let id = w.id;
    const guard = new Set<string>();
    while (parent.get(id) !== undefined && parent.get(id) !== INDEX_ID && !guard.has(id)) {
      guard.add(id);
      id = parent.get(id)!;
    }
    out.set(w.id, id);
  }
  return out;
}
