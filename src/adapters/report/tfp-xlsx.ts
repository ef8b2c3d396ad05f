/**
 * The XLSX workbook of `xinzhi tfp`: the run's results at full precision
 * (formats only change the display), bilingual sheet names and headers.
 * - DEA models: efficiency, super-efficiency flag, LP status, slacks and the
 *   share of each variable in the inefficiency, the main source and its
 *   framework node.
 * - Indices: the index with EC and TC (BPC for GML) per pair of periods, and the
 *   cumulative index.
 * - Firm estimators: the coefficients with standard errors, ln TFP by period
 *   (firms, mean, SD, P10, median, P90) and ln TFP per row.
 * A "Method" sheet says which model, source, variables and solver made them.
 *
 * @example writeFileSync('tfp.xlsx', await tfpWorkbook(result, 'zh'))
 */
import ExcelJS from '#exceljs';
import { formatProblem } from '../../core/errors.ts';
import { bi, type Lang } from '../../core/i18n.ts';
import { describeModel } from '../../core/tfp/describe.ts';
import { FIRM_SOURCES } from '../../core/tfp/firm/estimators.ts';
import type { FirmResult } from '../../core/tfp/firm/run.ts';
import type { TfpResult } from '../../core/tfp/run.ts';
import { addSheet, type Cell, type ColumnDef, xlsxBytes } from './xlsx.ts';

/** Sheet names (≤ 31 characters). */
export const TFP_SHEETS = {
  method: '方法 Method',
  efficiency: '效率 Efficiency',
  index: '指数 Index',
  cumulative: '累积指数 Cumulative',
  coefficients: '系数 Coefficients',
  tfp: '全要素生产率 TFP',
  periods: '各期 By period',
} as const;

const FMT = '0.0000';
const plain = (s: string) => bi(s, s);

function methodRows(result: TfpResult | FirmResult, lang: Lang): Cell[][] {
  if ('coefficients' in result) {
    const m = result.model;
    return [
      [lang === 'zh' ? '估计方法' : 'estimator', m.type.toUpperCase()],
      [lang === 'zh' ? '来源' : 'source', FIRM_SOURCES[m.type]],
      [lang === 'zh' ? '标准误' : 'standard errors', result.se],
      [lang === 'zh' ? '自助次数' : 'bootstrap draws', result.se === 'bootstrap' ? m.bootstrap : null],
      [lang === 'zh' ? '种子' : 'seed', result.se === 'bootstrap' ? m.seed : null],
      [lang === 'zh' ? '观测数' : 'observations', result.n],
      [lang === 'zh' ? '企业数' : 'firms', result.firms],
      [lang === 'zh' ? '状态变量' : 'state variables', m.state.join(', ')],
      [lang === 'zh' ? '退出修正' : 'exit correction', m.exit ?? null],
      [lang === 'zh' ? '生存模型' : 'survival model', result.survival?.link ?? null],
      [lang === 'zh' ? '生存模型观测数' : 'survival-model observations', result.survival?.rows ?? null],
      [lang === 'zh' ? '退出次数' : 'exits', result.survival?.exits ?? null],
      [lang === 'zh' ? '生存模型对数似然' : 'survival-model log-likelihood', result.survival?.logLik ?? null],
      [lang === 'zh' ? '跳过的自助重复' : 'bootstrap replications skipped', result.bootstrapFailed],
    ];
  }
  const m = result.model;
  const d = describeModel(m);
  return [
    [lang === 'zh' ? '模型' : 'model', d[lang]],
    [lang === 'zh' ? '来源' : 'source', d.source],
    [lang === 'zh' ? '投入' : 'inputs', m.inputs.join(', ')],
    [lang === 'zh' ? '期望产出' : 'desirable outputs', m.outputs.join(', ')],
    [lang === 'zh' ? '非期望产出' : 'undesirable outputs', m.undesirable.join(', ')],
    [lang === 'zh' ? '线性规划求解器' : 'LP solver', result.solver],
    [lang === 'zh' ? '单位数' : 'units', result.units.length],
    [lang === 'zh' ? '期数' : 'periods', result.times.length],
    ...result.warnings.map((w): Cell[] => [lang === 'zh' ? '警告' : 'warning', formatProblem(w, lang)]),
  ];
}

