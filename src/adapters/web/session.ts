/**
 * The computation side of the web app: the same core as the CLI, driven by
 * the Web Worker (worker.ts). A session holds the parsed data file and the
 * last evaluation; every number the UI shows comes from a core function
 * called here (parseTable, tableToPanel, evaluate, the analysis methods).
 * The only glue here is choosing columns (as the CLI's readSpecPanel does),
 * arranging node scores as unit × time matrices, and building spatial
 * weights from the bundled boundaries (as adapters/io/spatial.ts does with
 * files, which the browser cannot read).
 *
 * Browser-safe: no Node modules; also runs in Node (tests, bench).
 */
import { parseTable } from '../formats/table.ts';
import { tableToPanel } from '../../core/panel/from-table.ts';
import type { RawTable } from '../../core/panel/raw-table.ts';
import type { Panel, Time } from '../../core/panel/types.ts';
import { XinzhiError, type Problem } from '../../core/errors.ts';
import { bi } from '../../core/i18n.ts';
import { evaluate } from '../../core/measure/evaluate.ts';
import { parseSpec } from '../../core/measure/spec-schema.ts';
import { usedColumns } from '../../core/measure/record.ts';
import { INDEX_ID, type EvaluationResult } from '../../core/measure/result.ts';
import type { Spec } from '../../core/measure/spec.ts';
import { findProvince, REGION_NAMES } from '../../core/geo/provinces.ts';
import {
  couplingCoordination, dagumGini, kdeByTime, obstacleFromEvaluation, sliceByTime, theil, topObstacles,
  type CouplingForm, type CouplingResult, type DagumGiniResult, type KdeResult, type TheilMeasure, type TheilResult,
} from '../../core/analysis/index-distribution.ts';
import {
  betaConvergence, centroids, contiguityWeights, inverseDistanceWeights, knnWeights, localMoran, markovChain, moran, sigmaConvergence, spatialMarkov, withStyle,
  type BetaModel, type Cluster, type MarkovResult, type MoranResult, type SigmaResult, type SpatialMarkovResult, type SpatialWeights, type UnitTimeMatrix,
} from '../../core/analysis/index-spatial.ts';
import type { MultiPolygonRings } from '../../core/geo/geometry.ts';
import { matchProvinces } from '../../core/geo/province-match.ts';

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
}

export interface TableSummary {
  name: string;
  header: string[];
  rows: number;
  encoding?: string;
  sheet?: string;
  firstDataRow: number;
  preview: Array<Array<string | number | null>>;
  /** Guessed roles (from the spec when its columns are present). */
  guess: Roles;
}

export interface Inspection {
  roles: Roles;
  units: string[];
  times: Time[];
  /** Numeric columns read as indicators. */
  indicators: string[];
  problems: Problem[];
}

export interface EvaluateOutput {
  result: EvaluationResult;
  /** Warnings from reading the data (the result's record has the rest). */
  readWarnings: Problem[];
  /** Milliseconds spent in tableToPanel + evaluate. */
  ms: number;
}

export type AnalysisRequest =
  | { kind: 'coupling'; form: CouplingForm }
  | { kind: 'obstacle'; top: number }
  | { kind: 'gini'; node: string }
  | { kind: 'kde'; node: string }
  | { kind: 'moran'; node: string; weights: WeightsKind }
  | { kind: 'lisa'; node: string; weights: WeightsKind; time: Time }
  | { kind: 'markov'; node: string; classes: number; spatial?: WeightsKind }
  | { kind: 'theil'; node: string; measures: TheilMeasure[] }
  | { kind: 'convergence'; node: string; model: BetaModel };

export type WeightsKind = 'queen' | 'rook' | 'knn:4' | 'idw';

