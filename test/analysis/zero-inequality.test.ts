/**
 * Equal values: total inequality 0, so the decomposition shares are 0/0. They
 * are absent (NaN → null in JSON) and say why (issue 17: no silent nulls).
 */
import { describe, expect, it } from 'vitest';
import { dagumGini } from '../../src/core/analysis/dagum-gini.ts';
import { theil } from '../../src/core/analysis/theil.ts';

describe('zero total inequality', () => {
  it('Dagum Gini: NaN shares with a warning; no warning when G > 0', () => {
    const r = dagumGini([3, 3, 3], ['a', 'a', 'b']);
    expect(r.total).toBe(0);
    expect(Number.isNaN(r.shares.within)).toBe(true);
    expect(r.warnings?.[0]).toMatch(/undefined.*无定义/);
    expect(dagumGini([1, 2, 3], ['a', 'a', 'b']).warnings).toBeUndefined();
  });
  it('Theil T and L: NaN shares with a warning', () => {
    const r = theil([2, 2], ['g', 'h']);
    for (const d of [r.T!, r.L!]) {
      expect(d.total).toBe(0);
      expect(Number.isNaN(d.shares.between)).toBe(true);
      expect(d.warnings?.[0]).toMatch(new RegExp(`Theil ${d.measure} is 0`));
    }
    expect(theil([1, 3], ['g', 'h']).T!.warnings).toBeUndefined();
  });
});
