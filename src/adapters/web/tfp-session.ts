/**
 * The TFP page's computation (run in the worker): reads the example provincial
 * GTFP panel or an uploaded table, checks the model with the core's
 * `checkTfpModel`, builds the panel with `tableToPanel` and runs `runTfp` on
 * HiGHS compiled to WebAssembly (the same package and solver wrapper as
 * `xinzhi tfp`; here the .wasm file is served with the app).
 *
 * @example await tfpRequest({ data: { kind: 'example' }, model: exampleModel() })
 */
import highsModule, { type Highs } from 'highs';
import highsWasmUrl from 'highs/runtime?url';
import { parse as parseYaml } from 'yaml';
import exampleCsv from '../../../data/tfp/gtfp-province.csv?raw';
import exampleYaml from '../../../data/tfp/gtfp-province.yaml?raw';
import { XinzhiError } from '../../core/errors.ts';
import { tableToPanel } from '../../core/panel/from-table.ts';
import { highsSolver, type LpSolver } from '../../core/tfp/lp.ts';
import { checkTfpModel, type TfpModelInput } from '../../core/tfp/model.ts';
import { runTfp, type TfpResult } from '../../core/tfp/run.ts';
import { parseTable, type RawTable } from '../formats/table.ts';

export const EXAMPLE_NAME = 'gtfp-province.csv';

export interface TfpRequest {
  data: { kind: 'example' } | { kind: 'upload'; name: string; bytes: Uint8Array };
  /** The model as the page built it; without inputs or outputs only the table is read. */
  model: TfpModelInput;
}

export interface TfpOutput {
  table: { name: string; header: string[]; numeric: string[]; rows: number };
  /** Null until the model names inputs and outputs. */
  result: TfpResult | null;
}

/** The example's model (data/tfp/gtfp-province.yaml), without its framework links. */
export function exampleModel(): TfpModelInput {
  const m = parseYaml(exampleYaml) as TfpModelInput;
  return { ...m, nodes: {} };
}

const loadHighs = ((highsModule as unknown as { default?: unknown }).default ?? highsModule) as (opts?: {
  locateFile?: (file: string) => string;
}) => Promise<Highs>;
let solver: Promise<LpSolver> | undefined;

function lpSolver(): Promise<LpSolver> {
  solver ??= loadHighs({ locateFile: () => highsWasmUrl }).then(highsSolver);
  return solver;
}

async function readTable(data: TfpRequest['data']): Promise<RawTable> {
  if (data.kind === 'example') return parseTable(new TextEncoder().encode(exampleCsv), EXAMPLE_NAME);
  return parseTable(data.bytes, data.name);
}

/** Columns whose every non-empty cell is a number. */
function numericColumns(table: RawTable): string[] {
  return table.header.filter((_, j) =>
    table.rows.every((r) => {
      const v = r[j];
      return v === null || v === '' || typeof v === 'number' || Number.isFinite(Number(String(v).trim()));
    }),
  );
}

export async function tfpRequest(req: TfpRequest): Promise<TfpOutput> {
  const table = await readTable(req.data);
  const name = req.data.kind === 'example' ? EXAMPLE_NAME : req.data.name;
  const info = { name, header: table.header, numeric: numericColumns(table), rows: table.rows.length };
  const m = req.model;
  if (!m.inputs?.length || !m.outputs?.length) return { table: info, result: null };
  const { model, problems } = checkTfpModel(m, name);
  if (!model) throw new XinzhiError(problems);
  const columns = [...model.inputs, ...model.outputs, ...model.undesirable];
  const read = tableToPanel(table, { unit: model.unit, time: model.time, columns });
  const errors = read.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new XinzhiError(errors);
  const result = runTfp(await lpSolver(), read.panel, model);
  result.warnings.unshift(...read.problems.filter((p) => p.severity === 'warning'));
  return { table: info, result };
}
