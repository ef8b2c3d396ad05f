/**
 * Equations of a system-dynamics model as a small expression tree, and the
 * hand-written parser that reads them. One grammar serves both dialects:
 * XMILE 1.0 (§3.3: `IF c THEN a ELSE b`, `AND`/`OR`/`NOT`, infix `MOD`,
 * quoted names) and Vensim (`:AND:`/`:OR:`/`:NOT:`, names with spaces,
 * `IF THEN ELSE(c, a, b)` as a function). Exponentiation binds tighter than
 * unary minus (`-2^2 = -4`) in both; it is left-associative in XMILE / Stella
 * (`4^3^2 = 4096`) and right-associative in Vensim (`4^3^2 = 262144`), as the
 * SDXorg `exponentiation` and `arithmetics` outputs show.
 */
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { canonicalName } from './names.ts';

export type Dialect = 'xmile' | 'vensim';

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '=' | '<>' | 'and' | 'or' | 'mod';

export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'ref'; name: string }
  | { kind: 'call'; fn: string; args: Expr[] }
  | { kind: 'unary'; op: '-' | '+' | 'not'; arg: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'if'; cond: Expr; then: Expr; else: Expr }
  | { kind: 'table'; xs: number[]; ys: number[] }
  /** A subscripted reference `name[sub, dim!]` (Vensim) or `name[dim, *]` (XMILE); the reader expands it before compiling. */
  | { kind: 'sref'; name: string; subs: Array<{ name: string; bang: boolean }> };

interface Token {
  type: 'num' | 'name' | 'quoted' | 'op' | 'end';
  text: string;
  pos: number;
}

/** Where an equation came from, so a parse error can name it. */
export interface ExprSource {
  file?: string;
  line?: number;
  variable?: string;
}

function parseError(msg: string, eqn: string, pos: number, src: ExprSource): XinzhiError {
  const at = `${src.variable ? `"${src.variable}": ` : ''}${eqn.slice(0, pos)} ⟨here⟩ ${eqn.slice(pos)}`.slice(0, 300);
  return new XinzhiError({
    code: 'sd-parse',
    severity: 'error',
    file: src.file,
    row: src.line,
    message: bi(`方程无法解析（${msg}）：${at}`, `cannot parse the equation (${msg}): ${at}`),
    fix: bi('检查括号、运算符与变量名的拼写', 'check the parentheses, operators and the spelling of names'),
  });
}

const OPS = [
  '<=',
  '>=',
  '<>',
  ':AND:',
  ':OR:',
  ':NOT:',
  ':NA:',
  '+',
  '-',
  '*',
  '/',
  '^',
  '<',
  '>',
  '=',
  '(',
  ')',
  ',',
  '[',
  ']',
  '!',
];

