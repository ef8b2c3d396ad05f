/**
 * Scoring of a self-assessment: item scores on 0–100, rolled up the framework
 * structure of seed 000 (sub-category → main category → effect; factors and
 * management mode → preparation; preparation and effect → path; paths →
 * overall; effect → outcome features → 质 / 新) and seed 003 (AI functional
 * paths, resource mechanisms). Every aggregate is a weighted arithmetic mean of
 * its applicable children (default weights 1). See docs/assessment.md.
 *
 * Rules (no filling): a node is `incomplete` (score null) while any applicable
 * child is unanswered; a child answered "not applicable", or a path tailored
 * out, leaves the mean and its weight is shared by its siblings (as GB/T 43439
 * allows tailoring); a node whose children are all not applicable is itself
 * `not-applicable`.
 *
 * @example scoreAssessment(instrument, answers).nodes['s000.path.innovation'].score // 62.5
 */
import { XinzhiError, type Problem } from '../errors.ts';
import { bi, type Bilingual } from '../i18n.ts';
import type { AssessmentStructure } from './structure.ts';
import type { AnswerValue, Answers, Instrument, InstrumentItem } from './types.ts';

export type NodeStatus = 'scored' | 'incomplete' | 'not-applicable';

export type ScoreKind =
  | 'item'
  | 'sub-category'
  | 'factor'
  | 'mode'
  | 'factor-upgrade'
  | 'preparation'
  | 'main-category'
  | 'effect'
  | 'path'
  | 'outcome-feature'
  | 'quality'
  | 'novelty'
  | 'overall'
  | 'ai-path'
  | 'ai-paths'
  | 'resource-mechanism'
  | 'resource-mechanisms';

export interface NodeScore {
  id: string;
  kind: ScoreKind;
  score: number | null;
  status: NodeStatus;
  /** Ids of the nodes (or items) averaged into this one. */
  children: string[];
}

/** Level bands of the overall and path scores: level k from threshold k (MIIT SME test bands 20/40/60/80). */
export const LEVEL_THRESHOLDS = [20, 40, 60, 80] as const;

export interface AssessmentScores {
  instrument: { id: string; version: string };
  nodes: Record<string, NodeScore>;
  /** Level of the overall score alone (0–4). */
  band: number | null;
  /** Cumulative level: level k counts only when every applicable path reaches threshold k (0–4). */
  gatedLevel: number | null;
  /** The path that holds the gated level down (lowest path score), if any. */
  limitingPath: string | null;
  answered: number;
  applicable: number;
  total: number;
}

export interface ScoreOptions {
  /** Paths of seed 000 that do not apply to this firm (tailored out). */
  excludedPaths?: string[];
  /** Weights of nodes among their siblings (default 1), e.g. { "s000.path.innovation": 2 }. */
  nodeWeights?: Record<string, number>;
}

/** Synthetic ids of the aggregates that have no framework node of their own. */
export const AGG = {
  overall: 'nqpf',
  quality: 'feature.quality',
  novelty: 'feature.new',
  ai: 's003.firm.path',
  resources: 's003.firm.mechanism',
  factorUpgrade: (path: string) => `${path}#factors`,
  preparation: (path: string) => `${path}#preparation`,
} as const;

/** The level (0–4) a score reaches: the number of thresholds it is at or above. */
export function levelOf(score: number): number {
  let k = 0;
  for (const t of LEVEL_THRESHOLDS) if (score >= t) k++;
  return k;
}

const problem = (item: string, message: Bilingual, fix: Bilingual): Problem => ({
  code: 'bad-answer',
  severity: 'error',
  message: bi(`题目 ${item}：${message.zh}`, `item ${item}: ${message.en}`),
  fix,
});

