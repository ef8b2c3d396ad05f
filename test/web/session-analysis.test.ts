/**
 * The web session's additions (issue 5): Theil and spatial Markov through
 * the session, coupling of dimension scores that reach 1 + shift, and
 * long-format data. Same approach as session.test.ts: the numbers must be
 * the core's.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Session } from '../../src/adapters/web/session.ts';
import { ahpInSync, alignedMatrix, ahpParents, saatyLabel, syncAhp } from '../../src/adapters/web/ahp-edit.ts';
import { parseSpec } from '../../src/core/measure/spec-schema.ts';
import type { Spec } from '../../src/core/measure/spec.ts';
import { couplingCoordination } from '../../src/core/analysis/coupling.ts';
import { theil } from '../../src/core/analysis/theil.ts';
import { XinzhiError } from '../../src/core/errors.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CSV = new Uint8Array(readFileSync(join(ROOT, 'data/province-panel/nqpf_province_2013_2022.csv')));
const SPEC = JSON.parse(readFileSync(join(ROOT, 'data/specs/examples/nqpf-province-totals.json'), 'utf8')) as Spec;
const GEO = JSON.parse(readFileSync(join(ROOT, 'data/geo/china_provinces.geojson'), 'utf8')) as unknown;

describe('web session: analyses, coupling range, long data, AHP matrices', () => {
  it('runs Theil by region and the spatial Markov chain as the core does', async () => {
    const s = new Session();
    await s.load(CSV, 'nqpf.csv', SPEC);
    s.setGeojson(GEO);
    const r = s.evaluate(SPEC).result;
    const th = s.analyze({ kind: 'theil', node: 'index', measures: ['T', 'L'] });
    expect(th.kind).toBe('theil');
    if (th.kind !== 'theil') return;
    expect(th.results.length).toBe(r.times.length);
    expect(th.groupBy).toBe('region');
    // the first year, recomputed with the core from the result's rows
    const regionOf = new Map(
      r.normalized.unit.map((u, i) => [u, (r.diagnostics.labels as Record<string, string[]>).region[i]]),
    );
    const rows = r.nodeScores.filter((x) => x.node === 'index' && x.time === r.times[0]);
    const ref = theil(
      rows.map((x) => x.score),
      rows.map((x) => regionOf.get(x.unit)!),
      { measures: ['T', 'L'] },
    );
    expect(th.results[0].T!.total).toBeCloseTo(ref.T!.total, 14);
    expect(th.results[0].L!.between).toBeCloseTo(ref.L!.between, 14);
    for (const x of th.results) expect(x.T!.within + x.T!.between).toBeCloseTo(x.T!.total, 12);
    const mk = s.analyze({ kind: 'markov', node: 'index', classes: 4, spatial: 'queen' });
    expect(mk.kind === 'markov' && mk.spatial?.result.conditional.length).toBe(4);
    if (mk.kind === 'markov' && mk.spatial) {
      const h = mk.spatial.result.homogeneity;
      expect(h.dof).toBeGreaterThan(0);
      expect(h.QpValue).toBeGreaterThanOrEqual(0);
      expect(mk.spatial.result.classic.counts).toEqual(mk.result.counts);
    }
    const plain = s.analyze({ kind: 'markov', node: 'index', classes: 4, spatial: false });
    expect(plain.kind === 'markov' && plain.spatial).toBeUndefined();
    // by default (ANALYSIS_DEFAULTS.markov.spatial) the spatial chain runs on queen weights
    const byDefault = s.analyze({ kind: 'markov', node: 'index' });
    expect(byDefault.kind === 'markov' && byDefault.spatial?.result.conditional.length).toBe(4);
  });

  it('runs coupling on dimension scores that reach 1 + shift (min-max shift)', async () => {
    // unit A is the maximum of every indicator in 2021: both dimensions score (1 + shift) there
    const csv =
      'unit,year,a,b,c,d\nA,2020,2,3,4,5\nB,2020,1,2,1,2\nC,2020,3,1,2,1\nA,2021,9,9,9,9\nB,2021,2,2,3,3\nC,2021,4,3,2,4\n';
    const spec: Spec = {
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
    const s = new Session();
    await s.load(new TextEncoder().encode(csv), 'shift.csv', spec);
    const r = s.evaluate(spec).result;
    const top = r.nodeScores.filter((x) => x.node === 'd1' && x.unit === 'A' && x.time === 2021)[0].score;
    expect(top).toBeGreaterThan(1);
    // the core's default range [0, 1] rejects it …
    const d1 = r.nodeScores.filter((x) => x.node === 'd1'),
      d2 = r.nodeScores.filter((x) => x.node === 'd2');
    expect(() =>
      couplingCoordination({
        systems: ['d1', 'd2'],
        unit: d1.map((x) => x.unit),
        levels: [d1.map((x) => x.score), d2.map((x) => x.score)],
      }),
    ).toThrow(XinzhiError);
    // … the session passes maxLevel = 1 + shift
    const out = s.analyze({ kind: 'coupling', form: 'standard' });
    expect(out.kind).toBe('coupling');
    if (out.kind !== 'coupling') return;
    expect(out.result.maxLevel).toBeCloseTo(1.0001, 10);
    const a = out.result.rows.find((x) => x.unit === 'A' && x.time === 2021)!;
    expect(a.C).toBeCloseTo(1, 12);
    expect(a.class.level).toBe(10);
    // with a score scale the levels are taken back to [0, 1 + shift]
    const scaled = { ...spec, score: { scale: 100 } };
    s.evaluate(scaled);
    const out2 = s.analyze({ kind: 'coupling', form: 'standard' });
    if (out2.kind === 'coupling') out2.result.rows.forEach((x, i) => expect(x.D).toBeCloseTo(out.result.rows[i].D, 12));
  });

  it('reads long-format data (guessed from the header) and evaluates it as the wide file', async () => {
    const wide = 'unit,year,a,b\nA,2020,1,5\nB,2020,2,3\nC,2020,4,1\nA,2021,2,6\nB,2021,3,2\nC,2021,5,2\n';
    const long =
      'unit,year,indicator,value\n' +
      wide
        .trim()
        .split('\n')
        .slice(1)
        .flatMap((line) => {
          const [u, y, a, b] = line.split(',');
          return [`${u},${y},a,${a}`, `${u},${y},b,${b}`];
        })
        .join('\n') +
      '\n';
    const spec: Spec = {
      unit: 'unit',
      time: 'year',
      indicators: [
        { id: 'a', column: 'a', direction: '+' },
        { id: 'b', column: 'b', direction: '-' },
      ],
      normalize: { method: 'minmax' },
      weights: { method: 'entropy' },
      aggregate: { method: 'arithmetic' },
    };
    const s = new Session();
    const sum = await s.load(new TextEncoder().encode(long), 'long.csv', spec);
    expect(sum.guess).toMatchObject({
      unit: 'unit',
      time: 'year',
      shape: 'long',
      indicator: 'indicator',
      value: 'value',
    });
    const ins = s.inspect(sum.guess);
    expect(ins.units).toEqual(['A', 'B', 'C']);
    expect(ins.times).toEqual([2020, 2021]);
    expect(ins.indicators).toEqual(['a', 'b']);
    expect(ins.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const viaLong = s.evaluate(spec).result;
    const w = new Session();
    await w.load(new TextEncoder().encode(wide), 'wide.csv', spec);
    expect((await w.load(new TextEncoder().encode(wide), 'wide.csv', spec)).guess.shape).toBeUndefined();
    expect(viaLong.scores).toEqual(w.evaluate(spec).result.scores);
    // guessed from the structure when the columns have other names
    const other = long.replace('indicator,value', 'item_name,amount_x');
    const g = (await s.load(new TextEncoder().encode(other), 'o.csv')).guess;
    expect(g).toMatchObject({ shape: 'long', indicator: 'item_name', value: 'amount_x' });
    // a wide file with a duplicate row and a text cell stays wide
    const bad = 'Province,Year,a,b\nBeijing,2020,1,2\nBeijing,2020,3,4\nTianjin,2020,abc,5\nHebei,2020,6,7\n';
    expect((await s.load(new TextEncoder().encode(bad), 'bad.csv')).guess.shape).toBeUndefined();
  });

  it('keeps AHP matrices aligned with the tree and evaluates them with the core', async () => {
    const spec = structuredClone(SPEC);
    spec.weights = { method: 'ahp' };
    syncAhp(spec);
    expect(ahpInSync(spec)).toBe(true);
    expect(Object.keys(spec.weights.ahp!)).toContain('index');
    expect(ahpParents(spec).every((p) => spec.weights.ahp![p.node].items.length === p.items.length)).toBe(true);
    expect(parseSpec(spec, { file: 'spec' }).problems.filter((p) => p.severity === 'error')).toEqual([]);
    // a judgement kept when the tree grows, the new comparison set to 1
    spec.weights.ahp!.index.matrix[0][1] = 3;
    spec.weights.ahp!.index.matrix[1][0] = 1 / 3;
    spec.nodes!.push({ id: 'extra', parent: null });
    spec.indicators.push({ ...spec.indicators[0], id: 'extra1', parent: 'extra' });
    expect(ahpInSync(spec)).toBe(false);
    const m = alignedMatrix(spec, 'index', ahpParents(spec).find((p) => p.node === 'index')!.items);
    expect(m[0][1]).toBe(3);
    expect(m[0][3]).toBe(1);
    expect(saatyLabel(1 / 3)).toBe('1/3');
    expect(saatyLabel(0.33)).toBe('1/3');
    expect(saatyLabel(2.5)).toBeUndefined();
    // an inconsistent matrix stops the evaluation with the core's message
    const s = new Session();
    await s.load(CSV, 'nqpf.csv', SPEC);
    const bad = structuredClone(SPEC);
    bad.weights = { method: 'ahp' };
    syncAhp(bad);
    bad.weights.ahp!.index.matrix = [
      [1, 9, 1 / 9],
      [1 / 9, 1, 9],
      [9, 1 / 9, 1],
    ];
    try {
      s.evaluate(bad);
      expect.unreachable();
    } catch (e) {
      expect((e as XinzhiError).problems[0].code).toBe('ahp-inconsistent');
    }
    bad.weights.allowInconsistent = true;
    expect(s.evaluate(bad).result.scores.length).toBeGreaterThan(0);
  });
});
