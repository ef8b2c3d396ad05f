/**
 * Queries over the framework model: navigation of the `contains` hierarchy,
 * typed relations, text search in both languages, shortest paths, remedies of
 * problems, indicators of nodes, sub-graphs, and attaching indicator systems.
 *
 * All functions take the model as their first argument and never mutate it;
 * indices are built once per model object and cached.
 */
import type { Bilingual } from '../i18n.ts';
import { XinzhiError, type Problem } from '../errors.ts';
import type { Citation, FrameworkModel, FrameworkNode, FrameworkRelation, RelationType } from './types.ts';
import { ID_PATTERN } from './schema.ts';
import { editDistance } from '../text/edit-distance.ts';

interface Index {
  byId: Map<string, FrameworkNode>;
  out: Map<string, FrameworkRelation[]>;
  in: Map<string, FrameworkRelation[]>;
}
const indexCache = new WeakMap<FrameworkModel, Index>();

function index(model: FrameworkModel): Index {
  let ix = indexCache.get(model);
  if (ix) return ix;
  ix = { byId: new Map(), out: new Map(), in: new Map() };
  for (const n of model.nodes) ix.byId.set(n.id, n);
  for (const r of model.relations) {
    if (!ix.out.has(r.from)) ix.out.set(r.from, []);
    ix.out.get(r.from)!.push(r);
    if (!ix.in.has(r.to)) ix.in.set(r.to, []);
    ix.in.get(r.to)!.push(r);
  }
  indexCache.set(model, ix);
  return ix;
}

/** The node with this id, or undefined. */
export function getNode(model: FrameworkModel, id: string): FrameworkNode | undefined {
  return index(model).byId.get(id);
}

/** The node with this id; throws a XinzhiError that suggests the closest ids when it does not exist. */
export function requireNode(model: FrameworkModel, id: string): FrameworkNode {
  const n = getNode(model, id);
  if (n) return n;
  const near = suggestIds(model, id);
  const list = near.length ? near.join(', ') : '-';
  throw new XinzhiError({
    code: 'unknown-node',
    severity: 'error',
    message: { zh: `框架中没有 id 为 "${id}" 的节点`, en: `the framework has no node with id "${id}"` },
    fix: {
      zh: `相近的 id：${list}；可用 \`xinzhi framework search <文字>\` 查找`,
      en: `closest ids: ${list}; find nodes with \`xinzhi framework search <text>\``,
    },
  });
}

/** Relations leaving a node (optionally of one type), in model order. */
export function outgoing(model: FrameworkModel, id: string, type?: RelationType): FrameworkRelation[] {
  const rs = index(model).out.get(id) ?? [];
  return type ? rs.filter((r) => r.type === type) : rs.slice();
}

/** Relations arriving at a node (optionally of one type), in model order. */
export function incoming(model: FrameworkModel, id: string, type?: RelationType): FrameworkRelation[] {
  const rs = index(model).in.get(id) ?? [];
  return type ? rs.filter((r) => r.type === type) : rs.slice();
}

const nodesOf = (model: FrameworkModel, ids: string[]): FrameworkNode[] =>
  ids.map((i) => getNode(model, i)).filter((n): n is FrameworkNode => n !== undefined);

/** Direct children by `contains`, in the order the relations are declared. */
export function children(model: FrameworkModel, id: string): FrameworkNode[] {
  return nodesOf(
    model,
    outgoing(model, id, 'contains').map((r) => r.to),
  );
}

/** Direct parents by `contains` (a node shared by several seeds may have more than one). */
export function parents(model: FrameworkModel, id: string): FrameworkNode[] {
  return nodesOf(
    model,
    incoming(model, id, 'contains').map((r) => r.from),
  );
}

/** All nodes reachable from a node by `contains` (breadth first, each once, the node itself excluded). */
export function descendants(model: FrameworkModel, id: string): FrameworkNode[] {
  return nodesOf(model, reach(id, (x) => outgoing(model, x, 'contains').map((r) => r.to)).slice(1));
}