export interface CouplingOutput { kind: 'coupling'; result: CouplingResult; byTime: Array<{ time: Time | null; meanC: number; meanT: number; meanD: number }> }
export interface ObstacleOutput {
  kind: 'obstacle';
  dimensions: string[];
  /** Mean dimension obstacle by time. */
  byTime: Array<{ time: Time | null; dimensions: Record<string, number> }>;
  /** Latest time: top indicators per unit. */
  latest: Array<{ unit: string; time: Time | null; top: Array<{ id: string; obstacle: number }>; dimensions: Record<string, number> }>;
}
export interface GiniOutput { kind: 'gini'; groupBy: string; results: Array<{ time: Time | null } & DagumGiniResult> }
export interface KdeOutput { kind: 'kde'; result: KdeResult }
export interface MoranOutput { kind: 'moran'; weights: string; results: Array<{ time: Time } & MoranResult> }
export interface LisaOutput { kind: 'lisa'; weights: string; time: Time; units: string[]; Ii: number[]; p: number[]; cluster: Cluster[] }
export interface MarkovOutput {
  kind: 'markov';
  result: MarkovResult;
  /** Spatial Markov chain (when asked for): conditional chains by the neighbours' class, homogeneity test. */
  spatial?: { weights: string; result: SpatialMarkovResult };
}
export interface TheilOutput { kind: 'theil'; groupBy: string; measures: TheilMeasure[]; results: Array<{ time: Time | null } & TheilResult> }
export interface ConvergenceOutput { kind: 'convergence'; sigma: SigmaResult; beta: { beta: number; se: number; p: number; speed: number; halfLife: number; converging: boolean; observations: number; model: BetaModel; rSquared: number } }
export type AnalysisOutput = CouplingOutput | ObstacleOutput | GiniOutput | TheilOutput | KdeOutput | MoranOutput | LisaOutput | MarkovOutput | ConvergenceOutput;

const TIME_NAMES = ['year', 'years', 'time', 'period', '年份', '年', '时间', '年度'];
const UNIT_NAMES = ['province', 'unit', 'region name', 'city', 'firm', 'code', '省份', '地区', '单位', '城市', '企业', '省'];

const INDICATOR_NAMES = ['indicator', 'indicators', 'variable', 'var', 'item', 'series', 'measure', 'indicator name', '指标', '指标名', '指标名称', '变量', '项目'];
const VALUE_NAMES = ['value', 'values', 'val', 'amount', '数值', '值', '取值', '指标值'];

/**
 * Guess the unit and time columns of a header (the spec's when present) and
 * the layout: long when the header has an indicator-name and a value column
 * (by name), or, given the rows, when one text column varies within each
 * unit-time while exactly one other column holds numbers; wide otherwise,
 * and always wide when the spec's columns are all in the header.
 */
export function guessRoles(header: string[], spec?: Pick<Spec, 'unit' | 'time' | 'labels'> & Partial<Pick<Spec, 'indicators'>>, rows?: ReadonlyArray<ReadonlyArray<string | number | null>>): Roles {
  const has = (c: string | null | undefined): c is string => !!c && header.includes(c);
  const low = header.map((h) => h.trim().toLowerCase());
  const unit = has(spec?.unit) ? spec!.unit : header[low.findIndex((h) => UNIT_NAMES.includes(h))] ?? header[0] ?? '';
  const time = spec && spec.time !== undefined && has(spec.time) ? spec.time : header[low.findIndex((h) => TIME_NAMES.includes(h))] ?? null;
  const labels = (spec?.labels ?? []).filter((l) => has(l) && l !== unit && l !== time);
  const roles: Roles = { unit, time: time ?? null, labels };
  const specCols = spec?.indicators?.map((i) => i.column) ?? [];
  if (specCols.length && specCols.every((c) => header.includes(c))) return roles;
  const long = guessLong(header, low, unit, time ?? null, rows);
  return long ? { ...roles, labels: labels.filter((l) => l !== long.indicator && l !== long.value), shape: 'long', ...long } : roles;
}

