/**
 * `xinzhi compare --preset A --preset B`: the same index under two tools'
 * conventions, and which setting moves which number (core/measure/compare-presets.ts).
 */
import type { Command } from 'commander';
import { XinzhiError } from '../../core/errors.ts';
import { bi } from '../../core/i18n.ts';
import { comparePresets, type Side } from '../../core/measure/compare-presets.ts';
import { PRESET_IDS, type PresetId } from '../../core/measure/presets.ts';
import { parseSpec } from '../../core/measure/spec-schema.ts';
import type { Spec } from '../../core/measure/spec.ts';
import { DEFAULT_DATA, DEFAULT_SPEC } from '../io/defaults.ts';
import { loadSpecFile } from '../io/load-spec.ts';
import { comparisonText } from '../report/compare-text.ts';
import { readSpecPanel } from './evaluate.ts';
import { COMMAND_SUMMARIES } from './summaries.ts';
import { badOption, pickLang, printJson } from './util.ts';

interface CompareCliOptions {
  data?: string;
  spec?: string;
  sheet?: string;
  preset?: string[];
  json?: boolean;
  lang?: string;
}

/** A side from its option value: a preset id, or "spec" for the spec as written. */
export function parseSide(v: string): Side {
  if (v === 'spec') return null;
  if ((PRESET_IDS as readonly string[]).includes(v)) return v as PresetId;
  throw badOption('--preset', v, [...PRESET_IDS, 'spec']);
}

export async function runCompare(o: CompareCliOptions): Promise<void> {
  const lang = pickLang(o.lang);
  const sides = o.preset ?? [];
  if (sides.length !== 2)
    throw new XinzhiError({
      code: 'bad-option',
      severity: 'error',
      column: '--preset',
      message: bi(`需要两个 --preset，得到 ${sides.length} 个`, `two --preset options are needed, got ${sides.length}`),
      fix: bi(
        `例如 --preset spssau --preset stata-entropy（可选：${PRESET_IDS.join(', ')}, spec）`,
        `e.g. --preset spssau --preset stata-entropy (choices: ${PRESET_IDS.join(', ')}, spec)`,
      ),
    });
  const [a, b] = sides.map(parseSide);
  if (o.data !== undefined && o.spec === undefined)
    throw new XinzhiError({
      code: 'bad-option',
      severity: 'error',
      message: bi('给了 --data 但没有 --spec', '--data was given without --spec'),
      fix: bi(
        '用 --spec 指定指标体系，或两者都省略以使用内置默认指数',
        'give --spec too, or omit both for the embedded default index',
      ),
    });
  const specPath = o.spec ?? DEFAULT_SPEC;
  const raw = (await loadSpecFile(specPath)) as Spec;
  const first = parseSpec(raw, { file: specPath });
  if (!first.spec || first.problems.some((p) => p.severity === 'error')) throw new XinzhiError(first.problems);
  const { panel } = await readSpecPanel(o.data ?? DEFAULT_DATA, first.spec, o.sheet);
  const c = comparePresets(panel, raw, a, b, { specFile: specPath });
  if (o.json) printJson(c);
  else console.log(comparisonText(c, lang).join('\n'));
}

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description(COMMAND_SUMMARIES.compare)
    .option(
      '--preset <name>',
      `a side: ${PRESET_IDS.join(', ')} or spec (the spec as written); give it twice / 一侧的口径，给两次`,
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option('--data <file>', 'data file (default: the embedded provincial panel) / 数据文件')
    .option('--spec <file>', 'indicator system: JSON or YAML / 指标体系')
    .option('--sheet <name>', 'XLSX sheet / 工作表名')
    .option('--json', 'print the comparison as JSON only / 只输出 JSON')
    .option('--lang <zh|en>', 'language / 语言')
    .action(async (opts: CompareCliOptions) => runCompare(opts));
}
