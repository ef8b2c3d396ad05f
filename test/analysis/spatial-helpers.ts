/** Shared loading for the spatial tests: the province panel, the boundaries, the spdep fixture. */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { shapesForUnits } from '../../src/adapters/io/spatial.ts';
import type { MultiPolygonRings } from '../../src/core/geo/geometry.ts';

export const root = new URL('../../', import.meta.url);
export const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`test/reference/analysis/fixtures/${name}`, root), 'utf8'));
export const spdep = fixture('spatial_spdep.json');

export const panelRows: Array<Record<string, number | string>> = Papa.parse(
  readFileSync(new URL('data/province-panel/province_panel_2013_2022.csv', root), 'utf8'),
  { header: true, dynamicTyping: true, skipEmptyLines: true },
).data as Array<Record<string, number | string>>;

/** Units in the panel's first-seen order (= spdep fixture units31). */
export const units31: string[] = [...new Set(panelRows.map((r) => String(r.Province)))];

/** Values of a column in one year, in units31 order. */
export function values(column: string, year: number): Float64Array {
  return Float64Array.from(units31, (u) => Number(panelRows.find((r) => r.Province === u && r.Year === year)![column]));
}

export function geojson(): { features: Array<{ properties: Record<string, string> }> } {
  return JSON.parse(readFileSync(new URL('data/geo/china_provinces.geojson', root), 'utf8'));
}

let cache31: MultiPolygonRings[] | undefined;
export async function shapes31(): Promise<MultiPolygonRings[]> {
  return (cache31 ??= await shapesForUnits(units31));
}

/** Relative closeness |a − b| ≤ tol · max(1, |b|)… strictly relative when |b| is not tiny. */
export function close(a: number, b: number, tol = 1e-9): boolean {
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  return Math.abs(a - b) <= tol * Math.max(Math.abs(b), 1e-12);
}
