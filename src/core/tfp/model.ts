/**
 * The TFP model a user writes (JSON / YAML), its validation and its filled
 * form. `TfpModelInput` is the model as written; `TfpModel` is the model as
 * used, with every default applied, and is carried by every result.
 */
import type { Problem } from '../errors.ts';
import { bi, type Bilingual } from '../i18n.ts';
import type { ReturnsToScale } from './technology.ts';

export const DEA_TYPES = ['ccr', 'bcc', 'sbm'] as const;
export const INDEX_TYPES = ['malmquist', 'ml', 'gml'] as const;
export const ORIENTATIONS = ['input', 'output', 'none'] as const;
export const RTS = ['crs', 'vrs'] as const;

export type DeaType = (typeof DEA_TYPES)[number];
export type IndexModelType = (typeof INDEX_TYPES)[number];
export type TfpType = DeaType | IndexModelType;
export type ModelOrientation = (typeof ORIENTATIONS)[number];

/** The model as written. */
export interface TfpModelInput {
  type: string;
  unit: string;
  time: string;
  inputs: string[];
  outputs: string[];
  undesirable?: string[];
  rts?: string;
  orientation?: string;
  super?: boolean;
  /** Malmquist / ML: 'contemporaneous' (default) or 'sequential' frontiers. */
  frontier?: string;
  /** Framework node of a column, e.g. {"Employment": "factor.laborer"}; undesirable outputs default to "form.green". */
  nodes?: Record<string, string>;
  name?: Bilingual | string;
}

/** The model as used (defaults filled). */
export interface TfpModel {
  type: TfpType;
  unit: string;
  time: string;
  inputs: string[];
  outputs: string[];
  undesirable: string[];
  rts: ReturnsToScale;
  orientation: ModelOrientation;
  super: boolean;
  /** Frontier of the indices: 'contemporaneous' or 'sequential' (malmquist, ml); 'global' (gml); 'period' (DEA). */
  frontier: 'period' | 'contemporaneous' | 'sequential' | 'global';
  nodes: Record<string, string>;
  name?: Bilingual | string;
}

/** Default returns to scale and orientation of each type (stated in docs/tfp.md). */
const DEFAULTS: Record<TfpType, { rts: ReturnsToScale; orientation: ModelOrientation }> = {
  ccr: { rts: 'crs', orientation: 'input' },
  bcc: { rts: 'vrs', orientation: 'input' },
  sbm: { rts: 'crs', orientation: 'none' },
  malmquist: { rts: 'crs', orientation: 'output' },
  ml: { rts: 'crs', orientation: 'none' },
  gml: { rts: 'crs', orientation: 'none' },
};

const KNOWN_FIELDS = [
  'type',
  'unit',
  'time',
  'inputs',
  'outputs',
  'undesirable',
  'rts',
  'orientation',
  'super',
  'frontier',
  'nodes',
  'name',
];

function problem(file: string, column: string | undefined, code: string, message: Bilingual, fix: Bilingual): Problem {
  const p: Problem = { code, severity: 'error', file, message, fix };
  if (column !== undefined) p.column = column;
  return p;
}

function stringList(
  raw: Record<string, unknown>,
  key: string,
  file: string,
  problems: Problem[],
  required: boolean,
): string[] {
  const v = raw[key];
  if (v === undefined && !required) return [];
  if (typeof v === 'string' && v !== '') return [v];
  if (Array.isArray(v) && v.every((s) => typeof s === 'string' && s !== '') && (v.length > 0 || !required))
    return v as string[];
  problems.push(
    problem(
      file,
      key,
      'tfp-model-field',
      bi(`模型字段 "${key}" 应为非空的列名列表。`, `Model field "${key}" must be a non-empty list of column names.`),
      bi(`例如 "${key}": ["列名1", "列名2"]。`, `For example "${key}": ["column 1", "column 2"].`),
    ),
  );
  return [];
}

/**
 * Check a model as written and fill its defaults; problems name the model file and the field.
 * @example checkTfpModel({ type: 'sbm', unit: 'P', time: 'Year', inputs: ['L', 'K'], outputs: ['GDP'] }, 'm.json')
 */
