/**
 * Read the common subset of Vensim's text format (.mdl): constants,
 * auxiliaries, stocks (`INTEG(rate, initial)`), lookups (`name(table)`,
 * `name[Dim](table)` per element, and `WITH LOOKUP`), the builtins the engine
 * knows, the time controls INITIAL TIME, FINAL TIME, TIME STEP, SAVEPER
 * (numbers or expressions of each other), subscripts as vensim-arrays.ts
 * expands them (with `:EXCEPT:` on the left-hand side), and macros with one
 * output (`:MACRO: NAME(inputs)` … `:END OF MACRO:`, one instance per call).
 * Data and GET functions, reality checks, macros with several outputs and
 * other features are refused with an error that names the feature and the line. Source: Vensim reference manual, "Model file format" and
 * "Functions"; SDXorg test-models for the conventions in practice.
 */
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { type Expr, type ExprSource, parseExpr, referencedNames, unsupportedInExpr } from './expr.ts';
import type { Lookup, SdModel, SdVariable } from './model.ts';
import { canonicalName } from './names.ts';
import {
  type DimensionDecl,
  type Dimensions,
  declareDimensions,
  elementName,
  expandLhs,
  listLengthError,
  numberList,
  scalarize,
} from './vensim-arrays.ts';

const CONTROLS = ['initial_time', 'final_time', 'time_step', 'saveper'];

interface Block {
  body: string;
  units: string;
  doc: string;
  line: number;
}

function splitBlocks(text: string): Block[] {
  const end = text.search(/\\{2,}---\/\/\//); // the sketch starts at \\\---/// (some files write \\---///)
  const body = (end < 0 ? text : text.slice(0, end)).replace(/^\uFEFF/, '');
  const blocks: Block[] = [];
  let start = 0;
  let line = 1;
  let depthQuote = false;
  let inNotes = false; // after the first ~ (units, comment) quotes are plain text
  for (let i = 0; i <= body.length; i++) {
    const ch = body[i];
    if (ch === '"' && !inNotes) depthQuote = !depthQuote;
    if (ch === '~' && !depthQuote) inNotes = true;
    if (i === body.length || (ch === '|' && !depthQuote)) {
      const raw = body.slice(start, i);
      const lead = raw.length - raw.replace(/^(\s|\{UTF-8\})*/, '').length;
      const startLine = line + countLines(raw.slice(0, lead));
      const parts = raw.split('~');
      const eq = parts[0]
        .replace(/\\\s*\r?\n/g, ' ')
        .replace(/\{UTF-8\}/g, '')
        .trim();
      if (eq !== '' || parts.length > 1) {
        blocks.push({
          body: eq,
          units: (parts[1] ?? '').trim(),
          doc: parts.slice(2).join('~').trim(),
          line: startLine,
        });
      }
      line += countLines(raw) + (i < body.length ? countLines(ch) : 0);
      start = i + 1;
      inNotes = false;
    }
  }
  return blocks;
}

function countLines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/** Index of the first `=` outside parentheses and quotes, or -1. */
function topLevelEquals(s: string): number {
  let depth = 0;
  let q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') q = !q;
    else if (!q && (c === '(' || c === '[')) depth++;
    else if (!q && (c === ')' || c === ']')) depth--;
    else if (!q && depth === 0 && c === '=') return i;
  }
  return -1;
}

function evalConst(e: Expr, env: Map<string, number>, src: ExprSource): number {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'ref': {
      const x = env.get(e.name);
      if (x === undefined) throw unsupportedInExpr('time controls that depend on model variables', src);
      return x;
    }
    case 'unary':
      return e.op === '-' ? -evalConst(e.arg, env, src) : evalConst(e.arg, env, src);
    case 'binary': {
      const a = evalConst(e.left, env, src);
      const b = evalConst(e.right, env, src);
      if (e.op === '+') return a + b;
      if (e.op === '-') return a - b;
      if (e.op === '*') return a * b;
      if (e.op === '/') return a / b;
      if (e.op === '^') return a ** b;
      break;
    }
    default:
      break;
  }
  throw unsupportedInExpr('time controls that are not arithmetic of numbers', src);
}

/**
 * Read a Vensim .mdl text into a model.
 *
 * @example readVensim(mdlText, 'teacup.mdl').specs.dt // 0.125
 */
