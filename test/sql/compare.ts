/**
 * Runs a spec in memory (`evaluate`) and on an engine (compiled SQL), and
 * checks that weights, node weights, scores, node scores and ranks agree.
 */
import { expect } from 'vitest';
import { runIndexSql, type SqlEngine } from '../../src/adapters/sql/engines.ts';
import { evaluate } from '../../src/core/measure/evaluate.ts';
import type { Panel } from '../../src/core/panel/types.ts';
import { compileIndexSql } from '../../src/core/sql/compile.ts';
import type { DialectName } from '../../src/core/sql/dialect.ts';

// relative, and absolute near zero (a normalised value of 1e-4 carries the absolute rounding of its inputs)
const rel = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), 1));
/** Tolerance: the same formulas summed in another order. */
export const TOL = 1e-12;

export async function expectSameAsMemory(
  engine: SqlEngine,
  dialect: DialectName,
  table: string,
  panel: Panel,
  spec: Record<string, unknown>,
): Promise<void> {
  const mem = evaluate(panel, spec);
  const got = await runIndexSql(compileIndexSql(spec, dialect, { table }), engine);
  for (const id of Object.keys(mem.weights)) {
    expect(rel(got.weights[id], mem.weights[id]), `weight ${id}`).toBeLessThan(TOL);
  }
  for (const w of mem.nodeWeights) {
    const g = got.nodeWeights.find((x) => x.id === w.id)!;
    expect(rel(g.local, w.local), `local ${w.id}`).toBeLessThan(TOL);
    if (w.byTime)
      for (const [t, v] of Object.entries(w.byTime)) expect(rel(g.byTime![t].global, v.global)).toBeLessThan(TOL);
  }
  expect(got.scores.length).toBe(mem.scores.length);
  const byKey = new Map(mem.scores.map((s) => [`${s.unit}|${s.time}`, s]));
  for (const s of got.scores) {
    const m = byKey.get(`${s.unit}|${s.time}`)!;
    expect(rel(s.score, m.score), `score ${s.unit} ${s.time}`).toBeLessThan(TOL);
    expect(s.rank, `rank ${s.unit} ${s.time}`).toBe(m.rank);
  }
  const nodeKey = new Map(mem.nodeScores.map((s) => [`${s.node}|${s.unit}|${s.time}`, s.score]));
  for (const s of got.nodeScores)
    expect(rel(s.score, nodeKey.get(`${s.node}|${s.unit}|${s.time}`)!), `${s.node} ${s.unit}`).toBeLessThan(TOL);
}