/** All nodes a node is contained in, directly or indirectly (breadth first, the node itself excluded). */
export function ancestors(model: FrameworkModel, id: string): FrameworkNode[] {
  return nodesOf(model, reach(id, (x) => incoming(model, x, 'contains').map((r) => r.from)).slice(1));
}

function reach(start: string, next: (id: string) => string[]): string[] {
  const seen = new Set<string>([start]);
  const order = [start];
  for (let i = 0; i < order.length; i++) {
    for (const c of next(order[i]))
      if (!seen.has(c)) {
        seen.add(c);
        order.push(c);
      }
  }
  return order;
}

/**
 * Relation types that hang a leaf on a node outside the `contains` hierarchy:
 * a policy `tracks` a quantity, a concept is `measured-by` an indicator.
 */
export const ATTACHMENT_TYPES: ReadonlyArray<RelationType> = ['tracks', 'measured-by'];

/** Nodes attached to a node by `tracks` or `measured-by` (quantities, indicators), in declaration order. */
export function attachments(model: FrameworkModel, id: string): FrameworkNode[] {
  return nodesOf(
    model,
    outgoing(model, id)
      .filter((r) => ATTACHMENT_TYPES.includes(r.type))
      .map((r) => r.to),
  );
}

/** True when a node hangs on another one only as an attachment (it has no `contains` parent but is tracked or measured). */
function attachedOnly(model: FrameworkModel, id: string): boolean {
  return (
    incoming(model, id, 'contains').length === 0 && incoming(model, id).some((r) => ATTACHMENT_TYPES.includes(r.type))
  );
}

/**
 * Nodes at the top of the tree: no `contains` parent and not attached to
 * another node by `tracks` / `measured-by`.
 */
export function roots(model: FrameworkModel): FrameworkNode[] {
  return model.nodes.filter((n) => incoming(model, n.id, 'contains').length === 0 && !attachedOnly(model, n.id));
}

/**
 * The node, everything below it by `contains`, and the quantities and
 * indicators attached to any of these (by `tracks` / `measured-by`).
 */
export function members(model: FrameworkModel, rootId: string): FrameworkNode[] {
  const inTree = [rootId, ...descendants(model, rootId).map((n) => n.id)];
  const seen = new Set(inTree);
  const out = [...inTree];
  for (let i = 0; i < out.length; i++) {
    for (const a of attachments(model, out[i]))
      if (!seen.has(a.id)) {
        seen.add(a.id);
        out.push(a.id);
      }
  }
  return nodesOf(model, out);
}

/** One relation seen from a node: the relation, whether it leaves or arrives, and the node at the other end. */
export interface RelationView {
  relation: FrameworkRelation;
  direction: 'out' | 'in';
  other: FrameworkNode;
}

/** Relations of a node in both directions (optionally filtered by type and direction). */
export function relationsOf(
  model: FrameworkModel,
  id: string,
  opts: { type?: RelationType; direction?: 'out' | 'in' | 'both' } = {},
): RelationView[] {
  const dir = opts.direction ?? 'both';
  const out: RelationView[] = [];
  if (dir !== 'in')
    for (const r of outgoing(model, id, opts.type)) {
      const o = getNode(model, r.to);
      if (o) out.push({ relation: r, direction: 'out', other: o });
    }
  if (dir !== 'out')
    for (const r of incoming(model, id, opts.type)) {
      const o = getNode(model, r.from);
      if (o) out.push({ relation: r, direction: 'in', other: o });
    }
  return out;
}

// ---- Search -----------------------------------------------------------------------------

/** A search hit: the node, its score (higher is better) and the fields that matched. */
export interface SearchHit {
  node: FrameworkNode;
  score: number;
  fields: Array<'id' | 'name.zh' | 'name.en' | 'description.zh' | 'description.en'>;
}

