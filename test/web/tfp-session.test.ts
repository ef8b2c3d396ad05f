/**
 * The TFP page's firm estimators (web/tfp-session.ts) give the CLI's numbers:
 * the same data and model through `tfpRequest` (the worker's call) and
 * through `runTfpCommand` (`xinzhi tfp`) — LP on the firm example, OP with the
 * exit correction and two state variables on an uploaded panel; a model not
 * yet complete gives no result, a wrong column a located error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runTfpCommand } from '../../src/adapters/cli/tfp.ts';
import { firmExampleModel, tfpRequest, type FirmDraft } from '../../src/adapters/web/tfp-session.ts';
import { XinzhiError } from '../../src/core/errors.ts';
import type { FirmResult, ReplicateJob } from '../../src/core/tfp/firm/run.ts';
import { fitReplicates } from '../../src/core/tfp/firm/estimators.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TFP = join(ROOT, 'data', 'tfp');

describe('TFP page: firm production functions', () => {
  it('LP on the firm example gives the CLI’s coefficients, SEs and firm-year TFP', async () => {
    const web = (await tfpRequest({ data: { kind: 'firm-example' }, model: firmExampleModel('lp') }))
      .result as FirmResult;
    const cli = (await runTfpCommand({
      data: join(TFP, 'firm-panel.csv'),
      model: join(TFP, 'firm-lp.yaml'),
    })) as FirmResult;
    expect(web.coefficients).toEqual(cli.coefficients);
    expect(web.tfp).toEqual(cli.tfp);
    expect([web.n, web.firms, web.se]).toEqual([cli.n, cli.firms, 'bootstrap']);
  }, 60_000);

  it('LP with its bootstrap replications spread over pools (as the app’s worker does) gives the same result', async () => {
    const req = { data: { kind: 'firm-example' as const }, model: firmExampleModel('lp') };
    const one = await tfpRequest(req);
    const spans: number[] = [];
    const pools = {
      dea: { runPart: async () => [], parts: () => 1 },
      replicates: (_rows: number, reps: number) => ({
        runPart: async (job: ReplicateJob) => {
          spans.push(job.picks.length);
          return fitReplicates(job.data, job.estimator, job.degree, job.picks);
        },
        parts: Math.min(3, reps),
      }),
    };
    const many = await tfpRequest(req, pools);
    expect(spans.reduce((a, b) => a + b, 0)).toBe(50);
    expect(spans.length).toBe(3);
    expect(JSON.stringify(many.result)).toBe(JSON.stringify(one.result));
  }, 60_000);

  it('OP with the exit correction on an uploaded panel gives the CLI’s numbers', async () => {
    const model = parseYaml(readFileSync(join(TFP, 'firm-op-exit.yaml'), 'utf8')) as FirmDraft;
    const bytes = new Uint8Array(readFileSync(join(TFP, 'firm-exit-panel.csv')));
    const out = await tfpRequest({ data: { kind: 'upload', name: 'firm-exit-panel.csv', bytes }, model });
    const cli = (await runTfpCommand({
      data: join(TFP, 'firm-exit-panel.csv'),
      model: join(TFP, 'firm-op-exit.yaml'),
    })) as FirmResult;
    const web = out.result as FirmResult;
    expect(web.coefficients).toEqual(cli.coefficients);
    expect(web.survival).toEqual(cli.survival);
    expect(out.table.name).toBe('firm-exit-panel.csv');
    expect(out.table.numeric).toEqual(expect.arrayContaining(['lny', 'lnl', 'lnk', 'age', 'lni']));
  }, 120_000);

  it('OLS and FE need no proxy; a model without its variables gives the table and no result', async () => {
    const ols = firmExampleModel('ols');
    expect(ols).not.toHaveProperty('proxy');
    expect(firmExampleModel('op').proxy).toBe('lni');
    const fe = (await tfpRequest({ data: { kind: 'firm-example' }, model: firmExampleModel('fe') }))
      .result as FirmResult;
    expect(fe.se).toBe('classical');
    for (const model of [
      { ...firmExampleModel('lp'), proxy: undefined },
      { ...ols, free: [] },
      { ...ols, output: '' },
    ]) {
      const out = await tfpRequest({ data: { kind: 'firm-example' }, model: model as FirmDraft });
      expect(out.result).toBeNull();
      expect(out.table.rows).toBe(1200);
    }
  });

  it('a column the table lacks is an error naming it', async () => {
    const model = { ...firmExampleModel('lp'), proxy: 'lnmaterials' };
    const err = await tfpRequest({ data: { kind: 'firm-example' }, model }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XinzhiError);
    expect(
      (err as XinzhiError).problems.some((p) => p.file === 'firm-panel.csv' && /lnmaterials/.test(p.message.en)),
    ).toBe(true);
  });
});