/** Score one answered item on 0–100 (null for "not applicable"); throws on an answer of the wrong kind. */
export function itemScore(item: InstrumentItem, answer: AnswerValue): number | null {
  if ('na' in answer) return null;
  if (item.type === 'level') {
    if (!('level' in answer) || !Number.isInteger(answer.level) || answer.level < 0 || answer.level > 5)
      throw new XinzhiError(
        problem(
          item.id,
          bi('需要 0–5 的整数等级', 'needs a whole level from 0 to 5'),
          bi('选择 0 到 5 之间的一级。', 'Pick one level from 0 to 5.'),
        ),
      );
    return answer.level * 20;
  }
  if (item.type === 'multi') {
    if (!('options' in answer) || !Array.isArray(answer.options))
      throw new XinzhiError(
        problem(
          item.id,
          bi('需要勾选项列表', 'needs a list of ticked options'),
          bi('传入 options 数组。', 'Send an options array.'),
        ),
      );
    const known = new Set(item.options.map((o) => o.id));
    const unknown = answer.options.filter((o) => !known.has(o));
    if (unknown.length > 0)
      throw new XinzhiError(
        problem(
          item.id,
          bi(`未知选项 ${unknown.join(', ')}`, `unknown option(s) ${unknown.join(', ')}`),
          bi(`可选：${[...known].join(', ')}。`, `Choose from: ${[...known].join(', ')}.`),
        ),
      );
    return (100 * new Set(answer.options).size) / item.options.length;
  }
  if (!('value' in answer) || typeof answer.value !== 'number' || !Number.isFinite(answer.value))
    throw new XinzhiError(
      problem(item.id, bi('需要一个数值', 'needs a number'), bi(`填写 ${item.unit.zh}。`, `Enter ${item.unit.en}.`)),
    );
  if (answer.value < item.min || answer.value > item.max)
    throw new XinzhiError(
      problem(
        item.id,
        bi(
          `数值 ${answer.value} 超出 ${item.min}–${item.max}`,
          `value ${answer.value} is outside ${item.min}–${item.max}`,
        ),
        bi(
          `填写 ${item.min} 到 ${item.max} 之间的${item.unit.zh}。`,
          `Enter ${item.unit.en} between ${item.min} and ${item.max}.`,
        ),
      ),
    );
  let level = 0;
  for (const b of item.bands) if (answer.value >= b) level++;
  return level * 20;
}

/** Check that every item measures a node of the structure and ids are unique. */
export function checkInstrument(instrument: Instrument, structure: AssessmentStructure): void {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const item of instrument.items) {
    if (seen.has(item.id))
      problems.push(
        problem(
          item.id,
          bi('题目编号重复', 'duplicate item id'),
          bi('给每道题唯一编号。', 'Give every item its own id.'),
        ),
      );
    seen.add(item.id);
    if (!structure.measurable.has(item.node))
      problems.push(
        problem(
          item.id,
          bi(
            `测量的节点 ${item.node} 不在评估结构中`,
            `measures node ${item.node}, which the assessment does not score`,
          ),
          bi(
            '使用种子 000 的副范畴、要素或管理模式节点，或种子 003 的企业路径与资源机制节点。',
            'Use a seed 000 sub-category, factor or mode node, or a seed 003 enterprise path or resource mechanism.',
          ),
        ),
      );
    if ((item.weight ?? 1) <= 0 || !Number.isFinite(item.weight ?? 1))
      problems.push(
        problem(
          item.id,
          bi('权重须为正数', 'weight must be positive'),
          bi('删除权重或填正数。', 'Drop the weight or give a positive number.'),
        ),
      );
  }
  if (problems.length > 0) throw new XinzhiError(problems);
}

/** The tailored-out paths as a set; throws on an id that is not a path of seed 000. */
export function checkExcludedPaths(paths: string[], structure: AssessmentStructure): Set<string> {
  const known = structure.paths.map((p) => p.id);
  const unknown = paths.filter((p) => !known.includes(p));
  if (unknown.length > 0)
    throw new XinzhiError({
      code: 'bad-tailoring',
      severity: 'error',
      message: bi(`未知路径 ${unknown.join(', ')}`, `unknown path(s) ${unknown.join(', ')}`),
      fix: bi(`可选：${known.join(', ')}。`, `Choose from: ${known.join(', ')}.`),
    });
  return new Set(paths);
}

