/**
 * How robust a ranking is to the choice of weights: the index is scored again
 * with the same data, normalisation, hierarchy and aggregation under several
 * weighting methods (by default entropy, CRITIC and equal weights), and the
 * ranks of each unit are put side by side. Where the spec asked for the Monte
 * Carlo uncertainty analysis, its 5–95 % rank interval is added.
 *
 *   rank_m(u, t)  = rank of unit u at time t when weights come from method m
 *   shift(u, t)   = max_m rank_m(u, t) − min_m rank_m(u, t)
 *   unit flagged  ⇔ shift(u, t) > threshold (default 3 places)
 *
 * This is the "alternative weighting" check of composite-indicator practice
 * (OECD/JRC Handbook on Constructing Composite Indicators, 2008, step 7;
 * Saisana, Saltelli & Tarantola 2005, J. R. Stat. Soc. A 168(2)), reduced to
 * the weighting methods the NQPF literature uses. Ranks are 1 = best, with the
 * spec's tie rule; every other choice of the spec (panel, scope, shift,
 * aggregation, missing values) is kept as written, so only the weights change.
 */
import { XinzhiError } from '../errors.ts';
import { findProvince } from '../geo/provinces.ts';
import { bi, type Bilingual } from '../i18n.ts';
import type { Panel, Time } from '../panel/types.ts';
import { indexScorer } from './evaluate.ts';
import type { EvaluationResult, RobustnessReport, RobustnessRow } from './result.ts';
import type { Spec, WeightMethod } from './spec.ts';

/** The weighting methods compared by default (the three the provincial NQPF literature reports). */
export const ROBUSTNESS_METHODS: readonly WeightMethod[] = ['entropy', 'critic', 'equal'];
/** Default number of places a rank may move before a unit is named in a sentence. */
export const ROBUSTNESS_THRESHOLD = 3;

export interface RobustnessOptions {
  /** Weighting methods to compare (default entropy, CRITIC, equal). */
  methods?: readonly WeightMethod[];
  /** A unit is named when its ranks differ by more than this many places (default 3). */
  threshold?: number;
  /** Times reported: the latest (default) or every time. */
  times?: 'latest' | 'all';
}

export type { RobustnessReport, RobustnessRow } from './result.ts';

/** Method names in Chinese and English, for the sentences. */
const METHOD_NAMES: Record<string, Bilingual> = {
  entropy: bi('熵值法', 'entropy'),
  critic: bi('CRITIC 法', 'CRITIC'),
  equal: bi('等权', 'equal weights'),
  cv: bi('变异系数法', 'coefficient of variation'),
  pca: bi('主成分法', 'PCA'),
  ahp: bi('AHP', 'AHP'),
  combined: bi('组合赋权', 'combined weights'),
};

/** Name of a weighting method in Chinese and English (the method id when unknown). */
export function weightMethodName(method: string): Bilingual {
  return METHOD_NAMES[method] ?? bi(method, method);
}

/** The spec with only the weighting method changed (AHP matrices and combination rules dropped; no Monte Carlo). */
function withMethod(spec: Spec, method: WeightMethod): Spec {
  const { ahp: _ahp, allowInconsistent: _allow, combine: _combine, ...weights } = spec.weights;
  const { uncertainty: _uncertainty, ...rest } = spec;
  const score = spec.score ? { ties: spec.score.ties, scale: spec.score.scale } : undefined;
  return { ...rest, weights: { ...weights, method }, ...(score ? { score } : {}) };
}

const key = (unit: string, time: Time) => `${unit}\u0000${String(time)}`;

/**
 * Ranks of every unit under entropy, CRITIC and equal weights beside the
 * result's own ranking, with the Monte Carlo interval where it was computed
 * and a sentence for each unit whose rank moves by more than `threshold`.
 * `panel` is the panel the result was computed from; the spec is the one in
 * the result's record.
 * @example rankRobustness(panel, evaluate(panel, spec)).sentences[0].en
 */
