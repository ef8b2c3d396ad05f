/**
 * Run the SDXorg test-models as their maintainers compare them (see the
 * suite's SOURCE.md): every column of the canonical output at every row's
 * time against the engine's variable of the same normalised name; a value
 * matches when both are near zero (|expected| ≤ 3e-6 and |got| ≤ 1e-6) or
 * |got − expected| ≤ rel · max(|got|, |expected|), rel = 1e-5.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XinzhiError } from '../../src/core/errors.ts';
import { compileModel, readVensim, readXmile, simulate } from '../../src/core/simulate/index.ts';

export const REL = 1e-5;
const CONTROLS = new Set(['time', 'initial_time', 'final_time', 'time_step', 'saveper']);

/** Suite name normalisation: case, spaces = underscores, quotes dropped, XMILE `\n` a space. */
export function suiteName(s: string): string {
  return s
    .replace(/\\n/g, ' ')
    .replace(/"/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '_');
}

export interface Canonical {
  columns: string[];
  rows: Array<Array<number | null>>;
  /** Half a unit in the last printed digit of each cell (the precision the file carries). */
  halfUlp: Array<Array<number>>;
}

function halfUnitInLastPlace(t: string): number {
  const m = /^[-+]?(\d*)\.?(\d*)(?:[eE]([-+]?\d+))?$/.exec(t);
  if (!m) return 0;
  return 0.5 * 10 ** (-(m[2]?.length ?? 0) + Number(m[3] ?? 0));
}

/** Read output.csv / output.tab (CR, LF or CRLF lines; tab or comma separated; Latin-1 tolerated). */
export function readCanonical(path: string): Canonical {
  const raw = readFileSync(path);
  let text = raw.toString('utf8');
  if (text.includes('\uFFFD')) text = raw.toString('latin1');
  const sep = path.endsWith('.tab') ? '\t' : ',';
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  const split = (l: string) => (sep === ',' ? splitCsv(l) : l.split('\t'));
  const columns = split(lines[0]).map((c) => c.trim());
  const cells = lines.slice(1).map((l) => split(l).map((c) => c.trim()));
  const rows = cells.map((r) =>
    r.map((t) => {
      if (t === '') return null;
      const x = Number(t);
      return Number.isFinite(x) ? x : null;
    }),
  );
  return { columns, rows, halfUlp: cells.map((r) => r.map(halfUnitInLastPlace)) };
}

function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (const ch of line) {
    if (ch === '"') {
      q = !q;
      cur += ch;
    } else if (ch === ',' && !q) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export interface ModelOutcome {
  file: string;
  status: 'pass' | 'fail' | 'unsupported' | 'known-defect';
  reason?: string;
  compared?: number;
  mismatches?: number;
  firstMismatch?: string;
}

/**
 * The suite's test, with one allowance: a value printed with fewer digits than
 * `rel` needs (0.02575 for 0.0257514) matches within half a unit of its last digit.
 */
export function matches(got: number, expected: number, rel = REL, halfUlp = 0): boolean {
  if (Math.abs(expected) <= 3e-6 && Math.abs(got) <= 1e-6) return true;
  const diff = Math.abs(got - expected);
  return diff <= rel * Math.max(Math.abs(got), Math.abs(expected)) || diff <= halfUlp * (1 + 1e-9);
}

/** Run one model file and compare it with the canonical output. */
export function runAgainstCanonical(modelPath: string, outputPath: string, rel = REL): ModelOutcome {
  const file = modelPath;
  let result;
  try {
    const text = readFileSync(modelPath, 'utf8');
    const model = /\.mdl$/i.test(modelPath) ? readVensim(text, modelPath) : readXmile(text, modelPath);
    result = simulate(compileModel(model));
  } catch (err) {
    if (err instanceof XinzhiError) {
      const p = err.problems[0];
      const status = p.code === 'sd-unsupported' ? 'unsupported' : 'fail';
      return { file, status, reason: `${p.code}: ${p.message.en}` };
    }
    return { file, status: 'fail', reason: String((err as Error).stack ?? err) };
  }
  const canon = readCanonical(outputPath);
  const byName = new Map(Object.entries(result.series).map(([k, v]) => [suiteName(k), v]));
  let compared = 0;
  let mismatches = 0;
  let firstMismatch: string | undefined;
  const timeIndex = (t: number) => result.time.findIndex((x) => Math.abs(x - t) <= 1e-5 * Math.max(1, Math.abs(t)));
  const cols = canon.columns.map((c) => ({ name: c, series: byName.get(suiteName(c)) }));
  for (let r = 0; r < canon.rows.length; r++) {
    const row = canon.rows[r];
    const t = row[0];
    if (t === null) continue;
    const k = timeIndex(t);
    for (let j = 1; j < cols.length; j++) {
      const exp = row[j];
      if (exp === null || exp === undefined || CONTROLS.has(suiteName(cols[j].name)) || !cols[j].series) continue;
      compared++;
      const got = k < 0 ? NaN : cols[j].series![k];
      if (!matches(got, exp, rel, canon.halfUlp[r][j])) {
        mismatches++;
        firstMismatch ??= `${cols[j].name} at t=${t}: got ${got}, expected ${exp}`;
      }
    }
  }
  if (compared === 0)
    return { file, status: 'fail', reason: 'no column of the output matches a model variable', compared };
  return { file, status: mismatches ? 'fail' : 'pass', compared, mismatches, firstMismatch };
}

/** Every folder under root holding an output.csv / output.tab, with its model files. */
export function suiteFolders(root: string): Array<{ dir: string; output: string; models: string[] }> {
  const out: Array<{ dir: string; output: string; models: string[] }> = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir);
    const output = ['output.csv', 'output.tab'].map((f) => join(dir, f)).find((p) => existsSync(p));
    const models = entries
      .filter((f) => /\.(xmile|stmx|mdl)$/i.test(f))
      .sort()
      .map((f) => join(dir, f));
    if (output && models.length) out.push({ dir, output, models });
    for (const e of entries) if (statSync(join(dir, e)).isDirectory()) walk(join(dir, e));
  };
  walk(root);
  return out.sort((a, b) => a.dir.localeCompare(b.dir));
}
