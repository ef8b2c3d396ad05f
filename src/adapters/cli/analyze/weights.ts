/**
 * `xinzhi analyze weights`: build a spatial weights matrix and print its
 * neighbours and weights. Also the shared spatial options (--weights, --geo,
 * --geo-key, --islands, --snap, --style) of moran, lisa and markov.
 *
 * --json prints {"weights": {"description", "style", "n", "links",
 * "isolates": [unit], "islandLinks": [[a, b]], "units": [{"unit",
 * "neighbours": [unit], "weights": [number]}]}}.
 */
import type { Command } from 'commander';
import { XinzhiError } from '../../../core/errors.ts';
import { both, bi } from '../../../core/i18n.ts';
import type { Panel } from '../../../core/panel/types.ts';
import {
  cardinalities,
  isolates,
  subset,
  toNeighbourList,
  withStyle,
  type SpatialWeights,
  type WeightsStyle,
} from '../../../core/analysis/spatial-weights.ts';
import { unitTimeMatrix } from '../../../core/analysis/markov.ts';
import { buildWeights, parseIslands } from '../../io/spatial.ts';
import { loadProvinceGeojson } from '../../io/geo.ts';
import { nodeScoreColumns, type AnalysisSource } from '../../../core/analysis/inputs.ts';
import type { AnalysisOptions, AnalysisSources, SpatialSummary } from '../../../core/analysis/runner.ts';
import { parseWeightsSpec } from '../../../core/analysis/weights-spec.ts';
import { badOption, pickLang, printJson } from '../util.ts';
import { readAnalysisInput, requireColumn, textTable, type InputOptions } from './input.ts';

export interface SpatialCliOptions {
  weights: string;
  geo?: string;
  geoKey?: string;
  islands?: string;
  snap?: string;
  style?: string;
}

/** Add the spatial-weights options to a command. */
export function spatialOptions(cmd: Command, required = true): Command {
  const help =
    'queen | rook | knn:K | idw[:POWER[:CUTOFF_KM]] | economic:COL | nested:COL[:PHI] | file:PATH / 空间权重';
  required ? cmd.requiredOption('--weights <spec>', help) : cmd.option('--weights <spec>', help);
  return cmd
    .option('--geo <file>', 'boundary GeoJSON (default: built-in China provinces) / 边界文件（默认内置省级边界）')
    .option(
      '--geo-key <prop>',
      'GeoJSON property holding the unit names (default: the best-matching one) / 与单位名称对应的属性',
    )
    .option(
      '--islands <rule>',
      'units without contiguity neighbours: nearest | none | "A-B,C-D" (default nearest) / 孤岛处理',
    )
    .option(
      '--snap <degrees>',
      'contiguity snapping tolerance in coordinate units (default 1.49e-8, as spdep) / 邻接容差',
    )
    .option('--style <W|B>', 'W row-standardised (default) | B binary/raw / 权重标准化方式');
}

function parseStyle(s: string | undefined): WeightsStyle {
  if (s === undefined || s === 'W' || s === 'w') return 'W';
  if (s === 'B' || s === 'b') return 'B';
  throw new XinzhiError({
    code: 'bad-option',
    severity: 'error',
    message: { zh: `--style "${s}" 无效`, en: `--style "${s}" is invalid` },
    fix: { zh: '使用 W（行标准化）或 B（二元 / 原始）', en: 'use W (row-standardised) or B (binary / raw)' },
  });
}

function parseSnap(value: string | undefined): number | undefined {
  const snap = value !== undefined ? Number(value) : undefined;
  if (snap !== undefined && !(snap >= 0)) {
    throw new XinzhiError({
      code: 'bad-option',
      severity: 'error',
      message: { zh: `--snap "${value}" 无效`, en: `--snap "${value}" is invalid` },
      fix: { zh: '给出非负数（经纬度单位为度）', en: 'give a non-negative number (degrees for lon/lat)' },
    });
  }
  return snap;
}

/** Units of a panel in first-seen order. */
export function panelUnits(panel: Panel): string[] {
  return [...new Set(panel.unit)];
}

