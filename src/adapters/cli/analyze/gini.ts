/**
 * `xinzhi analyze gini`: Dagum Gini coefficient and its decomposition into
 * within-group, net between-group and transvariation parts, per time.
 *
 * --json prints {"results": [{"time", "total", "within", "between",
 * "transvariation", ...extra}]} (the contract in DESIGN.md); the extras per
 * result are n, mean, shares (Gw/G, Gnb/G, Gt/G), groups (name, n, mean,
 * populationShare, incomeShare, gini = G_jj, withinContribution) and pairs
 * (high, low, gini = G_jh, d, p, D, betweenContribution, transvariationContribution);
 * "names"?: {value column: {zh, en}} when the input is a results.json.
 */
import type { Command } from 'commander';
import { runAnalysis } from '../../../core/analysis/runner.ts';
import { dagumGini, type DagumGiniResult } from '../../../core/analysis/dagum-gini.ts';
import { sliceByTime } from '../../../core/analysis/distribution-by-time.ts';
import { both, bi } from '../../../core/i18n.ts';
import type { Time } from '../../../core/panel/types.ts';
import { pickLang, printJson } from '../util.ts';
import {
  columnLabel,
  inputOptions,
  namesJson,
  panelLocate,
  panelTimes,
  readEvaluationInput,
  readObservationInput,
  requireColumn,
  requireGroup,
  textTable,
  type ColumnNames,
  type InputOptions,
} from './input.ts';

interface GiniOptions extends InputOptions {
  value: string;
  group: string;
  lang?: string;
  json?: boolean;
}

export type GiniRow = { time: Time | null } & DagumGiniResult;

/** Run the decomposition per time on a file (with the name of the value column of a results.json). */
export async function runGini(opts: GiniOptions): Promise<{ rows: GiniRow[]; names?: ColumnNames }> {
  const ev = await readEvaluationInput(opts.data);
  if (ev) {
    const run = runAnalysis(ev.result, 'gini', { node: opts.value, grouping: { by: opts.group } });
    return { rows: run.rows, ...namesJson(ev.names, [opts.value]) };
  }
  const panel = await readObservationInput(opts, [opts.group]);
  const values = requireColumn(panel, opts.value, '--value');
  const groups = await requireGroup(panel, opts.group);
  const locate = panelLocate(panel);
  const rows = sliceByTime(values.length, panelTimes(panel)).map((s) => ({
    time: s.time,
    ...dagumGini(
      s.rows.map((r) => values[r]),
      s.rows.map((r) => groups[r]),
      { locate: (i) => locate(s.rows[i]), column: opts.value },
    ),
  }));
  return { rows, ...namesJson(panel.names, [opts.value]) };
}

export function registerGini(analyze: Command): void {
  inputOptions(
    analyze
      .command('gini')
      .description(
        'Dagum Gini coefficient and decomposition (within / between / transvariation) / Dagum 基尼系数及其分解',
      ),
  )
    .requiredOption('--value <col>', 'value column / 数值列')
    .requiredOption(
      '--group <col>',
      'group column (text), or "region" for the NBS four regions from province units / 分组列；region 表示按省份推断四大地区',
    )
    .action(async (opts: GiniOptions) => {
      const lang = pickLang(opts.lang);
      const { rows, names } = await runGini(opts);
      if (opts.json) {
        printJson({
          method: {
            name: 'dagum-gini',
            source: 'Dagum (1997), Empirical Economics 22: 515-531',
            groupOrder: 'ascending mean',
          },
          value: opts.value,
          group: opts.group,
          results: rows.map(({ time, total, within, between, transvariation, ...extra }) => ({
            time,
            total,
            within,
            between,
            transvariation,
            ...extra,
          })),
          ...(names ? { names } : {}),
        });
        return;
      }
      const h = (zh: string, en: string) => (lang === 'zh' ? zh : en);
      const out: string[] = [];
      out.push(
        both(
          bi(
            `Dagum 基尼系数分解（${columnLabel(names, opts.value, 'zh')}，按 ${opts.group} 分组）`,
            `Dagum Gini decomposition (${columnLabel(names, opts.value, 'en')} by ${opts.group})`,
          ),
        ),
      );
      out.push(
        textTable(
          [
            h('时间', 'time'),
            h('总体 G', 'total G'),
            h('组内 Gw', 'within Gw'),
            h('组间 Gnb', 'between Gnb'),
            h('超变密度 Gt', 'transvariation Gt'),
            'Gw%',
            'Gnb%',
            'Gt%',
          ],
          rows.map((r) => [
            r.time ?? '',
            r.total,
            r.within,
            r.between,
            r.transvariation,
            100 * r.shares.within,
            100 * r.shares.between,
            100 * r.shares.transvariation,
          ]),
        ),
      );
      const last = rows[rows.length - 1];
      out.push('', both(bi(`组内基尼系数 G_jj（按均值升序）`, 'Within-group Gini G_jj (groups by ascending mean)')));
      out.push(
        textTable(
          [h('时间', 'time'), ...last.groups.map((g) => g.name)],
          rows.map((r) => [r.time ?? '', ...last.groups.map((g) => r.groups.find((x) => x.name === g.name)?.gini)]),
        ),
      );
      if (last.pairs.length) {
        out.push('', both(bi('组间基尼系数 G_jh', 'Between-group Gini G_jh')));
        out.push(
          textTable(
            [h('时间', 'time'), ...last.pairs.map((p) => `${p.high}-${p.low}`)],
            rows.map((r) => [
              r.time ?? '',
              ...last.pairs.map(
                (p) =>
                  r.pairs.find((x) => (x.high === p.high && x.low === p.low) || (x.high === p.low && x.low === p.high))
                    ?.gini,
              ),
            ]),
          ),
        );
      }
      process.stdout.write(out.join('\n') + '\n');
    });
}
