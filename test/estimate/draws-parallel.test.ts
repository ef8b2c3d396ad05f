/**
 * The mediation bootstrap split over several runners (runEstimateAsync;
 * worker threads in the CLI, io/estimate-pool.ts) gives runEstimate's result
 * for any number of parts: the clusters of every draw are taken from the
 * seeded generator first, in order. Checked in process for 1–5 parts on
 * Grunfeld, for a runner that finds a problem of the data (runEstimate's own
 * path then) or fails otherwise (an error naming the model), and
 * through the CLI with --jobs 1 against --jobs 3; the same for the DID
 * placebo draws (cohort designs with CS and TWFE, treat × post with random dates).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { readPanelFile } from '../../src/adapters/io/read.ts';
import { resamplePicks } from '../../src/core/stats/resample.ts';
import { XinzhiError } from '../../src/core/errors.ts';
import { bi } from '../../src/core/i18n.ts';
import { mediation, mediationDraws, mediationPicks } from '../../src/core/estimate/mediation.ts';
import { checkEstimateModels } from '../../src/core/estimate/model.ts';
import type { EstimateModel } from '../../src/core/estimate/model.ts';
import type { Panel } from '../../src/core/panel/types.ts';
import {
  type MediationDrawJob,
  type PermutationJob,
  type PlaceboJob,
  runEstimate,
  runEstimateAsync,
} from '../../src/core/estimate/run.ts';
import { placeboEstimates } from '../../src/core/estimate/run-did.ts';
import { permutationDifferences } from '../../src/core/estimate/heterogeneity.ts';
import { sameOnThreads, xinzhi } from '../analysis/gini-cli-helpers.ts';
import { estimateParts } from '../../src/adapters/io/estimate-pool.ts';
import { tfpBootstrapParts } from '../../src/adapters/io/tfp-pool.ts';

const DIR = join(import.meta.dirname, '..', '..', 'data', 'estimate');
const MODEL = join(DIR, 'grunfeld-mediation.json');
const models = () => {
  const raw = JSON.parse(readFileSync(MODEL, 'utf8')) as Record<string, unknown>;
  return checkEstimateModels({ ...raw, bootstrap: 40 }, 'm.json');
};
const runPlacebo = async (job: PlaceboJob) => placeboEstimates(job.panel, job.model, job.draws);
const runPermutation = async (job: PermutationJob) =>
  permutationDifferences(job.data, job.term, job.names, job.opts, job.plan);
const runMediation = async (job: MediationDrawJob) => mediationDraws(job.data, job.fe, job.picks);
type Runners = {
  runMediation: typeof runMediation;
  runPlacebo: typeof runPlacebo;
  runPermutation: typeof runPermutation;
};

/** runEstimateAsync in `parts` with the in-process runners; `calls` records the number of draws of each job sent. */
async function inParts(panel: Panel, ms: EstimateModel[], parts: number, failing: Partial<Runners> = {}) {
  const calls: number[] = [];
  const counted =
    <J, T extends ArrayLike<unknown>>(f: (job: J) => Promise<T>) =>
    async (job: J) => {
      const out = await f(job);
      calls.push(out.length);
      return out;
    };
  const got = await runEstimateAsync(
    panel,
    ms,
    {},
    {
      runMediation: counted(runMediation),
      runPlacebo: counted(runPlacebo),
      runPermutation: counted(runPermutation),
      ...failing,
      parts: () => parts,
    },
  );
  return { got, calls };
}
const panelOf = async () =>
  (await readPanelFile(join(DIR, 'grunfeld.csv'), { unit: 'firm', time: 'year', columns: ['inv', 'value', 'capital'] }))
    .panel;

