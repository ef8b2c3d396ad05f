/**
 * `xinzhi analyze convergence`: σ-convergence (sd and CV per time) and
 * β-convergence (two-way fixed effects by default, or pooled OLS; clustered
 * by unit). A results.json is analysed by the core runner (core/analysis/runner.ts).
 *
 * --json prints {"type": "sigma", "rows": [{"time", "n", "mean", "sd", "cv"}],
 * "slopeSd", "slopeCv"} or {"type": "beta", "model", "kind": "absolute" |
 * "conditional", "coefficients": [{"name", "estimate", "se", "t", "p"}], "beta",
 * "speed", "halfLife", "rSquared", "n", "clusters", "df", "smallSample"}; both
 * add "names": {column: {zh, en}} for the value (and control) columns of a results.json.
 */
import type { Command } from 'commander';
import { XinzhiError } from '../../../core/errors.ts';
import { both, bi } from '../../../core/i18n.ts';
import {
  betaConvergence,
  sigmaConvergence,
  type BetaModel,
  type BetaResult,
  type BetaSmallSample as SmallSample,
  SMALL_SAMPLES,
  type SigmaResult,
} from '../../../core/analysis/convergence.ts';
import { ANALYSIS_DEFAULTS, runAnalysis } from '../../../core/analysis/runner.ts';
import { unitTimeMatrix } from '../../../core/analysis/markov.ts';
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
import { panelUnits } from './weights.ts';

interface ConvergenceCliOptions extends InputOptions {
  value: string;
  type?: string;
  controls?: string;
  model?: string;
  log?: boolean;
  lag?: string;
  se?: string;
  lang?: string;
  json?: boolean;
}

function bad(option: string, value: string, allowed: string): XinzhiError {
  return new XinzhiError({
    code: 'bad-option',
    severity: 'error',
    message: { zh: `${option} "${value}" 无效`, en: `${option} "${value}" is invalid` },
    fix: { zh: `可选：${allowed}`, en: `use one of: ${allowed}` },
  });
}

