/**
 * Run a compiled model: Euler (the default of Vensim and Stella, and the
 * integration of every canonical output in the SDXorg suite) or classical
 * fourth-order Runge–Kutta, with the time step DT separate from the save
 * period. Time is start + k·DT (not accumulated), so save times are exact.
 */
import { type Problem, XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import type { CompiledModel, StockSlot } from './compile.ts';
import { checkSteps, SIMULATION_LIMITS } from './limits.ts';
import type { Integration, SimSpecs } from './model.ts';

/** One run: values of every model variable at the save times, and the settings used. */
export interface SimulationResult {
  model: string;
  specs: SimSpecs;
  time: number[];
  /** Keyed by the variable name as written in the model. */
  series: Record<string, number[]>;
  /** Variables that became NaN or ±∞ (kept as IEEE values, as Vensim's output does), each at its first save time. */
  warnings?: Problem[];
}

export interface SimulateOptions {
  method?: Integration;
  dt?: number;
  saveper?: number;
  start?: number;
  stop?: number;
  /** Most time steps (stop − start) / DT allowed (default SIMULATION_LIMITS.maxSteps). */
  maxSteps?: number;
  /** Called at each time step once its values are known (step index, all slots); for analyses such as loop dominance. */
  observe?: (step: number, values: Float64Array) => void;
}

function badSpecs(msg: ReturnType<typeof bi>, file?: string): XinzhiError {
  return new XinzhiError({
    code: 'sd-specs',
    severity: 'error',
    file,
    message: msg,
    fix: bi(
      '检查模拟设置（起止时间、步长、保存间隔）',
      'check the simulation settings (start, stop, time step, save period)',
    ),
  });
}

/**
 * A variable that became NaN or ±∞ (a division by zero, LN of 0, an overflow):
 * the values are kept as IEEE values and the first time is named.
 */
function notFinite(c: CompiledModel, name: string, time: number, x: number): Problem {
  const line = c.model.variables.find((v) => v.name === name)?.line;
  return {
    code: 'sd-not-finite',
    severity: 'warning',
    ...(c.model.file ? { file: c.model.file } : {}),
    ...(line !== undefined ? { row: line } : {}),
    column: name,
    message: bi(
      `变量 ${name} 自时间 ${time} 起为 ${x}（除以 0、对 0 取对数或数值溢出），其后的值不是有限数`,
      `the variable ${name} is ${x} from time ${time} on (a division by zero, a logarithm of 0 or an overflow): its later values are not finite numbers`,
    ),
    fix: bi(
      `检查 ${name} 及其输入的方程；分母可能为 0 时用 XIDZ(a, b, x) 或 ZIDZ(a, b)`,
      `check the equation of ${name} and its inputs; where a denominator can be 0 use XIDZ(a, b, x) or ZIDZ(a, b)`,
    ),
  };
}

/**
 * Simulate a compiled model from start to stop.
 *
 * Euler: S(t+DT) = S(t) + DT·S'(t). RK4: S(t+DT) = S(t) + DT/6·(k1 + 2k2 + 2k3 + k4)
 * with auxiliaries re-evaluated at each stage; saved auxiliaries are those at t.
 *
 * @example simulate(compileModel(model), { method: 'rk4' }).series['Teacup Temperature']
 */
export function simulate(c: CompiledModel, opts: SimulateOptions = {}): SimulationResult {
  const specs: SimSpecs = { ...c.model.specs };
  if (opts.method) specs.method = opts.method;
  if (opts.dt !== undefined) specs.dt = opts.dt;
  if (opts.saveper !== undefined) specs.saveper = opts.saveper;
  if (opts.start !== undefined) specs.start = opts.start;
  if (opts.stop !== undefined) specs.stop = opts.stop;
  const { start, stop, dt, saveper } = specs;
  if (!(dt > 0) || !Number.isFinite(dt))
    throw badSpecs(bi(`时间步长 DT = ${dt} 必须为正数`, `the time step DT = ${dt} must be positive`), c.model.file);
  if (!Number.isFinite(start) || !Number.isFinite(stop))
    throw badSpecs(
      bi(
        `开始时间 ${start} 和结束时间 ${stop} 必须是有限数值`,
        `the start ${start} and stop ${stop} must be finite numbers`,
      ),
      c.model.file,
    );
  if (!(stop >= start))
    throw badSpecs(
      bi(`结束时间 ${stop} 早于开始时间 ${start}`, `stop time ${stop} is before start time ${start}`),
      c.model.file,
    );
  const steps = Math.round((stop - start) / dt);
  checkSteps(steps, opts.maxSteps ?? SIMULATION_LIMITS.maxSteps, { start, stop, dt }, c.model.file);
  if (Math.abs(steps * dt - (stop - start)) > 1e-6 * dt) {
    throw badSpecs(
      bi(
        `时长 ${stop - start} 不是步长 ${dt} 的整数倍`,
        `the span ${stop - start} is not a whole number of time steps ${dt}`,
      ),
      c.model.file,
    );
  }
  const every = Math.round(saveper / dt);
  if (!(every >= 1) || Math.abs(every * dt - saveper) > 1e-6 * dt) {
    throw badSpecs(
      bi(
        `保存间隔 ${saveper} 必须是步长 ${dt} 的正整数倍`,
        `the save period ${saveper} must be a positive whole multiple of the time step ${dt}`,
      ),
      c.model.file,
    );
  }
  const clock = c.clock;
  clock.dt = dt;
  clock.start = start;
  clock.stop = stop;
  clock.time = start;
  clock.initial = true;
  const v = new Float64Array(c.names.length);
  initialise(c, v);
  clock.initial = false;

  const time: number[] = [];
  const cols = c.outputs.map(() => [] as number[]);
  const warnings: Problem[] = [];
  const warned = new Set<number>();
  const save = () => {
    time.push(clock.time);
    for (let i = 0; i < cols.length; i++) {
      const x = v[c.outputs[i].slot];
      if (!Number.isFinite(x) && !warned.has(i)) {
        warned.add(i);
        warnings.push(notFinite(c, c.outputs[i].name, clock.time, x));
      }
      cols[i].push(x);
    }
  };
  const nS = c.stocks.length;
  const deriv = new Float64Array(nS);
  const y0 = new Float64Array(nS);
  const acc = new Float64Array(nS);
  for (let k = 0; ; k++) {
    clock.time = start + k * dt;
    evalAux(c, v);
    stockRates(c.stocks, v, deriv, dt);
    if (opts.observe) opts.observe(k, v);
    if (k % every === 0) save();
    if (k >= steps) break;
    advancePipes(c, v);
    if (specs.method === 'rk4') {
      const t0 = clock.time;
      for (let i = 0; i < nS; i++) {
        y0[i] = v[c.stocks[i].slot];
        acc[i] = deriv[i];
      }
      const stage = (h: number, w: number) => {
        clock.time = t0 + h;
        for (let i = 0; i < nS; i++) v[c.stocks[i].slot] = y0[i] + h * deriv[i];
        evalAux(c, v);
        stockRates(c.stocks, v, deriv, dt);
        for (let i = 0; i < nS; i++) acc[i] += w * deriv[i];
      };
      stage(dt / 2, 2);
      stage(dt / 2, 2);
      stage(dt, 1);
      for (let i = 0; i < nS; i++) v[c.stocks[i].slot] = y0[i] + (dt / 6) * acc[i];
    } else {
      for (let i = 0; i < nS; i++) v[c.stocks[i].slot] += dt * deriv[i];
    }
  }
  const series: Record<string, number[]> = {};
  c.outputs.forEach((o, i) => {
    series[o.name] = cols[i];
  });
  return { model: c.model.name, specs, time, series, ...(warnings.length ? { warnings } : {}) };
}

function initialise(c: CompiledModel, v: Float64Array): void {
  const dt = c.clock.dt;
  for (const node of c.initOrder) {
    if (node.kind === 'aux') v[node.aux.slot] = (node.aux.initEqn ?? node.aux.eqn).fn(v);
    else if (node.kind === 'stock') v[node.stock.slot] = node.stock.init.fn(v);
    else {
      const p = node.pipe;
      // the delay in steps, read at the start; Vensim's DELAY FIXED takes at least one step
      const steps = Math.round(p.delay.fn(v) / dt);
      const n = p.atLeastOneStep ? Math.max(1, steps) : steps;
      if (!(n >= 1)) {
        throw new XinzhiError({
          code: 'sd-unsupported',
          severity: 'error',
          file: c.model.file,
          message: bi(
            `固定延迟的延迟时间短于一个步长（${n} 步）`,
            `a fixed delay shorter than one time step (${n} steps)`,
          ),
          fix: bi('使延迟时间不小于 DT', 'make the delay time at least DT'),
        });
      }
      const x = p.init.fn(v);
      p.queue = new Array<number>(n).fill(x);
      p.head = 0;
      v[p.slot] = x;
    }
  }
  for (const m of c.memories) m.value = v[m.slot];
}

function evalAux(c: CompiledModel, v: Float64Array): void {
  const order = c.order;
  for (let i = 0; i < order.length; i++) v[order[i].slot] = order[i].eqn.fn(v);
}

/** Net rate of each stock; a non-negative stock's outflows are cut, in order, to what it holds. */
function stockRates(stocks: StockSlot[], v: Float64Array, out: Float64Array, dt: number): void {
  for (let i = 0; i < stocks.length; i++) {
    const s = stocks[i];
    if (s.rate) {
      out[i] = s.rate.fn(v);
      continue;
    }
    let inflow = 0;
    for (const f of s.inflows) inflow += v[f];
    if (!s.nonNegative) {
      let outflow = 0;
      for (const f of s.outflows) outflow += v[f];
      out[i] = inflow - outflow;
      continue;
    }
    // Stella: outflows, in order, take at most what the stock and this step's inflows hold;
    // the flow's own value is left as computed (another stock may share it)
    let available = v[s.slot] / dt + inflow;
    let outflow = 0;
    for (const f of s.outflows) {
      const want = v[f];
      const take = want > 0 ? Math.max(0, Math.min(want, available)) : want;
      available -= take;
      outflow += take;
    }
    out[i] = inflow - outflow;
  }
}

/** After a step's values are known: queues take the input, memories keep their value. */
function advancePipes(c: CompiledModel, v: Float64Array): void {
  for (const p of c.pipes) {
    p.queue[p.head] = p.input.fn(v);
    p.head = (p.head + 1) % p.queue.length;
  }
  for (const m of c.memories) m.value = v[m.slot];
  // a pipe's value for the next step is the oldest input in its queue
  for (const p of c.pipes) v[p.slot] = p.queue[p.head];
}
