/**
 * Index draws of a bootstrap over groups (clusters, firms): each draw takes
 * `count` groups with replacement, pick[g] = ⌊u·count⌋ with u read from
 * `uniform` in [0, 1), draw after draw (the order of one thread). Drawn before
 * any fit, so the draws can be fitted anywhere (several threads) and give the
 * numbers one thread gives.
 *
 * @example resamplePicks(3, 2, seedrandom('1')) // two Int32Arrays of 3 indices in 0..2
 */
export function resamplePicks(count: number, draws: number, uniform: () => number): Int32Array[] {
  return Array.from({ length: draws }, () => {
    const pick = new Int32Array(count);
    // min: a product that rounds up to count cannot name a group past the last
    for (let g = 0; g < count; g++) pick[g] = Math.min(count - 1, Math.floor(uniform() * count));
    return pick;
  });
}
