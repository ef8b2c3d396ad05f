/**
 * The firm-TFP bootstrap split over several runners (runFirmAsync; worker
 * threads in the CLI, io/tfp-pool.ts) gives runFirm's result for any number
 * of parts: the firms of every replication are drawn first, in order, with
 * the seeded generator. Checked in process for 1–7 parts (OP with the exit
 * correction, where replications can fail, and ACF), and through the CLI
 * with --jobs 1 against --jobs 3.
 */
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { readPanelFile } from '../../src/adapters/io/read.ts';
import { bootstrapPicks, fitReplicates } from '../../src/core/tfp/firm/estimators.ts';
import { checkFirmModel } from '../../src/core/tfp/firm/model.ts';
import { runFirm, runFirmAsync, type ReplicateJob } from '../../src/core/tfp/firm/run.ts';
import { sameOnThreads, xinzhi } from '../analysis/gini-cli-helpers.ts';

const DIR = join(import.meta.dirname, '..', '..', 'data', 'tfp');

async function setup(raw: Record<string, unknown>, file: string) {
  const { model, problems } = checkFirmModel(raw, 'm.json');
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  const cols = ['lny', 'lnl', 'lnk', 'lnm', 'lni', ...(file.includes('exit') ? ['age', 'exit'] : [])];
  const { panel } = await readPanelFile(join(DIR, file), { unit: 'firm', time: 'year', columns: cols });
  return { model: model!, panel };
}

/** A runner in this thread that records the ranges it was given. */
function recorder() {
  const sizes: number[] = [];
  const runPart = async (job: ReplicateJob) => {
    sizes.push(job.picks.length);
    return fitReplicates(job.data, job.estimator, job.degree, job.picks);
  };
  return { sizes, runPart };
}

describe('bootstrap replications in parts', () => {
  it('OP with the exit correction: the same result for 1, 2, 3 and 7 parts', async () => {
    const { model, panel } = await setup(
      {
        type: 'op',
        unit: 'firm',
        time: 'year',
        output: 'lny',
        free: ['lnl'],
        state: ['lnk', 'age'],
        notInputs: ['age'],
        proxy: 'lni',
        exit: 'exit',
        bootstrap: 8,
        seed: 3,
      },
      'firm-exit-panel.csv',
    );
    const one = runFirm(panel, model);
    for (const parts of [1, 2, 3, 7]) {
      const r = recorder();
      const got = await runFirmAsync(panel, model, { runPart: r.runPart, parts });
      expect(got).toEqual(one);
      if (parts > 1) expect(r.sizes.reduce((a, b) => a + b, 0)).toBe(8);
      expect(r.sizes.length).toBe(parts > 1 ? parts : 0);
    }
  });

  it('ACF: the same standard errors in parts as in one thread', async () => {
    const { model, panel } = await setup(
      {
        type: 'acf',
        unit: 'firm',
        time: 'year',
        output: 'lny',
        free: ['lnl'],
        state: ['lnk'],
        proxy: 'lnm',
        bootstrap: 6,
        seed: 1,
      },
      'firm-panel.csv',
    );
    const one = runFirm(panel, model);
    expect(one.se).toBe('bootstrap');
    const got = await runFirmAsync(panel, model, { runPart: recorder().runPart, parts: 4 });
    expect(got.coefficients).toEqual(one.coefficients);
  });

  it('draws each replication’s firms in order from the generator', () => {
    const firm = ['a', 'a', 'b', 'c', 'c', 'c'];
    const picks = bootstrapPicks({ firm }, 3, seedrandom('9'));
    const u = seedrandom('9');
    for (const pick of picks) expect(Array.from(pick)).toEqual([0, 1, 2].map(() => Math.floor(u() * 3)));
  });
});

describe('xinzhi tfp --jobs', () => {
  it('gives the same JSON with one and with three worker threads', () => {
    const args = ['tfp', '--data', join(DIR, 'firm-panel.csv'), '--model', join(DIR, 'firm-lp.yaml'), '--json'];
    const stdout = sameOnThreads(args);
    expect(JSON.parse(stdout).se).toBe('bootstrap');
  });
  it('refuses a number of threads that is not a positive integer', () => {
    const r = xinzhi([
      'tfp',
      '--data',
      join(DIR, 'firm-panel.csv'),
      '--model',
      join(DIR, 'firm-lp.yaml'),
      '--jobs',
      '0',
    ]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('--jobs');
  });
});
