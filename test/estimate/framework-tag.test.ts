/** A mediator tagged with a framework node (issue 10): checked against the framework, reported with the seed sections. */
import { describe, expect, it } from 'vitest';
import { frameworkTag } from '../../src/core/estimate/framework-tag.ts';
import { checkEstimateModel } from '../../src/core/estimate/model.ts';
import { runEstimate } from '../../src/core/estimate/run.ts';
import type { XinzhiError } from '../../src/core/errors.ts';
import { grunfeldPanel } from './grunfeld.ts';

describe('framework tags', () => {
  it('names the node, its kind and its seed sections as references', () => {
    const t = frameworkTag('s000.proposition.1');
    expect(t.kind).toBe('proposition');
    expect(t.cites[0].zh).toMatch(/孙永磊等（2026）/);
  });
  it('an unknown id is an error with a did-you-mean', () => {
    try {
      frameworkTag('s000.path.quality-efficiencyy');
      expect.unreachable();
    } catch (e) {
      expect((e as XinzhiError).problems[0].fix?.en).toMatch(/did you mean "s000.path.quality-efficiency"/);
    }
  });
  it('a tagged mediation carries the tag into its results', () => {
    const m = checkEstimateModel({
      type: 'mediation',
      y: 'inv',
      x: ['value'],
      m: 'capital',
      unit: 'firm',
      time: 'year',
      cluster: 'unit',
      framework: 's000.path.quality-efficiency',
    });
    const panel = grunfeldPanel();
    const r = runEstimate(panel, [m]).models[0];
    expect(r.framework?.id).toBe('s000.path.quality-efficiency');
    expect(r.framework?.name.zh).toBeTruthy();
  });
});
