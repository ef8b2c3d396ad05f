/** The model the estimation page sends for its draft: other types' fields left out, the designs read from the draft. */
import { describe, expect, it } from 'vitest';
import { missingDesign, requestOf } from '../../src/adapters/web/estimate-request.ts';
import type { EstimateRequest } from '../../src/adapters/web/estimate-session.ts';

const base: EstimateRequest = {
  type: 'fe',
  y: 'y',
  x: ['a'],
  controls: [],
  fe: ['unit', 'time'],
  cluster: 'unit',
  se: 'stata',
  m: 'med',
  treat: 't',
  post: 'p',
  cohort: 'g',
  weights: 'rook',
  draws: 50,
};

describe('estimation page: the request of a draft', () => {
  it('an fe draft keeps its own fields and drops the DID and spatial ones', () => {
    const r = requestOf(base);
    expect(r).toMatchObject({ type: 'fe', x: ['a'], cluster: 'unit', m: 'med' });
    expect(r).not.toHaveProperty('treat');
    expect(r).not.toHaveProperty('weights');
  });

  it('a did draft without estimator is treat × post; with cs it is the cohort design without fe, cluster or se', () => {
    const tp = requestOf({ ...base, type: 'did' });
    expect(tp).toMatchObject({ type: 'did', x: [], treat: 't', post: 'p' });
    expect(tp).not.toHaveProperty('cohort');
    expect(tp).not.toHaveProperty('m');
    const cs = requestOf({ ...base, type: 'did', estimator: 'cs', control: 'notyet' });
    expect(cs).toMatchObject({ cohort: 'g', estimator: 'cs', control: 'notyet' });
    for (const k of ['treat', 'post', 'fe', 'cluster', 'se']) expect(cs).not.toHaveProperty(k);
    const tw = requestOf({ ...base, type: 'did', estimator: 'twfe', control: 'notyet' });
    expect(tw).toMatchObject({ cohort: 'g', cluster: 'unit' });
    expect(tw).not.toHaveProperty('control');
  });

  it('an event study sends the window it shows (−4 to 4 by default)', () => {
    const r = requestOf({ ...base, type: 'event-study' });
    expect(r).toMatchObject({ type: 'event-study', x: [], cohort: 'g', window: [-4, 4] });
    expect(r).not.toHaveProperty('treat');
    expect(requestOf({ ...base, type: 'event-study', window: [-2, 3] }).window).toEqual([-2, 3]);
    expect(requestOf({ ...base, type: 'event-study', controls: ['g', 'c'] }).controls).toEqual(['c']);
  });

  it('a spatial draft has weights (queen by default) and fixed effects, and no cluster or se', () => {
    const r = requestOf({ ...base, type: 'sdm' });
    expect(r).toMatchObject({ type: 'sdm', x: ['a'], weights: 'rook', draws: 50, fe: ['unit', 'time'] });
    expect(r).not.toHaveProperty('cluster');
    expect(r).not.toHaveProperty('se');
    expect(requestOf({ ...base, type: 'sar', weights: undefined, fe: [] })).toMatchObject({
      weights: 'queen',
      fe: ['unit', 'time'],
    });
  });

  it('says what a draft lacks: treat and post, a cohort, or X of a spatial model', () => {
    expect(missingDesign({ type: 'did', y: 'y', x: [] })).toBe('chooseTreatPost');
    expect(missingDesign({ type: 'did', y: 'y', x: [], estimator: 'cs' })).toBe('chooseCohort');
    expect(missingDesign({ type: 'event-study', y: 'y', x: [] })).toBe('chooseCohort');
    expect(missingDesign({ type: 'sem', y: 'y', x: [] })).toBe('chooseX');
    expect(missingDesign({ type: 'did', y: 'y', x: [], treat: 't', post: 'p' })).toBeUndefined();
  });
});
