import { describe, expect, it } from 'vitest';
import { coinrKurt, coinrSkew, kurtosis, skewness } from '../../src/core/stats/moments.ts';
import { expectClose, here, readJson } from './helpers.ts';

const scipy = readJson(here('../reference/data/fixtures/moments_scipy.json'));
const e1071 = readJson(here('../reference/data/fixtures/moments_r.json'));

describe('skewness and kurtosis variants', () => {
  for (const name of ['small', 'five', 'profit', 'patents', 'urbanization']) {
    it(`scipy.stats on ${name}`, () => {
      const f = scipy[name];
      expectClose(skewness(f.x, 'g1'), f.skew_biased, 1e-12, 'g1');
      expectClose(skewness(f.x, 'G1'), f.skew_unbiased, 1e-12, 'G1');
      expectClose(kurtosis(f.x, 'g2'), f.kurt_excess_biased, 1e-12, 'g2');
      expectClose(kurtosis(f.x, 'G2'), f.kurt_excess_unbiased, 1e-12, 'G2');
      expectClose(kurtosis(f.x, 'beta2'), f.kurt_raw_biased, 1e-12, 'beta2');
    });
  }
  for (const name of ['small', 'five', 'profit', 'patents']) {
    it(`R e1071 types 1-3 on ${name} (COINr = type 2)`, () => {
      const f = e1071[name];
      expectClose(skewness(f.x, 'g1'), f.skew1, 1e-12, 'type 1');
      expectClose(skewness(f.x, 'G1'), f.skew2, 1e-12, 'type 2');
      expectClose(skewness(f.x, 'b1'), f.skew3, 1e-12, 'type 3');
      expectClose(kurtosis(f.x, 'g2'), f.kurt1, 1e-12, 'type 1');
      expectClose(kurtosis(f.x, 'G2'), f.kurt2, 1e-12, 'type 2');
      expectClose(kurtosis(f.x, 'b2'), f.kurt3, 1e-12, 'type 3');
      expectClose(coinrSkew(f.x), f.skew2, 1e-12, 'coinr skew');
      expectClose(coinrKurt(f.x), f.kurt2, 1e-12, 'coinr kurt');
    });
  }
  it('degenerate: constant vector and too few points give NaN', () => {
    expect(skewness([3, 3, 3, 3])).toBeNaN();
    expect(kurtosis([3, 3, 3, 3], 'g2')).toBeNaN();
    expect(skewness([1, 2])).toBeNaN();
    expect(kurtosis([1, 2, 3])).toBeNaN();
    expectClose(skewness([1, 2, 4], 'g1'), 0.3818017741606059, 1e-12, 'n = 3'); // scipy.stats.skew([1, 2, 4])
  });
});
