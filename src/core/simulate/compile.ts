/**
 * Compile a model into slots and closures the integrator runs.
 *
 * Stateful builtins are expanded into hidden stocks, as Vensim and Stella
 * define them: SMOOTH / SMTH1 is one first-order stock, SMOOTH3 / SMTH3 three
 * in cascade each with a third of the time, SMOOTH N / SMTHN n of them;
 * DELAY1, DELAY3, DELAY N are material delays with one, three or n stages
 * (output = last stage / (delay/n)); the order of SMOOTH N and DELAY N is
 * its value at the start, and DELAY N follows Vensim when the delay time
 * changes (see `delayN`); TREND and FORECAST keep a first-order
 * average; INITIAL / INIT is a stock that never changes. DELAY FIXED (and
 * XMILE DELAY, PREVIOUS) keep a queue of past inputs, one per time step;
 * SAMPLE IF TRUE holds its last value. Sources: Vensim reference manual
 * ("Functions"), XMILE 1.0 §3.5 (builtins), PySD's functions and statefuls.
 *
 * Auxiliaries and flows are ordered so that each is computed after what it
 * uses; an equation that depends on itself without a stock in between is an
 * algebraic loop and is refused with the variables of the loop named.
 */
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { type Expr, type ExprSource, unsupportedInExpr } from './expr.ts';
import { lookupValue } from './lookup.ts';
import type { Lookup, SdModel, SdVariable } from './model.ts';
import { canonicalName } from './names.ts';

/** What an equation can read besides the slots: the clock. */
export interface Clock {
  time: number;
  dt: number;
  start: number;
  stop: number;
  /** True while initial values are computed. */
  initial: boolean;
}

export type Fn = (v: Float64Array) => number;

interface Compiled {
  fn: Fn;
  deps: Set<number>;
}

export interface StockSlot {
  slot: number;
  init: Compiled;
  /** Rate of change (Vensim INTEG rate or a hidden stock's). */
  rate?: Compiled;
  inflows: number[];
  outflows: number[];
  nonNegative: boolean;
}

/** A queue of past inputs (DELAY FIXED, XMILE DELAY, PREVIOUS). */
export interface Pipe {
  slot: number;
  input: Compiled;
  delay: Compiled;
  init: Compiled;
  queue: number[];
  head: number;
  /** Vensim DELAY FIXED: a delay shorter than one time step is one step (else refused). */
  atLeastOneStep?: boolean;
}

/** An auxiliary that keeps its value between steps (SAMPLE IF TRUE). */
export interface Memory {
  slot: number;
  value: number;
}

export interface AuxSlot {
  slot: number;
  eqn: Compiled;
  /** Equation used while initial values are computed (ACTIVE INITIAL). */
  initEqn?: Compiled;
}

export interface CompiledModel {
  model: SdModel;
  clock: Clock;
  /** Slot names: the model's names; hidden slots start with "#". */
  names: string[];
  /** Slots of the model's own variables, in model order. */
  outputs: Array<{ name: string; slot: number }>;
  stocks: StockSlot[];
  pipes: Pipe[];
  memories: Memory[];
  /** Auxiliaries and flows in evaluation order for a time step. */
  order: AuxSlot[];
  /** Every slot in evaluation order for the initial values. */
  initOrder: Array<{ kind: 'aux'; aux: AuxSlot } | { kind: 'stock'; stock: StockSlot } | { kind: 'pipe'; pipe: Pipe }>;
  /** Variables whose equation (or a stock's initial value) is a number, by canonical name: change with setConstant. */
  constants: Map<string, { value: number }>;
}

const PURE1: Record<string, (x: number) => number> = {
  abs: Math.abs,
  exp: Math.exp,
  ln: Math.log,
  log10: Math.log10,
  sqrt: Math.sqrt,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  arcsin: Math.asin,
  arccos: Math.acos,
  arctan: Math.atan,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  game: (x) => x,
  integer: Math.trunc, // Vensim INTEGER truncates toward zero
};

/** Functions of two arguments evaluated left to right, both always (the first argument's value, the second's). */
const PURE2: Record<string, (x: number, y: number) => number> = {
  modulo: (x, y) => x % y, // Vensim MODULO: remainder with the sign of the dividend
  mod: (x, y) => x - y * Math.floor(x / y),
  power: (x, y) => x ** y,
  log: (x, base) => Math.log(x) / Math.log(base), // Vensim LOG(x, base)
};

function truthy(x: number): boolean {
  return x !== 0 && !Number.isNaN(x);
}

/**
 * Compile a model (see the module comment for the semantics).
 *
 * @example const c = compileModel(readXmile(text)); simulate(c)
 */