/** The workbook as bytes. */
export async function tfpWorkbook(result: TfpResult | FirmResult, lang: Lang): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'xinzhi';
  addSheet(
    wb,
    TFP_SHEETS.method,
    [
      { header: bi('项目', 'Item'), width: 22 },
      { header: bi('内容', 'Value'), width: 70 },
    ],
    methodRows(result, lang),
  );
  const { unit, time } = result.model;
  if ('coefficients' in result) {
    addSheet(
      wb,
      TFP_SHEETS.coefficients,
      [
        { header: bi('变量', 'Variable'), width: 18 },
        { header: bi('系数', 'Estimate'), numFmt: FMT },
        { header: bi('标准误', 'SE'), numFmt: FMT },
      ],
      Object.entries(result.coefficients).map(([c, v]) => [c, v.estimate, v.se]),
    );
    addSheet(
      wb,
      TFP_SHEETS.periods,
      [
        { header: plain(time) },
        { header: bi('企业数', 'Firms'), numFmt: '0' },
        { header: bi('均值', 'Mean'), numFmt: FMT },
        { header: bi('标准差', 'SD'), numFmt: FMT },
        { header: plain('P10'), numFmt: FMT },
        { header: bi('中位数', 'Median'), numFmt: FMT },
        { header: plain('P90'), numFmt: FMT },
      ],
      result.byTime.map((r) => [r.time, r.firms, r.mean, r.sd, r.p10, r.median, r.p90]),
    );
    addSheet(
      wb,
      TFP_SHEETS.tfp,
      [{ header: plain(unit), width: 16 }, { header: plain(time) }, { header: bi('ln TFP', 'ln TFP'), numFmt: FMT }],
      result.tfp.map((r) => [r.unit, r.time, r.value]),
    );
  } else if (result.results.length > 0) {
    const m = result.model;
    const columns = [...m.inputs, ...m.outputs, ...m.undesirable];
    const cols: ColumnDef[] = [
      { header: plain(unit), width: 16 },
      { header: plain(time) },
      { header: bi('状态', 'Status'), width: 12 },
      { header: bi('效率', 'Efficiency'), numFmt: FMT },
      { header: bi('超效率', 'Super-efficiency'), numFmt: '0' },
      ...columns.map((c) => ({ header: bi(`松弛 ${c}`, `slack ${c}`), numFmt: FMT })),
      ...columns.map((c) => ({ header: bi(`占比 ${c}`, `share ${c}`), numFmt: '0.00%' })),
      { header: bi('主要来源', 'Main source'), width: 16 },
      { header: bi('框架节点', 'Framework node'), width: 24 },
    ];
    addSheet(
      wb,
      TFP_SHEETS.efficiency,
      cols,
      result.results.map((r) => [
        r.unit,
        typeof r.time === 'number' ? r.time : String(r.time),
        r.status,
        r.efficiency,
        r.superEfficiency ? 1 : 0,
        ...columns.map((c) => (r.status === 'optimal' ? (r.slacks[c] ?? null) : null)),
        ...columns.map((c) => (r.status === 'optimal' ? (r.shares[c] ?? null) : null)),
        r.source?.column ?? null,
        r.source?.node ?? null,
      ]),
    );
  } else {
    const tc = result.model.type === 'gml' ? 'BPC' : 'TC';
    const t = (x: unknown) => (typeof x === 'number' ? x : String(x));
    addSheet(
      wb,
      TFP_SHEETS.index,
      [
        { header: plain(unit), width: 16 },
        { header: bi('从', 'From') },
        { header: bi('到', 'To') },
        { header: bi('状态', 'Status'), width: 12 },
        { header: plain(result.model.type.toUpperCase()), numFmt: FMT },
        { header: plain('EC'), numFmt: FMT },
        { header: plain(tc), numFmt: FMT },
      ],
      result.index.map((r) => [r.unit, t(r.from), t(r.to), r.status, r.value, r.ec, r.tc]),
    );
    addSheet(
      wb,
      TFP_SHEETS.cumulative,
      [
        { header: plain(unit), width: 16 },
        { header: plain(time) },
        { header: bi('累积指数', 'Cumulative index'), numFmt: FMT },
      ],
      result.cumulative.map((r) => [r.unit, t(r.time), r.value]),
    );
  }
  return xlsxBytes(wb);
}
