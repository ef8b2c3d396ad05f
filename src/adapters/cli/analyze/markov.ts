/**
 * `xinzhi analyze markov`: classic Markov chain of quantile classes and, with
 * --spatial, the spatial Markov chain conditioned on the neighbours' class.
 *
 * --json prints {"classes", "breaks", "classic": {"counts", "probabilities",
 * "origins", "steadyState", "sojourn" (1/(1 − p_ii), null = infinite or
 * undefined), "firstPassage" (mean first passage times, diagonal = mean
 * recurrence times; null unless the chain is irreducible), ...}, "spatial"?: {"lagBreaks", "conditional":
 * [{"lagClass", "counts", "probabilities", "origins", "steadyState"}],
 * "homogeneity": {"Q", "QpValue", "LR", "LRpValue", "dof"}}, "names"?: {value
 * column: {zh, en}}} (the name from a results.json).
 */
import type { Command } from 'commander';
import { XinzhiError } from '../../../core/errors.ts';
import { both, bi } from '../../../core/i18n.ts';
import {
  markovChain,
  spatialMarkov,
  unitTimeMatrix,
  type MarkovResult,
  type BreaksScope,
  type SpatialMarkovResult,
} from '../../../core/analysis/markov.ts';
import { ANALYSIS_DEFAULTS, runAnalysis } from '../../../core/analysis/runner.ts';
import { analysisTimes } from '../../../core/analysis/inputs.ts';
import { withStyle } from '../../../core/analysis/spatial-weights.ts';
import { pickLang, printJson } from '../util.ts';
import {
  columnLabel,
  inputOptions,
  namesJson,
  readAnalysisInput,
  readEvaluationInput,
  requireColumn,
  textTable,
  type InputOptions,
} from './input.ts';
import {
  panelUnits,
  runnerSpatial,
  runnerWeightsSummary,
  spatialOptions,
  weightsForPanel,
  weightsSummary,
  type SpatialCliOptions,
} from './weights.ts';

interface MarkovCliOptions extends InputOptions, Partial<SpatialCliOptions> {
  value: string;
  classes?: string;
  breaks?: string;
  lag?: string;
  relative?: boolean;
  spatial?: boolean;
  lang?: string;
  json?: boolean;
}

function intOption(name: string, value: string | undefined, dflt: number, min: number): number {
  if (value === undefined) return dflt;
  const v = Number(value);
  if (Number.isInteger(v) && v >= min) return v;
  throw new XinzhiError({
    code: 'bad-option',
    severity: 'error',
    message: { zh: `${name} "${value}" 无效`, en: `${name} "${value}" is invalid` },
    fix: { zh: `给出不小于 ${min} 的整数`, en: `give an integer ≥ ${min}` },
  });
}

function chainJson(c: MarkovResult) {
  return {
    counts: c.counts,
    probabilities: c.probabilities,
    origins: c.origins,
    transitions: c.transitions,
    emptyRows: c.emptyRows,
    steadyState: c.steady.distribution,
    irreducible: c.steady.irreducible,
    closedClasses: c.steady.closedClasses,
    absorbing: c.steady.absorbing,
    sojourn: c.sojourn,
    firstPassage: c.firstPassage,
    warnings: c.steady.warnings,
  };
}

/** The --json form of a spatial chain. */
function spatialJson(s: SpatialMarkovResult, weights: unknown) {
  return {
    weights,
    lagBreaks: s.lagBreaks,
    conditional: s.conditional.map((c, l) => ({ lagClass: l + 1, ...chainJson(c) })),
    homogeneity: s.homogeneity,
  };
}

function markovOptions(opts: MarkovCliOptions): {
  classes: number;
  lag: number;
  breaks: BreaksScope;
  relative: boolean;
} {
  const classes = intOption('--classes', opts.classes, ANALYSIS_DEFAULTS.markov.classes, 2);
  const lag = intOption('--lag', opts.lag, ANALYSIS_DEFAULTS.markov.lag, 1);
  const breaks = (opts.breaks ?? ANALYSIS_DEFAULTS.markov.breaks) as BreaksScope;
  if (breaks !== 'pooled' && breaks !== 'byTime') {
    throw new XinzhiError({
      code: 'bad-option',
      severity: 'error',
      message: { zh: `--breaks "${opts.breaks}" 无效`, en: `--breaks "${opts.breaks}" is invalid` },
      fix: {
        zh: '使用 pooled（全部年份合并分位数，默认）或 byTime（逐期分位数）',
        en: 'use pooled (quantiles over all times, default) or byTime',
      },
    });
  }
  return { classes, lag, breaks, relative: opts.relative ?? false };
}

