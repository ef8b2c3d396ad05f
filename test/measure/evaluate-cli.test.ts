/**
 * The `xinzhi evaluate` CLI contract (DESIGN.md): `--json` prints one JSON
 * document and nothing else on stdout, with `weights` {id: number} and
 * `scores` [{unit, time, score}]; errors go to stderr with a non-zero exit.
 */
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xinzhi } from '../cli-run.ts';

describe('xinzhi evaluate (CLI)', () => {
  it('--json on the embedded default prints only the EvaluationResult', async () => {
    const { stdout, code } = await xinzhi(['evaluate', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout); // throws if anything but one JSON document is on stdout
    expect(typeof r.weights).toBe('object');
    for (const v of Object.values(r.weights)) expect(typeof v).toBe('number');
    expect(Object.keys(r.weights)).toContain('M1');
    expect(Array.isArray(r.scores)).toBe(true);
    expect(r.scores.length).toBe(300); // 30 provinces (Tibet is not in the intensity panel) × 10 years
    for (const s of r.scores) {
      expect(typeof s.unit).toBe('string');
      expect(['string', 'number']).toContain(typeof s.time);
      expect(typeof s.score).toBe('number');
    }
    expect(r.record.spec.normalize.shift).toBe(0.0001);
    expect(r.record.software.name).toBe('xinzhi');
    // the engine whose Math functions computed the run
    expect(r.record.software.engine).toBe(`Node ${process.versions.node}, V8 ${process.versions.v8}`);
    expect(Array.isArray(r.normalized.values.M1)).toBe(true);
    // the default ranks Beijing and Shanghai first and second in 2022, and says how robust that is
    const top2 = r.scores
      .filter((s: { time: number }) => s.time === 2022)
      .sort((a: { rank: number }, b: { rank: number }) => a.rank - b.rank)
      .slice(0, 2)
      .map((s: { unit: string }) => s.unit);
    expect(top2).toEqual(['Beijing', 'Shanghai']);
    expect(r.robustness.options).toEqual({ methods: ['entropy', 'critic', 'equal'], threshold: 3, times: 'latest' });
    expect(r.robustness.rows.length).toBe(30);
    expect(r.robustness.rows[0]).toMatchObject({
      unit: 'Beijing',
      time: 2022,
      nominalRank: 1,
      ranks: { entropy: 1, critic: 1, equal: 1 },
    });
    expect(r.robustness.sentences.length).toBeGreaterThan(0);
  });
  it('--data/--spec with a YAML spec; a bad spec gives a bilingual error on stderr and exit ≠ 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinzhi-eval-'));
    try {
      writeFileSync(join(dir, 'd.csv'), 'city,year,a,b\nX,2020,1,5\nY,2020,2,3\nZ,2020,4,1\n');
      writeFileSync(
        join(dir, 's.yaml'),
        'unit: city\ntime: year\nindicators:\n  - {id: a, column: a, direction: "+"}\n  - {id: b, column: b, direction: "-"}\n',
      );
      const ok = await xinzhi(['evaluate', '--data', join(dir, 'd.csv'), '--spec', join(dir, 's.yaml'), '--json']);
      expect(ok.code).toBe(0);
      const r = JSON.parse(ok.stdout);
      expect(r.scores.find((s: { unit: string }) => s.unit === 'Z').rank).toBe(1);
      writeFileSync(
        join(dir, 'bad.json'),
        JSON.stringify({ unit: 'city', time: 'year', indicators: [{ id: 'a', column: 'aa', direction: '+' }] }),
      );
      const bad = await xinzhi(['evaluate', '--data', join(dir, 'd.csv'), '--spec', join(dir, 'bad.json'), '--json']);
      expect(bad.code).not.toBe(0);
      expect(bad.stdout).toBe('');
      expect(bad.stderr).toContain('indicators[0].column');
      expect(bad.stderr).toContain('错误');
      // a spec that is wrong in itself is the error shown, whatever the data file: missing, or a large CSV
      // (two scan threads) that is then not read
      writeFileSync(join(dir, 'broken.json'), JSON.stringify({ unit: 'city', time: 'year' }));
      for (const data of ['none.csv', 'big.csv']) {
        if (data === 'big.csv') {
          const rows = Array.from({ length: 400_000 }, (_, i) => `C${i},2020,${i % 97},${i % 89}`);
          writeFileSync(join(dir, data), `city,year,a,b\n${rows.join('\n')}\n`);
        }
        const r = await xinzhi([
          'evaluate',
          '--data',
          join(dir, data),
          '--spec',
          join(dir, 'broken.json'),
          '--lang',
          'en',
        ]);
        expect(r.code).not.toBe(0);
        expect(r.stderr).toContain('indicators');
        expect(r.stderr).not.toContain(data);
      }
      const missing = await xinzhi(['evaluate', '--data', join(dir, 'none.csv'), '--spec', join(dir, 's.yaml')]);
      expect(missing.stderr).toContain('none.csv');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
