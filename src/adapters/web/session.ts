/**
 * The computation side of the web app: the same core as the CLI, driven by
 * the Web Worker (worker.ts). A session holds the parsed data file and the
 * last evaluation; every number the UI shows comes from a core function
 * called here (parseTable, tableToPanel, evaluate, and the analysis runner
 * of core/analysis/runner.ts, which the CLI and the report call too, with
 * the same defaults). The only glue here is choosing columns (as the CLI's
 * readSpecPanel does) and shaping the runner's results for the panels.
 *
 * Browser-safe: no Node modules; also runs in Node (tests, bench).
 */
import { parseTable } from '../formats/table.ts';
import { interpretRun } from '../../core/analysis/interpret.ts';
import { edgesFromTable } from '../../core/analysis/edge-list.ts';
import type { Edge, SpatialWeights } from '../../core/analysis/spatial-weights.ts';
import { buildSpatialWeights } from '../../core/analysis/weights-spec.ts';
import {
  type EstimateContextOnTable,
  type EstimateOutput,
  type EstimateRequest,
  estimateOnTable,
  estimateOnTableAsync,
} from './estimate-session.ts';
import type { ComputePools } from './compute-pool.ts';
import { browserEngine } from './engine.ts';
import { tableToPanel } from '../../core/panel/from-table.ts';
import { type IdColumn, idColumns } from '../../core/panel/id-columns.ts';
import { cellAt, headRows, type RawTable, rowCount } from '../../core/panel/raw-table.ts';
import type { Panel, Time } from '../../core/panel/types.ts';
import { XinzhiError, type Problem } from '../../core/errors.ts';
import { bi } from '../../core/i18n.ts';
import { type EvaluateOptions, evaluate, evaluateAsync, type ParallelDraws } from '../../core/measure/evaluate.ts';
import type { PairwiseRunner } from '../../core/measure/pairwise-jobs.ts';
import { rankRobustness } from '../../core/measure/robustness.ts';
import { parseSpec } from '../../core/measure/spec-schema.ts';
import { usedColumns } from '../../core/measure/record.ts';
import { INDEX_ID, type EvaluationResult } from '../../core/measure/result.ts';
import type { Spec } from '../../core/measure/spec.ts';
import type { CouplingForm, CouplingResult } from '../../core/analysis/coupling.ts';
import type { DagumGiniResult } from '../../core/analysis/dagum-gini.ts';
import type { KdeResult } from '../../core/analysis/kde.ts';
import type { Cluster } from '../../core/analysis/lisa.ts';
import type { MarkovResult, SpatialMarkovResult } from '../../core/analysis/markov.ts';
import type { MoranResult } from '../../core/analysis/moran.ts';
import type { TheilMeasure, TheilResult } from '../../core/analysis/theil.ts';
import type { BetaModel, SigmaResult } from '../../core/analysis/convergence.ts';
import type { Bilingual } from '../../core/i18n.ts';
import {
  obstacleRunRows,
  runAnalysis,
  type AnalysisOptions,
  type AnalysisOptionsInput,
  type CouplingByTime,
} from '../../core/analysis/runner.ts';

/**
 * Columns chosen for the panel: unit, time and text (grouping) columns, and
 * the layout: wide (one column per indicator, the default) or long (one row
 * per unit-time-indicator, with the indicator-name and value columns).
 */
export interface Roles {
  unit: string;
  time: string | null;
  labels: string[];
  shape?: 'wide' | 'long';
  /** long: column holding the indicator names. */
  indicator?: string;
  /** long: column holding the values. */
  value?: string;
  /** Duplicate unit-year rows: keep the first (each dropped row is reported as a warning); absent: an error. */
  duplicates?: 'keep-first';
}

export interface TableSummary {
  name: string;
  header: string[];
  rows: number;
  encoding?: string;
  sheet?: string;
  /** Every sheet of an XLSX workbook (for the sheet picker). */
  sheets?: string[];
  /** Spreadsheet rows passed over as title rows above the header. */
  skippedTitleRows?: number[];
  firstDataRow: number;
  preview: Array<Array<string | number | null>>;
  /** Guessed roles (from the spec when its columns are present). */
  guess: Roles;
}