export function readVensim(text: string, file?: string): SdModel {
  const variables: SdVariable[] = [];
  const controls = new Map<string, { expr: Expr; src: ExprSource }>();
  const blocks = splitBlocks(text).filter((b) => b.body !== '' && !b.body.startsWith('*')); // group headings
  // subscript ranges first: `Dim: a, b, c`, `Dim: a, b -> Other`, `Dim <-> Other`, in any order
  const { model: modelBlocks, macros } = splitMacros(blocks, file);
  const decls: DimensionDecl[] = [];
  const equations = modelBlocks.filter((b) => {
    const eq = b.body;
    const equiv = /^("[^"]*"|[^:=[(<]+)<->(.+)$/s.exec(eq);
    if (equiv) {
      const name = equiv[1].trim();
      decls.push({ name, rhs: equiv[2].trim(), equivalence: true, src: { file, line: b.line, variable: name } });
      return false;
    }
    if (eq.startsWith(':') || topLevelEquals(eq) >= 0 || eq.startsWith('"')) return true;
    const colon = eq.indexOf(':');
    if (colon <= 0 || eq.slice(0, colon).includes('(') || eq.slice(0, colon).includes('[')) return true;
    const name = eq.slice(0, colon).trim();
    decls.push({ name, rhs: eq.slice(colon + 1), equivalence: false, src: { file, line: b.line, variable: name } });
    return false;
  });
  const dims = declareDimensions(decls);
  const elementIds = new Map<string, string>();
  for (const dim of dims.values()) dim.ids.forEach((id, i) => elementIds.set(id, dim.elements[i]));
  for (const b of equations) {
    const eq = b.body;
    const src0: ExprSource = { file, line: b.line };
    const eqAt = topLevelEquals(eq);
    const lhsRaw = (eqAt < 0 ? eq.replace(/\(.*$/s, '') : eq.slice(0, eqAt)).trim();
    if (/:THE CONDITION:|:TEST INPUT:|:IMPLIES:/i.test(eq)) throw unsupportedInExpr('reality checks', src0);
    const except = /^(.*\])\s*:EXCEPT:(.*)$/is.exec(lhsRaw);
    const lhs = except ? except[1].trim() : lhsRaw;
    if (lhs.includes(':') && !lhs.startsWith('"'))
      throw unsupportedInExpr(`"${lhsRaw}" (a subscript range with an equation)`, src0);
    const subscripted = /^(.*?)\[(.*)\]$/s.exec(lhs);
    if (subscripted) {
      const name = subscripted[1].trim().replace(/^"|"$/g, '').replace(/\s+/g, ' ');
      const src: ExprSource = { file, line: b.line, variable: name };
      const subs = subscripted[2].split(',').map((x) => x.trim());
      const combos = exceptCombos(expandLhs(subs, dims, elementIds, src), except?.[2], subs.length, dims, src);
      const base = { line: b.line, ...(b.units ? { units: b.units } : {}), ...(b.doc ? { doc: b.doc } : {}) };
      if (eqAt < 0) {
        // a subscripted lookup: one table for every element on the left
        const gf = lookupTable(eq, src);
        for (const c of combos)
          variables.push({
            ...base,
            name: elementName(name, c.written),
            id: canonicalName(elementName(name, c.ids)),
            kind: 'aux',
            eqn: { kind: 'num', value: 0 },
            text: '',
            lookupOnly: true,
            gf,
          });
        continue;
      }
      let rhs = eq.slice(eqAt + 1);
      if (eq[eqAt - 1] === ':') throw unsupportedInExpr('data equations (:=)', src);
      if (rhs.startsWith('=')) rhs = rhs.slice(1);
      rhs = rhs.trim();
      const tabbed = /^TABBED[\s_]+ARRAY\s*\(([^)]*)\)$/i.exec(rhs);
      if (!tabbed) checkRhs(rhs, src);
      const list = tabbed ? tabbedNumbers(tabbed[1], src) : numberList(rhs);
      if (list) {
        if (list.length !== combos.length) throw listLengthError(list.length, combos.length, src);
        combos.forEach((c, i) =>
          variables.push({
            ...base,
            name: elementName(name, c.written),
            id: canonicalName(elementName(name, c.ids)),
            kind: 'aux',
            eqn: { kind: 'num', value: list[i] },
            text: String(list[i]),
          }),
        );
        continue;
      }
      const expr = parseExpr(rhs, 'vensim', src);
      for (const c of combos) {
        const v = { ...base, name: elementName(name, c.written), id: canonicalName(elementName(name, c.ids)) };
        const one = scalarize(expr, c.bind, dims, elementIds, { ...src, variable: v.name });
        if (one.kind === 'call' && one.fn === 'integ') {
          if (one.args.length !== 2) throw unsupportedInExpr('INTEG without two arguments', src);
          variables.push({ ...v, kind: 'stock', eqn: one.args[1], text: rhs, rate: one.args[0] });
        } else {
          if (containsCall(one, 'integ')) throw unsupportedInExpr('INTEG inside an expression', src);
          variables.push({ ...v, kind: 'aux', eqn: one, text: rhs });
        }
      }
      continue;
    }
    if (except) throw unsupportedInExpr(`:EXCEPT: after a name without subscripts ("${lhsRaw}")`, src0);
    const name = lhs.replace(/^"|"$/g, '').replace(/\s+/g, ' ');
    const id = canonicalName(name);
    const src: ExprSource = { file, line: b.line, variable: name };
    const base = { name, id, line: b.line, ...(b.units ? { units: b.units } : {}), ...(b.doc ? { doc: b.doc } : {}) };
    if (eqAt < 0) {
      // a lookup definition: name( [(xmin,ymin)-(xmax,ymax)], (x1,y1), ... )
      variables.push({
        ...base,
        kind: 'aux',
        eqn: { kind: 'num', value: 0 },
        text: '',
        lookupOnly: true,
        gf: lookupTable(eq, src),
      });
      continue;
    }
    let rhs = eq.slice(eqAt + 1);
    if (eq[eqAt - 1] === ':') throw unsupportedInExpr('data equations (:=)', src);
    if (rhs.startsWith('=')) rhs = rhs.slice(1); // unchangeable constant (==)
    rhs = rhs.trim();
    checkRhs(rhs, src);
    const parsed = parseExpr(rhs, 'vensim', src);
    const expr = dims.size ? scalarize(parsed, new Map(), dims, elementIds, src) : parsed;
    if (CONTROLS.includes(id) && id !== 'saveper') {
      controls.set(id, { expr, src });
      continue;
    }
    if (id === 'saveper') controls.set(id, { expr, src });
    if (expr.kind === 'call' && expr.fn === 'integ') {
      if (expr.args.length !== 2) throw unsupportedInExpr('INTEG without two arguments', src);
      const rateText = rhs.replace(/^INTEG\s*\(/i, '').replace(/\)\s*$/, '');
      variables.push({ ...base, kind: 'stock', eqn: expr.args[1], text: rhs, rate: expr.args[0], rateText });
      continue;
    }
    if (containsCall(expr, 'integ')) throw unsupportedInExpr('INTEG inside an expression', src);
    variables.push({ ...base, kind: 'aux', eqn: expr, text: rhs });
  }
  const env = new Map<string, number>();
  const pending = [...controls.entries()];
  for (let pass = 0; pass < 4 && pending.length; pass++) {
    for (let i = pending.length - 1; i >= 0; i--) {
      const [id, { expr, src }] = pending[i];
      if ([...referencedNames(expr)].every((n) => env.has(n))) {
        env.set(id, evalConst(expr, env, src));
        pending.splice(i, 1);
      }
    }
  }
  if (pending.length)
    throw unsupportedInExpr(
      `time controls that depend on model variables (${pending.map((p) => p[0]).join(', ')})`,
      pending[0][1].src,
    );
  for (const key of ['initial_time', 'final_time', 'time_step']) {
    if (!env.has(key)) {
      throw new XinzhiError({
        code: 'sd-specs',
        severity: 'error',
        file,
        message: bi(
          `模型缺少 ${key.toUpperCase().replace('_', ' ')}`,
          `the model lacks ${key.toUpperCase().replace('_', ' ')}`,
        ),
        fix: bi('在模型中定义时间控制变量', 'define the time controls in the model'),
      });
    }
  }
  const dt = env.get('time_step')!;
  return {
    name: file ?? 'model',
    dialect: 'vensim',
    file,
    variables: macros.size ? expandMacros(variables, macros, file) : variables,
    specs: {
      start: env.get('initial_time')!,
      stop: env.get('final_time')!,
      dt,
      saveper: env.get('saveper') ?? dt,
      method: 'euler',
    },
  };
}

