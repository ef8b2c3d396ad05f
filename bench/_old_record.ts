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
import type { Panel } from '../src/core/panel/types.ts';
import { compareTime } from '../src/core/panel/ops.ts';
import type { Spec } from '../src/core/measure/spec.ts';

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

/** SHA-256 hex of the canonical serialisation of `columns` and `labels` of the panel (see module comment). */
export function fingerprintPanel(panel: Panel, columns: string[], labels: string[] = []): string {
  const cols = [...columns].sort(cmp);
  const labs = [...labels].sort(cmp);
  const h = sha256.create();
  h.update(utf8ToBytes(JSON.stringify(['xinzhi-panel-v1', panel.unitKey, panel.timeKey, cols, labs]) + '\n'));
  const n = panel.unit.length;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => cmp(panel.unit[a], panel.unit[b]) || compareTime(panel.time[a], panel.time[b]) || a - b);
  const labelCols = labs.map((l) => panel.labels?.[l] ?? panel.columns[l]);
  let chunk = '';
  for (const r of order) {
    chunk += JSON.stringify([panel.unit[r], panel.time[r], ...labelCols.map((c) => (c ? c[r] : null))]) + '\n';
    if (chunk.length > 65536) { h.update(utf8ToBytes(chunk)); chunk = ''; }
  }
  if (chunk) h.update(utf8ToBytes(chunk));
  const buf = new Uint8Array(n * 8);
  const view = new DataView(buf.buffer);
  for (const c of cols) {
    const x = panel.columns[c];
    for (let i = 0; i < n; i++) {
      const v = x ? x[order[i]] : NaN;
      if (Number.isNaN(v)) { view.setUint32(i * 8, 0, true); view.setUint32(i * 8 + 4, 0x7ff80000, true); }
      else view.setFloat64(i * 8, v === 0 ? 0 : v, true);
    }
    h.update(buf);
  }
  return bytesToHex(h.digest());
}
