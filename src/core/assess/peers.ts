/**
 * Peer comparison over stored assessments: aggregates only, and only when the
 * group has at least MIN_PEER_GROUP firms besides the one compared, so no single
 * firm's score can be read off a benchmark.
 *
 * Quartiles are R's type 7 (NumPy's default); the percentile rank is the
 * "mean" kind of scipy.stats.percentileofscore: 100 × (below + ½ × equal) / n.
 *
 * @example peerComparison([40, 50, 60, 70, 80], 65).percentileRank // 60
 */
import { mean, quantileSorted } from '../stats/descriptive.ts';

export const MIN_PEER_GROUP = 5;

export type PeerComparison =
  | { shown: false; n: number; minimum: number }
  | { shown: true; n: number; mean: number; p25: number; median: number; p75: number; percentileRank: number | null };

export function peerComparison(peers: number[], own: number | null, minimum = MIN_PEER_GROUP): PeerComparison {
  const n = peers.length;
  if (n < minimum) return { shown: false, n, minimum };
  const sorted = Float64Array.from(peers).sort();
  let below = 0;
  let equal = 0;
  if (own !== null)
    for (const v of peers) {
      if (v < own) below++;
      else if (v === own) equal++;
    }
  return {
    shown: true,
    n,
    mean: mean(sorted),
    p25: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    p75: quantileSorted(sorted, 0.75),
    percentileRank: own === null ? null : (100 * (below + 0.5 * equal)) / n,
  };
}
