/**
 * Builds the default provincial panel data/province-intensity/province_intensity_2013_2022.csv:
 * 21 NQPF intensity indicators (per resident, per employee, shares of GDP, per km²) for the
 * 30 provinces with complete core data, 2013–2022, computed from the raw source tables.
 * Every formula is written out in INDICATORS below; data/province-intensity/SOURCE.md lists
 * the sources, their licences and the same formulas.
 *
 * Sources (a maintainer's copy of the public data sets, passed as the first argument):
 *   province-st-yearbook/techme_province_st_long.csv   China S&T Statistical Yearbook (techme, MIT)
 *   province-denominators/province_denominators_2005_2024.csv, province_area_km2.csv  (NBS; OCHA area)
 *   province-digital-nbs/nbs_digital_2015_2024.csv      NBS digital-economy tables (2015+)
 *   province-panel/*.csv                                 Huangwt yearbook compilation (tertiary
 *                                                        employment, fibre, broadband ports, GRP, carbon)
 *
 * What is left empty (never filled here; the default spec reports how it treats them):
 *   - high-tech revenue (O1) in 2017: the yearbook table was not transcribed for that year;
 *   - the five NBS digital indicators (D1–D5) in 2013–2014: NBS publishes them from 2015.
 * Tibet is left out of the panel: it has no carbon-emission data in any year and no
 * technology-market data for 2013–2016, so two core indicators could never be computed for it
 * (most provincial NQPF studies leave it out for the same reason). The script prints this.
 *
 * Run: node bin/run-ts.js scripts/build-default-panel.ts <folder holding the source data sets>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findProvince, REGION_NAMES } from '../src/core/geo/provinces.ts';

const sourceDir = process.argv[2];
if (!sourceDir) {
  process.stderr.write('usage: node bin/run-ts.js scripts/build-default-panel.ts <source data folder>\n');
  process.exit(2);
}
const outFile = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'data',
  'province-intensity',
  'province_intensity_2013_2022.csv',
);
const YEARS = [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022];
const LEFT_OUT = new Set([540000]); // Tibet (see header)

/** CSV reader for these files: optional BOM, fields optionally in double quotes without commas inside. */
function readCsv(file: string): Array<Record<string, string>> {
  const text = readFileSync(join(sourceDir, file), 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const split = (l: string) => l.split(',').map((c) => c.replace(/^"(.*)"$/, '$1'));
  const header = split(lines[0]);
  return lines.slice(1).map((l, i) => {
    const cells = split(l);
    if (cells.length !== header.length) {
      throw new Error(`${file} row ${i + 2}: ${cells.length} cells, expected ${header.length}`);
    }
    return Object.fromEntries(header.map((h, j) => [h, cells[j]]));
  });
}

/** Province code of a name or code, or an error naming the file. */
function code(file: string, key: string): number {
  const p = findProvince(key);
  if (!p) throw new Error(`${file}: unknown province "${key}"`);
  return p.gbCode;
}

type Table = Map<string, number>;
const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? NaN : Number(s));
const key = (gb: number, year: number, name = '') => `${gb}|${year}|${name}`;

// --- load the sources into lookups keyed by province code, year (and variable) ---
const st: Table = new Map(); // techme: key(gb, year, "dataset/name_zh")
for (const r of readCsv('province-st-yearbook/techme_province_st_long.csv')) {
  if (r.gb_code === '100000') continue; // national row
  st.set(key(Number(r.gb_code), Number(r.year), `${r.dataset}/${r.name_zh}`), num(r.value));
}
const den = new Map<string, Record<string, string>>();
for (const r of readCsv('province-denominators/province_denominators_2005_2024.csv')) {
  den.set(key(Number(r.gb_code), Number(r.year)), r);
}
const area = new Map<number, number>();
for (const r of readCsv('province-denominators/province_area_km2.csv')) {
  area.set(Number(r.gb_code), num(r.area_km2_geodesic));
}
const digital = new Map<string, Record<string, string>>();
for (const r of readCsv('province-digital-nbs/nbs_digital_2015_2024.csv')) {
  digital.set(key(Number(r.gb_code), Number(r.year)), r);
}
const huang = new Map<string, Record<string, string>>();
for (const r of readCsv('province-panel/province_panel_2013_2022.csv')) {
  huang.set(key(code('province_panel', r.Province), Number(r.Year)), r);
}
const grp = new Map<string, Record<string, string>>();
for (const r of readCsv('province-panel/gross_regional_product_2010_2022.csv')) {
  grp.set(key(code('gross_regional_product', r.Province), Number(r['Fiscal Year'])), r);
}
const carbon = new Map<string, number>();
for (const r of readCsv('province-panel/carbon_emissions_2010_2022.csv')) {
  const k = key(code('carbon_emissions', r.Province), Number(r['Fiscal Year']));
  carbon.set(k, num(r['Total Carbon Emissions (10K tons)']));
}

