/**
 * Flatten nested JSON-like values (spec, diagnostics, step details) into
 * (path, item, value) rows for tables and worksheets.
 */

/** A leaf: `path` is the dotted key path of its container, `item` its key or index. */
export interface FlatRow {
  path: string;
  item: string;
  value: string | number | boolean | null;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
}

/** Leaves of a nested value, depth first, in key order. Typed arrays count as arrays; non-finite numbers become null. */
export function flatten(value: unknown, path = ''): FlatRow[] {
  const out: FlatRow[] = [];
  const visit = (v: unknown, p: string, item: string): void => {
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) v = Array.from(v as unknown as ArrayLike<number>);
    if (Array.isArray(v)) {
      if (v.length === 0) out.push({ path: p, item, value: '[]' });
      v.forEach((x, i) => visit(x, join(p, item), String(i)));
    } else if (isPlainObject(v)) {
      const keys = Object.keys(v);
      if (keys.length === 0) out.push({ path: p, item, value: '{}' });
      for (const k of keys) visit(v[k], join(p, item), k);
    } else if (typeof v === 'number') {
      out.push({ path: p, item, value: Number.isFinite(v) ? v : null });
    } else if (typeof v === 'string' || typeof v === 'boolean') {
      out.push({ path: p, item, value: v });
    } else if (v === null || v === undefined) {
      out.push({ path: p, item, value: null });
    } else {
      out.push({ path: p, item, value: String(v) });
    }
  };
  if (isPlainObject(value)) for (const k of Object.keys(value)) visit(value[k], path, k);
  else visit(value, '', path);
  return out;
}

function join(a: string, b: string): string {
  return a && b ? `${a}.${b}` : a || b;
}

/** Full dotted path of a leaf (path + item). */
export function leafPath(r: FlatRow): string {
  return join(r.path, r.item);
}
