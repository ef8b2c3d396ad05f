/**
 * Subscripts (arrays) of Vensim and XMILE, expanded into scalar variables before the model
 * is compiled: `Stock[Dim]` with Dim: a, b becomes `Stock[a]` and `Stock[b]`,
 * each with its own equation. Supported: subscript ranges listed or numbered
 * (`Dim: (d1-d5)`), subranges (a range whose elements belong to another),
 * ranges declared in any order, equivalences (`DimB <-> DimA`: another name
 * for the same elements), mappings (`DimC: c1, c2 -> DimB`, or
 * `-> (DimB: b2, b1)` with the order given: an equation over DimB reads DimC's
 * element in the same position), equations over whole ranges or single
 * elements, `:EXCEPT:` on the left-hand side, constant lists (`1, 2; 3, 4;`,
 * rows then columns, and TABBED ARRAY read in vensim.ts), SUM / PROD / VMIN /
 * VMAX over a `Dim!` range, and ELMCOUNT(Dim).
 * Source: Vensim reference manual, "Subscripts", "Subscript mapping",
 * "Subscript equivalence", ":EXCEPT:" and "Array functions".
 */
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { type Expr, type ExprSource, unsupportedInExpr } from './expr.ts';
import { canonicalName } from './names.ts';

export interface Dimension {
  name: string;
  id: string;
  /** Elements as written, and their canonical ids (subranges already resolved to elements). */
  elements: string[];
  ids: string[];
  /** The range this one is another name for (`A <-> B`), by id. */
  equivalentOf?: string;
  /** Mappings to other ranges: target range id → (target element id → this range's element id). */
  mappings?: Map<string, Map<string, string>>;
}

export type Dimensions = Map<string, Dimension>;

/** A subscript range as written: `Name: elements [-> targets]` or `Name <-> Other`. */
export interface DimensionDecl {
  name: string;
  /** Text after the colon, or the other range's name for an equivalence. */
  rhs: string;
  equivalence: boolean;
  src: ExprSource;
}

/** Split at commas outside parentheses. */
function topLevelList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

/**
 * Declare every subscript range, in any order of the file: a range listing another
 * range waits for it; equivalences copy their range; mappings are resolved last.
 *
 * @example declareDimensions([{name: 'D', rhs: 'a, b', equivalence: false, src: {}}]).get('d')?.ids // ['a', 'b']
 */
export function declareDimensions(decls: DimensionDecl[]): Dimensions {
  const dims: Dimensions = new Map();
  const declared = new Set(decls.map((d) => canonicalName(d.name)));
  const elementsPart = (d: DimensionDecl) => d.rhs.split('->')[0];
  const needs = (d: DimensionDecl) =>
    d.equivalence
      ? [canonicalName(d.rhs)]
      : topLevelList(elementsPart(d))
          .map(canonicalName)
          .filter((n) => declared.has(n) && n !== canonicalName(d.name));
  let pending = [...decls];
  while (pending.length) {
    const ready = pending.filter((d) => needs(d).every((n) => dims.has(n)));
    if (ready.length === 0) {
      const d = pending[0];
      if (d.equivalence && !declared.has(canonicalName(d.rhs)))
        throw unsupportedInExpr(`the equivalence "${d.name} <-> ${d.rhs}" of an undeclared range`, d.src);
      throw unsupportedInExpr(`subscript ranges that list each other in a cycle ("${d.name}")`, d.src);
    }
    for (const d of ready) {
      const dim = d.equivalence ? equivalence(d, dims) : parseDimension(d.name, elementsPart(d), dims, d.src);
      dims.set(dim.id, dim);
    }
    pending = pending.filter((d) => !ready.includes(d));
  }
  // in the order of the file (the first of equal ranges numbers an element)
  const inFileOrder: Dimensions = new Map(decls.map((d) => [canonicalName(d.name), dims.get(canonicalName(d.name))!]));
  for (const d of decls) {
    const arrow = d.equivalence ? -1 : d.rhs.indexOf('->');
    if (arrow >= 0) addMappings(dims.get(canonicalName(d.name))!, d.rhs.slice(arrow + 2), dims, d.src);
  }
  return inFileOrder;
}

function equivalence(d: DimensionDecl, dims: Dimensions): Dimension {
  const base = dims.get(canonicalName(d.rhs))!;
  const id = canonicalName(d.name);
  return { name: d.name, id, elements: base.elements, ids: base.ids, equivalentOf: base.equivalentOf ?? base.id };
}