/** The numbers of `TABBED ARRAY( 1 2 3 4 \n 5 6 7 8 )`: rows then columns, separated by blanks, tabs or lines. */
function tabbedNumbers(text: string, src: ExprSource): number[] {
  const cells = text.split(/\s+/).filter(Boolean);
  const bad = cells.find((c) => !Number.isFinite(Number(c)));
  if (bad !== undefined || cells.length === 0)
    throw new XinzhiError({
      code: 'sd-parse',
      severity: 'error',
      file: src.file,
      row: src.line,
      message: bi(
        `"${src.variable}" 的 TABBED ARRAY 含有非数值 "${bad ?? ''}"`,
        `the TABBED ARRAY of "${src.variable}" holds "${bad ?? ''}", not a number`,
      ),
      fix: bi(
        'TABBED ARRAY 中只写数值，以空格、制表符或换行分隔',
        'write only numbers in TABBED ARRAY, separated by spaces, tabs or lines',
      ),
    });
  return cells.map(Number);
}

/** A lookup definition's table: `name( [(xmin,ymin)-(xmax,ymax)], (x1,y1), ... )`. */
function lookupTable(eq: string, src: ExprSource): Lookup {
  const open = eq.indexOf('(');
  if (open < 0) throw unsupportedInExpr('a variable without an equation (data variable)', src);
  const tableText = eq.slice(open);
  if (/GET\s+(XLS|DIRECT|123)/i.test(tableText)) throw unsupportedInExpr('GET XLS / GET DIRECT (external data)', src);
  const wrapped = parseExpr(`WITH LOOKUP(0, ${tableText})`, 'vensim', src);
  const tbl = wrapped.kind === 'call' ? wrapped.args[1] : undefined;
  if (tbl?.kind !== 'table') throw unsupportedInExpr('this lookup form', src);
  // points out of order are read in order of x, as Vensim does (the suite's subscripted_lookups)
  const order = tbl.xs.map((_, i) => i).sort((a, b) => tbl.xs[a] - tbl.xs[b]);
  return { xs: order.map((i) => tbl.xs[i]), ys: order.map((i) => tbl.ys[i]), kind: 'continuous' };
}