/**
 * Find nodes whose id, Chinese or English name or description contain the
 * text (case-insensitive). Several words separated by spaces must all match.
 * Scoring per word: exact id or name 100, name containing it 40, id 30,
 * description 10; hits are sorted by score, then by model order.
 */
export function search(model: FrameworkModel, text: string, opts: { limit?: number } = {}): SearchHit[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits: Array<SearchHit & { pos: number }> = [];
  const wholeName = text.trim().toLowerCase();
  model.nodes.forEach((n, pos) => {
    let total = 0;
    const fields = new Set<SearchHit['fields'][number]>();
    if (
      n.id.toLowerCase() === wholeName ||
      n.name.zh.toLowerCase() === wholeName ||
      n.name.en.toLowerCase() === wholeName
    )
      total += 100;
    for (const w of words) {
      let s = 0;
      const check = (field: SearchHit['fields'][number], value: string, score: number) => {
        if (value.toLowerCase().includes(w)) {
          fields.add(field);
          s = Math.max(s, score);
        }
      };
      check('name.zh', n.name.zh, 40);
      check('name.en', n.name.en, 40);
      check('id', n.id, 30);
      check('description.zh', n.description.zh, 10);
      check('description.en', n.description.en, 10);
      if (s === 0) return; // every word must match somewhere
      total += s;
    }
    hits.push({ node: n, score: total, fields: [...fields], pos });
  });
  hits.sort((a, b) => b.score - a.score || a.pos - b.pos);
  const limited = opts.limit !== undefined ? hits.slice(0, opts.limit) : hits;
  return limited.map(({ node, score, fields }) => ({ node, score, fields }));
}

/** Up to `n` ids close to a (mistyped) id or text: search hits first, then the smallest edit distance between ids. */
export function suggestIds(model: FrameworkModel, text: string, n = 5): string[] {
  const out: string[] = [];
  const push = (id: string) => {
    if (!out.includes(id) && out.length < n) out.push(id);
  };
  for (const h of search(model, text.replace(/[.\-_]+/g, ' '), { limit: Math.ceil(n / 2) })) push(h.node.id);
  const lower = text.toLowerCase();
  const ranked = model.nodes
    .map((node, pos) => ({ id: node.id, d: editDistance(lower, node.id), pos }))
    .sort((a, b) => a.d - b.d || a.pos - b.pos);
  for (const r of ranked) push(r.id);
  return out;
}

// ---- Paths ---------------------------------------------------------------------------

/** One step of a path: the relation used and whether it was followed along (`forward`) or against its direction. */
export interface PathStep {
  from: string;
  to: string;
  relation: FrameworkRelation;
  forward: boolean;
}

/**
 * Shortest path between two nodes over the relations (breadth-first search,
 * fewest steps; on ties outgoing relations are tried before incoming ones, each
 * in declaration order). By default relations
 * may be followed in either direction; `directed: true` follows them only
 * from `from` to `to`. `types` restricts the relation types used.
 * Returns the steps (empty when from = to) or null when there is no path.
 */
export function shortestPath(
  model: FrameworkModel,
  from: string,
  to: string,
  opts: { directed?: boolean; types?: RelationType[] } = {},
): PathStep[] | null {
  requireNode(model, from);
  requireNode(model, to);
  if (from === to) return [];
  const allowed = opts.types ? new Set(opts.types) : undefined;
  const prev = new Map<string, PathStep>();
  const seen = new Set([from]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const cur = queue[i];
    const steps: PathStep[] = [];
    for (const r of outgoing(model, cur)) steps.push({ from: cur, to: r.to, relation: r, forward: true });
    if (!opts.directed)
      for (const r of incoming(model, cur)) steps.push({ from: cur, to: r.from, relation: r, forward: false });
    for (const s of steps) {
      if (allowed && !allowed.has(s.relation.type)) continue;
      if (seen.has(s.to)) continue;
      seen.add(s.to);
      prev.set(s.to, s);
      if (s.to === to) {
        const path: PathStep[] = [];
        for (let at = to; at !== from; ) {
          const st = prev.get(at)!;
          path.unshift(st);
          at = st.from;
        }
        return path;
      }
      queue.push(s.to);
    }
  }
  return null;
}

