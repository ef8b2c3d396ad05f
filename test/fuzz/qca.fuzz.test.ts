/**
 * Property-based tests of `xinzhi qca` (issue 17): data files with bad cells,
 * memberships outside [0, 1], huge multi-value levels, constant and empty
 * columns; condition lists with unknown, duplicated or negated names;
 * calibration specs of every shape; truth-table cut-offs out of range;
 * directional expectations and expressions that do not parse. Each step
 * either succeeds with finite fit measures or stops with a XinzhiError —
 * never another exception, never a hang.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/adapters/formats/table.ts';
import type { RawTable } from '../../src/adapters/formats/table.ts';
import { calibrateTable, parseCalibrationSpec } from '../../src/core/qca/calibration-spec.ts';
import { setDataFromTable } from '../../src/core/qca/data.ts';
import { expressionFit } from '../../src/core/qca/expression.ts';
import { minimize, parseDirectionalExpectations } from '../../src/core/qca/minimize.ts';
import { necessity } from '../../src/core/qca/necessity.ts';
import { robustness } from '../../src/core/qca/robustness.ts';
import { truthTable } from '../../src/core/qca/truth-table.ts';
import { expectFinite, RUNS, SEED, underContract, underContractAsync } from './contract.ts';

const COLUMN_KINDS = ['fuzzy', 'crisp', 'multi', 'const', 'raw', 'half', 'huge-levels', 'out-of-range'] as const;
const CELL_TOKENS = ['', 'NA', '—', '#N/A', 'abc', 'NaN', '1e309', '-1', '1.5', '0.5', '2.5'];

function cell(kind: (typeof COLUMN_KINDS)[number], i: number, r: number): string {
  switch (kind) {
    case 'fuzzy':
      return String(Math.round(r * 100) / 100);
    case 'crisp':
      return r > 0.5 ? '1' : '0';
    case 'multi':
      return String(Math.floor(r * 3));
    case 'const':
      return '1';
    case 'raw':
      return String(Math.round(r * 1000) + i);
    case 'half':
      return '0.5';
    case 'huge-levels':
      return i === 0 ? '1000000000' : '0';
    case 'out-of-range':
      return String(r * 4 - 2);
  }
}

async function tableOf(
  n: number,
  kinds: Array<(typeof COLUMN_KINDS)[number]>,
  rnd: number[],
  edits: Array<{ r: number; c: number; t: string }>,
): Promise<{ ok: true; value: RawTable } | { ok: false }> {
  const names = ['A', 'B', 'C', 'D', 'Y'].slice(0, kinds.length);
  const rows = [['case', ...names].join(',')];
  for (let i = 0; i < n; i++) {
    const cells = [`c${i}`, ...kinds.map((k, j) => cell(k, i, rnd[(i * 5 + j) % rnd.length]))];
    for (const e of edits) if (e.r === i) cells[1 + (e.c % kinds.length)] = e.t;
    rows.push(cells.join(','));
  }
  const t = await underContractAsync(() => parseTable(new TextEncoder().encode(rows.join('\n')), 'qca.csv'), 'table');
  return t.ok ? { ok: true, value: t.value } : { ok: false };
}

/** Mostly valid choices, sometimes a broken one, so the generators reach minimisation too. */
const mostly = <T>(good: T[], bad: T[]) =>
  fc.oneof({ arbitrary: fc.constantFrom(...good), weight: 4 }, { arbitrary: fc.constantFrom(...bad), weight: 1 });
const CONDITIONS = mostly<string[]>(
  [['A', 'B'], ['A', 'B', 'C'], ['A', 'B', 'C', 'D'], ['A']],
  [[], ['A', 'A'], ['A', 'Y'], ['nope'], ['~A', 'B']],
);
const OUTCOMES = mostly(['Y', '~Y'], ['Y[1]', 'Y[9]', 'nope', 'A', '', 'D']);
const CUT = mostly([0, 0.5, 0.75, 0.8], [1, -0.1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]);
const NCUT = mostly([1, 2], [0, 1.5, 1e9, -3]);
const DIR_EXP = fc.constantFrom('', 'A', 'A,~B', 'A,B,C,D', 'nope', '~~A', 'A[1]', 'A[99]', ',,;', '-');
const EXPRESSIONS = fc.constantFrom('A*B', 'A + ~B', 'A*B + C', '', '*', 'A**B', 'nope', '~', 'A[1]', '(A+B)', 'A*~A');

const stats = { minimised: 0 };

