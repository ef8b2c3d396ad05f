/**
 * One truth from file to report: on the same spec and data, `xinzhi analyze
 * <method>` on the results.json, the report's analysis sections and the web
 * session give identical numbers for all nine analyses, with the default spec
 * and with `score.scale: 100` (which once made the report skip coupling).
 * All three call the core runner (src/core/analysis/runner.ts); the numbers
 * themselves are checked against R and Python in the methods' own tests.
 *
 * The CLI runs in-process through its commander program, stdout captured.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { registerAnalyze } from '../../src/adapters/cli/analyze.ts';
import { DEFAULT_DATA, DEFAULT_SPEC } from '../../src/adapters/io/defaults.ts';
import { loadProvinceGeojson } from '../../src/adapters/io/geo.ts';
import { readPanelFile } from '../../src/adapters/io/read.ts';
import {
  analysisSections,
  ALL_ANALYSES,
  type AnalysisSectionsResult,
} from '../../src/adapters/report/analysis-sections.ts';
import { resultJson } from '../../src/adapters/report/json.ts';
import { Session, type AnalysisOutput, type AnalysisRequest } from '../../src/adapters/web/session.ts';
import { ANALYSIS_DEFAULTS, obstacleRunRows } from '../../src/core/analysis/runner.ts';
import { evaluate } from '../../src/core/measure/evaluate.ts';
import type { EvaluationResult } from '../../src/core/measure/result.ts';
import type { Spec } from '../../src/core/measure/spec.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `xinzhi analyze …` in-process: the one JSON document it prints. */
async function analyze(args: string[]): Promise<Json> {
  const program = new Command().exitOverride();
  registerAnalyze(program);
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    await program.parseAsync(['analyze', ...args, '--json'], { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return JSON.parse(chunks.join('')) as Json;
}

interface Three {
  result: EvaluationResult;
  cli: (args: string[]) => Promise<Json>;
  report: AnalysisSectionsResult;
  web: (req: AnalysisRequest) => AnalysisOutput;
}

/** Evaluate the spec on the default data as the CLI does (results.json), the report and the web session. */
async function threeWays(spec: Spec, dir: string): Promise<Three> {
  const { panel } = await readPanelFile(DEFAULT_DATA, {
    unit: spec.unit,
    time: spec.time ?? null,
    labels: spec.labels,
  });
  const result = evaluate(panel, spec, { source: 'panel.csv' });
  const file = join(dir, `results-${spec.score?.scale ?? 1}.json`);
  writeFileSync(file, resultJson(result));
  const geojson = await loadProvinceGeojson();
  const report = analysisSections(result, { analyses: ALL_ANALYSES, lang: 'en', geojson });
  const session = new Session();
  await session.load(new Uint8Array(readFileSync(DEFAULT_DATA)), 'panel.csv', spec);
  session.setGeojson(geojson);
  session.evaluate(spec);
  return { result, cli: (args) => analyze([...args, '--data', file]), report, web: (req) => session.analyze(req) };
}

const num = (xs: ArrayLike<number | null>) => Array.from(xs, (x) => (x === null ? NaN : x));

function checkAll(name: string, get: () => Three) {
  describe(name, () => {
    it('nothing is skipped in the report', () => {
      expect(get().report.skipped).toEqual([]);
    });

    it('coupling: C, T, D per unit-year and their means', async () => {
      const { cli, report, web } = get();
      const c = await cli(['coupling']);
      const r = report.results.coupling!;
      const w = web({ kind: 'coupling' });
      if (w.kind !== 'coupling') throw new Error(w.kind);
      expect(c.form).toBe(ANALYSIS_DEFAULTS.coupling.form);
      expect(r.result.form).toBe(c.form);
      expect(w.result.form).toBe(c.form);
      for (const k of ['C', 'T', 'D'] as const) {
        const fromCli = num(c.rows.map((x: Json) => x[k]));
        expect(num(r.result.rows.map((x) => x[k]))).toEqual(fromCli);
        expect(num(w.result.rows.map((x) => x[k]))).toEqual(fromCli);
      }
      expect(r.byTime.map((b) => b.meanD)).toEqual(c.byTime.map((b: Json) => b.meanD));
      expect(w.byTime.map((b) => b.meanD)).toEqual(c.byTime.map((b: Json) => b.meanD));
    });

    it('obstacle: every obstacle degree and the top 5 of each unit', async () => {
      const { cli, report, web } = get();
      const c = await cli(['obstacle']);
      const r = report.results.obstacle!;
      const w = web({ kind: 'obstacle' });
      if (w.kind !== 'obstacle') throw new Error(w.kind);
      expect(obstacleRunRows(r).map((x) => x.indicators)).toEqual(c.rows.map((x: Json) => x.indicators));
      expect(obstacleRunRows(r).map((x) => x.top.map((o) => o.id))).toEqual(
        c.rows.map((x: Json) => x.top.map((o: Json) => o.id)),
      );
      const latest = c.rows.filter((x: Json) => String(x.time) === String(r.latest));
      expect(w.latest.map((x) => x.top)).toEqual(latest.map((x: Json) => x.top));
      expect(w.byTime.map((m) => m.dimensions)).toEqual(c.mean.map((m: Json) => m.dimensions));
    });

    it('gini and theil by region', async () => {
      const { cli, report, web } = get();
      const g = await cli(['gini', '--value', 'index', '--group', 'region']);
      const rg = report.results.gini!;
      const wg = web({ kind: 'gini', node: 'index' });
      if (wg.kind !== 'gini') throw new Error(wg.kind);
      for (const k of ['total', 'within', 'between', 'transvariation'] as const) {
        expect(rg.rows.map((x) => x[k])).toEqual(g.results.map((x: Json) => x[k]));
        expect(wg.results.map((x) => x[k])).toEqual(g.results.map((x: Json) => x[k]));
      }
      const t = await cli(['theil', '--value', 'index', '--group', 'region']);
      const rt = report.results.theil!;
      const wt = web({ kind: 'theil', node: 'index' });
      if (wt.kind !== 'theil') throw new Error(wt.kind);
      for (const m of ['T', 'L'] as const) {
        for (const k of ['total', 'within', 'between'] as const) {
          expect(rt.rows.map((x) => x[m]![k])).toEqual(t.results.map((x: Json) => x[m][k]));
          expect(wt.results.map((x) => x[m]![k])).toEqual(t.results.map((x: Json) => x[m][k]));
        }
      }
    });

    it('kernel density: bandwidths, grid and densities', async () => {
      const { cli, report, web } = get();
      const c = await cli(['kde', '--value', 'index']);
      const r = report.results.kde!.result;
      const w = web({ kind: 'kde', node: 'index' });
      if (w.kind !== 'kde') throw new Error(w.kind);
      for (const k of [r, w.result]) {
        expect(num(k.grid)).toEqual(num(c.grid));
        expect(k.summaries.map((s) => [s.bandwidth, s.mode, s.maxDensity])).toEqual(
          c.summaries.map((s: Json) => [s.bandwidth, s.mode, s.maxDensity]),
        );
        expect(k.density.map((d) => num(d))).toEqual(c.density.map((d: number[]) => num(d)));
      }
    });

    it("Moran's I and LISA on queen weights", async () => {
      const { cli, report, web } = get();
      const c = await cli(['moran', '--value', 'index', '--weights', 'queen']);
      const r = report.results.moran!;
      const w = web({ kind: 'moran', node: 'index' });
      if (w.kind !== 'moran') throw new Error(w.kind);
      for (const k of ['I', 'z', 'p'] as const) {
        expect(r.rows.map((x) => x[k])).toEqual(c.results.map((x: Json) => x[k]));
        expect(w.results.map((x) => x[k])).toEqual(c.results.map((x: Json) => x[k]));
      }
      const l = await cli(['lisa', '--value', 'index', '--weights', 'queen']);
      const last = l.results[l.results.length - 1];
      const rl = report.results.lisa!.rows[0];
      const wl = web({ kind: 'lisa', node: 'index' });
      if (wl.kind !== 'lisa') throw new Error(wl.kind);
      expect(rl.time).toBe(last.time);
      expect(wl.time).toBe(last.time);
      expect(num(rl.result.Ii)).toEqual(last.units.map((u: Json) => u.Ii));
      expect(wl.Ii).toEqual(last.units.map((u: Json) => u.Ii));
      expect(wl.p).toEqual(last.units.map((u: Json) => u.p));
      expect(wl.cluster).toEqual(last.units.map((u: Json) => u.cluster));
    });

    it('Markov chains: classic and spatial', async () => {
      const { cli, report, web } = get();
      const c = await cli(['markov', '--value', 'index', '--spatial', '--weights', 'queen']);
      const r = report.results.markov!;
      const w = web({ kind: 'markov', node: 'index' });
      if (w.kind !== 'markov') throw new Error(w.kind);
      expect(r.spatial!.result.classic.probabilities).toEqual(c.classic.probabilities);
      expect(w.spatial!.result.classic.probabilities).toEqual(c.classic.probabilities);
      const cond = c.spatial.conditional.map((x: Json) => x.probabilities);
      expect(r.spatial!.result.conditional.map((x) => x.probabilities)).toEqual(cond);
      expect(w.spatial!.result.conditional.map((x) => x.probabilities)).toEqual(cond);
      expect(w.spatial!.result.homogeneity).toEqual(c.spatial.homogeneity);
    });

    it('σ- and β-convergence (two-way fixed effects)', async () => {
      const { cli, report, web } = get();
      const s = await cli(['convergence', '--value', 'index']);
      const b = await cli(['convergence', '--value', 'index', '--type', 'beta']);
      const r = report.results.convergence!;
      const w = web({ kind: 'convergence', node: 'index' });
      if (w.kind !== 'convergence') throw new Error(w.kind);
      expect(b.model).toBe(ANALYSIS_DEFAULTS.convergence.model);
      expect([r.sigma.slopeSd, r.sigma.slopeCv]).toEqual([s.slopeSd, s.slopeCv]);
      expect([w.sigma.slopeSd, w.sigma.slopeCv]).toEqual([s.slopeSd, s.slopeCv]);
      expect([r.beta!.beta, r.beta!.halfLife, r.beta!.model]).toEqual([b.beta, b.halfLife, b.model]);
      const lnY = b.coefficients.find((x: Json) => x.name === 'ln_y');
      expect([w.beta!.beta, w.beta!.se, w.beta!.halfLife, w.beta!.model]).toEqual([
        b.beta,
        lnY.se,
        b.halfLife,
        b.model,
      ]);
    });
  });
}

let dir = '';
let spec: Spec;
let plain: Three;
let scaled: Three;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xinzhi-same-'));
  spec = JSON.parse(readFileSync(DEFAULT_SPEC, 'utf8')) as Spec;
  plain = await threeWays(spec, dir);
  scaled = await threeWays({ ...spec, score: { ...spec.score, scale: 100 } }, dir);
}, 60_000);

checkAll('same numbers from CLI, report and web: the default spec', () => plain);
checkAll('same numbers from CLI, report and web: score.scale = 100', () => scaled);

describe('score.scale changes the scores, not the analyses that are scale-free', () => {
  it('coupling runs with score.scale = 100 and gives the D of the unscaled scores', () => {
    const a = plain.report.results.coupling!.result.rows.map((x) => x.D);
    const b = scaled.report.results.coupling!.result.rows.map((x) => x.D);
    b.forEach((d, i) => expect(d).toBeCloseTo(a[i], 12));
    expect(scaled.report.results.coupling!.range).toMatchObject({ scale: 100 });
  });
});
