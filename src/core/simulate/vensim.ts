/**
 * Read the common subset of Vensim's text format (.mdl): constants,
 * auxiliaries, stocks (`INTEG(rate, initial)`), lookups (`name(table)` and
 * `WITH LOOKUP`), the builtins the engine knows, and the time controls
 * INITIAL TIME, FINAL TIME, TIME STEP, SAVEPER (numbers or expressions of
 * each other), and subscripts as vensim-arrays.ts expands them. Macros, data and GET functions, reality
 * checks and other features are refused with an error that names the feature
 * and the line. Source: Vensim reference manual, "Model file format" and
 * "Functions"; SDXorg test-models for the conventions in practice.
 */
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { type Expr, type ExprSource, parseExpr, referencedNames, unsupportedInExpr } from './expr.ts';
import type { SdModel, SdVariable } from './model.ts';
import { canonicalName } from './names.ts';
import {
  type Dimensions,
  elementName,
  expandLhs,
  listLengthError,
  numberList,
  parseDimension,
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
  // subscript ranges first: `Dim: a, b, c`
  const dims: Dimensions = new Map();
  const elementIds = new Map<string, string>();
  const equations = blocks.filter((b) => {
    const eq = b.body;
    if (eq.startsWith(':') || topLevelEquals(eq) >= 0 || eq.startsWith('"')) return true;
    const colon = eq.indexOf(':');
    if (colon <= 0 || eq.slice(0, colon).includes('(') || eq.slice(0, colon).includes('[')) return true;
    const dim = parseDimension(eq.slice(0, colon).trim(), eq.slice(colon + 1), dims, {
      file,
      line: b.line,
      variable: eq.slice(0, colon).trim(),
    });
    dims.set(dim.id, dim);
    dim.ids.forEach((id, i) => elementIds.set(id, dim.elements[i]));
    return false;
  });
  for (const b of equations) {
    const eq = b.body;
    const src0: ExprSource = { file, line: b.line };
    if (/^:MACRO:/i.test(eq)) throw unsupportedInExpr('macros', src0);
    if (/^:END OF MACRO:/i.test(eq)) continue;
    const eqAt = topLevelEquals(eq);
    const lhsRaw = (eqAt < 0 ? eq.replace(/\(.*$/s, '') : eq.slice(0, eqAt)).trim();
    if (/:THE CONDITION:|:TEST INPUT:|:IMPLIES:/i.test(eq)) throw unsupportedInExpr('reality checks', src0);
    if (/:EXCEPT:/i.test(lhsRaw)) throw unsupportedInExpr(':EXCEPT: in subscripts', src0);
    if (lhsRaw.includes(':') && !lhsRaw.startsWith('"'))
      throw unsupportedInExpr(`"${lhsRaw}" (a subscript range with an equation)`, src0);
    const subscripted = /^(.*?)\[(.*)\]$/s.exec(lhsRaw);
    if (subscripted) {
      const name = subscripted[1].trim().replace(/^"|"$/g, '').replace(/\s+/g, ' ');
      const src: ExprSource = { file, line: b.line, variable: name };
      if (eqAt < 0) throw unsupportedInExpr('subscripted lookups', src);
      let rhs = eq.slice(eqAt + 1);
      if (eq[eqAt - 1] === ':') throw unsupportedInExpr('data equations (:=)', src);
      if (rhs.startsWith('=')) rhs = rhs.slice(1);
      rhs = rhs.trim();
      checkRhs(rhs, src);
      const combos = expandLhs(
        subscripted[2].split(',').map((x) => x.trim()),
        dims,
        elementIds,
        src,
      );
      const base = { line: b.line, ...(b.units ? { units: b.units } : {}), ...(b.doc ? { doc: b.doc } : {}) };
      const list = numberList(rhs);
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
    const name = lhsRaw.replace(/^"|"$/g, '').replace(/\s+/g, ' ');
    const id = canonicalName(name);
    const src: ExprSource = { file, line: b.line, variable: name };
    const base = { name, id, line: b.line, ...(b.units ? { units: b.units } : {}), ...(b.doc ? { doc: b.doc } : {}) };
    if (eqAt < 0) {
      // a lookup definition: name( [(xmin,ymin)-(xmax,ymax)], (x1,y1), ... )
      const open = eq.indexOf('(');
      if (open < 0) throw unsupportedInExpr('a variable without an equation (data variable)', src);
      const tableText = eq.slice(open);
      if (/GET\s+(XLS|DIRECT|123)/i.test(tableText))
        throw unsupportedInExpr('GET XLS / GET DIRECT (external data)', src);
      const wrapped = parseExpr(`WITH LOOKUP(0, ${tableText})`, 'vensim', src);
      const tbl = wrapped.kind === 'call' ? wrapped.args[1] : undefined;
      if (!tbl || tbl.kind !== 'table') throw unsupportedInExpr('this lookup form', src);
      variables.push({
        ...base,
        kind: 'aux',
        eqn: { kind: 'num', value: 0 },
        text: '',
        lookupOnly: true,
        gf: { xs: tbl.xs, ys: tbl.ys, kind: 'continuous' },
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
    variables,
    specs: {
      start: env.get('initial_time')!,
      stop: env.get('final_time')!,
      dt,
      saveper: env.get('saveper') ?? dt,
      method: 'euler',
    },
  };
}

/** Refuse right-hand sides that need data, randomness or functions the engine lacks. */
function checkRhs(rhs: string, src: ExprSource): void {
  if (rhs === '') throw unsupportedInExpr('a variable without an equation (data variable)', src);
  const m =
    /\bGET[\s_]+\w+([\s_]+\w+)?|TABBED[\s_]+ARRAY|A FUNCTION OF|TIME BASE|RANDOM\s*\w*|VECTOR\s*\w*|ALLOCATE\s*\w*(\s+\w+)*|INVERT MATRIX|ELMCOUNT|GET TIME VALUE|NPV|FIND ZERO/i.exec(
      rhs,
    );
  if (m) throw unsupportedInExpr(`the function ${m[0].toUpperCase()}`, src);
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
