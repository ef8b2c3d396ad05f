/**
 * The model the estimation page sends for its draft (the draft keeps the
 * fields of every type while the user switches between them), and what a
 * DID, event-study or spatial draft still lacks. Pure: tested in Node.
 *
 * @example requestOf({ type: 'sar', y: 'y', x: ['x'], cluster: 'unit' }) // { type: 'sar', y: 'y', x: ['x'], weights: 'queen', fe: ['unit', 'time'] }
 */
import type { EstimateRequest } from './estimate-session.ts';
import type { Key } from './i18n.ts';

export const isDidType = (t: string) => t === 'did' || t === 'event-study';
export const isSpatialType = (t: string) => t === 'sdm' || t === 'sar' || t === 'sem';

const DID_FIELDS = ['treat', 'post', 'cohort', 'estimator', 'control', 'base', 'window', 'bin', 'placebo'] as const;
const SPATIAL_FIELDS = ['weights', 'info', 'correction', 'draws'] as const;
const OTHER_FIELDS = ['m', 'z', 'endog', 'instruments', 'q', 'thresholds', 'mode', 'bootstrap'] as const;

/** The event window the page starts with (the one it shows is the one it sends). */
export const DEFAULT_WINDOW: [number, number] = [-4, 4];

/**
 * The model the page sends for a draft: the fields of other model types are
 * left out (the draft keeps them while the user switches types). A did draft
 * without `estimator` is the treat × post design, with one the cohort design;
 * spatial models take no cluster or se.
 */
export function requestOf(d: EstimateRequest): EstimateRequest {
  const out: Record<string, unknown> = { ...d };
  const drop = (keys: readonly string[]) => {
    for (const k of keys) delete out[k];
  };
  if (!isDidType(d.type)) drop(DID_FIELDS);
  if (!isSpatialType(d.type)) drop(SPATIAL_FIELDS);
  if (isDidType(d.type) || isSpatialType(d.type)) drop(OTHER_FIELDS);
  if (isDidType(d.type)) out.x = [];
  if (d.type === 'event-study') {
    drop(['treat', 'post', 'estimator', 'control', 'base', 'placebo']);
    out.window = d.window ?? DEFAULT_WINDOW;
  }
  if (d.type === 'did') {
    drop(['window', 'bin']);
    if (d.estimator) drop(['treat', 'post']);
    else drop(['cohort', 'control', 'base']);
    if (d.estimator === 'cs') drop(['fe', 'cluster', 'se']);
    if (d.estimator !== 'cs') drop(['control', 'base']);
  }
  if (isDidType(d.type) && d.controls) {
    // a treatment column checked as a control earlier is not a control
    const treatment = [out.treat, out.post, out.cohort];
    out.controls = d.controls.filter((c) => !treatment.includes(c));
  }
  if (isSpatialType(d.type)) {
    drop(['cluster', 'se']);
    out.weights = d.weights ?? 'queen';
    if (!d.fe?.length) out.fe = ['unit', 'time'];
  }
  return out as EstimateRequest;
}

/** What a DID / event-study draft still lacks (a message key), or undefined. */
export function missingDesign(d: EstimateRequest): Key | undefined {
  if (d.type === 'did' && !d.estimator && !(d.treat && d.post)) return 'chooseTreatPost';
  if ((d.type === 'event-study' || (d.type === 'did' && d.estimator)) && !d.cohort) return 'chooseCohort';
  if (isSpatialType(d.type) && !d.x.length) return 'chooseX';
  return undefined;
}
