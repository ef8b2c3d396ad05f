/**
 * Presentations of the framework model: a text tree (zh or en), a node's
 * detail card, Mermaid and Graphviz DOT graphs, and the Markdown of
 * docs/framework.md. All output is deterministic (model order).
 */
import type { Bilingual, Lang } from '../i18n.ts';
import type { FrameworkModel, FrameworkNode, NodeKind, RelationType } from './types.ts';
import { NODE_KINDS } from './types.ts';
import { ROOT_ID } from './common.ts';
import {
  ATTACHMENT_TYPES,
  children,
  descendants,
  getNode,
  incoming,
  outgoing,
  parents,
  relationsOf,
  requireNode,
  roots,
  subgraph,
} from './query.ts';

/** Display names of node kinds. */
export const KIND_LABELS: Record<NodeKind, Bilingual> = {
  seed: { zh: '文献', en: 'seed paper' },
  system: { zh: '体系/概念', en: 'system / concept' },
  factor: { zh: '要素', en: 'factor' },
  level: { zh: '层面', en: 'level' },
  form: { zh: '表现形式', en: 'form' },
  path: { zh: '路径', en: 'path' },
  'main-category': { zh: '主范畴', en: 'main category' },
  'sub-category': { zh: '副范畴', en: 'sub-category' },
  stage: { zh: '阶段', en: 'stage' },
  mechanism: { zh: '机制', en: 'mechanism' },
  effect: { zh: '效应', en: 'effect' },
  'outcome-feature': { zh: '结果特征', en: 'outcome feature' },
  characteristic: { zh: '特征', en: 'characteristic' },
  'digital-economy-component': { zh: '数字经济构成', en: 'digital-economy component' },
  'reproduction-link': { zh: '再生产环节', en: 'reproduction link' },
  problem: { zh: '问题', en: 'problem' },
  'practice-path': { zh: '实践路径', en: 'practice path' },
  policy: { zh: '政策/举措', en: 'policy / measure' },
  proposition: { zh: '命题', en: 'proposition' },
  quantity: { zh: '跟踪量', en: 'quantity to track' },
  indicator: { zh: '指标', en: 'indicator' },
  fact: { zh: '事实数据', en: 'fact' },
};

/** Display names of relation types, read from the source node ("A contains B"). */
export const RELATION_LABELS: Record<RelationType, Bilingual> = {
  contains: { zh: '包含', en: 'contains' },
  drives: { zh: '推动', en: 'drives' },
  reinforces: { zh: '增强', en: 'reinforces' },
  hinders: { zh: '阻碍', en: 'hinders' },
  'mitigated-by': { zh: '由…缓解', en: 'mitigated by' },
  recommends: { zh: '建议', en: 'recommends' },
  'measured-by': { zh: '由…测度', en: 'measured by' },
  'same-as': { zh: '等同于', en: 'same as' },
  'related-to': { zh: '关联', en: 'related to' },
  precedes: { zh: '先于', en: 'precedes' },
  'acts-on': { zh: '作用于', en: 'acts on' },
  tracks: { zh: '跟踪', en: 'tracks' },
};

/** Labels of the same relation read from the target node ("B is contained in A"). */
export const RELATION_INVERSE_LABELS: Record<RelationType, Bilingual> = {
  contains: { zh: '属于', en: 'contained in' },
  drives: { zh: '受…推动', en: 'driven by' },
  reinforces: { zh: '受…增强', en: 'reinforced by' },
  hinders: { zh: '受…阻碍', en: 'hindered by' },
  'mitigated-by': { zh: '缓解', en: 'mitigates' },
  recommends: { zh: '被…建议', en: 'recommended by' },
  'measured-by': { zh: '测度', en: 'measures' },
  'same-as': { zh: '等同于', en: 'same as' },
  'related-to': { zh: '关联', en: 'related to' },
  precedes: { zh: '后于', en: 'follows' },
  'acts-on': { zh: '受…作用', en: 'acted on by' },
  tracks: { zh: '被…跟踪', en: 'tracked by' },
};

