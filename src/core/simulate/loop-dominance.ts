/**
 * Loop dominance by the Loops that Matter method (Schoenberg, Davidsen and
 * Eberlein 2020, "Understanding model behavior using the Loops that Matter
 * method", System Dynamics Review 36(2); Eberlein and Schoenberg 2020).
 *
 * Link score of x → z, where z = f(x, y, …) is an auxiliary or flow:
 *   LS(x→z) = |Δₓz / Δz| · sign(Δₓz / Δx),
 * Δz = z(t) − z(t−DT), Δx likewise, and Δₓz = f(x(t), y(t−DT), …) − f(x(t−DT), y(t−DT), …),
 * the change in z that x alone causes; 0 when Δz or Δx is 0. A stock is
 * scored through its net rate r (inflows − outflows, or its INTEG rate):
 * LS(x→S) = |Δₓr / Δr| · sign(Δₓr / Δx), which for an inflow is +|Δf/Δr| and
 * for an outflow −|Δf/Δr|, as in the method (flows and the net rate taken
 * over the same step). A loop's score is the product of its link scores; its
 * relative score divides by the sum of the absolute scores of all loops at
 * that time, so the relative scores' magnitudes add to 1 and the loop with
 * the largest one dominates. Loops are all elementary cycles of the variable
 * graph; the hidden stocks of SMOOTH / DELAY / TREND are nodes of loops
 * that pass through them, but a builtin's own internal adjustment loop (made
 * only of hidden stocks) is left out unless `includeInternal` is set, so the
 * shares are among the model's own loops. Fixed delays and sample holds break
 * a loop (they have no link score).
 */
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import type { CompiledModel, Fn } from './compile.ts';
import { simulate, type SimulateOptions } from './run.ts';

export interface LoopScore {
  id: string;
  /** Model variables around the loop, starting at a stock when there is one. */
  variables: string[];
  /** R (reinforcing) or B (balancing): the sign of the loop score at most times. */
  polarity: 'R' | 'B';
  /** Loop score at each time of `time`. */
  score: number[];
  /** Relative loop score in [−1, 1]. */
  relative: number[];
}

export interface LoopDominanceResult {
  method: 'loops-that-matter';
  /** Times at which scores are given (every time step after the first). */
  time: number[];
  loops: LoopScore[];
  /** Id of the loop with the largest |relative score| at each time (null when no loop is active). */
  dominant: Array<string | null>;
  /** True when the search stopped at maxLoops. */
  truncated: boolean;
}

interface Node {
  slot: number;
  inputs: number[];
  /** The equation (aux, flow) or net rate (stock) of the node. */
  fn: Fn;
}

function graphOf(c: CompiledModel): Map<number, Node> {
  const nodes = new Map<number, Node>();
  for (const a of c.order) nodes.set(a.slot, { slot: a.slot, inputs: [...a.eqn.deps], fn: a.eqn.fn });
  for (const s of c.stocks) {
    if (s.rate) {
      nodes.set(s.slot, { slot: s.slot, inputs: [...s.rate.deps], fn: s.rate.fn });
      continue;
    }
    const ins = s.inflows;
    const outs = s.outflows;
    nodes.set(s.slot, {
      slot: s.slot,
      inputs: [...ins, ...outs],
      fn: (v) => {
        let r = 0;
        for (const f of ins) r += v[f];
        for (const f of outs) r -= v[f];
        return r;
      },
    });
  }
  return nodes;
}

/** Elementary cycles, each found once from its smallest slot (depth-first; stops at max). */
function cyclesOf(nodes: Map<number, Node>, max: number): { cycles: number[][]; truncated: boolean } {
  // edges x → z for z's inputs x
  const out = new Map<number, number[]>();
  for (const n of nodes.values())
    for (const x of n.inputs) if (nodes.has(x)) out.set(x, [...(out.get(x) ?? []), n.slot]);
  const cycles: number[][] = [];
  let truncated = false;
  const starts = [...nodes.keys()].sort((a, b) => a - b);
  for (const s of starts) {
    const path = [s];
    const onPath = new Set([s]);
    const walk = (u: number): void => {
      for (const w of out.get(u) ?? []) {
        if (truncated) return;
        if (w === s) {
          cycles.push([...path]);
          if (cycles.length >= max) truncated = true;
          continue;
        }
        if (w < s || onPath.has(w)) continue;
        path.push(w);
        onPath.add(w);
        walk(w);
        path.pop();
        onPath.delete(w);
      }
    };
    walk(s);
    if (truncated) break;
  }
  return { cycles, truncated };
}

/**
 * Loop scores over a run (Euler; DT as in the model unless given).
 *
 * @example loopDominance(compileModel(model)).dominant // ['L1', 'L1', ..., 'L3']
 */