export function rankRobustness(panel: Panel, result: EvaluationResult, opts: RobustnessOptions = {}): RobustnessReport {
  const methods = [...(opts.methods ?? ROBUSTNESS_METHODS)];
  const threshold = opts.threshold ?? ROBUSTNESS_THRESHOLD;
  const times = opts.times ?? 'latest';
  const spec = result.record.spec;
  const last = String(result.times[result.times.length - 1]);

  const byMethod = new Map<string, Map<string, { rank: number; score: number }>>();
  const weights: Record<string, Record<string, number>> = {};
  const failed: Record<string, Bilingual> = {};
  const score = indexScorer(panel, {}, result); // one preparation and normalisation of the data (the evaluation's when it kept them)
  const reported = (time: Time) => times === 'all' || String(time) === last;
  for (const m of methods) {
    let r: Pick<EvaluationResult, 'weights' | 'scores'>;
    try {
      const nominal = m === spec.weights.method && !spec.weights.combine && !spec.weights.ahp;
      r = nominal ? result : score(withMethod(spec, m), reported);
    } catch (err) {
      const msg = err instanceof XinzhiError ? err.problems.map((p) => p.message) : [bi(String(err), String(err))];
      failed[m] = bi(msg.map((x) => x.zh).join('；'), msg.map((x) => x.en).join('; '));
      byMethod.set(m, new Map());
      continue;
    }
    weights[m] = r.weights;
    byMethod.set(
      m,
      new Map(
        r.scores
          .filter((s) => reported(s.time))
          .map((s) => [key(s.unit, s.time), { rank: s.rank ?? NaN, score: s.score }]),
      ),
    );
  }
  const mc = new Map((result.uncertainty?.ranks ?? []).map((u) => [key(u.unit, u.time), u]));

  const nominalRows = result.scores
    .filter((s) => reported(s.time))
    .sort((a, b) => result.times.indexOf(a.time) - result.times.indexOf(b.time) || (a.rank ?? 0) - (b.rank ?? 0));
  const rows: RobustnessRow[] = nominalRows.map((s) => {
    const k = key(s.unit, s.time);
    const ranks: Record<string, number> = {};
    const scores: Record<string, number> = {};
    for (const m of methods) {
      const hit = byMethod.get(m)!.get(k);
      ranks[m] = hit ? hit.rank : NaN;
      scores[m] = hit ? hit.score : NaN;
    }
    const all = [s.rank ?? NaN, ...Object.values(ranks)].filter((x) => !Number.isNaN(x));
    const row: RobustnessRow = {
      unit: s.unit,
      time: s.time,
      nominalRank: s.rank ?? NaN,
      ranks,
      scores,
      shift: Math.max(...all) - Math.min(...all),
    };
    const u = mc.get(k);
    if (u) row.monteCarlo = { median: u.medianRank, q05: u.q05, q95: u.q95 };
    return row;
  });
  return {
    options: { methods, threshold, times },
    nominal: spec.weights.method,
    weights,
    rows,
    sentences: [
      ...robustnessSentences(
        rows,
        methods.filter((m) => !failed[m]),
        threshold,
      ),
      ...failedSentences(failed),
    ],
    failed,
  };
}

/**
 * One sentence per weighting method that could not score the data, with the
 * reason (a report's `failed`): the last sentences of the report.
 * @example failedSentences(report.failed)
 */
export function failedSentences(failed: Record<string, Bilingual>): Bilingual[] {
  return Object.entries(failed).map(([m, why]) =>
    bi(
      `${weightMethodName(m).zh}无法用于这些数据：${why.zh}`,
      `${weightMethodName(m).en} could not score these data: ${why.en}`,
    ),
  );
}

/**
 * One sentence per unit-time whose rank moves by more than `threshold` places
 * across methods, or a single sentence saying that no rank does (provinces are
 * named in Chinese in the Chinese sentence).
 * @example robustnessSentences(rows, ['entropy', 'critic', 'equal'], 3)
 */
export function robustnessSentences(rows: RobustnessRow[], methods: readonly string[], threshold: number): Bilingual[] {
  const name = weightMethodName;
  const moved = rows.filter((r) => r.shift > threshold);
  if (moved.length === 0) {
    const zh = methods.map((m) => name(m).zh).join('、');
    return [
      bi(
        `在${zh}之间，没有单位的排名变动超过 ${threshold} 位。`,
        `No unit's rank moves by more than ${threshold} places between ${methods.map((m) => name(m).en).join(', ')}.`,
      ),
    ];
  }
  return moved.map((r) => {
    const zh = methods.map((m) => `${name(m).zh}第 ${r.ranks[m]} 位`).join('，');
    const en = methods.map((m) => `${r.ranks[m]} under ${name(m).en}`).join(', ');
    const unitZh = findProvince(r.unit)?.shortZh ?? r.unit;
    return bi(
      `${unitZh}（${String(r.time)}）的排名随权重方法变动 ${r.shift} 位：${zh}。`,
      `${r.unit} (${String(r.time)}) moves ${r.shift} places with the weighting method: ranked ${en}.`,
    );
  });
}
