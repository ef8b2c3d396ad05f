/**
 * One run of a TFP model on a panel: checks the data, builds the observations
 * period by period, solves every programme once (in chunks: chunks.ts, here
 * or on worker threads with the same result) and returns one result object
 * (carrying the model as used and the solver) that the CLI and reports only
 * format.
 *
 * DEA models (ccr, bcc, sbm) are solved period by period against that period's
 * frontier (contemporaneous frontier, as DEA-Solver and MaxDEA do for panel
 * data). Indices (malmquist, ml, gml) need a balanced panel and report every
 * consecutive pair of periods and the cumulative index (first period = 1).
 */
import { XinzhiError, type Problem } from '../errors.ts';
import { bi } from '../i18n.ts';
import type { Panel, Time } from '../panel/types.ts';
import type { LpSolver, LpStatus } from './lp.ts';
import type { TfpModel } from './model.ts';
import {
  type ChunkOut,
  type DeaJob,
  type DeaParts,
  type DeaRunner,
  planChunks,
  type ScoreOut,
  solveDeaJob,
  solveDeaJobAsync,
} from './chunks.ts';
import { cumulativeIndex, indexJob, indexValues } from './productivity.ts';
import type { DeaScore } from './score.ts';
import type { Observation } from './technology.ts';
import { inefficiencyShares } from './shares.ts';

/** Efficiency of one unit in one period. */
export interface TfpEfficiencyRow {
  unit: string;
  time: Time;
  status: LpStatus;
  efficiency: number | null;
  /**
   * True when the score is a super-efficiency score (the unit is efficient and `super` was asked):
   * Tone (2002) for SBM, Andersen & Petersen (1993) for CCR / BCC.
   */
  superEfficiency: boolean;
  /** Slacks by column: input excess, desirable-output shortfall, undesirable-output excess. */
  slacks: Record<string, number>;
  /** Share of the unit's inefficiency due to each column (sums to 1; all 0 for an efficient unit). See shares.ts. */
  shares: Record<string, number>;
  /** The column with the largest share and its framework node (model.nodes); null for an efficient unit. */
  source: { column: string; share: number; node: string | null } | null;
}

/** Productivity change of one unit from one period to the next. */
export interface TfpIndexRow {
  unit: string;
  from: Time;
  to: Time;
  status: LpStatus;
  value: number | null;
  ec: number | null;
  tc: number | null;
}

export interface TfpCumulativeRow {
  unit: string;
  time: Time;
  value: number | null;
}

export interface TfpResult {
  model: TfpModel;
  /** LP solver and version. */
  solver: string;
  units: string[];
  times: Time[];
  results: TfpEfficiencyRow[];
  index: TfpIndexRow[];
  cumulative: TfpCumulativeRow[];
  /** Warnings about the data (e.g. a constant column); errors are thrown instead. */
  warnings: Problem[];
}

function compareTime(a: Time, b: Time): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** Every model value must be a positive finite number; collect the problems of the others. */
function checkValues(panel: Panel, model: TfpModel): Problem[] {
  const problems: Problem[] = [];
  const columns = [...model.inputs, ...model.outputs, ...model.undesirable];
  for (const c of columns) {
    const col = panel.columns[c];
    if (!col) {
      problems.push({
        code: 'missing-column',
        severity: 'error',
        file: panel.source,
        column: c,
        message: bi(`数据中没有列 "${c}"。`, `The data has no column "${c}".`),
        fix: bi('检查模型中的列名。', 'Check the column names in the model.'),
      });
      continue;
    }
    for (let r = 0; r < col.length; r++) {
      const v = col[r];
      if (Number.isFinite(v) && v > 0) continue;
      const where: Problem = {
        code: '',
        severity: 'error',
        file: panel.source,
        row: panel.sourceRow?.[r],
        column: c,
        unit: panel.unit[r],
        time: panel.time[r],
        message: bi('', ''),
      };
      if (Number.isNaN(v)) {
        problems.push({
          ...where,
          code: 'tfp-missing-value',
          message: bi('缺少数值；DEA 不能有缺失值。', 'Missing value; DEA cannot use a missing value.'),
          fix: bi(
            '补上该值（并说明来源），或从数据中删去这一单位。',
            'Fill in the value (and say from where), or remove this unit from the data.',
          ),
        });
      } else {
        problems.push({
          ...where,
          code: 'tfp-nonpositive',
          message: bi(
            `值 ${v} 不是正数；DEA 的投入和产出必须为正（SBM 按每个值相除，方向距离以它为方向）。`,
            `Value ${v} is not positive; DEA inputs and outputs must be positive ` +
              '(SBM divides by each value, the directional distance uses it as direction).',
          ),
          fix: bi(
            '检查该值；若确为零，删去该单位，或有理由地改用小的正数并在报告中说明。',
            'Check the value; if it is really zero, remove the unit, ' +
              'or use a small positive constant you can justify and state it.',
          ),
        });
      }
    }
    const first = col[0];
    if (col.length > 1 && Array.from(col).every((v) => v === first)) {
      problems.push({
        code: 'tfp-constant-column',
        severity: 'warning',
        file: panel.source,
        column: c,
        message: bi(
          `列 "${c}" 在所有单位和时期都相同（${first}），它不区分任何单位；在 BCC 投入导向下会使所有单位有效。`,
          `Column "${c}" is the same (${first}) for every unit and period; it separates no unit, ` +
            'and under BCC input orientation it makes every unit efficient.',
        ),
        fix: bi('确认该列是否应进入模型。', 'Check whether the column belongs in the model.'),
      });
    }
  }
  return problems;
}

