/** Peer comparison against NumPy and SciPy (test/reference/assess/peers.py). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIN_PEER_GROUP, peerComparison } from '../../src/core/assess/peers.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/assess/peers.json', import.meta.url), 'utf8'));
const close = (a: number, b: number, rel = 1e-9) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));

describe('peer comparison', () => {
  it('quartiles equal numpy.percentile and the rank equals scipy percentileofscore(kind="mean")', () => {
    for (const c of fx) {
      const r = peerComparison(c.peers, c.own);
      if (!r.shown) throw new Error('expected a shown comparison');
      expect(r.n).toBe(c.peers.length);
      close(r.mean, c.mean);
      close(r.p25, c.p25);
      close(r.median, c.median);
      close(r.p75, c.p75);
      close(r.percentileRank as number, c.percentileRank);
    }
  });
  it('reveals nothing for a group of fewer than five firms, and says how many there are', () => {
    expect(MIN_PEER_GROUP).toBe(5);
    expect(peerComparison([10, 20, 30, 40], 25)).toEqual({ shown: false, n: 4, minimum: 5 });
    expect(peerComparison([], 25)).toEqual({ shown: false, n: 0, minimum: 5 });
  });
  it('gives aggregates without a rank when the firm has no score yet', () => {
    const r = peerComparison([1, 2, 3, 4, 5], null);
    expect(r.shown && r.percentileRank).toBeNull();
  });
});
