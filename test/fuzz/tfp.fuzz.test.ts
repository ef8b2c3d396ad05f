/**
 * Property-based tests of `xinzhi tfp` (issue 17): model files with missing,
 * mistyped and unknown fields, and small degenerate panels (all-zero inputs,
 * a zero, negative, NaN, ±∞ or 1e300 cell, constant columns, one unit, one
 * period, a unit in one period only), read the way the command reads them,
 * under every DEA model and productivity index and the firm estimators. Each
 * run either gives finite scores (a missing score has a status other than
 * optimal) or stops with a XinzhiError naming the field or cell — never
 * another exception. The LPs are slow: small panels and fewer runs.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTable } from '../../src/adapters/formats/table.ts';
import { loadLpSolver } from '../../src/adapters/io/lp-solver.ts';
import { tableToPanel } from '../../src/core/panel/from-table.ts';
import { checkFirmModel } from '../../src/core/tfp/firm/model.ts';
import { runFirm } from '../../src/core/tfp/firm/run.ts';
import type { LpSolver } from '../../src/core/tfp/lp.ts';
import { checkTfpModel } from '../../src/core/tfp/model.ts';
import { runTfp } from '../../src/core/tfp/run.ts';
import { expectFinite, RUNS, SEED, underContract, underContractAsync } from './contract.ts';

const KINDS = [
  'plain',
  'zero-inputs',
  'zero-cell',
  'negative-cell',
  'nan-cell',
  'inf-cell',
  'huge',
  'const',
  'gap',
  'zero-output',
] as const;
type Kind = (typeof KINDS)[number];

/** A small unit × period panel as CSV text, degenerate in one way. */
function panelCsv(nu: number, nt: number, kind: Kind, rnd: number[]): string {
  const rows = ['unit,year,x1,x2,y1,b,k,l,m,va'];
  let n = 0;
  const r = () => rnd[n++ % rnd.length];
  for (let i = 0; i < nu; i++)
    for (let t = 0; t < nt; t++) {
      if (kind === 'gap' && i === 0 && t > 0) continue; // a unit in one period only
      const s = kind === 'huge' ? 1e300 : 1;
      const x1 = kind === 'zero-inputs' ? 0 : kind === 'const' ? 5 : 1 + i + r() * 3;
      const x2 = kind === 'zero-inputs' ? 0 : 2 + r() * 4;
      const y1 = kind === 'zero-output' ? 0 : 1 + r() * 5 + t;
      const cells = [
        `U${i}`,
        String(2020 + t),
        String(x1 * s),
        String(x2 * s),
        String(y1 * s),
        String(0.5 + r()),
        String(Math.log(2 + i + r())),
        String(Math.log(1 + r() * 3)),
        String(Math.log(1 + r() * 2 + t * 0.1)),
        String(1 + r() + 0.3 * i),
      ];
      rows.push(cells.join(','));
    }
  const bad = { 'zero-cell': '0', 'negative-cell': '-3', 'nan-cell': 'NaN', 'inf-cell': '1e309' }[kind as string];
  if (bad !== undefined && rows.length > 1) {
    const at = 1 + Math.floor(r() * (rows.length - 1));
    const cells = rows[at].split(',');
    cells[2 + Math.floor(r() * 3)] = bad;
    rows[at] = cells.join(',');
  }
  return rows.join('\n');
}

/** Every combination of the model's options that the model check accepts (the generators start from these). */
const VALID: Array<Record<string, unknown>> = [];
for (const type of ['ccr', 'bcc', 'sbm', 'malmquist', 'ml', 'gml'])
  for (const rts of [undefined, 'crs', 'vrs'])
    for (const orientation of [undefined, 'input', 'output', 'none'])
      for (const sup of [undefined, true])
        for (const frontier of [undefined, 'contemporaneous', 'sequential', 'global'])
          for (const undesirable of [undefined, ['b']]) {
            const m = Object.fromEntries(
              Object.entries({ type, rts, orientation, super: sup, frontier, undesirable }).filter(
                ([, v]) => v !== undefined,
              ),
            );
            const base = { unit: 'unit', time: 'year', inputs: ['x1', 'x2'], outputs: ['y1'], ...m };
            if (checkTfpModel(base, 'model.json').model) VALID.push(base);
          }
const MUTATIONS: Array<[string, unknown]> = [
  ['type', 'dea'],
  ['type', 3],
  ['inputs', []],
  ['inputs', 'x1'],
  ['inputs', ['nope']],
  ['inputs', ['x1', 'x1']],
  ['outputs', ['x1']],
  ['outputs', []],
  ['undesirable', ['y1']],
  ['rts', 'irs'],
  ['orientation', 'both'],
  ['super', 'yes'],
  ['frontier', 'window'],
  ['unit', 'nope'],
  ['nodes', { x1: 'nope' }],
  ['extra', 1],
];