// ---- Remedies and indicators ------------------------------------------------------------

/** A remedy of a problem: the remedy node, the (sub-)problem it answers and how it was reached. */
export interface Remedy {
  node: FrameworkNode;
  /** The problem (the one asked about, one of its sub-problems or a same-as problem) the remedy answers. */
  problem: string;
  /** `mitigated-by` from the problem; `recommends` from a remedy; `contains` for the measures inside a remedy. */
  via: 'mitigated-by' | 'recommends' | 'contains';
  /** The node this one was reached from (the problem or a remedy). */
  from: string;
}

/**
 * What the seeds recommend against a problem. Starts from the problem, its
 * sub-problems (by `contains`) and problems `same-as` any of them; follows
 * `mitigated-by` to remedies, then from each remedy `recommends` and the
 * measures it `contains`, transitively. Each node is listed once, at its first
 * (shallowest) occurrence.
 */
export function remediesOf(model: FrameworkModel, problemId: string): Remedy[] {
  requireNode(model, problemId);
  const problems = reach(problemId, (x) => [
    ...outgoing(model, x, 'contains')
      .map((r) => r.to)
      .filter((c) => getNode(model, c)?.kind === 'problem'),
    ...outgoing(model, x, 'same-as').map((r) => r.to),
    ...incoming(model, x, 'same-as').map((r) => r.from),
  ]);
  const out: Remedy[] = [];
  const seen = new Set<string>(problems);
  const queue: Array<{ id: string; problem: string }> = [];
  const push = (id: string, problem: string, via: Remedy['via'], from: string) => {
    if (seen.has(id)) return;
    const n = getNode(model, id);
    if (!n) return;
    seen.add(id);
    out.push({ node: n, problem, via, from });
    queue.push({ id, problem });
  };
  for (const p of problems) for (const r of outgoing(model, p, 'mitigated-by')) push(r.to, p, 'mitigated-by', p);
  for (let i = 0; i < queue.length; i++) {
    const { id, problem } = queue[i];
    for (const r of outgoing(model, id, 'recommends')) push(r.to, problem, 'recommends', id);
    for (const r of outgoing(model, id, 'contains')) push(r.to, problem, 'contains', id);
  }
  return out;
}

// ---- Problems of a node and diagnosis ------------------------------------------------

/** How the node a `hinders` relation points at stands to the node asked about. */
export type ProblemScope = 'self' | 'same-as' | 'related-to' | 'ancestor';

/** A problem that holds back a node: the problem, the `hinders` relation (with its note and citations) and where it points. */
export interface ProblemLink {
  problem: FrameworkNode;
  /** The node the `hinders` relation points at: the node asked about, or (deep) one of its equivalents, related nodes or ancestors. */
  target: string;
  scope: ProblemScope;
  relation: FrameworkRelation;
  /** The relation's note: why the problem holds the target back. */
  note?: Bilingual;
  /** The relation's citations (the section of the seed that supports the link); empty when it has none. */
  cite: Citation[];
}

/**
 * Problems (sources of `hinders` relations) that hold back a node. Without
 * `deep`, only relations that point at the node itself. With `deep`, also
 * those that point at, in this order: nodes `same-as` it (transitively, both
 * directions); nodes one `related-to` step away from it or from those; the
 * `contains` ancestors of the node and of its `same-as` nodes (nearest first).
 * Each problem is listed once, at its first occurrence; within one target in
 * declaration order.
 */