function needWeights(opts: MarkovCliOptions): string {
  if (opts.weights) return opts.weights;
  throw new XinzhiError({
    code: 'missing-option',
    severity: 'error',
    message: { zh: '空间马尔可夫链需要 --weights', en: 'the spatial Markov chain needs --weights' },
    fix: { zh: '如 --weights queen', en: 'e.g. --weights queen' },
  });
}

/**
 * A chain with no transition at all (every value missing, or no unit observed
 * at two periods `lag` apart) has no probabilities to report: an error naming
 * the column and the fix, never a table of nulls.
 */
function requireTransitions(c: MarkovResult, file: string | undefined, column: string, lag: number): void {
  if (c.transitions > 0) return;
  throw new XinzhiError({
    code: 'markov-no-transitions',
    severity: 'error',
    ...(file ? { file } : {}),
    column,
    message: bi(
      `"${column}" 没有可计数的转移：取值全部缺失，或没有单位在相隔 ${lag} 期的两个时期都有取值`,
      `"${column}" has no transition to count: every value is missing, or no unit has values ${lag} period(s) apart`,
    ),
    fix: bi(
      '检查该列的取值或换一个 --value 列；必要时减小 --lag。',
      'check the column or choose another --value; lower --lag if needed.',
    ),
  });
}

export async function runMarkov(opts: MarkovCliOptions) {
  const mo = markovOptions(opts);
  const ev = await readEvaluationInput(opts.data);
  if (ev) {
    // a results.json: the core runner (the spatial chain only with --spatial)
    const sp = opts.spatial ? await runnerSpatial(ev, { ...opts, weights: needWeights(opts) }) : null;
    const run = runAnalysis(
      ev.result,
      'markov',
      {
        node: opts.value,
        markov: { ...mo, spatial: !!opts.spatial },
        ...(sp ? { spatial: { ...sp.spatial, style: 'W' } } : {}),
      },
      sp ? sp.sources : {},
    );
    if (opts.spatial && !run.spatial) {
      throw new XinzhiError({
        code: 'analysis-not-applicable',
        severity: 'error',
        file: ev.source,
        message: run.spatialSkipped!,
        fix: bi('检查单位与 --weights', 'check the units and --weights'),
      });
    }
    requireTransitions(run.chain, ev.source, opts.value, mo.lag);
    const names = namesJson(ev.names, [opts.value]).names;
    const base = {
      k: mo.classes,
      breaksScope: mo.breaks,
      lag: mo.lag,
      times: analysisTimes(ev.result),
      breaks: run.chain.breaks,
      classic: chainJson(run.chain),
    };
    if (!run.spatial) return { ...base, spatial: undefined, names };
    const s = run.spatial.result;
    return {
      ...base,
      breaks: s.classic.breaks,
      classic: chainJson(s.classic),
      spatial: spatialJson(s, runnerWeightsSummary(run.spatial.summary)),
      names,
    };
  }
  const panel = await readAnalysisInput(opts);
  if (!panel.timeKey) {
    throw new XinzhiError({
      code: 'missing-option',
      severity: 'error',
      file: panel.source,
      message: { zh: '马尔可夫链需要时间列', en: 'a Markov chain needs a time column' },
      fix: { zh: '用 --time <列名> 指定时间列', en: 'name it with --time <column>' },
    });
  }
  requireColumn(panel, opts.value);
  const k = mo.classes;
  const { lag, breaks } = mo;
  const units = panelUnits(panel);
  const data = unitTimeMatrix(panel, opts.value, units);
  // undefined (left out of the JSON) unless the input is a results.json naming the column
  const names = namesJson(panel.names, [opts.value]).names;
  if (!opts.spatial) {
    const c = markovChain(data, mo);
    requireTransitions(c, panel.source, opts.value, lag);
    return {
      k,
      breaksScope: breaks,
      lag,
      times: data.times,
      breaks: c.breaks,
      classic: chainJson(c),
      spatial: undefined,
      names,
    };
  }
  const { raw } = await weightsForPanel(panel, { ...opts, weights: needWeights(opts) }, units);
  const w = withStyle(raw, 'W');
  const s = spatialMarkov(data, w, mo);
  requireTransitions(s.classic, panel.source, opts.value, lag);
  return {
    k,
    breaksScope: breaks,
    lag,
    times: data.times,
    breaks: s.classic.breaks,
    classic: chainJson(s.classic),
    spatial: spatialJson(s, weightsSummary(raw, 'W')),
    names,
  };
}

