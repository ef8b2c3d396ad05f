/**
 * The self-assessment instrument as data, and the answers a firm gives.
 *
 * An instrument is versioned: an assessment records the version it was
 * answered against, and scoring always uses that version. Every item names the
 * framework node it measures (a seed 000 sub-category, a factor upgrade or a
 * management mode of a path, or a seed 003 enterprise path or resource
 * mechanism), so scores roll up the framework's own structure.
 */
import type { Bilingual } from '../i18n.ts';

/** Behavioural descriptors for a 0–5 level item: what a firm at levels 1, 3 and 5 does. */
export interface LevelAnchors {
  1: Bilingual;
  3: Bilingual;
  5: Bilingual;
}

interface ItemBase {
  /** Stable id, dotted lowercase ascii, unique in the instrument. */
  id: string;
  /** The framework node this item measures (e.g. "s000.sub.real-time-monitoring"). */
  node: string;
  /** The question as the respondent reads it. */
  prompt: Bilingual;
  /** Plain-language help: what the question means, without jargon. */
  help: Bilingual;
  /** Relative weight among the items of the same node (default 1). */
  weight?: number;
}

/** A maturity level 0–5 (0 = not at all); score = level × 20. */
export interface LevelItem extends ItemBase {
  type: 'level';
  anchors: LevelAnchors;
}

/** Practices in place; score = 100 × weight of ticked options / weight of all options. */
export interface MultiItem extends ItemBase {
  type: 'multi';
  options: Array<{ id: string; label: Bilingual }>;
}

/**
 * A number (e.g. R&D spending as % of revenue). `bands` are five ascending
 * thresholds: a value ≥ bands[k−1] reaches level k (1–5); score = level × 20.
 */
export interface NumberItem extends ItemBase {
  type: 'number';
  unit: Bilingual;
  bands: [number, number, number, number, number];
  /** Smallest and largest value accepted (inclusive). */
  min: number;
  max: number;
}

export type InstrumentItem = LevelItem | MultiItem | NumberItem;

export interface Instrument {
  /** Instrument id and version, e.g. "xinzhi-nqpf-firm" / "1.0.0". */
  id: string;
  version: string;
  title: Bilingual;
  items: InstrumentItem[];
}

/** One answer: a level 0–5, the ticked option ids, a number, or "not applicable". */
export type AnswerValue = { level: number } | { options: string[] } | { value: number } | { na: true };

/** Answers keyed by item id. Unanswered items are absent. */
export type Answers = Record<string, AnswerValue>;
