/**
 * The model file of the firm estimators (`"type"`: ols | fe | op | lp | acf)
 * and its filled form. Columns hold logs (ln output or value added, ln
 * labour, ln capital, ln intermediate inputs or ln investment).
 */
import type { Problem } from '../../errors.ts';
import { bi, type Bilingual } from '../../i18n.ts';
import { FIRM_ESTIMATORS, type FirmEstimator } from './estimators.ts';
import { SURVIVAL_LINKS, type SurvivalLink } from './survival.ts';

export interface FirmModel {
  type: FirmEstimator;
  unit: string;
  time: string;
  /** ln output (value added). */
  output: string;
  /** Free inputs (ln labour, …). */
  free: string[];
  /** State inputs (ln capital; also age, or several capital types). */
  state: string[];
  /** Proxy: ln intermediate inputs (lp, acf) or ln investment (op); null for ols / fe. */
  proxy: string | null;
  /** Degree of the stage-1 polynomial (default 3, as levpet / prodest). */
  degree: number;
  /** Bootstrap replications for op / lp / acf (default 50, as levpet); 0 for ols / fe (classical SEs). */
  bootstrap: number;
  /** Seed of the bootstrap (default "1"). */
  seed: string;
  /**
   * OP exit correction (op, lp): a 0/1 column (1 = the firm leaves after this period), or "infer" (a firm's
   * last period before the panel's last is an exit); null without the correction.
   */
  exit: string | null;
  /** Survival model of the exit correction: "probit" (default; OP 1996, opreg) or "logit"; null without exit. */
  survival: SurvivalLink | null;
  /** State (or free) variables that are not production inputs (e.g. firm age): left out of the returns-to-scale sum. */
  notInputs: string[];
  name?: Bilingual | string;
}

/**
 * A firm model as written (a model file, or the web page's choices): every
 * field but `type` optional here; checkFirmModel fills the defaults.
 */
export interface FirmModelInput {
  type: FirmEstimator;
  unit?: string;
  time?: string;
  output?: string;
  free?: string[];
  state?: string[];
  /** ln investment (op) or ln intermediate inputs (lp, acf); none for ols / fe. */
  proxy?: string;
  degree?: number;
  bootstrap?: number;
  seed?: string | number;
  /** op / lp: a 0/1 exit column or "infer"; left out without the exit correction. */
  exit?: string;
  survival?: SurvivalLink;
  notInputs?: string[];
  name?: Bilingual | string;
}

/** Whether estimator `type` needs a proxy variable (op: ln investment; lp, acf: ln intermediate inputs). */
export function needsProxy(type: FirmEstimator): boolean {
  return type === 'op' || type === 'lp' || type === 'acf';
}

/** The proxy column of estimator `type` in the example panels (data/tfp): `lni` (ln investment) for op, `lnm` (ln intermediate inputs) otherwise; the checks' fix messages name it too. */
export function exampleProxy(type: FirmEstimator): string {
  return type === 'op' ? 'lni' : 'lnm';
}

/** Whether estimator `type` takes the Olley–Pakes exit correction (op, lp). */
export function takesExit(type: FirmEstimator): boolean {
  return type === 'op' || type === 'lp';
}

/** The data columns a checked model reads: output, free, state, proxy and an exit column (not "infer"). */
export function firmColumns(model: FirmModel): string[] {
  return [
    model.output,
    ...model.free,
    ...model.state,
    ...(model.proxy ? [model.proxy] : []),
    ...(model.exit !== null && model.exit !== EXIT_INFER ? [model.exit] : []),
  ];
}

const FIELDS = [
  'type',
  'unit',
  'time',
  'output',
  'free',
  'state',
  'proxy',
  'degree',
  'bootstrap',
  'seed',
  'exit',
  'survival',
  'notInputs',
  'name',
];

/** Most bootstrap replications of op / lp / acf (as the bootstrap of `xinzhi estimate`). */
export const MAX_FIRM_BOOTSTRAP = 100_000;

/** The value of "exit" that reads exits off the panel instead of a column. */
export const EXIT_INFER = 'infer';

function problem(file: string, column: string, code: string, message: Bilingual, fix: Bilingual): Problem {
  return { code, severity: 'error', file, column, message, fix };
}

/** True for the firm estimator types. */
export function isFirmType(type: unknown): type is FirmEstimator {
  return (FIRM_ESTIMATORS as readonly unknown[]).includes(type);
}

