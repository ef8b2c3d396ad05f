/**
 * The QCA page's computation (run in the worker): reads the uploaded set data
 * and runs the core's necessity analysis, truth table, minimisation,
 * configuration table and XY plot — the calls of `xinzhi qca minimize`. Without
 * an outcome and conditions only the table is read (for the pickers); when no
 * truth-table row passes the cut-offs the truth table is still returned with
 * the reason the solutions are absent.
 *
 * @example await qcaRequest({ data: { name: 'sets.csv', bytes }, outcome: 'SURV', conditions: ['DEV', 'URB'], inclCut: 0.8 })
 */
import { type Problem, XinzhiError } from '../../core/errors.ts';
import { configurationTable, type ConfigurationTable } from '../../core/qca/configuration-table.ts';
import { setDataFromTable } from '../../core/qca/data.ts';
import { minimize, type MinimizeResult, parseDirectionalExpectations } from '../../core/qca/minimize.ts';
import { necessity, type NecessityResult } from '../../core/qca/necessity.ts';
import { truthTable, type TruthTable } from '../../core/qca/truth-table.ts';
import { xyPlot, type XYPlot } from '../../core/qca/xy.ts';
import { rowCount } from '../../core/panel/raw-table.ts';
import { parseTable } from '../formats/table.ts';

export interface QcaRequest {
  data: { name: string; bytes: Uint8Array };
  caseColumn?: string;
  outcome?: string;
  conditions?: string[];
  inclCut?: number;
  nCut?: number;
  priCut?: number;
  /** Directional expectations for the intermediate solution, e.g. "DEV, URB, ~IND". */
  dirExp?: string;
}

export interface QcaOutput {
  table: { name: string; header: string[]; rows: number };
  warnings: Problem[];
  necessity?: NecessityResult;
  truthTable?: TruthTable;
  minimize?: MinimizeResult;
  configurations?: ConfigurationTable;
  xy?: XYPlot;
  /** Why the solutions are absent (no positive truth-table row, …). */
  noSolution?: Problem[];
}

export async function qcaRequest(req: QcaRequest): Promise<QcaOutput> {
  const table = await parseTable(req.data.bytes, req.data.name);
  const info = { name: table.name, header: table.header.map(String), rows: rowCount(table) };
  if (!req.outcome || !req.conditions?.length) return { table: info, warnings: [] };
  const { data, warnings } = setDataFromTable(table, {
    conditions: req.conditions,
    outcome: req.outcome,
    ...(req.caseColumn ? { caseColumn: req.caseColumn } : {}),
  });
  const tt = truthTable(data, {
    inclCut: req.inclCut ?? 0.8,
    nCut: req.nCut ?? 1,
    priCut: req.priCut ?? 0,
  });
  const out: QcaOutput = {
    table: info,
    warnings: [...warnings, ...tt.warnings],
    necessity: necessity(data),
    truthTable: tt,
  };
  try {
    const dirExp = req.dirExp?.trim()
      ? parseDirectionalExpectations(
          req.dirExp,
          data.conditions.map((c) => c.name),
        )
      : null;
    const res = minimize(data, tt, { dirExp });
    const main = res.intermediate ? res.intermediate[0].models[0] : res.complex.models[0];
    out.minimize = res;
    out.configurations = configurationTable(res, main);
    out.xy = xyPlot(
      data,
      main.terms.map((t) => t.implicant),
    );
  } catch (e) {
    if (!(e instanceof XinzhiError)) throw e;
    out.noSolution = e.problems;
  }
  return out;
}