describe('mediation bootstrap in parts', () => {
  it('gives runEstimate’s result for 1, 2, 3 and 5 parts', async () => {
    const panel = await panelOf();
    const one = runEstimate(panel, models());
    for (const parts of [1, 2, 3, 5]) {
      const { got, calls } = await inParts(panel, models(), parts);
      expect(got).toEqual(one);
      expect(calls.length).toBe(parts > 1 ? parts : 0);
      if (parts > 1) expect(calls.reduce((a, b) => a + b, 0)).toBe(40);
    }
  });

  it('leaves a problem of the data (a XinzhiError from a runner) to this thread', async () => {
    const panel = await panelOf();
    const { got } = await inParts(panel, models(), 2, {
      runMediation: async () => {
        throw new XinzhiError({ code: 'x', severity: 'error', message: bi('坏', 'bad') });
      },
    });
    expect(got).toEqual(runEstimate(panel, models()));
  });

  it('names the model and says to use one thread when the threads themselves fail', async () => {
    const panel = await panelOf();
    const run = inParts(panel, models(), 2, {
      runMediation: async () => {
        throw new Error('worker could not start');
      },
    });
    const err = (await run.catch((e: unknown) => e)) as XinzhiError;
    expect(err).toBeInstanceOf(XinzhiError);
    expect(err.problems[0]).toMatchObject({ code: 'estimate-threads', column: models()[0].name });
    expect(err.problems[0].message.en).toContain('worker could not start');
    expect(err.problems[0].fix?.en).toContain('--jobs 1');
  });

  it('takes each draw’s clusters in order from the seeded generator', () => {
    const picks = mediationPicks({ cluster: ['a', 'a', 'b', 'c'] }, 3, 5);
    const u = seedrandom('5');
    for (const p of picks) expect(Array.from(p)).toEqual([0, 1, 2].map(() => Math.min(2, Math.floor(u() * 3))));
  });

  it('resamplePicks reads the generator draw after draw and never names a group past the last', () => {
    const u = seedrandom('r');
    const expected = [0, 1].map(() => [0, 1, 2, 3].map(() => Math.floor(u() * 4)));
    expect(resamplePicks(4, 2, seedrandom('r')).map((p) => Array.from(p))).toEqual(expected);
    expect(Array.from(resamplePicks(3, 1, () => 1)[0])).toEqual([2, 2, 2]);
  });

  it('refuses draws of another length', () => {
    const data = { y: [1, 2, 3, 4], x: [1, 3, 2, 5], m: [2, 1, 4, 3], controls: {}, fe: {}, cluster: [1, 1, 2, 2] };
    expect(() => mediation(data, { se: 'iid', preset: 'stata' }, { bootstrap: 3, draws: new Float64Array(2) })).toThrow(
      /2 bootstrap draws given for 3/,
    );
  });
});

describe('DID placebo draws in parts', () => {
  const placeboModels = () =>
    checkEstimateModels(
      {
        models: [
          {
            type: 'did',
            name: 'CS',
            y: 'y',
            cohort: 'cohort',
            estimator: 'cs',
            control: 'never',
            base: 'varying',
            unit: 'unit',
            time: 'year',
            placebo: { draws: 12, seed: 2, mode: 'units-and-dates' },
          },
          {
            type: 'did',
            name: 'TWFE',
            y: 'y',
            cohort: 'cohort',
            estimator: 'twfe',
            unit: 'unit',
            time: 'year',
            cluster: 'unit',
            placebo: { draws: 15, seed: 4, mode: 'units' },
          },
          {
            type: 'event-study',
            name: 'ES',
            y: 'y',
            cohort: 'cohort',
            unit: 'unit',
            time: 'year',
            cluster: 'unit',
            window: [-3, 3],
            bin: true,
          },
        ],
      },
      'm.json',
    );
  it('cohort designs (CS, TWFE): the same placebo for 1, 2 and 4 parts', async () => {
    const { panel } = await readPanelFile(join(DIR, 'did-staggered.csv'), {
      unit: 'unit',
      time: 'year',
      columns: ['y', 'x'],
      labels: ['cohort'],
    });
    const one = runEstimate(panel, placeboModels());
    expect(one.models.filter((r) => 'placebo' in r && r.placebo)).toHaveLength(2);
    for (const parts of [1, 2, 4]) {
      const { got, calls } = await inParts(panel, placeboModels(), parts);
      expect(got).toEqual(one);
      expect(calls.length).toBe(parts > 1 ? 2 * parts : 0);
    }
  });
  it('treat × post with random dates: the same placebo in 3 parts', async () => {
    const { panel } = await readPanelFile(join(DIR, 'did-common.csv'), {
      unit: 'unit',
      time: 'year',
      columns: ['treat', 'post', 'x', 'y'],
    });
    const ms = () =>
      checkEstimateModels(
        {
          type: 'did',
          name: 'TWFE',
          y: 'y',
          treat: 'treat',
          post: 'post',
          controls: ['x'],
          unit: 'unit',
          time: 'year',
          fe: ['unit', 'time'],
          cluster: 'unit',
          placebo: { draws: 20, seed: 1, mode: 'units-and-dates' },
        },
        'm.json',
      );
    const { got, calls } = await inParts(panel, ms(), 3);
    expect(got).toEqual(runEstimate(panel, ms()));
    expect(calls).toEqual([6, 7, 7]); // 20 draws in three contiguous ranges
  });
});

