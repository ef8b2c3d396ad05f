/**
 * Property-based tests of the data and measurement layer (issue 17): CSV
 * cells replaced by bad tokens, degenerate panels and broken specs, under
 * every normalisation × weighting × aggregation combination. A fixed seed
 * runs in CI; scripts/fuzz.ts runs longer (FUZZ_RUNS, FUZZ_SEED).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/adapters/formats/table.ts';
import { evaluate, evaluateAsync } from '../../src/core/measure/evaluate.ts';
import {
  type PairwiseRunner,
  piecesRunner,
  runPairwiseJob,
  runShareHere,
} from '../../src/core/measure/pairwise-jobs.ts';
import { parseSpec } from '../../src/core/measure/spec-schema.ts';
import { tableToPanel } from '../../src/core/panel/from-table.ts';
import type { Panel } from '../../src/core/panel/types.ts';
import { expectFinite, RUNS, SEED, underContract, underContractAsync } from './contract.ts';

const TOKENS = [
  '',
  ' ',
  '—',
  '…',
  '-',
  '缺失',
  'NA',
  '#DIV/0!',
  '#N/A',
  'abc',
  '1,234',
  '12%',
  '１２',
  '1e309',
  '-1e309',
  'Infinity',
  '-inf',
  '∞',
  '1e300',
  '-1e300',
  '0',
  '-5',
  '0.0000001',
  '=A1+1',
];
const UNITS = ['A', 'B', 'C', 'D', 'E'];
const TIMES = [2019, 2020, 2021];
const COLS = ['x1', 'x2', 'x3'];

function baseRows(): string[][] {
  const rows: string[][] = [];
  UNITS.forEach((u, i) =>
    TIMES.forEach((t, k) => rows.push([u, String(t), ...COLS.map((_, j) => String(1 + i * 2 + k + j * 0.5))])),
  );
  return rows;
}

const METHODS = fc.record({
  normalize: fc.constantFrom('minmax', 'zscore', 'vector', 'mean-ratio'),
  weights: fc.constantFrom('entropy', 'critic', 'equal', 'cv', 'pca'),
  aggregate: fc.constantFrom('arithmetic', 'geometric'),
  missing: fc.constantFrom('error', 'interpolate', 'unit-mean'),
  panel: fc.constantFrom('pooled', 'by-time'),
});

function specOf(m: { normalize: string; weights: string; aggregate: string; missing: string; panel: string }) {
  return {
    unit: 'unit',
    time: 'year',
    indicators: COLS.map((c, j) => ({ id: c, column: c, direction: j === 2 ? '-' : '+', parent: null })),
    missing: { method: m.missing },
    normalize: { method: m.normalize, panel: m.panel },
    weights: { method: m.weights, panel: m.panel },
    aggregate: { method: m.aggregate },
  };
}

/** Up to `most` cells of the base rows' indicator columns replaced by bad tokens. */
const cellEdits = (most: number) =>
  fc.array(fc.record({ r: fc.nat({ max: 14 }), c: fc.integer({ min: 2, max: 4 }), t: fc.constantFrom(...TOKENS) }), {
    maxLength: most,
  });

/** The rows with the edits made (a token with a comma quoted; an edit of a row not there is left out). */
function edited(rows: string[][], edits: Array<{ r: number; c: number; t: string }>): string[][] {
  for (const e of edits) if (rows[e.r]) rows[e.r][e.c] = e.t.includes(',') ? `"${e.t}"` : e.t;
  return rows;
}

/** The rows as CSV text with the header. */
const csvOf = (rows: string[][]) => [['unit', 'year', ...COLS].join(','), ...rows.map((r) => r.join(','))].join('\n');

/** CSV text read into a panel under the contract; undefined when reading stops with an error. */
async function panelOf(csv: string, label: string): Promise<Panel | undefined> {
  const table = await underContractAsync(() => parseTable(new TextEncoder().encode(csv), 'fuzz.csv'), label);
  if (!table.ok) return undefined;
  const read = underContract(() => tableToPanel(table.value, { unit: 'unit', time: 'year' }), label);
  if (!read.ok || read.value.problems.some((p) => p.severity === 'error')) return undefined;
  return read.value.panel;
}

/** Read CSV text and evaluate it under the contract; on success every score and weight is finite. */
async function check(csv: string, spec: unknown, label: string): Promise<void> {
  const panel = await panelOf(csv, label);
  if (!panel) return;
  const r = underContract(() => evaluate(panel, spec, { source: 'fuzz.csv' }), label);
  if (!r.ok) return;
  expectFinite(
    r.value.scores.map((s) => s.score),
    `${label} scores`,
  );
  expectFinite(Object.values(r.value.weights), `${label} weights`);
}

