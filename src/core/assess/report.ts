/**
 * What a manager reads after scoring: current vs target per main category,
 * gaps, a priority list (importance × gap, as in SIRI's prioritisation
 * matrix), the bottleneck path in seed 000's reinforcing loop
 * (效率驱动—协同耦合—技术反哺), and recommendations drawn from the framework for
 * the weakest nodes, each with its citation and the next behaviour to reach.
 *
 * @example assessmentReport(scores, instrument, structure).bottleneck?.path // 's000.path.cooperation'
 */
import type { Citation } from '../framework/types.ts';
import { bi, type Bilingual } from '../i18n.ts';
import { AGG, LEVEL_THRESHOLDS, type AssessmentScores } from './score.ts';
import type { AssessmentStructure } from './structure.ts';
import type { Instrument, LevelItem } from './types.ts';

export interface ReportOptions {
  /** Target score per main category (0–100, checked by the answers-file reader); default: the threshold of the level above the gated level (100 at the top). */
  targets?: Record<string, number>;
  /** Importance 1–5 per main category as the firm rates it (default 3). */
  importance?: Record<string, number>;
  /** How many weakest sub-categories get a recommendation (default 3). */
  weakest?: number;
}

export interface GapRow {
  node: string;
  name: Bilingual;
  path: string;
  current: number | null;
  target: number;
  gap: number | null;
  importance: number;
  /** importance × gap; null while the node is incomplete. */
  priority: number | null;
}

export interface Recommendation {
  /** The weak node the advice is for. */
  node: string;
  name: Bilingual;
  score: number | null;
  /** Framework node whose advice applies (a practice path of seed 000, or the node itself). */
  advice: string;
  adviceName: Bilingual;
  adviceText: Bilingual;
  cite: Citation[];
  /** The behaviour that marks the next anchor level of the node's level items, if any. */
  nextSteps: Array<{ item: string; level: number; text: Bilingual }>;
}

export interface AssessmentReport {
  targetDefault: number;
  gaps: GapRow[];
  priorities: GapRow[];
  bottleneck: null | {
    path: string;
    score: number;
    loopLink: string;
    /** Paths the weak link feeds through the loop. */
    feeds: string[];
    explanation: Bilingual;
    cite: Citation[];
  };
  recommendations: Recommendation[];
}

/** Build the manager's report from scores (pure; nothing is recomputed elsewhere). */
export function assessmentReport(
  scores: AssessmentScores,
  instrument: Instrument,
  structure: AssessmentStructure,
  opts: ReportOptions = {},
): AssessmentReport {
  const next = scores.gatedLevel === null ? LEVEL_THRESHOLDS[0] : (LEVEL_THRESHOLDS[scores.gatedLevel] ?? 100);
  const gaps: GapRow[] = [];
  for (const p of structure.paths) {
    if (scores.nodes[p.id].status === 'not-applicable') continue;
    for (const m of p.mainCategories) {
      const n = scores.nodes[m.id];
      if (n.status === 'not-applicable') continue;
      const target = opts.targets?.[m.id] ?? next;
      const importance = opts.importance?.[m.id] ?? 3;
      const gap = n.score === null ? null : Math.max(0, target - n.score);
      gaps.push({
        node: m.id,
        name: structure.node(m.id).name,
        path: p.id,
        current: n.score,
        target,
        gap,
        importance,
        priority: gap === null ? null : importance * gap,
      });
    }
  }
  const priorities = gaps
    .filter((g) => g.priority !== null && g.priority > 0)
    .sort((a, b) => (b.priority as number) - (a.priority as number));

  let bottleneck: AssessmentReport['bottleneck'] = null;
  if (scores.limitingPath) {
    const path = structure.paths.find((p) => p.id === scores.limitingPath);
    if (path) {
      const link = structure.node(path.loopLink);
      const feeds = structure.paths
        .filter((q) => q.id !== path.id && scores.nodes[q.id].status !== 'not-applicable')
        .map((q) => q.id);
      const pname = structure.node(path.id).name;
      const fnames = feeds.map((f) => structure.node(f).name);
      bottleneck = {
        path: path.id,
        score: scores.nodes[path.id].score as number,
        loopLink: path.loopLink,
        feeds,
        explanation: bi(
          `“${pname.zh}”得分最低。它通过“${link.name.zh}”推动${fnames.map((f) => `“${f.zh}”`).join('和')}；这一环弱，整个增强回路都被拖慢，分级评定也止于此路径。`,
          `"${pname.en}" scores lowest. It feeds ${fnames.map((f) => `"${f.en}"`).join(' and ')} through "${link.name.en}"; while this link is weak the whole reinforcing loop slows, and the gated level stops at this path.`,
        ),
        cite: [...structure.node(path.loopLink).cite, ...structure.node('s000.loop').cite],
      };
    }
  }

  const subScores = structure.paths
    .filter((p) => scores.nodes[p.id].status !== 'not-applicable')
    .flatMap((p) => p.mainCategories.flatMap((m) => m.subCategories.map((s) => ({ s, p }))))
    .filter(({ s }) => scores.nodes[s].status === 'scored')
    .sort((a, b) => (scores.nodes[a.s].score as number) - (scores.nodes[b.s].score as number));
  const weakest = subScores.slice(0, opts.weakest ?? 3).filter(({ s }) => (scores.nodes[s].score as number) < 100);
  const recommendations: Recommendation[] = weakest.map(({ s, p }) => {
    const advice = p.practice[0] ?? s;
    const a = structure.node(advice);
    const sub = structure.node(s);
    const nextSteps = instrument.items
      .filter((i): i is LevelItem => i.node === s && i.type === 'level')
      .flatMap((i) => {
        const cur = scores.nodes[i.id].score;
        if (cur === null) return [];
        const level = ([1, 3, 5] as const).find((k) => k * 20 > cur);
        return level === undefined ? [] : [{ item: i.id, level, text: i.anchors[level] }];
      });
    return {
      node: s,
      name: sub.name,
      score: scores.nodes[s].score,
      advice,
      adviceName: a.name,
      adviceText: a.description,
      cite: [...sub.cite, ...a.cite],
      nextSteps,
    };
  });
  return { targetDefault: next, gaps, priorities, bottleneck, recommendations };
}

export interface NodeChange {
  node: string;
  before: number | null;
  after: number | null;
  change: number | null;
}

/** T0 → T1: what moved between two assessments of the same firm, on every node both scored. */
export function compareAssessments(before: AssessmentScores, after: AssessmentScores): NodeChange[] {
  const ids = Object.keys(after.nodes).filter((id) => after.nodes[id].kind !== 'item' && id in before.nodes);
  return ids.map((id) => {
    const b = before.nodes[id].score;
    const a = after.nodes[id].score;
    return { node: id, before: b, after: a, change: a === null || b === null ? null : a - b };
  });
}

/** Aggregate ids shown on the report's summary (overall, 质, 新, AI paths, resource mechanisms). */
export const SUMMARY_NODES = [AGG.overall, AGG.quality, AGG.novelty, AGG.ai, AGG.resources] as const;
