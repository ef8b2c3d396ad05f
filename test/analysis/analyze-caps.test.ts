/** Stated caps on analysis work (issue 17): a huge --points or --permutations is refused before any work, with the override named. */
import { describe, expect, it } from 'vitest';
import { MAX_KDE_POINTS, parseKdeOptions } from '../../src/adapters/cli/analyze/kde.ts';
import { MAX_PERMUTATIONS, permutationOptions } from '../../src/adapters/cli/analyze/moran.ts';
import type { XinzhiError } from '../../src/core/errors.ts';

const fixOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as XinzhiError).problems[0];
  }
  throw new Error('expected a refusal');
};

describe('analysis caps', () => {
  it('--permutations above the cap is refused with --allow-large named; allowed with it', () => {
    const p = fixOf(() => permutationOptions({ permutations: '100000000' }));
    expect(p.message.en).toContain(String(MAX_PERMUTATIONS));
    expect(p.fix?.en).toMatch(/--allow-large/);
    expect(permutationOptions({ permutations: '100000000', allowLarge: true })?.permutations).toBe(1e8);
    expect(permutationOptions({ permutations: '999' })?.permutations).toBe(999);
  });
  it('--points above the cap is refused with --allow-large named', () => {
    const base = { kernel: 'gaussian', bw: 'silverman', cut: '3', peak: '0.1' } as const;
    const p = fixOf(() => parseKdeOptions({ ...base, points: '100000000' } as never));
    expect(p.fix?.en).toContain(String(MAX_KDE_POINTS));
    expect(p.fix?.en).toMatch(/--allow-large/);
    expect(parseKdeOptions({ ...base, points: '512' } as never).points).toBe(512);
  });
});
