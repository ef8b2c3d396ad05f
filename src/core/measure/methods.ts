/**
 * Registry of the measurement methods: a bilingual name, the formula as
 * LaTeX-like plain text, the default, the behaviour on degenerate input and
 * the source, for every normalisation, weighting, combination, score, tie
 * rule and coherence statistic. Docs, reports and the web app show "the
 * formula of each choice" from here; docs/methods.md says the same at length.
 */
import { bi, type Bilingual } from '../i18n.ts';
import type { AggregateMethod, MissingMethod, NormalizeMethod, WeightMethod } from './spec.ts';

export interface MethodInfo {
  name: Bilingual;
  /** Formula in LaTeX-like plain text. */
  formula: string;
  /** Source citation(s). */
  source: string;
  /** Defaults of the method's options, if any. */
  defaults?: string;
  /** What happens on degenerate input (constant column, n = 1, ...). */
  degenerate?: Bilingual;
}

const HANDBOOK =
  'OECD/JRC (2008) Handbook on Constructing Composite Indicators: Methodology and User Guide, OECD Publishing';

export const METHODS: {
  normalize: Record<NormalizeMethod | 'log', MethodInfo>;
  weights: Record<WeightMethod, MethodInfo>;
  aggregate: Record<AggregateMethod, MethodInfo>;
  combine: Record<'multiplicative' | 'linear' | 'game-theory', MethodInfo>;
  scores: Record<'topsis' | 'gra' | 'vikor' | 'promethee' | 'copeland' | 'rsr' | 'fuzzy', MethodInfo>;
  ranks: Record<'min' | 'average' | 'dense' | 'first', MethodInfo>;
  coherence: Record<'pearson' | 'cronbach', MethodInfo>;
} = {
  normalize: {
    minmax: {
      name: bi('极差标准化（min-max）', 'Min-max normalisation'),
      formula: '+: y = (x - min) / (max - min) + a;  -: y = (max - x) / (max - min) + a;  a = shift',
      source: `${HANDBOOK}, §5`,
      defaults: 'shift a = 0.0001 (0 = none; 0.01 also common)',
      degenerate: bi(
        '常数列（max = min）：全部取 1，不加平移量。',
        'Constant column (max = min): every value is 1, no shift added.',
      ),
    },
    zscore: {
      name: bi('Z-score 标准化', 'Z-score standardisation'),
      formula: '+: y = (x - \\bar{x}) / s;  -: y = -(x - \\bar{x}) / s;  s = \\sqrt{\\sum (x - \\bar{x})^2 / (n - 1)}',
      source: `${HANDBOOK}, §5`,
      degenerate: bi('常数列或 n = 1：全部取 0。', 'Constant column or n = 1: every value is 0.'),
    },
    vector: {
      name: bi('向量规范化', 'Vector normalisation'),
      formula: '+: y = x / \\sqrt{\\sum x^2};  -: y = 1 - x / \\sqrt{\\sum x^2}',
      source: 'Hwang & Yoon (1981) Multiple Attribute Decision Making, Springer, §3.3',
      degenerate: bi('全零列：正向取 0，负向取 1。', 'All-zero column: 0 for "+", 1 for "-".'),
    },
    'mean-ratio': {
      name: bi('均值化', 'Ratio to the mean'),
      formula: '+: y = x / \\bar{x};  -: y = \\bar{x} / x',
      source: '郭亚军 (2007) 综合评价理论、方法及应用, 科学出版社',
      degenerate: bi(
        '常数列：全部取 1；均值 ≤ 0（或负向含 x ≤ 0）报错。',
        'Constant column: every value is 1; a mean ≤ 0 (or x ≤ 0 for "-") is an error.',
      ),
    },
    none: {
      name: bi('不标准化', 'No normalisation'),
      formula: 'y = x  (direction not applied)',
      source: '—',
    },
    goalposts: {
      name: bi('阈值（goalposts）标准化', 'Goalpost normalisation'),
      formula: '+: y = (x - L) / (U - L);  -: y = (U - x) / (U - L);  capped to [0, 1] (cap: true)',
      source:
        'UNDP Human Development Report, Technical notes (HDI dimension indices); COINr n_goalposts (trunc2posts = TRUE)',
      defaults: 'goalposts [L, U] per indicator; cap true',
      degenerate: bi(
        '缺少 goalposts 或 L ≥ U 报错；常数列照常按阈值计算。',
        'Missing goalposts or L ≥ U is an error; a constant column is scored against the goalposts as usual.',
      ),
    },
    'distance-to-target': {
      name: bi('目标距离标准化', 'Distance to target'),
      formula:
        'ratio: +: y = x / T, -: y = T / x;  coinr: +: y = (x - min) / (T - min), -: y = (max - x) / (max - T);  cap: y = min(y, 1)',
      source: `${HANDBOOK}, §5 (distance to a reference); COINr n_dist2targ (cap_max = FALSE)`,
      defaults: 'target T per indicator; targetVariant ratio; cap false',
      degenerate: bi(
        'ratio：T ≤ 0（负向含 x ≤ 0）报错；coinr：T 等于最差值报错。',
        'ratio: T ≤ 0 (or x ≤ 0 for "-") is an error; coinr: T equal to the worst value is an error.',
      ),
    },
    log: {
      name: bi('对数变换', 'Log transform'),
      formula: 'y = \\ln x  (x > 0);  logPlusOne: y = \\ln(1 + x)  (x \\ge 0)',
      source: `${HANDBOOK}, §3.3 (skewed indicators)`,
      degenerate: bi(
        'x ≤ 0（logPlusOne 时 x < 0）报错并指出位置。',
        'x ≤ 0 (x < 0 with logPlusOne) is an error naming the position.',
      ),
    },
  },
  weights: {
    entropy: {
      name: bi('熵权法', 'Entropy weights'),
      formula:
        'p_{ij} = x_{ij} / \\sum_i x_{ij};  e_j = -\\frac{1}{\\ln n} \\sum_i p_{ij} \\ln p_{ij} (0 \\ln 0 = 0);  d_j = 1 - e_j;  w_j = d_j / \\sum_j d_j',
      source:
        'Shannon (1948); 郭显光 (1998) 系统工程理论与实践 18(12); Zou, Yun & Sun (2006) J. Environmental Sciences 18(5):1020-1023',
      defaults: 'panel: pooled (all unit-years) or by-time, chosen by the pipeline',
      degenerate: bi(
        '负值报错；常数列 e = 1、d = 0；所有 d = 0 时等权。',
        'Negative values are an error; a constant column has e = 1, d = 0; all d = 0 gives equal weights.',
      ),
    },
    critic: {
      name: bi('CRITIC 法', 'CRITIC weights'),
      formula: 'C_j = \\sigma_j \\sum_k (1 - r_{jk})  (or 1 - |r_{jk}|);  w_j = C_j / \\sum_j C_j;  \\sigma sample sd',
      source: 'Diakoulaki, Mavrotas & Papayannakis (1995) Computers & Operations Research 22(7):763-770',
      defaults: 'signed r (absCorrelation: false)',
      degenerate: bi(
        '常数列 C = 0，且不计入其他列的冲突性；所有 C = 0 时等权。',
        "A constant column has C = 0 and is left out of the others' conflict sums; all C = 0 gives equal weights.",
      ),
    },
    cv: {
      name: bi('变异系数法', 'Coefficient-of-variation weights'),
      formula: 'v_j = \\sigma_j / \\bar{x}_j;  w_j = v_j / \\sum_j v_j;  \\sigma sample sd',
      source: '郭亚军 (2007) 综合评价理论、方法及应用, 科学出版社',
      defaults: 'on the data passed in (the pipeline passes normalised data; raw-data CV is the other variant)',
      degenerate: bi(
        '均值 ≤ 0 报错；常数列 v = 0；所有 v = 0 时等权。',
        'A mean ≤ 0 is an error; a constant column has v = 0; all v = 0 gives equal weights.',
      ),
    },
    equal: {
      name: bi('等权法', 'Equal weights'),
      formula: 'w_j = 1 / k',
      source: `${HANDBOOK}, §6.1`,
    },
    ahp: {
      name: bi('层次分析法', 'Analytic Hierarchy Process'),
      formula:
        'A w = \\lambda_{max} w;  CI = (\\lambda_{max} - n)/(n - 1);  CR = CI / RI(n);  geometric mean: w_i \\propto (\\prod_j a_{ij})^{1/n}',
      source:
        'Saaty (1977) J. Math. Psychology 15:234-281; Saaty (1980) The Analytic Hierarchy Process, McGraw-Hill (RI table n = 1..15)',
      defaults: 'eigenvector method; CR > 0.1 is an error unless allowInconsistent',
      degenerate: bi('n ≤ 2：CR = 0；n > 15：无 RI，报错。', 'n ≤ 2: CR = 0; n > 15: no RI, an error.'),
    },
    pca: {
      name: bi('主成分分析法', 'Principal-component weights'),
      formula:
        'R u_k = \\lambda_k u_k;  keep m with \\sum_{k \\le m} \\lambda_k / \\sum \\lambda \\ge 0.85;  c_j = \\sum_{k \\le m} (\\lambda_k / \\sum_{l \\le m} \\lambda_l) a_{jk} / \\sqrt{\\lambda_k};  w_j = |c_j| / \\sum |c_j|;  a_{jk} = u_{jk} \\sqrt{\\lambda_k}',
      source:
        'Jolliffe (2002) Principal Component Analysis, 2nd ed., Springer; the 主成分综合模型 weighting common in SPSS-based Chinese index studies',
      defaults: 'cumulative 0.85, correlation matrix (standardize: true); eigenvector sign: Σ_j u_jk > 0',
      degenerate: bi(
        'n < 2 或（标准化时）常数列报错。',
        'n < 2, or a constant column when standardising, is an error.',
      ),
    },
    given: {
      name: bi('给定权重', 'Given weights'),
      formula: 'w_j as given in the spec',
      source: '—',
    },
    combined: {
      name: bi('组合赋权', 'Combined weights'),
      formula: 'see combine.multiplicative / linear / game-theory',
      source: 'see combine.*',
    },
  },
  aggregate: {
    arithmetic: {
      name: bi('加权算术平均', 'Weighted arithmetic mean'),
      formula: 'S = \\sum_c w_c x_c,  \\sum_c w_c = 1',
      source: `${HANDBOOK}, §6.2`,
    },
    geometric: {
      name: bi('加权几何平均', 'Weighted geometric mean'),
      formula: 'S = \\prod_c x_c^{w_c} = \\exp(\\sum_c w_c \\ln x_c),  x_c > 0',
      source: `${HANDBOOK}, §6.2`,
      degenerate: bi(
        'x ≤ 0（权重非零）报错并指出位置。',
        'x ≤ 0 (with a non-zero weight) is an error naming the position.',
      ),
    },
    harmonic: {
      name: bi('加权调和平均', 'Weighted harmonic mean'),
      formula: 'S = 1 / \\sum_c (w_c / x_c),  x_c > 0',
      source: 'Hardy, Littlewood & Pólya (1934) Inequalities, ch. II; scipy.stats.hmean (weights)',
      degenerate: bi(
        'x ≤ 0（权重非零）报错并指出位置。',
        'x ≤ 0 (with a non-zero weight) is an error naming the position.',
      ),
    },
    power: {
      name: bi('加权幂平均（广义平均）', 'Weighted power (generalised) mean'),
      formula: 'S = (\\sum_c w_c x_c^p)^{1/p},  p \\ne 0  (p = 1 arithmetic, p = -1 harmonic, p \\to 0 geometric)',
      source:
        'Hardy, Littlewood & Pólya (1934) Inequalities, ch. II; Decancq & Lugo (2013) Econometric Reviews 32(1):7-34; scipy.stats.pmean (weights)',
      defaults: 'p required (aggregate.p)',
      degenerate: bi(
        'p > 0 时 x < 0 报错，p < 0 时 x ≤ 0 报错；p = 0 不接受（用 geometric）。',
        'x < 0 is an error for p > 0 and x ≤ 0 for p < 0; p = 0 is refused (use geometric).',
      ),
    },
  },
  combine: {
    multiplicative: {
      name: bi('乘法合成归一化', 'Multiplicative combination'),
      formula: 'w_j = \\prod_l w_{lj} / \\sum_j \\prod_l w_{lj}',
      source: 'common practice in Chinese evaluation studies (组合赋权)',
    },
    linear: {
      name: bi('线性加权组合', 'Linear combination'),
      formula: 'w_j = \\sum_l \\alpha_l w_{lj},  \\alpha_l \\ge 0,  \\sum_l \\alpha_l = 1',
      source: 'common practice in Chinese evaluation studies (组合赋权)',
      defaults: 'alpha_l = 1/L',
    },
    'game-theory': {
      name: bi('博弈论组合赋权', 'Game-theory combination'),
      formula:
        '\\sum_l \\alpha_l w_i w_l^T = w_i w_i^T (i = 1..L);  \\alpha^* = |\\alpha| / \\sum |\\alpha|;  w = \\sum_l \\alpha^*_l w_l',
      source:
        'game-theory (Nash-equilibrium) combination weighting as written in Chinese evaluation studies; no single canonical source',
      degenerate: bi(
        '权重组线性相关时取最小范数最小二乘解。',
        'Linearly dependent sets: the minimum-norm least-squares solution.',
      ),
    },
  },
  scores: {
    topsis: {
      name: bi('TOPSIS 逼近理想解排序法', 'TOPSIS'),
      formula:
        'v_{ij} = w_j r_{ij};  D^+_i = \\sqrt{\\sum_j (v_{ij} - A^+_j)^2};  D^-_i = \\sqrt{\\sum_j (v_{ij} - A^-_j)^2};  C_i = D^-_i / (D^+_i + D^-_i)',
      source: 'Hwang & Yoon (1981) Multiple Attribute Decision Making, Springer, §3.3',
      defaults: 'normalize: vector (r = x / \\sqrt{\\sum x^2}); minmax and none also offered',
      degenerate: bi('D⁺ + D⁻ = 0 时 C = 0.5。', 'D+ + D- = 0 gives C = 0.5.'),
    },
    gra: {
      name: bi('灰色关联分析', 'Grey relational analysis'),
      formula:
        '\\Delta_{ij} = |x_{0j} - x_{ij}|, x_{0j} = \\max_i x_{ij};  \\xi_{ij} = (\\Delta_{min} + \\rho \\Delta_{max}) / (\\Delta_{ij} + \\rho \\Delta_{max});  grade_i = \\sum_j w_j \\xi_{ij}',
      source: 'Deng (1982) Systems & Control Letters 1(5):288-294; 邓聚龙 (1987) 灰色系统基本方法',
      defaults: 'rho = 0.5; reference = column maxima',
      degenerate: bi('Δmax = 0 时 ξ = 1。', 'Δmax = 0 gives ξ = 1.'),
    },
    vikor: {
      name: bi('VIKOR 妥协排序法', 'VIKOR'),
      formula:
        'S_i = \\sum_j w_j (f^*_j - f_{ij}) / (f^*_j - f^-_j);  R_i = \\max_j (\\cdot);  Q_i = v (S_i - S^*)/(S^- - S^*) + (1 - v)(R_i - R^*)/(R^- - R^*)',
      source: 'Opricovic & Tzeng (2004) European Journal of Operational Research 156(2):445-455',
      defaults: 'v = 0.5; smaller is better',
      degenerate: bi(
        '常数列贡献 0；S⁻ = S*（或 R⁻ = R*）时该项为 0。',
        'A constant column contributes 0; S- = S* (or R- = R*) makes that term 0.',
      ),
    },
    promethee: {
      name: bi('PROMETHEE II 排序法', 'PROMETHEE II'),
      formula:
        '\\pi(a,b) = \\sum_j w_j P_j(g_j(a) - g_j(b));  \\phi^+(a) = \\sum_b \\pi(a,b)/(n-1);  \\phi^-(a) = \\sum_b \\pi(b,a)/(n-1);  \\phi = \\phi^+ - \\phi^-',
      source:
        'Brans & Vincke (1985) Management Science 31:647-656; Brans & Mareschal (2005), ch. 5 in Figueira et al. (eds.) MCDA',
      defaults: 'usual criterion for every indicator; on the normalised data',
      degenerate: bi(
        '样本少于 2 行报错；常数指标不起作用；Σφ = 0。',
        'Fewer than 2 rows is an error; a constant indicator contributes nothing; Σφ = 0.',
      ),
    },
    copeland: {
      name: bi('Copeland 优序法', 'Copeland (outranking)'),
      formula:
        'e_{ab} = \\sum_j w_j [x_{aj} > x_{bj}] + \\tfrac12 \\sum_j w_j [x_{aj} = x_{bj}];  c_a = \\#\\{b: e_{ab} > 1/2\\} - \\#\\{b: e_{ab} < 1/2\\}',
      source: 'COINr outrankMatrix() / a_copeland() (Becker et al. 2022); Munda & Nardo (2009) Applied Economics',
      defaults: 'on the normalised data',
      degenerate: bi('全部相同：得分均为 0。', 'All rows equal: every score is 0.'),
    },
    rsr: {
      name: bi('秩和比法（RSR）', 'Rank-sum ratio (RSR)'),
      formula:
        'R_{ij} = rank (integer, ties averaged) or 1 + (n-1)(x - min)/(max - min) (non-integer);  RSR_i = \\sum_j w_j R_{ij} / n;  probit = 5 + \\Phi^{-1}(\\bar{R}/n) (last 1 - 1/(4n));  RSR = a + b probit (OLS over distinct values);  grade by cut-offs a + b t_k',
      source: '田凤调 (1988) 秩和比法及其应用; 田凤调 (1993) 中国卫生统计 10(2)',
      defaults: 'variant integer; 3 grades (probit cut-offs 4, 6)',
      degenerate: bi(
        '常数列秩均为 (n+1)/2；RSR 不同取值少于 2 个时回归与分档无定义（NaN、档次 0）并警告。',
        'A constant column ranks (n+1)/2 everywhere; fewer than 2 distinct RSR values leave the regression and grades undefined (NaN, grade 0) with a warning.',
      ),
    },
    fuzzy: {
      name: bi('模糊综合评价', 'Fuzzy comprehensive evaluation'),
      formula:
        'B = W \\circ R;  M(\\cdot,+): b_k = \\sum_j w_j r_{jk};  M(\\wedge,\\vee): b_k = \\max_j \\min(w_j, r_{jk});  M(\\cdot,\\vee): \\max_j w_j r_{jk};  M(\\wedge,\\oplus): \\min(1, \\sum_j \\min(w_j, r_{jk}));  grade = argmax_k b_k;  score = \\sum_k s_k b_k / \\sum_k b_k',
      source: 'Zadeh (1965) Information and Control 8:338-353; 汪培庄 (1983) 模糊集合论及其应用',
      defaults: 'operator M(·,+); membership centres 0, 0.25, 0.5, 0.75, 1 (triangles with shoulders); scores 1..g',
      degenerate: bi(
        '所有等级隶属度为 0 时得分 NaN、档次 0 并警告；最大隶属度并列时取较低等级并标记。',
        'No membership in any grade gives score NaN and grade 0 with a warning; tied maximum memberships take the lower grade, flagged.',
      ),
    },
  },
  ranks: {
    min: {
      name: bi('并列取最小名次', 'Ties share the smallest rank'),
      formula: '1, 2, 2, 4',
      source: 'R rank(ties.method = "min")',
      defaults: 'default; descending',
    },
    average: {
      name: bi('并列取平均名次', 'Ties share the mean rank'),
      formula: '1, 2.5, 2.5, 4',
      source: 'R rank(ties.method = "average")',
    },
    dense: { name: bi('并列不跳号', 'Dense ranking'), formula: '1, 2, 2, 3', source: 'pandas rank(method = "dense")' },
    first: {
      name: bi('并列按出现顺序', 'Ties by position'),
      formula: '1, 2, 3, 4',
      source: 'R rank(ties.method = "first")',
    },
  },
  coherence: {
    pearson: {
      name: bi('皮尔逊相关系数', 'Pearson correlation'),
      formula:
        'r_{jk} = \\sum (x_j - \\bar{x}_j)(x_k - \\bar{x}_k) / \\sqrt{\\sum (x_j - \\bar{x}_j)^2 \\sum (x_k - \\bar{x}_k)^2}',
      source: 'Pearson (1896)',
      degenerate: bi('常数列的相关系数为 NaN。', 'Correlations of a constant column are NaN.'),
    },
    cronbach: {
      name: bi('克朗巴赫 α 系数', "Cronbach's alpha"),
      formula: '\\alpha = \\frac{k}{k - 1} (1 - \\sum_j s_j^2 / s_T^2)',
      source: `Cronbach (1951) Psychometrika 16(3):297-334; ${HANDBOOK}, §4.2`,
      degenerate: bi('k < 2、n < 2 或总方差为 0 时为 NaN。', 'NaN when k < 2, n < 2 or the total variance is 0.'),
    },
  },
};

/** Names of the missing-value treatments (spec `missing.method`; formulas in core/panel/impute.ts and docs/data.md). */
export const MISSING_METHODS: Record<MissingMethod, Bilingual> = {
  error: bi('不填补（缺失即报错）', 'No filling (a missing cell is an error)'),
  interpolate: bi('线性插值（单位内按时间）', 'Linear interpolation (within a unit over time)'),
  'unit-mean': bi('单位均值填补', 'Unit mean'),
  'time-mean': bi('当期截面均值填补', 'Cross-sectional mean of the time'),
  'group-mean': bi('组内当期均值填补', 'Group mean of the time'),
  drop: bi('删除含缺失值的行', 'Drop rows with a missing cell'),
};
