/**
 * Property-based tests of `xinzhi estimate` (issue 17): model files with
 * missing, mistyped and unknown fields, and degenerate panels (one unit, one
 * year, constant or collinear regressors, NaN / ±∞ / 1e300 cells, treatment
 * in no or every unit) read the way the command reads them, under every model
 * type. Each run either estimates with finite coefficients (a missing
 * standard error comes with its reason) or stops with a XinzhiError that
 * names the field or cell — never another exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/adapters/formats/table.ts';
import { fromNeighbourList } from '../../src/core/analysis/spatial-weights.ts';
import { checkEstimateModels, MODEL_TYPES } from '../../src/core/estimate/model.ts';
import { modelColumns, runEstimate } from '../../src/core/estimate/run.ts';
import { XinzhiError } from '../../src/core/errors.ts';
import { tableToPanel } from '../../src/core/panel/from-table.ts';
import { RUNS, SEED, underContract, underContractAsync } from './contract.ts';

const KINDS = [
  'plain',
  'const-x',
  'collinear',
  'zero-y',
  'huge',
  'tiny',
  'nan-cell',
  'inf-cell',
  'text-cell',
  'never-treated',
  'all-treated',
] as const;
type Kind = (typeof KINDS)[number];

/** A small firm × year panel as CSV text; `kind` makes it degenerate in one way. */
function panelCsv(nu: number, nt: number, kind: Kind, rnd: number[]): string {
  const head = ['firm', 'year', 'y', 'x1', 'x2', 'm', 'z', 'q', 'iv', 'treat', 'post', 'cohort', 'region'];
  const rows: string[] = [head.join(',')];
  let k = 0;
  const r = () => rnd[k++ % rnd.length];
  for (let i = 0; i < nu; i++)
    for (let t = 0; t < nt; t++) {
      const scale = kind === 'huge' ? 1e300 : kind === 'tiny' ? 1e-300 : 1;
      const x1 = kind === 'const-x' ? 2 : i + t * 0.3 + r();
      const x2 = kind === 'collinear' ? 2 * x1 : r() * 3 - t;
      const y = kind === 'zero-y' ? 0 : 1 + 0.5 * x1 - 0.2 * x2 + r();
      const treated = kind === 'never-treated' ? false : kind === 'all-treated' ? true : i % 2 === 1;
      const cohort = treated ? 2020 + Math.min(nt - 1, 1 + (i % 2)) : 0;
      const cells = [
        `F${i}`,
        String(2020 + t),
        String(y * scale),
        String(x1 * scale),
        String(x2 * scale),
        String((x1 * 0.7 + r()) * scale),
        String(r() * scale),
        String(r() * 10),
        String(x1 + r()),
        treated ? '1' : '0',
        t >= nt / 2 ? '1' : '0',
        String(cohort),
        i % 2 ? 'east' : 'west',
      ];
      rows.push(cells.join(','));
    }
  if (rows.length > 1) {
    const cells = rows[1 + Math.floor(r() * (rows.length - 1))].split(',');
    const bad = kind === 'nan-cell' ? 'NaN' : kind === 'inf-cell' ? '1e309' : kind === 'text-cell' ? '#DIV/0!' : null;
    if (bad !== null) {
      cells[2 + Math.floor(r() * 3)] = bad;
      rows[1 + Math.floor(r() * (rows.length - 1))] = cells.join(',');
    }
  }
  return rows.join('\n');
}

/** The fields a model of each type needs, on the columns of panelCsv. */
const BASE: Record<string, Record<string, unknown>[]> = {
  fe: [{ x: ['x1', 'x2'] }, { x: ['L.x1'], cluster: 'unit' }, { x: ['x1'], by: 'region', permutations: 5, seed: 2 }],
  mediation: [
    { x: ['x1'], m: 'm' },
    { x: ['x1'], m: 'm', bootstrap: 20, seed: 3, cluster: 'unit' },
  ],
  moderation: [{ x: ['x1'], z: 'z' }],
  iv: [{ x: ['x1'], endog: ['x1'], instruments: ['iv'] }],
  threshold: [
    { x: ['x1'], q: 'q', grid: 20, trim: 0.1 },
    { x: ['x1'], q: 'q', thresholds: 2, grid: 10 },
  ],
  did: [
    { treat: 'treat', post: 'post' },
    { treat: 'treat', post: 'post', placebo: { draws: 5, seed: 1 } },
    { cohort: 'cohort' },
    { cohort: 'cohort', estimator: 'twfe' },
  ],
  'event-study': [{ cohort: 'cohort' }, { cohort: 'cohort', window: [-2, 2], bin: true }],
  sdm: [{ x: ['x1'], weights: 'file:neighbours.csv', draws: 5 }],
  sar: [{ x: ['x1'], weights: 'file:neighbours.csv' }],
  sem: [{ x: ['x1'], weights: 'file:neighbours.csv' }],
};

