/**
 * The analysis runner (src/core/analysis/runner.ts) and its inputs
 * (inputs.ts, weights-spec.ts): the defaults it states, the options it
 * carries, the level range with score.scale, groups, the weights grammar and
 * degenerate inputs. The analyses' numbers themselves are checked against R
 * and Python in each method's test; here they must equal the core method
 * called directly on the same inputs.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/measure/evaluate.ts';
import type { EvaluationResult } from '../../src/core/measure/result.ts';
import type { Panel } from '../../src/core/panel/types.ts';
import type { Spec } from '../../src/core/measure/spec.ts';
import type { XinzhiError } from '../../src/core/errors.ts';
import {
  ANALYSIS_DEFAULTS,
  ANALYSIS_NAMES,
  NOT_APPLICABLE,
  resolveAnalysisOptions,
  runAnalyses,
  runAnalysis,
} from '../../src/core/analysis/runner.ts';
import {
  childDimensions,
  levelRange,
  nodeLevelMatrix,
  nodeScoreColumns,
  nodeScoreMatrix,
  unitGroups,
} from '../../src/core/analysis/inputs.ts';
import { describeWeights, parseWeightsSpec } from '../../src/core/analysis/weights-spec.ts';
import { couplingCoordination } from '../../src/core/analysis/coupling.ts';
import { dagumGini } from '../../src/core/analysis/dagum-gini.ts';
import { betaConvergence } from '../../src/core/analysis/convergence.ts';

/** A small panel: 6 units (provinces, two per NBS region), 4 years, 4 indicators under two dimensions. */
function panel(
  units = ['Beijing', 'Shanghai', 'Henan', 'Hubei', 'Sichuan', 'Gansu'],
  years = [2019, 2020, 2021, 2022],
): Panel {
  const unit: string[] = [];
  const time: number[] = [];
  const cols: Record<string, number[]> = { a: [], b: [], c: [], d: [] };
  units.forEach((u, i) =>
    years.forEach((y, k) => {
      unit.push(u);
      time.push(y);
      cols.a.push(10 + 3 * i + k + ((i * k) % 3));
      cols.b.push(5 + ((i + 2 * k) % 5) + i);
      cols.c.push(20 - 2 * i + k * (1 + (i % 2)));
      cols.d.push(7 + ((3 * i + k) % 4) + 0.5 * k);
    }),
  );
  return {
    unitKey: 'unit',
    timeKey: 'year',
    unit,
    time,
    columns: Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, Float64Array.from(v)])),
  };
}

const SPEC: Spec = {
  unit: 'unit',
  time: 'year',
  nodes: [
    { id: 'd1', parent: null },
    { id: 'd2', parent: null },
  ],
  indicators: [
    { id: 'a', column: 'a', direction: '+', parent: 'd1' },
    { id: 'b', column: 'b', direction: '+', parent: 'd1' },
    { id: 'c', column: 'c', direction: '+', parent: 'd2' },
    { id: 'd', column: 'd', direction: '+', parent: 'd2' },
  ],
  normalize: { method: 'minmax', shift: 0.0001 },
  weights: { method: 'entropy' },
  aggregate: { method: 'arithmetic' },
};

const result: EvaluationResult = evaluate(panel(), SPEC);

describe('defaults and options', () => {
  it('states the defaults users compare with: standard C, two-way FE β, queen weights, NBS regions', () => {
    expect(ANALYSIS_DEFAULTS.coupling.form).toBe('standard');
    expect(ANALYSIS_DEFAULTS.convergence.model).toBe('twoways');
    expect(ANALYSIS_DEFAULTS.convergence.smallSample).toBe('CR1');
    expect(ANALYSIS_DEFAULTS.spatial.weights).toBe('queen');
    expect(ANALYSIS_DEFAULTS.grouping.by).toBe('region');
    expect(ANALYSIS_DEFAULTS.kde.points).toBe(512);
    expect(Object.isFrozen(ANALYSIS_DEFAULTS)).toBe(true);
  });

  it('fills what a caller leaves out and keeps what it gives', () => {
    const o = resolveAnalysisOptions({ coupling: { form: 'corrected', tolerance: undefined }, node: 'd1' });
    expect(o.coupling).toEqual({ ...ANALYSIS_DEFAULTS.coupling, form: 'corrected' });
    expect(o.node).toBe('d1');
    expect(o.markov).toEqual(ANALYSIS_DEFAULTS.markov);
  });

  it('every result carries the options it was computed with', () => {
    const run = runAnalysis(result, 'coupling', { coupling: { form: 'corrected' } });
    expect(run.options.coupling.form).toBe('corrected');
    expect(run.result.form).toBe('corrected');
    expect(run.compare.result.form).toBe('standard');
    expect(run.options.convergence.model).toBe('twoways');
  });
});