describe('heterogeneity permutations in parts', () => {
  it('gives the p of one thread for 1, 2 and 3 parts', async () => {
    const { panel } = await readPanelFile(join(DIR, 'grunfeld.csv'), {
      unit: 'firm',
      time: 'year',
      columns: ['inv', 'value', 'capital'],
    });
    // two groups of firms: the first five and the rest
    const grouped = { ...panel, labels: { size: panel.unit.map((u) => (Number(u) <= 5 ? 'large' : 'small')) } };
    const ms = () =>
      checkEstimateModels(
        {
          type: 'fe',
          name: 'by size',
          y: 'inv',
          x: ['value'],
          controls: ['capital'],
          unit: 'firm',
          time: 'year',
          fe: ['unit', 'time'],
          cluster: 'unit',
          by: 'size',
          permutations: 30,
          seed: 2,
        },
        'm.json',
      );
    const one = runEstimate(grouped, ms());
    expect(one.models[0]).toHaveProperty('heterogeneity.permutation.draws', 30);
    for (const parts of [1, 2, 3]) {
      const { got, calls } = await inParts(grouped, ms(), parts);
      expect(got).toEqual(one);
      expect(calls.length).toBe(parts > 1 ? parts : 0);
    }
  });
});

describe('xinzhi estimate --jobs', () => {
  it('gives the same placebo with one and with three worker threads', () => {
    const args = ['estimate', '--data', join(DIR, 'did-common.csv'), '--model', join(DIR, 'did-common.json'), '--json'];
    const stdout = sameOnThreads(args);
    expect(JSON.parse(stdout).models[1].placebo.draws).toBe(500);
  });
  it('gives the same JSON with one and with three worker threads', () => {
    const args = ['estimate', '--data', join(DIR, 'grunfeld.csv'), '--model', MODEL, '--json'];
    const stdout = sameOnThreads(args);
    expect(JSON.parse(stdout).models[0].indirect.bootstrap.draws).toBe(200);
  });
  it('refuses a number of threads that is not a positive integer', () => {
    const r = xinzhi(['estimate', '--data', join(DIR, 'grunfeld.csv'), '--model', MODEL, '--jobs', 'two']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('--jobs');
  });
});

describe('how many threads', () => {
  it('one for small work, --jobs when given (at most one per draw), never more than 8', () => {
    const [m] = models(); // 40 mediation draws
    expect(estimateParts()(m, 200)).toBe(1); // 200 rows × 40 draws is below the threshold
    expect(estimateParts(3)(m, 200)).toBe(3);
    expect(estimateParts(99)(m, 200)).toBe(40);
    const big = estimateParts()(m, 1_000_000);
    expect(big).toBeGreaterThanOrEqual(1);
    expect(big).toBeLessThanOrEqual(8);
    expect(tfpBootstrapParts(1_200, 50)).toBe(1);
    expect(tfpBootstrapParts(1_200, 50, 2)).toBe(2);
  });
});