export function checkTfpModel(input: unknown, file: string): { model: TfpModel | null; problems: Problem[] } {
  const problems: Problem[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    problems.push(
      problem(
        file,
        undefined,
        'tfp-model-shape',
        bi('模型文件应为一个对象（JSON 或 YAML）。', 'The model file must hold one object (JSON or YAML).'),
        bi('参见 docs/tfp.md 的模型示例。', 'See the model example in docs/tfp.md.'),
      ),
    );
    return { model: null, problems };
  }
  const raw = input as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!KNOWN_FIELDS.includes(key)) {
      problems.push(
        problem(
          file,
          key,
          'tfp-model-unknown-field',
          bi(`未知的模型字段 "${key}"。`, `Unknown model field "${key}".`),
          bi(`可用字段：${KNOWN_FIELDS.join(', ')}。`, `Known fields: ${KNOWN_FIELDS.join(', ')}.`),
        ),
      );
    }
  }
  const type = raw.type;
  const allTypes: readonly string[] = [...DEA_TYPES, ...INDEX_TYPES];
  const typeList = [...allTypes, 'ols', 'fe', 'op', 'lp', 'acf'];
  if (typeof type !== 'string' || !allTypes.includes(type)) {
    problems.push(
      problem(
        file,
        'type',
        'tfp-type',
        bi(`未知的模型类型 "${String(type)}"。`, `Unknown model type "${String(type)}".`),
        bi(`可用类型：${typeList.join(', ')}。`, `Available types: ${typeList.join(', ')}.`),
      ),
    );
  }
  for (const key of ['unit', 'time']) {
    if (typeof raw[key] !== 'string' || raw[key] === '') {
      problems.push(
        problem(
          file,
          key,
          'tfp-model-field',
          bi(`模型字段 "${key}" 应为数据中的列名。`, `Model field "${key}" must name a column of the data.`),
          bi(
            `例如 "${key}": "${key === 'unit' ? 'Province' : 'Year'}"。`,
            `For example "${key}": "${key === 'unit' ? 'Province' : 'Year'}".`,
          ),
        ),
      );
    }
  }
  const inputs = stringList(raw, 'inputs', file, problems, true);
  const outputs = stringList(raw, 'outputs', file, problems, true);
  const undesirable = stringList(raw, 'undesirable', file, problems, false);
  if (problems.length > 0) return { model: null, problems };
  const t = type as TfpType;
  const rts = raw.rts ?? DEFAULTS[t].rts;
  const orientation = raw.orientation ?? DEFAULTS[t].orientation;
  const sup = raw.super ?? false;
  const defaultFrontier = t === 'gml' ? 'global' : t === 'malmquist' || t === 'ml' ? 'contemporaneous' : 'period';
  const frontier = raw.frontier ?? defaultFrontier;
  const frontiers = t === 'malmquist' || t === 'ml' ? ['contemporaneous', 'sequential'] : [defaultFrontier];
  if (!frontiers.includes(frontier as string)) {
    problems.push(
      problem(
        file,
        'frontier',
        'tfp-frontier',
        bi(
          `"${t}" 模型的 "frontier" 只能是 ${frontiers.join(' 或 ')}，而不是 "${String(frontier)}"。`,
          `"frontier" of a "${t}" model must be ${frontiers.join(' or ')}, not "${String(frontier)}".`,
        ),
        bi(
          'contemporaneous：当期前沿；sequential：序列前沿（malmquist、ml）；gml 总用全局前沿。',
          'contemporaneous: each period its own frontier; sequential: all periods so far (malmquist, ml); ' +
            'gml always uses the global frontier.',
        ),
      ),
    );
  }
  if (!(RTS as readonly unknown[]).includes(rts)) {
    problems.push(
      problem(
        file,
        'rts',
        'tfp-rts',
        bi(`"rts" 应为 crs 或 vrs，而不是 "${String(rts)}"。`, `"rts" must be crs or vrs, not "${String(rts)}".`),
        bi('crs：规模报酬不变；vrs：规模报酬可变。', 'crs: constant returns to scale; vrs: variable returns to scale.'),
      ),
    );
  } else if ((t === 'ccr' && rts !== 'crs') || (t === 'bcc' && rts !== 'vrs')) {
    problems.push(
      problem(
        file,
        'rts',
        'tfp-rts-conflict',
        bi(
          `CCR 模型是规模报酬不变、BCC 是可变的；"${t}" 与 "rts": "${String(rts)}" 矛盾。`,
          `CCR is constant and BCC variable returns to scale; "${t}" contradicts "rts": "${String(rts)}".`,
        ),
        bi('删除 "rts"，或改用另一个类型。', 'Remove "rts", or use the other type.'),
      ),
    );
  }
  const allowed: Record<TfpType, readonly string[]> = {
    ccr: ['input', 'output'],
    bcc: ['input', 'output'],
    sbm: ['none'],
    malmquist: ['input', 'output'],
    ml: ['none'],
    gml: ['none'],
  };
  if (!allowed[t].includes(orientation as string)) {
    problems.push(
      problem(
        file,
        'orientation',
        'tfp-orientation',
        bi(
          `"${t}" 模型的 "orientation" 只能是 ${allowed[t].join(' 或 ')}，而不是 "${String(orientation)}"。`,
          `"orientation" of a "${t}" model must be ${allowed[t].join(' or ')}, not "${String(orientation)}".`,
        ),
        bi(
          t === 'sbm' || t === 'ml' || t === 'gml'
            ? '该模型是非导向的：删除 "orientation"。'
            : '删除 "orientation" 以使用默认值。',
          t === 'sbm' || t === 'ml' || t === 'gml'
            ? 'This model is non-oriented: remove "orientation".'
            : 'Remove "orientation" to use the default.',
        ),
      ),
    );
  }
  if (typeof sup !== 'boolean') {
    problems.push(
      problem(
        file,
        'super',
        'tfp-super',
        bi('"super" 应为 true 或 false。', '"super" must be true or false.'),
        bi('写 "super": true。', 'Write "super": true.'),
      ),
    );
  } else if (sup && t !== 'sbm' && t !== 'ccr' && t !== 'bcc') {
    problems.push(
      problem(
        file,
        'super',
        'tfp-super',
        bi(
          `超效率只用于 ccr、bcc 和 sbm 模型，不用于 "${t}"。`,
          `Super-efficiency is available for ccr, bcc and sbm, not for "${t}".`,
        ),
        bi('改用 ccr、bcc 或 sbm，或删除 "super"。', 'Use ccr, bcc or sbm, or remove "super".'),
      ),
    );
  }
  if (undesirable.length > 0 && (t === 'ccr' || t === 'bcc' || t === 'malmquist')) {
    problems.push(
      problem(
        file,
        'undesirable',
        'tfp-undesirable',
        bi(`"${t}" 模型不含非期望产出。`, `A "${t}" model has no undesirable outputs.`),
        bi('含 CO₂ 等非期望产出时用 sbm、ml 或 gml。', 'With undesirable outputs such as CO₂ use sbm, ml or gml.'),
      ),
    );
  }
  const columns = [...inputs, ...outputs, ...undesirable];
  const dup = columns.filter((c, i) => columns.indexOf(c) !== i);
  for (const c of new Set(dup)) {
    problems.push(
      problem(
        file,
        c,
        'tfp-duplicate-variable',
        bi(`列 "${c}" 在模型中出现了不止一次。`, `Column "${c}" appears more than once in the model.`),
        bi(
          '每列只能是投入、期望产出或非期望产出之一。',
          'A column is an input, a desirable or an undesirable output, once.',
        ),
      ),
    );
  }
  const nodes: Record<string, string> = {};
  for (const c of undesirable) nodes[c] = 'form.green';
  if (raw.nodes !== undefined) {
    if (typeof raw.nodes !== 'object' || raw.nodes === null || Array.isArray(raw.nodes)) {
      problems.push(
        problem(
          file,
          'nodes',
          'tfp-nodes',
          bi('"nodes" 应为 {列名: 框架节点} 对象。', '"nodes" must be an object {column: framework node}.'),
          bi('例如 "nodes": {"就业": "factor.laborer"}。', 'For example "nodes": {"Employment": "factor.laborer"}.'),
        ),
      );
    } else {
      for (const [c, id] of Object.entries(raw.nodes as Record<string, unknown>)) {
        if (!columns.includes(c) || typeof id !== 'string') {
          problems.push(
            problem(
              file,
              'nodes',
              'tfp-nodes',
              bi(
                `"nodes" 中的 "${c}" 不是模型的变量，或节点不是字符串。`,
                `"${c}" in "nodes" is not a model variable, or its node is not a string.`,
              ),
              bi(
                '只给模型的投入和产出列指定框架节点。',
                "Give framework nodes only for the model's input and output columns.",
              ),
            ),
          );
        } else nodes[c] = id;
      }
    }
  }
  if (problems.length > 0) return { model: null, problems };
  const model: TfpModel = {
    type: t,
    unit: raw.unit as string,
    time: raw.time as string,
    inputs,
    outputs,
    undesirable,
    rts: rts as ReturnsToScale,
    orientation: orientation as ModelOrientation,
    super: sup as boolean,
    frontier: frontier as TfpModel['frontier'],
    nodes,
  };
  if (raw.name !== undefined) model.name = raw.name as Bilingual | string;
  return { model, problems };
}