/** Raw (unstyled) weights over the panel's units, plus the style asked for. */
export async function weightsForPanel(
  panel: Panel,
  opts: SpatialCliOptions,
  units = panelUnits(panel),
): Promise<{ raw: SpatialWeights; style: WeightsStyle }> {
  const style = parseStyle(opts.style);
  const snap = parseSnap(opts.snap);
  const economicMeans = (column: string): Float64Array => {
    const col = requireColumn(panel, column, '--weights economic:COL');
    const index = new Map(units.map((u, i) => [u, i]));
    const s = new Float64Array(units.length);
    const c = new Float64Array(units.length);
    panel.unit.forEach((u, r) => {
      const i = index.get(u);
      if (i !== undefined && Number.isFinite(col[r])) {
        s[i] += col[r];
        c[i]++;
      }
    });
    return s.map((v, i) => v / c[i]);
  };
  const raw = await buildWeights({
    spec: opts.weights,
    units,
    geo: opts.geo,
    geoKey: opts.geoKey,
    style: 'B',
    islands: parseIslands(opts.islands),
    snap,
    economicMeans,
  });
  return { raw, style };
}

/**
 * The core runner's spatial options and sources for a results.json given as
 * --data: the bundled province boundaries for queen, rook, knn and idw (the
 * runner matches the units, as the report and the web app do), or weights
 * built here from --geo, an edge-list file or an economic column.
 */
export async function runnerSpatial(
  ev: { result: AnalysisSource; source: string },
  opts: SpatialCliOptions,
): Promise<{ spatial: Partial<AnalysisOptions['spatial']>; sources: AnalysisSources }> {
  const style = parseStyle(opts.style);
  const snap = parseSnap(opts.snap);
  const islands = parseIslands(opts.islands);
  const spec = parseWeightsSpec(opts.weights);
  const spatial = { weights: opts.weights, style, islands, snap: snap ?? null };
  if (!opts.geo && (spec.kind === 'queen' || spec.kind === 'rook' || spec.kind === 'knn' || spec.kind === 'idw')) {
    return { spatial, sources: { geojson: await loadProvinceGeojson() } };
  }
  const panel: Panel = { unitKey: 'unit', timeKey: 'time', ...nodeScoreColumns(ev.result), source: ev.source };
  const { raw } = await weightsForPanel(panel, opts, ev.result.units);
  return { spatial, sources: { weights: raw } };
}

/** The weights part of the outputs of a runner's spatial summary (as weightsSummary, plus units left out). */
export function runnerWeightsSummary(s: SpatialSummary): {
  description: string;
  style: WeightsStyle;
  islandLinks: Array<[string, string]>;
  unmatched?: string[];
} {
  return {
    description: s.matrix,
    style: s.style,
    islandLinks: s.islandLinks,
    ...(s.unmatched.length ? { unmatched: s.unmatched } : {}),
  };
}

/** Restrict raw weights to some units and apply the style (re-standardised on the subset, as spdep `subset.listw`). */
export function styledSubset(raw: SpatialWeights, keep: number[], style: WeightsStyle): SpatialWeights {
  const sub = keep.length === raw.ids.length ? raw : subset(raw, keep);
  return withStyle(sub, style);
}

/** The weights part of the moran / lisa / markov outputs (raw weights plus the style applied per cross-section). */
export function weightsSummary(
  raw: SpatialWeights,
  style: WeightsStyle,
): { description: string; style: WeightsStyle; islandLinks: Array<[string, string]> } {
  return { description: raw.description, style, islandLinks: raw.islandLinks ?? [] };
}

/** The warning of units the runner left out because they are not on the boundaries (empty when none were). */
export function unmatchedWarning(s: SpatialSummary): string[] {
  return s.unmatched.length
    ? [`未与边界匹配的单位已剔除 / units not on the boundaries left out: ${s.unmatched.join(', ')}`]
    : [];
}

/** The warning of a cross-section whose units without a value were dropped (empty when none were). */
export function missingWarning(cs: Pick<CrossSection, 'missing'>): string[] {
  return cs.missing.length ? [`缺失值单位已剔除 / units without a value dropped: ${cs.missing.join(', ')}`] : [];
}

/** JSON form of a weights matrix. */
export function weightsJson(w: SpatialWeights): unknown {
  const nb = toNeighbourList(w);
  return {
    description: w.description,
    style: w.style,
    n: w.ids.length,
    links: w.neighbours.length,
    isolates: isolates(w).map((i) => w.ids[i]),
    islandLinks: w.islandLinks ?? [],
    units: w.ids.map((u, i) => ({
      unit: u,
      neighbours: nb.neighbours[i].map((j) => w.ids[j]),
      weights: nb.weights![i],
    })),
  };
}

interface WeightsCmdOptions extends InputOptions, SpatialCliOptions {
  unitList?: string;
  lang?: string;
  json?: boolean;
}

