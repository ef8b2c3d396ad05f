/**
 * The example specs of the tutorial (docs/tutorial.md): every YAML in
 * data/specs/examples/ and data/examples/ is loaded with loadSpecFile, its data
 * is read the way `xinzhi evaluate` reads it (wide, or long when the spec
 * has `long: {indicator, value}`) and `evaluate` must
 * succeed with weights summing to 1 and a rank for every score — so the
 * examples cannot go stale. No number of our own code is asserted.
 *
 * Which data each spec uses is written in its first line, `# data: PATH`
 * (relative to the repository root).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/measure/evaluate.ts';
import { parseSpec } from '../../src/core/measure/spec-schema.ts';
import { loadSpecFile } from '../../src/adapters/io/load-spec.ts';
import { readSpecPanel } from '../../src/adapters/cli/evaluate.ts';
import type { Panel } from '../../src/core/panel/types.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIRS = ['data/specs/examples', 'data/examples'];
const specs = DIRS.flatMap((d) =>
  readdirSync(join(ROOT, d))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => `${d}/${f}`),
);

/** The `# data: PATH` line of a spec file. */
function dataOf(specPath: string): string {
  const m = /^#\s*data:\s*(\S+)/m.exec(readFileSync(join(ROOT, specPath), 'utf8'));
  if (!m) throw new Error(`${specPath}: no "# data: PATH" line`);
  return m[1];
}

async function panelFor(dataPath: string, specPath: string): Promise<Panel> {
  const raw = await loadSpecFile(join(ROOT, specPath));
  const { spec, problems } = parseSpec(raw, { file: specPath });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return (await readSpecPanel(join(ROOT, dataPath), spec!)).panel;
}

describe('example specs of the tutorial', () => {
  it('the expected examples exist, each naming a data file that exists', () => {
    for (const f of ['entropy-topsis', 'critic', 'ahp', 'combined-game-theory', 'by-time-entropy', 'geometric']) {
      expect(specs).toContain(`data/specs/examples/${f}.yaml`);
    }
    expect(specs).toContain('data/examples/long-gbk.yaml');
    for (const s of specs) expect(existsSync(join(ROOT, dataOf(s))), `${s} → ${dataOf(s)}`).toBe(true);
  });

  it.each(specs)('%s evaluates: weights sum to 1, every score ranked', async (specPath) => {
    const dataPath = dataOf(specPath);
    const raw = await loadSpecFile(join(ROOT, specPath));
    const panel = await panelFor(dataPath, specPath);
    const r = evaluate(panel, raw, { specFile: specPath });
    const spec = r.record.spec;

    // weights: one per indicator, finite, non-negative, summing to 1
    expect(Object.keys(r.weights).sort()).toEqual(spec.indicators.map((i) => i.id).sort());
    for (const w of Object.values(r.weights)) {
      expect(Number.isFinite(w)).toBe(true);
      expect(w).toBeGreaterThanOrEqual(0);
    }
    expect(Object.values(r.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);

    // scores: finite, ranked 1..n within each time, with a first place in every time
    expect(r.scores.length).toBeGreaterThan(0);
    const byTime = new Map<string, number[]>();
    for (const s of r.scores) {
      expect(Number.isFinite(s.score)).toBe(true);
      expect(Number.isInteger(s.rank)).toBe(true);
      const k = String(s.time);
      byTime.set(k, [...(byTime.get(k) ?? []), s.rank!]);
    }
    expect(byTime.size).toBe(r.times.length);
    for (const ranks of byTime.values()) {
      expect(Math.min(...ranks)).toBe(1);
      expect(Math.max(...ranks)).toBeLessThanOrEqual(ranks.length);
    }

    // what each spec asks for is in the result
    if (spec.score?.topsis) expect(r.topsis?.length).toBe(r.scores.length);
    if (spec.weights.panel === 'by-time') {
      for (const w of r.nodeWeights) expect(Object.keys(w.byTime ?? {}).length).toBe(r.times.length);
    }
    const usesAhp = spec.weights.method === 'ahp' || (spec.weights.combine?.methods ?? []).includes('ahp');
    if (usesAhp) {
      const ahp = (r.diagnostics.weights as Array<{ method: string; details: { CR: number } }>).filter(
        (d) => d.method === 'ahp',
      );
      expect(ahp.length).toBeGreaterThan(0);
      for (const d of ahp) expect(d.details.CR).toBeLessThan(0.1);
    }
    // every node and indicator is mapped to the framework, as in the default spec
    for (const n of spec.nodes ?? []) expect(n.framework, n.id).toBeTruthy();
    for (const i of spec.indicators) expect(i.framework, i.id).toBeTruthy();
  });

  it("xinzhi evaluate reads the long GBK example through the spec's `long` field", async () => {
    const out = mkdtempSync(join(tmpdir(), 'xinzhi-long-'));
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          join(ROOT, 'bin', 'xinzhi.js'),
          'evaluate',
          '--data',
          'data/examples/long-gbk.csv',
          '--spec',
          'data/examples/long-gbk.yaml',
          '--lang',
          'zh',
          '--out',
          out,
        ],
        { cwd: ROOT },
      );
      expect(stdout).toContain('排名 Rank');
      expect(readdirSync(out)).toContain('results.json');
      const res = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
      expect(res.record.warnings.some((w: { code: string }) => w.code === 'encoding-gb18030')).toBe(true);
      expect(res.units).toHaveLength(5);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