const UI = {
  seeAbove: { zh: '（见上文）', en: '(see above)' },
  kind: { zh: '类型', en: 'Kind' },
  description: { zh: '说明', en: 'Description' },
  facts: { zh: '事实数据', en: 'Facts' },
  sources: { zh: '来源', en: 'Sources' },
  relations: { zh: '关系', en: 'Relations' },
  children: { zh: '下级', en: 'Children' },
  none: { zh: '无', en: 'none' },
  tags: { zh: '标签', en: 'Tags' },
} satisfies Record<string, Bilingual>;

/** "file § section" of a citation. */
export function formatCitation(c: { seed: string; section: string }): string {
  return `${c.seed} § ${c.section}`;
}

// ---- Text tree --------------------------------------------------------------------------

/** Options of the text tree. */
export interface TreeOptions {
  lang: Lang;
  /** Start here instead of at the model's roots. */
  root?: string;
  /** Deepest level to print (root = 0); unlimited when absent. */
  maxDepth?: number;
  /** Print ids after the names (default true). */
  ids?: boolean;
}

/**
 * The parent under which a node is expanded in a tree: among its parents
 * inside `scope`, one of its own seed (same "sNNN." prefix or "seed.NNN")
 * if there is one, else the first declared.
 */
export function primaryParent(model: FrameworkModel, id: string, scope?: Set<string>): string | undefined {
  const ps = parents(model, id)
    .map((p) => p.id)
    .filter((p) => !scope || scope.has(p));
  const m = /^s(\d{3})\./.exec(id);
  if (m) {
    const own = ps.find((p) => p.startsWith(`s${m[1]}.`) || p === `seed.${m[1]}`);
    if (own) return own;
  }
  return ps[0];
}

/**
 * The `contains` hierarchy as an indented tree drawn with box characters:
 * one line per node, "name  [kind]  id". A node with several parents is
 * expanded once, under its primary parent (see `primaryParent`); under the
 * others it gets one line that points there.
 */
export function renderTree(model: FrameworkModel, opts: TreeOptions): string {
  const lang = opts.lang;
  const showIds = opts.ids ?? true;
  const starts = opts.root ? [requireNode(model, opts.root)] : roots(model);
  const scope = new Set<string>();
  for (const st of starts) {
    scope.add(st.id);
    for (const d of descendants(model, st.id)) scope.add(d.id);
  }
  const attachLabel = (n: FrameworkNode, r: RelationType) => `${RELATION_LABELS[r][lang]}: ${label(n)}`;
  const printed = new Set<string>();
  const lines: string[] = [];
  const label = (n: FrameworkNode) => `${n.name[lang]}  [${KIND_LABELS[n.kind][lang]}]${showIds ? `  ${n.id}` : ''}`;
  const walk = (
    n: FrameworkNode,
    parent: string | undefined,
    prefix: string,
    last: boolean,
    depth: number,
    top: boolean,
  ) => {
    const branch = top ? '' : last ? '└── ' : '├── ';
    const home = top ? undefined : primaryParent(model, n.id, scope);
    if (printed.has(n.id) || (home !== undefined && parent !== home)) {
      const where =
        printed.has(n.id) || home === undefined
          ? UI.seeAbove[lang]
          : lang === 'zh'
            ? `（见 ${home} 之下）`
            : `(see under ${home})`;
      lines.push(`${prefix}${branch}${label(n)} ${where}`);
      return;
    }
    lines.push(`${prefix}${branch}${label(n)}`);
    printed.add(n.id);
    if (opts.maxDepth !== undefined && depth >= opts.maxDepth) return;
    const kids = children(model, n.id);
    const leaves = outgoing(model, n.id).filter((r) => ATTACHMENT_TYPES.includes(r.type));
    const childPrefix = top ? prefix : prefix + (last ? '    ' : '│   ');
    kids.forEach((k, i) => walk(k, n.id, childPrefix, i === kids.length - 1 && leaves.length === 0, depth + 1, false));
    leaves.forEach((r, i) => {
      const leaf = getNode(model, r.to);
      if (!leaf) return;
      printed.add(leaf.id);
      lines.push(`${childPrefix}${i === leaves.length - 1 ? '└── ' : '├── '}${attachLabel(leaf, r.type)}`);
    });
  };
  for (const st of starts) walk(st, undefined, '', true, 0, true);
  return lines.join('\n') + '\n';
}