function tokenize(eqn: string, src: ExprSource): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < eqn.length) {
    const c = eqn[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '{') {
      // Vensim comment inside an equation
      const j = eqn.indexOf('}', i);
      i = j < 0 ? eqn.length : j + 1;
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(eqn.slice(i));
    if (num) {
      out.push({ type: 'num', text: num[0], pos: i });
      i += num[0].length;
      continue;
    }
    if (c === '"') {
      // a quoted name; \" inside is a quote (Vensim)
      let j = i + 1;
      while (j < eqn.length && eqn[j] !== '"') j += eqn[j] === '\\' ? 2 : 1;
      if (j >= eqn.length) throw parseError('unclosed quote', eqn, i, src);
      out.push({ type: 'quoted', text: eqn.slice(i + 1, j), pos: i });
      i = j + 1;
      continue;
    }
    const op = OPS.find((o) => eqn.slice(i, i + o.length).toUpperCase() === o);
    if (op) {
      out.push({ type: 'op', text: op, pos: i });
      i += op.length;
      continue;
    }
    const name = /^[A-Za-z_\u0080-\uFFFF$][\w\u0080-\uFFFF$'.&%]*/.exec(eqn.slice(i));
    if (name) {
      out.push({ type: 'name', text: name[0], pos: i });
      i += name[0].length;
      continue;
    }
    throw parseError(`unexpected character "${c}"`, eqn, i, src);
  }
  out.push({ type: 'end', text: '', pos: eqn.length });
  return out;
}

const KEYWORDS = new Set(['if', 'then', 'else', 'and', 'or', 'not', 'mod']);

/**
 * Parse one equation into an expression tree.
 *
 * @example parseExpr('(T - Room) / Tau', 'xmile') // {kind: 'binary', op: '/', ...}
 */
/** Deepest nesting of brackets, signs and NOT in one equation (real models stay below 20). */
export const MAX_EXPR_DEPTH = 200;
/** Deepest expression tree (a sum of n terms is n deep): compiling and reading walk it recursively. */
export const MAX_EXPR_TREE_DEPTH = 2000;

export function parseExpr(eqn: string, dialect: Dialect, src: ExprSource = {}): Expr {
  const toks = tokenize(eqn, src);
  let p = 0;
  const peek = () => toks[p];
  const isOp = (text: string) => peek().type === 'op' && peek().text === text;
  const isWord = (w: string) => dialect === 'xmile' && peek().type === 'name' && peek().text.toLowerCase() === w;
  const expect = (text: string) => {
    if (!isOp(text)) throw parseError(`expected "${text}"`, eqn, peek().pos, src);
    p++;
  };

  // nesting (brackets, signs, NOT) is bounded, so a pathological equation is an error, not a stack overflow
  let depth = 0;
  const nest = <T>(f: () => T): T => {
    if (++depth > MAX_EXPR_DEPTH) throw parseError(`nested deeper than ${MAX_EXPR_DEPTH} levels`, eqn, peek().pos, src);
    try {
      return f();
    } finally {
      depth--;
    }
  };

  function orExpr(): Expr {
    return nest(orTerms);
  }
  function orTerms(): Expr {
    let left = andExpr();
    while (isOp(':OR:') || isWord('or')) {
      p++;
      left = { kind: 'binary', op: 'or', left, right: andExpr() };
    }
    return left;
  }
  function andExpr(): Expr {
    let left = notExpr();
    while (isOp(':AND:') || isWord('and')) {
      p++;
      left = { kind: 'binary', op: 'and', left, right: notExpr() };
    }
    return left;
  }
  function notExpr(): Expr {
    if (isOp(':NOT:') || isWord('not')) {
      p++;
      return { kind: 'unary', op: 'not', arg: nest(notExpr) };
    }
    return compare();
  }
  function compare(): Expr {
    let left = additive();
    for (;;) {
      const t = peek();
      if (t.type === 'op' && ['<', '<=', '>', '>=', '=', '<>'].includes(t.text)) {
        p++;
        left = { kind: 'binary', op: t.text as BinaryOp, left, right: additive() };
      } else return left;
    }
  }
  function additive(): Expr {
    let left = multiplicative();
    while (isOp('+') || isOp('-')) {
      const op = toks[p++].text as '+' | '-';
      left = { kind: 'binary', op, left, right: multiplicative() };
    }
    return left;
  }
  function multiplicative(): Expr {
    let left = unary();
    while (isOp('*') || isOp('/') || isWord('mod')) {
      const op = toks[p++].text.toLowerCase() as '*' | '/' | 'mod';
      left = { kind: 'binary', op, left, right: unary() };
    }
    return left;
  }
  function unary(): Expr {
    if (isOp('-') || isOp('+')) {
      const op = toks[p++].text as '-' | '+';
      return { kind: 'unary', op, arg: nest(unary) };
    }
    return power();
  }
  function power(): Expr {
    let left = primary();
    if (dialect === 'vensim') {
      // Vensim: right-associative, 4^3^2 = 4^(3^2); the exponent may carry a sign (2^-1)
      if (isOp('^')) {
        p++;
        return { kind: 'binary', op: '^', left, right: nest(unary) };
      }
      return left;
    }
    while (isOp('^')) {
      // XMILE / Stella: left-associative, 4^3^2 = (4^3)^2
      p++;
      const right = isOp('-') || isOp('+') ? unary() : primary();
      left = { kind: 'binary', op: '^', left, right };
    }
    return left;
  }
  function tableLiteral(): Expr {
    // ([(xmin,ymin)-(xmax,ymax)], (x1,y1), (x2,y2), ...) — the range is optional
    expect('(');
    const xs: number[] = [];
    const ys: number[] = [];
    const signed = () => {
      let sign = 1;
      if (isOp('-')) {
        p++;
        sign = -1;
      } else if (isOp('+')) p++;
      const t = peek();
      if (t.type !== 'num') throw parseError('expected a number in the lookup table', eqn, t.pos, src);
      p++;
      return sign * Number(t.text);
    };
    const pair = (): [number, number] => {
      expect('(');
      const x = signed();
      expect(',');
      const y = signed();
      expect(')');
      return [x, y];
    };
    if (isOp('[')) {
      p++;
      pair();
      expect('-');
      pair();
      // Vensim may list reference lines after the range: [(..)-(..),(..),...]
      while (isOp(',')) {
        p++;
        pair();
      }
      expect(']');
      if (isOp(',')) p++;
    }
    for (;;) {
      const [x, y] = pair();
      xs.push(x);
      ys.push(y);
      if (isOp(',')) {
        p++;
        continue;
      }
      break;
    }
    expect(')');
    return { kind: 'table', xs, ys };
  }
  function args(fn: string): Expr[] {
    expect('(');
    const list: Expr[] = [];
    if (isOp(')')) {
      p++;
      return list;
    }
    for (;;) {
      // the last argument of WITH LOOKUP is a table literal
      if (fn === 'with_lookup' && list.length === 1) list.push(tableLiteral());
      else list.push(orExpr());
      if (isOp(',')) {
        p++;
        continue;
      }
      expect(')');
      return list;
    }
  }
  function primary(): Expr {
    const t = peek();
    if (t.type === 'num') {
      p++;
      return { kind: 'num', value: Number(t.text) };
    }
    if (t.type === 'op' && t.text === '(') {
      p++;
      const e = orExpr();
      expect(')');
      return e;
    }
    if (t.type === 'op' && t.text === ':NA:') {
      p++;
      return { kind: 'num', value: -1e38 };
    }
    if (t.type === 'name' && dialect === 'xmile' && t.text.toLowerCase() === 'if') {
      p++;
      const cond = orExpr();
      if (!isWord('then')) throw parseError('expected THEN', eqn, peek().pos, src);
      p++;
      const thenE = orExpr();
      if (!isWord('else')) throw parseError('expected ELSE', eqn, peek().pos, src);
      p++;
      return { kind: 'if', cond, then: thenE, else: orExpr() };
    }
    if (t.type === 'quoted' || t.type === 'name') {
      p++;
      let name = t.text;
      if (dialect === 'vensim' && t.type === 'name') {
        // Vensim names contain spaces and digits ("Outflow 1"): join adjacent words and integers
        // an integer glued to letters is one word ("Input 3D")
        let end = t.pos + t.text.length;
        while (peek().type === 'name' || (peek().type === 'num' && /^\d+$/.test(peek().text))) {
          const next = toks[p++];
          name += (next.pos === end ? '' : ' ') + next.text;
          end = next.pos + next.text.length;
        }
      } else if (t.type === 'name' && KEYWORDS.has(name.toLowerCase())) {
        throw parseError(`unexpected "${name}"`, eqn, t.pos, src);
      }
      const id = canonicalName(name);
      if (isOp('[')) {
        p++;
        const subs: Array<{ name: string; bang: boolean }> = [];
        for (;;) {
          let sub = '';
          if (isOp('*')) {
            p++;
            sub = '*';
          } // XMILE: every element of that dimension
          while (peek().type === 'name' || peek().type === 'quoted' || peek().type === 'num')
            sub += (sub ? ' ' : '') + toks[p++].text;
          if (sub === '') throw parseError('expected a subscript', eqn, peek().pos, src);
          let bang = false;
          if (isOp('!')) {
            p++;
            bang = true;
          }
          subs.push({ name: canonicalName(sub), bang });
          if (isOp(',')) {
            p++;
            continue;
          }
          expect(']');
          break;
        }
        const sref: Expr = { kind: 'sref', name: id, subs };
        if (isOp('(')) {
          // a subscripted lookup called: lookup[dim](x) reads the element's table, as LOOKUP(lookup[dim], x)
          const at = peek().pos;
          const a = args(id);
          if (a.length !== 1) throw parseError('a subscripted lookup takes one argument', eqn, at, src);
          return { kind: 'call', fn: 'lookup', args: [sref, a[0]] };
        }
        return sref;
      }
      if (isOp('(')) return { kind: 'call', fn: id, args: args(id) };
      return { kind: 'ref', name: id };
    }
    throw parseError(t.type === 'end' ? 'unexpected end' : `unexpected "${t.text}"`, eqn, t.pos, src);
  }

  const e = orExpr();
  if (peek().type !== 'end') throw parseError(`unexpected "${peek().text}"`, eqn, peek().pos, src);
  if (treeDepth(e) > MAX_EXPR_TREE_DEPTH)
    throw parseError(
      `more than ${MAX_EXPR_TREE_DEPTH} operations in one chain; split it into auxiliary variables`,
      eqn,
      0,
      src,
    );
  return e;
}

/** Depth of an expression tree, walked with a stack (a chain a + b + … nests one level per term). */
function treeDepth(root: Expr): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    if (d > max) max = d;
    for (const v of Object.values(node as object)) {
      if (Array.isArray(v)) {
        for (const x of v) if (x && typeof x === 'object' && 'kind' in x) stack.push([x, d + 1]);
      } else if (v && typeof v === 'object' && 'kind' in v) stack.push([v, d + 1]);
    }
  }
  return max;
}