/** Inputs of one province-year, each a plain number (NaN when the source has no value). */
interface Row {
  gb: number;
  year: number;
}
const S = (r: Row, name: string) => st.get(key(r.gb, r.year, name)) ?? NaN;
const pop10k = (r: Row) => num(den.get(key(r.gb, r.year))?.pop_yearend_10k); // 年末常住人口, 万人
const gdp = (r: Row) => num(den.get(key(r.gb, r.year))?.gdp_100m_yuan); // 地区生产总值 (revised), 亿元
// 城镇单位就业人员, 万人
const urbanEmp10k = (r: Row) => num(den.get(key(r.gb, r.year))?.urban_unit_employment_10k);
const H = (r: Row, col: string) => num(huang.get(key(r.gb, r.year))?.[col]);
const G = (r: Row, col: string) => num(grp.get(key(r.gb, r.year))?.[col]);
const D = (r: Row, col: string) => num(digital.get(key(r.gb, r.year))?.[col]);

/** The indicators: column name and formula (the same formulas are tabled in SOURCE.md). */
const INDICATORS: Array<[string, (r: Row) => number]> = [
  // 劳动者 (labourers)
  ['L1_rd_fte_per_10k_pop', (r) => S(r, 'RDLaborHour/合计') / pop10k(r)],
  ['L2_researcher_fte_per_10k_urban_emp', (r) => S(r, 'RDLaborHour/研究人员') / urbanEmp10k(r)],
  ['L3_tertiary_employment_share', (r) => H(r, 'Tertiary Sector Employment Share')],
  ['L4_education_exp_per_capita', (r) => (S(r, 'PublicBudget/教育') * 1e8) / (pop10k(r) * 1e4)],
  ['L5_gdp_per_capita', (r) => (gdp(r) * 1e8) / (pop10k(r) * 1e4)],
  // 劳动资料 (means of labour)
  ['M1_rd_intensity_pct', (r) => S(r, 'RDIntense/RD强度')],
  ['M2_basic_research_share_pct', (r) => (100 * S(r, 'RDActivity/基础研究')) / S(r, 'RDActivity/合计')],
  ['M3_st_fiscal_share_pct', (r) => (100 * S(r, 'PublicBudget/科学技术')) / S(r, 'PublicBudget/合计')],
  ['M4_fibre_km_per_km2', (r) => H(r, 'Digital Infra - Fiber Length') / (area.get(r.gb) ?? NaN)],
  ['M5_broadband_ports_per_capita', (r) => H(r, 'Digital Infra - Broadband Ports per Capita')],
  ['M6_carbon_intensity', (r) => (carbon.get(key(r.gb, r.year)) ?? NaN) / gdp(r)],
  // 劳动对象 (objects of labour)
  ['O1_hitech_revenue_gdp_pct', (r) => (100 * S(r, 'IndustryOperation/主营业务收入')) / gdp(r)],
  ['O2_tech_market_outflow_gdp_pct', (r) => (100 * (S(r, 'MarketPush/金额') / 1e4)) / gdp(r)],
  ['O3_valid_invention_patents_per_10k', (r) => S(r, 'RDPatentValid/发明') / pop10k(r)],
  ['O4_invention_grants_per_10k', (r) => S(r, 'RDPatentAuthority/发明') / pop10k(r)],
  ['O5_tertiary_gdp_share_pct', (r) => (100 * G(r, 'Tertiary Industry')) / G(r, 'Gross Regional Product')],
  // NBS digital indicators (2015+)
  ['D1_ecommerce_firm_share_pct', (r) => D(r, 'ecommerce_firm_share_pct')],
  ['D2_ecommerce_sales_gdp_pct', (r) => (100 * D(r, 'ecommerce_sales_100m_yuan')) / gdp(r)],
  ['D3_mobile_traffic_gb_per_capita', (r) => D(r, 'mobile_internet_traffic_10k_gb') / pop10k(r)],
  ['D4_broadband_users_per_100', (r) => (100 * D(r, 'broadband_users_10k')) / pop10k(r)],
  ['D5_computers_per_100_persons', (r) => D(r, 'computers_per_100_persons')],
];

/** Values written with 10 significant digits (plenty for 4–6 digit sources), empty when not computable. */
const fmt = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(10))) : '');

const provinces = [...area.keys()].filter((gb) => !LEFT_OUT.has(gb)).sort((a, b) => a - b);
const header = ['Year', 'Province', 'gb_code', 'name_zh', 'region', ...INDICATORS.map(([c]) => c)];
const lines = [header.join(',')];
const empty = new Map<string, string[]>();
for (const gb of provinces) {
  const p = findProvince(gb)!;
  for (const year of YEARS) {
    const r = { gb, year };
    const values = INDICATORS.map(([col, f]) => {
      const v = f(r);
      if (!Number.isFinite(v)) empty.set(col, [...(empty.get(col) ?? []), `${p.name} ${year}`]);
      return fmt(v);
    });
    lines.push([year, p.name, gb, p.nameZh, REGION_NAMES[p.region].en, ...values].join(','));
  }
}
writeFileSync(outFile, lines.join('\n') + '\n');
process.stderr.write(
  `wrote ${lines.length - 1} rows (${provinces.length} provinces × ${YEARS.length} years); left out: Tibet\n`,
);
for (const [col, cells] of empty) {
  const some = cells.slice(0, 3).join(', ') + (cells.length > 3 ? ', …' : '');
  process.stderr.write(`empty ${col}: ${cells.length} cells (${some})\n`);
}
