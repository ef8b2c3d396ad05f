/**
 * Read and write XMILE 1.0 (OASIS, 2015), the open interchange format of
 * system-dynamics models that Stella (.stmx) and other tools write.
 *
 * Reading covers stocks (inflows, outflows, non_negative), flows, auxiliaries,
 * graphical functions (`<gf>` with `xscale` or `xpts`, continuous /
 * extrapolate / discrete), the `<behavior>` defaults for non-negativity and
 * `sim_specs` (start, stop, dt with `reciprocal`, method), and arrays
 * (`<dimensions>`; apply-to-all or per-`<element>` equations, `x[dim]`,
 * `x[elem]`, `x[1]`, `x[*]`, SUM / PROD / MIN / MAX / MEAN over arrays),
 * expanded into one scalar variable per element. Modules, macros, conveyors and queues
 * are refused with an error naming the feature and the line. Namespace
 * prefixes are ignored, as many Stella files use `isee:` without declaring it.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { parseExpr, unsupportedInExpr, type ExprSource } from './expr.ts';
import type { Lookup, LookupKind, SdModel, SdVariable, VariableKind } from './model.ts';
import { canonicalName } from './names.ts';
import {
  type Dimensions,
  elementName,
  expandLhs,
  listLengthError,
  numberList as constantList,
  scalarize,
} from './vensim-arrays.ts';

type Node = Record<string, unknown>;

const ARRAYS = new Set([
  'stock',
  'flow',
  'aux',
  'inflow',
  'outflow',
  'module',
  'group',
  'gf',
  'macro',
  'dim',
  'model',
  'elem',
  'element',
]);

/** `<dimensions><dim name="D" size="3"/>` (elements 1..3) or with `<elem name="a"/>` children. */
function readDimensions(root: Node): Dimensions {
  const dims: Dimensions = new Map();
  const block = root.dimensions as Node | undefined;
  for (const d of (block && typeof block === 'object' ? (block.dim ?? []) : []) as Node[]) {
    const name = String(d['@name'] ?? '');
    const elems = (d.elem ?? []) as Node[];
    const elements = elems.length
      ? elems.map((e) => String(e['@name']))
      : Array.from({ length: Number(d['@size'] ?? 0) }, (_, i) => String(i + 1));
    dims.set(canonicalName(name), { name, id: canonicalName(name), elements, ids: elements.map(canonicalName) });
  }
  return dims;
}

function text(x: unknown): string {
  if (x === undefined || x === null) return '';
  if (typeof x === 'object') return String((x as Node)['#text'] ?? '');
  return String(x);
}

function lineOf(xml: string, needle: string): number | undefined {
  const i = xml.indexOf(needle);
  if (i < 0) return undefined;
  let line = 1;
  for (let k = 0; k < i; k++) if (xml.charCodeAt(k) === 10) line++;
  return line;
}

function numberList(s: string, sep: string): number[] {
  return s
    .split(sep)
    .map((x) => x.trim())
    .filter((x) => x !== '')
    .map(Number);
}

function readGf(gf: Node, src: ExprSource): Lookup {
  const kindAttr = String(gf['@type'] ?? 'continuous').toLowerCase();
  const kind: LookupKind =
    kindAttr === 'extrapolate' ? 'extrapolate' : kindAttr === 'discrete' ? 'discrete' : 'continuous';
  const ypNode = gf.ypts as Node | string | undefined;
  const sep = (typeof ypNode === 'object' && ypNode ? String(ypNode['@sep'] ?? ',') : ',') || ',';
  const ys = numberList(text(ypNode), sep);
  let xs: number[];
  if (gf.xpts !== undefined) {
    const xp = gf.xpts as Node | string;
    xs = numberList(text(xp), (typeof xp === 'object' ? String(xp['@sep'] ?? ',') : ',') || ',');
  } else {
    const sc = gf.xscale as Node | undefined;
    if (!sc) throw unsupportedInExpr('a graphical function without xscale or xpts', src);
    const lo = Number(sc['@min']);
    const hi = Number(sc['@max']);
    xs = ys.map((_, i) => (ys.length === 1 ? lo : lo + ((hi - lo) * i) / (ys.length - 1)));
  }
  if (
    xs.length !== ys.length ||
    xs.length === 0 ||
    xs.some((x) => !Number.isFinite(x)) ||
    ys.some((y) => !Number.isFinite(y))
  ) {
    throw new XinzhiError({
      code: 'sd-bad-gf',
      severity: 'error',
      file: src.file,
      row: src.line,
      message: bi(
        `图形函数 "${src.variable}" 的 x 与 y 点数不符或含非数值`,
        `graphical function "${src.variable}" has unequal or non-numeric x and y points`,
      ),
      fix: bi('给出同样多的 x 与 y 数值', 'give as many x as y numbers'),
    });
  }
  return { xs, ys, kind };
}