type Combo = ReturnType<typeof expandLhs>[number];

/**
 * The element combinations of a left-hand side without those an `:EXCEPT: [a, b], [c, d]`
 * list leaves out; a listed subscript is an element or a range (every element of it).
 */
function exceptCombos(
  combos: Combo[],
  exceptText: string | undefined,
  n: number,
  dims: Dimensions,
  src: ExprSource,
): Combo[] {
  if (exceptText === undefined) return combos;
  const tuples = [...exceptText.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1].split(',').map((x) => canonicalName(x)));
  if (tuples.length === 0 || exceptText.replace(/\[[^\]]*\]/g, '').replace(/[\s,]/g, '') !== '')
    throw unsupportedInExpr(`this :EXCEPT: list ("${exceptText.trim()}"); write [element, ...], [element, ...]`, src);
  for (const t of tuples) {
    if (t.length !== n)
      throw unsupportedInExpr(`an :EXCEPT: entry with ${t.length} subscripts for a variable with ${n}`, src);
  }
  const covers = (sub: string, el: string) => (dims.has(sub) ? dims.get(sub)!.ids.includes(el) : sub === el);
  return combos.filter((c) => !tuples.some((t) => t.every((sub, i) => covers(sub, c.ids[i]))));
}

interface Macro {
  name: string;
  id: string;
  /** Input names, canonical. */
  params: string[];
  blocks: Block[];
  line: number;
}

/**
 * Take the `:MACRO: NAME(input, ...)` … `:END OF MACRO:` definitions out of the
 * equations (a definition may share a block with the equation before or after it).
 */