interface Grid {
  times: Time[];
  units: string[];
  /** cell[t][u]: panel row of unit u in period t, or -1. */
  cell: number[][];
}

function grid(panel: Panel): Grid {
  const times = [...new Set(panel.time)].sort(compareTime);
  const units = [...new Set(panel.unit)];
  const tIndex = new Map(times.map((t, i) => [t, i]));
  const uIndex = new Map(units.map((u, i) => [u, i]));
  const cell = times.map(() => new Array<number>(units.length).fill(-1));
  panel.unit.forEach((u, r) => {
    cell[tIndex.get(panel.time[r]) as number][uIndex.get(u) as number] = r;
  });
  return { times, units, cell };
}

function observation(panel: Panel, model: TfpModel, r: number): Observation {
  return {
    x: model.inputs.map((c) => panel.columns[c][r]),
    y: model.outputs.map((c) => panel.columns[c][r]),
    b: model.undesirable.map((c) => panel.columns[c][r]),
  };
}

function slackRecord(model: TfpModel, score: DeaScore): Record<string, number> {
  const out: Record<string, number> = {};
  if (score.status !== 'optimal') return out;
  model.inputs.forEach((c, i) => (out[c] = score.slacks.x[i]));
  model.outputs.forEach((c, i) => (out[c] = score.slacks.y[i]));
  model.undesirable.forEach((c, i) => (out[c] = score.slacks.b[i]));
  return out;
}

function mainSource(model: TfpModel, shares: Record<string, number>): TfpEfficiencyRow['source'] {
  let best: string | null = null;
  for (const [c, v] of Object.entries(shares)) if (v > 0 && (best === null || v > shares[best])) best = c;
  return best === null ? null : { column: best, share: shares[best], node: model.nodes[best] ?? null };
}

/** The job of a run by period: every observation against its period's frontier (chunks.ts). */
function staticJob(
  panel: Panel,
  model: TfpModel,
  g: Grid,
): { job: DeaJob; present: Array<Array<{ r: number; u: number }>> } {
  const present = g.times.map((_, t) => g.cell[t].map((r, u) => ({ r, u })).filter((c) => c.r >= 0));
  const periods = present.map((cells) => cells.map((c) => observation(panel, model, c.r)));
  const settings = {
    type: model.type as 'ccr' | 'bcc' | 'sbm',
    rts: model.rts,
    orientation: model.orientation,
    super: model.super,
  };
  const chunks = planChunks(periods.map((p, t) => ({ periods: [t], count: p.length })));
  return { job: { periods, settings: { score: settings }, chunks }, present };
}

function staticRows(
  model: TfpModel,
  g: Grid,
  { job, present }: ReturnType<typeof staticJob>,
  outs: ChunkOut[],
): TfpEfficiencyRow[] {
  const rows: TfpEfficiencyRow[] = [];
  job.chunks.forEach((c, k) =>
    (outs[k] as ScoreOut[]).forEach(({ score, superEfficiency }, i) => {
      const [t] = c.periods;
      const j = c.from + i;
      const shares = inefficiencyShares(model, job.periods[t][j], score, superEfficiency);
      rows.push({
        unit: g.units[present[t][j].u],
        time: g.times[t],
        status: score.status,
        efficiency: score.efficiency,
        superEfficiency,
        slacks: slackRecord(model, score),
        shares,
        source: mainSource(model, shares),
      });
    }),
  );
  return rows;
}

