import { describe, expect, it } from 'vitest';
import { readTableFile } from '../../src/adapters/io/read.ts';
import { calibrateCrisp } from '../../src/core/qca/calibrate.ts';
import { numericColumn } from '../../src/core/qca/data.ts';
import { minimize, parseDirectionalExpectations, type SolutionModel } from '../../src/core/qca/minimize.ts';
import { primeImplicants, solveChart } from '../../src/core/qca/quine-mccluskey.ts';
import type { SetData } from '../../src/core/qca/sets.ts';
import { truthTable } from '../../src/core/qca/truth-table.ts';
import { XinzhiError } from '../../src/core/errors.ts';
import { close, dataPath, JOBS, LIPSET, loadSets, NUMPY, r3 } from './helpers.ts';

/** A model as the QCA package prints it with details = TRUE: [term, inclS, PRI, covS, covU] and the model line. */
const printed = (m: SolutionModel) => ({
  expression: m.expression,
  terms: m.terms.map((t) => [t.label, r3(t.inclS), r3(t.PRI), r3(t.covS), r3(t.covU)]),
  model: [r3(m.inclS), r3(m.PRI), r3(m.covS)],
});

// Published outputs: the examples of ?minimize in the R package QCA (3.x), printed in its reference manual
// (man/minimize.Rd; Duşa 2019, QCA with R, ch. 8 shows the same runs).
describe('minimisation of the Lipset data (published outputs of the R package QCA, ?minimize examples)', () => {
  it('crisp: conservative and parsimonious solutions, simplifying assumptions', async () => {
    const data = await loadSets('lipset_LC.csv', LIPSET, 'SURV');
    const res = minimize(data, truthTable(data));
    expect(printed(res.complex.models[0])).toEqual({
      expression: 'DEV*~URB*LIT*STB + DEV*LIT*IND*STB',
      terms: [
        ['DEV*~URB*LIT*STB', 1, 1, 0.5, 0.25],
        ['DEV*LIT*IND*STB', 1, 1, 0.75, 0.5],
      ],
      model: [1, 1, 1],
    });
    expect(res.complex.models[0].terms[0].cases).toEqual(['FI', 'FR', 'IE', 'SE']);
    expect(res.parsimonious.models.map((m) => m.expression)).toEqual(['DEV*STB']);
    expect(res.parsimonious.counterfactuals).toEqual([18, 20, 26, 28, 30]);
  });
  it('crisp, negated outcome', async () => {
    const data = await loadSets('lipset_LC.csv', LIPSET, '~SURV');
    const res = minimize(data, truthTable(data));
    expect(res.complex.models[0].expression).toBe('~DEV*~URB*~IND + DEV*LIT*IND*~STB');
    expect(printed(res.parsimonious.models[0])).toEqual({
      expression: '~DEV + ~STB',
      terms: [
        ['~DEV', 1, 1, 0.8, 0.3],
        ['~STB', 1, 1, 0.7, 0.2],
      ],
      model: [1, 1, 1],
    });
  });
  it('fuzzy (Ragin 2009, p. 112): complex, parsimonious and intermediate solutions with their fit', async () => {
    const data = await loadSets('lipset_LF.csv', LIPSET, 'SURV');
    const res = minimize(data, truthTable(data, { inclCut: 0.8 }), {
      dirExp: parseDirectionalExpectations('DEV, URB, LIT, IND, STB', LIPSET),
    });
    expect(printed(res.complex.models[0])).toEqual({
      expression: 'DEV*URB*LIT*IND*STB + DEV*~URB*LIT*~IND*STB',
      terms: [
        ['DEV*URB*LIT*IND*STB', 0.904, 0.886, 0.454, 0.393],
        ['DEV*~URB*LIT*~IND*STB', 0.804, 0.719, 0.265, 0.204],
      ],
      model: [0.87, 0.843, 0.658],
    });
    expect(printed(res.parsimonious.models[0])).toEqual({
      expression: 'DEV*~IND + URB*STB',
      terms: [
        ['DEV*~IND', 0.815, 0.721, 0.284, 0.194],
        ['URB*STB', 0.874, 0.845, 0.52, 0.43],
      ],
      model: [0.85, 0.819, 0.714],
    });
    expect(res.intermediate).toHaveLength(1);
    expect(printed(res.intermediate![0].models[0])).toEqual({
      expression: 'DEV*URB*LIT*STB + DEV*LIT*~IND*STB',
      terms: [
        ['DEV*URB*LIT*STB', 0.901, 0.879, 0.468, 0.378],
        ['DEV*LIT*~IND*STB', 0.814, 0.721, 0.282, 0.191],
      ],
      model: [0.866, 0.839, 0.66],
    });
  });
  it('fuzzy, URB without expectation: the printed DEV*URB*STB + DEV*~IND*STB (QCA wrote ~LIT*IND)', async () => {
    const data = await loadSets('lipset_LF.csv', LIPSET, 'SURV');
    const res = minimize(data, truthTable(data, { inclCut: 0.8 }), {
      dirExp: parseDirectionalExpectations('DEV, STB, ~LIT, IND', LIPSET),
    });
    expect(printed(res.intermediate![0].models[0])).toEqual({
      expression: 'DEV*URB*STB + DEV*~IND*STB',
      terms: [
        ['DEV*URB*STB', 0.901, 0.879, 0.468, 0.378],
        ['DEV*~IND*STB', 0.814, 0.721, 0.282, 0.191],
      ],
      model: [0.866, 0.839, 0.66],
    });
  });
  it('multi-value (Cronqvist & Berg-Schlosser 2009, p. 80): DEV cut at 550 / 850, URB 50, LIT 75, IND 30', async () => {
    const raw = await readTableFile(dataPath('lipset_LR.csv'));
    const level = (col: string, th: number[]) => calibrateCrisp(numericColumn(raw, col), th).memberships;
    const dev = level('DEV', [550, 850]);
    const conditions = [
      ['DEV', dev, 3],
      ['URB', level('URB', [50]), 2],
      ['LIT', level('LIT', [75]), 2],
      ['IND', level('IND', [30]), 2],
    ] as const;
    const surv = level('SURV', [0]);
    const make = (outcome: number[], name: string): SetData => ({
      cases: numericColumn(raw, 'DEV').map((_, k) => String(k)),
      outcomeName: name,
      outcome,
      conditions: conditions.map(([n, values, levels]) => ({
        name: n,
        kind: levels > 2 ? 'multi' : 'fuzzy',
        levels,
        values: [...values],
      })),
    });
    // Binary conditions are read as 0/1 sets; QCA prints them as URB[0], so compare the term structure.
    const mv = (s: string) => s.replace(/~(URB|LIT|IND)\b/g, '$1[0]').replace(/\b(URB|LIT|IND)\b(?!\[)/g, '$1[1]');
    const pos = make(surv, 'SURV[1]');
    const p = minimize(pos, truthTable(pos));
    expect(mv(p.complex.models[0].expression)).toBe('DEV[2]*LIT[1]*IND[1] + DEV[1]*URB[0]*LIT[1]*IND[0]');
    expect(p.complex.models[0].terms.map((t) => r3(t.covS))).toEqual([0.625, 0.25]);
    expect(mv(p.parsimonious.models[0].expression)).toBe('DEV[2] + DEV[1]*IND[0]');
    const neg = make(
      surv.map((v) => 1 - v),
      '~SURV[1]',
    );
    const n = minimize(neg, truthTable(neg));
    expect(mv(n.complex.models[0].expression)).toBe('DEV[0]*URB[0]*IND[0] + DEV[1]*URB[0]*LIT[1]*IND[1]');
    expect(n.complex.models[0].terms.map((t) => r3(t.covS))).toEqual([0.8, 0.1]);
    expect(mv(n.parsimonious.models[0].expression)).toBe('DEV[0] + DEV[1]*URB[0]*IND[1]');
  });
});

describe('minimisation against an enumerative NumPy reference (qca_reference.py)', () => {
  for (const [name, file, conds, outcome] of [
    ['LF', 'lipset_LF.csv', LIPSET, 'SURV'],
    ['LC', 'lipset_LC.csv', LIPSET, 'SURV'],
    ['JS', 'jobsecurity.csv', JOBS, 'JSR'],
  ] as const) {
    it(`${name}: every minimal model, each term's inclS, PRI, covS, covU and the model's fit`, async () => {
      const ref = NUMPY.cases[name];
      const data = await loadSets(file, [...conds], outcome);
      const res = minimize(data, truthTable(data, { inclCut: ref.inclCut }));
      for (const kind of ['complex', 'parsimonious'] as const) {
        type RefModel = {
          terms: Array<Record<string, number> & { label: string }>;
          inclS: number;
          PRI: number;
          covS: number;
        };
        const key = (labels: string[]) => [...labels].sort().join(' + ');
        const expected = new Map<string, RefModel>(
          (ref[kind] as RefModel[]).map((m) => [key(m.terms.map((t) => t.label)), m]),
        );
        expect(res[kind].models.map((m) => key(m.terms.map((t) => t.label))).sort()).toEqual(
          [...expected.keys()].sort(),
        );
        for (const m of res[kind].models) {
          const e = expected.get(key(m.terms.map((t) => t.label)))!;
          for (const f of ['inclS', 'PRI', 'covS'] as const) expect(close(m[f], e[f]), `${kind} ${f}`).toBe(true);
          for (const t of m.terms) {
            const et = e.terms.find((u) => u.label === t.label)!;
            for (const f of ['inclS', 'PRI', 'covS', 'covU'] as const)
              expect(close(t[f], et[f]), `${t.label} ${f}`).toBe(true);
          }
        }
      }
    });
  }
  it('lists both minimal parsimonious models of the job-security data', async () => {
    const data = await loadSets('jobsecurity.csv', JOBS, 'JSR');
    const res = minimize(data, truthTable(data, { inclCut: 0.9 }));
    expect(res.parsimonious.models.map((m) => m.expression)).toEqual(['S*R + L*P', 'S*R + P*~V']);
  });
});

describe('Quine–McCluskey and the prime-implicant chart', () => {
  it('merges, keeps primes that cover a positive configuration, and solves the chart', () => {
    expect(
      primeImplicants(
        [
          [1, 1],
          [1, 0],
        ],
        [],
        [2, 2],
      ),
    ).toEqual([[1, -1]]);
    expect(
      primeImplicants(
        [[1, 1]],
        [
          [0, 1],
          [0, 0],
        ],
        [2, 2],
      ),
    ).toEqual([[-1, 1]]);
    // The cyclic chart of three variables (0,1,2,5,6,7) has two minimal covers of three implicants each.
    const on = [
      [0, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
      [1, 0, 1],
      [1, 1, 0],
      [1, 1, 1],
    ];
    const primes = primeImplicants(on, [], [2, 2, 2]);
    expect(primes).toHaveLength(6);
    expect(solveChart(primes, on).map((s) => s.length)).toEqual([3, 3]);
  });
  it('needs all levels of a multi-value condition to merge', () => {
    expect(
      primeImplicants(
        [
          [0, 1],
          [1, 1],
        ],
        [],
        [3, 2],
      ),
    ).toEqual([
      [1, 1],
      [0, 1],
    ]);
    expect(
      primeImplicants(
        [
          [0, 1],
          [1, 1],
          [2, 1],
        ],
        [],
        [3, 2],
      ),
    ).toEqual([[-1, 1]]);
  });
  it('stops with a clear error when nothing is positive', async () => {
    const data = await loadSets('lipset_LF.csv', LIPSET, 'SURV');
    expect(() => minimize(data, truthTable(data, { inclCut: 0.95 }))).toThrow(XinzhiError);
    expect(() => minimize(data, truthTable(data, { inclCut: 0.95 }))).toThrow(/lower the consistency/);
  });
  it('reads directional expectations written as QCA does and rejects unknown names', () => {
    expect(parseDirectionalExpectations('DEV, ~IND, URB[1]', LIPSET)).toEqual([1, 1, null, 0, null]);
    expect(() => parseDirectionalExpectations('GDP', LIPSET)).toThrow(/DEV, URB/);
  });
});

describe('degenerate data', () => {
  const one = (values: number[], outcome: number[]): SetData => ({
    cases: values.map((_, k) => `c${k}`),
    outcomeName: 'Y',
    outcome,
    conditions: [{ name: 'A', kind: 'fuzzy', levels: 2, values }],
  });
  it('one case: a one-row truth table and a one-term solution', () => {
    const data = one([0.9], [0.8]);
    const res = minimize(data, truthTable(data, { inclCut: 0.8 }));
    expect(res.complex.models[0].expression).toBe('A');
    expect(res.parsimonious.models[0].expression).toBe('1');
  });
  it('a constant condition puts every case on one row', () => {
    const data = one([0.7, 0.7, 0.7], [0.9, 0.2, 0.8]);
    const tt = truthTable(data, { inclCut: 0.5 });
    expect(tt.rows.map((r) => [r.index, r.n])).toEqual([[2, 3]]);
  });
  it('an outcome that is never present: nothing to minimise, coverage undefined', () => {
    const data = one([0.9, 0.1], [0, 0]);
    const tt = truthTable(data, { inclCut: 0.8 });
    expect(tt.rows.every((r) => r.OUT === '0')).toBe(true);
    expect(() => minimize(data, tt)).toThrow(/nothing to minimise/);
  });
});
