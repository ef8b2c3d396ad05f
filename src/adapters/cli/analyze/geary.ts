/**
 * `xinzhi analyze geary`: global Geary's C per time.
 *
 * --json prints {"results": [{"time", "C", "z", "p", "expected", "variance",
 * "zNormal", "pNormal", "varianceNormal", "n", "missing", "warnings"}]}: z and p
 * under randomisation, z = (1 − C)/√Var and p for the alternative "greater"
 * (positive autocorrelation; spdep geary.test defaults); "names"?: {value
 * column: {zh, en}} when the input is a results.json.
 */
import type { Command } from 'commander';
import { both, bi } from '../../../core/i18n.ts';
import { geary } from '../../../core/analysis/geary.ts';
import { pickLang, printJson } from '../util.ts';
import { columnLabel, inputOptions, namesJson, readAnalysisInput, textTable, type InputOptions } from './input.ts';
import {
  crossSections,
  missingWarning,
  panelUnits,
  spatialOptions,
  styledSubset,
  weightsForPanel,
  parseAlternative,
  weightsSummary,
  type SpatialCliOptions,
} from './weights.ts';

interface GearyCliOptions extends InputOptions, SpatialCliOptions {
  value: string;
  alternative?: string;
  lang?: string;
  json?: boolean;
}

export async function runGeary(opts: GearyCliOptions) {
  const alternative = parseAlternative(opts.alternative, 'greater');
  const panel = await readAnalysisInput(opts);
  const units = panelUnits(panel);
  const { raw, style } = await weightsForPanel(panel, opts, units);
  const results = crossSections(panel, opts.value, units).map((cs) => {
    const g = geary(cs.values, styledSubset(raw, cs.keep, style), { alternative });
    return {
      time: cs.time,
      C: g.C,
      z: g.z,
      p: g.p,
      expected: g.expected,
      variance: g.variance,
      zNormal: g.zNormal,
      pNormal: g.pNormal,
      varianceNormal: g.varianceNormal,
      n: g.n,
      missing: cs.missing,
      warnings: [...g.warnings, ...missingWarning(cs)],
    };
  });
  return { weights: weightsSummary(raw, style), alternative, results, ...namesJson(panel.names, [opts.value]) };
}

export function registerGeary(analyze: Command): void {
  const cmd = inputOptions(
    analyze.command('geary').description("Global Geary's C per time (spdep geary.test) / 全局 Geary 指数"),
  )
    .requiredOption('--value <col>', 'value column / 数值列')
    .option(
      '--alternative <alt>',
      'greater (default, positive autocorrelation, as spdep) | less | two.sided / 备择假设',
    );
  spatialOptions(cmd).action(async (opts: GearyCliOptions) => {
    const lang = pickLang(opts.lang);
    const out = await runGeary(opts);
    if (opts.json) {
      printJson({
        method: {
          name: 'geary',
          source: 'Geary (1954); spdep geary.test (randomisation)',
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
          `全局 Geary 指数（${columnLabel(out.names, opts.value, 'zh')}；${out.weights.description}）`,
          `Global Geary's C (${columnLabel(out.names, opts.value, 'en')}; ${out.weights.description})`,
        ),
      ),
      textTable(
        [h('时间', 'time'), 'C', 'E[C]', h('方差', 'var'), 'z', `p (${out.alternative})`],
        out.results.map((r) => [r.time ?? '', r.C, r.expected, r.variance, r.z, r.p]),
      ),
      both(
        bi(
          'z = (1 − C)/√Var，随机化假设；C < 1 为正空间自相关',
          'z = (1 − C)/√Var under randomisation; C < 1 means positive spatial autocorrelation',
        ),
      ),
    ];
    for (const r of out.results) for (const w of r.warnings) lines.push(`${r.time ?? ''} ${w}`);
    process.stdout.write(lines.join('\n') + '\n');
  });
}
