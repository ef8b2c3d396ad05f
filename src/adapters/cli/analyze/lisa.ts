/**
 * `xinzhi analyze lisa`: local Moran's I (spdep localmoran) with clusters
 * HH / LL / HL / LH / ns per time.
 *
 * --json prints {"alpha", "results": [{"time", "units": [{"unit", "Ii",
 * "expected", "variance", "z", "p", "pSim"?, "quadrant", "cluster"}],
 * "counts": {"HH", "LL", "HL", "LH", "ns"}, "missing", "warnings"}], "names"?:
 * {value column: {zh, en}}} (the name from a results.json).
 * Clusters use the permutation p (pSim) when --permutations is given, else
 * the analytical p (conditional randomisation variance, two-sided).
 */
import type { Command } from 'commander';
import { XinzhiError } from '../../../core/errors.ts';
import { both, bi } from '../../../core/i18n.ts';
import { CLUSTER_LABELS, localMoran, type Cluster, type LocalMoranResult } from '../../../core/analysis/lisa.ts';
import { ANALYSIS_DEFAULTS, runAnalysis } from '../../../core/analysis/runner.ts';
import type { Time } from '../../../core/panel/types.ts';
import { pickLang, printJson } from '../util.ts';
import {
  columnLabel,
  inputOptions,
  namesJson,
  readAnalysisInput,
  readEvaluationInput,
  textTable,
  unitLabel,
  type InputOptions,
} from './input.ts';
import { permutationOptions } from './moran.ts';
import {
  crossSections,
  missingWarning,
  panelUnits,
  runnerSpatial,
  runnerWeightsSummary,
  spatialOptions,
  unmatchedWarning,
  styledSubset,
  weightsForPanel,
  weightsSummary,
  type SpatialCliOptions,
} from './weights.ts';

interface LisaCliOptions extends InputOptions, SpatialCliOptions {
  value: string;
  alpha?: string;
  permutations?: string;
  allowLarge?: boolean;
  seed?: string;
  lang?: string;
  json?: boolean;
}

/** One period of the --json output. */
function lisaJson(time: Time | null, values: ArrayLike<number>, r: LocalMoranResult, missing: string[]) {
  const counts: Record<Cluster, number> = { HH: 0, LL: 0, HL: 0, LH: 0, ns: 0 };
  r.cluster.forEach((c) => {
    counts[c]++;
  });
  return {
    time,
    units: r.ids.map((u, i) => ({
      unit: u,
      value: values[i],
      Ii: r.Ii[i],
      expected: r.expected[i],
      variance: r.variance[i],
      z: r.z[i],
      p: r.p[i],
      ...(r.pSim ? { pSim: r.pSim[i] } : {}),
      lag: r.lagCentred[i],
      quadrant: r.quadrant[i],
      cluster: r.cluster[i],
    })),
    counts,
    missing,
    warnings: [...r.warnings, ...missingWarning({ missing })],
  };
}

export async function runLisa(opts: LisaCliOptions) {
  const alpha = opts.alpha !== undefined ? Number(opts.alpha) : ANALYSIS_DEFAULTS.lisa.alpha;
  if (!(alpha > 0 && alpha < 1)) {
    throw new XinzhiError({
      code: 'bad-option',
      severity: 'error',
      message: { zh: `--alpha "${opts.alpha}" 无效`, en: `--alpha "${opts.alpha}" is invalid` },
      fix: { zh: '给出 0 与 1 之间的数，如 0.05', en: 'give a number between 0 and 1, e.g. 0.05' },
    });
  }
  const perm = permutationOptions(opts);
  const ev = await readEvaluationInput(opts.data);
  if (ev) {
    // a results.json: the core runner, every period
    const { spatial, sources } = await runnerSpatial(ev, opts);
    const run = runAnalysis(
      ev.result,
      'lisa',
      {
        node: opts.value,
        lisa: { alpha, time: 'all' },
        spatial: { ...spatial, ...(perm ? { permutations: perm.permutations, seed: perm.seed } : {}) },
      },
      sources,
    );
    const results = run.rows.map((row) => {
      const out = lisaJson(row.time, row.values, row.result, row.missing);
      return { ...out, warnings: [...out.warnings, ...unmatchedWarning(run.spatial)] };
    });
    return {
      weights: runnerWeightsSummary(run.spatial),
      alpha,
      permutations: perm,
      results,
      ...namesJson(ev.names, [opts.value]),
    };
  }
  const panel = await readAnalysisInput(opts);
  const units = panelUnits(panel);
  const { raw, style } = await weightsForPanel(panel, opts, units);
  const results = crossSections(panel, opts.value, units).map((cs) => {
    const w = styledSubset(raw, cs.keep, style);
    const r = localMoran(cs.values, w, {
      alpha,
      ...(perm ? { permutations: perm.permutations, seed: perm.seed } : {}),
    });
    return lisaJson(cs.time, cs.values, r, cs.missing);
  });
  return {
    weights: weightsSummary(raw, style),
    alpha,
    permutations: perm,
    results,
    ...namesJson(panel.names, [opts.value]),
  };
}

export function registerLisa(analyze: Command): void {
  const cmd = inputOptions(
    analyze.command('lisa').description("Local Moran's I (LISA) and clusters / 局部 Moran 指数与聚类"),
  )
    .requiredOption('--value <col>', 'value column / 数值列')
    .option('--alpha <a>', 'significance level of clusters (default 0.05) / 显著性水平')
    .option('--permutations <N>', 'conditional permutations (cluster p from them) / 条件置换次数')
    .option('--allow-large', 'allow more than 99999 permutations / 允许超过上限的置换次数')
    .option('--seed <S>', 'random seed (default 1) / 随机种子');
  spatialOptions(cmd).action(async (opts: LisaCliOptions) => {
    const lang = pickLang(opts.lang);
    const out = await runLisa(opts);
    if (opts.json) {
      printJson({
        method: {
          name: 'lisa',
          source: 'Anselin (1995); spdep localmoran (conditional variance, two-sided)',
          permutation: out.permutations ? 'conditional, without replacement; folded pseudo p' : null,
        },
        value: opts.value,
        weights: out.weights,
        alpha: out.alpha,
        results: out.results,
        ...(out.names ? { names: out.names } : {}),
      });
      return;
    }
    const h = (zh: string, en: string) => (lang === 'zh' ? zh : en);
    const lines: string[] = [
      both(
        bi(
          `局部 Moran 指数（${columnLabel(out.names, opts.value, 'zh')}；α = ${out.alpha}）`,
          `Local Moran's I (${columnLabel(out.names, opts.value, 'en')}; α = ${out.alpha})`,
        ),
      ),
    ];
    for (const r of out.results) {
      if (r.time !== null) lines.push('', `${h('时间', 'time')} ${r.time}`);
      lines.push(
        textTable(
          [
            h('单位', 'unit'),
            'Ii',
            'z',
            'p',
            ...(out.permutations ? [h('置换 p', 'perm. p')] : []),
            h('聚类', 'cluster'),
          ],
          r.units.map((u) => [
            unitLabel(u.unit, lang),
            u.Ii,
            u.z,
            u.p,
            ...(out.permutations ? [u.pSim ?? null] : []),
            CLUSTER_LABELS[u.cluster][lang],
          ]),
        ),
      );
      for (const w of r.warnings) lines.push(w);
    }
    process.stdout.write(lines.join('\n') + '\n');
  });
}
