/**
 * Display names of units (`unitDisplayName`, core/geo/provinces.ts; used by
 * the report as `unitName` and by the web app as `unitLabel`): provinces in
 * the report language, every other unit unchanged.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { hasProvinceUnit, unitName } from '../../src/adapters/report/labels.ts';
import { unitLabel } from '../../src/adapters/web/hooks.ts';
import { PROVINCES, unitDisplayName } from '../../src/core/geo/provinces.ts';

const csv = readFileSync(
  fileURLToPath(new URL('../../data/province-panel/nqpf_province_2013_2022.csv', import.meta.url)),
  'utf8',
);
const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
/** Province → its Chinese full name (column name_zh) as in the bundled panel. */
const panel = new Map(rows.map((r) => [r.Province, r.name_zh]));

describe('unitDisplayName', () => {
  it('maps the 31 provinces of the bundled panel to distinct Chinese short names', () => {
    expect(panel.size).toBe(31);
    const zh = [...panel.keys()].map((u) => unitDisplayName(u, 'zh'));
    expect(new Set(zh).size).toBe(31);
    for (const [u, full] of panel) {
      const short = unitDisplayName(u, 'zh');
      expect(short).not.toBe(u);
      expect(short).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(full.startsWith(short), `${u}: ${full} / ${short}`).toBe(true);
      expect(unitDisplayName(u, 'en')).toBe(u);
    }
    expect(zh).toEqual(expect.arrayContaining(['广东', '内蒙古', '广西', '西藏', '新疆', '黑龙江']));
  });

  it('gives the table names for any spelling findProvince knows', () => {
    for (const u of ['广东', '广东省', '440000', '44', 'CN044', 'Guangdong Province', ' guangdong ']) {
      expect(unitDisplayName(u, 'zh'), u).toBe('广东');
      expect(unitDisplayName(u, 'en'), u).toBe('Guangdong');
    }
    expect(unitDisplayName('Nei Mongol', 'zh')).toBe('内蒙古');
    expect(unitDisplayName('内蒙古自治区', 'en')).toBe('Inner Mongolia');
    expect(unitDisplayName('Xizang', 'en')).toBe('Tibet');
    for (const p of PROVINCES) expect(unitDisplayName(p.nameZh, 'en')).toBe(p.name);
  });

  it('passes every other unit through unchanged', () => {
    for (const u of ['Firm A', 'Atlantis', '', 'Hong Kong', '香港', '全国', 'Guangdong City', '110100']) {
      expect(unitDisplayName(u, 'zh')).toBe(u);
      expect(unitDisplayName(u, 'en')).toBe(u);
    }
  });

  it('is what the report (unitName) and the web app (unitLabel) show', () => {
    for (const u of ['Guangdong', '广东', 'Firm A', '540000']) {
      for (const lang of ['zh', 'en'] as const) {
        expect(unitName(u, lang)).toBe(unitDisplayName(u, lang));
        expect(unitLabel(u, lang)).toBe(unitDisplayName(u, lang));
      }
    }
    expect(hasProvinceUnit(['Firm A', 'Beijing'])).toBe(true);
    expect(hasProvinceUnit(['Firm A', 'Firm B'])).toBe(false);
    expect(hasProvinceUnit([])).toBe(false);
  });
});
