/** Shared fixtures of the QCA tests: the reference data committed under test/reference/qca/. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readTableFile } from '../../src/adapters/io/read.ts';
import { setDataFromTable } from '../../src/core/qca/data.ts';
import type { SetData } from '../../src/core/qca/sets.ts';

export const REF_DIR = fileURLToPath(new URL('../reference/qca/', import.meta.url));
export const dataPath = (file: string) => `${REF_DIR}data/${file}`;

/** Output of test/reference/qca/qca_reference.py. */
export const NUMPY = JSON.parse(readFileSync(`${REF_DIR}fixtures/qca-numpy.json`, 'utf8'));

export const LIPSET = ['DEV', 'URB', 'LIT', 'IND', 'STB'];
export const JOBS = ['S', 'C', 'L', 'R', 'P', 'V'];

export async function loadSets(file: string, conditions: string[], outcome: string): Promise<SetData> {
  return setDataFromTable(await readTableFile(dataPath(file)), { conditions, outcome }).data;
}

/** |a − b| ≤ tol · max(1, |b|). */
export function close(a: number, b: number, tol = 1e-9): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
}

/** Round as R prints with three decimals. */
export const r3 = (x: number) => Number(x.toFixed(3));