// ---- Node card ---------------------------------------------------------------------------

/** A node with its kind, descriptions, facts, citations, children and all relations, in one language (names in both). */
export function renderNode(model: FrameworkModel, id: string, lang: Lang): string {
  const n = requireNode(model, id);
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const out: string[] = [];
  out.push(`${n.name[lang]} / ${n.name[other]}`);
  out.push(`id: ${n.id}`);
  const kindLabel = KIND_LABELS[n.kind][lang];
  out.push(`${UI.kind[lang]}: ${kindLabel}${kindLabel === n.kind ? '' : ` (${n.kind})`}`);
  out.push(`${UI.description[lang]}: ${n.description[lang]}`);
  if (n.tags?.length) out.push(`${UI.tags[lang]}: ${n.tags.join(', ')}`);
  if (n.facts && Object.keys(n.facts).length) {
    out.push(`${UI.facts[lang]}:`);
    for (const [k, v] of Object.entries(n.facts)) out.push(`  ${k}: ${v}`);
  }
  out.push(`${UI.sources[lang]}:`);
  if (n.cite.length === 0) out.push(`  ${UI.none[lang]}`);
  for (const c of n.cite) out.push(`  ${formatCitation(c)}`);
  const kids = children(model, n.id);
  out.push(`${UI.children[lang]}:${kids.length ? '' : ` ${UI.none[lang]}`}`);
  for (const k of kids) out.push(`  ${k.name[lang]}  [${KIND_LABELS[k.kind][lang]}]  ${k.id}`);
  const rels = relationsOf(model, n.id).filter((v) => !(v.relation.type === 'contains' && v.direction === 'out'));
  out.push(`${UI.relations[lang]}:${rels.length ? '' : ` ${UI.none[lang]}`}`);
  for (const v of rels) {
    const lab = (v.direction === 'out' ? RELATION_LABELS : RELATION_INVERSE_LABELS)[v.relation.type][lang];
    const note = v.relation.note ? ` — ${v.relation.note[lang]}` : '';
    const src = v.relation.cite?.length ? ` (${v.relation.cite.map(formatCitation).join('; ')})` : '';
    out.push(`  ${lab} → ${v.other.name[lang]}  ${v.other.id}${note}${src}`);
  }
  return out.join('\n') + '\n';
}

// ---- Graph exports ---------------------------------------------------------------------------

/** Options of the graph exports. */
export interface GraphOptions {
  lang: Lang;
  /** Export only the part reachable by `contains` from this node. */
  root?: string;
  /** Relation types to draw (default: all). */
  types?: RelationType[];
  /** With `root`: also draw the nodes one relation away from the sub-graph, and those relations. */
  neighbors?: boolean;
}

function graphOf(model: FrameworkModel, opts: GraphOptions): FrameworkModel {
  let g = opts.root ? subgraph(model, opts.root) : model;
  if (opts.root && opts.neighbors) {
    const inside = new Set(g.nodes.map((n) => n.id));
    const rels = model.relations.filter((r) => inside.has(r.from) || inside.has(r.to));
    const keep = new Set([...inside, ...rels.flatMap((r) => [r.from, r.to])]);
    g = { version: g.version, nodes: model.nodes.filter((n) => keep.has(n.id)), relations: rels };
  }
  return opts.types ? { ...g, relations: g.relations.filter((r) => opts.types!.includes(r.type)) } : g;
}

