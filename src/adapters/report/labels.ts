/**
 * The bilingual vocabulary of the output files: column headers, sheet titles
 * and fixed phrases, so CSV, XLSX and HTML use the same words.
 */
import { bi, type Bilingual, type Lang } from '../../core/i18n.ts';
import { findProvince, unitDisplayName } from '../../core/geo/provinces.ts';

export const L = {
  unit: bi('单位', 'Unit'),
  time: bi('时间', 'Time'),
  node: bi('节点', 'Node'),
  id: bi('编号', 'ID'),
  name: bi('名称', 'Name'),
  nameZh: bi('中文名称', 'Name (Chinese)'),
  nameEn: bi('英文名称', 'Name (English)'),
  kind: bi('类型', 'Kind'),
  kindNode: bi('维度', 'dimension'),
  kindIndicator: bi('指标', 'indicator'),
  parent: bi('上级', 'Parent'),
  level: bi('层级', 'Level'),
  column: bi('数据列', 'Data column'),
  direction: bi('方向', 'Direction'),
  measure: bi('计量单位', 'Measurement unit'),
  localWeight: bi('局部权重', 'Local weight'),
  globalWeight: bi('全局权重', 'Global weight'),
  weight: bi('权重', 'Weight'),
  score: bi('得分', 'Score'),
  rank: bi('排名', 'Rank'),
  value: bi('值', 'Value'),
  item: bi('对象', 'Item'),
  key: bi('项目', 'Key'),
  method: bi('方法', 'Method'),
  from: bi('原值', 'From'),
  to: bi('新值', 'To'),
  treatment: bi('处理', 'Treatment'),
  code: bi('代码', 'Code'),
  severity: bi('级别', 'Severity'),
  message: bi('信息', 'Message'),
  fix: bi('修正建议', 'Fix'),
  withParent: bi('与上级维度相关系数', 'Correlation with parent'),
  withIndex: bi('与综合指数相关系数', 'Correlation with index'),
  negativeWithParent: bi('与上级负相关', 'Negative with parent'),
  cronbachAlpha: bi('克朗巴哈 α', "Cronbach's alpha"),
  nominalRank: bi('名义排名', 'Nominal rank'),
  rankShift: bi('排名变动（位）', 'Rank shift (places)'),
  medianRank: bi('排名中位数', 'Median rank'),
  q05: bi('5% 分位排名', 'Rank 5% quantile'),
  q95: bi('95% 分位排名', 'Rank 95% quantile'),
  choice: bi('设定项', 'Choice'),
  influence: bi('排名方差贡献', 'Share of rank variance'),
  dPlus: bi('正理想解距离 D+', 'Distance to ideal D+'),
  dMinus: bi('负理想解距离 D−', 'Distance to anti-ideal D−'),
  closeness: bi('贴近度 C', 'Closeness C'),
  grade: bi('灰色关联度', 'Grey relational grade'),
  path: bi('路径', 'Path'),
  yes: bi('是', 'yes'),
  no: bi('否', 'no'),
  none: bi('无', 'none'),
  noData: bi('无数据', 'no data'),
  /** Header of the units' display names next to the unit column (XLSX, CSV). */
  unitName: bi('名称', 'Name'),
  /** The same where a "名称 / Name" column already names something else (the node-scores sheet). */
  unitNameLong: bi('单位名称', 'Unit name'),
} satisfies Record<string, Bilingual>;

/** Names of the choices in `uncertainty.influence` (its keys; `residual` = weight perturbation and interactions). */
export const INFLUENCE_CHOICES: Record<string, Bilingual> = {
  normalize: bi('标准化方法', 'Normalisation method'),
  weights: bi('赋权方法', 'Weighting method'),
  aggregate: bi('合成方法', 'Aggregation method'),
  residual: bi('权重扰动与交互作用', 'Weight perturbation and interactions'),
};

/** Name of an `uncertainty.influence` key in `lang` (the key itself when unknown). */
export function influenceChoice(key: string, lang: 'zh' | 'en'): string {
  return INFLUENCE_CHOICES[key]?.[lang] ?? key;
}

/** Header "熵值法排名 / Rank (entropy)" for the rank under a weighting method. */
export function rankUnder(method: Bilingual): Bilingual {
  return bi(`${method.zh}排名`, `Rank (${method.en})`);
}

/** Header "熵值法得分 / Score (entropy)" for the score under a weighting method. */
export function scoreUnder(method: Bilingual): Bilingual {
  return bi(`${method.zh}得分`, `Score (${method.en})`);
}

/** Header "X 得分 / X score" for a node's score column. */
export function scoreOf(name: Bilingual): Bilingual {
  return bi(`${name.zh}得分`, `${name.en} score`);
}

/** Header "X 排名 / X rank" for a node's rank column. */
export function rankOf(name: Bilingual): Bilingual {
  return bi(`${name.zh}排名`, `${name.en} rank`);
}

/** Header with a time suffix, e.g. "局部权重 2013 / Local weight 2013". */
export function withTime(label: Bilingual, time: string): Bilingual {
  return bi(`${label.zh} ${time}`, `${label.en} ${time}`);
}

/**
 * A unit as shown in the report language: provinces by their Chinese short
 * name (广东) in Chinese and English name (Guangdong) in English, any other
 * unit unchanged (`unitDisplayName`, core/geo/provinces.ts). Tables, charts
 * and texts use it; data keys (CSV / XLSX unit columns, results.json) keep
 * the unit as in the data.
 */
export function unitName(unit: string, lang: Lang): string {
  return unitDisplayName(unit, lang);
}

/** Whether at least one unit is a province: the CSV and XLSX outputs then add a "名称 / Name" column. */
export function hasProvinceUnit(units: readonly string[]): boolean {
  return units.some((u) => findProvince(u) !== undefined);
}
