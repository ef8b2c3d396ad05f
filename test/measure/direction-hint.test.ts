/** Direction hints from indicator names (issue 9: every direction defaulted to +). */
import { describe, expect, it } from 'vitest';
import { directionHint } from '../../src/core/measure/direction-hint.ts';

describe('direction hint', () => {
  it('marks emissions, energy per output, unemployment as negative', () => {
    for (const n of [
      'M6_carbon_intensity',
      'SO2 emissions',
      '单位GDP能耗',
      'energy_per_gdp',
      '城镇登记失业率',
      '工业废水排放',
    ])
      expect(directionHint(n)?.direction, n).toBe('-');
  });
  it('gives no guess for ordinary indicators', () => {
    for (const n of ['M1_rd_intensity_pct', 'D3_mobile_traffic_gb_per_capita', '专利授权数', 'gdp_per_capita'])
      expect(directionHint(n), n).toBeUndefined();
  });
});