function guessLong(header: string[], low: string[], unit: string, time: string | null, rows?: ReadonlyArray<ReadonlyArray<string | number | null>>): { indicator: string; value: string } | undefined {
  const free = (j: number) => header[j] !== unit && header[j] !== time && header[j] !== '';
  const ji = low.findIndex((h, j) => free(j) && INDICATOR_NAMES.includes(h));
  const jv = low.findIndex((h, j) => free(j) && VALUE_NAMES.includes(h));
  if (ji >= 0 && jv >= 0) return { indicator: header[ji], value: header[jv] };
  if (!rows?.length) return undefined;
  const ju = header.indexOf(unit), jt = time === null ? -1 : header.indexOf(time);
  const isNum = (c: string | number | null | undefined) => typeof c === 'number' || (typeof c === 'string' && c.trim() !== '' && Number.isFinite(Number(c.replace(/[,%\s]/g, ''))));
  const filled = (j: number) => rows.filter((r) => r[j] !== null && r[j] !== undefined && String(r[j]).trim() !== '');
  const numeric = (j: number) => filled(j).every((r) => isNum(r[j]));
  const cols = header.map((_, j) => j).filter(free);
  const numCols = cols.filter(numeric);
  // indicator-name candidates: every cell filled with text that is not a number
  const textCols = cols.filter((j) => filled(j).length === rows.length && rows.every((r) => !isNum(r[j])));
  if (numCols.length !== 1) return undefined;
  const key = (r: ReadonlyArray<string | number | null>) => `${String(r[ju] ?? '')}\u0000${jt < 0 ? '' : String(r[jt] ?? '')}`;
  const pairs = new Set(rows.map(key));
  if (pairs.size * 2 > rows.length) return undefined; // (about) one row per unit-time: wide, perhaps with duplicates
  for (const j of textCols) {
    const triples = new Set(rows.map((r) => `${key(r)}\u0000${String(r[j] ?? '').trim()}`));
    if (triples.size === rows.length) return { indicator: header[j], value: header[numCols[0]] };
  }
  return undefined;
}

/** Options of tableToPanel for the roles' layout. */
function layoutOptions(roles: Pick<Roles, 'shape' | 'indicator' | 'value'> | undefined): { shape?: 'wide' | 'long'; indicator?: string; value?: string } {
  if (roles?.shape !== 'long') return { shape: 'wide' };
  return { shape: 'long', ...(roles.indicator ? { indicator: roles.indicator } : {}), ...(roles.value ? { value: roles.value } : {}) };
}

export class Session {
  table?: RawTable;
  result?: EvaluationResult;
  private geojson?: unknown;
  private panelCache = new Map<string, { panel: Panel; problems: Problem[] }>();
  /** Layout of the data (wide / long), from the last inspect. */
  private layout: Pick<Roles, 'shape' | 'indicator' | 'value'> = {};
  private weightsCache = new Map<string, SpatialWeights>();

  /** Parse a data file (CSV / XLSX / JSON); throws a XinzhiError on unreadable files. */
  async load(bytes: Uint8Array, name: string, spec?: Spec): Promise<TableSummary> {
    const table = await parseTable(bytes, name);
    this.table = table;
    this.result = undefined;
    this.layout = {};
    this.panelCache.clear();
    this.weightsCache.clear();
    const summary: TableSummary = {
      name: table.name, header: table.header, rows: table.rows.length, firstDataRow: table.firstDataRow,
      preview: table.rows.slice(0, 8), guess: guessRoles(table.header, spec, table.rows.slice(0, 2000)),
    };
    if (table.encoding) summary.encoding = table.encoding;
    if (table.sheet) summary.sheet = table.sheet;
    return summary;
  }

  setGeojson(geojson: unknown): void {
    this.geojson = geojson;
    this.weightsCache.clear();
  }

  private requireTable(): RawTable {
    if (!this.table) throw new XinzhiError({ code: 'no-data', severity: 'error', message: bi('尚未加载数据', 'no data loaded yet'), fix: bi('先加载数据文件', 'load a data file first') });
    return this.table;
  }

