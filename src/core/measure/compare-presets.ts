/**
 * Two presets (or a preset and the spec as written) on the same data, and
 * why their numbers differ. Each preset's conventions replace the spec's
 * method settings (presetOver); the indicators and hierarchy stay the spec's. The filled specs of both sides are compared
 * setting by setting; then, starting from side A, B's value of each differing
 * setting is switched in one at a time, in pipeline order (normalisation,
 * weights, aggregation, scores), and the change of every step in weights,
 * scores and ranks is recorded. The last step is side B, so the steps account
 * for the whole difference; a step's share depends on the order (the order is
 * fixed and stated, as in a sequential decomposition). Settings that cannot
 * stand apart (a range and the shift it replaces) move together.
 *
 * @example comparePresets(panel, spec, 'xinzhi', 'stata-entropy').steps[0].setting // "normalize.shift"
 */
import { bi, type Bilingual } from '../i18n.ts';
import { XinzhiError } from '../errors.ts';
import { evaluate, type EvaluateOptions } from './evaluate.ts';
import { PRESETS, presetOver, type PresetId } from './presets.ts';
import type { EvaluationResult } from './result.ts';
import type { FilledSpec, Spec } from './spec.ts';
import type { Panel } from '../panel/types.ts';
import { pearson } from '../stats/descriptive.ts';
import { rank } from './rank.ts';

/** One side: a preset, or null for the spec as written. */
export type Side = PresetId | null;

export interface SettingDifference {
  /** Dotted path in the spec, e.g. "normalize.shift". */
  setting: string;
  a: unknown;
  b: unknown;
}

export interface ScoreDifference {
  /** Largest |score_B − score_A| over unit-times (scores on each side's own scale). */
  maxAbs: number;
  /** Mean |score_B − score_A|. */
  meanAbs: number;
  /** Unit-times whose rank within its time differs. */
  rankChanges: number;
  /** Largest |rank_B − rank_A|. */
  maxRankShift: number;
  /** Spearman correlation of the two score vectors within each time, averaged over times (ties averaged). */
  spearman: number;
}

export interface ComparisonStep {
  /** The settings switched from A's to B's value in this step. */
  settings: SettingDifference[];
  /** Σ_j |w_j after − w_j before| over indicators (0 … 2). */
  weightsL1: number;
  /** The indicator whose weight moved most in this step, and by how much (after − before). */
  largestWeightChange: { indicator: string; change: number } | null;
  scores: ScoreDifference;
}

export interface PresetComparison {
  a: { preset: Side; name: Bilingual };
  b: { preset: Side; name: Bilingual };
  /** Every setting whose filled value differs, in pipeline order. */
  settings: SettingDifference[];
  weights: Array<{ indicator: string; a: number; b: number; diff: number }>;
  scores: ScoreDifference;
  /** The sequential decomposition from A to B. */
  steps: ComparisonStep[];
  /** Units whose rank moves most (largest |rank_B − rank_A|), at most 10. */
  movers: Array<{ unit: string; time: string | number; rankA: number; rankB: number; scoreA: number; scoreB: number }>;
  /** The conventions of each preset and what each does not reproduce. */
  notes: { a: Bilingual[]; b: Bilingual[] };
}

const ORDER = ['normalize', 'weights', 'aggregate', 'score'];
const IGNORED = new Set(['preset']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Leaf settings of the method sections of a filled spec (arrays are leaves). */
function leaves(spec: FilledSpec): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (v: unknown, path: string) => {
    if (isObj(v) && Object.keys(v).length > 0) for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    else out.set(path, v);
  };
  for (const key of ORDER) walk((spec as unknown as Obj)[key], key);
  return out;
}