function requireBalanced(panel: Panel, g: Grid): void {
  const problems: Problem[] = [];
  g.cell.forEach((row, t) =>
    row.forEach((r, u) => {
      if (r < 0) {
        problems.push({
          code: 'tfp-unbalanced',
          severity: 'error',
          file: panel.source,
          unit: g.units[u],
          time: g.times[t],
          message: bi(
            '生产率指数需要平衡面板，此单位缺少这一期。',
            'A productivity index needs a balanced panel; this unit lacks this period.',
          ),
          fix: bi(
            '补齐该期数据，或从数据中删去该单位。',
            'Add the period for this unit, or remove the unit from the data.',
          ),
        });
      }
    }),
  );
  if (problems.length > 0) throw new XinzhiError(problems);
}

/** The job of an index run (productivity.ts indexJob) on a balanced panel. */
function indexRunJob(panel: Panel, model: TfpModel, g: Grid): DeaJob {
  requireBalanced(panel, g);
  const periods = g.cell.map((row) => row.map((r) => observation(panel, model, r)));
  const type = model.type as 'malmquist' | 'ml' | 'gml';
  const orientation = model.orientation === 'input' ? 'input' : 'output';
  const frontier = model.frontier === 'sequential' ? 'sequential' : 'contemporaneous';
  return indexJob(periods, { type, rts: model.rts, orientation, frontier });
}

function indexRows(g: Grid, job: DeaJob, outs: ChunkOut[]): { index: TfpIndexRow[]; cumulative: TfpCumulativeRow[] } {
  const values = indexValues(job, outs);
  const index: TfpIndexRow[] = values.map((v) => ({
    unit: g.units[v.unit],
    from: g.times[v.from],
    to: g.times[v.from + 1],
    status: v.status,
    value: v.value,
    ec: v.ec,
    tc: v.tc,
  }));
  const cumulative: TfpCumulativeRow[] = [];
  // each unit's links, grouped once (not a search of every value per unit)
  const byUnit: (typeof values)[] = g.units.map(() => []);
  for (const v of values) byUnit[v.unit].push(v);
  g.units.forEach((unit, u) => {
    const links = byUnit[u].sort((a, b) => a.from - b.from).map((v) => v.value);
    cumulativeIndex(links).forEach((value, t) => cumulative.push({ unit, time: g.times[t], value }));
  });
  return { index, cumulative };
}

/** A run's programmes as one job, and how its outputs become the result. */
function prepare(
  solver: LpSolver,
  panel: Panel,
  model: TfpModel,
): { job: DeaJob; finish: (outs: ChunkOut[]) => TfpResult } {
  const problems = checkValues(panel, model);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new XinzhiError(errors);
  const g = grid(panel);
  const base = {
    model,
    solver: solver.name,
    units: g.units,
    times: g.times,
    warnings: problems.filter((p) => p.severity === 'warning'),
  };
  if (model.type === 'malmquist' || model.type === 'ml' || model.type === 'gml') {
    const job = indexRunJob(panel, model, g);
    return { job, finish: (outs) => ({ ...base, results: [], ...indexRows(g, job, outs) }) };
  }
  const plan = staticJob(panel, model, g);
  return {
    job: plan.job,
    finish: (outs) => ({ ...base, results: staticRows(model, g, plan, outs), index: [], cumulative: [] }),
  };
}

/**
 * Run a TFP model on a panel. Throws XinzhiError for unusable data (missing or
 * non-positive values, an unbalanced panel for an index); warnings are returned.
 * @example runTfp(solver, panel, model).results[0].efficiency
 */
export function runTfp(solver: LpSolver, panel: Panel, model: TfpModel): TfpResult {
  const { job, finish } = prepare(solver, panel, model);
  return finish(solveDeaJob(solver, job));
}

/**
 * runTfp with the programmes' chunks spread over `parts` runners at once
 * (worker threads: adapters/io/dea-pool.ts; `parts` may be chosen from the
 * number of programmes); the same result as runTfp for any number of parts
 * (chunks.ts).
 * @example await runTfpAsync(solver, panel, model, { runPart: runDeaOnWorker, parts: (n) => deaParts(n) })
 */
export async function runTfpAsync(
  solver: LpSolver,
  panel: Panel,
  model: TfpModel,
  parallel?: { runPart: DeaRunner; parts: DeaParts },
): Promise<TfpResult> {
  const { job, finish } = prepare(solver, panel, model);
  return finish(await solveDeaJobAsync(solver, job, parallel));
}
