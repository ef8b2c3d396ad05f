/**
 * `xinzhi analyze moran`: global Moran's I per time.
 *
 * --json prints {"results": [{"time", "I", "z", "p", ...}]} (DESIGN.md
 * contract): z and p under the randomisation assumption, p for the
 * alternative "greater" (spdep moran.test default); also expected (E[I]),
 * variance, pTwoSided, zNormal, pNormal, pNormalTwoSided, varianceNormal, n,
 * missing units, warnings, and with --permutations a "permutation" object
 * {permutations, seed, p, mean, variance, z}; "names"?: {value column: {zh, en}}
 * when the input is a results.json.
 */
import type { Command } from 'commander';
import { both, bi } from '../../../core/i18n.ts';
import { moran, moranPermutation } from '../../../core/analysis/moran.ts';
import { pickLang, printJson } from '../util.ts';
import {
  columnLabel,
  inputOptions,
  namesJson,
  readAnalysisInput,
  readEvaluationInput,
  textTable,
  type InputOptions,
} from './input.ts';
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
  parseAlternative,
  weightsSummary,
  type SpatialCliOptions,
} from './weights.ts';
import { ANALYSIS_DEFAULTS, runAnalysis } from '../../../core/analysis/runner.ts';
import { XinzhiError } from '../../../core/errors.ts';

interface MoranCliOptions extends InputOptions, SpatialCliOptions {
  value: string;
  permutations?: string;
  seed?: string;
  alternative?: string;
  lang?: string;
  json?: boolean;
}

/** Permutations allowed without --allow-large (a billion would run for hours with no way to tell). */
export const MAX_PERMUTATIONS = 99_999;

/** Parse --permutations / --seed (capped at MAX_PERMUTATIONS unless --allow-large). */
export function permutationOptions(opts: {
  permutations?: string;
  seed?: string;
  allowLarge?: boolean;
}): { permutations: number; seed: string } | null {
  if (opts.permutations === undefined) return null;
  const R = Number(opts.permutations);
  if (!(Number.isInteger(R) && R >= 1)) {
    throw new XinzhiError({
      code: 'bad-option',
      severity: 'error',
      message: {
        zh: `--permutations "${opts.permutations}" 无效`,
        en: `--permutations "${opts.permutations}" is invalid`,
      },
      fix: { zh: '给出正整数，如 999', en: 'give a positive integer, e.g. 999' },
    });
  }
  if (R > MAX_PERMUTATIONS && !opts.allowLarge)
    throw new XinzhiError({
      code: 'bad-option',
      severity: 'error',
      message: {
        zh: `--permutations ${R} 超过上限 ${MAX_PERMUTATIONS}`,
        en: `--permutations ${R} is above the limit of ${MAX_PERMUTATIONS}`,
      },
      fix: {
        zh: '999 或 9999 次已足够；确需更多时加 --allow-large',
        en: '999 or 9999 are enough for a p-value; add --allow-large if you really need more',
      },
    });
  return { permutations: R, seed: opts.seed ?? '1' };
}