let solver: LpSolver;
const stats = { scored: 0, firm: 0 };

async function panelOf(csv: string, unit: string, time: string, columns: string[], label: string) {
  const table = await underContractAsync(() => parseTable(new TextEncoder().encode(csv), 'panel.csv'), label);
  if (!table.ok) return null;
  const read = underContract(() => tableToPanel(table.value, { unit, time, columns }), label);
  if (!read.ok || read.value.problems.some((p) => p.severity === 'error')) return null;
  return read.value.panel;
}

describe('fuzz: tfp', () => {
  beforeAll(async () => {
    solver = await loadLpSolver();
  });

  it('DEA models and productivity indexes on degenerate panels and broken model files', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom(...KINDS),
        fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 9, maxLength: 9 }),
        fc.constantFrom(...VALID),
        fc.option(fc.constantFrom(...MUTATIONS), { freq: 2 }),
        async (nu, nt, kind, rnd, m, mutation) => {
          const raw: Record<string, unknown> = { ...m };
          if (mutation) raw[mutation[0]] = mutation[1];
          const label = `${nu}×${nt} ${kind} ${JSON.stringify(raw)}`;
          const checked = underContract(() => checkTfpModel(raw, 'model.json'), label);
          if (!checked.ok || !checked.value.model) {
            if (checked.ok) expect(checked.value.problems.length, label).toBeGreaterThan(0);
            return;
          }
          const model = checked.value.model;
          const columns = [...model.inputs, ...model.outputs, ...model.undesirable];
          const panel = await panelOf(panelCsv(nu, nt, kind, rnd), model.unit, model.time, columns, label);
          if (!panel) return;
          const res = underContract(() => runTfp(solver, panel, model), label);
          if (!res.ok) return;
          stats.scored++;
          for (const row of res.value.results) {
            if (row.efficiency === null) expect(row.status, `${label} ${row.unit} ${row.time}`).not.toBe('optimal');
            else expectFinite([row.efficiency, ...Object.values(row.slacks), ...Object.values(row.shares)], label);
          }
          for (const row of res.value.index) {
            if (row.value === null) expect(row.status, `${label} ${row.unit} ${row.from}`).not.toBe('optimal');
            else expectFinite([row.value], label);
          }
        },
      ),
      { numRuns: Math.max(10, Math.round(RUNS / 2)), seed: SEED },
    );
    expect(stats.scored).toBeGreaterThan(0);
  }, 150_000);

  it('firm production-function estimators on degenerate panels and broken model files', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(...KINDS),
        fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 9, maxLength: 9 }),
        fc.constantFrom('ols', 'fe', 'op', 'lp', 'acf'),
        fc.option(
          fc.constantFrom<[string, unknown]>(
            ['free', []],
            ['free', ['nope']],
            ['state', 'k'],
            ['proxy', null],
            ['proxy', 'va'],
            ['degree', 0],
            ['degree', 50],
            ['bootstrap', 1e9],
            ['bootstrap', -1],
            ['exit', 'infer'],
            ['exit', 'nope'],
            ['survival', 'cauchy'],
            ['notInputs', ['nope']],
            ['output', 'k'],
          ),
          { freq: 2 },
        ),
        async (nu, nt, kind, rnd, type, mutation) => {
          const raw: Record<string, unknown> = {
            type,
            unit: 'unit',
            time: 'year',
            output: 'va',
            free: ['l'],
            state: ['k'],
            ...(type === 'op' || type === 'lp' || type === 'acf' ? { proxy: 'm', bootstrap: 2 } : {}),
          };
          if (mutation) raw[mutation[0]] = mutation[1];
          const label = `${nu}×${nt} ${kind} ${JSON.stringify(raw)}`;
          const checked = underContract(() => checkFirmModel(raw, 'model.json'), label);
          if (!checked.ok || !checked.value.model) return;
          const model = checked.value.model;
          const columns = [model.output, ...model.free, ...model.state, ...(model.proxy ? [model.proxy] : [])];
          if (model.exit !== null && model.exit !== 'infer') columns.push(model.exit);
          const csv = panelCsv(nu, nt, kind, rnd);
          const panel = await panelOf(csv, model.unit, model.time, columns, label);
          if (!panel) return;
          const res = underContract(() => runFirm(panel, model), label);
          if (!res.ok) return;
          stats.firm++;
          for (const [k, c] of Object.entries(res.value.coefficients)) expectFinite([c.estimate], `${label} ${k}`);
          expectFinite(
            res.value.tfp.map((t) => t.value),
            `${label} tfp`,
          );
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    expect(stats.firm).toBeGreaterThan(0);
  }, 150_000);
});