function splitMacros(blocks: Block[], file?: string): { model: Block[]; macros: Map<string, Macro> } {
  const model: Block[] = [];
  const macros = new Map<string, Macro>();
  let current: Macro | null = null;
  for (const b of blocks) {
    let body = b.body;
    let line = b.line;
    const src: ExprSource = { file, line };
    const drop = (n: number) => {
      line += countLines(body.slice(0, n));
      body = body.slice(n);
    };
    for (;;) {
      const end = /^:END OF MACRO:\s*/i.exec(body);
      if (end) {
        if (!current) throw unsupportedInExpr(':END OF MACRO: without a :MACRO: before it', src);
        current = null;
        drop(end[0].length);
        continue;
      }
      const head = /^:MACRO:\s*([^(]+?)\s*\(([^)]*)\)\s*/i.exec(body);
      if (head) {
        if (current) throw unsupportedInExpr(`a :MACRO: inside the macro "${current.name}"`, src);
        if (head[2].includes(':'))
          throw unsupportedInExpr(`macros with more than one output ("${head[1]}")`, { ...src, variable: head[1] });
        current = {
          name: head[1],
          id: canonicalName(head[1]),
          params: head[2]
            .split(',')
            .map((x) => canonicalName(x))
            .filter(Boolean),
          blocks: [],
          line: b.line,
        };
        macros.set(current.id, current);
        drop(head[0].length);
        continue;
      }
      break;
    }
    if (body === '' || body.startsWith('*')) continue; // a group heading after :END OF MACRO:
    (current ? current.blocks : model).push({ ...b, body, line });
  }
  if (current)
    throw unsupportedInExpr(`the macro "${current.name}" without :END OF MACRO:`, { file, line: current.line });
  return { model, macros };
}

/** A macro's equations, parsed once: its own name is its output. */
interface MacroBody {
  macro: Macro;
  locals: Array<{
    name: string;
    id: string;
    kind: 'stock' | 'aux';
    eqn: Expr;
    rate?: Expr;
    text: string;
    line: number;
  }>;
}

function parseMacro(macro: Macro, file?: string): MacroBody {
  const locals: MacroBody['locals'] = [];
  for (const b of macro.blocks) {
    const eqAt = topLevelEquals(b.body);
    const name = (eqAt < 0 ? b.body : b.body.slice(0, eqAt)).trim().replace(/^"|"$/g, '').replace(/\s+/g, ' ');
    const src: ExprSource = { file, line: b.line, variable: `${macro.name}: ${name}` };
    if (eqAt < 0 || /[[\]:]/.test(name) || b.body[eqAt - 1] === ':')
      throw unsupportedInExpr('lookups, subscripts or data inside a macro', src);
    const rhs = b.body
      .slice(eqAt + 1)
      .replace(/^=/, '')
      .trim();
    checkRhs(rhs, src);
    const e = parseExpr(rhs, 'vensim', src);
    const id = canonicalName(name);
    if (e.kind === 'call' && e.fn === 'integ') {
      if (e.args.length !== 2) throw unsupportedInExpr('INTEG without two arguments', src);
      locals.push({ name, id, kind: 'stock', eqn: e.args[1], rate: e.args[0], text: rhs, line: b.line });
    } else {
      if (containsCall(e, 'integ')) throw unsupportedInExpr('INTEG inside an expression', src);
      locals.push({ name, id, kind: 'aux', eqn: e, text: rhs, line: b.line });
    }
  }
  if (!locals.some((l) => l.id === macro.id))
    throw unsupportedInExpr(`the macro "${macro.name}" without an equation for its output "${macro.name}"`, {
      file,
      line: macro.line,
    });
  return { macro, locals };
}

/**
 * Replace every macro call by an instance of the macro: each call site gets its own
 * copies of the macro's variables (hidden, named "#NAME k.variable"), its inputs
 * replaced by the call's arguments, and the call by the instance's output. Calls
 * inside a macro are expanded the same way; a macro that calls itself is refused.
 * Source: Vensim reference manual, "Macros".
 */
