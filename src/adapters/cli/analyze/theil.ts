/**
 * `xinzhi analyze theil`: Theil T (GE(1)) and Theil L (GE(0), mean log
 * deviation) with the within / between decomposition, per time.
 * --json prints {"results": [{"time", "n", "mean", "T": {...}, "L": {...}}]}
 * with each part {measure, total, within, between, shares, groups}, and
 * "names"?: {value column: {zh, en}} when the input is a results.json.
 */
import type { Command } from 'commander';
import { runAnalysis } from '../../../core/analysis/runner.ts';
import { theil, type TheilMeasure, type TheilResult } from '../../../core/analysis/theil.ts';
import { sliceByTime } from '../../../core/analysis/distribution-by-time.ts';
import { XinzhiError } from '../../../core/errors.ts';
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

interface TheilOptions extends InputOptions {
  value: string;
  group?: string;
  measure: string;
  lang?: string;
  json?: boolean;
}

function parseMeasures(m: string): TheilMeasure[] {
  const v = m.trim().toUpperCase();
  if (v === 'T') return ['T'];
  if (v === 'L') return ['L'];
  if (v === 'BOTH' || v === 'T,L' || v === 'L,T') return ['T', 'L'];
  throw new XinzhiError({
    code: 'bad-option',
    severity: 'error',
    message: bi(`未知的 --measure "${m}"`, `unknown --measure "${m}"`),
    fix: bi('使用 T、L 或 both', 'use T, L or both'),
  });
}

export async function runTheil(
  opts: TheilOptions,
): Promise<{ rows: Array<{ time: Time | null } & TheilResult>; names?: ColumnNames }> {
  const measures = parseMeasures(opts.measure);
  const ev = await readEvaluationInput(opts.data);
  if (ev) {
    const run = runAnalysis(ev.result, 'theil', {
      node: opts.value,
      grouping: { by: opts.group ?? null },
      theil: { measures },
    });
    return { rows: run.rows, ...namesJson(ev.names, [opts.value]) };
  }
  const panel = await readObservationInput(opts, opts.group ? [opts.group] : []);
  const values = requireColumn(panel, opts.value, '--value');
  const groups = opts.group ? await requireGroup(panel, opts.group) : null;
  const locate = panelLocate(panel);
  const rows = sliceByTime(values.length, panelTimes(panel)).map((s) => ({
    time: s.time,
    ...theil(
      s.rows.map((r) => values[r]),
      groups ? s.rows.map((r) => groups[r]) : null,
      { measures, locate: (i) => locate(s.rows[i]), column: opts.value },
    ),
  }));
  return { rows, ...namesJson(panel.names, [opts.value]) };
}

export function registerTheil(analyze: Command): void {
  inputOptions(
    analyze
      .command('theil')
      .description('Theil T and L indices with within / between decomposition / 泰尔指数 T、L 及组内组间分解'),
  )
    .requiredOption('--value <col>', 'value column / 数值列')
    .option('--group <col>', 'group column (text), or "region" from province units / 分组列')
    .option('--measure <m>', 'T | L | both (L needs y > 0) / 指数', 'both')
    .action(async (opts: TheilOptions) => {
      const lang = pickLang(opts.lang);
      const { rows, names } = await runTheil(opts);
      if (opts.json) {
        printJson({
          method: {
            name: 'theil',
            T: 'GE(1), within weights = income shares',
            L: 'GE(0) mean log deviation, within weights = population shares',
          },
          value: opts.value,
          group: opts.group ?? null,
          results: rows,
          ...(names ? { names } : {}),
        });
        return;
      }
      const h = (zh: string, en: string) => (lang === 'zh' ? zh : en);
      const out: string[] = [];
      for (const m of parseMeasures(opts.measure)) {
        const zh = columnLabel(names, opts.value, 'zh');
        const en = columnLabel(names, opts.value, 'en');
        out.push(
          both(
            m === 'T'
              ? bi(`泰尔 T 指数（${zh}）`, `Theil T (${en})`)
              : bi(`泰尔 L 指数 / 平均对数偏差（${zh}）`, `Theil L / mean log deviation (${en})`),
          ),
        );
        out.push(
          textTable(
            [
              h('时间', 'time'),
              h('总体', 'total'),
              h('组内', 'within'),
              h('组间', 'between'),
              h('组内%', 'within%'),
              h('组间%', 'between%'),
            ],
            rows.map((r) => {
              const d = r[m]!;
              return [r.time ?? '', d.total, d.within, d.between, 100 * d.shares.within, 100 * d.shares.between];
            }),
          ),
        );
        out.push('');
      }
      process.stdout.write(out.join('\n'));
    });
}