/**
 * Check a firm-estimator model as written and fill its defaults.
 * @example checkFirmModel({ type: 'ols', unit: 'f', time: 'y', output: 'lny', free: ['l'], state: ['k'] }, 'm.json')
 */
export function checkFirmModel(
  input: FirmModelInput | Record<string, unknown>,
  file: string,
): { model: FirmModel | null; problems: Problem[] } {
  const raw = input as Record<string, unknown>; // what was written: every field is checked
  const problems: Problem[] = [];
  const type = raw.type as FirmEstimator;
  for (const key of Object.keys(raw)) {
    if (!FIELDS.includes(key)) {
      problems.push(
        problem(
          file,
          key,
          'tfp-model-unknown-field',
          bi(`企业估计模型中未知的字段 "${key}"。`, `Unknown field "${key}" in a firm-estimator model.`),
          bi(`可用字段：${FIELDS.join(', ')}。`, `Known fields: ${FIELDS.join(', ')}.`),
        ),
      );
    }
  }
  const text = (key: string, example: string) => {
    if (typeof raw[key] === 'string' && raw[key] !== '') return raw[key] as string;
    problems.push(
      problem(
        file,
        key,
        'tfp-model-field',
        bi(`模型字段 "${key}" 应为数据中的列名。`, `Model field "${key}" must name a column of the data.`),
        bi(`例如 "${key}": "${example}"。`, `For example "${key}": "${example}".`),
      ),
    );
    return '';
  };
  const list = (key: string, example: string) => {
    const v = raw[key];
    if (typeof v === 'string' && v !== '') return [v];
    if (Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string' && s !== '')) return v as string[];
    problems.push(
      problem(
        file,
        key,
        'tfp-model-field',
        bi(`模型字段 "${key}" 应为非空的列名列表。`, `Model field "${key}" must be a non-empty list of column names.`),
        bi(`例如 "${key}": ["${example}"]。`, `For example "${key}": ["${example}"].`),
      ),
    );
    return [];
  };
  const unit = text('unit', 'firm');
  const time = text('time', 'year');
  const output = text('output', 'lny');
  const free = list('free', 'lnl');
  const state = list('state', 'lnk');
  const proxy = needsProxy(type) ? text('proxy', exampleProxy(type)) : null;
  if (!needsProxy(type) && raw.proxy !== undefined) {
    problems.push(
      problem(
        file,
        'proxy',
        'tfp-model-field',
        bi(`"${type}" 不用代理变量。`, `"${type}" uses no proxy variable.`),
        bi('删除 "proxy"。', 'Remove "proxy".'),
      ),
    );
  }
  const degree = raw.degree ?? 3;
  if (!Number.isInteger(degree) || (degree as number) < 1 || (degree as number) > 4) {
    problems.push(
      problem(
        file,
        'degree',
        'tfp-model-field',
        bi('"degree" 应为 1 到 4 的整数。', '"degree" must be an integer from 1 to 4.'),
        bi('通常用 3。', 'Usually 3.'),
      ),
    );
  }
  const bootstrap = raw.bootstrap ?? (needsProxy(type) ? 50 : 0);
  if (!Number.isInteger(bootstrap) || (bootstrap as number) < 0 || (bootstrap as number) === 1) {
    problems.push(
      problem(
        file,
        'bootstrap',
        'tfp-model-field',
        bi(
          '"bootstrap" 应为 0 或不小于 2 的整数（自助法重复次数）。',
          '"bootstrap" must be 0 or an integer ≥ 2 (bootstrap replications).',
        ),
        bi('例如 "bootstrap": 50。', 'For example "bootstrap": 50.'),
      ),
    );
  } else if ((bootstrap as number) > MAX_FIRM_BOOTSTRAP) {
    // each replication re-estimates the model: a billion would never end (the same limit as estimate's bootstrap)
    problems.push(
      problem(
        file,
        'bootstrap',
        'tfp-model-field',
        bi(
          `"bootstrap" 为 ${bootstrap}，超过上限 ${MAX_FIRM_BOOTSTRAP}。`,
          `"bootstrap" is ${bootstrap}, above the limit of ${MAX_FIRM_BOOTSTRAP}.`,
        ),
        bi(
          '50–500 次通常足够，例如 "bootstrap": 200。',
          '50–500 replications are usually enough, e.g. "bootstrap": 200.',
        ),
      ),
    );
  }
  if (!needsProxy(type) && raw.bootstrap !== undefined && bootstrap !== 0) {
    problems.push(
      problem(
        file,
        'bootstrap',
        'tfp-model-field',
        bi(
          `"${type}" 报告经典标准误，不做自助法。`,
          `"${type}" reports classical standard errors, not bootstrap ones.`,
        ),
        bi('删除 "bootstrap"。', 'Remove "bootstrap".'),
      ),
    );
  }
  let exit: string | null = null;
  if (raw.exit !== undefined) {
    if (typeof raw.exit !== 'string' || raw.exit === '') {
      problems.push(
        problem(
          file,
          'exit',
          'tfp-model-field',
          bi(
            '"exit" 应为退出指示列的列名（1 = 企业在本期之后退出），或 "infer"（由面板推断）。',
            '"exit" must name the exit-indicator column (1 = the firm leaves after this period), ' +
              'or be "infer" (read off the panel).',
          ),
          bi('例如 "exit": "infer"。', 'For example "exit": "infer".'),
        ),
      );
    } else if (!takesExit(type)) {
      problems.push(
        problem(
          file,
          'exit',
          'firm-exit-estimator',
          bi(
            `退出（生存）修正只用于 op 和 lp，"${type}" 不提供。`,
            `The exit (survival) correction is provided for op and lp, not for "${type}".`,
          ),
          bi('改用 "type": "op"，或删去 "exit"。', 'Use "type": "op", or remove "exit".'),
        ),
      );
    } else {
      exit = raw.exit;
    }
  }
  const survival = (raw.survival ?? (exit !== null ? 'probit' : undefined)) as SurvivalLink | undefined;
  if (raw.survival !== undefined && (raw.exit === undefined || !SURVIVAL_LINKS.includes(survival as SurvivalLink))) {
    problems.push(
      problem(
        file,
        'survival',
        'tfp-model-field',
        raw.exit === undefined
          ? bi('"survival" 只与 "exit" 一起使用。', '"survival" goes with "exit" only.')
          : bi('"survival" 应为 "probit" 或 "logit"。', '"survival" must be "probit" or "logit".'),
        raw.exit === undefined
          ? bi('加上 "exit"，或删去 "survival"。', 'Add "exit", or remove "survival".')
          : bi('默认 "probit"（Olley & Pakes 1996）。', 'The default is "probit" (Olley & Pakes 1996).'),
      ),
    );
  }
  const all = [
    output,
    ...free,
    ...state,
    ...(proxy ? [proxy] : []),
    ...(exit && exit !== EXIT_INFER ? [exit] : []),
  ].filter((c) => c !== '');
  for (const c of new Set(all.filter((c, i) => all.indexOf(c) !== i))) {
    problems.push(
      problem(
        file,
        c,
        'tfp-duplicate-variable',
        bi(`列 "${c}" 在模型中出现了不止一次。`, `Column "${c}" appears more than once in the model.`),
        bi(
          '产出、自由变量、状态变量和代理变量各用不同的列。',
          'Output, free, state and proxy variables are different columns.',
        ),
      ),
    );
  }
  const notInputs = raw.notInputs === undefined ? [] : raw.notInputs;
  if (
    !Array.isArray(notInputs) ||
    notInputs.some((v) => typeof v !== 'string' || (!free.includes(v) && !state.includes(v)))
  )
    problems.push(
      problem(
        file,
        'notInputs',
        'tfp-model-field',
        bi(
          '"notInputs" 应为 free 或 state 中的列名列表（不计入规模报酬的变量，如企业年龄）。',
          '"notInputs" must list columns of free or state (variables left out of returns to scale, such as firm age).',
        ),
        bi('例如 "notInputs": ["age"]。', 'For example "notInputs": ["age"].'),
      ),
    );
  if (problems.length > 0) return { model: null, problems };
  const model: FirmModel = {
    type,
    unit,
    time,
    output,
    free,
    state,
    proxy,
    degree: degree as number,
    bootstrap: bootstrap as number,
    seed: String(raw.seed ?? '1'),
    exit,
    survival: exit !== null ? (survival as SurvivalLink) : null,
    notInputs: notInputs as string[],
  };
  if (raw.name !== undefined) model.name = raw.name as Bilingual | string;
  return { model, problems };
}