/** The error for a model feature the engine does not implement: it names the feature and where it is. */
export function unsupportedInExpr(feature: string, src: ExprSource): XinzhiError {
  return new XinzhiError({
    code: 'sd-unsupported',
    severity: 'error',
    file: src.file,
    row: src.line,
    message: bi(
      `不支持的模型功能：${feature}${src.variable ? `（变量 "${src.variable}"）` : ''}`,
      `unsupported model feature: ${feature}${src.variable ? ` (variable "${src.variable}")` : ''}`,
    ),
    fix: bi(
      '改写模型以避开该功能，或换用支持它的软件运行',
      'rewrite the model without this feature, or run it in a tool that supports it',
    ),
  });
}

/** Names an expression refers to (not function names). */
export function referencedNames(e: Expr, out: Set<string> = new Set()): Set<string> {
  switch (e.kind) {
    case 'ref':
      out.add(e.name);
      break;
    case 'call':
      for (const a of e.args) referencedNames(a, out);
      break;
    case 'unary':
      referencedNames(e.arg, out);
      break;
    case 'binary':
      referencedNames(e.left, out);
      referencedNames(e.right, out);
      break;
    case 'if':
      referencedNames(e.cond, out);
      referencedNames(e.then, out);
      referencedNames(e.else, out);
      break;
    default:
      break;
  }
  return out;
}
