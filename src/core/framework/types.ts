/**
 * The framework model: the system of the five source papers as a typed graph.
 * Nodes are concepts (factors, paths, categories, mechanisms, problems, ...);
 * relations are typed edges between them. Every node is bilingual and cites
 * the seed file and section heading it comes from.
 */
import type { Bilingual } from '../i18n.ts';

/*
 * Conventions of the framework model
 * - Types: `src/core/framework/types.ts` (FrameworkNode, FrameworkRelation, FrameworkPart, NODE_KINDS, RELATION_TYPES, Citation). Each node: id, kind, name {zh,en}, description {zh,en} in our own words (1–2 sentences; never copied sentences), cite [{seed: '<file name>', section: '<heading text that occurs verbatim in that file>'}] (use the heading text without markdown markers like '#' or '**'; a table or figure caption such as '表 3 主轴式编码' also counts), optional facts, order, tags.
 * - Id scheme: lowercase ascii, dotted. Shared concepts (defined once, in `src/core/framework/common.ts`) use these exact ids, which the seed modules reference in relations:
 *   `nqpf` (新质生产力), `tfp` (全要素生产率大幅提升, the hallmark of NQPF), `factor.laborer` (新型劳动者), `factor.means` (新型劳动资料), `factor.object` (新型劳动对象), `factor.combination` (劳动者、劳动资料、劳动对象及其优化组合的跃升), `factor.data` (数据要素), `level.employee`, `level.firm`, `level.industry`, `level.region` (宏观/区域), `form.tech` (科技), `form.green` (绿色), `form.digital` (数字), `feature.new` ("新": 新技术/新业态/新模式 as a whole), `feature.quality` ("质"), `digitalization` (数字化), `digital-economy` (数字经济), `ai` (人工智能), `concept.digital-divide` (数字鸿沟), `concept.talent` (人才/高端创新人才), `concept.key-technology` (关键核心技术), `seed.000` … `seed.004` (one node of kind 'seed' per paper, facts: authors, journal, year where given).
 * - Seed-specific ids start with the seed prefix: `s000.…`, `s001.…`, `s002.…`, `s003.…`, `s004.…`. Every seed-specific top-level node is linked from its seed node with `contains`.
 * - Each seed module `src/core/framework/seeds/s00N.ts` exports `export const seed00N: FrameworkPart = { nodes: [...], relations: [...] }`. `src/core/framework/model.ts` (the framework core) assembles `common` + the five seed parts into the FrameworkModel.
 * - Where papers speak of the same thing, link instead of duplicating: relate seed nodes to the shared nodes (`contains`, `drives`, `same-as`, `related-to`), e.g. seed 003's 新型劳动者 at employee level is a node `s003.table1.employee.laborer` related to `factor.laborer` and `level.employee`; seed 002's digital divide problem is `same-as`/`related-to` `concept.digital-divide`.
 * - Encode at the granularity the papers give, with numbers as facts. Relations carry the paper's logic: structure (`contains`), causal claims (`drives`), feedback (`reinforces`), problems (`hinders`) and remedies (`mitigated-by` from problem to path/policy), `recommends`, `precedes` for ordered chains and time horizons, `acts-on`, `tracks` (policy → quantity).
 */

export const NODE_KINDS = [
  'seed', // one source paper
  'system', // the NQPF system as a whole / a top-level concept (e.g. NQPF itself, TFP)
  'factor', // 新型劳动者 / 新型劳动资料 / 新型劳动对象 (and data as a factor)
  'level', // employee, firm (enterprise), industry, region (macro)
  'form', // 科技 / 绿色 / 数字
  'path', // a path (核心范畴 in seed 000, functional path, employee path, ...)
  'main-category', // 主范畴 (seed 000)
  'sub-category', // 副范畴 (seed 000)
  'stage', // a step of a chain such as 情境—过程—结果
  'mechanism', // a mechanism (logic, capability, resource, synergy, ...)
  'effect', // an effect (e.g. 生产管理加速效应)
  'outcome-feature', // 高效率 / 高柔性 / 高协同, 新技术 / 新业态 / 新模式
  'characteristic', // a characteristic of something (e.g. of digital NQPF, of AI)
  'digital-economy-component', // digital infrastructure / management experience / production modes and their kinds
  'reproduction-link', // 生产 / 分配 / 流通 / 消费
  'problem', // a problem or constraint, possibly with sub-problems
  'practice-path', // a realisation / practice path or sub-path
  'policy', // a policy (short / medium / long term) or concrete measure
  'proposition', // a stated proposition
  'quantity', // a quantity a paper says to track (a policy's monitoring target)
  'indicator', // a measurable indicator of an indicator system
  'fact', // a figure stated by a paper (sample sizes, ...)
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const RELATION_TYPES = [
  'contains', // parent → child (structure, e.g. path contains main category)
  'drives', // source raises / causes / enables target
  'reinforces', // feedback: source strengthens target (loops)
  'hinders', // problem / constraint weakens target
  'mitigated-by', // problem → remedy (practice path, policy)
  'recommends', // seed / policy recommends target
  'measured-by', // concept → indicator
  'same-as', // two nodes name the same concept across seeds
  'related-to', // weaker cross-seed link (e.g. data as a factor ~ new object of labor)
  'precedes', // ordering in a chain (context → process → result; short → medium → long term)
  'acts-on', // a component acts on a link / factor / level
  'tracks', // a policy tracks a quantity
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Where a node comes from: the seed file and the section heading, verbatim as in the file. */
export interface Citation {
  /** Seed file name, e.g. "000_bdc2d3c482bae5da.txt". */
  seed: string;
  /** A section heading (or table / figure caption) that occurs verbatim in the seed file. */
  section: string;
}

export interface FrameworkNode {
  /** Stable id, dotted lowercase ascii, e.g. "s000.path.quality-efficiency". */
  id: string;
  kind: NodeKind;
  name: Bilingual;
  /** Short description in our own words (not copied from the paper). */
  description: Bilingual;
  /** One or more sources; nodes shared across seeds cite each. */
  cite: Citation[];
  /** Optional numbers the paper states, e.g. { firms: 20, interviewees: 31 }. */
  facts?: Record<string, number | string>;
  /** Optional ordering among siblings (1-based). */
  order?: number;
  /** Free tags, e.g. the level ("firm") or form ("digital"). */
  tags?: string[];
}

export interface FrameworkRelation {
  from: string;
  to: string;
  type: RelationType;
  /** Optional note (bilingual) on what this link means. */
  note?: Bilingual;
  cite?: Citation[];
}

export interface FrameworkModel {
  version: string;
  nodes: FrameworkNode[];
  relations: FrameworkRelation[];
}

/** A fragment contributed by one module (one seed, or the shared core concepts). */
export interface FrameworkPart {
  nodes: FrameworkNode[];
  relations: FrameworkRelation[];
}