/** `-> Target`, `-> Target1, Target2` or `-> (Target: t1, t2, ...)`: position i of this range is element i of the list. */
function addMappings(dim: Dimension, text: string, dims: Dimensions, src: ExprSource): void {
  dim.mappings ??= new Map();
  for (const target of topLevelList(text)) {
    const explicit = /^\(\s*([^:]+):(.*)\)$/s.exec(target);
    const tname = canonicalName(explicit ? explicit[1] : target);
    const tdim = dims.get(tname);
    if (!tdim) throw unsupportedInExpr(`a mapping to "${target}" (not a declared range)`, src);
    const map = new Map<string, string>();
    if (explicit) {
      const listed = topLevelList(explicit[2]).map(canonicalName);
      if (listed.length !== dim.ids.length)
        throw unsupportedInExpr(
          `a mapping of "${dim.name}" that lists ${listed.length} elements for ${dim.ids.length}`,
          src,
        );
      listed.forEach((t, i) => {
        const members = dims.get(t)?.ids ?? (tdim.ids.includes(t) ? [t] : []);
        if (members.length === 0)
          throw unsupportedInExpr(`the mapping element "${t}" (not in the range "${tdim.name}")`, src);
        for (const m of members) map.set(m, dim.ids[i]);
      });
    } else {
      if (tdim.ids.length !== dim.ids.length)
        throw unsupportedInExpr(
          `a mapping from "${dim.name}" (${dim.ids.length} elements) to "${tdim.name}" (${tdim.ids.length})`,
          src,
        );
      tdim.ids.forEach((t, i) => map.set(t, dim.ids[i]));
    }
    dim.mappings.set(tname, map);
  }
}

/** Read `a, b, c` or `(a1-a5)` (elements may name another range, which is expanded). */
export function parseDimension(name: string, rhs: string, dims: Dimensions, src: ExprSource): Dimension {
  if (/GET\s/i.test(rhs)) throw unsupportedInExpr('subscript ranges read from files', src);
  const elements: string[] = [];
  for (const raw of rhs
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)) {
    const num = /^\(\s*([^\d\s]*)(\d+)\s*-\s*([^\d\s]*)(\d+)\s*\)$/.exec(raw);
    if (num) {
      for (let i = Number(num[2]); i <= Number(num[4]); i++) elements.push(`${num[1]}${i}`);
      continue;
    }
    const sub = dims.get(canonicalName(raw));
    if (sub) elements.push(...sub.elements);
    else elements.push(raw.replace(/^"|"$/g, ''));
  }
  if (elements.length === 0) throw unsupportedInExpr('an empty subscript range', src);
  return { name, id: canonicalName(name), elements, ids: elements.map(canonicalName) };
}

/**
 * The element a range stands for in a reference, given the elements the equation runs over:
 * the bound element of the range itself or of an equivalent range, the mapped element
 * (either direction of a mapping), or the bound element when it belongs to this range
 * (a subrange or superrange); undefined when none applies.
 */
export function boundElement(dim: Dimension, bind: Map<string, string>, dims: Dimensions): string | undefined {
  const own = bind.get(dim.id);
  if (own !== undefined) return own;
  const root = dim.equivalentOf ?? dim.id;
  for (const [k, el] of bind) if ((dims.get(k)?.equivalentOf ?? k) === root) return el;
  for (const [k, el] of bind) {
    const mapped = dim.mappings?.get(k)?.get(el);
    if (mapped !== undefined) return mapped;
    const back = dims.get(k)?.mappings?.get(dim.id);
    if (back) for (const [mine, theirs] of back) if (theirs === el) return mine;
  }
  for (const el of bind.values()) if (dim.ids.includes(el)) return el;
  return undefined;
}

/** Name of one element of an arrayed variable, as Vensim prints it: `Stock A[Entry 1,Column 2]`. */
export function elementName(name: string, elements: string[]): string {
  return `${name}[${elements.join(',')}]`;
}

/** Every element combination of a left-hand side `name[s1, s2]`, last subscript fastest. */
export function expandLhs(
  subs: string[],
  dims: Dimensions,
  elementIds: Map<string, string>,
  src: ExprSource,
): Array<{ written: string[]; ids: string[]; bind: Map<string, string> }> {
  let combos: Array<{ written: string[]; ids: string[]; bind: Map<string, string> }> = [
    { written: [], ids: [], bind: new Map() },
  ];
  for (const raw of subs) {
    const id = canonicalName(raw);
    const dim = dims.get(id);
    const options: Array<{ w: string; id: string }> = dim
      ? dim.elements.map((w, i) => ({ w, id: dim.ids[i] }))
      : elementIds.has(id)
        ? [{ w: elementIds.get(id)!, id }]
        : [];
    if (options.length === 0) throw unsupportedInExpr(`the subscript "${raw}" (not a declared range or element)`, src);
    combos = combos.flatMap((c) =>
      options.map((o) => {
        const bind = new Map(c.bind);
        if (dim) bind.set(dim.id, o.id);
        return { written: [...c.written, o.w], ids: [...c.ids, o.id], bind };
      }),
    );
  }
  return combos;
}