export interface Inspection {
  roles: Roles;
  units: string[];
  times: Time[];
  /** Numeric columns read as indicators (identifier columns left out). */
  indicators: string[];
  /** Numeric columns recognised as codes or identifiers (core/panel/id-columns.ts), not offered as indicators. */
  codes: IdColumn[];
  problems: Problem[];
}

/** The browser's engine for the run record, when there is one. */
function engineOption(): { engine?: string } {
  const engine = browserEngine();
  return engine ? { engine } : {};
}

/** What a caller of Session.evaluate may add: the app's version, and progress of the Monte Carlo draws. */
export interface EvaluateRequestOptions {
  version?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface EvaluateOutput {
  result: EvaluationResult;
  /** Warnings from reading the data (the result's record has the rest). */
  readWarnings: Problem[];
  /** Milliseconds spent in tableToPanel + evaluate. */
  ms: number;
  /** Web Workers that computed at once (the Monte Carlo draws, the pairwise scores), when more than the app's one. */
  threads?: number;
}

/**
 * What a panel asks for; options left out take the runner's defaults
 * (ANALYSIS_DEFAULTS in core/analysis/runner.ts).
 */
export type AnalysisRequest =
  | { kind: 'coupling'; form?: CouplingForm }
  | { kind: 'obstacle'; top?: number; time?: Time }
  | { kind: 'gini'; node: string }
  | { kind: 'kde'; node: string }
  | { kind: 'moran'; node: string; weights?: WeightsKind }
  | { kind: 'lisa'; node: string; weights?: WeightsKind; time?: Time }
  | { kind: 'markov'; node: string; classes?: number; spatial?: WeightsKind | false }
  | { kind: 'theil'; node: string; measures?: TheilMeasure[] }
  | { kind: 'convergence'; node: string; model?: BetaModel };

/** The weights the panels offer (a subset of the weights grammar of core/analysis/weights-spec.ts). */
/** Weights from the bundled boundaries, or 'file': the edge list uploaded with setWeightsFile. */
export type WeightsKind = 'queen' | 'rook' | 'knn:4' | 'idw' | 'file';

/** Every output carries the options the runner used. */
interface Made {
  options: AnalysisOptions;
}
export interface CouplingOutput extends Made {
  kind: 'coupling';
  result: CouplingResult;
  byTime: CouplingByTime[];
}
export interface ObstacleOutput extends Made {
  kind: 'obstacle';
  dimensions: string[];
  /** Mean dimension obstacle by time. */
  byTime: Array<{ time: Time | null; dimensions: Record<string, number> }>;
  /** Latest time: top indicators per unit. */
  latest: Array<{
    unit: string;
    time: Time | null;
    top: Array<{ id: string; obstacle: number }>;
    dimensions: Record<string, number>;
  }>;
}
export interface GiniOutput extends Made {
  kind: 'gini';
  groupBy: string;
  results: Array<{ time: Time | null } & DagumGiniResult>;
}
export interface KdeOutput extends Made {
  kind: 'kde';
  result: KdeResult;
}
export interface MoranOutput extends Made {
  kind: 'moran';
  weights: Bilingual;
  /** Units not on the boundaries (left out). */
  unmatched: string[];
  results: Array<{ time: Time } & MoranResult>;
}
export interface LisaOutput extends Made {
  kind: 'lisa';
  weights: Bilingual;
  /** Units not on the boundaries (left out). */
  unmatched: string[];
  time: Time;
  units: string[];
  Ii: number[];
  p: number[];
  cluster: Cluster[];
}
export interface MarkovOutput extends Made {
  kind: 'markov';
  result: MarkovResult;
  /** Spatial Markov chain (when asked for): conditional chains by the neighbours' class, homogeneity test. */
  spatial?: { weights: Bilingual; result: SpatialMarkovResult };
  /** Why the spatial chain did not run. */
  spatialSkipped?: Bilingual;
}
export interface TheilOutput extends Made {
  kind: 'theil';
  groupBy: string;
  measures: TheilMeasure[];
  results: Array<{ time: Time | null } & TheilResult>;
}
export interface ConvergenceOutput extends Made {
  kind: 'convergence';
  sigma: SigmaResult;
  beta?: {
    beta: number;
    se: number;
    p: number;
    speed: number;
    halfLife: number;
    converging: boolean;
    observations: number;
    model: BetaModel;
    rSquared: number;
  };
  /** Why β-convergence did not run (e.g. too few periods for the two-way model). */
  betaSkipped?: Bilingual;
}
/** An analysis panel's output with the interpretation sentences of its run (core/analysis/interpret.ts). */
export type AnalysisOutput = { interpretation?: Bilingual[] } & (
  | CouplingOutput
  | ObstacleOutput
  | GiniOutput
  | TheilOutput
  | KdeOutput
  | MoranOutput
  | LisaOutput
  | MarkovOutput
  | ConvergenceOutput
);

const TIME_NAMES = ['year', 'years', 'time', 'period', '年份', '年', '时间', '年度'];
const UNIT_NAMES = [
  'province',
  'unit',
  'region name',
  'city',
  'firm',
  'code',
  '省份',
  '地区',
  '单位',
  '城市',
  '企业',
  '省',
];

const INDICATOR_NAMES = [
  'indicator',
  'indicators',
  'variable',
  'var',
  'item',
  'series',
  'measure',
  'indicator name',
  '指标',
  '指标名',
  '指标名称',
  '变量',
  '项目',
];
const VALUE_NAMES = ['value', 'values', 'val', 'amount', '数值', '值', '取值', '指标值'];

/**
 * Guess the unit and time columns of a header (the spec's when present) and
 * the layout: long when the header has an indicator-name and a value column
 * (by name), or, given the rows, when one text column varies within each
 * unit-time while exactly one other column holds numbers; wide otherwise,
 * and always wide when the spec's columns are all in the header.
 */
export function guessRoles(
  header: string[],
  spec?: Pick<Spec, 'unit' | 'time' | 'labels'> & Partial<Pick<Spec, 'indicators'>>,
  rows?: ReadonlyArray<ReadonlyArray<string | number | null>>,
): Roles {
  const has = (c: string | null | undefined): c is string => !!c && header.includes(c);
  const low = header.map((h) => h.trim().toLowerCase());
  const unit = has(spec?.unit) ? spec!.unit : (header[low.findIndex((h) => UNIT_NAMES.includes(h))] ?? header[0] ?? '');
  const time =
    spec && spec.time !== undefined && has(spec.time)
      ? spec.time
      : (header[low.findIndex((h) => TIME_NAMES.includes(h))] ?? null);
  const labels = (spec?.labels ?? []).filter((l) => has(l) && l !== unit && l !== time);
  const roles: Roles = { unit, time: time ?? null, labels };
  const specCols = spec?.indicators?.map((i) => i.column) ?? [];
  if (specCols.length && specCols.every((c) => header.includes(c))) return roles;
  const long = guessLong(header, low, unit, time ?? null, rows);
  return long
    ? { ...roles, labels: labels.filter((l) => l !== long.indicator && l !== long.value), shape: 'long', ...long }
    : roles;
}

function guessLong(
  header: string[],
  low: string[],
  unit: string,
  time: string | null,
  rows?: ReadonlyArray<ReadonlyArray<string | number | null>>,
): { indicator: string; value: string } | undefined {
  const free = (j: number) => header[j] !== unit && header[j] !== time && header[j] !== '';
  const ji = low.findIndex((h, j) => free(j) && INDICATOR_NAMES.includes(h));
  const jv = low.findIndex((h, j) => free(j) && VALUE_NAMES.includes(h));
  if (ji >= 0 && jv >= 0) return { indicator: header[ji], value: header[jv] };
  if (!rows?.length) return undefined;
  const ju = header.indexOf(unit),
    jt = time === null ? -1 : header.indexOf(time);
  const isNum = (c: string | number | null | undefined) =>
    typeof c === 'number' ||
    (typeof c === 'string' && c.trim() !== '' && Number.isFinite(Number(c.replace(/[,%\s]/g, ''))));
  const filled = (j: number) => rows.filter((r) => r[j] !== null && r[j] !== undefined && String(r[j]).trim() !== '');
  const numeric = (j: number) => filled(j).every((r) => isNum(r[j]));
  const cols = header.map((_, j) => j).filter(free);
  const numCols = cols.filter(numeric);
  // indicator-name candidates: every cell filled with text that is not a number
  const textCols = cols.filter((j) => filled(j).length === rows.length && rows.every((r) => !isNum(r[j])));
  if (numCols.length !== 1) return undefined;
  const key = (r: ReadonlyArray<string | number | null>) =>
    `${String(r[ju] ?? '')}\u0000${jt < 0 ? '' : String(r[jt] ?? '')}`;
  const pairs = new Set(rows.map(key));
  if (pairs.size * 2 > rows.length) return undefined; // (about) one row per unit-time: wide, perhaps with duplicates
  for (const j of textCols) {
    const triples = new Set(rows.map((r) => `${key(r)}\u0000${String(r[j] ?? '').trim()}`));
    if (triples.size === rows.length) return { indicator: header[j], value: header[numCols[0]] };
  }
  return undefined;
}

/** Options of tableToPanel for the roles' layout. */
export function layoutOptions(roles: Pick<Roles, 'shape' | 'indicator' | 'value' | 'duplicates'> | undefined): {
  shape?: 'wide' | 'long';
  indicator?: string;
  value?: string;
  duplicates?: 'keep-first';
} {
  const dup = roles?.duplicates ? { duplicates: roles.duplicates } : {};
  if (roles?.shape !== 'long') return { shape: 'wide', ...dup };
  return {
    shape: 'long',
    ...(roles.indicator ? { indicator: roles.indicator } : {}),
    ...(roles.value ? { value: roles.value } : {}),
    ...dup,
  };
}

export class Session {
  table?: RawTable;
  result?: EvaluationResult;
  private geojson?: unknown;
  private panelCache = new Map<string, { panel: Panel; problems: Problem[] }>();
  /** Layout of the data (wide / long), from the last inspect. */
  private layout: Pick<Roles, 'shape' | 'indicator' | 'value' | 'duplicates'> = {};
  /** The uploaded spatial weights edge list. */
  private weightsFile?: { name: string; edges: Edge[] };
  /** Roles of the last inspect (unit and time of an estimation without an evaluation). */
  private roles?: Roles;