describe('fuzz: qca', () => {
  it('set data, necessity, truth table, minimisation, robustness and expressions on bad data and options', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 12 }).map((n) => (n < 2 ? n : n + 4)),
        fc.array(fc.constantFrom(...COLUMN_KINDS), { minLength: 5, maxLength: 5 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 80, maxLength: 80 }),
        fc.array(fc.record({ r: fc.nat({ max: 11 }), c: fc.nat({ max: 4 }), t: fc.constantFrom(...CELL_TOKENS) }), {
          maxLength: 3,
        }),
        fc.record({ conditions: CONDITIONS, outcome: OUTCOMES }),
        fc.record({ inclCut: CUT, inclCut0: fc.option(CUT, { freq: 4 }), nCut: NCUT, priCut: mostly([0], [0.5, 2]) }),
        fc.record({ dirExp: DIR_EXP, expression: EXPRESSIONS }),
        async (n, kinds, rnd, edits, sets, cuts, more) => {
          // mostly usable columns, so the generators reach minimisation too
          const k = kinds.map((kind, j) =>
            rnd[79 - j] < 0.6 ? (['fuzzy', 'crisp', 'fuzzy', 'crisp', 'fuzzy'] as const)[j] : kind,
          );
          const label = `${n} ${JSON.stringify(k)} ${JSON.stringify(edits)} ${JSON.stringify(sets)} ${JSON.stringify(cuts)} ${JSON.stringify(more)}`;
          const table = await tableOf(n, k, rnd, edits);
          if (!table.ok) return;
          const read = underContract(
            () => setDataFromTable(table.value, { ...sets, conditions: [...sets.conditions] }),
            label,
          );
          if (!read.ok) return;
          const data = read.value.data;
          const nec = underContract(() => necessity(data), label);
          if (nec.ok)
            for (const row of nec.value.rows)
              expectFinite([row.inclN, row.RoN, row.covN], `necessity ${row.label} ${label}`);
          const fit = underContract(() => expressionFit(data, more.expression), label);
          if (fit.ok) expectFinite(Object.values(fit.value.sufficiency), `expression fit ${label}`);
          const { inclCut0, ...rest } = cuts;
          const tt = underContract(
            () => truthTable(data, { ...rest, ...(inclCut0 !== null ? { inclCut0 } : {}) }),
            label,
          );
          if (!tt.ok) return;
          const dirExp = underContract(
            () =>
              parseDirectionalExpectations(
                more.dirExp,
                data.conditions.map((c) => c.name),
              ),
            label,
          );
          const sol = underContract(() => minimize(data, tt.value, { dirExp: dirExp.ok ? dirExp.value : null }), label);
          if (sol.ok) {
            stats.minimised++;
            for (const s of [sol.value.complex, sol.value.parsimonious])
              for (const model of s.models) expectFinite([model.inclS, model.covS], `solution ${label}`);
          }
          underContract(
            () => robustness(data, { inclCuts: [cuts.inclCut, 0.8], nCuts: [1, cuts.nCut], priCut: 0 }),
            label,
          );
        },
      ),
      { numRuns: RUNS * 3, seed: SEED },
    );
    expect(stats.minimised).toBeGreaterThan(0);
  }, 120_000);

  it('calibration specs of every shape on bad columns', async () => {
    const SPECS = fc.constantFrom<unknown>(
      null,
      [],
      'direct',
      {},
      { columns: {} },
      { columns: [] },
      { columns: { A: null } },
      { columns: { A: { method: 'direct', anchors: [400, 550, 900] } } },
      { columns: { A: { method: 'direct', anchors: [900, 550, 400] } } },
      { columns: { A: { method: 'direct', anchors: [1, 1, 1] } } },
      { columns: { A: { method: 'direct', anchors: [0, 'x', 2] } } },
      { columns: { A: { method: 'direct', anchors: [0, Number.NaN, 2] } } },
      { columns: { A: { method: 'crisp', thresholds: [500] } } },
      { columns: { A: { method: 'crisp', thresholds: [] } } },
      { columns: { A: { method: 'crisp', thresholds: [600, 300] } } },
      { columns: { A: { method: 'indirect', targets: [0, 0.5, 1] } } },
      { columns: { A: { method: 'indirect' } } },
      { columns: { A: { method: 'unknown' } } },
      { columns: { nope: { method: 'direct', anchors: [1, 2, 3] } } },
      { preset: 'stata', columns: { A: { method: 'direct', anchors: [1, 2, 3] } } },
      { columns: { A: { method: 'direct', anchors: [1e300, 1e301, 1e302] } } },
    );
    await fc.assert(
      fc.asyncProperty(
        SPECS,
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom('raw', 'const', 'fuzzy', 'out-of-range', 'huge-levels'),
        fc.array(fc.record({ r: fc.nat({ max: 7 }), c: fc.constant(0), t: fc.constantFrom(...CELL_TOKENS) }), {
          maxLength: 2,
        }),
        async (raw, n, kind, edits) => {
          const label = `${JSON.stringify(raw)} ${n} ${kind} ${JSON.stringify(edits)}`;
          const spec = underContract(() => parseCalibrationSpec(raw, 'calibration.json'), label);
          if (!spec.ok) return;
          const table = await tableOf(
            n,
            [kind as (typeof COLUMN_KINDS)[number], 'fuzzy'],
            [0.1, 0.4, 0.7, 0.9, 0.3, 0.6, 0.2],
            edits,
          );
          if (!table.ok) return;
          const res = underContract(() => calibrateTable(table.value, spec.value, 'case'), label);
          if (!res.ok) return;
          for (const c of res.value.columns) expectFinite(c.memberships, label);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  }, 60_000);
});
