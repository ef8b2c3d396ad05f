/**
 * DID, event studies and spatial panel models through the web session: the
 * numbers of `xinzhi estimate --json` on the same files (run as a child
 * process), the event-study plot the page draws equal to the SVG of `--plot`,
 * and R's numbers (fixtures did.json and sdm.json, from
 * test/reference/estimate/did_reference.R and sdm_reference.R).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimatePlots } from '../../src/adapters/report/event-study-chart.ts';
import type { EstimateRequest } from '../../src/adapters/web/estimate-session.ts';
import { Session } from '../../src/adapters/web/session.ts';
import type { XinzhiError } from '../../src/core/errors.ts';
import { ROOT, xinzhi } from '../cli-run.ts';

const read = (p: string) => readFileSync(join(ROOT, p));
const did = JSON.parse(read('test/reference/estimate/fixtures/did.json').toString());
const sdm = JSON.parse(read('test/reference/estimate/fixtures/sdm.json').toString());
const GEO = JSON.parse(read('data/geo/china_provinces.geojson').toString());
const STAGGERED = 'data/estimate/did-staggered.csv';
const COMMON = 'data/estimate/did-common.csv';
const PANEL = 'data/province-panel/province_panel_2013_2022.csv';
const EDGES = 'test/reference/analysis/fixtures/queen31_edges.csv';
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
/** The same numbers as the CLI's JSON document (doubles survive JSON exactly). */
const same = (a: unknown) => JSON.parse(JSON.stringify(a));

const EVENT: EstimateRequest = {
  type: 'event-study',
  y: 'y',
  x: [],
  cohort: 'cohort',
  cluster: 'unit',
  window: [-4, 4],
  bin: true,
};
const CS: EstimateRequest = { type: 'did', y: 'y', x: [], cohort: 'cohort', estimator: 'cs', control: 'never' };
const TWFE: EstimateRequest = {
  type: 'did',
  y: 'y',
  x: [],
  treat: 'treat',
  post: 'post',
  controls: ['x'],
  fe: ['unit', 'time'],
  cluster: 'unit',
  se: 'stata',
  placebo: { draws: 100, seed: 7 },
};
const SDM: EstimateRequest = {
  type: 'sdm',
  y: sdm.y,
  x: sdm.x,
  fe: ['unit', 'time'],
  weights: 'queen',
  draws: 200,
  seed: 3,
};

type CliModel = Record<string, unknown> & { type: string };
const cli: Record<'event' | 'cs' | 'twfe' | 'sdm', CliModel> = {} as never;
const svg: Record<'event' | 'cs', string> = {} as never;

/** `xinzhi estimate --json` on a data file with one model (unit and time added), optionally with --plot. */
async function runCli(data: string, req: EstimateRequest, unit: string, time: string, plot?: string, lang = 'en') {
  const dir = mkdtempSync(join(tmpdir(), 'xinzhi-web-est-'));
  const model = join(dir, 'model.json');
  writeFileSync(model, JSON.stringify({ ...req, unit, time }));
  const args = ['estimate', '--data', join(ROOT, data), '--model', model, '--json', '--lang', lang];
  const r = await xinzhi(plot ? [...args, '--plot', join(dir, plot)] : args);
  expect(r.code, r.stderr).toBe(0);
  return { model: JSON.parse(r.stdout).models[0] as CliModel, plot: plot ? readFileSync(join(dir, plot), 'utf8') : '' };
}

async function session(data: string, unit: string, time: string): Promise<Session> {
  const s = new Session();
  await s.load(new Uint8Array(read(data)), data.split('/').pop()!);
  s.inspect({ unit, time, labels: [] });
  return s;
}