  /** Parse a data file (CSV / XLSX / JSON); throws a XinzhiError on unreadable files. */
  async load(
    bytes: Uint8Array,
    name: string,
    spec?: Spec,
    read: { sheet?: string; headerRow?: number } = {},
  ): Promise<TableSummary> {
    const table = await parseTable(bytes, name, read);
    this.table = table;
    this.result = undefined;
    this.layout = {};
    this.roles = undefined;
    this.panelCache.clear();
    const summary: TableSummary = {
      name: table.name,
      header: table.header,
      rows: rowCount(table),
      firstDataRow: table.firstDataRow,
      preview: headRows(table, 8),
      guess: guessRoles(table.header, spec, headRows(table, 2000)),
    };
    if (table.encoding) summary.encoding = table.encoding;
    if (table.sheet) summary.sheet = table.sheet;
    if (table.sheets) summary.sheets = table.sheets;
    if (table.skippedTitleRows?.length) summary.skippedTitleRows = table.skippedTitleRows;
    return summary;
  }

  setGeojson(geojson: unknown): void {
    this.geojson = geojson;
  }

  private requireTable(): RawTable {
    if (!this.table)
      throw new XinzhiError({
        code: 'no-data',
        severity: 'error',
        message: bi('尚未加载数据', 'no data loaded yet'),
        fix: bi('先加载数据文件', 'load a data file first'),
      });
    return this.table;
  }

