import { rank } from '../src/core/measure/rank.ts';
import { rank as oldRank } from './_old_rank.ts';
let bad = 0;
const gens = [() => Math.random(), () => Math.floor(Math.random() * 5), () => (Math.random() < 0.1 ? NaN : Math.random() < 0.2 ? -0 : Math.random() < 0.3 ? 0 : Math.random() - 0.5), () => (Math.random() < 0.5 ? Infinity : -Infinity)];
for (let t = 0; t < 2000; t++) {
  const n = Math.floor(Math.random() * (t % 7 === 0 ? 3000 : 50));
  const g = gens[t % gens.length];
  const v = Array.from({ length: n }, g);
  for (const order of ['desc', 'asc'] as const) for (const ties of ['min', 'average', 'dense', 'first'] as const) {
    const a = Array.from(oldRank(v, { order, ties })), b = Array.from(rank(Float64Array.from(v), { order, ties }));
    const c = Array.from(rank(v, { order, ties }));
    if (a.join() !== b.join() || a.join() !== c.join()) { bad++; if (bad < 3) console.log(order, ties, v, a, b); }
  }
}
console.log('bad', bad);
const big = Float64Array.from({ length: 5000 }, Math.random);
let t0 = performance.now(); for (let k = 0; k < 75; k++) oldRank(big); console.log('old', performance.now() - t0);
t0 = performance.now(); for (let k = 0; k < 75; k++) rank(big); console.log('new', performance.now() - t0);
