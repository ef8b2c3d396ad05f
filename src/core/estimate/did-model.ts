/**
 * The DID fields of a model file (`"type": "did"` and `"type": "event-study"`),
 * checked and filled:
 *   {"type": "did", "y": "nqpf", "treat": "pilot", "post": "after", ...}
 *   {"type": "did", "y": "nqpf", "cohort": "first_year", "estimator": "cs", "control": "never"}
 *   {"type": "event-study", "y": "nqpf", "cohort": "first_year", "window": [-4, 4], "bin": true}
 *   "placebo": {"draws": 500, "seed": 1, "mode": "units"}
 * `cohort` is the unit's first treated period; 0 or an empty cell = never treated.
 *
 * @example didSpec({ type: 'did', treat: 'treat', post: 'post' }, '')
 */
import { z } from 'zod';
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { CS_BASES, CS_CONTROLS, type CsBase, type CsControl } from './cs.ts';

export const PLACEBO_MODES = ['units', 'units-and-dates'] as const;
export type PlaceboMode = (typeof PLACEBO_MODES)[number];

/** Zod fields of the DID family, spread into the model schema. */
export const didFields = {
  /** did: 0/1 treatment-group column and 0/1 post-period column. */
  treat: z.string().min(1).optional(),
  post: z.string().min(1).optional(),
  /** did / event-study: first treated period of the unit (0 or empty = never treated). */
  cohort: z.string().min(1).optional(),
  /** did with cohort: Callaway–Sant'Anna ("cs") or the static two-way FE ("twfe"). */
  estimator: z.enum(['cs', 'twfe']).optional(),
  /** cs: control group and base period of the pre-treatment cells. */
  control: z.enum(CS_CONTROLS).optional(),
  base: z.enum(CS_BASES).optional(),
  /** event-study: relative periods kept and whether the ends pool the periods beyond. */
  window: z.tuple([z.number().int(), z.number().int()]).optional(),
  bin: z.boolean().optional(),
  /** did: placebo by random assignment. */
  placebo: z
    .strictObject({
      draws: z.number().int().min(1).max(100_000),
      seed: z.number().int().optional(),
      mode: z.enum(PLACEBO_MODES).optional(),
    })
    .optional(),
};

/** The DID part of a filled model. */
export interface DidSpec {
  /** treat × post dummies, or a cohort (first treated period) column. */
  design: 'treat-post' | 'cohort';
  treat?: string;
  post?: string;
  cohort?: string;
  /** did with cohort: cs (default) or twfe; treat-post designs: twfe (the regression). */
  estimator: 'cs' | 'twfe';
  control: CsControl;
  base: CsBase;
  window?: [number, number];
  bin: boolean;
  placebo?: { draws: number; seed: number; mode: PlaceboMode };
}

type DidInput = { type: string; seed?: number; x?: string[] } & {
  [K in keyof typeof didFields]?: z.infer<(typeof didFields)[K]>;
};

function problem(
  at: string,
  field: string,
  zh: string,
  en: string,
  fixZh: string,
  fixEn: string,
  file?: string,
): never {
  throw new XinzhiError({
    code: 'estimate-model',
    severity: 'error',
    ...(file ? { file } : {}),
    column: [at, field].filter(Boolean).join('.'),
    message: bi(zh, en),
    fix: bi(fixZh, fixEn),
  });
}

/** Check the DID fields of a did / event-study model and fill their defaults. */
export function didSpec(m: DidInput, at: string, file?: string): DidSpec {
  if (m.x?.length)
    problem(
      at,
      'x',
      'did / event-study 模型不使用 x',
      'did and event-study models take no x',
      '处理变量写在 treat/post 或 cohort，其他变量写在 controls',
      'name the treatment in treat/post or cohort and other regressors in controls',
      file,
    );
  const hasTP = Boolean(m.treat || m.post);
  if (m.type === 'event-study' && !m.cohort)
    problem(
      at,
      'cohort',
      '事件研究需要 cohort（首次处理时期）列',
      'an event study needs a cohort column (first treated period)',
      '写成 "cohort": "首次处理年份列"（从未处理填 0 或留空）',
      'write "cohort": "<first treated period column>" (0 or empty = never treated)',
      file,
    );
  if (m.type === 'did' && hasTP === Boolean(m.cohort))
    problem(
      at,
      m.cohort ? 'cohort' : 'treat',
      'did 模型需要 treat 和 post，或者 cohort（二选一）',
      'a did model needs treat and post, or cohort (one of the two)',
      '写成 "treat": "处理组列", "post": "处理后列"；交错处理写 "cohort": "首次处理时期列"',
      'write "treat": "<group column>", "post": "<post column>"; for staggered adoption "cohort": "<first treated period column>"',
      file,
    );
  if (m.type === 'did' && hasTP && !(m.treat && m.post))
    problem(
      at,
      m.treat ? 'post' : 'treat',
      'treat 和 post 需同时给出',
      'treat and post go together',
      '同时写出 "treat" 和 "post"',
      'give both "treat" and "post"',
      file,
    );
  if (hasTP && m.estimator === 'cs')
    problem(
      at,
      'estimator',
      "Callaway–Sant'Anna 估计需要 cohort 列，而不是 treat/post",
      "Callaway–Sant'Anna needs a cohort column, not treat and post",
      '改写为 "cohort": "首次处理时期列"',
      'write "cohort": "<first treated period column>" instead',
      file,
    );
  if (m.type === 'event-study' && (m.estimator || m.control || m.base))
    problem(
      at,
      'estimator',
      'estimator / control / base 只用于 "type": "did"',
      'estimator, control and base belong to "type": "did"',
      '删去这些字段，或改为 did 模型',
      'remove them, or use a did model',
      file,
    );
  if (m.type === 'did' && (m.window || m.bin !== undefined))
    problem(
      at,
      'window',
      'window / bin 只用于事件研究',
      'window and bin belong to event studies',
      '改为 "type": "event-study"，或删去这些字段',
      'use "type": "event-study", or remove them',
      file,
    );
  if (m.type === 'event-study' && m.placebo)
    problem(
      at,
      'placebo',
      '安慰剂检验用于 did 模型',
      'the placebo test is available for did models',
      '对 did 模型做安慰剂检验',
      'run the placebo on a did model',
      file,
    );
  const design = hasTP ? 'treat-post' : 'cohort';
  return {
    design,
    ...(m.treat ? { treat: m.treat, post: m.post } : {}),
    ...(m.cohort ? { cohort: m.cohort } : {}),
    estimator: design === 'cohort' && m.type === 'did' ? (m.estimator ?? 'cs') : 'twfe',
    control: m.control ?? 'never',
    base: m.base ?? 'varying',
    ...(m.window ? { window: m.window } : {}),
    bin: m.bin ?? false,
    ...(m.placebo
      ? { placebo: { draws: m.placebo.draws, seed: m.placebo.seed ?? m.seed ?? 1, mode: m.placebo.mode ?? 'units' } }
      : {}),
  };
}