export function problemsAffecting(model: FrameworkModel, nodeId: string, opts: { deep?: boolean } = {}): ProblemLink[] {
  requireNode(model, nodeId);
  const scopes: Array<{ id: string; scope: ProblemScope }> = [{ id: nodeId, scope: 'self' }];
  if (opts.deep) {
    const seen = new Set([nodeId]);
    const add = (id: string, scope: ProblemScope) => {
      if (!seen.has(id)) {
        seen.add(id);
        scopes.push({ id, scope });
      }
    };
    const same = reach(nodeId, (x) => [
      ...outgoing(model, x, 'same-as').map((r) => r.to),
      ...incoming(model, x, 'same-as').map((r) => r.from),
    ]);
    for (const id of same.slice(1)) add(id, 'same-as');
    for (const id of same) {
      for (const r of outgoing(model, id, 'related-to')) add(r.to, 'related-to');
      for (const r of incoming(model, id, 'related-to')) add(r.from, 'related-to');
    }
    // ancestors of the node and its same-as nodes, breadth first (nearest first)
    const queue = [...same];
    const visited = new Set(same);
    for (let i = 0; i < queue.length; i++) {
      for (const r of incoming(model, queue[i], 'contains')) {
        if (visited.has(r.from)) continue;
        visited.add(r.from);
        queue.push(r.from);
        add(r.from, 'ancestor');
      }
    }
  }
  const out: ProblemLink[] = [];
  const listed = new Set<string>();
  for (const { id, scope } of scopes) {
    for (const r of incoming(model, id, 'hinders')) {
      const problem = getNode(model, r.from);
      if (!problem || listed.has(problem.id) || problem.id === nodeId) continue;
      listed.add(problem.id);
      const link: ProblemLink = { problem, target: id, scope, relation: r, cite: r.cite ? [...r.cite] : [] };
      if (r.note) link.note = r.note;
      out.push(link);
    }
  }
  return out;
}

/** A diagnosis of a node: what holds it back according to the seeds, and what they recommend against each problem. */
export interface Diagnosis {
  node: FrameworkNode;
  problems: Array<ProblemLink & { remedies: Remedy[] }>;
}

/**
 * From a node (a factor, form, level, ... — typically the framework node of a
 * weak dimension) to the problems that hinder it (`problemsAffecting`) and,
 * for each, the remedies the seeds give (`remediesOf`). `deep` defaults to
 * true; each problem's `scope` says whether it hinders the node itself, an
 * equivalent, a related node or an ancestor.
 */
export function diagnose(model: FrameworkModel, nodeId: string, opts: { deep?: boolean } = {}): Diagnosis {
  const node = requireNode(model, nodeId);
  const problems = problemsAffecting(model, nodeId, { deep: opts.deep ?? true }).map((p) => ({
    ...p,
    remedies: remediesOf(model, p.problem.id),
  }));
  return { node, problems };
}

/** An indicator measuring a node: the indicator and the node it is attached to (the node itself or a descendant). */
export interface IndicatorLink {
  indicator: FrameworkNode;
  measures: string;
}

/**
 * Indicators that measure a node, following `measured-by`. With `deep`
 * (default true) indicators of its `contains` descendants count too.
 * `extra` adds indicator attachments without building a new model first
 * (see `withIndicators`).
 */
export function indicatorsOf(
  model: FrameworkModel,
  nodeId: string,
  opts: { deep?: boolean; extra?: IndicatorAttachment[] } = {},
): IndicatorLink[] {
  const m = opts.extra?.length ? withIndicators(model, opts.extra) : model;
  requireNode(m, nodeId);
  const scope = opts.deep === false ? [nodeId] : [nodeId, ...descendants(m, nodeId).map((n) => n.id)];
  const out: IndicatorLink[] = [];
  const seen = new Set<string>();
  for (const id of scope) {
    for (const r of outgoing(m, id, 'measured-by')) {
      const ind = getNode(m, r.to);
      const key = `${r.to}\u0000${id}`;
      if (ind && !seen.has(key)) {
        seen.add(key);
        out.push({ indicator: ind, measures: id });
      }
    }
  }
  return out;
}

