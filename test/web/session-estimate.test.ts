/**
 * Estimation through the web session: the same core runEstimate as the CLI,
 * checked against R on Grunfeld (test/reference/estimate/fe_reference.R), and
 * the index scores joined as regression variables row by row.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/adapters/web/session.ts';
import { XinzhiError } from '../../src/core/errors.ts';
import { joinScores, scoreColumn, scoreVariables } from '../../src/core/estimate/score-columns.ts';
import { INDEX_ID } from '../../src/core/measure/result.ts';
import { runEstimateDrawJob } from '../../src/core/estimate/draw-jobs.ts';
import type { Panel } from '../../src/core/panel/types.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const fx = JSON.parse(readFileSync(join(ROOT, 'test/reference/estimate/fixtures/fe.json'), 'utf8'));
const GRUNFELD = new Uint8Array(readFileSync(join(ROOT, 'test/reference/estimate/grunfeld.csv')));
const CSV = new Uint8Array(readFileSync(join(ROOT, 'data/province-intensity/province_intensity_2013_2022.csv')));
const SPEC = JSON.parse(readFileSync(join(ROOT, 'data/specs/nqpf-province.json'), 'utf8'));
const close = (a: number, b: number, rel = 1e-9) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.abs(b));

async function grunfeld(): Promise<Session> {
  const s = new Session();
  await s.load(GRUNFELD, 'grunfeld.csv');
  s.inspect({ unit: 'firm', time: 'year', labels: [] });
  return s;
}

describe('web session: estimation', () => {
  it('gives R’s two-way FE numbers on Grunfeld (cluster by firm, plm and LSDV presets)', async () => {
    const s = await grunfeld();
    for (const [se, key] of [
      ['plm', 'se_cluster_plm'],
      ['lsdv', 'se_cluster_lsdv'],
    ] as const) {
      const out = s.estimate({ type: 'fe', y: 'inv', x: ['value', 'capital'], cluster: 'unit', se });
      const m = out.result.models[0];
      expect(out.unit).toBe('firm');
      fx.twoway.terms.forEach((t: string, j: number) => {
        close(m.coefficients[t].estimate, fx.twoway.estimate[j]);
        close(m.coefficients[t].se, fx.twoway[key][j]);
      });
      expect(m.n).toBe(fx.twoway.n);
    }
  });

  it('spreads a mediation bootstrap over pools (as the app’s worker does) with the same result', async () => {
    const s = await grunfeld();
    const req = { type: 'mediation' as const, y: 'inv', x: ['value'], m: 'capital', bootstrap: 120, seed: 4 };
    const one = s.estimate(req);
    const sizes: number[] = [];
    const many = await s.estimateAsync(req, {
      runMediation: async (job) => {
        sizes.push(job.picks.length);
        return runEstimateDrawJob({ kind: 'mediation', ...job }).value as Float64Array;
      },
      runPlacebo: async () => [],
      runPermutation: async () => [],
      parts: () => 3,
    });
    expect(sizes).toEqual([40, 40, 40]);
    expect(JSON.stringify(many)).toBe(JSON.stringify(one));
  });

  it('asks for an evaluation when a model uses index scores without one, and for roles without panel columns', async () => {
    const s = await grunfeld();
    expect(() => s.estimate({ type: 'fe', y: scoreColumn(INDEX_ID), x: ['value'] })).toThrow(XinzhiError);
    const bare = new Session();
    await bare.load(GRUNFELD, 'grunfeld.csv');
    try {
      bare.estimate({ type: 'fe', y: 'inv', x: ['value'] });
      expect.unreachable();
    } catch (e) {
      expect((e as XinzhiError).problems[0].fix?.en).toMatch(/unit and time/);
    }
  });

  it('joins the index just built as Y, row by row, and regresses it on a data column', async () => {
    const s = new Session();
    await s.load(CSV, 'province_intensity_2013_2022.csv', SPEC);
    s.inspect({ unit: SPEC.unit, time: SPEC.time, labels: [] });
    const r = s.evaluate(SPEC).result;
    const vars = scoreVariables(r);
    expect(vars[0].column).toBe('score:index');
    const out = s.estimate({ type: 'fe', y: 'score:index', x: ['M1_rd_intensity_pct'], cluster: 'unit', se: 'stata' });
    expect(out.result.models[0].n).toBe(r.scores.length);
    expect(Number.isFinite(out.result.models[0].coefficients.M1_rd_intensity_pct.se)).toBe(true);
    expect(out.scores.map((v) => v.column)).toContain('score:index');
  });

  it('names the unit, time and row of a data row the evaluation has no score for', () => {
    const panel: Panel = {
      unitKey: 'u',
      timeKey: 't',
      unit: ['A', 'B'],
      time: [2020, 2020],
      columns: {},
      source: 'data.csv',
      sourceRow: [2, 3],
    };
    const result = {
      scores: [{ unit: 'A', time: 2020, score: 0.5, rank: 1 }],
      nodeScores: [],
    } as unknown as Parameters<typeof joinScores>[1];
    try {
      joinScores(panel, result, ['score:index']);
      expect.unreachable();
    } catch (e) {
      const p = (e as XinzhiError).problems[0];
      expect(p).toMatchObject({ file: 'data.csv', row: 3, column: 'score:index' });
      expect(p.message.en).toMatch(/B \(2020\)/);
    }
    const ok = joinScores({ ...panel, unit: ['A'], time: [2020], sourceRow: [2] }, result, ['score:index']);
    expect(Array.from(ok.columns['score:index'])).toEqual([0.5]);
  });
});