function setPath(spec: Obj, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = spec;
  for (const k of keys.slice(0, -1)) {
    if (!isObj(o[k])) o[k] = {};
    else o[k] = { ...(o[k] as Obj) };
    o = o[k] as Obj;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete o[last];
  else o[last] = value;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The spec of one side: the preset's conventions over the spec's (presetOver), or the spec as written (null). */
function sideSpec(spec: Spec, side: Side): Spec {
  return side === null ? spec : presetOver(spec, side);
}

function key(unit: string, time: unknown): string {
  return `${unit}\u0000${String(time)}`;
}

/** Score and rank differences between two results of the same panel. */
export function scoreDifference(ra: EvaluationResult, rb: EvaluationResult): ScoreDifference {
  const b = new Map(rb.scores.map((s) => [key(s.unit, s.time), s]));
  let maxAbs = 0;
  let sumAbs = 0;
  let rankChanges = 0;
  let maxRankShift = 0;
  const byTime = new Map<string, { a: number[]; b: number[] }>();
  for (const s of ra.scores) {
    const t = b.get(key(s.unit, s.time))!;
    const d = Math.abs(t.score - s.score);
    maxAbs = Math.max(maxAbs, d);
    sumAbs += d;
    const shift = Math.abs((t.rank ?? 0) - (s.rank ?? 0));
    if (shift > 0) rankChanges++;
    maxRankShift = Math.max(maxRankShift, shift);
    const g = byTime.get(String(s.time)) ?? { a: [], b: [] };
    g.a.push(s.score);
    g.b.push(t.score);
    byTime.set(String(s.time), g);
  }
  // Spearman: Pearson correlation of the average ranks within each time
  const avg = { ties: 'average' } as const;
  const rhos = [...byTime.values()].map((g) => pearson(rank(g.a, avg), rank(g.b, avg))).filter(Number.isFinite);
  return {
    maxAbs,
    meanAbs: ra.scores.length ? sumAbs / ra.scores.length : 0,
    rankChanges,
    maxRankShift,
    spearman: rhos.length ? rhos.reduce((s, v) => s + v, 0) / rhos.length : Number.NaN,
  };
}

function weightChange(
  before: EvaluationResult,
  after: EvaluationResult,
): { l1: number; largest: ComparisonStep['largestWeightChange'] } {
  let l1 = 0;
  let largest: ComparisonStep['largestWeightChange'] = null;
  for (const [id, wb] of Object.entries(before.weights)) {
    const d = (after.weights[id] ?? 0) - wb;
    l1 += Math.abs(d);
    if (!largest || Math.abs(d) > Math.abs(largest.change)) largest = { indicator: id, change: d };
  }
  return { l1, largest };
}

function sideName(side: Side): Bilingual {
  return side === null ? bi('规格原文', 'spec as written') : PRESETS[side].name;
}

/**
 * Compare two sides on one panel (see the module comment).
 *
 * @example comparePresets(panel, spec, 'spssau', 'mathmodels').settings.map((s) => s.setting)
 */
export function comparePresets(
  panel: Panel,
  spec: Spec,
  a: Side,
  b: Side,
  opts: EvaluateOptions = {},
): PresetComparison {
  const specA = sideSpec(spec, a);
  const specB = sideSpec(spec, b);
  const ra = evaluate(panel, specA, opts);
  const rb = evaluate(panel, specB, opts);
  // the filled specs as used, from the runs' records (validated once, by evaluate)
  const filledA = ra.record.spec;
  const la = leaves(filledA);
  const lb = leaves(rb.record.spec);
  const paths = [...new Set([...la.keys(), ...lb.keys()])].filter((p) => !IGNORED.has(p));
  paths.sort((p, q) => ORDER.indexOf(p.split('.')[0]) - ORDER.indexOf(q.split('.')[0]));
  const settings = paths
    .filter((p) => !sameValue(la.get(p), lb.get(p)))
    .map((p) => ({ setting: p, a: la.get(p), b: lb.get(p) }));

  // sequential switch from A to B; a step that cannot stand alone joins the next one
  const steps: ComparisonStep[] = [];
  let current = structuredClone(filledA) as unknown as Obj;
  delete current.preset;
  let prev = ra;
  let pending: SettingDifference[] = [];
  for (let i = 0; i < settings.length; i++) {
    const s = settings[i];
    pending.push(s);
    const next = structuredClone(current);
    for (const p of pending) setPath(next, p.setting, p.b);
    const last = i === settings.length - 1;
    let r: EvaluationResult;
    try {
      r = last ? rb : evaluate(panel, next, opts);
    } catch (e) {
      if (e instanceof XinzhiError && !last) continue;
      throw e;
    }
    const w = weightChange(prev, r);
    steps.push({
      settings: pending,
      weightsL1: w.l1,
      largestWeightChange: w.largest,
      scores: scoreDifference(prev, r),
    });
    current = next;
    prev = r;
    pending = [];
  }

  const bScores = new Map(rb.scores.map((s) => [key(s.unit, s.time), s]));
  const movers = ra.scores
    .map((s) => {
      const t = bScores.get(key(s.unit, s.time))!;
      return {
        unit: s.unit,
        time: s.time as string | number,
        rankA: s.rank ?? Number.NaN,
        rankB: t.rank ?? Number.NaN,
        scoreA: s.score,
        scoreB: t.score,
      };
    })
    .filter((m) => m.rankA !== m.rankB)
    .sort((x, y) => Math.abs(y.rankB - y.rankA) - Math.abs(x.rankB - x.rankA) || String(x.unit).localeCompare(y.unit))
    .slice(0, 10);

  return {
    a: { preset: a, name: sideName(a) },
    b: { preset: b, name: sideName(b) },
    settings,
    weights: Object.keys(ra.weights).map((id) => ({
      indicator: id,
      a: ra.weights[id],
      b: rb.weights[id],
      diff: rb.weights[id] - ra.weights[id],
    })),
    scores: scoreDifference(ra, rb),
    steps,
    movers,
    notes: {
      a: a === null ? [] : [...PRESETS[a].conventions, ...PRESETS[a].notReproduced],
      b: b === null ? [] : [...PRESETS[b].conventions, ...PRESETS[b].notReproduced],
    },
  };
}