/** An indicator of an indicator system to attach to the framework (a spec indicator fits). */
export interface IndicatorAttachment {
  /** The indicator's id in its system (any text; the node id is derived from it). */
  id: string;
  name?: Bilingual | string;
  /** Framework node id(s) the indicator measures. */
  framework?: string | string[];
  description?: Bilingual;
  /** Where the indicator system comes from (free text, kept as a fact). */
  source?: string;
}

/** Node id of an attached indicator: "indicator." + the id in lowercase with other characters turned into "-". */
export function indicatorNodeId(id: string): string {
  const slug = id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `indicator.${slug || 'x'}`;
}

/**
 * A new model: the given one plus a node of kind `indicator` per attachment
 * and a `measured-by` relation from each framework node it names. Throws a
 * XinzhiError (all problems at once) for unknown framework ids and for
 * indicator ids that collide.
 */
export function withIndicators(model: FrameworkModel, indicators: IndicatorAttachment[]): FrameworkModel {
  const problems: Problem[] = [];
  const nodes: FrameworkNode[] = [];
  const relations: FrameworkRelation[] = [];
  const used = new Map<string, string>();
  for (const ind of indicators) {
    const nid = indicatorNodeId(ind.id);
    if (used.has(nid) || getNode(model, nid)) {
      problems.push({
        code: 'duplicate-indicator',
        severity: 'error',
        message: {
          zh: `指标 "${ind.id}" 的节点 id ${nid} 与已有节点重复`,
          en: `indicator "${ind.id}" maps to node id ${nid}, which already exists`,
        },
        fix: { zh: '给指标取唯一的 id', en: 'give the indicator a unique id' },
      });
      continue;
    }
    used.set(nid, ind.id);
    const name: Bilingual =
      typeof ind.name === 'string' ? { zh: ind.name, en: ind.name } : (ind.name ?? { zh: ind.id, en: ind.id });
    const targets = ind.framework === undefined ? [] : Array.isArray(ind.framework) ? ind.framework : [ind.framework];
    for (const t of targets) {
      if (!getNode(model, t)) {
        const near = suggestIds(model, t, 3).join(', ');
        problems.push({
          code: 'unknown-framework-node',
          severity: 'error',
          message: {
            zh: `指标 "${ind.id}" 的 framework 指向不存在的节点 "${t}"`,
            en: `indicator "${ind.id}" names a framework node "${t}" that does not exist`,
          },
          fix: { zh: `相近的 id：${near}`, en: `closest ids: ${near}` },
        });
      } else relations.push({ from: t, to: nid, type: 'measured-by' });
    }
    const facts: Record<string, string> = { indicatorId: ind.id };
    if (ind.source) facts.source = ind.source;
    nodes.push({
      id: nid,
      kind: 'indicator',
      name,
      description: ind.description ?? { zh: `指标 ${name.zh}`, en: `indicator ${name.en}` },
      cite: [],
      facts,
    });
  }
  if (problems.length) throw new XinzhiError(problems);
  if (!nodes.every((n) => ID_PATTERN.test(n.id))) throw new Error('indicator id derivation produced an invalid id');
  return { version: model.version, nodes: [...model.nodes, ...nodes], relations: [...model.relations, ...relations] };
}

// ---- Sub-graphs ----------------------------------------------------------------------

/**
 * The part of the model reachable from a node by `contains` (the node
 * included) with the quantities and indicators attached to it (see
 * `members`), and every relation whose two ends both lie inside it.
 */
export function subgraph(model: FrameworkModel, rootId: string): FrameworkModel {
  requireNode(model, rootId);
  const keep = new Set(members(model, rootId).map((n) => n.id));
  return {
    version: model.version,
    nodes: model.nodes.filter((n) => keep.has(n.id)),
    relations: model.relations.filter((r) => keep.has(r.from) && keep.has(r.to)),
  };
}