export function compileModel(model: SdModel): CompiledModel {
  const clock: Clock = {
    time: model.specs.start,
    dt: model.specs.dt,
    start: model.specs.start,
    stop: model.specs.stop,
    initial: true,
  };
  const byId = new Map<string, SdVariable>();
  for (const v of model.variables) {
    if (byId.has(v.id)) {
      throw new XinzhiError({
        code: 'sd-duplicate',
        severity: 'error',
        file: model.file,
        row: v.line,
        message: bi(`变量 "${v.name}" 定义了两次`, `variable "${v.name}" is defined twice`),
        fix: bi('每个变量只保留一个定义', 'keep one definition per variable'),
      });
    }
    byId.set(v.id, v);
  }
  const names: string[] = [];
  const slotOf = new Map<string, number>();
  const newSlot = (name: string) => {
    names.push(name);
    return names.length - 1;
  };
  for (const v of model.variables) if (!v.lookupOnly) slotOf.set(v.id, newSlot(v.name));

  const stocks: StockSlot[] = [];
  const constants = new Map<string, { value: number }>();
  /** A number that can be changed between runs without compiling again. */
  const constant = (id: string, e: Expr, s: ExprSource): Compiled => {
    if (e.kind !== 'num') return compile(e, s);
    const box = { value: e.value };
    constants.set(id, box);
    return { fn: () => box.value, deps: new Set() };
  };
  const pipes: Pipe[] = [];
  const memories: Memory[] = [];
  const auxes = new Map<number, AuxSlot>();
  const stockSlots = new Set<number>();
  const stateSlots = new Set<number>(); // stocks and pipes: known at the start of a step
  let hidden = 0;
  /** The variable being compiled: hidden slots are named after it ("#name:smooth1.1"). */
  let owner = '';

  const src = (v: SdVariable): ExprSource => ({ file: model.file, line: v.line, variable: v.name });
  const isDialectX = model.dialect === 'xmile';

  /** The value at the start when an expression has one fixed before the run, else undefined. */
  function knownAtStart(e: Expr): number | undefined {
    try {
      return valueAtStart(e, {}, 'a value');
    } catch (err) {
      if (err instanceof XinzhiError) return undefined;
      throw err;
    }
  }

  /** Functions an order may use: pure, and the time inputs read at the start. */
  const START_FNS = new Set([...Object.keys(PURE1), 'min', 'max', 'int', 'step', 'if_then_else', 'modulo', 'power']);

  /**
   * The value of an expression at the initial time, for what must be fixed before the run
   * (the order of SMOOTH N / DELAY N: Vensim and PySD fix it at its initial value).
   * Auxiliaries are followed to their equations; stocks, lookups and stateful functions are refused.
   */
  function valueAtStart(e: Expr, s: ExprSource, what: string): number {
    const seen = new Set<string>();
    const inline = (x: Expr): Expr => {
      switch (x.kind) {
        case 'ref': {
          const v = byId.get(x.name);
          if (!v) return x; // TIME, DT and the other clock names; an unknown name is reported by compile
          if (v.kind === 'stock' || v.gf || v.lookupOnly || seen.has(v.id))
            throw unsupportedInExpr(`${what} that is not known at the start (it uses "${v.name}")`, s);
          seen.add(v.id);
          const out = inline(v.eqn);
          seen.delete(v.id);
          return out;
        }
        case 'call':
          if (!START_FNS.has(x.fn))
            throw unsupportedInExpr(`${what} that is not known at the start (it uses ${x.fn.toUpperCase()})`, s);
          return { ...x, args: x.args.map(inline) };
        case 'unary':
          return { ...x, arg: inline(x.arg) };
        case 'binary':
          return { ...x, left: inline(x.left), right: inline(x.right) };
        case 'if':
          return { ...x, cond: inline(x.cond), then: inline(x.then), else: inline(x.else) };
        default:
          return x;
      }
    };
    const fn = compile(inline(e), s).fn;
    const time = clock.time;
    clock.time = clock.start;
    const value = fn(new Float64Array(0));
    clock.time = time;
    return value;
  }

  function lookupOf(name: string): Lookup | undefined {
    return byId.get(name)?.gf;
  }

  /** A hidden first-order chain of n stocks; returns the slot of the output auxiliary. */
  function chain(
    kind: 'smooth' | 'delay',
    input: Compiled,
    time: Compiled,
    n: number,
    init: Compiled | null,
  ): Compiled {
    const base = `#${owner}:${kind}${hidden++}`;
    const stageSlots: number[] = [];
    for (let i = 0; i < n; i++) stageSlots.push(newSlot(`${base}.${i + 1}`));
    for (let i = 0; i < n; i++) {
      const me = stageSlots[i];
      const prev = i === 0 ? -1 : stageSlots[i - 1];
      const inp = input.fn;
      const tau = time.fn;
      const deps = new Set([...input.deps, ...time.deps, ...stageSlots]);
      let rate: Fn;
      if (kind === 'smooth') {
        rate = i === 0 ? (v) => (inp(v) - v[me]) / (tau(v) / n) : (v) => (v[prev] - v[me]) / (tau(v) / n);
      } else {
        rate = i === 0 ? (v) => inp(v) - v[me] / (tau(v) / n) : (v) => (v[prev] - v[me]) / (tau(v) / n);
      }
      const initSrc = init ?? input;
      const initFn: Fn = kind === 'smooth' ? initSrc.fn : (v) => (initSrc.fn(v) * tau(v)) / n;
      const initDeps = new Set([...initSrc.deps, ...(kind === 'delay' ? time.deps : [])]);
      stocks.push({
        slot: me,
        init: { fn: initFn, deps: initDeps },
        rate: { fn: rate, deps },
        inflows: [],
        outflows: [],
        nonNegative: false,
      });
      stockSlots.add(me);
      stateSlots.add(me);
    }
    const last = stageSlots[n - 1];
    if (kind === 'smooth') return { fn: (v) => v[last], deps: new Set([last]) };
    const tau = time.fn;
    return { fn: (v) => v[last] / (tau(v) / n), deps: new Set([last, ...time.deps]) };
  }

  /**
   * DELAY N as Vensim computes it when the delay time changes: stage i (from 0) drains with
   * the delay time of i steps before, and the output divides the last stage by the delay time
   * of the step before (before the start: the initial delay time). With a constant delay time
   * this is the material delay of `chain`. Source: PySD's DelayN (statefuls.py), which
   * reproduces Vensim's output on the SDXorg `delays` test.
   */
  function delayN(input: Compiled, time: Compiled, n: number, init: Compiled | null, s: ExprSource): Compiled {
    const past: Compiled[] = [time];
    for (let k = 1; k <= Math.max(n - 1, 1); k++)
      past.push(pipe(time, { fn: () => k * clock.dt, deps: new Set() }, time));
    const base = `#${owner}:delayn${hidden++}`;
    const stageSlots: number[] = [];
    for (let i = 0; i < n; i++) stageSlots.push(newSlot(`${base}.${i + 1}`));
    const initSrc = init ?? input;
    const tau0 = time.fn;
    for (let i = 0; i < n; i++) {
      const me = stageSlots[i];
      const prev = i === 0 ? -1 : stageSlots[i - 1];
      const inp = input.fn;
      const tauMe = past[i].fn;
      const tauPrev = i === 0 ? tau0 : past[i - 1].fn;
      const rate: Fn =
        i === 0 ? (v) => inp(v) - (n * v[me]) / tauMe(v) : (v) => (n * v[prev]) / tauPrev(v) - (n * v[me]) / tauMe(v);
      stocks.push({
        slot: me,
        init: {
          fn: (v) => {
            if (n * clock.dt > tau0(v) * (1 + 1e-12))
              throw unsupportedInExpr(`DELAY N whose stages (delay time / order) are shorter than DT`, s);
            return (initSrc.fn(v) * tau0(v)) / n;
          },
          deps: new Set([...initSrc.deps, ...time.deps]),
        },
        rate: { fn: rate, deps: new Set([...input.deps, ...merge(...past), ...stageSlots]) },
        inflows: [],
        outflows: [],
        nonNegative: false,
      });
      stockSlots.add(me);
      stateSlots.add(me);
    }
    const last = stageSlots[n - 1];
    const tauOut = past[1].fn;
    return { fn: (v) => (n * v[last]) / tauOut(v), deps: new Set([last, ...past[1].deps]) };
  }

  function hiddenStock(init: Compiled, rate: Compiled): number {
    const slot = newSlot(`#${owner}:state${hidden++}`);
    stocks.push({ slot, init, rate, inflows: [], outflows: [], nonNegative: false });
    stockSlots.add(slot);
    stateSlots.add(slot);
    return slot;
  }

  function pipe(input: Compiled, delay: Compiled, init: Compiled, atLeastOneStep = false): Compiled {
    const slot = newSlot(`#${owner}:pipe${hidden++}`);
    pipes.push({ slot, input, delay, init, queue: [], head: 0, ...(atLeastOneStep ? { atLeastOneStep } : {}) });
    stateSlots.add(slot);
    return { fn: (v) => v[slot], deps: new Set([slot]) };
  }

  function merge(...cs: Compiled[]): Set<number> {
    const s = new Set<number>();
    for (const c of cs) for (const d of c.deps) s.add(d);
    return s;
  }

  function compile(e: Expr, s: ExprSource): Compiled {
    switch (e.kind) {
      case 'num': {
        const x = e.value;
        return { fn: () => x, deps: new Set() };
      }
      case 'ref':
        return compileRef(e.name, s);
      case 'unary': {
        const a = compile(e.arg, s);
        const f = a.fn;
        if (e.op === '-') return { fn: (v) => -f(v), deps: a.deps };
        if (e.op === '+') return a;
        return { fn: (v) => (truthy(f(v)) ? 0 : 1), deps: a.deps };
      }
      case 'binary': {
        const l = compile(e.left, s);
        const r = compile(e.right, s);
        const a = l.fn;
        const b = r.fn;
        const deps = merge(l, r);
        const fns: Record<string, Fn> = {
          '+': (v) => a(v) + b(v),
          '-': (v) => a(v) - b(v),
          '*': (v) => a(v) * b(v),
          '/': (v) => a(v) / b(v),
          '^': (v) => a(v) ** b(v),
          '<': (v) => +(a(v) < b(v)),
          '<=': (v) => +(a(v) <= b(v)),
          '>': (v) => +(a(v) > b(v)),
          '>=': (v) => +(a(v) >= b(v)),
          '=': (v) => +(a(v) === b(v)),
          '<>': (v) => +(a(v) !== b(v)),
          and: (v) => +(truthy(a(v)) && truthy(b(v))),
          or: (v) => +(truthy(a(v)) || truthy(b(v))),
          mod: (v) => {
            const x = a(v);
            const y = b(v);
            return x - y * Math.floor(x / y);
          },
        };
        return { fn: fns[e.op], deps };
      }
      case 'if': {
        const c = compile(e.cond, s);
        const t = compile(e.then, s);
        const f = compile(e.else, s);
        const cf = c.fn;
        const tf = t.fn;
        const ff = f.fn;
        return { fn: (v) => (truthy(cf(v)) ? tf(v) : ff(v)), deps: merge(c, t, f) };
      }
      case 'table':
        throw unsupportedInExpr('a lookup table outside WITH LOOKUP', s);
      case 'sref':
        throw unsupportedInExpr('this use of subscripts', s);
      case 'call':
        return compileCall(e.fn, e.args, s);
    }
  }

  function compileRef(name: string, s: ExprSource): Compiled {
    const slot = slotOf.get(name);
    if (slot !== undefined) return { fn: (v) => v[slot], deps: new Set([slot]) };
    const none = new Set<number>();
    if (name === 'time') return { fn: () => clock.time, deps: none };
    if (name === 'dt' || name === 'time_step') return { fn: () => clock.dt, deps: none };
    if (name === 'starttime' || name === 'initial_time') return { fn: () => clock.start, deps: none };
    if (name === 'stoptime' || name === 'final_time') return { fn: () => clock.stop, deps: none };
    if (name === 'pi') return { fn: () => Math.PI, deps: none };
    if (name === 'inf') return { fn: () => Infinity, deps: none };
    if (byId.get(name)?.lookupOnly) throw unsupportedInExpr(`the lookup "${name}" used as a value`, s);
    throw new XinzhiError({
      code: 'sd-unknown-name',
      severity: 'error',
      file: s.file,
      row: s.line,
      message: bi(
        `变量 "${s.variable ?? ''}" 引用了未定义的名称 "${name}"`,
        `variable "${s.variable ?? ''}" uses the undefined name "${name}"`,
      ),
      fix: bi('定义该变量或修正拼写', 'define that variable or correct the spelling'),
    });
  }

  function arity(fn: string, args: Expr[], min: number, max: number, s: ExprSource): void {
    if (args.length < min || args.length > max) {
      throw new XinzhiError({
        code: 'sd-arity',
        severity: 'error',
        file: s.file,
        row: s.line,
        message: bi(
          `函数 ${fn.toUpperCase()} 的参数个数为 ${args.length}，应为 ${min === max ? min : `${min}–${max}`}`,
          `function ${fn.toUpperCase()} has ${args.length} arguments; it takes ${min === max ? min : `${min}–${max}`}`,
        ),
        fix: bi('按函数说明修正参数', 'correct the arguments as the function is documented'),
      });
    }
  }

  function compileCall(fn: string, args: Expr[], s: ExprSource): Compiled {
    const table = lookupOf(fn);
    if (table) {
      arity(fn, args, 1, 1, s);
      const x = compile(args[0], s);
      const xf = x.fn;
      return { fn: (v) => lookupValue(table, xf(v)), deps: x.deps };
    }
    const c = (i: number) => compile(args[i], s);
    const none = new Set<number>();
    if (fn in PURE1) {
      arity(fn, args, 1, 1, s);
      const a = c(0);
      const f = PURE1[fn];
      const af = a.fn;
      return { fn: (v) => f(af(v)), deps: a.deps };
    }
    if (fn in PURE2) {
      arity(fn, args, 2, 2, s);
      const a = c(0);
      const b = c(1);
      const f = PURE2[fn];
      const af = a.fn;
      const bf = b.fn;
      return { fn: (v) => f(af(v), bf(v)), deps: merge(a, b) };
    }
    switch (fn) {
      case 'int': {
        arity(fn, args, 1, 1, s);
        const a = c(0);
        const af = a.fn;
        return { fn: (v) => Math.floor(af(v)), deps: a.deps };
      }
      case 'pi':
        arity(fn, args, 0, 0, s);
        return { fn: () => Math.PI, deps: none };
      case 'min':
      case 'max': {
        arity(fn, args, 1, 64, s);
        const cs = args.map((_, i) => c(i));
        const fs = cs.map((x) => x.fn);
        const m = fn === 'min' ? Math.min : Math.max;
        if (fs.length === 1) return cs[0];
        return { fn: (v) => m(...fs.map((f) => f(v))), deps: merge(...cs) };
      }
      case 'quantum': {
        // Vensim QUANTUM(x, q) = q·INTEGER(x/q); x when q ≤ 0
        arity(fn, args, 2, 2, s);
        const a = c(0);
        const b = c(1);
        const af = a.fn;
        const bf = b.fn;
        return {
          fn: (v) => {
            const q = bf(v);
            const x = af(v);
            return q <= 0 ? x : q * Math.trunc(x / q);
          },
          deps: merge(a, b),
        };
      }
      case 'xidz':
      case 'safediv': {
        arity(fn, args, fn === 'xidz' ? 3 : 2, 3, s);
        const a = c(0);
        const b = c(1);
        const x = args.length > 2 ? c(2) : { fn: () => 0, deps: none };
        const af = a.fn;
        const bf = b.fn;
        const xf = x.fn;
        return {
          fn: (v) => {
            const d = bf(v);
            return d === 0 ? xf(v) : af(v) / d;
          },
          deps: merge(a, b, x),
        };
      }
      case 'zidz': {
        arity(fn, args, 2, 2, s);
        const a = c(0);
        const b = c(1);
        const af = a.fn;
        const bf = b.fn;
        return {
          fn: (v) => {
            const d = bf(v);
            return d === 0 ? 0 : af(v) / d;
          },
          deps: merge(a, b),
        };
      }
      case 'if_then_else': {
        arity(fn, args, 3, 3, s);
        const k = c(0);
        const a = c(1);
        const b = c(2);
        const kf = k.fn;
        const af = a.fn;
        const bf = b.fn;
        return { fn: (v) => (truthy(kf(v)) ? af(v) : bf(v)), deps: merge(k, a, b) };
      }
      case 'step': {
        // height once TIME >= step time
        arity(fn, args, 2, 2, s);
        const h = c(0);
        const t0 = c(1);
        const hf = h.fn;
        const tf = t0.fn;
        return { fn: (v) => (clock.time + clock.dt * 1e-9 >= tf(v) ? hf(v) : 0), deps: merge(h, t0) };
      }
      case 'ramp': {
        // slope·(TIME − start) between start and end
        arity(fn, args, 2, 3, s);
        const k = c(0);
        const a = c(1);
        const b = args.length > 2 ? c(2) : null;
        const kf = k.fn;
        const af = a.fn;
        const bf = b?.fn;
        return {
          fn: (v) => {
            const t0 = af(v);
            if (clock.time < t0) return 0;
            const t1 = bf ? bf(v) : Infinity;
            return kf(v) * (Math.min(clock.time, t1) - t0);
          },
          deps: b ? merge(k, a, b) : merge(k, a),
        };
      }
      case 'pulse': {
        if (isDialectX) {
          // XMILE PULSE(magnitude, first, [interval]): magnitude/DT at each pulse time
          arity(fn, args, 2, 3, s);
          const m = c(0);
          const f = c(1);
          const iv = args.length > 2 ? c(2) : null;
          const mf = m.fn;
          const ff = f.fn;
          const ivf = iv?.fn;
          return {
            fn: (v) => {
              const first = ff(v);
              const t = clock.time;
              const eps = clock.dt * 1e-6;
              if (t + eps < first) return 0;
              const interval = ivf ? ivf(v) : 0;
              const since = t - first;
              const hit =
                interval > 0 ? Math.abs(since - interval * Math.round(since / interval)) < eps : Math.abs(since) < eps;
              return hit ? mf(v) / clock.dt : 0;
            },
            deps: iv ? merge(m, f, iv) : merge(m, f),
          };
        }
        // Vensim PULSE(start, width): 1 from start for width (at least one time step)
        arity(fn, args, 2, 2, s);
        const a = c(0);
        const w = c(1);
        const af = a.fn;
        const wf = w.fn;
        return {
          fn: (v) => {
            const t0 = af(v);
            const t = clock.time;
            const eps = clock.dt * 1e-9;
            return t + eps >= t0 && t + eps < t0 + Math.max(wf(v), clock.dt) ? 1 : 0;
          },
          deps: merge(a, w),
        };
      }
      case 'pulse_train': {
        // Vensim PULSE TRAIN(start, width, interval, end)
        arity(fn, args, 4, 4, s);
        const cs = [0, 1, 2, 3].map(c);
        const [a, w, iv, e] = cs.map((x) => x.fn);
        return {
          fn: (v) => {
            const t = clock.time + clock.dt * 1e-9;
            const t0 = a(v);
            if (t < t0 || t > e(v)) return 0;
            const interval = iv(v);
            const phase = interval > 0 ? (t - t0) % interval : t - t0;
            return phase < Math.max(w(v), clock.dt) ? 1 : 0;
          },
          deps: merge(...cs),
        };
      }
      case 'with_lookup': {
        arity(fn, args, 2, 2, s);
        const tbl = args[1];
        if (tbl.kind !== 'table') throw unsupportedInExpr('WITH LOOKUP without a table', s);
        const lk: Lookup = { xs: tbl.xs, ys: tbl.ys, kind: 'continuous' };
        const x = c(0);
        const xf = x.fn;
        return { fn: (v) => lookupValue(lk, xf(v)), deps: x.deps };
      }
      case 'lookup':
      case 'lookup_extrapolate':
      case 'lookup_forward':
      case 'lookup_backward': {
        arity(fn, args, 2, 2, s);
        const ref = args[0];
        const base = ref.kind === 'ref' ? lookupOf(ref.name) : undefined;
        if (!base) throw unsupportedInExpr(`${fn.toUpperCase()} whose first argument is not a lookup`, s);
        const lk: Lookup =
          fn === 'lookup_extrapolate'
            ? { ...base, kind: 'extrapolate' }
            : fn === 'lookup_backward'
              ? { ...base, kind: 'discrete' }
              : base;
        if (fn === 'lookup_forward') throw unsupportedInExpr('LOOKUP FORWARD', s);
        const x = c(1);
        const xf = x.fn;
        return { fn: (v) => lookupValue(lk, xf(v)), deps: x.deps };
      }
      case 'smooth':
      case 'smth1':
      case 'smoothi':
      case 'smooth3':
      case 'smth3':
      case 'smooth3i': {
        const three = fn.includes('3');
        const withInit = fn.endsWith('i') || (fn.startsWith('smth') && args.length === 3);
        arity(fn, args, withInit ? 3 : 2, fn.startsWith('smth') ? 3 : withInit ? 3 : 2, s);
        return chain('smooth', c(0), c(1), three ? 3 : 1, withInit ? c(2) : null);
      }
      case 'smooth_n':
      case 'smthn': {
        // Vensim SMOOTH N(input, time, initial, order); XMILE SMTHN(input, time, order, [initial])
        const vensim = fn === 'smooth_n';
        arity(fn, args, vensim ? 4 : 3, 4, s);
        const n = valueAtStart(args[vensim ? 3 : 2], s, 'the order of SMOOTH N');
        if (!Number.isInteger(n) || n < 1) throw unsupportedInExpr(`SMOOTH N of order ${n}`, s);
        return chain('smooth', c(0), c(1), n, vensim ? c(2) : args.length > 3 ? c(3) : null);
      }
      case 'delay1':
      case 'delay1i':
      case 'delay3':
      case 'delay3i': {
        const withInit = fn.endsWith('i') || (isDialectX && args.length === 3);
        arity(fn, args, withInit ? 3 : 2, isDialectX ? 3 : withInit ? 3 : 2, s);
        return chain('delay', c(0), c(1), fn.startsWith('delay3') ? 3 : 1, withInit ? c(2) : null);
      }
      case 'delay_n':
      case 'delayn': {
        // Vensim DELAY N(input, delay, initial, order); XMILE DELAYN(input, delay, order, [initial])
        const vensim = fn === 'delay_n';
        arity(fn, args, vensim ? 4 : 3, 4, s);
        let n = valueAtStart(args[vensim ? 3 : 2], s, 'the order of DELAY N');
        if (!Number.isInteger(n) || n < 1) throw unsupportedInExpr(`DELAY N of order ${n}`, s);
        // Vensim lowers the order until each stage holds at least one DT of the initial delay time
        const d0 = knownAtStart(args[1]);
        if (d0 !== undefined) while (n > 1 && n * clock.dt > d0 * (1 + 1e-12)) n--;
        return delayN(c(0), c(1), n, vensim ? c(2) : args.length > 3 ? c(3) : null, s);
      }
      case 'delay_fixed':
      case 'delay': {
        if (fn === 'delay' && !isDialectX) throw unsupportedInExpr('DELAY (use DELAY FIXED or DELAY1/3)', s);
        arity(fn, args, fn === 'delay_fixed' ? 3 : 2, 3, s);
        const input = c(0);
        return pipe(input, c(1), args.length > 2 ? c(2) : input, fn === 'delay_fixed');
      }
      case 'previous': {
        arity(fn, args, 1, 2, s);
        const input = c(0);
        return pipe(input, { fn: () => clock.dt, deps: none }, args.length > 1 ? c(1) : input);
      }
      case 'initial':
      case 'init': {
        arity(fn, args, 1, 1, s);
        const slot = hiddenStock(c(0), { fn: () => 0, deps: none });
        return { fn: (v) => v[slot], deps: new Set([slot]) };
      }
      case 'trend':
      case 'forecast': {
        // average: SMOOTH of the input, started so that the initial trend is as given
        // TREND = (input − average) / (average time · |average|)   (Vensim; XMILE §3.5.4)
        // FORECAST = input · (1 + TREND · horizon)
        const isTrend = fn === 'trend';
        arity(fn, args, isTrend ? (isDialectX ? 2 : 3) : 3, isTrend ? 3 : 4, s);
        const input = c(0);
        const avg = c(1);
        const initTrendIdx = isTrend ? 2 : 3;
        const init0 = args.length > initTrendIdx ? c(initTrendIdx) : { fn: () => 0, deps: none };
        const inf = input.fn;
        const avgf = avg.fn;
        const i0 = init0.fn;
        const slot = hiddenStock(
          { fn: (v) => inf(v) / (1 + i0(v) * avgf(v)), deps: merge(input, avg, init0) },
          { fn: (v) => (inf(v) - v[slot]) / avgf(v), deps: merge(input, avg) },
        );
        const trendFn: Fn = (v) => {
          const d = avgf(v) * Math.abs(v[slot]);
          return d === 0 ? 0 : (inf(v) - v[slot]) / d;
        };
        if (isTrend) return { fn: trendFn, deps: new Set([slot, ...input.deps, ...avg.deps]) };
        const h = c(2);
        const hf = h.fn;
        return { fn: (v) => inf(v) * (1 + trendFn(v) * hf(v)), deps: new Set([slot, ...merge(input, avg, h)]) };
      }
      case 'sample_if_true': {
        arity(fn, args, 3, 3, s);
        const k = c(0);
        const x = c(1);
        const i0 = c(2);
        const kf = k.fn;
        const xf = x.fn;
        const i0f = i0.fn;
        const mem: Memory = { slot: newSlot(`#${owner}:sample${hidden++}`), value: NaN };
        memories.push(mem);
        const memSlot = mem.slot;
        const f: Fn = (v) => {
          const value = truthy(kf(v)) ? xf(v) : clock.initial ? i0f(v) : mem.value;
          v[memSlot] = value;
          return value;
        };
        return { fn: f, deps: merge(k, x, i0) };
      }
      default:
        throw unsupportedInExpr(`the function ${fn.toUpperCase().replace(/_/g, ' ')}`, s);
    }
  }

  // compile the model's variables
  for (const v of model.variables) {
    if (v.lookupOnly) continue;
    const slot = slotOf.get(v.id)!;
    const s = src(v);
    owner = v.name;
    if (v.kind === 'stock') {
      const isActive = v.eqn.kind === 'call' && v.eqn.fn === 'active_initial';
      if (isActive) throw unsupportedInExpr('ACTIVE INITIAL as the initial value of a stock', s);
      const st: StockSlot = {
        slot,
        init: constant(v.id, v.eqn, s),
        rate: v.rate ? compile(v.rate, s) : undefined,
        inflows: (v.inflows ?? []).map((f) => flowSlot(f, v)),
        outflows: (v.outflows ?? []).map((f) => flowSlot(f, v)),
        nonNegative: !!v.nonNegative,
      };
      stocks.push(st);
      stockSlots.add(slot);
      stateSlots.add(slot);
      continue;
    }
    let eqn: Expr = v.eqn;
    let initEqn: Compiled | undefined;
    if (eqn.kind === 'call' && eqn.fn === 'active_initial') {
      if (eqn.args.length !== 2) throw unsupportedInExpr('ACTIVE INITIAL with other than two arguments', s);
      initEqn = compile(eqn.args[1], s);
      eqn = eqn.args[0];
    }
    let c = v.gf ? compile(eqn, s) : constant(v.id, eqn, s);
    if (v.gf) {
      const table = v.gf;
      const inner = c.fn;
      c = { fn: (x) => lookupValue(table, inner(x)), deps: c.deps };
    }
    if (v.kind === 'flow' && v.nonNegative) {
      const inner = c.fn;
      c = { fn: (x) => Math.max(0, inner(x)), deps: c.deps };
    }
    auxes.set(slot, { slot, eqn: c, initEqn });
  }

  function flowSlot(id: string, stock: SdVariable): number {
    const slot = slotOf.get(id);
    if (slot === undefined) {
      throw new XinzhiError({
        code: 'sd-unknown-name',
        severity: 'error',
        file: model.file,
        row: stock.line,
        message: bi(
          `存量 "${stock.name}" 的流 "${id}" 未定义`,
          `stock "${stock.name}" names the undefined flow "${id}"`,
        ),
        fix: bi('定义该流或从存量中去掉它', 'define that flow or remove it from the stock'),
      });
    }
    return slot;
  }

  const order = topoOrder(
    [...auxes.values()].map((a) => ({
      slot: a.slot,
      deps: [...a.eqn.deps].filter((d) => !stateSlots.has(d)),
      item: a,
    })),
    names,
    model,
  );
  type InitItem = CompiledModel['initOrder'][number];
  const initNodes: Array<{ slot: number; deps: number[]; item: InitItem }> = [];
  for (const a of auxes.values())
    initNodes.push({ slot: a.slot, deps: [...(a.initEqn ?? a.eqn).deps], item: { kind: 'aux', aux: a } });
  for (const st of stocks)
    initNodes.push({ slot: st.slot, deps: [...st.init.deps], item: { kind: 'stock', stock: st } });
  for (const p of pipes)
    initNodes.push({ slot: p.slot, deps: [...p.init.deps, ...p.delay.deps], item: { kind: 'pipe', pipe: p } });
  const initOrder = topoOrder(initNodes, names, model);
  const outputs = model.variables
    .filter((v) => !v.lookupOnly && !v.hidden)
    .map((v) => ({ name: v.name, slot: slotOf.get(v.id)! }));
  return { model, clock, names, outputs, stocks, pipes, memories, order, initOrder, constants };
}