/**
 * Read an XMILE document (.xmile, .stmx) into a model.
 *
 * @example readXmile(xmlText, 'teacup.xmile').variables.length // 4
 */
export function readXmile(xml: string, file?: string): SdModel {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => ARRAYS.has(name),
  });
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const e = valid.err;
    throw new XinzhiError({
      code: 'sd-bad-xml',
      severity: 'error',
      file,
      row: e.line,
      message: bi(`XMILE 文件不是合法的 XML：${e.msg}`, `the XMILE file is not well-formed XML: ${e.msg}`),
      fix: bi(
        '按提示的行修正标签（每个开始标签都要闭合）',
        'fix the tags at that line (every opening tag must be closed)',
      ),
    });
  }
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (err) {
    throw new XinzhiError({
      code: 'sd-bad-xml',
      severity: 'error',
      file,
      message: bi(
        `XMILE 文件不是合法的 XML：${(err as Error).message}`,
        `the XMILE file is not well-formed XML: ${(err as Error).message}`,
      ),
      fix: bi('用 XML 编辑器修正标签', 'fix the tags with an XML editor'),
    });
  }
  const root = doc.xmile as Node | undefined;
  if (!root) {
    throw new XinzhiError({
      code: 'sd-bad-xml',
      severity: 'error',
      file,
      message: bi('找不到 <xmile> 根元素', 'no <xmile> root element'),
      fix: bi('提供 XMILE 1.0 文件', 'give an XMILE 1.0 file'),
    });
  }
  const specsNode = (root.sim_specs ?? {}) as Node;
  const dtNode = specsNode.dt as Node | string | undefined;
  let dt = Number(text(dtNode) || 1);
  if (typeof dtNode === 'object' && String(dtNode['@reciprocal']) === 'true') dt = 1 / dt;
  const method = String(specsNode['@method'] ?? 'euler').toLowerCase();
  const at = (needle: string): ExprSource => ({ file, line: lineOf(xml, needle) });
  if (method !== 'euler' && !method.startsWith('rk4'))
    throw unsupportedInExpr(`integration method "${method}"`, at('method='));
  const saveAttr = specsNode['@save_interval'] ?? specsNode['@isee:save_interval'];
  const specs = {
    start: Number(text(specsNode.start) || 0),
    stop: Number(text(specsNode.stop) || 10),
    dt,
    saveper: saveAttr !== undefined ? Number(saveAttr) : dt,
    method: method.startsWith('rk4') ? ('rk4' as const) : ('euler' as const),
    timeUnits: specsNode['@time_units'] !== undefined ? String(specsNode['@time_units']) : undefined,
  };
  const models = (root.model ?? []) as Node[];
  if (models.length !== 1) {
    if (models.length === 0)
      throw new XinzhiError({
        code: 'sd-bad-xml',
        severity: 'error',
        file,
        message: bi('XMILE 文件中没有 <model>', 'the XMILE file has no <model>'),
        fix: bi('加入一个 <model>', 'add a <model>'),
      });
    throw unsupportedInExpr('several models (modules)', at('<model'));
  }
  if (root.macro) throw unsupportedInExpr('macros', at('<macro'));
  const behavior = (root.behavior ?? {}) as Node;
  const allNonNeg = behavior.non_negative !== undefined;
  const has = (x: unknown) => (Array.isArray(x) ? x : x ? [x] : []).some((n) => (n as Node).non_negative !== undefined);
  const stockNonNeg = allNonNeg || has(behavior.stock);
  const flowNonNeg = allNonNeg || has(behavior.flow);

  // Stella 10 puts the variables directly in <model>, without <variables>
  const vars = (models[0].variables ?? models[0]) as Node;
  if (vars.module) throw unsupportedInExpr('modules', at('<module'));
  const variables: SdVariable[] = [];
  const kinds: VariableKind[] = ['stock', 'flow', 'aux'];
  // keep document order: sort by position in the text
  const found: Array<{ kind: VariableKind; node: Node; pos: number }> = [];
  for (const kind of kinds) {
    for (const node of (vars[kind] ?? []) as Node[]) {
      const name = String(node['@name'] ?? '');
      const escaped = name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
      const pos = xml.indexOf(`name="${escaped}"`);
      found.push({ kind, node, pos: pos < 0 ? Number.MAX_SAFE_INTEGER : pos });
    }
  }
  found.sort((a, b) => a.pos - b.pos);
  // arrays: dimensions, and the dimensions of each arrayed variable
  const dims = readDimensions(root);
  const elementIds = new Map<string, string>();
  for (const d of dims.values()) d.ids.forEach((id, i) => elementIds.set(id, d.elements[i]));
  const arrayed = new Map<string, string[]>();
  for (const { node } of found) {
    const dn = node.dimensions as Node | undefined;
    if (dn !== undefined)
      arrayed.set(
        canonicalName(String(node['@name'] ?? '').replace(/\\n/g, ' ')),
        ((dn && typeof dn === 'object' ? (dn.dim ?? []) : []) as Node[]).map((d) => canonicalName(String(d['@name']))),
      );
  }
  const ctx = { dialect: 'xmile' as const, arrayed };
  const arrayedVariable = (kind: VariableKind, node: Node, name: string, src: ExprSource): SdVariable[] => {
    const dimIds = arrayed.get(canonicalName(name)) ?? [];
    for (const d of dimIds)
      if (!dims.has(d)) throw unsupportedInExpr(`the dimension "${d}" (not declared in <dimensions>)`, src);
    const combos = expandLhs(dimIds, dims, elementIds, src);
    const elements = (node.element ?? []) as Node[];
    const bySubscript = new Map(
      elements.map((e) => [
        String(e['@subscript'] ?? '')
          .split(',')
          .map((x) => canonicalName(x))
          .join(','),
        e,
      ]),
    );
    // xmutil writes one <eqn> per element, in element order
    const perElement = Array.isArray(node.eqn) ? (node.eqn as unknown[]).map(text) : null;
    if (perElement && perElement.length !== combos.length) throw listLengthError(perElement.length, combos.length, src);
    const whole = perElement ? '' : text(node.eqn);
    const list = whole ? constantList(whole) : null;
    if (list && list.length !== combos.length) throw listLengthError(list.length, combos.length, src);
    const parsedWhole = whole && !list ? parseExpr(whole, 'xmile', src) : null;
    const gfs = node.gf as Node[] | undefined;
    const gf = gfs?.length ? readGf(gfs[0], src) : undefined;
    return combos.map((c, i) => {
      const own = bySubscript.get(c.ids.join(','));
      const elName = elementName(name, c.written);
      const elSrc = { ...src, variable: elName };
      let eqn;
      let eqText: string;
      if (own || perElement) {
        eqText = own ? text(own.eqn) : perElement![i];
        eqn = scalarize(parseExpr(eqText, 'xmile', elSrc), c.bind, dims, elementIds, elSrc, ctx);
      } else if (list) {
        eqText = String(list[i]);
        eqn = { kind: 'num' as const, value: list[i] };
      } else if (parsedWhole) {
        eqText = whole;
        eqn = scalarize(parsedWhole, c.bind, dims, elementIds, elSrc, ctx);
      } else {
        throw new XinzhiError({
          code: 'sd-no-equation',
          severity: 'error',
          file,
          row: src.line,
          message: bi(`数组变量 "${elName}" 没有方程`, `array element "${elName}" has no equation`),
          fix: bi('给出 <eqn> 或该元素的 <element>', 'give an <eqn> or an <element> for it'),
        });
      }
      const v: SdVariable = {
        name: elName,
        id: canonicalName(elementName(name, c.ids)),
        kind,
        eqn,
        text: eqText,
        line: src.line,
      };
      if (node.units !== undefined) v.units = text(node.units);
      if (node.doc !== undefined) v.doc = text(node.doc);
      const ownGf = own && (own.gf as Node[] | undefined)?.length ? readGf((own.gf as Node[])[0], elSrc) : gf;
      if (ownGf) v.gf = ownGf;
      const flowsOf = (list2: unknown[]) =>
        list2.map((f) => {
          const fid = canonicalName(text(f));
          return arrayed.has(fid)
            ? canonicalName(
                elementName(
                  fid,
                  c.ids.filter((_, j) => arrayed.get(fid)!.includes(dimIds[j])),
                ),
              )
            : fid;
        });
      if (kind === 'stock') {
        v.inflows = flowsOf((node.inflow ?? []) as unknown[]);
        v.outflows = flowsOf((node.outflow ?? []) as unknown[]);
        v.nonNegative =
          node.non_negative !== undefined ? text(node.non_negative).trim().toLowerCase() !== 'false' : stockNonNeg;
      } else if (kind === 'flow') {
        v.nonNegative =
          node.non_negative !== undefined ? text(node.non_negative).trim().toLowerCase() !== 'false' : flowNonNeg;
      }
      return v;
    });
  };
  for (const { kind, node, pos } of found) {
    const name = String(node['@name'] ?? '').replace(/\\n/g, ' ');
    const line = pos === Number.MAX_SAFE_INTEGER ? undefined : lineOf(xml, xml.slice(pos, pos + 200).split('>')[0]);
    const src: ExprSource = { file, line, variable: name };
    if (node.dimensions !== undefined) {
      variables.push(...arrayedVariable(kind, node, name, src));
      continue;
    }
    if (node.conveyor !== undefined) throw unsupportedInExpr('conveyors', src);
    if (node.queue !== undefined) throw unsupportedInExpr('queues', src);
    const eqnText = text(node.eqn);
    if (eqnText.trim() === '') {
      throw new XinzhiError({
        code: 'sd-no-equation',
        severity: 'error',
        file,
        row: line,
        message: bi(`变量 "${name}" 没有方程`, `variable "${name}" has no equation`),
        fix: bi('给出 <eqn>', 'give an <eqn>'),
      });
    }
    const parsed = parseExpr(eqnText, 'xmile', src);
    const eqn = dims.size ? scalarize(parsed, new Map(), dims, elementIds, src, ctx) : parsed;
    const v: SdVariable = { name, id: canonicalName(name), kind, eqn, text: eqnText, line };
    if (node.units !== undefined) v.units = text(node.units);
    if (node.doc !== undefined) v.doc = text(node.doc);
    const gfs = node.gf as Node[] | undefined;
    if (gfs?.length) v.gf = readGf(gfs[0], src);
    if (kind === 'stock') {
      v.inflows = ((node.inflow ?? []) as unknown[]).map((f) => canonicalName(text(f)));
      v.outflows = ((node.outflow ?? []) as unknown[]).map((f) => canonicalName(text(f)));
      v.nonNegative =
        node.non_negative !== undefined ? text(node.non_negative).trim().toLowerCase() !== 'false' : stockNonNeg;
    } else if (kind === 'flow') {
      v.nonNegative =
        node.non_negative !== undefined ? text(node.non_negative).trim().toLowerCase() !== 'false' : flowNonNeg;
    }
    variables.push(v);
  }
  // graphical functions defined on their own (<gf name="...">) are lookups
  for (const gf of (vars.gf ?? []) as Node[]) {
    const name = String(gf['@name'] ?? '');
    const src = { file, line: lineOf(xml, `name="${name}"`), variable: name };
    variables.push({
      name,
      id: canonicalName(name),
      kind: 'aux',
      eqn: { kind: 'num', value: 0 },
      text: '',
      gf: readGf(gf, src),
      lookupOnly: true,
      line: src.line,
    });
  }
  const header = (root.header ?? {}) as Node;
  return { name: text(header.name) || (file ?? 'model'), dialect: 'xmile', specs, variables, file };
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Write a model as XMILE 1.0. Equations are written as they were read, so a
 * Vensim model's equations keep Vensim syntax and only XMILE-dialect models
 * round-trip exactly.
 *
 * @example writeXmile(readXmile(text)) // '<?xml version="1.0" ...'
 */