/** The options of a β run, checked. */
function betaOptions(opts: ConvergenceCliOptions): {
  model: BetaModel;
  smallSample: SmallSample;
  lag: number;
  controls: string[];
} {
  const model = (opts.model ?? ANALYSIS_DEFAULTS.convergence.model) as BetaModel;
  if (model !== 'pooled' && model !== 'twoways') throw bad('--model', model, 'pooled, twoways');
  const smallSample = (opts.se ?? ANALYSIS_DEFAULTS.convergence.smallSample) as SmallSample;
  if (!SMALL_SAMPLES.includes(smallSample)) throw bad('--se', smallSample, SMALL_SAMPLES.join(', '));
  const lag = opts.lag !== undefined ? Number(opts.lag) : ANALYSIS_DEFAULTS.convergence.lag;
  if (!(Number.isInteger(lag) && lag >= 1)) throw bad('--lag', String(opts.lag), 'a positive integer');
  const controls = (opts.controls ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return { model, smallSample, lag, controls };
}

function sigmaJson(s: SigmaResult) {
  return {
    type: 'sigma' as const,
    log: s.log,
    rows: s.rows,
    slopeSd: s.slopeSd,
    slopeCv: s.slopeCv,
    // no verdict from a missing trend
    converging: Number.isFinite(s.slopeSd) ? s.slopeSd < 0 : null,
    warnings: s.warnings,
  };
}

function betaJson(b: BetaResult) {
  const r = b.regression;
  return {
    type: 'beta' as const,
    model: b.model,
    kind: b.type,
    coefficients: r.coefficients,
    beta: b.beta,
    converging: b.converging,
    speed: b.speed,
    halfLife: b.halfLife,
    span: b.span,
    rSquared: r.rSquared,
    n: r.n,
    units: b.units,
    clusters: r.clusters,
    df: r.df,
    smallSample: r.smallSample,
  };
}

export async function runConvergence(opts: ConvergenceCliOptions) {
  const type = opts.type ?? 'sigma';
  if (type !== 'sigma' && type !== 'beta') throw bad('--type', type, 'sigma, beta');
  const b = betaOptions(opts);
  const ev = await readEvaluationInput(opts.data);
  if (ev) {
    // a results.json: the core runner
    const run = runAnalysis(ev.result, 'convergence', {
      node: opts.value,
      convergence: { ...b, log: opts.log ?? false },
    });
    const names = namesJson(ev.names, [opts.value, ...b.controls]);
    if (type === 'sigma') return { ...sigmaJson(run.sigma), ...names };
    if (!run.beta) {
      throw new XinzhiError({
        code: 'analysis-not-applicable',
        severity: 'error',
        file: ev.source,
        column: opts.value,
        message: run.betaSkipped!,
        fix: bi('换用 --model pooled 或提供更多期数据', 'use --model pooled or give more periods'),
      });
    }
    return { ...betaJson(run.beta), ...names };
  }
  const panel = await readAnalysisInput(opts);
  if (!panel.timeKey) {
    throw new XinzhiError({
      code: 'missing-option',
      severity: 'error',
      file: panel.source,
      message: { zh: '收敛分析需要时间列', en: 'convergence needs a time column' },
      fix: { zh: '用 --time <列名> 指定时间列', en: 'name it with --time <column>' },
    });
  }
  requireColumn(panel, opts.value);
  const units = panelUnits(panel);
  const data = unitTimeMatrix(panel, opts.value, units);
  if (type === 'sigma') {
    const s = sigmaConvergence(data, { log: opts.log ?? false, column: opts.value, source: panel.source });
    return { ...sigmaJson(s), ...namesJson(panel.names, [opts.value]) };
  }
  const controls = Object.fromEntries(
    b.controls.map((c) => {
      requireColumn(panel, c, '--controls');
      return [c, unitTimeMatrix(panel, c, units)];
    }),
  );
  const beta = betaConvergence(data, {
    model: b.model,
    controls,
    lag: b.lag,
    smallSample: b.smallSample,
    column: opts.value,
    source: panel.source,
  });
  return { ...betaJson(beta), ...namesJson(panel.names, [opts.value, ...b.controls]) };
}

export function registerConvergence(analyze: Command): void {
  inputOptions(analyze.command('convergence').description('σ- and β-convergence / σ 收敛与 β 收敛'))
    .requiredOption('--value <col>', 'value column (positive for β) / 数值列')
    .option('--type <t>', 'sigma (default) | beta / 收敛类型')
    .option('--log', 'σ of ln(value) instead of value / 对数值计算 σ')
    .option('--controls <cols>', 'comma-separated control columns (conditional β) / 控制变量（条件 β 收敛）')
    .option(
      '--model <m>',
      `twoways (unit + time fixed effects) | pooled; default ${ANALYSIS_DEFAULTS.convergence.model} / 模型`,
    )
    .option('--lag <N>', 'growth step in periods (default 1) / 增长步长')
    .option(
      '--se <adj>',
      'cluster small-sample adjustment CR1 (default, plm "sss"/statsmodels) | HC1 (plm) | CR0, or an estimate preset stata | plm | lsdv | none | plm-hc1; or iid (classical, non-robust) / 聚类标准误校正，或 iid 普通标准误',
    )
    .action(async (opts: ConvergenceCliOptions) => {
      const lang = pickLang(opts.lang);
      const out = await runConvergence(opts);
      if (opts.json) {
        printJson({
          method: { name: 'convergence', source: 'Barro & Sala-i-Martin (1992); cluster-robust SE by unit' },
          value: opts.value,
          ...out,
        });
        return;
      }
      const h = (zh: string, en: string) => (lang === 'zh' ? zh : en);
      if (out.type === 'sigma') {
        process.stdout.write(
          [
            both(
              bi(
                `σ 收敛（${columnLabel(out.names, opts.value, 'zh')}${out.log ? '，对数' : ''}）`,
                `σ-convergence (${columnLabel(out.names, opts.value, 'en')}${out.log ? ', log' : ''})`,
              ),
            ),
            textTable(
              [h('时间', 'time'), 'n', h('均值', 'mean'), h('标准差', 'sd'), h('变异系数', 'CV')],
              out.rows.map((r) => [r.time, r.n, r.mean, r.sd, r.cv]),
            ),
            `${h('标准差趋势斜率', 'slope of sd')}: ${out.slopeSd.toPrecision(4)}; ${h('变异系数趋势斜率', 'slope of CV')}: ${out.slopeCv.toPrecision(4)}`,
          ].join('\n') + '\n',
        );
        return;
      }
      process.stdout.write(
        [
          both(
            bi(
              `β 收敛（${columnLabel(out.names, opts.value, 'zh')}；${out.kind === 'absolute' ? '绝对' : '条件'}，${out.model === 'pooled' ? '混合 OLS' : '双向固定效应'}）`,
              `β-convergence (${columnLabel(out.names, opts.value, 'en')}; ${out.kind}, ${out.model === 'pooled' ? 'pooled OLS' : 'two-way fixed effects'})`,
            ),
          ),
          textTable(
            [
              h('变量', 'term'),
              h('系数', 'estimate'),
              out.smallSample === 'iid' ? h('普通标准误（iid）', 'iid SE') : h('聚类标准误', 'cluster SE'),
              't',
              'p',
            ],
            out.coefficients.map((c) => [columnLabel(out.names, c.name, lang), c.estimate, c.se, c.t, c.p]),
          ),
          `β = ${out.beta.toPrecision(4)}; λ = ${out.speed.toPrecision(4)}; ${h('半衰期', 'half-life')} = ${out.halfLife.toPrecision(4)}; R² = ${out.rSquared.toFixed(4)}; N = ${out.n}${out.clusters === null ? '' : `; ${h('聚类数', 'clusters')} = ${out.clusters}`}`,
        ].join('\n') + '\n',
      );
    });
}
