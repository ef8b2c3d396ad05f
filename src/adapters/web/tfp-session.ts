/**
 * The TFP page's computation (run in the worker): reads an example panel (the
 * provincial GTFP panel, or the synthetic firm panel) or an uploaded table,
 * and runs either DEA / a productivity index — `checkTfpModel`, `runTfp` on
 * HiGHS compiled to WebAssembly (the same package and solver wrapper as
 * `xinzhi tfp`; here the .wasm file is served with the app) — or a firm
 * production-function estimator (OLS, FE, OP, LP, ACF: `checkFirmModel`,
 * `runFirm`, as `xinzhi tfp` with a firm model). The panel is built by
 * `tableToPanel` with the model's columns, as the CLI does.
 *
 * @example await tfpRequest({ data: { kind: 'example' }, model: exampleModel() })
 */
import { parse as parseYaml } from 'yaml';
import exampleCsv from '../../../data/tfp/gtfp-province.csv?raw';
import exampleYaml from '../../../data/tfp/gtfp-province.yaml?raw';
import firmCsv from '../../../data/tfp/firm-panel.csv?raw';
import firmYaml from '../../../data/tfp/firm-lp.yaml?raw';
import { XinzhiError } from '../../core/errors.ts';
import { tableToPanel } from '../../core/panel/from-table.ts';
import type { FirmEstimator } from '../../core/tfp/firm/estimators.ts';
import {
  checkFirmModel,
  exampleProxy,
  firmColumns,
  isFirmType,
  needsProxy,
  type FirmModelInput,
} from '../../core/tfp/firm/model.ts';
import { runFirm, runFirmAsync, type FirmResult } from '../../core/tfp/firm/run.ts';
import { checkTfpModel, type TfpModelInput } from '../../core/tfp/model.ts';
import { runTfp, runTfpAsync, type TfpResult } from '../../core/tfp/run.ts';
import type { ComputePools } from './compute-pool.ts';
import { parseTable } from '../formats/table.ts';
import { cellAt, type RawTable, rowCount } from '../../core/panel/raw-table.ts';
import { lpSolver } from './lp-solver.ts';

export const EXAMPLE_NAME = 'gtfp-province.csv';
export const FIRM_EXAMPLE_NAME = 'firm-panel.csv';

/** A firm model as the page builds it: the variables it names are always there (empty until chosen). */
export type FirmDraft = FirmModelInput & {
  unit: string;
  time: string;
  output: string;
  free: string[];
  state: string[];
};

export interface TfpRequest {
  data: { kind: 'example' } | { kind: 'firm-example' } | { kind: 'upload'; name: string; bytes: Uint8Array };
  /** The model as the page built it; until it names its variables only the table is read. */
  model: TfpModelInput | FirmDraft;
}

export interface TfpOutput {
  table: { name: string; header: string[]; numeric: string[]; rows: number };
  /** Null until the model names its variables (inputs and outputs; for a firm estimator output, free and state inputs and, for op / lp / acf, the proxy). */
  result: TfpResult | FirmResult | null;
  /** Web Workers that computed at once (DEA chunks, bootstrap replications), when more than the app's one. */
  threads?: number;
}

/** Whether the page's model is a firm production-function estimator. */
export function isFirmModel(m: TfpModelInput | FirmDraft): m is FirmDraft {
  return isFirmType(m.type);
}

/** The example's model (data/tfp/gtfp-province.yaml), without its framework links. */
export function exampleModel(): TfpModelInput {
  const m = parseYaml(exampleYaml) as TfpModelInput;
  return { ...m, nodes: {} };
}

/**
 * The firm example's model (data/tfp/firm-lp.yaml) as estimator `type`: the
 * example's proxy column (ln investment for op), none for ols / fe.
 */
export function firmExampleModel(type: FirmEstimator = 'lp'): FirmDraft {
  const m = parseYaml(firmYaml) as FirmDraft;
  const { proxy: _p, bootstrap: _b, degree: _d, seed: _s, ...rest } = m;
  if (!needsProxy(type)) return { ...rest, type };
  return { ...m, type, proxy: exampleProxy(type) };
}

/** The bundled examples: file name and text. */
const EXAMPLES = {
  example: { name: EXAMPLE_NAME, csv: exampleCsv },
  'firm-example': { name: FIRM_EXAMPLE_NAME, csv: firmCsv },
} as const;

/** The request's table and the name the page and the problems give it. */
async function readTable(data: TfpRequest['data']): Promise<{ table: RawTable; name: string }> {
  if (data.kind === 'upload') return { table: await parseTable(data.bytes, data.name), name: data.name };
  const { name, csv } = EXAMPLES[data.kind];
  return { table: await parseTable(new TextEncoder().encode(csv), name), name };
}

/** Columns whose every non-empty cell is a number. */
function numericColumns(table: RawTable): string[] {
  const n = rowCount(table);
  return table.header.filter((_, j) => {
    for (let i = 0; i < n; i++) {
      const v = cellAt(table, i, j);
      if (
        !(
          v === null ||
          v === undefined ||
          v === '' ||
          typeof v === 'number' ||
          Number.isFinite(Number(String(v).trim()))
        )
      )
        return false;
    }
    return true;
  });
}

/** Where a large run's DEA chunks and bootstrap replications go (the app's worker: compute workers, compute-pool.ts). */
export type TfpPools = Pick<ComputePools, 'dea' | 'replicates'>;

/** The TFP page's request: the table, and the run (on `pools` when given: the same numbers). */
export async function tfpRequest(req: TfpRequest, pools?: TfpPools): Promise<TfpOutput> {
  const { table, name } = await readTable(req.data);
  const info = { name, header: table.header, numeric: numericColumns(table), rows: rowCount(table) };
  const m = req.model;
  if (isFirmModel(m)) return { table: info, result: await firmRequest(table, name, m, pools) };
  if (!m.inputs?.length || !m.outputs?.length) return { table: info, result: null };
  const { model, problems } = checkTfpModel(m, name);
  if (!model) throw new XinzhiError(problems);
  const columns = [...model.inputs, ...model.outputs, ...model.undesirable];
  const read = tableToPanel(table, { unit: model.unit, time: model.time, columns });
  const errors = read.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new XinzhiError(errors);
  const solver = await lpSolver();
  const result = pools ? await runTfpAsync(solver, read.panel, model, pools.dea) : runTfp(solver, read.panel, model);
  result.warnings.unshift(...read.problems.filter((p) => p.severity === 'warning'));
  return { table: info, result };
}

/** A firm estimator on the table (null until output, free and state inputs and the proxy it needs are chosen). */
async function firmRequest(table: RawTable, name: string, m: FirmDraft, pools?: TfpPools): Promise<FirmResult | null> {
  if (!m.output || !m.free.length || !m.state.length || (needsProxy(m.type) && !m.proxy)) return null;
  const { model, problems } = checkFirmModel(m, name);
  if (!model) throw new XinzhiError(problems);
  const read = tableToPanel(table, { unit: model.unit, time: model.time, columns: firmColumns(model) });
  const errors = read.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new XinzhiError(errors);
  const parallel = pools?.replicates(read.panel.unit.length, model.bootstrap);
  return parallel ? runFirmAsync(read.panel, model, parallel) : runFirm(read.panel, model);
}