describe('fuzz: evaluate', () => {
  it('bad cell tokens anywhere, under every method combination', async () => {
    await fc.assert(
      fc.asyncProperty(cellEdits(6), METHODS, async (edits, m) => {
        const csv = csvOf(edited(baseRows(), edits));
        await check(csv, specOf(m), `tokens ${JSON.stringify(edits)} ${JSON.stringify(m)}`);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 120_000);

  it('degenerate panels: constant, zero, negative or huge columns, one unit, one year', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('const', 'zeros', 'negative', 'huge', 'tiny', 'mixed'),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 3 }),
        METHODS,
        async (kind, nu, nt, m) => {
          const value = (i: number, k: number, j: number) => {
            switch (kind) {
              case 'const':
                return j === 0 ? 7 : 1 + i + k;
              case 'zeros':
                return j === 1 ? 0 : 1 + i + k;
              case 'negative':
                return -(1 + i + k + j);
              case 'huge':
                return 1e300 * (1 + i + k + j);
              case 'tiny':
                return 1e-300 * (1 + i + k + j);
              default:
                return (i - 2) * (k + 1) * (j + 1);
            }
          };
          const rows = [['unit', 'year', ...COLS].join(',')];
          for (let i = 0; i < nu; i++)
            for (let k = 0; k < nt; k++)
              rows.push([UNITS[i], TIMES[k], ...COLS.map((_, j) => value(i, k, j))].join(','));
          await check(rows.join('\n'), specOf(m), `${kind} ${nu}×${nt} ${JSON.stringify(m)}`);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  }, 120_000);

  it('pairwise scores computed elsewhere (as jobs, or cut into pieces, some failing): the result or the error of one thread, on bad and degenerate panels', async () => {
    await fc.assert(
      fc.asyncProperty(
        cellEdits(3),
        fc.integer({ min: 1, max: 5 }),
        METHODS,
        fc.constantFrom(0.05, 0.5, 1e-9),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        fc.constantFrom('by-time', 'pooled'),
        fc.integer({ min: 2, max: 4 }),
        async (edits, nu, m, sg, computed, panelMode, threads) => {
          const csv = csvOf(
            edited(
              baseRows().filter((r) => UNITS.indexOf(r[0]) < nu),
              edits,
            ),
          );
          const label = `pairwise ${nu} units ${JSON.stringify(edits)} ${JSON.stringify(m)} s=${sg}`;
          const panel = await panelOf(csv, label);
          if (!panel) return;
          const spec = {
            ...specOf({ ...m, panel: panelMode }),
            score: { promethee: { fn: 'gaussian', s: sg }, copeland: true },
          };
          // some samples computed by the runner (in any order), the rest left to the evaluation
          const runner: PairwiseRunner = async (jobs) =>
            jobs.map((j, i) => (computed[i % computed.length] ? runPairwiseJob(j) : undefined));
          // or cut into pieces shared among `threads` "threads" (here), of which some fail a piece or the whole share
          let share = 0;
          const pieces = piecesRunner(
            threads,
            async (list, tick) => {
              const fate = computed[share++ % computed.length];
              if (!fate && share % 3 === 0) return undefined;
              const { outs } = runShareHere(list, tick);
              return fate ? outs : outs.map((o, i) => (i % 2 ? o : null));
            },
            threads,
          );
          const one = underContract(() => evaluate(panel, spec), label);
          for (const [how, pairwise] of [
            ['jobs', runner],
            ['pieces', pieces],
          ] as const) {
            const away = await underContractAsync(() => evaluateAsync(panel, spec, { pairwise }), label);
            const at = `${label} ${panelMode} ${how} on ${threads}`;
            if (one.ok && away.ok) expect(JSON.stringify(away.value), at).toBe(JSON.stringify(one.value));
            else if (!one.ok && !away.ok) expect(away.error.problems, at).toEqual(one.error.problems);
            else throw new Error(`${at}: one thread ${one.ok ? 'succeeded' : 'failed'}, elsewhere not`);
          }
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  }, 120_000);

  it('broken specs: fields removed, replaced or of the wrong type', () => {
    const base = specOf({
      normalize: 'minmax',
      weights: 'entropy',
      aggregate: 'arithmetic',
      missing: 'error',
      panel: 'pooled',
    });
    const junk = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant([]), fc.constant({}), fc.double());
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            path: fc.constantFrom(
              'unit',
              'time',
              'indicators',
              'normalize',
              'weights',
              'aggregate',
              'missing',
              'nodes',
              'score',
              'name',
            ),
            value: fc.option(junk, { nil: undefined }),
          }),
          { maxLength: 3 },
        ),
        (edits) => {
          const spec: Record<string, unknown> = structuredClone(base);
          for (const e of edits) {
            if (e.value === undefined) delete spec[e.path];
            else spec[e.path] = e.value;
          }
          // a broken spec is reported as problems (never thrown as another error), each with a code and both languages
          const r = underContract(() => parseSpec(spec, { file: 'fuzz.json' }), `spec ${JSON.stringify(edits)}`);
          if (r.ok)
            for (const p of r.value.problems)
              if (!p.code || !p.message.zh || !p.message.en)
                throw new Error(`bad problem for ${JSON.stringify(edits)}`);
        },
      ),
      { numRuns: RUNS * 3, seed: SEED },
    );
  });
});