export function loopDominance(
  c: CompiledModel,
  opts: SimulateOptions = {},
  { maxLoops = 5000, includeInternal = false }: { maxLoops?: number; includeInternal?: boolean } = {},
): LoopDominanceResult {
  if ((opts.method ?? c.model.specs.method) !== 'euler') {
    throw new XinzhiError({
      code: 'sd-unsupported',
      severity: 'error',
      file: c.model.file,
      message: bi('环路主导分析只用欧拉法', 'loop dominance is computed with Euler integration only'),
      fix: bi('使用 --method euler', 'use --method euler'),
    });
  }
  const nodes = graphOf(c);
  const found = cyclesOf(nodes, maxLoops);
  const truncated = found.truncated;
  const cycles = includeInternal
    ? found.cycles
    : found.cycles.filter((cyc) => cyc.some((s) => !c.names[s].startsWith('#')));
  const snaps: Float64Array[] = [];
  const times: number[] = [];
  simulate(c, {
    ...opts,
    method: 'euler',
    observe: (_k, v) => {
      snaps.push(Float64Array.from(v));
      times.push(c.clock.time);
    },
  });
  const clock = c.clock;
  const linkKey = (x: number, z: number) => `${x}>${z}`;
  const needed = new Set<string>();
  for (const cyc of cycles) cyc.forEach((z, i) => needed.add(linkKey(cyc[(i + cyc.length - 1) % cyc.length], z)));
  // link scores at steps 1..n
  const link = new Map<string, Float64Array>();
  const steps = snaps.length;
  for (const key of needed) link.set(key, new Float64Array(Math.max(0, steps - 1)));
  const w = new Float64Array(c.names.length);
  for (let k = 1; k < steps; k++) {
    const prev = snaps[k - 1];
    const cur = snaps[k];
    for (const key of needed) {
      const [x, z] = key.split('>').map(Number);
      const node = nodes.get(z)!;
      clock.time = times[k];
      const zNow = node.fn(cur);
      clock.time = times[k - 1];
      const zPrev = node.fn(prev);
      const dz = zNow - zPrev;
      const dx = cur[x] - prev[x];
      if (dz === 0 || dx === 0 || !Number.isFinite(dz) || !Number.isFinite(dx)) continue;
      w.set(prev);
      w[x] = cur[x];
      const dxz = node.fn(w) - zPrev;
      link.get(key)![k - 1] = Math.abs(dxz / dz) * Math.sign(dxz / dx);
    }
  }
  const named = (s: number) => !c.names[s].startsWith('#');
  const stockSlots = new Set(c.stocks.map((s) => s.slot));
  const loops: LoopScore[] = cycles.map((cyc) => {
    const score = new Array<number>(Math.max(0, steps - 1)).fill(1);
    cyc.forEach((z, i) => {
      const ls = link.get(linkKey(cyc[(i + cyc.length - 1) % cyc.length], z))!;
      for (let k = 0; k < score.length; k++) score[k] *= ls[k];
    });
    const first = cyc.findIndex((s) => stockSlots.has(s) && named(s));
    const rotated = first > 0 ? [...cyc.slice(first), ...cyc.slice(0, first)] : cyc;
    const vars = rotated.filter(named).map((s) => c.names[s]);
    const pos = score.filter((x) => x > 0).length;
    const neg = score.filter((x) => x < 0).length;
    const internal = `${c.names[cyc[0]].slice(1).split(':')[0]} (internal loop of a SMOOTH / DELAY)`;
    return {
      id: '',
      variables: vars.length ? vars : [internal],
      polarity: pos >= neg ? ('R' as const) : ('B' as const),
      score,
      relative: [],
    };
  });
  const n = Math.max(0, steps - 1);
  for (let k = 0; k < n; k++) {
    let total = 0;
    for (const l of loops) total += Math.abs(l.score[k]);
    for (const l of loops) l.relative.push(total > 0 ? l.score[k] / total : 0);
  }
  const weight = (l: LoopScore) => l.relative.reduce((s, x) => s + Math.abs(x), 0);
  loops.sort((a, b) => weight(b) - weight(a));
  loops.forEach((l, i) => {
    l.id = `L${i + 1}`;
  });
  const dominant: Array<string | null> = [];
  for (let k = 0; k < n; k++) {
    let best: LoopScore | null = null;
    for (const l of loops)
      if (Math.abs(l.relative[k]) > 0 && (!best || Math.abs(l.relative[k]) > Math.abs(best.relative[k]))) best = l;
    dominant.push(best ? best.id : null);
  }
  return { method: 'loops-that-matter', time: times.slice(1), loops, dominant, truncated };
}

/**
 * Stretches of time in which one loop dominates, from the dominant loop at each time.
 *
 * @example dominancePhases(ld) // [{ from: 0.0625, to: 6.5, loop: 'L1' }, { from: 6.5625, to: 20, loop: 'L4' }]
 */
export interface DominancePhase {
  from: number;
  to: number;
  loop: string | null;
}

export function dominancePhases(ld: LoopDominanceResult): DominancePhase[] {
  const phases: DominancePhase[] = [];
  ld.dominant.forEach((loop, k) => {
    const last = phases[phases.length - 1];
    if (last && last.loop === loop) last.to = ld.time[k];
    else phases.push({ from: ld.time[k], to: ld.time[k], loop });
  });
  return phases;
}
