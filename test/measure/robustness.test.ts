/**
 * Ranking robustness (src/core/measure/robustness.ts): ranks and scores under
 * entropy, CRITIC and equal weights on the default provincial index against an
 * independent NumPy computation (test/reference/measure/robustness_reference.py
 * → fixtures/robustness_default.json), 1e-9 relative; then the sentences, the
 * Monte Carlo interval and degenerate panels.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, indexScorer } from '../../src/core/measure/evaluate.ts';
import { rankRobustness, robustnessSentences } from '../../src/core/measure/robustness.ts';
import type { Spec } from '../../src/core/measure/spec.ts';
import { panelFromRows } from '../../src/core/panel/ops.ts';
import type { Panel } from '../../src/core/panel/types.ts';
import { readPanelFile } from '../../src/adapters/io/read.ts';
import { DEFAULT_DATA, DEFAULT_SPEC } from '../../src/adapters/io/defaults.ts';
import { ABS, REL, fixture } from './reference-helpers.ts';

const near = (a: number, b: number) => Math.abs(a - b) <= Math.max(ABS, REL * Math.abs(b));

describe('rankRobustness on an evaluation that kept its prepared data', () => {
  it('gives the same report as preparing the data again', async () => {
    const spec = JSON.parse(readFileSync(DEFAULT_SPEC, 'utf8')) as Spec;
    const { panel } = await readPanelFile(DEFAULT_DATA, { unit: spec.unit, time: spec.time, labels: spec.labels });
    const plain = rankRobustness(panel, evaluate(panel, spec), { times: 'all' });
    expect(rankRobustness(panel, evaluate(panel, spec, { keepPrepared: true }), { times: 'all' })).toEqual(plain);
  });
  it('scores the kept matrix for the same panel object and spec in the one scorer that takes it, and prepares again otherwise', async () => {
    const spec = JSON.parse(readFileSync(DEFAULT_SPEC, 'utf8')) as Spec;
    const read = (await readPanelFile(DEFAULT_DATA, { unit: spec.unit, time: spec.time, labels: spec.labels })).panel;
    const panel: Panel = {
      ...read,
      columns: Object.fromEntries(Object.entries(read.columns).map(([k, v]) => [k, v.slice()])),
    };
    const kept = evaluate(panel, spec, { keepPrepared: true });
    const equal = { ...spec, weights: { method: 'equal' } } as Spec;
    const before = indexScorer(panel)(equal);
    // the panel's numbers changed in place after the evaluation: which data is scored shows
    panel.columns[spec.indicators[0].column].reverse();
    const after = indexScorer(panel)(equal);
    expect(after.scores).not.toEqual(before.scores);
    const other: Panel = { ...panel, columns: { ...panel.columns } };
    expect(indexScorer(other, {}, kept)(equal)).toEqual(after); // another panel object: prepared again
    const score = indexScorer(panel, {}, kept);
    // a spec that prepares the data differently (another normalisation) is not scored on the kept matrix
    const zscore = { ...equal, normalize: { method: 'zscore' } } as Spec;
    expect(score(zscore)).toEqual(indexScorer(panel)(zscore));
    expect(score(equal)).toEqual(before); // the evaluation's own matrix
    expect(score(equal)).toEqual(before); // as often as this scorer is asked
    expect(indexScorer(panel, {}, kept)(equal)).toEqual(after); // taken by that scorer: a later one prepares again
  });
});

describe('rankRobustness on the default index, against NumPy', () => {
  const ref = fixture('robustness_default.json');
  let report: ReturnType<typeof rankRobustness>;
  beforeAll(async () => {
    const spec = JSON.parse(readFileSync(DEFAULT_SPEC, 'utf8')) as Spec;
    const { panel } = await readPanelFile(DEFAULT_DATA, { unit: spec.unit, time: spec.time, labels: spec.labels });
    report = rankRobustness(panel, evaluate(panel, spec), { times: 'all' });
  });
  it('weights of each method match', () => {
    for (const m of ['entropy', 'critic', 'equal']) {
      for (const [id, w] of Object.entries(ref.methods[m].weights as Record<string, number>)) {
        expect(near(report.weights[m][id], w), `${m} ${id}`).toBe(true);
      }
    }
  });
  it('scores and ranks of every province-year under each method match', () => {
    const rows = new Map(report.rows.map((r) => [`${r.unit}|${String(r.time)}`, r]));
    expect(rows.size).toBe(300);
    for (const m of ['entropy', 'critic', 'equal']) {
      for (const e of ref.methods[m].rows as Array<{ unit: string; time: number; score: number; rank: number }>) {
        const r = rows.get(`${e.unit}|${e.time}`)!;
        expect(near(r.scores[m], e.score), `${m} ${e.unit} ${e.time}`).toBe(true);
        expect(r.ranks[m], `${m} ${e.unit} ${e.time}`).toBe(e.rank);
      }
    }
  });
  it('the nominal (entropy) ranking puts Beijing and Shanghai first in 2022 under all three methods', () => {
    const y2022 = report.rows.filter((r) => r.time === 2022);
    expect(y2022.slice(0, 2).map((r) => [r.unit, r.ranks.entropy, r.ranks.critic, r.ranks.equal])).toEqual([
      ['Beijing', 1, 1, 1],
      ['Shanghai', 2, 2, 2],
    ]);
  });
  it('names provinces that move by more than 3 places, in Chinese in the Chinese sentence', () => {
    const shaanxi = report.sentences.find((x) => x.en.startsWith('Shaanxi (2022)'))!;
    expect(shaanxi.en).toBe(
      'Shaanxi (2022) moves 5 places with the weighting method: ranked 9 under entropy, 14 under CRITIC, ' +
        '12 under equal weights.',
    );
    expect(shaanxi.zh).toBe('陕西（2022）的排名随权重方法变动 5 位：熵值法第 9 位，CRITIC 法第 14 位，等权第 12 位。');
  });
  it('shift is the spread of the ranks; rows are in nominal order within each time', () => {
    for (const r of report.rows) {
      const all = [r.nominalRank, r.ranks.entropy, r.ranks.critic, r.ranks.equal];
      expect(r.shift).toBe(Math.max(...all) - Math.min(...all));
    }
    const y = report.rows.filter((r) => r.time === 2013).map((r) => r.nominalRank);
    expect(y).toEqual([...y].sort((a, b) => a - b));
  });
});

/** Three units, two years, two indicators that disagree: weights decide the order. */
function small(): { panel: Panel; spec: Spec } {
  const rows = [
    { u: 'A', t: 1, x: 1, y: 9 },
    { u: 'B', t: 1, x: 5, y: 5 },
    { u: 'C', t: 1, x: 9, y: 1.5 },
    { u: 'A', t: 2, x: 2, y: 8 },
    { u: 'B', t: 2, x: 6, y: 4 },
    { u: 'C', t: 2, x: 8, y: 1 },
  ];
  const spec = {
    unit: 'u',
    time: 't',
    indicators: [
      { id: 'x', column: 'x', direction: '+' },
      { id: 'y', column: 'y', direction: '+' },
    ],
    normalize: { method: 'minmax', shift: 0.0001 },
    weights: { method: 'entropy' },
    aggregate: { method: 'arithmetic' },
  } as Spec;
  return { panel: panelFromRows(rows, 'u', 't'), spec };
}

