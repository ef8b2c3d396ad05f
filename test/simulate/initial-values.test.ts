/**
 * Initial stock values from a self-assessment or an index (core/simulate/initial-values.ts)
 * and the simulate CLI options that use them. The scores themselves are checked in
 * the assessment and measurement tests; here: the mapping, the scale, the errors,
 * and that the run starts at the values.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BUILTIN_INSTRUMENT } from '../../src/core/assess/instrument.ts';
import { checkAssessmentInput } from '../../src/core/assess/input.ts';
import { scoreAssessment } from '../../src/core/assess/score.ts';
import { assessmentStructure } from '../../src/core/assess/structure.ts';
import { XinzhiError } from '../../src/core/errors.ts';
import { loadFramework } from '../../src/core/framework/model.ts';
import {
  initialFromAssessment,
  initialFromIndex,
  SEED000_PATH_STOCKS,
} from '../../src/core/simulate/initial-values.ts';
import { defaultResult } from '../default-result.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXAMPLE = join(ROOT, 'data', 'assess', 'firm-example.json');
const run = promisify(execFile);

function scoresOf(answers: Record<string, unknown>) {
  const input = checkAssessmentInput({ answers }, 'test');
  return scoreAssessment(BUILTIN_INSTRUMENT, input.answers, assessmentStructure(loadFramework()));
}

describe('initial values from a self-assessment', () => {
  it('each seed-000 path stock starts at its path score / 100', () => {
    const ex = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    const scores = scoresOf(ex.answers);
    const init = initialFromAssessment(scores);
    for (const [node, stock] of Object.entries(SEED000_PATH_STOCKS)) {
      expect(Number(init.set[stock])).toBe(scores.nodes[node].score! / 100);
    }
    expect(init.sources.map((s) => s.node)).toEqual(Object.keys(SEED000_PATH_STOCKS));
  });

  it('an incomplete path is an error naming it and the --set fix, never a filled value', () => {
    const ex = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    const answers = Object.fromEntries(Object.entries(ex.answers).filter(([id]) => !id.startsWith('s000.qe.')));
    let err: unknown;
    try {
      initialFromAssessment(scoresOf(answers));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(XinzhiError);
    const p = (err as XinzhiError).problems[0];
    expect(p.column).toBe('s000.path.quality-efficiency');
    expect(p.fix!.en).toMatch(/--set quality_efficiency_capability=/);
  });
});

describe('initial values from an index', () => {
  it('node score / score.scale for one unit and time; unknown unit and out-of-range values are errors', async () => {
    const r = await defaultResult();
    const row = r.nodeScores.find((x) => x.node === 'means' && x.unit === 'Beijing' && String(x.time) === '2022')!;
    const init = initialFromIndex(r, { unit: 'Beijing', time: 2022, map: { cooperation_capability: 'means' } });
    expect(Number(init.set.cooperation_capability)).toBe(row.score);
    expect(() => initialFromIndex(r, { unit: 'Atlantis', time: 2022, map: { x: 'means' } })).toThrow(/Atlantis/);
    const scaled = {
      ...r,
      record: { ...r.record, spec: { ...r.record.spec, score: { ...r.record.spec.score, scale: 0.5 } } },
    };
    expect(() => initialFromIndex(scaled, { unit: 'Beijing', time: 2022, map: { x: 'laborer' } })).toThrow(/outside/);
  });
});

describe('xinzhi simulate --init-assessment (CLI)', () => {
  it('the run starts at the assessment values; an explicit --set wins', async () => {
    const { stdout } = await run(
      process.execPath,
      [
        join(ROOT, 'bin', 'xinzhi.js'),
        'simulate',
        '--model',
        'seed000',
        '--init-assessment',
        EXAMPLE,
        '--set',
        'innovation_capability=0.3',
        '--json',
      ],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
    );
    const out = JSON.parse(stdout);
    const scores = scoresOf(JSON.parse(readFileSync(EXAMPLE, 'utf8')).answers);
    expect(out.series.quality_efficiency_capability[0]).toBe(scores.nodes['s000.path.quality-efficiency'].score! / 100);
    expect(out.series.innovation_capability[0]).toBe(0.3);
    expect(out.initial.map((s: { stock: string }) => s.stock)).toContain('cooperation_capability');
  }, 120_000);
});