export function writeXmile(model: SdModel): string {
  if (model.dialect !== 'xmile') {
    throw new XinzhiError({
      code: 'sd-unsupported',
      severity: 'error',
      file: model.file,
      message: bi(
        '只能把 XMILE 方言的模型写成 XMILE（Vensim 方程未翻译）',
        'only XMILE-dialect models can be written as XMILE (Vensim equations are not translated)',
      ),
      fix: bi('用 XMILE 文件作为输入', 'start from an XMILE file'),
    });
  }
  const s = model.specs;
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">',
    '  <header>',
    `    <name>${esc(model.name)}</name>`,
    '    <vendor>xinzhi</vendor>',
    '    <product version="0.1">xinzhi</product>',
    '  </header>',
    `  <sim_specs method="${s.method === 'rk4' ? 'RK4' : 'Euler'}"${s.timeUnits ? ` time_units="${esc(s.timeUnits)}"` : ''}` +
      `${s.saveper !== s.dt ? ` save_interval="${s.saveper}"` : ''}>`,
    `    <start>${s.start}</start>`,
    `    <stop>${s.stop}</stop>`,
    `    <dt>${s.dt}</dt>`,
    '  </sim_specs>',
    '  <model>',
    '    <variables>',
  ];
  for (const v of model.variables) {
    if (v.lookupOnly && v.gf) {
      out.push(`      <gf name="${esc(v.name)}"${v.gf.kind !== 'continuous' ? ` type="${v.gf.kind}"` : ''}>`);
      out.push(`        <xpts>${v.gf.xs.join(',')}</xpts>`, `        <ypts>${v.gf.ys.join(',')}</ypts>`, '      </gf>');
      continue;
    }
    out.push(`      <${v.kind} name="${esc(v.name)}">`);
    if (v.doc) out.push(`        <doc>${esc(v.doc)}</doc>`);
    out.push(`        <eqn>${esc(v.text)}</eqn>`);
    for (const f of v.inflows ?? []) out.push(`        <inflow>${esc(nameOf(model, f))}</inflow>`);
    for (const f of v.outflows ?? []) out.push(`        <outflow>${esc(nameOf(model, f))}</outflow>`);
    if (v.nonNegative) out.push('        <non_negative/>');
    if (v.gf) {
      out.push(`        <gf${v.gf.kind !== 'continuous' ? ` type="${v.gf.kind}"` : ''}>`);
      out.push(
        `          <xpts>${v.gf.xs.join(',')}</xpts>`,
        `          <ypts>${v.gf.ys.join(',')}</ypts>`,
        '        </gf>',
      );
    }
    if (v.units) out.push(`        <units>${esc(v.units)}</units>`);
    out.push(`      </${v.kind}>`);
  }
  out.push('    </variables>', '  </model>', '</xmile>', '');
  return out.join('\n');
}

function nameOf(model: SdModel, id: string): string {
  const n = model.variables.find((v) => v.id === id)?.name ?? id;
  return /[\s"]/.test(n) ? n.replace(/\s+/g, '_') : n;
}
