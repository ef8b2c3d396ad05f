/**
 * The 31 provinces of mainland China (province-level divisions): English name as
 * used in the bundled province panel, GB/T 2260 administrative division code,
 * Chinese name, the four-region division of the National Bureau of Statistics,
 * and the ADM1_PCODE used by the bundled boundaries (data/geo, OCHA COD-AB).
 *
 * Regions: National Bureau of Statistics, 《东西中部和东北地区划分方法》
 * (2011-06-13, stats.gov.cn): 东部 East 10 (Beijing, Tianjin, Hebei, Shanghai,
 * Jiangsu, Zhejiang, Fujian, Shandong, Guangdong, Hainan); 中部 Central 6
 * (Shanxi, Anhui, Jiangxi, Henan, Hubei, Hunan); 西部 West 12 (Inner Mongolia,
 * Guangxi, Chongqing, Sichuan, Guizhou, Yunnan, Tibet, Shaanxi, Gansu, Qinghai,
 * Ningxia, Xinjiang); 东北 Northeast 3 (Liaoning, Jilin, Heilongjiang).
 * Codes: GB/T 2260 (中华人民共和国行政区划代码), province level = two digits + "0000".
 */
import type { Bilingual, Lang } from '../i18n.ts';

export type Region = 'East' | 'Central' | 'West' | 'Northeast';

export const REGION_NAMES: Record<Region, Bilingual> = {
  East: { zh: '东部', en: 'East' },
  Central: { zh: '中部', en: 'Central' },
  West: { zh: '西部', en: 'West' },
  Northeast: { zh: '东北', en: 'Northeast' },
};

export interface Province {
  /** English name as in the bundled data (e.g. "Inner Mongolia"). */
  name: string;
  /** GB/T 2260 code, e.g. 110000. */
  gbCode: number;
  /** Chinese full name, e.g. 北京市. */
  nameZh: string;
  /** Chinese short name, e.g. 北京. */
  shortZh: string;
  region: Region;
  /** ADM1_PCODE of the OCHA boundaries in data/geo (e.g. CN011). */
  adm1Pcode: string;
}

const row = (name: string, gbCode: number, nameZh: string, shortZh: string, region: Region): Province => ({
  name,
  gbCode,
  nameZh,
  shortZh,
  region,
  adm1Pcode: `CN0${String(gbCode).slice(0, 2)}`,
});

/** The 31 provinces in GB/T 2260 order. */
export const PROVINCES: readonly Province[] = [
  row('Beijing', 110000, '北京市', '北京', 'East'),
  row('Tianjin', 120000, '天津市', '天津', 'East'),
  row('Hebei', 130000, '河北省', '河北', 'East'),
  row('Shanxi', 140000, '山西省', '山西', 'Central'),
  row('Inner Mongolia', 150000, '内蒙古自治区', '内蒙古', 'West'),
  row('Liaoning', 210000, '辽宁省', '辽宁', 'Northeast'),
  row('Jilin', 220000, '吉林省', '吉林', 'Northeast'),
  row('Heilongjiang', 230000, '黑龙江省', '黑龙江', 'Northeast'),
  row('Shanghai', 310000, '上海市', '上海', 'East'),
  row('Jiangsu', 320000, '江苏省', '江苏', 'East'),
  row('Zhejiang', 330000, '浙江省', '浙江', 'East'),
  row('Anhui', 340000, '安徽省', '安徽', 'Central'),
  row('Fujian', 350000, '福建省', '福建', 'East'),
  row('Jiangxi', 360000, '江西省', '江西', 'Central'),
  row('Shandong', 370000, '山东省', '山东', 'East'),
  row('Henan', 410000, '河南省', '河南', 'Central'),
  row('Hubei', 420000, '湖北省', '湖北', 'Central'),
  row('Hunan', 430000, '湖南省', '湖南', 'Central'),
  row('Guangdong', 440000, '广东省', '广东', 'East'),
  row('Guangxi', 450000, '广西壮族自治区', '广西', 'West'),
  row('Hainan', 460000, '海南省', '海南', 'East'),
  row('Chongqing', 500000, '重庆市', '重庆', 'West'),
  row('Sichuan', 510000, '四川省', '四川', 'West'),
  row('Guizhou', 520000, '贵州省', '贵州', 'West'),
  row('Yunnan', 530000, '云南省', '云南', 'West'),
  row('Tibet', 540000, '西藏自治区', '西藏', 'West'),
  row('Shaanxi', 610000, '陕西省', '陕西', 'West'),
  row('Gansu', 620000, '甘肃省', '甘肃', 'West'),
  row('Qinghai', 630000, '青海省', '青海', 'West'),
  row('Ningxia', 640000, '宁夏回族自治区', '宁夏', 'West'),
  row('Xinjiang', 650000, '新疆维吾尔自治区', '新疆', 'West'),
];

/** Other spellings met in sources (pinyin forms, official English names). */
const ALIASES: Record<string, string> = {
  'nei mongol': 'Inner Mongolia',
  neimenggu: 'Inner Mongolia',
  xizang: 'Tibet',
  'guangxi zhuang': 'Guangxi',
  'ningxia hui': 'Ningxia',
  'xinjiang uygur': 'Xinjiang',
  'xinjiang uyghur': 'Xinjiang',
};

const SUFFIXES =
  / (province|municipality|autonomous region|zhuang autonomous region|hui autonomous region|uygur autonomous region|uyghur autonomous region)$/;

function normKey(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

const index = new Map<string, Province>();
for (const p of PROVINCES) {
  for (const k of [p.name, p.nameZh, p.shortZh, String(p.gbCode), String(p.gbCode).slice(0, 2), p.adm1Pcode])
    index.set(normKey(k), p);
}
for (const [alias, name] of Object.entries(ALIASES)) index.set(alias, PROVINCES.find((p) => p.name === name)!);

/**
 * Find a province by English name (as in the data, or with "Province",
 * "Municipality", "Autonomous Region" as in the boundaries), Chinese full or
 * short name, GB/T 2260 code (110000 or "110000" or "11") or ADM1_PCODE ("CN011").
 * Returns undefined when nothing matches.
 */
export function findProvince(key: string | number): Province | undefined {
  const k = normKey(String(key));
  const hit = index.get(k);
  if (hit) return hit;
  const stripped = k.replace(SUFFIXES, '');
  if (index.has(stripped)) return index.get(stripped);
  // Chinese names with a different suffix (e.g. 广西自治区)
  const zh = k.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/, '');
  return index.get(zh);
}

/**
 * Display name of a unit in a language: a unit that is a province (anything
 * `findProvince` matches: English name, Chinese name, GB/T 2260 code, P-code)
 * shows its Chinese short name in Chinese (广东, 内蒙古, 广西) and its English
 * name as in the bundled data in English (Guangdong, Inner Mongolia, Guangxi);
 * any other unit is returned unchanged. Display only: keys and results keep
 * the unit as it appears in the data.
 */
export function unitDisplayName(unit: string, lang: Lang): string {
  const p = findProvince(unit);
  if (!p) return unit;
  return lang === 'zh' ? p.shortZh : p.name;
}