  /** Read the whole table as a panel with the given roles: units, times, numeric columns and every problem (with row and column). */
  inspect(roles: Roles): Inspection {
    const table = this.requireTable();
    const layout = roles.shape === 'long' ? { shape: roles.shape, indicator: roles.indicator, value: roles.value } : {};
    if (JSON.stringify(layout) !== JSON.stringify(this.layout)) this.panelCache.clear();
    this.layout = layout;
    const { panel, problems } = tableToPanel(table, { unit: roles.unit, time: roles.time, labels: roles.labels, ...layoutOptions(roles) });
    return {
      roles,
      units: [...new Set(panel.unit)],
      times: [...new Set(panel.time)].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)))),
      indicators: Object.keys(panel.columns),
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
    const labels = [...(spec.labels ?? []), ...(spec.missing?.group ? [spec.missing.group] : [])].filter((l, i, a) => header.includes(l) && a.indexOf(l) === i && l !== this.layout.indicator && l !== this.layout.value);
    const key = JSON.stringify([spec.unit, spec.time ?? null, columns, labels, this.layout]);
    let hit = this.panelCache.get(key);
    if (!hit) {
      hit = tableToPanel(table, { unit: spec.unit, time: spec.time ?? null, columns, labels, ...layoutOptions(this.layout) });
      if (this.panelCache.size > 8) this.panelCache.clear();
      this.panelCache.set(key, hit);
    }
    return hit;
  }

  /** Names in the indicator column of long data (trimmed, as tableToPanel reads them). */
  private longIndicators(table: RawTable): Set<string> {
    const j = table.header.indexOf(this.layout.indicator ?? 'indicator');
    const out = new Set<string>();
    if (j >= 0) for (const r of table.rows) { const v = r[j]; if (v !== null && String(v).trim() !== '') out.add(String(v).trim()); }
    return out;
  }

  /** Validate the spec, read the panel and evaluate (throws a XinzhiError listing every problem). */
  evaluate(specInput: unknown, opts: { version?: string; onProgress?: (done: number, total: number) => void } = {}): EvaluateOutput {
    const t0 = now();
    const first = parseSpec(specInput, { file: 'spec' });
    if (!first.spec || first.problems.some((p) => p.severity === 'error')) throw new XinzhiError(first.problems);
    const { panel, problems } = this.panelFor(first.spec);
    const errs = problems.filter((p) => p.severity === 'error');
    if (errs.length) throw new XinzhiError(errs);
    const result = evaluate(panel, specInput, {
      version: opts.version ?? 'web', source: this.table!.name, specFile: 'spec',
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
    this.result = result;
    return { result, readWarnings: problems, ms: now() - t0 };
  }

  private requireResult(): EvaluationResult {
    if (!this.result) throw new XinzhiError({ code: 'no-result', severity: 'error', message: bi('尚无测度结果', 'no evaluation result yet'), fix: bi('先运行测度', 'run the evaluation first') });
    return this.result;
  }

  /** Node scores as a unit × time matrix (units in result order, times sorted). */
  matrix(node: string): UnitTimeMatrix {
    const r = this.requireResult();
    const ui = new Map(r.units.map((u, i) => [u, i]));
    const ti = new Map(r.times.map((t, i) => [String(t), i]));
    const y = r.times.map(() => new Float64Array(r.units.length).fill(NaN));
    for (const s of r.nodeScores) if (s.node === node) y[ti.get(String(s.time))!][ui.get(s.unit)!] = s.score;
    return { units: r.units, times: r.times, y };
  }

  /** Column of node scores in result row order, with units and times. */
  private column(node: string): { unit: string[]; time: Time[]; value: number[] } {
    const r = this.requireResult();
    const rows = r.nodeScores.filter((s) => s.node === node);
    if (!rows.length) throw new XinzhiError({ code: 'unknown-node', severity: 'error', message: bi(`没有节点 "${node}" 的得分`, `no scores for node "${node}"`), fix: bi('选择综合指数或一个维度', 'choose the index or a dimension') });
    return { unit: rows.map((s) => s.unit), time: rows.map((s) => s.time), value: rows.map((s) => s.score) };
  }

  /** Group (region) of each unit: the data's "region" label when the spec keeps it, else the NBS region of a province. */
  private groups(units: string[]): { by: string; groups: string[] } {
    const r = this.requireResult();
    const labels = r.diagnostics.labels as Record<string, string[]> | undefined;
    const regionLabel = labels?.region;
    if (regionLabel) {
      const byUnit = new Map<string, string>();
      r.normalized.unit.forEach((u, i) => byUnit.set(u, regionLabel[i]));
      return { by: 'region', groups: units.map((u) => byUnit.get(u) ?? '') };
    }
    const out: string[] = [];
    for (const u of units) {
      const p = findProvince(u);
      if (!p) throw new XinzhiError({ code: 'no-groups', severity: 'error', message: bi('无法确定分组：数据没有 region 列，单位也不是省份', 'cannot tell the groups: the data has no region column and the units are not provinces'), fix: bi('在数据中加入 region 文本列，并在指标体系的 labels 中列出', 'add a region text column to the data and list it in the spec labels') });
      out.push(REGION_NAMES[p.region].en);
    }
    return { by: 'region (NBS)', groups: out };
  }

  /** Spatial weights of the result's units from the bundled province boundaries (row-standardised, as the CLI's default). */
  weights(kind: WeightsKind): SpatialWeights {
    const r = this.requireResult();
    const key = `${kind}\u0000${r.units.join('\u0001')}`;
    const hit = this.weightsCache.get(key);
    if (hit) return hit;
    if (!this.geojson) throw new XinzhiError({ code: 'no-geo', severity: 'error', message: bi('边界数据尚未载入', 'the boundaries are not loaded yet'), fix: bi('稍后重试', 'try again in a moment') });
    const m = matchProvinces(r.units, this.geojson);
    if (m.unmatched.length) {
      throw new XinzhiError(m.unmatched.slice(0, 10).map((u) => ({ code: 'unit-not-on-map', severity: 'error' as const, unit: u, message: bi(`单位 "${u}" 在省级边界中找不到`, `unit "${u}" is not found in the province boundaries`), fix: bi('使用省份中英文名称或 GB/T 2260 代码', 'use province names (English or Chinese) or GB/T 2260 codes') })));
    }
    const features = (this.geojson as { features: Array<{ properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }> }).features;
    const byEn = new Map(features.map((f) => [String(f.properties.ADM1_EN), f]));
    const shapes: MultiPolygonRings[] = r.units.map((u) => {
      const g = byEn.get(m.byUnit.get(u)!.en)!.geometry;
      return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as MultiPolygonRings;
    });
    let w: SpatialWeights;
    if (kind === 'queen' || kind === 'rook') w = contiguityWeights(r.units, shapes, { type: kind, islands: 'nearest', geographic: true });
    else if (kind === 'knn:4') w = knnWeights(r.units, centroids(shapes), 4, 'greatCircle');
    else w = inverseDistanceWeights(r.units, centroids(shapes), { metric: 'greatCircle' });
    w = withStyle(w, 'W');
    this.weightsCache.set(key, w);
    return w;
  }

  /** Run one analysis method on the current result. */
  analyze(req: AnalysisRequest): AnalysisOutput {
    const r = this.requireResult();
    switch (req.kind) {
      case 'coupling': {
        const systems = topDimensions(r);
        const cols = systems.map((s) => this.column(s));
        const base = cols[0] ?? { unit: [], time: [], value: [] };
        // Scores are Σ w x' of min-max values in [shift, 1 + shift] (times score.scale): undo the scale and accept
        // levels up to 1 + shift, as `xinzhi analyze coupling` does for a results.json (tolerance for rounding of Σ w).
        const spec = r.record.spec;
        const scale = spec.score?.scale ?? 1;
        const shift = spec.normalize.method === 'minmax' ? spec.normalize.shift ?? 0 : 0;
        const maxLevel = 1 + shift;
        const levels = cols.map((c) => (scale === 1 ? c.value : c.value.map((v) => v / scale)));
        const result = couplingCoordination({ systems, unit: base.unit, time: spec.time === null ? null : base.time, levels }, { form: req.form, maxLevel });
        const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
        const byTime = sliceByTime(result.rows.length, r.record.spec.time === null ? null : base.time).map((s) => {
          const rows = s.rows.map((i) => result.rows[i]);
          return { time: s.time, meanC: mean(rows.map((x) => x.C)), meanT: mean(rows.map((x) => x.T)), meanD: mean(rows.map((x) => x.D)) };
        });
        return { kind: 'coupling', result, byTime };
      }
      case 'obstacle': {
        const o = obstacleFromEvaluation(r);
        const slices = sliceByTime(o.rows.length, o.rows.map((x) => x.time ?? ''));
        const byTime = slices.map((s) => {
          const dims: Record<string, number> = {};
          for (const d of o.dimensions) dims[d] = s.rows.reduce((acc, i) => acc + o.rows[i].dimensions[d], 0) / s.rows.length;
          return { time: s.time, dimensions: dims };
        });
        const last = slices[slices.length - 1];
        const latest = (last?.rows ?? []).map((i) => {
          const row = o.rows[i];
          return { unit: row.unit, time: row.time, top: topObstacles(row, req.top).top, dimensions: row.dimensions };
        });
        return { kind: 'obstacle', dimensions: o.dimensions, byTime, latest };
      }
      case 'gini': {
        const c = this.column(req.node);
        const g = this.groups(c.unit);
        const results = sliceByTime(c.value.length, c.time).map((s) => ({ time: s.time, ...dagumGini(s.rows.map((i) => c.value[i]), s.rows.map((i) => g.groups[i]), { column: req.node }) }));
        return { kind: 'gini', groupBy: g.by, results };
      }
      case 'kde': {
        const c = this.column(req.node);
        return { kind: 'kde', result: kdeByTime(c.value, c.time, { column: req.node, points: 256 }) };
      }
      case 'moran': {
        const w = this.weights(req.weights);
        const m = this.matrix(req.node);
        return { kind: 'moran', weights: w.description, results: m.times.map((t, k) => ({ time: t, ...moran(m.y[k], w) })) };
      }
      case 'lisa': {
        const w = this.weights(req.weights);
        const m = this.matrix(req.node);
        const k = m.times.findIndex((t) => String(t) === String(req.time));
        const l = localMoran(m.y[k < 0 ? m.times.length - 1 : k], w);
        return { kind: 'lisa', weights: w.description, time: m.times[k < 0 ? m.times.length - 1 : k], units: m.units, Ii: Array.from(l.Ii), p: Array.from(l.p), cluster: l.cluster };
      }
      case 'theil': {
        const c = this.column(req.node);
        const g = this.groups(c.unit);
        const results = sliceByTime(c.value.length, c.time).map((s) => ({
          time: s.time,
          ...theil(s.rows.map((i) => c.value[i]), s.rows.map((i) => g.groups[i]), { measures: req.measures, column: req.node, locate: (i) => ({ unit: c.unit[s.rows[i]], time: c.time[s.rows[i]] }) }),
        }));
        return { kind: 'theil', groupBy: g.by, measures: req.measures, results };
      }
      case 'markov': {
        const m = this.matrix(req.node);
        const out: MarkovOutput = { kind: 'markov', result: markovChain(m, { classes: req.classes }) };
        if (req.spatial) {
          const w = this.weights(req.spatial);
          out.spatial = { weights: w.description, result: spatialMarkov(m, w, { classes: req.classes }) };
        }
        return out;
      }
      case 'convergence': {
        const m = this.matrix(req.node);
        const sigma = sigmaConvergence(m, { column: req.node });
        const b = betaConvergence(m, { model: req.model, column: req.node });
        const coef = b.regression.coefficients.find((c) => c.name === 'ln_y')!;
        return {
          kind: 'convergence', sigma,
          beta: { beta: b.beta, se: coef.se, p: coef.p, speed: b.speed, halfLife: b.halfLife, converging: b.converging, observations: b.observations, model: b.model, rSquared: b.regression.rSquared },
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