describe('web session: DID, event study and spatial models', () => {
  beforeAll(async () => {
    const [event, cs, twfe, spatial] = await Promise.all([
      runCli(STAGGERED, EVENT, 'unit', 'year', 'es.svg', 'en'),
      runCli(STAGGERED, CS, 'unit', 'year', 'cs.svg', 'zh'),
      runCli(COMMON, TWFE, 'unit', 'year'),
      runCli(PANEL, SDM, 'Province', 'Year'),
    ]);
    cli.event = event.model;
    cli.cs = cs.model;
    cli.twfe = twfe.model;
    cli.sdm = spatial.model;
    svg.event = event.plot;
    svg.cs = cs.plot;
  }, 240_000);

  it('an event study: the CLI’s periods and pre-trend test, R’s binned estimates, and the --plot SVG', async () => {
    const s = await session(STAGGERED, 'unit', 'year');
    const res = s.estimate(EVENT).result;
    const m = res.models[0];
    if (m.type !== 'event-study') throw new Error(m.type);
    expect(same(m.periods)).toEqual(cli.event.periods);
    expect(same(m.pretrend)).toEqual(cli.event.pretrend);
    expect(same(m.coefficients)).toEqual(cli.event.coefficients);
    const estimated = m.periods.filter((p) => !p.reference);
    estimated.forEach((p, k) => {
      expect(p.period).toBe(did.eventBinned.periods[k]);
      expect(rel(p.estimate, did.eventBinned.estimate[k])).toBeLessThan(1e-9);
    });
    expect(rel(m.pretrend!.F, did.eventBinned.pretrend.F)).toBeLessThan(1e-9);
    expect(estimatePlots(res, 'en')[0].svg).toBe(svg.event);
  });

  it('Callaway–Sant’Anna: the CLI’s aggregations and the plot of the dynamic aggregation (Chinese)', async () => {
    const s = await session(STAGGERED, 'unit', 'year');
    const res = s.estimate(CS).result;
    const m = res.models[0];
    if (m.type !== 'did' || m.estimator !== 'cs') throw new Error(m.type);
    expect(same(m.aggregations)).toEqual(cli.cs.aggregations);
    expect(same(m.att)).toEqual(cli.cs.att);
    expect(estimatePlots(res, 'zh')[0].svg).toBe(svg.cs);
  });

  it('a two-way FE DID with a seeded placebo: the CLI’s ATT and the same placebo draws', async () => {
    const s = await session(COMMON, 'unit', 'year');
    const m = s.estimate(TWFE).result.models[0];
    if (m.type !== 'did' || m.estimator === 'cs') throw new Error(m.type);
    expect(same(m.att)).toEqual(cli.twfe.att);
    expect(same(m.placebo)).toEqual(cli.twfe.placebo);
    expect(m.placebo!.estimates).toHaveLength(100);
    expect(m.interpretation.en).toMatch(/100 placebo estimates/);
  });

  it('a 2×2 DID gives R’s ATT', async () => {
    const s = await session(COMMON, 'unit', 'year');
    const m = s.estimate({ type: 'did', y: 'y', x: [], treat: 'treat', post: 'post', fe: [], cluster: 'unit' }).result
      .models[0];
    if (m.type !== 'did' || m.estimator === 'cs') throw new Error(m.type);
    expect(rel(m.att.estimate, did.did2x2.att.estimate)).toBeLessThan(1e-9);
    expect(rel(m.att.se, did.did2x2.att.se)).toBeLessThan(1e-9);
  });

  it('an SDM with queen weights from the boundaries the app loads: the CLI’s numbers, R’s ρ and impacts', async () => {
    const s = await session(PANEL, 'Province', 'Year');
    s.setGeojson(GEO);
    const m = s.estimate(SDM).result.models[0];
    if (m.type !== 'sdm') throw new Error(m.type);
    expect(same(m.rho)).toEqual(cli.sdm.rho);
    expect(same(m.coefficients)).toEqual(cli.sdm.coefficients);
    expect(same(m.impacts)).toEqual(cli.sdm.impacts);
    expect(same(m.tests)).toEqual(cli.sdm.tests);
    expect(m.interpretation).toEqual(cli.sdm.interpretation);
    expect(rel(m.rho!.estimate, sdm.both.hand.rho)).toBeLessThan(1e-8);
    expect(rel(m.impacts!.total[sdm.x[1]].estimate, sdm.both.hand.total[1])).toBeLessThan(1e-7);
  });

  it('an SAR on the uploaded edge list ("weights": "file"), and an error asking for the file before it is uploaded', async () => {
    const s = await session(PANEL, 'Province', 'Year');
    const req: EstimateRequest = { type: 'sar', y: sdm.y, x: sdm.x, fe: ['unit', 'time'], weights: 'file' };
    try {
      s.estimate(req);
      expect.unreachable();
    } catch (e) {
      expect((e as XinzhiError).problems[0]).toMatchObject({ code: 'no-weights-file', column: 'weights' });
      expect((e as XinzhiError).problems[0].message.zh).toMatch(/空间权重/);
    }
    await s.setWeightsFile(new Uint8Array(read(EDGES)), 'queen31_edges.csv');
    const m = s.estimate(req).result.models[0];
    if (m.type !== 'sar') throw new Error(m.type);
    expect(m.model.spatial?.weights).toBe('file:queen31_edges.csv');
    expect(rel(m.logLik, sdm.both.spatialreg.sar_logLik)).toBeLessThan(1e-12);
  });

  it('names the boundaries as missing when queen weights are asked before they are loaded', async () => {
    const s = await session(PANEL, 'Province', 'Year');
    try {
      s.estimate({ ...SDM, draws: 0 });
      expect.unreachable();
    } catch (e) {
      expect((e as XinzhiError).problems[0]).toMatchObject({ code: 'no-geo', column: 'weights' });
    }
  });
});