describe('inputs', () => {
  it('scores as a unit × time matrix in result order, NaN where missing; as columns per node', () => {
    const m = nodeScoreMatrix(result, 'index');
    expect(m.units).toEqual(result.units);
    expect(m.times).toEqual([2019, 2020, 2021, 2022]);
    const s = result.nodeScores.find((x) => x.node === 'index' && x.unit === 'Henan' && x.time === 2021)!.score;
    expect(m.y[2][2]).toBe(s);
    const holed = {
      ...result,
      nodeScores: result.nodeScores.filter((x) => !(x.node === 'index' && x.unit === 'Henan' && x.time === 2021)),
    };
    expect(nodeScoreMatrix(holed, 'index').y[2][2]).toBeNaN();
    const cols = nodeScoreColumns(result);
    expect(Object.keys(cols.columns).sort()).toEqual(['d1', 'd2', 'index']);
    expect(cols.unit.length).toBe(24);
  });

  it('level range: scores / score.scale up to 1 + shift; no shift for other normalisations', () => {
    expect(levelRange({ normalize: { method: 'minmax', shift: 0.0001 } })).toEqual({
      scale: 1,
      shift: 0.0001,
      maxLevel: 1.0001,
    });
    expect(levelRange({ normalize: { method: 'minmax', shift: 0.01 }, score: { scale: 100 } })).toEqual({
      scale: 100,
      shift: 0.01,
      maxLevel: 1.01,
    });
    expect(levelRange({ normalize: { method: 'zscore', shift: 0.5 } })).toEqual({ scale: 1, shift: 0, maxLevel: 1 });
    const scaled = evaluate(panel(), { ...SPEC, score: { scale: 100 } });
    const lv = nodeLevelMatrix(scaled, 'd1', levelRange(scaled.record.spec));
    const plain = nodeScoreMatrix(result, 'd1');
    lv.y.forEach((row, k) => row.forEach((v, i) => expect(v).toBeCloseTo(plain.y[k][i], 12)));
  });

  it('child dimensions of the index and of a leaf node', () => {
    expect(childDimensions(result, 'index')).toEqual(['d1', 'd2']);
    expect(childDimensions(result, 'd1')).toEqual([]);
  });

  it('groups: NBS regions of provinces, a given map, or an error naming the units', () => {
    expect(unitGroups(result).groups).toEqual(['East', 'East', 'Central', 'Central', 'West', 'West']);
    expect(unitGroups(result).names.East).toEqual({ zh: '东部', en: 'East' });
    const given = Object.fromEntries(result.units.map((u, i) => [u, i < 3 ? 'A' : 'B']));
    expect(unitGroups(result, 'region', given).groups).toEqual(['A', 'A', 'A', 'B', 'B', 'B']);
    expect(() => unitGroups(result, 'region', { Beijing: 'A' })).toThrow(/leaves out these units: Shanghai/);
    expect(() => unitGroups(result, 'sector')).toThrow(/no group column "sector"/);
    const firms = evaluate(panel(['F1', 'F2', 'F3', 'F4']), SPEC);
    expect(() => unitGroups(firms)).toThrow(/not \(all\) provinces/);
  });

  it('the weights grammar: every form parsed, bad values named with the forms allowed', () => {
    expect(parseWeightsSpec('queen')).toEqual({ kind: 'queen' });
    expect(parseWeightsSpec('knn:4')).toEqual({ kind: 'knn', k: 4 });
    expect(parseWeightsSpec('idw')).toEqual({ kind: 'idw', power: 1 });
    expect(parseWeightsSpec('idw:2:800')).toEqual({ kind: 'idw', power: 2, cutoff: 800 });
    expect(parseWeightsSpec('economic:GDP')).toEqual({ kind: 'economic', column: 'GDP' });
    expect(parseWeightsSpec('nested:GDP:0.3')).toEqual({ kind: 'nested', column: 'GDP', phi: 0.3 });
    expect(parseWeightsSpec('file:C:/w/edges.csv')).toEqual({ kind: 'file', path: 'C:/w/edges.csv' });
    for (const bad of ['knn', 'knn:x', 'idw:a', 'nested:GDP:2', 'economic', 'file:', 'hex']) {
      try {
        parseWeightsSpec(bad);
        expect.unreachable(bad);
      } catch (e) {
        const p = (e as XinzhiError).problems[0];
        expect(p.code).toBe('bad-weights');
        expect(p.message.zh).toContain(bad);
        expect(p.fix!.en).toMatch(/queen, rook, knn:K/);
      }
    }
    expect(describeWeights({ kind: 'queen' }, [['Hainan', 'Guangdong']]).zh).toContain('海南–广东');
  });
});

