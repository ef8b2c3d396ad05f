/**
 * Read a system-dynamics model file (.xmile / .stmx / .xml as XMILE, .mdl as
 * Vensim) or the shipped seed-000 model (`seed000`, in data/simulate/ with
 * its scenario file), and scenario files.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { XinzhiError } from '../../core/errors.ts';
import { bi } from '../../core/i18n.ts';
import { parseScenarioFile, readVensim, readXmile, type Scenario, type SdModel } from '../../core/simulate/index.ts';
import { PACKAGE_ROOT } from './defaults.ts';
import { fileProblem } from './read.ts';

/** The shipped model of seed 000's loop and its scenarios. */
export const SEED000_MODEL = join(PACKAGE_ROOT, 'data', 'simulate', 'seed000.xmile');
export const SEED000_SCENARIOS = join(PACKAGE_ROOT, 'data', 'simulate', 'seed000-scenarios.json');

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new XinzhiError(await fileProblem(path, e as NodeJS.ErrnoException));
  }
}

/** Read a model; `seed000` names the shipped model. */
export async function readModelFile(
  spec: string,
): Promise<{ model: SdModel; path: string; defaultScenarios?: string }> {
  if (spec.toLowerCase() === 'seed000') {
    const model = readXmile(await readText(SEED000_MODEL), 'seed000.xmile');
    return { model, path: SEED000_MODEL, defaultScenarios: SEED000_SCENARIOS };
  }
  const ext = extname(spec).toLowerCase();
  const text = await readText(spec);
  if (ext === '.mdl') return { model: readVensim(text, basename(spec)), path: spec };
  if (ext === '.xmile' || ext === '.stmx' || ext === '.xml')
    return { model: readXmile(text, basename(spec)), path: spec };
  throw new XinzhiError({
    code: 'sd-format',
    severity: 'error',
    file: spec,
    message: bi(
      `无法识别的模型格式 "${ext || '（无扩展名）'}"`,
      `unrecognised model format "${ext || '(no extension)'}"`,
    ),
    fix: bi(
      '使用 .xmile、.stmx（XMILE）或 .mdl（Vensim）文件，或 --model seed000',
      'use a .xmile, .stmx (XMILE) or .mdl (Vensim) file, or --model seed000',
    ),
  });
}

/** Read a scenario file (JSON). */
export async function readScenarioFile(path: string): Promise<Scenario[]> {
  const text = await readText(path);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new XinzhiError({
      code: 'sd-scenario-file',
      severity: 'error',
      file: path,
      message: bi(
        `情景文件不是合法的 JSON：${(e as Error).message}`,
        `the scenario file is not valid JSON: ${(e as Error).message}`,
      ),
      fix: bi('用 JSON 校验工具修正', 'fix it with a JSON validator'),
    });
  }
  return parseScenarioFile(doc, basename(path));
}
