/**
 * The run record's data fingerprint: SHA-256 (FIPS 180-4, via @noble/hashes)
 * of a canonical serialisation of the used part of the panel, so that a
 * record can tell whether it is being replayed on the same data.
 *
 * Canonical serialisation (documented in docs/measurement.md so it can be
 * reproduced elsewhere):
 *   1. header: UTF-8 of JSON.stringify(["xinzhi-panel-v1", unitKey, timeKey,
 *      numericColumns, labelColumns]) + "\n", column names sorted by code point;
 *   2. rows sorted by unit (code point) then time (numbers ascending, then
 *      strings); for each row UTF-8 of JSON.stringify([unit, time, ...labels]) + "\n";
 *   3. then, column by column (sorted), every value of the column in the row
 *      order of step 2 as an IEEE-754 float64, little-endian; a missing cell
 *      (NaN) as the canonical quiet NaN 0x7FF8000000000000; −0 as +0.
 * Row order, column order and unused columns of the source do not change the
 * fingerprint; any changed value, unit, time or used column does.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Panel } from '../panel/types.ts';
import { compareTime } from '../panel/ops.ts';
import type { Spec } from './spec.ts';

/** Numeric and label columns of the panel a spec uses. */
export function usedColumns(spec: Spec): { columns: string[]; labels: string[] } {
  const cols = new Set<string>();
  for (const ind of spec.indicators) {
    cols.add(ind.column);
    if (ind.denominator) cols.add(ind.denominator);
  }
  const labels = new Set<string>(spec.labels ?? []);
  if (spec.missing?.group) labels.add(spec.missing.group);
  return { columns: [...cols].sort(cmp), labels: [...labels].sort(cmp) };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A SHA-256 function: the bytes to digest, in pieces (the serialisation is
 * handed over a column at a time, not built as one buffer; a piece is valid
 * until the next is asked for, so digest it, do not keep it), in; lower-case
 * hex digest out. nobleSha256 below; Node's is adapters/io/sha256.ts.
 * @example evaluate(panel, spec, { hash: nobleSha256 })
 */
export type HashFunction = (chunks: Iterable<Uint8Array>) => string;

/** The default SHA-256 (@noble/hashes, pure JavaScript, runs in browsers). */
export const nobleSha256: HashFunction = (chunks) => {
  const h = sha256.create();
  for (const c of chunks) h.update(c);
  return bytesToHex(h.digest());
};

const LITTLE_ENDIAN = new Uint8Array(Float64Array.of(1).buffer)[7] === 0x3f;

/** A JSON value of a row line: JSON.stringify inside an array turns undefined into null. */
function json(v: unknown): string {
  return v === undefined ? 'null' : JSON.stringify(v);
}

/** Row order of the canonical serialisation: unit (code units, as `<`), then time (compareTime), then position. */
function canonicalOrder(panel: Panel): Int32Array {
  const n = panel.unit.length;
  // integer codes of the distinct units and times, in sorted order; one numeric
  // sort of (unit code, time code, row) packed into a double (exact below 2^53)
  const units = [...new Set(panel.unit)].sort(cmp);
  const times = [...new Set(panel.time)];
  const nanTime = times.some((t) => typeof t === 'number' && Number.isNaN(t));
  times.sort(compareTime);
  const U = units.length,
    T = times.length;
  if (!nanTime && U * T * n < 2 ** 52) {
    const uc = new Map<string, number>(units.map((u, i) => [u, i]));
    const tc = new Map<unknown, number>(times.map((t, i) => [t, i]));
    const keys = new Float64Array(n);
    for (let r = 0; r < n; r++) keys[r] = (uc.get(panel.unit[r])! * T + tc.get(panel.time[r])!) * n + r;
    keys.sort();
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = keys[i] % n;
    return order;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => cmp(panel.unit[a], panel.unit[b]) || compareTime(panel.time[a], panel.time[b]) || a - b);
  return Int32Array.from(order);
}

/**
 * The canonical serialisation of `columns` and `labels` of the panel (see
 * module comment) in pieces: the text part, then each column's float64 bytes
 * (one buffer of 8 × rows bytes, refilled for every column: a piece is valid
 * until the next is asked for). For a 75,000-row panel of 40 columns that is
 * 0.6 MB at a time instead of a 25 MB buffer.
 */
export function* canonicalPanelChunks(panel: Panel, columns: string[], labels: string[] = []): Generator<Uint8Array> {
  const cols = [...columns].sort(cmp);
  const labs = [...labels].sort(cmp);
  const n = panel.unit.length;
  const order = canonicalOrder(panel);
  const labelCols = labs.map((l) => panel.labels?.[l] ?? panel.columns[l]);
  // text part: header and one JSON line per row, written as bytes (the UTF-8 of
  // each distinct unit and time is made once)
  const head = utf8ToBytes(JSON.stringify(['xinzhi-panel-v1', panel.unitKey, panel.timeKey, cols, labs]) + '\n');
  const unitBytes = new Map<string, Uint8Array>();
  const timeBytes = new Map<unknown, Uint8Array>();
  const rowU: Uint8Array[] = new Array(n),
    rowT: Uint8Array[] = new Array(n);
  const rowL: Uint8Array[] | null = labelCols.length ? new Array(n) : null;
  let textLen = head.length;
  for (let i = 0; i < n; i++) {
    const r = order[i];
    const u = panel.unit[r],
      t = panel.time[r];
    let bu = unitBytes.get(u);
    if (bu === undefined) {
      bu = utf8ToBytes('[' + json(u) + ',');
      unitBytes.set(u, bu);
    }
    let bt = timeBytes.get(t);
    if (bt === undefined) {
      bt = utf8ToBytes(json(t));
      timeBytes.set(t, bt);
    }
    rowU[i] = bu;
    rowT[i] = bt;
    textLen += bu.length + bt.length + 2;
    if (rowL) {
      let line = '';
      for (const c of labelCols) line += ',' + (c ? json(c[r]) : 'null');
      const bl = utf8ToBytes(line);
      rowL[i] = bl;
      textLen += bl.length;
    }
  }
  const out = new Uint8Array(textLen);
  out.set(head, 0);
  let p = head.length;
  for (let i = 0; i < n; i++) {
    const bu = rowU[i],
      bt = rowT[i];
    for (let k = 0; k < bu.length; k++) out[p++] = bu[k];
    for (let k = 0; k < bt.length; k++) out[p++] = bt[k];
    if (rowL) {
      const bl = rowL[i];
      for (let k = 0; k < bl.length; k++) out[p++] = bl[k];
    }
    out[p++] = 0x5d; // ]
    out[p++] = 0x0a; // \n
  }
  yield out;
  // numeric part: every used column as float64 little-endian in the row order
  const f64 = new Float64Array(n);
  const u32 = new Uint32Array(f64.buffer);
  const bytes = new Uint8Array(f64.buffer);
  const view = new DataView(f64.buffer);
  for (const c of cols) {
    const x = panel.columns[c];
    if (LITTLE_ENDIAN) {
      for (let i = 0; i < n; i++) {
        const v = x ? x[order[i]] : NaN;
        if (v !== v) {
          u32[2 * i] = 0;
          u32[2 * i + 1] = 0x7ff80000;
        } // canonical quiet NaN
        else f64[i] = v === 0 ? 0 : v;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const v = x ? x[order[i]] : NaN;
        if (v !== v) {
          view.setUint32(i * 8, 0, true);
          view.setUint32(i * 8 + 4, 0x7ff80000, true);
        } else view.setFloat64(i * 8, v === 0 ? 0 : v, true);
      }
    }
    yield bytes;
  }
}

/**
 * SHA-256 hex of the canonical serialisation of `columns` and `labels` of the
 * panel (see module comment). `hash` computes the SHA-256 digest (default
 * @noble/hashes; Node adapters pass node:crypto's, which is faster and gives
 * the same digest).
 */
export function fingerprintPanel(
  panel: Panel,
  columns: string[],
  labels: string[] = [],
  hash: HashFunction = nobleSha256,
): string {
  return hash(canonicalPanelChunks(panel, columns, labels));
}