  /** Read the whole table as a panel with the given roles: units, times, numeric columns and every problem (with row and column). */
  inspect(roles: Roles): Inspection {
    const table = this.requireTable();
    const layout = {
      ...(roles.shape === 'long' ? { shape: roles.shape, indicator: roles.indicator, value: roles.value } : {}),
      ...(roles.duplicates ? { duplicates: roles.duplicates } : {}),
    };
    if (JSON.stringify(layout) !== JSON.stringify(this.layout)) this.panelCache.clear();
    this.layout = layout;
    this.roles = roles;
    const { panel, problems } = tableToPanel(table, {
      unit: roles.unit,
      time: roles.time,
      labels: roles.labels,
      ...layoutOptions(roles),
    });
    const codes = idColumns(panel);
    return {
      roles,
      units: [...new Set(panel.unit)],
      times: [...new Set(panel.time)].sort((a, b) =>
        typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)),
      ),
      indicators: Object.keys(panel.columns).filter((c) => !codes.some((x) => x.column === c)),
      codes,
      problems,
    };
  }

  /** The panel a spec needs (its columns and labels, as the CLI reads it); cached per column set. */
  private panelFor(spec: Spec): { panel: Panel; problems: Problem[] } {
    const table = this.requireTable();
    const used = usedColumns(spec);
    const header = table.header.map(String);
    const long = this.layout.shape === 'long';
    // the columns the data has: header names (wide) or the names in the indicator column (long)
    const present = long ? this.longIndicators(table) : new Set(header);
    const columns = used.columns.filter((c) => present.has(c));
    const labels = [...(spec.labels ?? []), ...(spec.missing?.group ? [spec.missing.group] : [])].filter(
      (l, i, a) => header.includes(l) && a.indexOf(l) === i && l !== this.layout.indicator && l !== this.layout.value,
    );
    const key = JSON.stringify([spec.unit, spec.time ?? null, columns, labels, this.layout]);
    let hit = this.panelCache.get(key);
    if (!hit) {
      hit = tableToPanel(table, {
        unit: spec.unit,
        time: spec.time ?? null,
        columns,
        labels,
        ...layoutOptions(this.layout),
      });
      if (this.panelCache.size > 8) this.panelCache.clear();
      this.panelCache.set(key, hit);
    }
    return hit;
  }

  /** Names in the indicator column of long data (trimmed, as tableToPanel reads them). */
  private longIndicators(table: RawTable): Set<string> {
    const j = table.header.indexOf(this.layout.indicator ?? 'indicator');
    const out = new Set<string>();
    if (j >= 0)
      for (let i = 0, n = rowCount(table); i < n; i++) {
        const v = cellAt(table, i, j);
        if (v !== null && v !== undefined && String(v).trim() !== '') out.add(String(v).trim());
      }
    return out;
  }

  /** Validate the spec, read the panel and evaluate (throws a XinzhiError listing every problem). */
  evaluate(specInput: unknown, opts: EvaluateRequestOptions = {}): EvaluateOutput {
    const t0 = now();
    const { panel, problems } = this.evaluationPanel(specInput);
    return this.evaluated(panel, evaluate(panel, specInput, this.evaluateOptions(opts)), problems, t0);
  }

  /**
   * `evaluate` with the Monte Carlo draws and the pairwise scores computed by
   * `pools` (the app's worker: other Web Workers, web/compute-pool.ts): the
   * same result.
   */
  async evaluateAsync(
    specInput: unknown,
    opts: EvaluateRequestOptions & {
      pools?: {
        parallel?: (rows: number, draws: number) => ParallelDraws | undefined;
        pairwise?: PairwiseRunner;
      };
    } = {},
  ): Promise<EvaluateOutput> {
    const t0 = now();
    const { panel, problems, spec } = this.evaluationPanel(specInput);
    const draws = spec.uncertainty?.draws ?? 0;
    const parallel = draws > 0 ? opts.pools?.parallel?.(panel.unit.length, draws) : undefined;
    const result = await evaluateAsync(panel, specInput, {
      ...this.evaluateOptions(opts),
      ...(parallel ? { parallel } : {}),
      ...(opts.pools?.pairwise ? { pairwise: opts.pools.pairwise } : {}),
    });
    return this.evaluated(panel, result, problems, t0);
  }

  /** The spec checked and the panel it reads (throws a XinzhiError listing every problem). */
  private evaluationPanel(specInput: unknown): { panel: Panel; problems: Problem[]; spec: Spec } {
    const first = parseSpec(specInput, { file: 'spec' });
    if (!first.spec || first.problems.some((p) => p.severity === 'error')) throw new XinzhiError(first.problems);
    const { panel, problems } = this.panelFor(first.spec);
    const errs = problems.filter((p) => p.severity === 'error');
    if (errs.length) throw new XinzhiError(errs);
    return { panel, problems, spec: first.spec };
  }

  private evaluateOptions(opts: EvaluateRequestOptions): EvaluateOptions {
    return {
      version: opts.version ?? 'web',
      ...engineOption(),
      source: this.table!.name,
      specFile: 'spec',
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      keepPrepared: true, // for the robustness check below
    };
  }

  /** The result with its robustness check, kept as the session's result. */
  private evaluated(panel: Panel, result: EvaluationResult, readWarnings: Problem[], t0: number): EvaluateOutput {
    result.robustness = rankRobustness(panel, result);
    this.result = result;
    return { result, readWarnings, ms: now() - t0 };
  }

  private requireResult(): EvaluationResult {
    if (!this.result)
      throw new XinzhiError({
        code: 'no-result',
        severity: 'error',
        message: bi('尚无测度结果', 'no evaluation result yet'),
        fix: bi('先运行测度', 'run the evaluation first'),
      });
    return this.result;
  }

  /** The runner's options of a panel request (what the request leaves out takes the runner's defaults). */
  private static optionsOf(req: AnalysisRequest): AnalysisOptionsInput {
    switch (req.kind) {
      case 'coupling':
        return { coupling: { form: req.form } };
      case 'obstacle':
        return { obstacle: { top: req.top } };
      case 'gini':
      case 'kde':
        return { node: req.node };
      case 'theil':
        return { node: req.node, theil: { measures: req.measures } };
      case 'moran':
        return { node: req.node, spatial: { weights: req.weights } };
      case 'lisa':
        return { node: req.node, spatial: { weights: req.weights }, lisa: { time: req.time } };
      case 'markov':
        return {
          node: req.node,
          markov: { classes: req.classes, spatial: req.spatial === undefined ? undefined : req.spatial !== false },
          spatial: { weights: req.spatial || undefined },
        };
      case 'convergence':
        return { node: req.node, convergence: { model: req.model } };
    }
  }

  /** Estimate one model on the loaded data, with the scores of the current evaluation available as `score:<node>` columns. */
  estimate(req: EstimateRequest): EstimateOutput {
    return estimateOnTable(this.requireTable(), this.estimateContext(req));
  }

  /** `estimate` with the model's bootstrap, placebo or permutation draws spread by `parallel` (compute workers): the same result. */
  estimateAsync(req: EstimateRequest, parallel: ComputePools['estimate']): Promise<EstimateOutput> {
    return estimateOnTableAsync(this.requireTable(), this.estimateContext(req), parallel);
  }

  private estimateContext(req: EstimateRequest): EstimateContextOnTable {
    return {
      ...(this.roles ? { roles: this.roles } : {}),
      ...(this.result ? { result: this.result } : {}),
      layout: layoutOptions(this.layout),
      req,
      spatial: {
        ...(this.geojson !== undefined ? { geojson: this.geojson } : {}),
        ...(this.weightsFile ? { weightsFile: this.weightsFile } : {}),
      },
    };
  }

  /** Run one analysis on the current result through the core runner, shaped for its panel. */
  /** Read a spatial weights edge list (from, to[, weight]: CSV / XLSX / JSON) for the 'file' weights choice. */
  async setWeightsFile(bytes: Uint8Array, name: string): Promise<{ name: string; edges: number }> {
    const edges = edgesFromTable(await parseTable(bytes, name));
    this.weightsFile = { name, edges };
    return { name, edges: edges.length };
  }

  /** The request with 'file' weights spelled in the runner's grammar, and the weights built from the uploaded edge list. */
  private spatialOf(req: AnalysisRequest, r: EvaluationResult): { req: AnalysisRequest; weights?: SpatialWeights } {
    const w =
      'weights' in req
        ? req.weights
        : req.kind === 'markov' && typeof req.spatial === 'string'
          ? req.spatial
          : undefined;
    if (w !== 'file') return { req };
    if (!this.weightsFile)
      throw new XinzhiError({
        code: 'no-weights-file',
        severity: 'error',
        message: bi('尚未上传空间权重文件', 'no spatial weights file has been uploaded'),
        fix: bi(
          '在“分析”页上传边列表（from,to[,weight]）',
          'upload an edge list (from,to[,weight]) on the Analysis page',
        ),
      });
    const spec = `file:${this.weightsFile.name}`;
    const weights = buildSpatialWeights({ kind: 'file', path: this.weightsFile.name }, r.units, {
      edges: this.weightsFile.edges,
      edgesSource: this.weightsFile.name,
    });
    const next = (req.kind === 'markov'
      ? { ...req, spatial: spec }
      : { ...req, weights: spec }) as unknown as AnalysisRequest;
    return { req: next, weights };
  }

  analyze(input: AnalysisRequest): AnalysisOutput {
    const r = this.requireResult();
    const { req, weights } = this.spatialOf(input, r);
    const options = Session.optionsOf(req);
    const sources = weights ? { weights } : this.geojson !== undefined ? { geojson: this.geojson } : {};
    switch (req.kind) {
      case 'coupling': {
        const run = runAnalysis(r, 'coupling', options, sources);
        return {
          interpretation: interpretRun(run),
          kind: 'coupling',
          options: run.options,
          result: run.result,
          byTime: run.byTime,
        };
      }
      case 'obstacle': {
        const run = runAnalysis(r, 'obstacle', options, sources);
        const at = req.time ?? run.latest;
        const latest = obstacleRunRows(run, at).map((x) => ({
          unit: x.unit,
          time: x.time,
          top: x.top,
          dimensions: x.dimensions,
        }));
        return {
          interpretation: interpretRun(run),
          kind: 'obstacle',
          options: run.options,
          dimensions: run.result.dimensions,
          byTime: run.mean.map((m) => ({ time: m.time, dimensions: m.dimensions })),
          latest,
        };
      }
      case 'gini': {
        const run = runAnalysis(r, 'gini', options, sources);
        return {
          interpretation: interpretRun(run),
          kind: 'gini',
          options: run.options,
          groupBy: run.grouping.by,
          results: run.rows,
        };
      }
      case 'kde': {
        const run = runAnalysis(r, 'kde', options, sources);
        return { interpretation: interpretRun(run), kind: 'kde', options: run.options, result: run.result };
      }
      case 'moran': {
        const run = runAnalysis(r, 'moran', options, sources);
        return {
          interpretation: interpretRun(run),
          kind: 'moran',
          options: run.options,
          weights: run.spatial.description,
          unmatched: run.spatial.unmatched,
          results: run.rows,
        };
      }
      case 'lisa': {
        const run = runAnalysis(r, 'lisa', options, sources);
        const { time, result: l } = run.rows[0];
        return {
          interpretation: interpretRun(run),
          kind: 'lisa',
          options: run.options,
          weights: run.spatial.description,
          unmatched: run.spatial.unmatched,
          time,
          units: l.ids,
          Ii: Array.from(l.Ii),
          p: Array.from(l.p),
          cluster: l.cluster,
        };
      }
      case 'theil': {
        const run = runAnalysis(r, 'theil', options, sources);
        return {
          interpretation: interpretRun(run),
          kind: 'theil',
          options: run.options,
          groupBy: run.grouping?.by ?? '',
          measures: run.measures,
          results: run.rows,
        };
      }
      case 'markov': {
        const run = runAnalysis(r, 'markov', options, sources);
        return {
          interpretation: interpretRun(run),
          kind: 'markov',
          options: run.options,
          result: run.chain,
          ...(run.spatial ? { spatial: { weights: run.spatial.summary.description, result: run.spatial.result } } : {}),
          ...(run.spatialSkipped ? { spatialSkipped: run.spatialSkipped } : {}),
        };
      }
      case 'convergence': {
        const run = runAnalysis(r, 'convergence', options, sources);
        const b = run.beta;
        const coef = b?.regression.coefficients.find((c) => c.name === 'ln_y');
        return {
          interpretation: interpretRun(run),
          kind: 'convergence',
          options: run.options,
          sigma: run.sigma,
          ...(b && coef
            ? {
                beta: {
                  beta: b.beta,
                  se: coef.se,
                  p: coef.p,
                  speed: b.speed,
                  halfLife: b.halfLife,
                  converging: b.converging,
                  observations: b.observations,
                  model: b.model,
                  rSquared: b.regression.rSquared,
                },
              }
            : {}),
          ...(run.betaSkipped ? { betaSkipped: run.betaSkipped } : {}),
        };
      }
    }
  }
}

/** Top-level dimensions of a result (children of the index), in order. */
export function topDimensions(result: EvaluationResult): string[] {
  return result.nodeWeights.filter((w) => w.kind === 'node' && w.parent === null).map((w) => w.id);
}

export { INDEX_ID };

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
