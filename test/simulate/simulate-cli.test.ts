/**
 * The `simulate` command: two runs as a user runs it (a child process of the
 * real entry point), the rest through the command's own functions in-process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  formatBands,
  formatCalibration,
  formatLoops,
  formatSummary,
  runSimulate,
} from '../../src/adapters/cli/simulate.ts';
import { XinzhiError } from '../../src/core/errors.ts';
import { dominancePhases } from '../../src/core/simulate/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function spawn(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/run-ts.js', 'src/adapters/cli/main.ts', 'simulate', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', LC_ALL: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function failure(opts: Parameters<typeof runSimulate>[0]): Promise<XinzhiError> {
  try {
    await runSimulate(opts);
  } catch (e) {
    if (e instanceof XinzhiError) return e;
    throw e;
  }
  throw new Error('expected a XinzhiError');
}

describe('xinzhi simulate', () => {
  it('--json prints one document {time, series} with names as in the model', () => {
    const r = spawn([
      '--model',
      'seed000',
      '--scenario',
      'baseline,no-loop',
      '--threshold',
      'nqpf_level=0.5',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.time[0]).toBe(0);
    expect(doc.time.at(-1)).toBe(20);
    expect(doc.series.nqpf_level).toHaveLength(doc.time.length);
    expect(doc.specs).toMatchObject({ method: 'euler', dt: 0.0625, saveper: 0.5 });
    expect(doc.scenarios.map((s: { id: string }) => s.id)).toEqual(['baseline', 'no-loop']);
    expect(doc.scenarios[1].summary.nqpf_level.timeToThreshold).toBeNull();
    expect(doc.series).toEqual(doc.scenarios[0].series);
  });

  it('errors go to stderr in both languages with a non-zero exit and nothing on stdout', () => {
    const r = spawn(['--model', 'seed000', '--scenario', 'nope', '--json']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/baseline/);
    expect(r.stderr).toMatch(/无效/);
  });

  it('prints a bilingual summary (Chinese labels from the model)', async () => {
    const one = await runSimulate({ model: 'seed000' });
    expect(one.fromScenarios).toBe(false);
    expect(formatSummary(one.model, one.runs, false, 'zh')).toContain('企业新质生产力水平');
    const all = await runSimulate({ model: 'seed000', scenario: 'all' });
    expect(all.runs).toHaveLength(7);
    const en = formatSummary(all.model, all.runs, true, 'en');
    expect(en).toContain('Firm NQPF level');
    expect(en).toContain('No loop: the three paths apart');
  });

  it('--loops adds loop dominance with phases and a bilingual table', async () => {
    const r = await runSimulate({ model: 'seed000', loops: true });
    expect(r.loops!.method).toBe('loops-that-matter');
    const phases = dominancePhases(r.loops!);
    expect(phases[0].from).toBe(0.0625);
    expect(phases.at(-1)!.to).toBe(20);
    expect(formatLoops(r.loops!, 'zh')).toContain('主导环路');
  });

  it('--sweep runs one scenario per value; --monte-carlo gives seeded bands', async () => {
    const sw = await runSimulate({ model: 'seed000', sweep: 'obsolescence_rate=0.02,0.1' });
    expect(sw.runs.map((r) => r.id)).toEqual(['obsolescence_rate=0.02', 'obsolescence_rate=0.1']);
    expect(sw.runs[0].summary.nqpf_level.final).toBeGreaterThan(sw.runs[1].summary.nqpf_level.final);
    const mc = await runSimulate({
      model: 'seed000',
      monteCarlo: '20',
      vary: ['obsolescence_rate=0.02:0.1'],
      seed: '3',
    });
    expect(mc.monteCarlo!.runs).toBe(20);
    expect(formatBands(mc.model, mc.monteCarlo!, 'en')).toContain('P95');
    expect(
      (await failure({ model: 'seed000', monteCarlo: '5', vary: ['obsolescence_rate=0.1'] })).problems[0].code,
    ).toBe('bad-option');
  });

  it('--calibrate fits --fit parameters to a CSV of observations, with a fit report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinzhi-cal-'));
    const truth = await runSimulate({ model: 'seed000', set: ['obsolescence_rate=0.07'] });
    const r = truth.runs[0].result;
    const rows = r.time.map((t, i) => (Number.isInteger(t) ? `${t},${r.series.nqpf_level[i]}` : null)).filter(Boolean);
    const file = join(dir, 'observed.csv');
    writeFileSync(file, ['time,nqpf_level', ...rows, '21,'].join('\n'));
    const fit = await runSimulate({ model: 'seed000', calibrate: file, fit: ['obsolescence_rate=0.01:0.2'] });
    expect(fit.calibration!.parameters[0].estimate).toBeCloseTo(0.07, 6);
    expect(fit.calibration!.missing).toBe(1);
    expect(formatCalibration(fit.calibration!, 'zh')).toContain('估计值');
    writeFileSync(file, 'time,nqpf_level\n1,abc\n');
    const e = await failure({ model: 'seed000', calibrate: file, fit: ['obsolescence_rate=0.01:0.2'] });
    expect(e.problems[0]).toMatchObject({ code: 'non-numeric', row: 2, column: 'nqpf_level' });
  });

  it('runs a model file with --set, --method and --dt', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinzhi-sim-'));
    const file = join(dir, 'decay.xmile');
    writeFileSync(
      file,
      `<?xml version="1.0"?><xmile version="1.0"><sim_specs><start>0</start><stop>2</stop><dt>1</dt></sim_specs>
<model><variables><stock name="S"><eqn>100</eqn><outflow>out</outflow></stock><flow name="out"><eqn>k * S</eqn></flow>
<aux name="k"><eqn>0.5</eqn></aux></variables></model></xmile>`,
    );
    const r = await runSimulate({ model: file, set: ['k=0.1'] });
    expect(r.runs[0].result.series.S).toEqual([100, 90, 81]);
    const e = await runSimulate({ model: file, method: 'rk4', dt: '0.5' });
    expect(e.runs[0].result.time).toEqual([0, 0.5, 1, 1.5, 2]);
  });

  it('--init-index starts stocks at node scores of a results.json, read piece by piece or, with a byte order mark, whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinzhi-sim-index-'));
    const scores = [
      { node: 'index', unit: '北京', time: 2022, score: 0.6, rank: 1 },
      { node: 'laborer', unit: '北京', time: 2022, score: 0.45, rank: 1 },
      { node: 'index', unit: '上海', time: 2022, score: 0.5, rank: 2 },
    ];
    const spec = { score: { scale: 1 }, normalize: { method: 'minmax', shift: 0.0001 } };
    const doc = JSON.stringify({ nodeScores: scores, record: { spec } }, null, 2);
    const model = join(ROOT, 'data/simulate/seed000.xmile');
    const opts = {
      model,
      initUnit: '北京',
      initTime: '2022',
      initMap: ['quality_efficiency_capability=index', 'cooperation_capability=laborer'],
    };
    for (const [name, text] of [
      ['results.json', doc],
      ['bom.json', `\uFEFF${doc}`],
    ]) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const r = await runSimulate({ ...opts, initIndex: file });
      expect(r.initial).toEqual([
        { stock: 'quality_efficiency_capability', node: 'index', score: 0.6, value: 0.6 },
        { stock: 'cooperation_capability', node: 'laborer', score: 0.45, value: 0.45 },
      ]);
    }
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"nodeScores": [1,]}');
    const e = await failure({ ...opts, initIndex: bad });
    expect(e.problems[0]).toMatchObject({ code: 'spec-syntax', file: 'bad.json' });
    // a record without the normalisation is named, not a crash
    const partial = join(dir, 'partial.json');
    writeFileSync(partial, JSON.stringify({ nodeScores: scores, record: { spec: { score: { scale: 1 } } } }));
    expect((await failure({ ...opts, initIndex: partial })).problems[0]).toMatchObject({ code: 'bad-file' });
  });

  it('names the problem: unknown variable, missing file, unknown format, bad option', async () => {
    expect((await failure({ model: 'seed000', set: ['no_such_var=1'] })).message).toMatch(/no_such_var/);
    expect((await failure({ model: 'missing.xmile' })).problems[0].code).toBe('file-not-found');
    expect((await failure({ model: join(ROOT, 'package.json') })).problems[0].code).toBe('sd-format');
    expect((await failure({ model: 'seed000', method: 'rk5' })).problems[0].code).toBe('bad-option');
    expect((await failure({ model: 'seed000', threshold: ['x'] })).problems[0].code).toBe('bad-option');
  });
});
