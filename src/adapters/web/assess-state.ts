/**
 * The self-assessment page's state: the answers (kept in localStorage as the
 * respondent goes, so a closed tab loses nothing), read and written in the
 * answers-file format of `xinzhi assess --answers` (checked by the core's
 * `checkAssessmentInput`), and the scoring through the core's
 * `scoreAssessment` / `assessmentReport` — nothing is computed here.
 *
 * @example scoreInput(loadAssessInput()).scores.nodes.nqpf.score
 */
import example from '../../../data/assess/firm-example.json' with { type: 'json' };
import { type AssessmentInput, checkAssessmentInput } from '../../core/assess/input.ts';
import { BUILTIN_INSTRUMENT } from '../../core/assess/instrument.ts';
import { type AssessmentReport, assessmentReport } from '../../core/assess/report.ts';
import { type AssessmentScores, scoreAssessment } from '../../core/assess/score.ts';
import { type AssessmentStructure, assessmentStructure } from '../../core/assess/structure.ts';
import type { AnswerValue } from '../../core/assess/types.ts';
import { loadFramework } from '../../core/framework/model.ts';

const KEY = 'xinzhi.assess';
let structureCache: AssessmentStructure | undefined;

export const instrument = BUILTIN_INSTRUMENT;
export function structure(): AssessmentStructure {
  structureCache ??= assessmentStructure(loadFramework());
  return structureCache;
}

const empty = (): AssessmentInput => ({ answers: {}, excludedPaths: [] });

/** The saved answers (none yet: an empty questionnaire). */
export function loadAssessInput(): AssessmentInput {
  try {
    const text = globalThis.localStorage?.getItem(KEY);
    return text ? checkAssessmentInput(JSON.parse(text), 'localStorage') : empty();
  } catch {
    return empty();
  }
}

export function saveAssessInput(input: AssessmentInput): void {
  globalThis.localStorage?.setItem(KEY, JSON.stringify(input));
}

/** The embedded example firm (data/assess/firm-example.json). */
export function exampleInput(): AssessmentInput {
  return checkAssessmentInput(structuredClone(example), 'firm-example.json');
}

/** A copy of the input with one answer set (undefined clears it). */
export function withAnswer(input: AssessmentInput, item: string, value: AnswerValue | undefined): AssessmentInput {
  const answers = { ...input.answers };
  if (value === undefined) delete answers[item];
  else answers[item] = value;
  return { ...input, answers };
}

/** Scores and report of the input, as `xinzhi assess` computes them. */
export function scoreInput(input: AssessmentInput): { scores: AssessmentScores; report: AssessmentReport } {
  const st = structure();
  const scores = scoreAssessment(instrument, input.answers, st, { excludedPaths: input.excludedPaths });
  return { scores, report: assessmentReport(scores, instrument, st, input) };
}
