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
import highsModule, { type Highs } from 'highs';
import highsWasmUrl from 'highs/runtime?url';
import { parse as parseYaml } from 'yaml';
import exampleCsv from '../../../data/tfp/gtfp-province.csv?raw';
import exampleYaml from '../../../data/tfp/gtfp-province.yaml?raw';
import firmCsv from '../../../data/tfp/firm-panel.csv?raw';
import firmYaml from '../../../data/tfp/firm-lp.yaml?raw';
import { XinzhiError } from '../../core/errors.ts';
import { tableToPanel } from '../../core/panel/from-table.ts';
import type { FirmEstimator } from '../../core/tfp/firm/estimators.ts';
import { checkFirmModel, EXIT_INFER, isFirmType } from '../../core/tfp/firm/model.ts';
import { runFirm, type FirmResult } from '../../core/tfp/firm/run.ts';
import type { SurvivalLink } from '../../core/tfp/firm/survival.ts';
import { highsSolver, type LpSolver } from '../../core/tfp/lp.ts';
import { checkTfpModel, type TfpModelInput } from '../../core/tfp/model.ts';
import { runTfp, type TfpResult } from '../../core/tfp/run.ts';
import { parseTable, type RawTable } from '../formats/table.ts';

export const EXAMPLE_NAME = 'gtfp-province.csv';
export const FIRM_EXAMPLE_NAME = 'firm-panel.csv';

/** A firm production-function model as the page builds it (the fields of a firm model file, core/tfp/firm/model.ts). */
export interface FirmModelInput {
  type: FirmEstimator;
  unit: string;
  time: string;
  output: string;
  free: string[];
  state: string[];
  /** ln investment (op) or ln intermediate inputs (lp, acf); left out for ols / fe. */
  proxy?: string;
  degree?: number;
  bootstrap?: number;
  seed?: string | number;
  /** op / lp: a 0/1 exit column or "infer"; left out without the exit correction. */
  exit?: string;
  survival?: SurvivalLink;
  notInputs?: string[];
}

export interface TfpRequest {
  data: { kind: 'example' } | { kind: 'firm-example' } | { kind: 'upload'; name: string; bytes: Uint8Array };
  /** The model as the page built it; until it names its variables only the table is read. */
  model: TfpModelInput | FirmModelInput;
}

export interface TfpOutput {
  table: { name: string; header: string[]; numeric: string[]; rows: number };
  /** Null until the model names its variables (inputs and outputs; for a firm estimator output, free and state inputs and, for op / lp / acf, the proxy). */
  result: TfpResult | FirmResult | null;
}

/** Whether the page's model is a firm production-function estimator. */
export function isFirmModel(m: TfpModelInput | FirmModelInput): m is FirmModelInput {
  return isFirmType(m.type);
}

/** The example's model (data/tfp/gtfp-province.yaml), without its framework links. */
export function exampleModel(): TfpModelInput {
  const m = parseYaml(exampleYaml) as TfpModelInput;
  return { ...m, nodes: {} };
}

/**
 * The firm example's model (data/tfp/firm-lp.yaml) as estimator `type`: ln
 * investment as the proxy for op, none for ols / fe.
 */
export function firmExampleModel(type: FirmEstimator = 'lp'): FirmModelInput {
  const m = parseYaml(firmYaml) as FirmModelInput;
  const { proxy: _p, bootstrap: _b, degree: _d, seed: _s, ...rest } = m;
  if (type === 'ols' || type === 'fe') return { ...rest, type };
  return { ...m, type, proxy: type === 'op' ? 'lni' : 'lnm' };
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
  if (data.kind === 'firm-example') return parseTable(new TextEncoder().encode(firmCsv), FIRM_EXAMPLE_NAME);
  return parseTable(data.bytes, data.name);
}

/** The name the page and the problems give the data. */
function dataName(data: TfpRequest['data']): string {
  return data.kind === 'example' ? EXAMPLE_NAME : data.kind === 'firm-example' ? FIRM_EXAMPLE_NAME : data.name;
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
  const name = dataName(req.data);
  const info = { name, header: table.header, numeric: numericColumns(table), rows: table.rows.length };
  const m = req.model;
  if (isFirmModel(m)) return { table: info, result: firmRequest(table, name, m) };
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

/** A firm estimator on the table (null until output, free and state inputs and the proxy it needs are chosen). */
function firmRequest(table: RawTable, name: string, m: FirmModelInput): FirmResult | null {
  const needsProxy = m.type === 'op' || m.type === 'lp' || m.type === 'acf';
  if (!m.output || !m.free?.length || !m.state?.length || (needsProxy && !m.proxy)) return null;
  const { model, problems } = checkFirmModel({ ...m }, name);
  if (!model) throw new XinzhiError(problems);
  const columns = [model.output, ...model.free, ...model.state, ...(model.proxy ? [model.proxy] : [])];
  if (model.exit !== null && model.exit !== EXIT_INFER) columns.push(model.exit);
  const read = tableToPanel(table, { unit: model.unit, time: model.time, columns });
  const errors = read.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new XinzhiError(errors);
  return runFirm(read.panel, model);
}
