/** Units and times checked once where results files and panels enter analyze; ±∞ refused (issue 17). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkResultEntries, normalizedColumns, readAnalysisInput } from '../../src/adapters/cli/analyze/input.ts';
import { runMarkov } from '../../src/adapters/cli/analyze/markov.ts';
import { sigmaConvergence } from '../../src/core/analysis/convergence.ts';
import { XinzhiError } from '../../src/core/errors.ts';

const first = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(XinzhiError);
    return (e as XinzhiError).problems;
  }
  throw new Error('expected a XinzhiError');
};

describe('analyze inputs', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('results entries with numbers or null as units, no time, or no scores are named by index and field', () => {
    const r = {
      record: {},
      scores: [
        { unit: 12, time: 2020, score: 0.5 },
        { unit: 'B', score: 0.4 },
        { unit: null, time: 2020, score: null },
      ],
    } as never;
    const p = first(() => checkResultEntries(r, 'results.json'));
    expect(p.map((x) => x.column)).toEqual(['scores[0].unit', 'scores[1].time', 'scores[2].unit', 'scores[2].score']);
    expect(p[0].file).toBe('results.json');
    const empty = first(() => checkResultEntries({ record: {}, scores: [] } as never, 'r.json'));
    expect(empty[0].message.en).toMatch(/no scores/);
  });

  it("a results file's normalised values become the columns an evaluation holds (null as NaN); other entries are named", () => {
    const ok = normalizedColumns({ unit: ['A', 'B'], time: [1, 1], values: { x1: [0.5, null], x2: [1, 0] } }, 'r.json');
    expect(ok.values.x1).toBeInstanceOf(Float64Array);
    expect(Array.from(ok.values.x1)).toEqual([0.5, Number.NaN]);
    expect(Array.from(ok.values.x2)).toEqual([1, 0]);
    const p = first(() =>
      normalizedColumns({ unit: ['A', 'B'], time: [1], values: { x1: [0.5, '0.4'], x2: [1], x3: 'no' } }, 'r.json'),
    );
    expect(p.map((x) => x.column)).toEqual([
      'normalized.time',
      'normalized.values.x1[1]',
      'normalized.values.x2',
      'normalized.values.x3',
    ]);
    expect(p[0]).toMatchObject({ file: 'r.json', code: 'bad-results-entry' });
    expect(first(() => normalizedColumns({ unit: [], time: [], values: [] }, 'r.json'))[0].column).toBe(
      'normalized.values',
    );
  });

  it('an infinite cell in a panel file is an error with its row and column', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xinzhi-inf-'));
    dirs.push(dir);
    const file = join(dir, 'p.csv');
    await writeFile(file, 'unit,year,x\nA,2020,1\nB,2020,1e309\nC,2020,2\n');
    try {
      await readAnalysisInput({ data: file, unit: 'unit', time: 'year' } as never);
      expect.unreachable();
    } catch (e) {
      const p = (e as XinzhiError).problems[0];
      expect(p).toMatchObject({ code: 'infinite-value', row: 3, column: 'x' });
    }
  });

  it('a Markov chain without any transition (every value missing) is an error naming the column, not a table of nulls', async () => {
    const d = await mkdtemp(join(tmpdir(), 'xinzhi-markov-'));
    dirs.push(d);
    const file = join(d, 'missing.csv');
    const rows = ['A', 'B', 'C', 'D'].flatMap((u) => [2020, 2021].map((t) => `${u},${t},`));
    await writeFile(file, ['unit,year,v', ...rows].join('\n'));
    const err = await runMarkov({ data: file, unit: 'unit', time: 'year', value: 'v' } as never).catch((e) => e);
    expect(err).toBeInstanceOf(XinzhiError);
    expect((err as XinzhiError).problems[0]).toMatchObject({ code: 'markov-no-transitions', column: 'v' });
  });

  it('σ-convergence with one unit says why sd, cv and the trend are absent instead of drawing a verdict from NaN', () => {
    const r = sigmaConvergence({
      units: ['A'],
      times: [2020, 2021],
      y: [Float64Array.of(1), Float64Array.of(2)],
    } as never);
    expect(Number.isNaN(r.slopeSd)).toBe(true);
    expect(r.warnings).toHaveLength(3);
    expect(r.warnings[2]).toMatch(/no verdict on σ-convergence/);
  });
});