export function registerWeights(analyze: Command): void {
  const cmd = analyze
    .command('weights')
    .description('Build a spatial weights matrix and print neighbours and weights / 构建空间权重矩阵并输出邻居与权重')
    .option(
      '--unit-list <units>',
      'comma-separated units instead of --data (e.g. provinces) / 用逗号分隔的单位列表代替 --data',
    )
    .option('--data <file>', 'panel file whose units get weights / 数据文件')
    .option('--unit <col>', 'unit column / 单位列')
    .option('--time <col>', 'time column / 时间列')
    .option('--sheet <name>', 'XLSX sheet / 工作表')
    .option('--lang <lang>', 'language of the output: zh | en / 输出语言')
    .option('--json', 'print one JSON document / 输出 JSON');
  spatialOptions(cmd).action(async (opts: WeightsCmdOptions) => {
    const lang = pickLang(opts.lang);
    let panel: Panel;
    if (opts.unitList) {
      const units = opts.unitList
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      panel = { unitKey: 'unit', timeKey: null, unit: units, time: units.map(() => ''), columns: {} };
    } else if (opts.data) {
      panel = await readAnalysisInput(opts);
    } else {
      throw new XinzhiError({
        code: 'missing-option',
        severity: 'error',
        message: { zh: '缺少 --data 或 --unit-list', en: 'neither --data nor --unit-list is given' },
        fix: {
          zh: '用 --data 文件 --unit 列，或 --unit-list A,B,C',
          en: 'give --data FILE --unit COL, or --unit-list A,B,C',
        },
      });
    }
    const { raw, style } = await weightsForPanel(panel, opts);
    const w = withStyle(raw, style);
    if (opts.json) {
      printJson({ weights: weightsJson(w) });
      return;
    }
    const card = cardinalities(w);
    const nb = toNeighbourList(w);
    const out = [
      both(
        bi(
          `空间权重：${w.description}，${w.style === 'W' ? '行标准化' : '原始权重'}`,
          `Spatial weights: ${w.description}, ${w.style === 'W' ? 'row-standardised' : 'raw'}`,
        ),
      ),
      textTable(
        [
          lang === 'zh' ? '单位' : 'unit',
          lang === 'zh' ? '邻居数' : 'neighbours',
          lang === 'zh' ? '邻居（权重）' : 'neighbours (weight)',
        ],
        w.ids.map((u, i) => [
          u,
          card[i],
          nb.neighbours[i].map((j, k) => `${w.ids[j]} (${nb.weights![i][k].toPrecision(3)})`).join(', '),
        ]),
      ),
    ];
    if (w.islandLinks?.length)
      out.push(
        both(
          bi(
            `孤岛连接：${w.islandLinks.map((p) => p.join('–')).join('；')}`,
            `Island links: ${w.islandLinks.map((p) => p.join('–')).join('; ')}`,
          ),
        ),
      );
    process.stdout.write(out.join('\n') + '\n');
  });
}

/** One cross-section of a panel column: the units with a value at this time (indices into `units`). */
export interface CrossSection {
  time: string | number | null;
  keep: number[];
  values: Float64Array;
  /** Units dropped because their value is missing at this time. */
  missing: string[];
}

/**
 * Split a panel column into cross-sections by time (one with time null for a
 * cross-sectional file), times in the order of {@link unitTimeMatrix}. The
 * panel has one row per unit and time (tableToPanel rejects duplicates).
 */
export function crossSections(panel: Panel, column: string, units: string[]): CrossSection[] {
  requireColumn(panel, column);
  const m = unitTimeMatrix(panel, column, units);
  return m.times.map((time, k) => {
    const row = m.y[k];
    const keep: number[] = [];
    const missing: string[] = [];
    row.forEach((v, i) => (Number.isFinite(v) ? keep.push(i) : missing.push(units[i])));
    return { time: panel.timeKey ? time : null, keep, values: Float64Array.from(keep, (i) => row[i]), missing };
  });
}

/** Alternatives of the global and local spatial tests (spdep's names). */
export const ALTERNATIVES = ['greater', 'less', 'two.sided'] as const;
export type Alternative = (typeof ALTERNATIVES)[number];

/** The --alternative option of moran / geary: one of ALTERNATIVES, else a bad-option error. */
export function parseAlternative(value: string | undefined, fallback: Alternative): Alternative {
  const alt = value ?? fallback;
  if (!(ALTERNATIVES as readonly string[]).includes(alt)) throw badOption('--alternative', alt, ALTERNATIVES);
  return alt as Alternative;
}
