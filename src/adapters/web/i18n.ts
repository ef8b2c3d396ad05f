/**
 * The web app's bilingual dictionary: every string the UI shows comes from
 * here (or from the core's own bilingual texts: problems, method names,
 * framework nodes). Language: localStorage "xinzhi.lang" if set, else the
 * first of navigator.languages that is Chinese or English (Chinese when the
 * browser prefers it), else English.
 */
import type { Bilingual, Lang } from '../../core/i18n.ts';

export type { Lang, Bilingual };

const D = {
  appName: ['新质 xinzhi', 'xinzhi 新质'],
  appTagline: ['新质生产力测度与分析', 'Measuring and analysing new quality productive forces'],
  skipToMain: ['跳到主要内容', 'Skip to main content'],
  navLabel: ['主导航', 'Main navigation'],
  navData: ['数据', 'Data'],
  navSpec: ['指标体系', 'Indicator system'],
  navResults: ['结果', 'Results'],
  navAnalysis: ['分析', 'Analysis'],
  navFramework: ['框架', 'Framework'],
  navExport: ['导出', 'Export'],
  switchLang: ['English', '中文'],
  switchLangLabel: ['切换到英文界面', 'Switch the interface to Chinese'],
  computing: ['计算中…', 'Computing…'],
  ready: ['就绪', 'Ready'],
  lastRun: ['上次计算用时', 'Last computation'],
  ms: ['毫秒', 'ms'],
  progress: ['进度', 'Progress'],
  // data view
  dataTitle: ['数据', 'Data'],
  dataIntro: [
    '从内置的 31 省 2013–2022 面板开始，或上传自己的 CSV / XLSX / JSON 文件（宽格式：每行一个单位-年份，每列一个指标；或长格式：每行一个单位-年份-指标及其数值）。',
    'Start from the embedded 31-province panel 2013–2022, or upload your own CSV / XLSX / JSON file (wide format: one row per unit-year, one column per indicator; or long format: one row per unit, year and indicator with its value).',
  ],
  dataShape: ['数据格式', 'Data layout'],
  shapeWide: ['宽格式（每列一个指标）', 'wide (one column per indicator)'],
  shapeLong: ['长格式（指标名列 + 数值列）', 'long (indicator-name column + value column)'],
  shapeDetected: [
    '已根据表头与数据自动识别为长格式，可在此更改。',
    'Detected as long format from the header and the rows; change it here if needed.',
  ],
  indicatorColumn: ['指标名列', 'Indicator-name column'],
  valueColumn: ['数值列', 'Value column'],
  useDefault: ['使用内置省域面板', 'Use the embedded province panel'],
  dropHere: ['把文件拖到这里，或', 'Drop a file here, or'],
  chooseFile: ['选择文件', 'choose a file'],
  fileInput: ['上传数据文件（CSV、XLSX 或 JSON）', 'Upload a data file (CSV, XLSX or JSON)'],
  currentFile: ['当前文件', 'Current file'],
  encoding: ['编码', 'Encoding'],
  sheet: ['工作表', 'Sheet'],
  rows: ['行数', 'Rows'],
  unitColumn: ['单位列', 'Unit column'],
  timeColumn: ['时间列', 'Time column'],
  noTime: ['（无，截面数据）', '(none, cross-section)'],
  labelColumns: ['文本（分组）列', 'Text (grouping) columns'],
  detected: ['识别结果', 'Detected'],
  units: ['单位', 'Units'],
  years: ['年份', 'Years'],
  indicators: ['指标（数值列）', 'Indicators (numeric columns)'],
  indicatorsLong: ['指标（指标名列中的名称）', 'Indicators (names in the indicator column)'],
  problems: ['校验问题', 'Validation problems'],
  noProblems: ['未发现问题。', 'No problems found.'],
  errors: ['错误', 'errors'],
  warnings: ['警告', 'warnings'],
  severity: ['级别', 'Severity'],
  error: ['错误', 'error'],
  warning: ['警告', 'warning'],
  row: ['行', 'Row'],
  column: ['列', 'Column'],
  message: ['说明', 'Message'],
  fix: ['修正', 'Fix'],
  preview: ['数据预览（前 8 行）', 'Preview (first 8 rows)'],
  specMismatch: [
    '当前指标体系引用了数据中没有的列；请在“指标体系”中调整，或使用“按数据新建指标体系”。',
    'The indicator system names columns that are not in this data; adjust it under "Indicator system" or use "New system from the data".',
  ],
  newSpecFromData: [
    '按数据新建指标体系（全部数值列，等分到一个维度）',
    'New system from the data (all numeric columns, one dimension)',
  ],
  // spec view
  specTitle: ['指标体系与方法', 'Indicator system and methods'],
  specIntro: [
    '编辑后自动重新计算。每个方法选择下方给出所用公式。',
    'Changes recompute automatically. The formula of each choice is shown below it.',
  ],
  tree: ['指标树', 'Indicator tree'],
  methods: ['方法', 'Methods'],
  index: ['综合指数', 'Composite index'],
  dimension: ['维度', 'Dimension'],
  parent: ['所属维度', 'Dimension'],
  direction: ['方向', 'Direction'],
  positive: ['正向 +', 'positive +'],
  negative: ['负向 −', 'negative −'],
  measureUnit: ['计量单位', 'Unit of measure'],
  frameworkNode: ['框架节点', 'Framework node'],
  none: ['（无）', '(none)'],
  dataColumn: ['数据列', 'Data column'],
  nameZh: ['中文名', 'Chinese name'],
  nameEn: ['英文名', 'English name'],
  givenWeight: ['给定权重', 'Given weight'],
  remove: ['删除', 'Remove'],
  addIndicator: ['添加指标', 'Add indicator'],
  addDimension: ['添加维度', 'Add dimension'],
  moveTo: ['移到', 'Move to'],
  topLevel: ['（总指数下）', '(under the index)'],
  normalization: ['无量纲化', 'Normalisation'],
  shift: ['平移量 a', 'Shift a'],
  normPanel: ['标准化样本', 'Normalisation sample'],
  weighting: ['赋权方法', 'Weighting'],
  panelMode: ['面板处理', 'Panel mode'],
  pooled: ['混合（全部单位-年份）', 'pooled (all unit-years)'],
  byTime: ['逐年', 'by time'],
  scope: ['赋权范围', 'Weight scope'],
  scopeLeaves: [
    '全部指标一起（维度权重 = 指标权重之和）',
    'all indicators together (node weight = sum of its indicators)',
  ],
  scopeChildren: ['逐层（各节点对其下级赋权）', 'level by level (each node weights its children)'],
  aggregation: ['合成方法', 'Aggregation'],
  arithmetic: ['加权算术平均', 'weighted arithmetic mean'],
  geometric: ['加权几何平均', 'weighted geometric mean'],
  scoring: ['评分', 'Scoring'],
  scale: ['得分倍数', 'Score scale'],
  ties: ['并列名次', 'Ties'],
  extraScores: ['附加评价方法', 'Additional MCDM scores'],
  missing: ['缺失值', 'Missing values'],
  formula: ['公式', 'Formula'],
  source: ['出处', 'Source'],
  specProblems: ['指标体系问题', 'Problems in the indicator system'],
  ahpTitle: ['层次分析法（AHP）判断矩阵', 'AHP pairwise comparison matrices'],
  ahpIntro: [
    '每个节点（综合指数及各维度）对其下级两两比较：a_ij 为第 i 项相对第 j 项的重要性（Saaty 1–9 标度），a_ji = 1/a_ij 自动填写。',
    "Each node (the index and every dimension) compares its children pairwise: a_ij is the importance of item i relative to item j on Saaty's 1–9 scale; a_ji = 1/a_ij is filled in automatically.",
  ],
  ahpNode: ['比较的节点', 'Node compared'],
  ahpVs: ['相对于', 'relative to'],
  ahpItem: ['项', 'Item'],
  ahpConsistent: ['一致性可接受（CR ≤ 0.1）', 'acceptable consistency (CR ≤ 0.1)'],
  ahpInconsistent: [
    '不一致（CR > 0.1）：请修改判断，或勾选“接受不一致的矩阵”',
    'inconsistent (CR > 0.1): revise the judgements, or tick "accept inconsistent matrices"',
  ],
  ahpAllow: ['接受不一致的矩阵（allowInconsistent）', 'Accept inconsistent matrices (allowInconsistent)'],
  ahpOutOfSync: [
    '判断矩阵与当前指标树不一致（节点的下级已改变）。',
    'The matrices do not match the current tree (the children of a node changed).',
  ],
  ahpSync: ['按当前指标树更新矩阵（新的比较取 1）', 'Update the matrices to the tree (new comparisons set to 1)'],
  ahpAll: ['全部判断矩阵', 'All matrices'],
  ahpNoMatrix: [
    '没有需要比较的节点（每个节点至少需要 2 个下级）。',
    'No node to compare (a node needs at least 2 children).',
  ],
  ahpScale: [
    'Saaty 标度：1 同等重要，3 稍微重要，5 明显重要，7 强烈重要，9 极端重要，2/4/6/8 为中间值，倒数表示反向比较。',
    'Saaty scale: 1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme importance; 2/4/6/8 in between; reciprocals for the reverse comparison.',
  ],
  status: ['状态', 'Status'],
  combineMethods: ['组合的方法（至少 2 种）', 'Methods combined (2 or more)'],
  combineRule: ['组合规则', 'Combination rule'],
  alphaOf: ['系数 α', 'Coefficient α'],
  alphaSum: ['α 之和（须为 1）', 'Sum of α (must be 1)'],
  resetSpec: ['恢复默认指标体系', 'Reset to the default system'],
  editJson: ['查看 JSON', 'View JSON'],
  // results
  resultsTitle: ['测度结果', 'Results'],
  noResult: ['还没有结果：请先在“数据”中加载数据。', 'No results yet: load data under "Data" first.'],
  level: ['层级', 'Level'],
  node: ['节点', 'Node'],
  year: ['年份', 'Year'],
  unit: ['单位', 'Unit'],
  score: ['得分', 'Score'],
  rank: ['排名', 'Rank'],
  weight: ['权重', 'Weight'],
  localWeight: ['层内权重', 'Local weight'],
  globalWeight: ['综合权重', 'Global weight'],
  weightsTable: ['指标权重', 'Indicator weights'],
  scoresTable: ['得分与排名', 'Scores and ranks'],
  mapTitle: ['得分地图', 'Map of scores'],
  yearSlider: ['年份', 'Year'],
  trendTitle: ['得分趋势', 'Score trends'],
  trendUnits: ['显示的单位', 'Units shown'],
  radarTitle: ['维度雷达图', 'Radar of dimensions'],
  radarUnit: ['单位', 'Unit'],
  weakest: ['最弱维度', 'Weakest dimension'],
  seeProblems: ['查看文献指出的问题与建议路径', 'See the problems and recommended paths in the seeds'],
  uncertaintyTitle: ['排名不确定性（蒙特卡洛 5%–95% 区间）', 'Rank uncertainty (Monte Carlo 5%–95% interval)'],
  runUncertainty: ['运行不确定性分析', 'Run the uncertainty analysis'],
  draws: ['抽样次数', 'Draws'],
  influence: ['各选择的影响（一阶敏感性指数）', 'Influence of each choice (first-order index)'],
  nominalRank: ['名义排名', 'Nominal rank'],
  warningsRun: ['运行警告', 'Warnings of the run'],
  sortBy: ['按此列排序', 'Sort by this column'],
  ascending: ['升序', 'ascending'],
  descending: ['降序', 'descending'],
  exportPng: ['导出 PNG', 'Export PNG'],
  exportSvg: ['导出 SVG', 'Export SVG'],
  mapCredit: [
    '边界数据：联合国人道主义事务协调厅亚太区域办公室（UN OCHA ROAP），中国行政区划边界（COD-AB），CC BY-IGO 许可。示意图。',
    'Boundaries: UN OCHA Regional Office for Asia and the Pacific (ROAP), China Subnational Administrative Boundaries (COD-AB), CC BY-IGO. Schematic map.',
  ],
  notProvinces: ['单位不是省份，无法绘制地图。', 'The units are not provinces; no map is drawn.'],
  // analysis
  analysisTitle: ['分析', 'Analysis'],
  analysisIntro: [
    '各方法作用于当前测度结果（综合指数及各维度得分），与命令行 xinzhi analyze 使用同一核心。',
    'Each method works on the current result (index and dimension scores), with the same core as `xinzhi analyze` on the command line.',
  ],
  run: ['运行', 'Run'],
  variable: ['变量', 'Variable'],
  coupling: ['耦合协调度', 'Coupling coordination'],
  couplingForm: ['耦合度形式', 'Coupling form'],
  standard: ['传统形式', 'standard'],
  corrected: ['修正形式（王淑佳等 2021）', 'corrected (Wang et al. 2021)'],
  meanD: ['平均协调度 D', 'Mean coordination D'],
  obstacle: ['障碍度', 'Obstacle degree'],
  topObstacles: ['主要障碍因子', 'Main obstacle factors'],
  gini: ['Dagum 基尼系数', 'Dagum Gini coefficient'],
  group: ['分组', 'Group'],
  total: ['总体', 'Total'],
  within: ['组内', 'Within'],
  between: ['组间', 'Between'],
  transvariation: ['超变密度', 'Transvariation'],
  kde: ['核密度估计', 'Kernel density'],
  moran: ['全局莫兰指数', "Global Moran's I"],
  lisa: ['局部莫兰指数（LISA）', 'Local Moran (LISA)'],
  spatialWeights: ['空间权重', 'Spatial weights'],
  queen: ['Queen 邻接', 'queen contiguity'],
  rook: ['Rook 邻接', 'rook contiguity'],
  knn4: ['4 近邻', '4 nearest neighbours'],
  idw: ['反距离', 'inverse distance'],
  markov: ['马尔可夫链', 'Markov chain'],
  spatialMarkov: ['空间马尔可夫链', 'Spatial Markov chain'],
  spatialToggle: ['空间（以邻居类别为条件）', "spatial (conditioned on the neighbours' class)"],
  neighbourClass: ['邻居类别', "Neighbours' class"],
  notOnMap: ['未与边界匹配、未参与空间分析的单位', 'Units not on the boundaries, left out of the spatial analysis'],
  homogeneity: ['同质性检验（Bickenbach & Bode 2003）', 'Homogeneity test (Bickenbach & Bode 2003)'],
  homogeneityNote: [
    'H0：各邻居类别下的转移概率与经典马尔可夫链相同',
    "H0: the transition probabilities are the same under every neighbours' class as in the classic chain",
  ],
  dof: ['自由度', 'dof'],
  statistic: ['统计量', 'Statistic'],
  classicChain: ['经典马尔可夫链', 'Classic chain'],
  theil: ['泰尔指数', 'Theil index'],
  theilMeasures: ['指数', 'Measures'],
  theilAuto: ['T 与 L（有非正值时仅 T）', 'T and L (T only when a score is not positive)'],
  theilBoth: ['T 与 L', 'T and L'],
  theilTOnly: ['仅 T（数据含 0 时）', 'T only (for data with zeros)'],
  betweenShare: ['组间贡献率', 'Between share'],
  classes: ['类别数', 'Classes'],
  steady: ['稳态分布', 'Steady state'],
  convergence: ['收敛分析', 'Convergence'],
  sigma: ['σ 收敛', 'σ convergence'],
  beta: ['β 收敛', 'β convergence'],
  model: ['模型', 'Model'],
  pooledOls: ['混合 OLS', 'pooled OLS'],
  twoWays: ['双向固定效应', 'two-way fixed effects'],
  converging: ['收敛', 'converging'],
  notConverging: ['不收敛', 'not converging'],
  speed: ['收敛速度', 'Speed'],
  halfLife: ['半衰期', 'Half-life'],
  pValue: ['p 值', 'p-value'],
  cluster: ['聚类', 'Cluster'],
  from: ['期初', 'From'],
  to: ['期末', 'To'],
  class: ['类型', 'Class'],
  meanValue: ['均值', 'Mean'],
  sd: ['标准差', 'SD'],
  cv: ['变异系数', 'CV'],
  bandwidth: ['带宽', 'Bandwidth'],
  peaks: ['峰数', 'Peaks'],
  density: ['密度', 'Density'],
  // framework
  frameworkTitle: ['理论框架', 'Framework'],
  frameworkIntro: [
    '五篇种子文献的体系：节点、关系与出处。点击节点查看说明、引文和测度它的指标。',
    "The five seed papers' system: nodes, relations and sources. Click a node for its description, citation and the indicators that measure it.",
  ],
  graph: ['关系图', 'Graph'],
  treeView: ['层级树', 'Tree'],
  searchNodes: ['搜索节点', 'Search nodes'],
  kind: ['类型', 'Kind'],
  description: ['说明', 'Description'],
  citation: ['出处', 'Citation'],
  relations: ['关系', 'Relations'],
  measuredBy: ['测度它的指标', 'Indicators that measure it'],
  noIndicators: [
    '当前指标体系中没有指标挂在此节点（或其下级）上。',
    'No indicator of the current system is attached to this node (or below it).',
  ],
  problemsFor: ['相关问题与建议路径', 'Related problems and recommended paths'],
  remedies: ['建议路径 / 举措', 'Recommended paths / measures'],
  diagnosisFor: ['诊断', 'Diagnosis'],
  diagnosisNote: [
    '维度与问题的对应来自框架模型的“阻碍”关系（每条附文献出处），建议路径按框架的“由…缓解 / 建议 / 包含”关系检索。',
    "The link from a dimension to problems comes from the framework model's hinders relations (each citing its seed section); remedies follow the framework's mitigated-by / recommends / contains relations.",
  ],
  graphScope: ['显示范围', 'Scope'],
  allSeeds: ['全部', 'All'],
  // export
  exportTitle: ['导出', 'Export'],
  exportIntro: [
    '导出当前结果。表格文件的表头为中英双语；项目文件包含数据与指标体系，可重新打开恢复同一状态。',
    'Export the current result. Table headers are bilingual; the project file holds the data and the indicator system and reopens the same state.',
  ],
  exportXlsx: ['Excel 工作簿（XLSX）', 'Excel workbook (XLSX)'],
  exportCsvScores: ['得分 CSV', 'Scores CSV'],
  exportCsvWeights: ['权重 CSV', 'Weights CSV'],
  exportJson: ['完整结果 JSON', 'Full result JSON'],
  exportSpec: ['指标体系 JSON（可用于命令行 --spec）', 'Indicator system JSON (usable as --spec on the CLI)'],
  exportHtml: ['独立 HTML 报告', 'Standalone HTML report'],
  saveProject: ['保存项目文件（*.xinzhi.json）', 'Save the project file (*.xinzhi.json)'],
  openProject: ['打开项目文件', 'Open a project file'],
  projectOpened: ['项目已打开。', 'Project opened.'],
  chartsExportNote: [
    '图表可在各图下方单独导出为 PNG 或 SVG。',
    'Each chart can be exported as PNG or SVG with the buttons below it.',
  ],
  close: ['关闭', 'Close'],
  all: ['全部', 'all'],
  latest: ['最新', 'latest'],
} satisfies Record<string, [string, string]>;

export type Key = keyof typeof D;

/** The dictionary as bilingual texts. */
export const DICT: Record<Key, Bilingual> = Object.fromEntries(
  Object.entries(D).map(([k, [zh, en]]) => [k, { zh, en }]),
) as Record<Key, Bilingual>;

/** One string of the dictionary in a language. */
export function tr(key: Key, lang: Lang): string {
  return DICT[key][lang];
}

const STORAGE_KEY = 'xinzhi.lang';

/** The initial language: saved choice, else the browser's preference (Chinese if preferred), else English. */
export function initialLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    /* storage unavailable */
  }
  const langs = (
    globalThis.navigator?.languages?.length ? globalThis.navigator.languages : [globalThis.navigator?.language ?? 'en']
  ) as readonly string[];
  for (const l of langs) {
    const low = l.toLowerCase();
    if (low.startsWith('zh')) return 'zh';
    if (low.startsWith('en')) return 'en';
  }
  return 'en';
}

/** Remember the language choice. */
export function saveLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    /* storage unavailable */
  }
}
