/**
 * Tool presets (口径预设): named sets of spec settings that reproduce the
 * conventions of the tools our users compare with. A preset only fills what
 * the spec leaves unset — a field written in the spec always wins — so
 * `preset: spssau` plus `weights.method: critic` is SPSSAU's normalisation
 * with CRITIC weights. The filled spec (RunRecord) shows every value used.
 *
 * Each preset lists where its conventions were observed (the tool's own help
 * page or source) and, honestly, which conventions of that tool xinzhi does
 * not reproduce. Conventions (sources in `sources` of each preset):
 *
 * | preset        | normalisation                    | entropy                                   | scores        |
 * |---------------|----------------------------------|-------------------------------------------|---------------|
 * | xinzhi        | min-max + 0.0001                 | p ln p, k = 1/ln n                        | × 1, ties min |
 * | spssau        | min-max, no shift                | columns with a value ≤ 0 shifted by |min| + 0.01 | × 1      |
 * | coinr         | min-max to [0, 100]              | (equal weights per level)                 | × 1           |
 * | pymcdm        | min-max, no shift                | p ln p, k = 1/ln n                        | ties average  |
 * | mathmodels    | min-max to [0.002, 0.996]        | p ln p, k = 1/ln n                        | × 100         |
 * | stata-entropy | min-max, no shift                | p + 1e-10 in p ln p, k = 1/ln T (periods) | × 1           |
 *
 * @example validateSpec({ ...spec, preset: 'spssau' }).weights.entropy // { nonNegativeShift: 0.01 }
 */
import type { Bilingual } from '../i18n.ts';
import { bi } from '../i18n.ts';