export function registerMarkov(analyze: Command): void {
  const cmd = inputOptions(
    analyze
      .command('markov')
      .description('Classic and spatial Markov chains of quantile classes / 传统与空间马尔可夫链'),
  )
    .requiredOption('--value <col>', 'value column / 数值列')
    .option('--classes <K>', 'number of quantile classes (default 4) / 分类数')
    .option('--breaks <scope>', 'pooled (default) | byTime quantile breaks / 分位数断点：合并或逐期')
    .option('--lag <N>', 'transition step in time periods (default 1) / 转移步长')
    .option('--relative', "divide by each time's mean first / 先除以当期均值")
    .option(
      '--spatial',
      "spatial Markov chain conditioned on the neighbours' class (needs --weights) / 空间马尔可夫链",
    );
  spatialOptions(cmd, false).action(async (opts: MarkovCliOptions) => {
    const lang = pickLang(opts.lang);
    const out = await runMarkov(opts);
    if (opts.json) {
      printJson({
        method: { name: 'markov', source: 'Quah (1993); Rey (2001); Bickenbach & Bode (2003) as PySAL giddy' },
        value: opts.value,
        ...out,
      });
      return;
    }
    const h = (zh: string, en: string) => (lang === 'zh' ? zh : en);
    const cls = Array.from({ length: out.k }, (_, i) => `${i + 1}`);
    const matrix = (c: ReturnType<typeof chainJson>) =>
      textTable(
        [h('t \\ t+1', 't \\ t+1'), 'n', ...cls],
        c.probabilities.map((row, i) => [cls[i], c.origins[i], ...row]),
      );
    const lines = [
      both(
        bi(
          `马尔可夫转移概率矩阵（${columnLabel(out.names, opts.value, 'zh')}，${out.k} 类）`,
          `Markov transition probabilities (${columnLabel(out.names, opts.value, 'en')}, ${out.k} classes)`,
        ),
      ),
      matrix(out.classic),
    ];
    lines.push(
      `${h('稳态分布', 'steady state')}: ${out.classic.steadyState ? out.classic.steadyState.map((v) => v.toFixed(4)).join(', ') : h('不唯一', 'not unique')}`,
    );
    const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : Number.isNaN(v) ? '—' : '∞');
    lines.push(`${h('平均停留期数 1/(1−pᵢᵢ)', 'sojourn times 1/(1−pᵢᵢ)')}: ${out.classic.sojourn.map(fmt).join(', ')}`);
    const fp = out.classic.firstPassage;
    if (fp)
      lines.push(
        '',
        h(
          '平均首达时间（行：起始类，列：到达类；对角线为平均返回时间）',
          'Mean first passage times (row: from, column: to; diagonal: mean recurrence time)',
        ),
        textTable(
          [h('从 \\ 到', 'from \\ to'), ...cls],
          fp.map((row, i) => [cls[i], ...row]),
        ),
      );
    else
      lines.push(
        h('平均首达时间：链不是不可约的，无定义', 'mean first passage times: undefined, the chain is not irreducible'),
      );
    if (out.spatial) {
      for (const c of out.spatial.conditional) {
        lines.push('', h(`邻居为第 ${c.lagClass} 类时`, `Neighbours in class ${c.lagClass}`), matrix(c));
      }
      const hg = out.spatial.homogeneity;
      lines.push(
        '',
        `${h('同质性检验', 'Homogeneity test')}: Q = ${hg.Q.toFixed(4)} (p = ${hg.QpValue.toFixed(4)}), LR = ${hg.LR.toFixed(4)} (p = ${hg.LRpValue.toFixed(4)}), dof = ${hg.dof}`,
      );
    }
    process.stdout.write(lines.join('\n') + '\n');
  });
}