describe('rankRobustness options and sentences', () => {
  it('reports the latest time by default and carries the options used', () => {
    const { panel, spec } = small();
    const r = rankRobustness(panel, evaluate(panel, spec));
    expect(r.options).toEqual({ methods: ['entropy', 'critic', 'equal'], threshold: 3, times: 'latest' });
    expect(r.nominal).toBe('entropy');
    expect(r.rows.map((x) => x.time)).toEqual([2, 2, 2]);
  });
  it('with no rank moving beyond the threshold, one sentence says so in both languages', () => {
    const { panel, spec } = small();
    const r = rankRobustness(panel, evaluate(panel, spec), { threshold: 3 });
    expect(r.sentences).toHaveLength(1);
    expect(r.sentences[0].en).toMatch(/No unit's rank moves by more than 3 places/);
    expect(r.sentences[0].zh).toMatch(/没有单位的排名变动超过 3 位/);
  });
  it('names each unit whose ranks differ by more than the threshold', () => {
    const rows = [
      { unit: 'P', time: 2022, nominalRank: 1, ranks: { entropy: 1, critic: 5, equal: 2 }, scores: {}, shift: 4 },
      { unit: 'Q', time: 2022, nominalRank: 2, ranks: { entropy: 2, critic: 1, equal: 1 }, scores: {}, shift: 1 },
    ];
    const s = robustnessSentences(rows, ['entropy', 'critic', 'equal'], 3);
    expect(s).toHaveLength(1);
    expect(s[0].en).toBe(
      'P (2022) moves 4 places with the weighting method: ranked 1 under entropy, 5 under CRITIC, 2 under equal weights.',
    );
    expect(s[0].zh).toBe('P（2022）的排名随权重方法变动 4 位：熵值法第 1 位，CRITIC 法第 5 位，等权第 2 位。');
  });
  it('adds the Monte Carlo interval where the uncertainty analysis ran', () => {
    const { panel, spec } = small();
    const res = evaluate(panel, { ...spec, uncertainty: { draws: 20, seed: 7 } });
    const r = rankRobustness(panel, res, { times: 'all' });
    for (const row of r.rows) {
      const u = res.uncertainty!.ranks.find((x) => x.unit === row.unit && x.time === row.time)!;
      expect(row.monteCarlo).toEqual({ median: u.medianRank, q05: u.q05, q95: u.q95 });
    }
  });
  it('without the uncertainty analysis there is no interval', () => {
    const { panel, spec } = small();
    expect(rankRobustness(panel, evaluate(panel, spec)).rows.every((x) => x.monteCarlo === undefined)).toBe(true);
  });
  it('a spec weighted otherwise (equal) keeps its own ranks as nominal and is compared with all three', () => {
    const { panel, spec } = small();
    const res = evaluate(panel, { ...spec, weights: { method: 'equal' } });
    const r = rankRobustness(panel, res);
    expect(r.nominal).toBe('equal');
    for (const row of r.rows) expect(row.ranks.equal).toBe(row.nominalRank);
  });
});

describe('rankRobustness when a method cannot score the data', () => {
  it("records the reason, leaves that method's ranks NaN and out of the shift, and says so in a sentence", () => {
    const { panel, spec } = small();
    const r = rankRobustness(panel, evaluate(panel, spec), { methods: ['entropy', 'given'] });
    expect(Object.keys(r.failed)).toEqual(['given']);
    expect(r.failed.given.en.length).toBeGreaterThan(0);
    for (const row of r.rows) {
      expect(row.ranks.given).toBeNaN();
      expect(row.shift).toBe(0);
    }
    expect(r.sentences.some((x) => x.en.startsWith('given could not score these data: '))).toBe(true);
    expect(r.sentences.some((x) => x.zh.startsWith('given无法用于这些数据：'))).toBe(true);
  });
});

describe('rankRobustness on degenerate panels', () => {
  it('one unit: every rank is 1 and nothing moves', () => {
    const panel = panelFromRows(
      [
        { u: 'A', t: 1, x: 1, y: 2 },
        { u: 'A', t: 2, x: 3, y: 1 },
      ],
      'u',
      't',
    );
    const { spec } = small();
    const r = rankRobustness(panel, evaluate(panel, spec), { times: 'all' });
    for (const row of r.rows)
      expect([row.nominalRank, row.ranks.entropy, row.ranks.critic, row.ranks.equal, row.shift]).toEqual([
        1, 1, 1, 1, 0,
      ]);
  });
  it('a constant indicator gets no CRITIC or entropy weight and the ranks follow the other', () => {
    const panel = panelFromRows(
      [
        { u: 'A', t: 1, x: 1, y: 4, z: 10 },
        { u: 'B', t: 1, x: 3, y: 4, z: 40 },
        { u: 'C', t: 1, x: 2, y: 4, z: 20 },
        { u: 'D', t: 1, x: 0, y: 4, z: 5 },
      ],
      'u',
      't',
    );
    const { spec } = small();
    const r = rankRobustness(
      panel,
      evaluate(panel, { ...spec, indicators: [...spec.indicators, { id: 'z', column: 'z', direction: '+' }] }),
    );
    expect(r.weights.critic.y).toBe(0);
    expect(r.weights.entropy.y).toBeCloseTo(0, 12);
    expect(r.rows.map((x) => [x.unit, x.ranks.entropy, x.ranks.critic, x.ranks.equal])).toEqual([
      ['B', 1, 1, 1],
      ['C', 2, 2, 2],
      ['A', 3, 3, 3],
      ['D', 4, 4, 4],
    ]);
  });
});