function expandMacros(variables: SdVariable[], macros: Map<string, Macro>, file?: string): SdVariable[] {
  const bodies = new Map<string, MacroBody>();
  const bodyOf = (m: Macro) => {
    if (!bodies.has(m.id)) bodies.set(m.id, parseMacro(m, file));
    return bodies.get(m.id)!;
  };
  const counts = new Map<string, number>();
  const out: SdVariable[] = [];
  /** Each variable with the macros whose instance it belongs to (to refuse a macro calling itself). */
  const queue: Array<{ v: SdVariable; chain: string[] }> = variables.map((v) => ({ v, chain: [] }));
  const expand = (e: Expr, at: { v: SdVariable; chain: string[] }): Expr => {
    switch (e.kind) {
      case 'call': {
        const args = e.args.map((a) => expand(a, at));
        const macro = macros.get(e.fn);
        if (!macro) return { ...e, args };
        const src: ExprSource = { file, line: at.v.line, variable: at.v.name };
        if (at.chain.includes(macro.id)) throw unsupportedInExpr(`the macro "${macro.name}" calling itself`, src);
        if (args.length !== macro.params.length)
          throw unsupportedInExpr(
            `a call of the macro "${macro.name}" with ${args.length} inputs (it takes ${macro.params.length})`,
            src,
          );
        const body = bodyOf(macro);
        const k = (counts.get(macro.id) ?? 0) + 1;
        counts.set(macro.id, k);
        const prefix = `#${macro.name} ${k}`;
        const localIds = new Map(body.locals.map((l) => [l.id, canonicalName(`${prefix}.${l.name}`)]));
        const inputs = new Map(macro.params.map((p, i) => [p, args[i]]));
        const subst = (x: Expr): Expr =>
          substitute(x, (name) => (localIds.has(name) ? { kind: 'ref', name: localIds.get(name)! } : inputs.get(name)));
        for (const l of body.locals) {
          const v: SdVariable = {
            name: `${prefix}.${l.name}`,
            id: localIds.get(l.id)!,
            kind: l.kind,
            eqn: subst(l.eqn),
            text: l.text,
            line: l.line,
            hidden: true,
            ...(l.rate ? { rate: subst(l.rate) } : {}),
          };
          queue.push({ v, chain: [...at.chain, macro.id] });
        }
        return { kind: 'ref', name: localIds.get(macro.id)! };
      }
      case 'unary':
        return { ...e, arg: expand(e.arg, at) };
      case 'binary':
        return { ...e, left: expand(e.left, at), right: expand(e.right, at) };
      case 'if':
        return { ...e, cond: expand(e.cond, at), then: expand(e.then, at), else: expand(e.else, at) };
      default:
        return e;
    }
  };
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i];
    const v = at.v;
    out.push({ ...v, eqn: expand(v.eqn, at), ...(v.rate ? { rate: expand(v.rate, at) } : {}) });
  }
  return out;
}

/** Replace references by what `by` returns for their name (undefined: keep). */
function substitute(e: Expr, by: (name: string) => Expr | undefined): Expr {
  switch (e.kind) {
    case 'ref':
      return by(e.name) ?? e;
    case 'call':
      return { ...e, args: e.args.map((a) => substitute(a, by)) };
    case 'unary':
      return { ...e, arg: substitute(e.arg, by) };
    case 'binary':
      return { ...e, left: substitute(e.left, by), right: substitute(e.right, by) };
    case 'if':
      return { ...e, cond: substitute(e.cond, by), then: substitute(e.then, by), else: substitute(e.else, by) };
    default:
      return e;
  }
}

/** Refuse right-hand sides that need data, randomness or functions the engine lacks. */
function checkRhs(rhs: string, src: ExprSource): void {
  if (rhs === '') throw unsupportedInExpr('a variable without an equation (data variable)', src);
  // function names count only before "(": a variable may be called "Vector B" or "Random walk"
  const m =
    /\b(GET[\s_]+\w+([\s_]+\w+)?|TABBED[\s_]+ARRAY|RANDOM[\s_]*\w*|VECTOR[\s_]+\w+([\s_]+\w+)?|ALLOCATE[\s_]+\w+([\s_]+\w+)?|INVERT[\s_]+MATRIX|NPV|FIND[\s_]+ZERO)\s*\(|\bA FUNCTION OF\b|\bTIME BASE\b/i.exec(
      rhs,
    );
  if (m) throw unsupportedInExpr(`the function ${(m[1] ?? m[0]).toUpperCase()}`, src);
}

function containsCall(e: Expr, fn: string): boolean {
  switch (e.kind) {
    case 'call':
      return e.fn === fn || e.args.some((a) => containsCall(a, fn));
    case 'unary':
      return containsCall(e.arg, fn);
    case 'binary':
      return containsCall(e.left, fn) || containsCall(e.right, fn);
    case 'if':
      return containsCall(e.cond, fn) || containsCall(e.then, fn) || containsCall(e.else, fn);
    default:
      return false;
  }
}
