/**
 * Match the units of a result to the features of the province boundary file
 * (data/geo/china_provinces.geojson, properties ADM1_EN, ADM1_ZH, ADM1_PCODE).
 * A unit matches a feature by its English name with or without the
 * administrative suffix ("Beijing", "Beijing Municipality", "Inner Mongolia",
 * "Xizang"), its Chinese name with or without suffix ("北京", "北京市",
 * "广西", "广西壮族自治区"), its GB/T 2260 code ("110000" or "11") or its
 * OCHA P-code ("CN011"). Case, spaces and hyphens are ignored. The 31
 * mainland provinces are looked up with `findProvince` (core/geo/provinces.ts)
 * first; names it does not know (e.g. Hong Kong, Macao, Taiwan, other
 * spellings of the boundary file) are matched on the features' own properties.
 * Units are treated as provinces when at least 80% of them match.
 */
import { findProvince } from './provinces.ts';

/** Share of units that must match for the units to count as provinces. */
export const PROVINCE_SHARE = 0.8;

export interface ProvinceFeature {
  /** ADM1_EN, the feature's name in the map registered with ECharts. */
  en: string;
  zh: string;
  pcode: string;
  /** GB/T 2260 code, e.g. "110000" (from the P-code: CN011 → 110000). */
  gb: string;
  /** Hong Kong, Macao or Taiwan (drawn without data when absent from the units). */
  sar: boolean;
}

export interface ProvinceMatch {
  /** unit → feature (ADM1_EN) for matched units. */
  byUnit: Map<string, ProvinceFeature>;
  /** Units with no feature, in result order. */
  unmatched: string[];
  /** At least PROVINCE_SHARE of the units matched. */
  isProvinces: boolean;
  /** All features of the boundary file. */
  features: ProvinceFeature[];
}

/** Extra English spellings (pinyin / older forms) by GB code prefix. */
const ALIASES: Record<string, string[]> = {
  '15': ['Nei Mongol', 'Neimenggu', 'Inner Mongolia'],
  '54': ['Xizang', 'Tibet'],
  '64': ['Ningxia'],
  '45': ['Guangxi'],
  '65': ['Xinjiang'],
  '81': ['Hong Kong', 'HK', 'Hong Kong SAR'],
  '82': ['Macau', 'Macao', 'Macao SAR', 'Macau SAR'],
  '71': ['Taiwan'],
};

/** Normalise a name for comparison: lower case, no spaces, hyphens, dots or apostrophes. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_.'’()（）]/g, '');
}

/** English name without its administrative suffix ("Ningxia Hui Autonomous Region" → "Ningxia"). */
function stripEnglish(name: string): string {
  return name
    .replace(/\s+(special administrative region|autonomous region|municipality|province)$/i, '')
    .replace(/\s+(hui|zhuang|uygur|uyghur|uighur)$/i, '');
}

/** Chinese name without suffix ("宁夏回族自治区" → "宁夏", "北京市" → "北京"). */
function stripChinese(name: string): string {
  return name.replace(/(特别行政区|自治区|省|市)$/, '').replace(/(回族|壮族|维吾尔)$/, '');
}

/** Read the features' properties from a GeoJSON FeatureCollection (unknown shape checked). */
export function provinceFeatures(geojson: unknown): ProvinceFeature[] {
  const features = (geojson as { features?: unknown })?.features;
  if (!Array.isArray(features)) return [];
  const out: ProvinceFeature[] = [];
  for (const f of features) {
    const p = (f as { properties?: Record<string, unknown> })?.properties ?? {};
    const en = typeof p.ADM1_EN === 'string' ? p.ADM1_EN : '';
    if (!en) continue;
    const zh = typeof p.ADM1_ZH === 'string' ? p.ADM1_ZH : '';
    const pcode = typeof p.ADM1_PCODE === 'string' ? p.ADM1_PCODE : '';
    const m = /^CN0?(\d\d)\d?$/.exec(pcode);
    const two = m ? m[1] : '';
    const gb = two ? `${two}0000` : '';
    out.push({ en, zh, pcode, gb, sar: ['81', '82', '71'].includes(two) });
  }
  return out;
}

/** Every normalised key a feature answers to. */
function featureKeys(f: ProvinceFeature): string[] {
  const two = f.gb.slice(0, 2);
  const keys = [f.en, stripEnglish(f.en), f.zh, stripChinese(f.zh), f.pcode, f.gb, two, ...(ALIASES[two] ?? [])];
  return keys.filter((k) => k).map(normalizeName);
}

/** Match units to province features (see the module comment for the rules). */
export function matchProvinces(units: string[], geojson: unknown): ProvinceMatch {
  const features = provinceFeatures(geojson);
  const index = new Map<string, ProvinceFeature>();
  for (const f of features) for (const k of featureKeys(f)) if (!index.has(k)) index.set(k, f);
  const byUnit = new Map<string, ProvinceFeature>();
  const unmatched: string[] = [];
  const byPcode = new Map(features.map((f) => [f.pcode, f]));
  for (const u of units) {
    const province = findProvince(u);
    const f =
      (province && byPcode.get(province.adm1Pcode)) ??
      index.get(normalizeName(u)) ??
      index.get(normalizeName(stripEnglish(u))) ??
      index.get(normalizeName(stripChinese(u)));
    if (f) byUnit.set(u, f);
    else unmatched.push(u);
  }
  const isProvinces = units.length > 0 && byUnit.size / units.length >= PROVINCE_SHARE;
  return { byUnit, unmatched, isProvinces, features };
}