/**
 * Change a constant of a compiled model (a variable whose equation is a number,
 * or a stock's numeric initial value) for the next run; false when the
 * variable is not such a constant (then apply a scenario and compile again).
 *
 * @example setConstant(compiled, 'obsolescence_rate', 0.08)
 */
export function setConstant(c: CompiledModel, name: string, value: number): boolean {
  const box = c.constants.get(canonicalName(name));
  if (!box) return false;
  box.value = value;
  return true;
}

/** Depth-first topological order; a cycle is an algebraic loop and is refused. */
function topoOrder<T>(nodes: Array<{ slot: number; deps: number[]; item: T }>, names: string[], model: SdModel): T[] {
  const bySlot = new Map(nodes.map((n) => [n.slot, n]));
  const state = new Map<number, 1 | 2>();
  const out: T[] = [];
  const stack: number[] = [];
  const visit = (slot: number) => {
    const st = state.get(slot);
    if (st === 2) return;
    const node = bySlot.get(slot);
    if (!node) return;
    if (st === 1) {
      const loop = stack
        .slice(stack.indexOf(slot))
        .map((s) => names[s])
        .filter((n) => !n.startsWith('#'));
      throw new XinzhiError({
        code: 'sd-algebraic-loop',
        severity: 'error',
        file: model.file,
        message: bi(
          `代数环（同一时刻互相依赖、中间没有存量）：${loop.join(' → ')}`,
          `algebraic loop (variables that depend on each other at the same time with no stock between): ${loop.join(' → ')}`,
        ),
        fix: bi(
          '在环中加入一个存量或延迟（如 SMOOTH），或改写方程',
          'put a stock or a delay (e.g. SMOOTH) in the loop, or rewrite the equations',
        ),
      });
    }
    state.set(slot, 1);
    stack.push(slot);
    for (const d of node.deps) visit(d);
    stack.pop();
    state.set(slot, 2);
    out.push(node.item);
  };
  for (const n of nodes) visit(n.slot);
  return out;
}
