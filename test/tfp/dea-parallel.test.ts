/**
 * DEA runs in chunks (src/core/tfp/chunks.ts): each chunk of at most 250
 * units starts its own frontier hint, so runTfpAsync with the chunks dealt
 * out to 1–5 runners gives runTfp's result exactly (checked in process on
 * 300 firms × 2 years, with a runner that copies each job as a worker
 * thread receives it), the chunks come back in order, and `xinzhi tfp`
 * gives the same JSON with --jobs 1 and --jobs 3 (worker threads). The
 * numbers themselves are checked against SciPy in dea-large.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLpSolver } from '../../src/adapters/io/lp-solver.ts';
import { deaParts, PARALLEL_MIN_PROGRAMMES } from '../../src/adapters/io/dea-pool.ts';
import { DEA_CHUNK, type DeaJob, planChunks, solveDeaJob } from '../../src/core/tfp/chunks.ts';
import type { LpSolver } from '../../src/core/tfp/lp.ts';
import { checkTfpModel, type TfpModel } from '../../src/core/tfp/model.ts';
import { runTfp, runTfpAsync } from '../../src/core/tfp/run.ts';
import type { Panel } from '../../src/core/panel/types.ts';
import { sameOnThreads } from '../analysis/gini-cli-helpers.ts';
import { closeTo } from './fixture.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/tfp/fixtures/dea-large.json', import.meta.url), 'utf8'));
const T = fx.x.length;
const n = fx.x[0].length;

/** The 300 firms × 2 years of dea-large.json as a panel: inputs x1–x3, outputs y1–y2, undesirable b1. */
function panel(): Panel {
  const cols: Record<string, number[]> = { x1: [], x2: [], x3: [], y1: [], y2: [], b1: [] };
  const p: Panel = {
    unitKey: 'firm',
    timeKey: 'year',
    unit: [],
    time: [],
    columns: {},
    source: 'f.csv',
    sourceRow: [],
  };
  for (let t = 0; t < T; t++)
    for (let j = 0; j < n; j++) {
      p.unit.push(`f${j}`);
      p.time.push(2020 + t);
      fx.x[t][j].forEach((v: number, i: number) => cols[`x${i + 1}`].push(v));
      fx.y[t][j].forEach((v: number, i: number) => cols[`y${i + 1}`].push(v));
      cols.b1.push(fx.b[t][j][0]);
    }
  for (const [k, v] of Object.entries(cols)) p.columns[k] = Float64Array.from(v);
  return p;
}

function model(fields: Record<string, unknown>): TfpModel {
  const m = checkTfpModel(
    { unit: 'firm', time: 'year', inputs: ['x1', 'x2', 'x3'], outputs: ['y1', 'y2'], ...fields },
    'm.json',
  );
  expect(m.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return m.model as TfpModel;
}

/** A runner in this thread that gets a copy of its job, as a worker thread does, and records its chunks. */
function copyingRunner(solver: LpSolver) {
  const seen: number[] = [];
  return {
    seen,
    runPart: async (job: DeaJob) => {
      seen.push(job.chunks.length);
      return solveDeaJob(solver, structuredClone(job));
    },
  };
}

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadLpSolver();
});

describe('DEA chunks solved in parts', () => {
  it('cuts each period into runs of at most DEA_CHUNK units', () => {
    expect(planChunks([{ periods: [0], count: 600 }])).toEqual([
      { periods: [0], from: 0, to: 250 },
      { periods: [0], from: 250, to: 500 },
      { periods: [0], from: 500, to: 600 },
    ]);
    expect(DEA_CHUNK).toBe(250);
    expect(planChunks([{ periods: [1, 0, 2], count: 3, ref: 1 }])).toEqual([
      { periods: [1, 0, 2], from: 0, to: 3, ref: 1 },
    ]);
  });

  const cases: Array<[string, Record<string, unknown>]> = [
    ['SBM with the undesirable output and super-efficiency', { type: 'sbm', undesirable: ['b1'], super: true }],
    ['BCC output-oriented with super-efficiency', { type: 'bcc', orientation: 'output', super: true }],
    ['GML', { type: 'gml', undesirable: ['b1'] }],
    ['ML on sequential frontiers', { type: 'ml', undesirable: ['b1'], frontier: 'sequential' }],
    ['Malmquist', { type: 'malmquist' }],
  ];
  for (const [name, fields] of cases) {
    it(`${name}: runTfpAsync in 1, 2, 3 and 5 parts is runTfp`, async () => {
      const p = panel();
      const m = model(fields);
      const one = runTfp(solver, p, m);
      for (const parts of [1, 2, 3, 5]) {
        const r = copyingRunner(solver);
        expect(await runTfpAsync(solver, p, m, { runPart: r.runPart, parts })).toEqual(one);
        // no more runners than chunks
        if (parts > 1) {
          expect(r.seen.length).toBeGreaterThan(1);
          expect(r.seen.length).toBeLessThanOrEqual(parts);
        } else expect(r.seen).toEqual([]);
      }
    });
  }

  it('chooses threads from the run’s programmes: one below PARALLEL_MIN_PROGRAMMES, --jobs as given', async () => {
    const p = panel();
    // a programme per firm-year, against its year's frontier; GML also against the global one; ML also the other year's
    for (const [fields, want] of [
      [{ type: 'ccr' }, T * n],
      [{ type: 'gml', undesirable: ['b1'] }, 2 * T * n],
      [{ type: 'ml', undesirable: ['b1'] }, 2 * T * n],
    ] as Array<[Record<string, unknown>, number]>) {
      let asked = 0;
      const r = copyingRunner(solver);
      await runTfpAsync(solver, p, model(fields), {
        runPart: r.runPart,
        parts: (programmes) => {
          asked = programmes;
          return 2;
        },
      });
      expect(asked).toBe(want);
      expect(r.seen.length).toBe(2);
    }
    expect(deaParts(PARALLEL_MIN_PROGRAMMES - 1)).toBe(1);
    expect(deaParts(PARALLEL_MIN_PROGRAMMES)).toBeGreaterThanOrEqual(1);
    expect(deaParts(10, 3)).toBe(3);
  });
});

describe('xinzhi tfp --jobs on DEA', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xinzhi-dea-jobs-'));
    const p = panel();
    const lines = ['firm,year,x1,x2,x3,y1,y2,b1'];
    p.unit.forEach((u, r) =>
      lines.push([u, p.time[r], ...['x1', 'x2', 'x3', 'y1', 'y2', 'b1'].map((c) => p.columns[c][r])].join(',')),
    );
    writeFileSync(join(dir, 'firms.csv'), `${lines.join('\n')}\n`);
    writeFileSync(
      join(dir, 'gml.json'),
      JSON.stringify({
        type: 'gml',
        unit: 'firm',
        time: 'year',
        inputs: ['x1', 'x2', 'x3'],
        outputs: ['y1', 'y2'],
        undesirable: ['b1'],
      }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same JSON with one and with three worker threads (GML, 300 firms)', () => {
    const args = ['tfp', '--data', join(dir, 'firms.csv'), '--model', join(dir, 'gml.json'), '--json'];
    const stdout = sameOnThreads(args);
    const index = JSON.parse(stdout).index as Array<{ value: number }>;
    expect(index).toHaveLength(n);
    index.forEach((v, j) => closeTo(v.value, fx.indices.gml[j][0]));
  });
});
