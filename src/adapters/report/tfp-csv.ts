/**
 * TFP results as a panel CSV that the other commands read back (`xinzhi
 * analyze convergence --data tfp.csv --unit Province --time Year --value
 * cumulative`, a column for `evaluate`): the unit and time columns keep the
 * model's names; value columns have plain ASCII names so they can be given
 * on the command line.
 *
 * - DEA models: efficiency (and superEfficiency 1/0).
 * - Indices: cumulative, and index / ec / tc of the change into that period
 *   (empty in the first period and where a programme was infeasible).
 * - Firm estimators: lnTFP.
 */
import type { FirmResult } from '../../core/tfp/firm/run.ts';
import type { TfpResult } from '../../core/tfp/run.ts';
import { toCsv, type CsvCell } from './csv.ts';

/** One CSV document, one row per unit and period. */
export function tfpCsv(result: TfpResult | FirmResult): string {
  const { unit, time } = result.model;
  if ('coefficients' in result) {
    return toCsv(
      [unit, time, 'lnTFP'],
      result.tfp.map((r) => [r.unit, r.time, r.value]),
    );
  }
  if (result.results.length > 0) {
    return toCsv(
      [unit, time, 'efficiency', 'superEfficiency'],
      result.results.map((r) => [r.unit, r.time, r.efficiency, r.superEfficiency ? 1 : 0]),
    );
  }
  const into = new Map(result.index.map((r) => [`${r.unit}\u0000${String(r.to)}`, r]));
  const rows: CsvCell[][] = result.cumulative.map((c) => {
    const link = into.get(`${c.unit}\u0000${String(c.time)}`);
    return [c.unit, c.time, c.value, link?.value, link?.ec, link?.tc];
  });
  return toCsv([unit, time, 'cumulative', 'index', 'ec', 'tc'], rows);
}