/** Mermaid text label: quotes and angle brackets become entities. */
function mermaidText(s: string): string {
  return s.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

/**
 * Mermaid flowchart (top-down). Node ids are n0, n1, … in model order (Mermaid
 * ids cannot hold every character of ours); each label has the name and kind.
 * `contains` is a solid arrow, other relations dotted arrows labelled with
 * their type.
 */
export function toMermaid(model: FrameworkModel, opts: GraphOptions): string {
  const g = graphOf(model, opts);
  const key = new Map(g.nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = ['flowchart TD'];
  for (const n of g.nodes) {
    lines.push(
      `  ${key.get(n.id)}["${mermaidText(n.name[opts.lang])}<br/><small>${mermaidText(KIND_LABELS[n.kind][opts.lang])} · ${n.id}</small>"]`,
    );
  }
  for (const r of g.relations) {
    const a = key.get(r.from),
      b = key.get(r.to);
    if (!a || !b) continue;
    lines.push(
      r.type === 'contains'
        ? `  ${a} --> ${b}`
        : `  ${a} -.->|${mermaidText(RELATION_LABELS[r.type][opts.lang])}| ${b}`,
    );
  }
  return lines.join('\n') + '\n';
}

/** DOT string literal. */
function dotString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

const DOT_STYLE: Partial<Record<RelationType, string>> = {
  drives: 'color="#1f77b4"',
  reinforces: 'color="#2ca02c", penwidth=1.5',
  hinders: 'color="#d62728"',
  'mitigated-by': 'color="#9467bd"',
  recommends: 'color="#9467bd", style=dashed',
  'measured-by': 'color="#8c564b", style=dashed',
  precedes: 'color="#7f7f7f"',
};

/** Graphviz DOT digraph: nodes keep our ids; `contains` edges plain, others coloured and labelled. */
export function toDot(model: FrameworkModel, opts: GraphOptions): string {
  const g = graphOf(model, opts);
  const lines = [
    'digraph framework {',
    '  rankdir=LR;',
    '  node [shape=box, style=rounded, fontname="sans-serif"];',
    '  edge [fontname="sans-serif", fontsize=10];',
  ];
  for (const n of g.nodes) {
    lines.push(`  ${dotString(n.id)} [label=${dotString(`${n.name[opts.lang]}\n${KIND_LABELS[n.kind][opts.lang]}`)}];`);
  }
  for (const r of g.relations) {
    const attrs =
      r.type === 'contains'
        ? ''
        : ` [label=${dotString(RELATION_LABELS[r.type][opts.lang])}${DOT_STYLE[r.type] ? `, ${DOT_STYLE[r.type]}` : ', style=dotted'}]`;
    lines.push(`  ${dotString(r.from)} -> ${dotString(r.to)}${attrs};`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

// ---- Markdown (docs/framework.md) -----------------------------------------------------------

/** Ids of seed-specific nodes ("s000.…" … "s004.…"). */
const SEED_SPECIFIC = /^s\d{3}\./;

function mdEscape(s: string): string {
  return s.replace(/([\\`*_[\]|<>])/g, '\\$1');
}

function mdNodeLine(n: FrameworkNode): string {
  return `**${mdEscape(n.name.zh)}** / ${mdEscape(n.name.en)} — ${KIND_LABELS[n.kind].zh} ${KIND_LABELS[n.kind].en} · \`${n.id}\``;
}

/**
 * A node as a list item: its line (`prefix` before the name, e.g. the relation
 * of an attached leaf), then descriptions, facts and sources indented under it,
 * each line but the last ending in a Markdown hard line break.
 */
function mdNodeItem(n: FrameworkNode, indent: string, prefix = ''): string[] {
  const out = [
    `${indent}- ${prefix}${mdNodeLine(n)}`,
    `${indent}  ${mdEscape(n.description.zh)}`,
    `${indent}  ${mdEscape(n.description.en)}`,
  ];
  if (n.facts && Object.keys(n.facts).length) {
    out.push(
      `${indent}  事实 / facts: ${Object.entries(n.facts)
        .map(([k, v]) => `${k} = ${mdEscape(String(v))}`)
        .join('; ')}`,
    );
  }
  out.push(`${indent}  来源 / source: ${n.cite.map((c) => `${c.seed} §「${mdEscape(c.section)}」`).join('; ')}`);
  return out.map((l, i) => (i < out.length - 1 ? `${l}  ` : l));
}

/** Nested list of the hierarchy below rootId; `skip` ids are left out, `refOnly` nodes get one line pointing to their seed's section. */
function mdTree(
  model: FrameworkModel,
  rootId: string,
  printed: Set<string>,
  skip: Set<string>,
  refOnly: (id: string) => boolean = () => false,
): string[] {
  const lines: string[] = [];
  const walk = (n: FrameworkNode, depth: number) => {
    const indent = '  '.repeat(depth);
    if (refOnly(n.id)) {
      lines.push(`${indent}- ${mdNodeLine(n)} (见所属文献一节 / see its seed's section)`);
      return;
    }
    if (printed.has(n.id)) {
      lines.push(`${indent}- ${mdNodeLine(n)} (见上文 / see above)`);
      return;
    }
    printed.add(n.id);
    lines.push(...mdNodeItem(n, indent));
    for (const k of children(model, n.id)) {
      if (skip.has(k.id)) continue;
      walk(k, depth + 1);
    }
    for (const r of outgoing(model, n.id).filter((x) => ATTACHMENT_TYPES.includes(x.type))) {
      const leaf = getNode(model, r.to);
      if (!leaf || refOnly(leaf.id)) continue;
      const inner = '  '.repeat(depth + 1);
      if (printed.has(leaf.id)) {
        lines.push(`${inner}- ${RELATION_LABELS[r.type].zh} ${r.type}: ${mdNodeLine(leaf)} (见上文 / see above)`);
        continue;
      }
      printed.add(leaf.id);
      lines.push(...mdNodeItem(leaf, inner, `${RELATION_LABELS[r.type].zh} ${r.type}: `));
    }
  };
  const root = getNode(model, rootId);
  if (root) for (const k of children(model, root.id)) if (!skip.has(k.id)) walk(k, 0);
  return lines;
}

function mdRelations(model: FrameworkModel, ids: Set<string>): string[] {
  const rels = model.relations.filter((r) => r.type !== 'contains' && (ids.has(r.from) || ids.has(r.to)));
  if (!rels.length) return [];
  const name = (id: string) => {
    const n = getNode(model, id);
    return n ? `${mdEscape(n.name.zh)} (\`${id}\`)` : `\`${id}\``;
  };
  const out = ['| 从 / from | 关系 / relation | 到 / to | 说明 / note | 来源 / source |', '|---|---|---|---|---|'];
  for (const r of rels) {
    const note = r.note ? `${mdEscape(r.note.zh)} / ${mdEscape(r.note.en)}` : '';
    const src = r.cite?.map((c) => `${c.seed.slice(0, 3)} §「${mdEscape(c.section)}」`).join('; ') ?? '';
    out.push(`| ${name(r.from)} | ${RELATION_LABELS[r.type].zh} ${r.type} | ${name(r.to)} | ${note} | ${src} |`);
  }
  return out;
}

function mdKindCounts(model: FrameworkModel, ids: Set<string>): string {
  const counts = new Map<NodeKind, number>();
  for (const n of model.nodes) if (ids.has(n.id)) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  return NODE_KINDS.filter((k) => counts.has(k))
    .map((k) => `${KIND_LABELS[k].zh} ${KIND_LABELS[k].en}: ${counts.get(k)}`)
    .join(' · ');
}

/**
 * docs/framework.md: an introduction, the shared concepts, then one section
 * per seed paper with its hierarchy (every node with names, kind, id,
 * description, facts and sources) and its other relations as a table.
 */
export function renderMarkdown(model: FrameworkModel): string {
  const out: string[] = [];
  out.push('# 框架模型 / The framework model', '');
  out.push('<!-- Generated by `npm run docs:framework` from src/core/framework; do not edit by hand. -->', '');
  out.push(
    '本文件由框架模型生成：五篇来源文献中的体系，每个节点给出中英文名称、类型、id、我们自己的简述和来源（文献文件 § 章节标题，按原文照录；种子 001 为繁体）。',
    'This file is generated from the framework model: the system of the five source papers, each node with its Chinese and English name, kind, id, a short description in our own words and its source (seed file § section heading, verbatim as in the file; seed 001 is in traditional script).',
    '',
  );
  out.push(
    `版本 / version: ${model.version} · 节点 / nodes: ${model.nodes.length} · 关系 / relations: ${model.relations.length}`,
    '',
  );
  out.push(
    '命令行 / CLI: `npx xinzhi framework` (tree), `npx xinzhi framework show <id>`, `npx xinzhi framework search <text>`, `npx xinzhi framework path <from> <to>`, `npx xinzhi framework remedies <problem>`, `npx xinzhi framework diagnose <id>`, `npx xinzhi framework --json`, `npx xinzhi framework --format mermaid --root <id>`.',
    '',
  );

  const seeds = model.nodes.filter((n) => n.kind === 'seed');
  const seedIds = new Set(seeds.map((s) => s.id));
  const printed = new Set<string>();

  out.push('## 共有概念 / Shared concepts', '');
  out.push(
    '多篇文献共同论及的概念只定义一次，各文献的节点与之链接。',
    "Concepts several papers speak of are defined once; the seeds' nodes link to them.",
    '',
  );
  const rootNode = getNode(model, ROOT_ID);
  if (rootNode) {
    out.push(...mdNodeItem(rootNode, ''));
    printed.add(rootNode.id);
    out.push(...mdTree(model, ROOT_ID, printed, seedIds, (id) => SEED_SPECIFIC.test(id)).map((l) => `  ${l}`));
  }
  const shared = new Set(
    model.nodes
      .filter((n) => !seedIds.has(n.id) && !SEED_SPECIFIC.test(n.id) && n.kind !== 'indicator')
      .map((n) => n.id),
  );
  out.push('', '### 共有概念之间及与文献的关系 / Relations of the shared concepts', '');
  out.push(...mdRelations(model, shared), '');

  for (const s of seeds) {
    const part = subgraph(model, s.id);
    const ids = new Set(part.nodes.map((n) => n.id));
    out.push(`## ${mdEscape(s.name.zh)} / ${mdEscape(s.name.en)}`, '');
    out.push(`\`${s.id}\` — ${s.cite.map((c) => `${c.seed} §「${mdEscape(c.section)}」`).join('; ')}`, '');
    out.push(`${mdEscape(s.description.zh)}`, '', `${mdEscape(s.description.en)}`, '');
    if (s.facts && Object.keys(s.facts).length) {
      out.push(
        `事实 / facts: ${Object.entries(s.facts)
          .map(([k, v]) => `${k} = ${mdEscape(String(v))}`)
          .join('; ')}`,
        '',
      );
    }
    out.push(`节点 / nodes: ${ids.size - 1} (${mdKindCounts(model, new Set([...ids].filter((i) => i !== s.id)))})`, '');
    out.push('### 结构 / Structure', '');
    out.push(...mdTree(model, s.id, printed, new Set()), '');
    // seed-specific nodes outside the seed's hierarchy (linked only by other relations) are listed too
    const loose = model.nodes.filter((n) => n.id.startsWith(`s${s.id.slice(5)}.`) && !ids.has(n.id));
    if (loose.length) {
      out.push('### 其他节点 / Further nodes', '');
      for (const n of loose) {
        printed.add(n.id);
        ids.add(n.id);
        out.push(...mdNodeItem(n, ''));
      }
      out.push('');
    }
    const rels = mdRelations(model, new Set([...ids].filter((i) => i !== s.id)));
    if (rels.length) out.push('### 关系 / Relations', '', ...rels, '');
  }
  // nodes not reachable from the root (should not happen in a complete model, but never hide them)
  const orphans = model.nodes.filter(
    (n) =>
      !printed.has(n.id) &&
      n.kind !== 'indicator' &&
      !seedIds.has(n.id) &&
      incoming(model, n.id, 'contains').length === 0 &&
      n.id !== ROOT_ID,
  );
  if (orphans.length) {
    out.push('## 其他节点 / Other nodes', '');
    for (const n of orphans) out.push(...mdNodeItem(n, ''));
    out.push('');
  }
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}