/** One field broken: missing, of the wrong type, unknown names, huge or contradictory values. */
const MUTATIONS: Array<[string, unknown]> = [
  ['type', 'ols'],
  ['type', 42],
  ['y', 'missing_col'],
  ['y', ''],
  ['y', 7],
  ['x', 'x1'],
  ['x', []],
  ['x', ['nope']],
  ['x', ['x1', 'x1']],
  ['x', ['x1', 'x2', 'm', 'z', 'q', 'iv']],
  ['fe', []],
  ['fe', ['region']],
  ['fe', ['nope']],
  ['fe', ['unit', 'unit']],
  ['cluster', 'region'],
  ['cluster', ['unit', 'time']],
  ['cluster', 'nope'],
  ['se', 'hc1'],
  ['se', 'plm'],
  ['se', 'none'],
  ['se', 'robust'],
  ['se', 'stata'],
  ['controls', ['x2']],
  ['controls', ['x1']],
  ['m', 'nope'],
  ['bootstrap', 1e9],
  ['bootstrap', -1],
  ['instruments', []],
  ['instruments', ['x1']],
  ['endog', ['x2']],
  ['q', 'y'],
  ['grid', 1e12],
  ['grid', 1],
  ['thresholds', 3],
  ['trim', 0.49],
  ['window', [3, -3]],
  ['window', [-1e9, 1e9]],
  ['treat', 'x1'],
  ['cohort', 'year'],
  ['placebo', { draws: 1e9 }],
  ['permutations', 1e9],
  ['winsor', { vars: ['y'], p: [0.01, 0.99] }],
  ['winsor', { vars: ['nope'] }],
  ['winsor', { vars: [] }],
  ['draws', 1e9],
  ['name', { deep: { deeper: [1] } }],
  ['unknownField', true],
];

const MODEL = fc.record({
  type: fc.constantFrom(...MODEL_TYPES),
  base: fc.nat(),
  mutation: fc.option(fc.constantFrom(...MUTATIONS), { freq: 2 }),
});

function modelOf(m: { type: string; base: number; mutation: [string, unknown] | null }) {
  const bases = BASE[m.type];
  const out: Record<string, unknown> = {
    type: m.type,
    y: 'y',
    unit: 'firm',
    time: 'year',
    ...bases[m.base % bases.length],
  };
  if (m.mutation) out[m.mutation[0]] = m.mutation[1];
  return out;
}

/** Ring neighbours of the firms, as a file of neighbours would give them. */
function ringWeights(ids: string[]) {
  const n = ids.length;
  const neighbours = ids.map((_, i) => [...new Set([(i + 1) % n, (i + n - 1) % n])].filter((j) => j !== i));
  return fromNeighbourList({ ids, neighbours }, 'ring');
}

const stats = { estimated: 0, refused: 0 };

describe('fuzz: estimate', () => {
  it('model files and degenerate panels under every model type', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(...KINDS),
        fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 5, maxLength: 5 }),
        fc.array(MODEL, { minLength: 1, maxLength: 2 }),
        async (nu, nt, kind, rnd, raw) => {
          const label = `${nu}×${nt} ${kind} ${JSON.stringify(raw)}`;
          const input = raw.length === 1 ? modelOf(raw[0]) : { models: raw.map(modelOf) };
          const models = underContract(() => checkEstimateModels(input, 'model.json'), label);
          if (!models.ok) {
            stats.refused++;
            return;
          }
          const csv = panelCsv(nu, nt, kind, rnd);
          const table = await underContractAsync(() => parseTable(new TextEncoder().encode(csv), 'panel.csv'), label);
          if (!table.ok) return;
          const numeric = [...new Set(models.value.flatMap((m) => modelColumns(m).numeric))];
          const labels = [...new Set(models.value.flatMap((m) => modelColumns(m).labels))].filter(
            (c) => !numeric.includes(c),
          );
          const read = underContract(
            () => tableToPanel(table.value, { unit: 'firm', time: 'year', columns: numeric, labels }),
            label,
          );
          if (!read.ok || read.value.problems.some((p) => p.severity === 'error')) {
            stats.refused++;
            return;
          }
          const panel = read.value.panel;
          const ids = [...new Set(panel.unit)];
          const res = underContract(() => runEstimate(panel, models.value, { weights: () => ringWeights(ids) }), label);
          if (!res.ok) {
            stats.refused++;
            return;
          }
          stats.estimated++;
          for (const r of res.value.models) {
            for (const s of [r.interpretation.en, r.interpretation.zh])
              expect(/NaN|undefined|Infinity/.test(s), `${label}: ${s}`).toBe(false);
            // no significance verdict next to a missing p-value
            const lead = (r as { coefficients?: Record<string, { p: number }> }).coefficients?.[r.model.x[0]];
            if ((r.model.type === 'fe' || r.model.type === 'iv') && lead && !Number.isFinite(lead.p))
              expect(r.interpretation.en, label).not.toMatch(/significant/);
            const rho = (r as { rho?: { p: number } }).rho;
            if (rho && !Number.isFinite(rho.p))
              expect(r.interpretation.en, label).toMatch(/ρ = \S+ \(no standard error/);
            const coefficients = (r as { coefficients?: Record<string, { estimate: number }> }).coefficients;
            for (const [k, c] of Object.entries(coefficients ?? {}))
              expect(Number.isFinite(c.estimate), `${label} ${r.name} ${k}: ${c.estimate}`).toBe(true);
          }
        },
      ),
      { numRuns: RUNS * 3, seed: SEED },
    );
    // the generators reach the estimators, not only refusals
    expect(stats.estimated, JSON.stringify(stats)).toBeGreaterThan(0);
  }, 120_000);

  it('model files of the wrong shape', () => {
    const shapes: unknown[] = [null, 3, 'fe', [], {}, { models: [] }, { models: {} }, { models: [null] }];
    for (const s of shapes) {
      const r = underContract(() => checkEstimateModels(s, 'model.json'), JSON.stringify(s));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toBeInstanceOf(XinzhiError);
    }
  });
});
