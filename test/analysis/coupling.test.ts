/**
 * Coupling coordination (both C forms, T, D, class, relative type) against
 * NumPy computed directly from the formulas
 * (test/reference/analysis/coupling_reference.py → fixtures/coupling.json).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  couplingCoordination,
  coordinationClass,
  couplingDegree,
  relativeType,
} from '../../src/core/analysis/coupling.ts';
import { couplingByTime } from '../../src/core/analysis/runner.ts';
import type { XinzhiError } from '../../src/core/errors.ts';

interface Form {
  C: number;
  T: number;
  D: number;
  level: number;
  label: string;
}
interface Row {
  u: number[];
  standard: Form;
  corrected: Form;
  relative?: string;
}
const fixture = JSON.parse(
  readFileSync(new URL('../reference/analysis/fixtures/coupling.json', import.meta.url), 'utf8'),
) as {
  cases: Array<{ name: string; alpha: number[] | null; rows: Row[] }>;
  classes: Array<{ D: number; level: number; label: string }>;
  intervalized: {
    interval: [number, number];
    rows: Array<{ x: number[]; u: number[]; C: number; T: number; D: number }>;
  };
};

function close(actual: number, expected: number, what: string): void {
  const tol = 1e-9 * Math.max(Math.abs(expected), 1e-6);
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${what}: ${actual} vs reference ${expected}`);
}

describe('coupling coordination vs NumPy reference', () => {
  it('intervalize [0.01, 0.99] (SPSSAU) on raw values', () => {
    const iv = fixture.intervalized;
    const r = couplingCoordination(
      {
        systems: ['A', 'B'],
        unit: iv.rows.map((_, i) => `u${i}`),
        levels: [0, 1].map((j) => iv.rows.map((row) => row.x[j])),
      },
      { intervalize: iv.interval },
    );
    expect(r.intervalize).toEqual(iv.interval);
    r.rows.forEach((row, k) => {
      close(row.levels[0], iv.rows[k].u[0], `row ${k} U1`);
      close(row.C, iv.rows[k].C, `row ${k} C`);
      close(row.T, iv.rows[k].T, `row ${k} T`);
      close(row.D, iv.rows[k].D, `row ${k} D`);
    });
    expect(() =>
      couplingCoordination({ systems: ['A', 'B'], unit: ['a'], levels: [[1], [2]] }, { intervalize: [0.5, 0.2] }),
    ).toThrow(/0 ≤ a < b/);
  });

  for (const c of fixture.cases) {
    for (const form of ['standard', 'corrected'] as const) {
      it(`${c.name}, ${form}`, () => {
        const n = c.rows[0].u.length;
        const systems = Array.from({ length: n }, (_, i) => `U${i + 1}`);
        const r = couplingCoordination(
          {
            systems,
            unit: c.rows.map((_, i) => `u${i}`),
            levels: systems.map((_, i) => c.rows.map((row) => row.u[i])),
          },
          { form, alpha: c.alpha ?? undefined },
        );
        r.rows.forEach((row, k) => {
          const e = c.rows[k][form];
          close(row.C, e.C, `row ${k} C`);
          close(row.T, e.T, `row ${k} T`);
          close(row.D, e.D, `row ${k} D`);
          expect(row.class.level).toBe(e.level);
          expect(row.class.label.zh).toBe(e.label);
          if (n === 2) expect(row.relative!.type).toBe(c.rows[k].relative);
        });
      });
    }
  }
  it('class boundaries', () => {
    for (const k of fixture.classes) {
      const c = coordinationClass(k.D);
      expect([k.D, c.level, c.label.zh]).toEqual([k.D, k.level, k.label]);
    }
  });
});

describe('coupling: definitions and errors', () => {
  it('n = 2 standard equals 2√(U1U2)/(U1+U2); corrected equals √((1−|ΔU|)·min/max)', () => {
    expect(couplingDegree([0.3, 0.6])).toBeCloseTo((2 * Math.sqrt(0.18)) / 0.9, 14);
    expect(couplingDegree([0.3, 0.6], 'corrected')).toBeCloseTo(Math.sqrt(0.7 * 0.5), 14);
  });
  it('ratio rule', () => {
    expect(relativeType(0.5, 0.52, 'ratio')).toBe('synchronous');
    expect(relativeType(0.3, 0.5, 'ratio')).toBe('system1-lagging');
    expect(relativeType(0.3, 0, 'ratio')).toBe('system2-lagging');
  });
  it('summarises by time in time order, whatever the order of the rows (an unbalanced panel)', () => {
    // unit A starts in 2021, unit B in 2020: rows A 2021, A 2022, B 2020, B 2021, B 2022
    const r = couplingCoordination({
      systems: ['a', 'b'],
      unit: ['A', 'A', 'B', 'B', 'B'],
      time: [2021, 2022, 2020, 2021, 2022],
      levels: [
        [0.2, 0.4, 0.5, 0.6, 0.8],
        [0.3, 0.4, 0.5, 0.2, 0.6],
      ],
    });
    const by = couplingByTime(r);
    expect(by.map((b) => [b.time, b.n])).toEqual([
      [2020, 1],
      [2021, 2],
      [2022, 2],
    ]);
    expect(by[1].meanD).toBe((r.rows[0].D + r.rows[3].D) / 2);
    const untimed = couplingByTime(
      couplingCoordination({
        systems: ['a', 'b'],
        unit: ['A', 'B'],
        levels: [
          [0.2, 0.4],
          [0.3, 0.5],
        ],
      }),
    );
    expect(untimed.map((b) => [b.time, b.n])).toEqual([[null, 2]]);
  });
  it('levels outside [0, 1] are errors naming unit, time and column', () => {
    try {
      couplingCoordination({ systems: ['a', 'b'], unit: ['Beijing'], time: [2020], levels: [[1.2], [0.5]] });
      expect.unreachable();
    } catch (e) {
      expect((e as XinzhiError).problems[0]).toMatchObject({
        code: 'out-of-range',
        unit: 'Beijing',
        time: 2020,
        column: 'a',
      });
    }
  });
});

describe('xinzhi analyze coupling (CLI) and report section', async () => {
  const { xinzhi } = await import('./gini-cli-helpers.ts');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const c = fixture.cases.find((x) => x.rows[0].u.length === 3)!;
  const file = join(mkdtempSync(join(tmpdir(), 'xinzhi-coupling-')), 'levels.csv');
  writeFileSync(
    file,
    'unit,year,A,B,C\n' + c.rows.map((r, i) => `u${i},${2020 + (i % 2)},${r.u.join(',')}`).join('\n') + '\n',
  );
  it('corrected form over 3 systems matches the reference', () => {
    const r = xinzhi([
      'analyze',
      'coupling',
      '--data',
      file,
      '--unit',
      'unit',
      '--time',
      'year',
      '--systems',
      'A,B,C',
      '--form',
      'corrected',
      '--json',
    ]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      rows: Array<{ unit: string; C: number; D: number; class: { level: number } }>;
    };
    doc.rows.forEach((row) => {
      const k = Number(row.unit.slice(1));
      close(row.C, c.rows[k].corrected.C, `${row.unit} C`);
      close(row.D, c.rows[k].corrected.D, `${row.unit} D`);
      expect(row.class.level).toBe(c.rows[k].corrected.level);
    });
  });
  it('renders the section', async () => {
    const { couplingSection } = await import('../../src/adapters/report/sections/coupling.ts');
    const res = couplingCoordination({
      systems: ['A', 'B', 'C'],
      unit: c.rows.map((_, i) => `u${i}`),
      time: c.rows.map((_, i) => 2020 + (i % 2)),
      levels: [0, 1, 2].map((j) => c.rows.map((r) => r.u[j])),
    });
    const s = couplingSection(res, { lang: 'en' });
    expect(s.html).toContain('<svg');
    expect(s.html).toContain('three-line');
  });
});