/** Score answers against an instrument on the framework structure. */
export function scoreAssessment(
  instrument: Instrument,
  answers: Answers,
  structure: AssessmentStructure,
  opts: ScoreOptions = {},
): AssessmentScores {
  checkInstrument(instrument, structure);
  const itemIds = new Set(instrument.items.map((i) => i.id));
  const stray = Object.keys(answers).filter((id) => !itemIds.has(id));
  if (stray.length > 0)
    throw new XinzhiError(
      problem(
        stray.join(', '),
        bi(
          `不属于问卷 ${instrument.id}@${instrument.version}`,
          `not in instrument ${instrument.id}@${instrument.version}`,
        ),
        bi('只提交本问卷版本中的题目。', 'Send answers only for items of this instrument version.'),
      ),
    );
  const excluded = checkExcludedPaths(opts.excludedPaths ?? [], structure);
  const weight = (id: string) => opts.nodeWeights?.[id] ?? 1;
  const nodes: Record<string, NodeScore> = {};

  const combine = (
    id: string,
    kind: ScoreKind,
    children: Array<{ id: string; w: number }>,
    forcedNa = false,
  ): NodeScore => {
    let status: NodeStatus = 'not-applicable';
    let sw = 0;
    let s = 0;
    if (!forcedNa) {
      for (const c of children) {
        const cs = nodes[c.id];
        if (cs.status === 'not-applicable') continue;
        if (cs.status === 'incomplete' || cs.score === null) {
          status = 'incomplete';
          continue;
        }
        if (status !== 'incomplete') status = 'scored';
        sw += c.w;
        s += c.w * cs.score;
      }
    }
    const out: NodeScore = {
      id,
      kind,
      score: status === 'scored' ? s / sw : null,
      status,
      children: children.map((c) => c.id),
    };
    nodes[id] = out;
    return out;
  };

  let answered = 0;
  let applicable = 0;
  const itemsByNode = new Map<string, InstrumentItem[]>();
  for (const item of instrument.items) {
    const a = answers[item.id];
    const sc = a === undefined ? undefined : itemScore(item, a);
    const na = sc === null;
    if (a !== undefined) answered++;
    if (!na) applicable++;
    nodes[item.id] = {
      id: item.id,
      kind: 'item',
      score: sc ?? null,
      status: na ? 'not-applicable' : sc === undefined ? 'incomplete' : 'scored',
      children: [],
    };
    const list = itemsByNode.get(item.node) ?? [];
    list.push(item);
    itemsByNode.set(item.node, list);
  }
  const leaf = (node: string, kind: ScoreKind, na: boolean) =>
    combine(
      node,
      kind,
      (itemsByNode.get(node) ?? []).map((i) => ({ id: i.id, w: i.weight ?? 1 })),
      na,
    );
  const w = (ids: string[]) => ids.map((id) => ({ id, w: weight(id) }));

  for (const p of structure.paths) {
    const na = excluded.has(p.id);
    for (const f of p.factors) leaf(f, 'factor', na);
    leaf(p.mode, 'mode', na);
    combine(AGG.factorUpgrade(p.id), 'factor-upgrade', w(p.factors), na);
    combine(AGG.preparation(p.id), 'preparation', w([AGG.factorUpgrade(p.id), p.mode]), na);
    for (const m of p.mainCategories) {
      for (const s of m.subCategories) leaf(s, 'sub-category', na);
      combine(m.id, 'main-category', w(m.subCategories), na);
    }
    combine(p.effect, 'effect', w(p.mainCategories.map((m) => m.id)), na);
    combine(p.id, 'path', w([AGG.preparation(p.id), p.effect]), na);
    for (const o of p.outcomes) combine(o, 'outcome-feature', [{ id: p.effect, w: 1 }], na);
  }
  const overall = combine(AGG.overall, 'overall', w(structure.paths.map((p) => p.id)));
  combine(AGG.quality, 'quality', w(structure.quality));
  combine(AGG.novelty, 'novelty', w(structure.novelty));
  for (const a of structure.aiPaths) leaf(a, 'ai-path', false);
  combine(AGG.ai, 'ai-paths', w(structure.aiPaths));
  for (const r of structure.resourceMechanisms) leaf(r, 'resource-mechanism', false);
  combine(AGG.resources, 'resource-mechanisms', w(structure.resourceMechanisms));

  const scoredPaths = structure.paths.map((p) => nodes[p.id]).filter((n) => n.status !== 'not-applicable');
  const allPathsScored = scoredPaths.length > 0 && scoredPaths.every((n) => n.status === 'scored');
  let limitingPath: string | null = null;
  let gatedLevel: number | null = null;
  if (allPathsScored) {
    let low = Number.POSITIVE_INFINITY;
    for (const n of scoredPaths)
      if ((n.score as number) < low) {
        low = n.score as number;
        limitingPath = n.id;
      }
    gatedLevel = levelOf(low);
  }
  return {
    instrument: { id: instrument.id, version: instrument.version },
    nodes,
    band: overall.score === null ? null : levelOf(overall.score),
    gatedLevel,
    limitingPath,
    answered,
    applicable,
    total: instrument.items.length,
  };
}