/** A right-hand side that is only numbers separated by commas and semicolons, or null. */
export function numberList(rhs: string): number[] | null {
  const t = rhs.trim().replace(/;\s*$/, '');
  if (!/^[-+0-9.eE\s,;]+$/.test(t) || !/[,;]/.test(t)) return null;
  const xs = t
    .split(/[,;]/)
    .map((x) => x.trim())
    .filter((x) => x !== '')
    .map(Number);
  return xs.every(Number.isFinite) ? xs : null;
}

const AGGREGATES: Record<string, '+' | '*' | 'min' | 'max' | 'mean'> = {
  sum: '+',
  prod: '*',
  vmin: 'min',
  vmax: 'max',
};
/** XMILE's array builtins: with one array argument MIN, MAX, MEAN reduce it too. */
const XMILE_AGGREGATES: Record<string, '+' | '*' | 'min' | 'max' | 'mean'> = {
  ...AGGREGATES,
  min: 'min',
  max: 'max',
  mean: 'mean',
};

/** How references are read: Vensim (`Dim!` reduces) or XMILE (`*` and ranges not run over reduce; bare names of arrays). */
export interface ArrayContext {
  dialect: 'vensim' | 'xmile';
  /** Dimensions of each arrayed variable (canonical ids), for XMILE's `*`, numeric and implied subscripts. */
  arrayed?: Map<string, string[]>;
}

function bangDims(e: Expr, out: Set<string>): Set<string> {
  switch (e.kind) {
    case 'sref':
      for (const s of e.subs) if (s.bang) out.add(s.name);
      break;
    case 'call':
      for (const a of e.args) bangDims(a, out);
      break;
    case 'unary':
      bangDims(e.arg, out);
      break;
    case 'binary':
      bangDims(e.left, out);
      bangDims(e.right, out);
      break;
    case 'if':
      bangDims(e.cond, out);
      bangDims(e.then, out);
      bangDims(e.else, out);
      break;
    default:
      break;
  }
  return out;
}

/**
 * The scalar equation of one element: subscripts become element names.
 *
 * @example scalarize(parse('Rate[Dim] * 2'), new Map([['dim', 'a']]), dims) // Rate[a] * 2
 */