export async function runMoran(opts: MoranCliOptions) {
  const perm = permutationOptions(opts);
  const alternative = parseAlternative(opts.alternative, ANALYSIS_DEFAULTS.spatial.alternative);
  const ev = await readEvaluationInput(opts.data);
  if (ev) {
    // a results.json: the core runner
    const { spatial, sources } = await runnerSpatial(ev, opts);
    const run = runAnalysis(
      ev.result,
      'moran',
      {
        node: opts.value,
        spatial: { ...spatial, alternative, ...(perm ? { permutations: perm.permutations, seed: perm.seed } : {}) },
      },
      sources,
    );
    const results = run.rows.map((m) => ({
      time: m.time,
      I: m.I,
      z: m.z,
      p: m.p,
      expected: m.expected,
      variance: m.variance,
      pTwoSided: m.pTwoSided,
      zNormal: m.zNormal,
      pNormal: m.pNormal,
      pNormalTwoSided: m.pNormalTwoSided,
      varianceNormal: m.varianceNormal,
      n: m.n,
      missing: m.missing,
      ...(m.permutation
        ? {
            permutation: {
              permutations: m.permutation.permutations,
              seed: m.permutation.seed,
              p: m.permutation.p,
              mean: m.permutation.mean,
              variance: m.permutation.variance,
              z: m.permutation.z,
            },
          }
        : {}),
      warnings: [...m.warnings, ...missingWarning(m), ...unmatchedWarning(run.spatial)],
    }));
    return { weights: runnerWeightsSummary(run.spatial), alternative, results, ...namesJson(ev.names, [opts.value]) };
  }
  const panel = await readAnalysisInput(opts);
  const units = panelUnits(panel);
  const { raw, style } = await weightsForPanel(panel, opts, units);
  const results = crossSections(panel, opts.value, units).map((cs) => {
    const w = styledSubset(raw, cs.keep, style);
    const m = moran(cs.values, w, { alternative });
    const warnings = [...m.warnings, ...missingWarning(cs)];
    const p = perm && Number.isFinite(m.I) ? moranPermutation(cs.values, w, { ...perm, alternative }) : null;
    return {
      time: cs.time,
      I: m.I,
      z: m.z,
      p: m.p,
      expected: m.expected,
      variance: m.variance,
      pTwoSided: m.pTwoSided,
      zNormal: m.zNormal,
      pNormal: m.pNormal,
      pNormalTwoSided: m.pNormalTwoSided,
      varianceNormal: m.varianceNormal,
      n: m.n,
      missing: cs.missing,
      ...(p
        ? {
            permutation: {
              permutations: p.permutations,
              seed: perm!.seed,
              p: p.p,
              mean: p.mean,
              variance: p.variance,
              z: p.z,
            },
          }
        : {}),
      warnings,
    };
  });
  return { weights: weightsSummary(raw, style), alternative, results, ...namesJson(panel.names, [opts.value]) };
}

export function registerMoran(analyze: Command): void {
  const cmd = inputOptions(
    analyze.command('moran').description("Global Moran's I per time (spdep moran.test / moran.mc) / 全局 Moran 指数"),
  )
    .requiredOption('--value <col>', 'value column / 数值列')
    .option('--permutations <N>', 'permutation test with N random permutations / 置换检验次数')
    .option('--allow-large', `allow more than ${MAX_PERMUTATIONS} permutations / 允许超过上限的置换次数`)
    .option('--seed <S>', 'random seed of the permutations (default 1) / 随机种子')
    .option('--alternative <alt>', 'greater (default, as spdep) | less | two.sided / 备择假设');
  spatialOptions(cmd).action(async (opts: MoranCliOptions) => {
    const lang = pickLang(opts.lang);
    const out = await runMoran(opts);
    if (opts.json) {
      printJson({
        method: {
          name: 'moran',
          source: 'Cliff & Ord (1981); spdep moran.test (randomisation) / moran.mc',
          alternative: out.alternative,
        },
        value: opts.value,
        weights: out.weights,
        results: out.results,
        ...(out.names ? { names: out.names } : {}),
      });
      return;
    }
    const h = (zh: string, en: string) => (lang === 'zh' ? zh : en);
    const lines = [
      both(
        bi(
          `全局 Moran 指数（${columnLabel(out.names, opts.value, 'zh')}；${out.weights.description}）`,
          `Global Moran's I (${columnLabel(out.names, opts.value, 'en')}; ${out.weights.description})`,
        ),
      ),
      textTable(
        [
          h('时间', 'time'),
          'I',
          'E[I]',
          h('方差', 'var'),
          'z',
          `p (${out.alternative})`,
          h('p 双侧', 'p two-sided'),
          ...(out.results[0]?.permutation ? [h('置换 p', 'perm. p')] : []),
        ],
        out.results.map((r) => [
          r.time ?? '',
          r.I,
          r.expected,
          r.variance,
          r.z,
          r.p,
          r.pTwoSided,
          ...(r.permutation ? [r.permutation.p] : []),
        ]),
      ),
      both(bi('z、p 为随机化假设下的值', 'z and p under the randomisation assumption')),
    ];
    for (const r of out.results) for (const w of r.warnings) lines.push(`${r.time ?? ''} ${w}`);
    process.stdout.write(lines.join('\n') + '\n');
  });
}