describe('the runner computes with the core methods on these inputs', () => {
  it('coupling equals couplingCoordination on the dimension levels (and on scaled scores)', () => {
    const run = runAnalysis(result, 'coupling');
    const d1 = nodeScoreMatrix(result, 'd1');
    const d2 = nodeScoreMatrix(result, 'd2');
    const unit = d1.times.flatMap(() => result.units);
    const time = d1.times.flatMap((x) => result.units.map(() => x));
    const ref = couplingCoordination(
      { systems: ['d1', 'd2'], unit, time, levels: [d1.y.flatMap((r) => [...r]), d2.y.flatMap((r) => [...r])] },
      { maxLevel: 1.0001 },
    );
    expect(run.result.rows.map((r) => r.D)).toEqual(ref.rows.map((r) => r.D));
    const scaled = runAnalysis(evaluate(panel(), { ...SPEC, score: { scale: 100 } }), 'coupling');
    scaled.result.rows.forEach((r, i) => expect(r.D).toBeCloseTo(ref.rows[i].D, 12));
  });

  it('gini by NBS region equals dagumGini; β equals betaConvergence two-way', () => {
    const m = nodeScoreMatrix(result, 'index');
    const g = runAnalysis(result, 'gini');
    expect(g.rows[1].total).toBe(dagumGini(m.y[1], ['East', 'East', 'Central', 'Central', 'West', 'West']).total);
    const c = runAnalysis(result, 'convergence');
    expect(c.beta!.beta).toBe(betaConvergence(m, { model: 'twoways' }).beta);
    expect(runAnalysis(result, 'convergence', { convergence: { model: 'pooled' } }).beta!.beta).toBe(
      betaConvergence(m, { model: 'pooled' }).beta,
    );
  });
});

describe('degenerate inputs: a reason, never a crash', () => {
  it('no boundaries: spatial analyses are skipped, the spatial Markov chain says why', () => {
    const out = runAnalyses(result, ANALYSIS_NAMES);
    expect(out.skipped.map((s) => s.analysis)).toEqual(['moran', 'lisa']);
    expect(out.skipped[0].reason.en).toMatch(/no province boundaries/);
    expect(out.runs.markov!.spatial).toBeUndefined();
    expect(out.runs.markov!.spatialSkipped!.zh).toMatch(/边界/);
  });

  it('a node without scores, or a node with fewer than two dimensions', () => {
    const out = runAnalyses(result, ['gini', 'kde'], { node: 'nope' });
    expect(out.skipped.map((s) => s.analysis)).toEqual(['gini', 'kde']);
    expect(out.skipped[0].reason.en).toMatch(/no scores of node "nope"/);
    try {
      runAnalysis(result, 'coupling', { node: 'd1' });
      expect.unreachable();
    } catch (e) {
      expect((e as XinzhiError).problems[0].code).toBe(NOT_APPLICABLE);
    }
  });

  it('two periods: σ runs, two-way β is not run with the reason; one period: Markov and convergence skipped', () => {
    const two = evaluate(panel(undefined, [2021, 2022]), SPEC);
    const c = runAnalysis(two, 'convergence');
    expect(c.sigma.rows.length).toBe(2);
    expect(c.beta).toBeUndefined();
    expect(c.betaSkipped!.en).toMatch(/at least 3 periods/);
    const one = evaluate(panel(undefined, [2022]), SPEC);
    const out = runAnalyses(one, ['markov', 'convergence', 'gini']);
    expect(out.skipped.map((s) => s.analysis)).toEqual(['markov', 'convergence']);
    expect(out.skipped[0].reason.en).toMatch(/at least 2 periods \(got 1\)/);
    expect(out.runs.gini!.rows.length).toBe(1);
  });

  it("a constant indicator and all-equal scores: the methods' own defined results, no crash", () => {
    const p = panel();
    p.columns.b = new Float64Array(p.unit.length).fill(3);
    const r = evaluate(p, SPEC);
    const out = runAnalyses(r, ANALYSIS_NAMES);
    for (const s of out.skipped) expect(['moran', 'lisa']).toContain(s.analysis);
    expect(Number.isFinite(out.runs.gini!.rows[0].total)).toBe(true);
  });
});
