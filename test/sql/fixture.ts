/**
 * Panels and specs for the SQL tests: a seeded synthetic panel with a
 * two-level hierarchy, a cost indicator, a constant column and tied units,
 * loaded into an engine as a table, and the in-memory evaluation to compare
 * the engine's weights and scores with.
 */
import seedrandom from 'seedrandom';
import type { SqlEngine } from '../../src/adapters/sql/engines.ts';
import type { Panel } from '../../src/core/panel/types.ts';

export const COLUMNS = ['a1', 'a2', 'a3', 'b1', 'b2', 'c1'];

/** units × years rows; `constant` adds a column with one value; the last two units are identical (ties). */
export function syntheticPanel(units: number, years: number, seed = 'xinzhi-sql'): Panel {
  const rng = seedrandom(seed);
  const unit: string[] = [];
  const time: number[] = [];
  const cols: Record<string, number[]> = Object.fromEntries([...COLUMNS, 'k'].map((c) => [c, []]));
  for (let u = 0; u < units; u++) {
    for (let y = 0; y < years; y++) {
      unit.push(`U${String(u).padStart(4, '0')}`);
      time.push(2010 + y);
      const twin = u === units - 1 ? units - 2 : u; // the last unit copies the one before
      const r = seedrandom(`${seed}/${twin}/${y}`);
      for (const c of COLUMNS) cols[c].push(Math.round((r() * 1000 + (c === 'c1' ? 5000 : 1)) * 1e6) / 1e6);
      cols.k.push(7);
    }
  }
  void rng;
  return {
    unitKey: 'unit',
    timeKey: 'year',
    unit,
    time,
    columns: Object.fromEntries(Object.entries(cols).map(([c, v]) => [c, Float64Array.from(v)])),
  };
}

/** A two-level spec over the synthetic panel; `over` replaces top-level fields. */
export function syntheticSpec(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    unit: 'unit',
    time: 'year',
    nodes: [
      { id: 'A', parent: null, weight: 0.5 },
      { id: 'B', parent: null, weight: 0.3 },
      { id: 'C', parent: null, weight: 0.2 },
    ],
    indicators: [
      { id: 'a1', column: 'a1', direction: '+', parent: 'A', weight: 1 },
      { id: 'a2', column: 'a2', direction: '-', parent: 'A', weight: 2 },
      { id: 'a3', column: 'a3', direction: '+', parent: 'A', weight: 1 },
      { id: 'b1', column: 'b1', direction: '+', parent: 'B', weight: 1 },
      { id: 'b2', column: 'b2', direction: '+', parent: 'B', weight: 3 },
      { id: 'c1', column: 'c1', direction: '-', parent: 'C', weight: 1 },
    ],
    normalize: { method: 'minmax' },
    weights: { method: 'entropy' },
    aggregate: { method: 'arithmetic' },
    ...over,
  };
}

/** SQL literal of a cell. */
const cell = (v: string | number): string => (typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`);

/** Rows of a panel as SQL VALUES tuples (unit, year, columns…). */
export function valueRows(panel: Panel, columns: string[]): string[] {
  return panel.unit.map(
    (u, r) => `(${[cell(u), cell(panel.time[r]), ...columns.map((c) => cell(panel.columns[c][r]))].join(', ')})`,
  );
}

/** Create `name` in a DuckDB or PostgreSQL engine and fill it with the panel. */
export async function loadTable(engine: SqlEngine, name: string, panel: Panel, columns: string[]): Promise<void> {
  const dbl = engine.dialect === 'postgres' ? 'DOUBLE PRECISION' : 'DOUBLE';
  await engine.exec(`DROP TABLE IF EXISTS ${name}`);
  await engine.exec(
    `CREATE TABLE ${name} (unit VARCHAR(16), year INTEGER, ${columns.map((c) => `${c} ${dbl}`).join(', ')})`,
  );
  const rows = valueRows(panel, columns);
  for (let i = 0; i < rows.length; i += 1000)
    await engine.exec(`INSERT INTO ${name} VALUES ${rows.slice(i, i + 1000).join(', ')}`);
}

/** The panel as long data: one row (unit, year, indicator, value) per unit, year and column. */
export function longValueRows(panel: Panel, columns: string[]): string[] {
  return panel.unit.flatMap((u, r) =>
    columns.map((c) => `(${[cell(u), cell(panel.time[r]), cell(c), cell(panel.columns[c][r])].join(', ')})`),
  );
}

/** Create `name` in a DuckDB or PostgreSQL engine and fill it with the panel as long data. */
export async function loadLongTable(engine: SqlEngine, name: string, panel: Panel, columns: string[]): Promise<void> {
  const dbl = engine.dialect === 'postgres' ? 'DOUBLE PRECISION' : 'DOUBLE';
  await engine.exec(`DROP TABLE IF EXISTS ${name}`);
  await engine.exec(`CREATE TABLE ${name} (unit VARCHAR(16), year INTEGER, indicator VARCHAR(16), value ${dbl})`);
  const rows = longValueRows(panel, columns);
  for (let i = 0; i < rows.length; i += 1000)
    await engine.exec(`INSERT INTO ${name} VALUES ${rows.slice(i, i + 1000).join(', ')}`);
}

/** A spec read from long data (indicator and value columns of loadLongTable's tables). */
export const LONG = { long: { indicator: 'indicator', value: 'value' } };

/** The spec variants every engine runs: each normalisation, weight method, panel, aggregation and tie rule. */
export const VARIANTS: Array<[string, Record<string, unknown>]> = [
  ['entropy pooled (default)', {}],
  ['entropy by-time weights', { weights: { method: 'entropy', panel: 'by-time' } }],
  ['entropy, by-time normalisation, shift 0.01', { normalize: { method: 'minmax', panel: 'by-time', shift: 0.01 } }],
  ['entropy, log', { normalize: { method: 'minmax', log: true } }],
  [
    'entropy, geometric, scale 100, average ties',
    { aggregate: { method: 'geometric' }, score: { scale: 100, ties: 'average' } },
  ],
  ['critic', { weights: { method: 'critic' } }],
  ['critic by-time, zscore', { normalize: { method: 'zscore' }, weights: { method: 'critic', panel: 'by-time' } }],
  ['cv, mean-ratio', { normalize: { method: 'mean-ratio' }, weights: { method: 'cv' } }],
  ['cv, vector', { normalize: { method: 'vector' }, weights: { method: 'cv' } }],
  ['equal (leaves)', { weights: { method: 'equal' } }],
  ['equal (children)', { weights: { method: 'equal', scope: 'children' } }],
  ['given', { weights: { method: 'given' } }],
];

/** A spec with a constant indicator (weighs 0 under entropy and CRITIC). */
export function withConstant(spec: Record<string, unknown>): Record<string, unknown> {
  return {
    ...spec,
    indicators: [...(spec.indicators as object[]), { id: 'k', column: 'k', direction: '+', parent: 'C', weight: 1 }],
  };
}