export function scalarize(
  e: Expr,
  bind: Map<string, string>,
  dims: Dimensions,
  elementIds: Map<string, string>,
  src: ExprSource,
  ctx: ArrayContext = { dialect: 'vensim' },
): Expr {
  const xmile = ctx.dialect === 'xmile';
  const aggregates = xmile ? XMILE_AGGREGATES : AGGREGATES;
  /** XMILE: `*` and numeric subscripts name the variable's own dimensions; a bare array name takes all of them. */
  const normalise = (x: Expr, b: Map<string, string>): Expr => {
    if (!xmile) return x;
    if (x.kind === 'ref' && ctx.arrayed?.has(x.name)) {
      return { kind: 'sref', name: x.name, subs: ctx.arrayed.get(x.name)!.map((d) => ({ name: d, bang: !b.has(d) })) };
    }
    if (x.kind !== 'sref') return x;
    const own = ctx.arrayed?.get(x.name) ?? [];
    return {
      ...x,
      subs: x.subs.map((s, i) => {
        if (s.name === '*') return { name: own[i] ?? '*', bang: true };
        if (/^\d+$/.test(s.name) && own[i] && dims.get(own[i]))
          return { name: dims.get(own[i])!.ids[Number(s.name) - 1] ?? s.name, bang: false };
        if (dims.has(s.name) && !b.has(s.name) && ![...b.values()].some((v) => dims.get(s.name)!.ids.includes(v)))
          return { name: s.name, bang: true };
        return s;
      }),
    };
  };
  const rec = (x0: Expr, b: Map<string, string>): Expr => {
    const x = normalise(x0, b);
    switch (x.kind) {
      case 'sref': {
        const ids = x.subs.map((s) => {
          if (b.has(s.name)) return b.get(s.name)!;
          const dim = dims.get(s.name);
          if (!dim) {
            if (elementIds.has(s.name)) return s.name;
            throw unsupportedInExpr(`the subscript "${s.name}" (not a declared range or element)`, src);
          }
          if (s.bang)
            throw unsupportedInExpr(
              `a whole range ("${dim.name}") outside an array function (SUM, PROD, MIN, MAX)`,
              src,
            );
          const el = boundElement(dim, b, dims);
          if (el !== undefined) return el;
          throw unsupportedInExpr(`the range "${dim.name}" used where the equation does not run over it`, src);
        });
        return { kind: 'ref', name: canonicalName(elementName(x.name, ids)) };
      }
      case 'call': {
        if (x.fn === 'elmcount' && !xmile) {
          // Vensim ELMCOUNT(range): the number of elements
          const a = x.args[0];
          const counted = x.args.length === 1 && a.kind === 'ref' ? dims.get(a.name) : undefined;
          if (!counted) throw unsupportedInExpr('ELMCOUNT of something other than one subscript range', src);
          return { kind: 'num', value: counted.ids.length };
        }
        const agg = aggregates[x.fn];
        if (agg && x.args.length === 1) {
          const banged = [...bangDims(xmile ? markReduced(x.args[0], b) : x.args[0], new Set())];
          if (banged.length === 0) return { kind: 'call', fn: x.fn, args: [rec(x.args[0], b)] };
          let combos: Array<Map<string, string>> = [new Map(b)];
          for (const d of banged) {
            const dim = dims.get(d);
            if (!dim) throw unsupportedInExpr(`the range "${d}!" (not declared)`, src);
            combos = combos.flatMap((c) => dim.ids.map((el) => new Map(c).set(d, el)));
          }
          const terms = combos.map((c) => rec(x.args[0], c));
          if (agg === 'min' || agg === 'max') return { kind: 'call', fn: agg, args: terms };
          const sum = terms.reduce((acc, t) => ({
            kind: 'binary',
            op: agg === 'mean' ? '+' : agg,
            left: acc,
            right: t,
          }));
          return agg === 'mean'
            ? { kind: 'binary', op: '/', left: sum, right: { kind: 'num', value: terms.length } }
            : sum;
        }
        return { kind: 'call', fn: x.fn, args: x.args.map((a) => rec(a, b)) };
      }
      case 'ref': {
        // a range's name used as a value is the number of the current element, an element's name its number:
        // its 1-based position in the largest range that holds it (so a subrange numbers as its parent)
        const dim = dims.get(x.name);
        if (!dim) return elementIds.has(x.name) ? { kind: 'num', value: elementNumber(x.name, dims) } : x;
        const el = b.get(x.name) ?? [...b.values()].find((v) => dim.ids.includes(v));
        if (el === undefined)
          throw unsupportedInExpr(`the range "${dim.name}" as a value where the equation does not run over it`, src);
        return { kind: 'num', value: elementNumber(el, dims) };
      }
      case 'unary':
        return { kind: 'unary', op: x.op, arg: rec(x.arg, b) };
      case 'binary':
        return { kind: 'binary', op: x.op, left: rec(x.left, b), right: rec(x.right, b) };
      case 'if':
        return { kind: 'if', cond: rec(x.cond, b), then: rec(x.then, b), else: rec(x.else, b) };
      default:
        return x;
    }
  };
  /** The argument of an XMILE array function with its reduced ranges marked. */
  const markReduced = (x: Expr, b: Map<string, string>): Expr => {
    const y = normalise(x, b);
    switch (y.kind) {
      case 'call':
        return { ...y, args: y.args.map((a) => markReduced(a, b)) };
      case 'unary':
        return { ...y, arg: markReduced(y.arg, b) };
      case 'binary':
        return { ...y, left: markReduced(y.left, b), right: markReduced(y.right, b) };
      case 'if':
        return { ...y, cond: markReduced(y.cond, b), then: markReduced(y.then, b), else: markReduced(y.else, b) };
      default:
        return y;
    }
  };
  return rec(e, bind);
}

/**
 * 1-based position of an element in the largest range that holds it, the first in the file among
 * equals (Vensim's value of an element: a subrange numbers as its parent, the SDXorg
 * subscript_definition test).
 */
function elementNumber(el: string, dims: Dimensions): number {
  let best: Dimension | undefined;
  for (const d of dims.values()) if (d.ids.includes(el) && (!best || d.ids.length > best.ids.length)) best = d;
  return best ? best.ids.indexOf(el) + 1 : NaN;
}

/** The error for a constant list whose length does not fit the range. */
export function listLengthError(n: number, want: number, src: ExprSource): XinzhiError {
  return new XinzhiError({
    code: 'sd-array-size',
    severity: 'error',
    file: src.file,
    row: src.line,
    message: bi(
      `"${src.variable}" 给出 ${n} 个数，下标范围需要 ${want} 个`,
      `"${src.variable}" lists ${n} numbers; its subscripts need ${want}`,
    ),
    fix: bi('按下标元素个数给出数值（行用分号分隔）', 'give one number per element (rows separated by semicolons)'),
  });
}