export const PRESET_IDS = ['xinzhi', 'spssau', 'coinr', 'pymcdm', 'mathmodels', 'stata-entropy'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

/** The spec fields a preset may set (the same shapes as the spec's). */
export interface PresetSettings {
  normalize?: { method?: 'minmax'; shift?: number; range?: [number, number]; panel?: 'pooled' | 'by-time' };
  weights?: {
    method?: 'entropy' | 'equal';
    panel?: 'pooled' | 'by-time';
    scope?: 'leaves' | 'children';
    entropy?: { nonNegativeShift?: number; pEpsilon?: number; k?: 'observations' | 'periods' };
  };
  aggregate?: { method?: 'arithmetic' };
  score?: { scale?: number; ties?: 'min' | 'average'; topsis?: { normalize?: 'vector' | 'minmax' | 'none' } };
}

export interface Preset {
  id: PresetId;
  name: Bilingual;
  settings: PresetSettings;
  /** One line per convention: what it sets and where it was observed. */
  conventions: Bilingual[];
  /** Conventions of the tool that xinzhi does not reproduce. */
  notReproduced: Bilingual[];
  sources: string[];
}

export const PRESETS: Record<PresetId, Preset> = {
  xinzhi: {
    id: 'xinzhi',
    name: bi('xinzhi 默认', 'xinzhi default'),
    settings: {},
    conventions: [
      bi(
        '极差标准化后加 0.0001（使熵权的 ln p 有定义），混合样本熵权，k = 1/ln n，算术加权，最小名次并列',
        'min-max plus 0.0001 (so ln p in the entropy method is defined), pooled entropy weights with k = 1/ln n, weighted arithmetic mean, ties share the lowest rank',
      ),
    ],
    notReproduced: [],
    sources: ['docs/measurement.md'],
  },
  spssau: {
    id: 'spssau',
    name: bi('SPSSAU', 'SPSSAU'),
    settings: {
      normalize: { method: 'minmax', shift: 0 },
      weights: { method: 'entropy', entropy: { nonNegativeShift: 0.01 } },
      aggregate: { method: 'arithmetic' },
    },
    conventions: [
      bi(
        '熵值法的“非负平移”：某列有 ≤ 0 的值时，该列加上 |最小值| + 0.01 再算比重（极差标准化后的每一列都有 0，于是都加 0.01）；标准化本身不平移',
        'the entropy method\'s "non-negative shift": a column with a value ≤ 0 gets |min| + 0.01 added before the shares are taken (after min-max every column has a 0, so every column gets +0.01); the normalisation itself adds nothing',
      ),
      bi(
        '综合得分 = Σ 权重 × 标准化值（SPSSAU 把标准化交给“生成变量”，此处用极差法）',
        'composite = Σ weight × normalised value (SPSSAU leaves normalisation to "Generate Variables"; range normalisation here)',
      ),
    ],
    notReproduced: [
      bi(
        '耦合协调度的“数据区间化”[0.01, 0.99] 属于耦合分析而非指数规格：用 analyze coupling --intervalize 0.01,0.99',
        'the coupling model\'s "data intervalization" to [0.01, 0.99] belongs to the coupling analysis, not to the index spec: use analyze coupling --intervalize 0.01,0.99',
      ),
      bi(
        'SPSSAU 帮助页未说明综合得分是否使用平移后的数据；此处得分用未平移的标准化值',
        "SPSSAU's help does not say whether the composite uses the shifted data; here the composite uses the unshifted normalised values",
      ),
    ],
    sources: ['https://www.spssau.net/helps/entropy.html', 'https://www.spssau.net/helps/coupling.html'],
  },
  coinr: {
    id: 'coinr',
    name: bi('COINr', 'COINr'),
    settings: {
      normalize: { method: 'minmax', shift: 0, range: [0, 100] },
      weights: { method: 'equal', scope: 'children' },
      aggregate: { method: 'arithmetic' },
      score: { ties: 'min' },
    },
    conventions: [
      bi('Normalise() 默认 n_minx，区间 l_u = c(0, 100)', 'Normalise() default n_minx with l_u = c(0, 100)'),
      bi(
        '逐层等权（每个节点的下级等权），Aggregate() 默认 a_amean 算术平均',
        'equal weights level by level (each node weighs its children equally), Aggregate() default a_amean',
      ),
    ],
    notReproduced: [
      bi(
        'COINr 按年逐年建指数（每年一个 coin）；面板请设 normalize.panel: by-time 对应',
        'COINr builds one coin per year; for a panel set normalize.panel: by-time to match',
      ),
    ],
    sources: ['https://github.com/bluefoxr/COINr (R/normalise.R, R/aggregate.R)'],
  },
  pymcdm: {
    id: 'pymcdm',
    name: bi('pymcdm', 'pymcdm'),
    settings: {
      normalize: { method: 'minmax', shift: 0 },
      weights: { method: 'entropy' },
      score: { ties: 'average', topsis: { normalize: 'minmax' } },
    },
    conventions: [
      bi(
        'TOPSIS 默认 minmax_normalization；rankdata 并列取平均名次',
        'TOPSIS defaults to minmax_normalization; rankdata gives tied alternatives the average rank',
      ),
    ],
    notReproduced: [
      bi(
        'entropy_weights 对原始矩阵做和归一化（不区分正负向），且某列只要有一个 0 就把该列熵记为 0；xinzhi 的熵权用标准化后的值，0·ln0 记 0',
        'entropy_weights sum-normalises the raw matrix (ignoring directions) and sets the entropy of any column containing a 0 to 0; xinzhi computes entropy on the normalised values with 0·ln 0 = 0',
      ),
      bi(
        'critic_weights 对原始方向做 min-max（忽略负向指标），负向指标的相关符号因此不同',
        'critic_weights min-maxes in the raw direction (ignoring cost criteria), so correlations with cost criteria have the opposite sign',
      ),
    ],
    sources: [
      'https://github.com/kotbaton/pymcdm (pymcdm/weights/weights.py, pymcdm/methods/topsis.py, pymcdm/helpers.py)',
    ],
  },
  mathmodels: {
    id: 'mathmodels',
    name: bi('mathmodels（R 包）', 'mathmodels (R package)'),
    settings: {
      normalize: { method: 'minmax', shift: 0, range: [0.002, 0.996] },
      weights: { method: 'entropy' },
      aggregate: { method: 'arithmetic' },
      score: { scale: 100, topsis: { normalize: 'vector' } },
    },
    conventions: [
      bi(
        'entropy_weight()：rescale(x, a = 0.002, b = 0.996) 极差标准化到 [0.002, 0.996]，k = 1/ln n，得分 = 100 × Σ 权重 × 标准化值',
        'entropy_weight(): rescale(x, a = 0.002, b = 0.996) to [0.002, 0.996], k = 1/ln n, score = 100 × Σ weight × normalised value',
      ),
      bi(
        'topsis()：对原始数据做 L2 归一化（normalize），理想解按方向取最大/最小（在规格中打开 score.topsis 时）',
        'topsis(): L2 normalisation of the raw data (normalize), ideals picked by direction (when the spec turns score.topsis on)',
      ),
    ],
    notReproduced: [
      bi(
        'critic_weight() 用 [0, 1] 的 rescale 而非 [0.002, 0.996]；在规格中写 normalize.range: [0, 1] 与 weights.method: critic 对应',
        'critic_weight() rescales to [0, 1], not [0.002, 0.996]; write normalize.range: [0, 1] with weights.method: critic to match',
      ),
    ],
    sources: ['https://github.com/zhjx19/mathmodels (R/entropy_weight.R, R/preprocess.R, R/topsis.R)'],
  },
  'stata-entropy': {
    id: 'stata-entropy',
    name: bi('Stata 熵值法脚本', 'Stata entropy script'),
    settings: {
      normalize: { method: 'minmax', shift: 0, panel: 'pooled' },
      weights: { method: 'entropy', panel: 'pooled', entropy: { pEpsilon: 1e-10, k: 'periods' } },
      aggregate: { method: 'arithmetic' },
    },
    conventions: [
      bi(
        '广泛转载的 Stata 面板熵值法代码：全样本极差标准化（不平移），比重 p 加 1e-10 后计算 p ln p',
        'the widely copied Stata panel entropy script: pooled min-max without shift, 1e-10 added to the share p before p ln p',
      ),
      bi(
        '熵的系数取 k = 1/ln T（by id: egen m = count(year)，即年份数），而比重在全部 N×T 个观测上计算；于是 e_j > 1、d_j = 1 − e_j < 0，权重 d_j/Σd 仍为正但偏向信息量小的指标',
        'the entropy constant is k = 1/ln T (by id: egen m = count(year), the number of years) while the shares run over all N×T observations; so e_j > 1 and d_j = 1 − e_j < 0, and the weights d_j/Σd stay positive but lean towards the less informative indicators',
      ),
    ],
    notReproduced: [],
    sources: [
      'Stata panel entropy script as reposted, e.g. https://blog.csdn.net/qq_39760686/article/details/140726598',
    ],
  },
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Fill `target` from `fill` where target has no value; nested objects merged the same way. */
function fillUnset(target: Obj, fill: Obj): Obj {
  const out: Obj = { ...target };
  for (const [k, v] of Object.entries(fill)) {
    if (out[k] === undefined) out[k] = isObj(v) ? { ...v } : v;
    else if (isObj(out[k]) && isObj(v)) out[k] = fillUnset(out[k] as Obj, v);
  }
  return out;
}

/** Set `over`'s values onto `target`, nested objects merged the same way. */
function overrideWith(target: Obj, over: Obj): Obj {
  const out: Obj = { ...target };
  for (const [k, v] of Object.entries(over))
    out[k] = isObj(v) && isObj(out[k]) ? overrideWith(out[k] as Obj, v) : isObj(v) ? { ...v } : v;
  return out;
}

/** Score methods whose options a preset may set only when the spec turns the method on. */
const SCORE_METHODS: readonly string[] = ['topsis'];

type Spec0 = { preset?: PresetId; normalize?: unknown; weights?: unknown; score?: unknown };

/**
 * The preset's settings merged into the spec: "fill" writes only where the
 * spec is silent, "over" replaces the spec's values. A score method (TOPSIS)
 * is never turned on: when the spec turns it on, the preset's options for it
 * are merged the same way.
 */
function merged<S extends Spec0>(spec: S, p: PresetSettings, mode: 'fill' | 'over'): Obj {
  const merge = mode === 'fill' ? fillUnset : overrideWith;
  const out = { ...spec } as Obj;
  for (const key of ['normalize', 'weights', 'aggregate'] as const) {
    const m = p[key];
    if (m) out[key] = merge(isObj(out[key]) ? (out[key] as Obj) : {}, m as Obj);
  }
  if (p.score) {
    const score: Obj = isObj(out.score) ? { ...(out.score as Obj) } : {};
    for (const [k, v] of Object.entries(p.score)) {
      if (SCORE_METHODS.includes(k)) {
        if (score[k] === true) score[k] = { ...(v as Obj) };
        else if (isObj(score[k])) score[k] = merge(score[k] as Obj, v as Obj);
      } else if (mode === 'over' || score[k] === undefined) score[k] = v;
    }
    out.score = score;
  }
  return out;
}

/** The object without one key. */
function without(o: Obj, key: string): Obj {
  const { [key]: _gone, ...rest } = o;
  return rest;
}

/**
 * The spec under a preset chosen from outside the file (`--preset`, `xinzhi
 * compare`): the preset's settings replace the spec's values at the same
 * places (the indicators, hierarchy, missing-data and outlier choices stay
 * the spec's); a range or entropy convention the preset does not set is not
 * kept from the spec.
 *
 * @example presetOver(spec, 'stata-entropy').normalize.shift // 0, whatever the spec wrote
 */
export function presetOver<S extends Spec0>(spec: S, id: PresetId): S {
  const p = PRESETS[id].settings;
  const out = merged({ ...spec, preset: id }, p, 'over');
  if (p.normalize && !p.normalize.range && isObj(out.normalize)) out.normalize = without(out.normalize, 'range');
  if (p.weights?.method === 'entropy' && !p.weights.entropy && isObj(out.weights))
    out.weights = without(out.weights, 'entropy');
  return out as S;
}

/**
 * The spec with the preset's settings filled in where the spec is silent;
 * the preset's entropy conventions only where the spec's weights use entropy.
 *
 * @example withPreset({ unit: 'u', time: 't', indicators, preset: 'coinr' }).normalize // { method: 'minmax', shift: 0, range: [0, 100] }
 */
export function withPreset<S extends Spec0>(spec: S): S {
  if (!spec.preset) return spec;
  const out = merged(spec, PRESETS[spec.preset].settings, 'fill');
  const w = out.weights;
  if (isObj(w) && w.entropy !== undefined && !(isObj(spec.weights) && spec.weights.entropy !== undefined)) {
    const combine = isObj(w.combine) ? ((w.combine as Obj).methods as unknown[]) : [];
    if (w.method !== 'entropy' && !combine?.includes('entropy')) out.weights = without(w, 'entropy');
  }
  return out as S;
}
