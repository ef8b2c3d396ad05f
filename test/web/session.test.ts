/**
 * The web app's computation side (session.ts, run by the worker) in Node:
 * it must give exactly the numbers of the core evaluate on the same data and
 * spec, report problems with row and column, and run every analysis panel.
 * The diagnosis must reach existing problem nodes through the framework.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Session, guessRoles } from '../../src/adapters/web/session.ts';
import { diagnose } from '../../src/adapters/web/diagnosis.ts';
import { dataBytes, dataFile, parseProject, toProject } from '../../src/adapters/web/project.ts';
import { evaluate } from '../../src/core/measure/evaluate.ts';
import { piecesRunner, runShareHere } from '../../src/core/measure/pairwise-jobs.ts';
import { uncertaintyPart } from '../../src/core/measure/uncertainty.ts';
import { tableToPanel } from '../../src/core/panel/from-table.ts';
import { parseTable } from '../../src/adapters/formats/table.ts';
import { loadFramework } from '../../src/core/framework/model.ts';
import { getNode } from '../../src/core/framework/query.ts';
import { usedColumns } from '../../src/core/measure/record.ts';
import type { Spec } from '../../src/core/measure/spec.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CSV = new Uint8Array(readFileSync(join(ROOT, 'data/province-panel/nqpf_province_2013_2022.csv')));
const SPEC = JSON.parse(readFileSync(join(ROOT, 'data/specs/examples/nqpf-province-totals.json'), 'utf8')) as Spec;
const GEO = JSON.parse(readFileSync(join(ROOT, 'data/geo/china_provinces.geojson'), 'utf8')) as unknown;

describe('web session', () => {
  it('evaluates the default panel exactly as the core does', async () => {
    const s = new Session();
    const sum = await s.load(CSV, 'nqpf.csv', SPEC);
    expect(sum.guess).toEqual({ unit: 'Province', time: 'Year', labels: ['name_zh', 'region'] });
    const out = s.evaluate(SPEC);
    const table = await parseTable(CSV, 'nqpf.csv');
    const used = usedColumns(SPEC);
    const { panel } = tableToPanel(table, {
      unit: 'Province',
      time: 'Year',
      columns: used.columns,
      labels: SPEC.labels,
    });
    const ref = evaluate(panel, SPEC, { version: 'web', source: 'nqpf.csv', specFile: 'spec' });
    expect(out.result.weights).toEqual(ref.weights);
    expect(out.result.scores).toEqual(ref.scores);
  });

  it('evaluates with its draws and pairwise scores computed elsewhere (the pools of the app’s worker) to the same result', async () => {
    const s = new Session();
    await s.load(CSV, 'nqpf.csv', SPEC);
    const spec = {
      ...SPEC,
      weights: { ...SPEC.weights, panel: 'by-time' },
      score: { copeland: true, promethee: { fn: 'gaussian', s: 0.2 } },
      uncertainty: { draws: 60, seed: 3 },
    } as Spec;
    const one = s.evaluate(spec);
    const asked: Array<[number, number]> = [];
    const pools = {
      // draw ranges and pieces computed here, as a compute worker would
      parallel: (rows: number, draws: number) => {
        asked.push([rows, draws]);
        return { runPart: async (...a: Parameters<typeof uncertaintyPart>) => uncertaintyPart(...a), parts: 3 };
      },
      pairwise: piecesRunner(4, async (pieces, tick) => runShareHere(pieces, tick).outs, 4),
    };
    const many = await s.evaluateAsync(spec, { pools });
    // asked once, with the panel's rows (before rows the spec drops) and the draws
    expect(asked).toHaveLength(1);
    expect(asked[0][1]).toBe(60);
    expect(asked[0][0]).toBeGreaterThanOrEqual(one.result.scores.length);
    expect(JSON.stringify(many.result)).toBe(JSON.stringify(one.result));
  });

  it('summarises a loaded file from its first rows without reading every row into arrays', async () => {
    const s = new Session();
    const sum = await s.load(CSV, 'nqpf.csv', SPEC);
    const table = await parseTable(CSV, 'nqpf.csv');
    expect(sum.rows).toBe(table.rows.length);
    expect(sum.preview).toEqual(table.rows.slice(0, 8));
    // the session's table keeps its compact form for tableToPanel's fast path
    expect((s as unknown as { table: { grid?: unknown } }).table.grid).toBeDefined();
  });

  it('reports non-numeric cells and duplicate rows with row and column', async () => {
    const s = new Session();
    await s.load(
      new TextEncoder().encode('Province,Year,a\nBeijing,2020,1\nBeijing,2020,2\nTianjin,2020,x\n'),
      'bad.csv',
    );
    const ins = s.inspect(guessRoles(['Province', 'Year', 'a']));
    expect(ins.problems.find((p) => p.row === 4 && p.column === 'a')?.code).toBeTruthy();
    expect(ins.problems.some((p) => p.row === 3 && /Beijing/.test(p.message.en))).toBe(true);
  });

  it('runs every analysis panel on the default result', async () => {
    const s = new Session();
    await s.load(CSV, 'nqpf.csv', SPEC);
    s.setGeojson(GEO);
    const r = s.evaluate(SPEC).result;
    const last = r.times[r.times.length - 1];
    const kinds = [
      { kind: 'coupling', form: 'standard' },
      { kind: 'obstacle', top: 3 },
      { kind: 'gini', node: 'index' },
      { kind: 'kde', node: 'index' },
      { kind: 'moran', node: 'index', weights: 'queen' },
      { kind: 'lisa', node: 'index', weights: 'queen', time: last },
      { kind: 'markov', node: 'index', classes: 4 },
      { kind: 'convergence', node: 'index', model: 'pooled' },
    ] as const;
    for (const k of kinds) expect(s.analyze(k).kind).toBe(k.kind);
    const g = s.analyze({ kind: 'gini', node: 'index' });
    if (g.kind === 'gini')
      for (const x of g.results) expect(x.within + x.between + x.transvariation).toBeCloseTo(x.total, 12);
  });

  it("maps dimensions to existing problem nodes through the framework's hinders relations", () => {
    const fw = loadFramework();
    const ids = [
      'index',
      ...(SPEC.nodes ?? []).map((n) => n.id),
      ...SPEC.indicators.filter((i) => i.framework).map((i) => i.id),
    ];
    for (const id of ids) {
      const d = diagnose(fw, SPEC, id);
      expect(d.framework, id).toBeTruthy();
      expect(d.problems.length, id).toBeGreaterThan(0);
      for (const p of d.problems) {
        expect(getNode(fw, p.problem.id)?.kind, p.problem.id).toBe('problem');
        expect(p.relation.type).toBe('hinders');
      }
    }
    // a factor or form dimension gets the problems linked to that node itself (the papers name none for the green form)
    for (const n of SPEC.nodes ?? []) {
      if (n.framework && n.framework !== 'form.green')
        expect(
          diagnose(fw, SPEC, n.id).problems.some((p) => p.scope === 'self'),
          n.id,
        ).toBe(true);
    }
    expect(diagnose(fw, SPEC, 'laborer').problems.map((p) => p.problem.id)).toContain('s002.problem.talent');
  });

  it('round-trips the project file', () => {
    const f = dataFile('x.xlsx', new Uint8Array([0, 1, 2, 250, 255]));
    expect(f.encoding).toBe('base64');
    expect(Array.from(dataBytes(f))).toEqual([0, 1, 2, 250, 255]);
    const p = toProject({ lang: 'en', data: dataFile('a.csv', new TextEncoder().encode('u,t\n')), spec: SPEC });
    expect(parseProject(JSON.stringify(p)).project).toEqual(p);
    expect(parseProject('{"x":1}').error).toBeTruthy();
  });
});
