/**
 * Vensim subscripts beyond plain ranges: mappings (`->`), equivalences (`<->`),
 * `:EXCEPT:` and subscripted lookups, on small models whose values follow by
 * hand (constant rates: Euler is exact for a linear stock).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileModel, readVensim, simulate } from '../../src/core/simulate/index.ts';
import { problem, run } from './small-vensim.ts';

describe('subscript mappings (->)', () => {
  it('an equation over the target range reads the mapped element in the same position', () => {
    const r = run(`
Skill: machinists, assemblers -> Product ~~|
Product: parts, systems ~~|
Force[Skill] = 5, 10 ~~|
Flow[Product] = Force[Skill] * 2 ~~|`);
    expect(r.series['Flow[parts]'][0]).toBe(10);
    expect(r.series['Flow[systems]'][0]).toBe(20);
  });

  it('a mapping with the order given: (Target: t3, t2, t1)', () => {
    const r = run(`
Src: s1, s2, s3 -> (Tgt: t3, t2, t1) ~~|
Tgt: t1, t2, t3 ~~|
In[Src] = 1, 2, 3 ~~|
Out[Tgt] = In[Src] ~~|`);
    expect([r.series['Out[t1]'][0], r.series['Out[t2]'][0], r.series['Out[t3]'][0]]).toEqual([3, 2, 1]);
  });

  it('ages cohorts: each cohort gains what the one before it loses (the mapping wins over the shared elements)', () => {
    const r = run(`
Age: a0, a1, a2 ~~|
Older: a1, a2 ~~|
Prev: a0, a1 -> Older ~~|
aging[Age] = 1, 2, 3 ~~|
Pop[a0] = INTEG(10 - aging[a0], 100) ~~|
Pop[Older] = INTEG(aging[Prev] - aging[Older], 100) ~~|`);
    // net rates 9, 1 − 2 = −1, 2 − 3 = −1 per month; after 4 months 136, 96, 96
    expect(r.series['Pop[a0]'].at(-1)).toBeCloseTo(136, 12);
    expect(r.series['Pop[a1]'].at(-1)).toBeCloseTo(96, 12);
    expect(r.series['Pop[a2]'].at(-1)).toBeCloseTo(96, 12);
  });

  it('refuses a mapping between ranges of different sizes or to an undeclared range, naming the line', () => {
    const a = problem(`a = 1 ~~|\nDim: d1, d2 -> Other ~~|\nOther: o1, o2, o3 ~~|`);
    expect(a.code).toBe('sd-unsupported');
    expect(a.message.en).toMatch(/mapping from "Dim" \(2 elements\) to "Other" \(3\)/);
    expect(a.row).toBe(2);
    expect(problem(`Dim: d1, d2 -> Nowhere ~~|`).message.en).toMatch(/mapping to "Nowhere"/);
  });
});

describe('subscript equivalences (<->)', () => {
  it('another name for the same elements, declared before or after the range', () => {
    const r = run(`
DimB <-> DimA ~~|
DimA: a1, a2 ~~|
V[DimB] = 1, 2 ~~|
Level[DimB] = INTEG(V[DimB], 0) ~~|
W[DimA] = Level[DimA] * 10 ~~|`);
    // Level grows by 1 and 2 a month: 4 and 8 after 4 months
    expect(r.series['Level[a1]'].at(-1)).toBeCloseTo(4, 12);
    expect(r.series['W[a2]'].at(-1)).toBeCloseTo(80, 12);
  });

  it('refuses an equivalence of an undeclared range', () => {
    expect(problem(`DimB <-> Missing ~~|\nx = 1 ~~|`).message.en).toMatch(/equivalence "DimB <-> Missing"/);
  });
});

describe(':EXCEPT:', () => {
  it('one equation for all elements but the listed ones, which have their own', () => {
    const r = run(`
s: (s1-s3) ~~|
p: (p1-p2) ~~|
inv[s, p] :EXCEPT: [s2, p2] = INTEG(1, 0) ~~|
inv[s2, p2] = INTEG(-1, 10) ~~|`);
    expect(Object.keys(r.series).filter((k) => k.startsWith('inv[')).length).toBe(6);
    expect(r.series['inv[s1,p1]'].at(-1)).toBeCloseTo(4, 12);
    expect(r.series['inv[s2,p2]'].at(-1)).toBeCloseTo(6, 12);
  });

  it('a listed range leaves out each of its elements; several entries', () => {
    const r = run(`
s: (s1-s3) ~~|
p: (p1-p2) ~~|
x[s, p] :EXCEPT: [s2, p], [s3, p1] = 1 ~~|
x[s2, p] = 2 ~~|
x[s3, p1] = 3 ~~|`);
    expect(['x[s1,p1]', 'x[s1,p2]', 'x[s2,p1]', 'x[s2,p2]', 'x[s3,p1]', 'x[s3,p2]'].map((k) => r.series[k][0])).toEqual(
      [1, 1, 2, 2, 3, 1],
    );
  });

  it('refuses an :EXCEPT: entry of the wrong length', () => {
    const a = problem(`s: (s1-s3) ~~|\np: (p1-p2) ~~|\nx[s, p] :EXCEPT: [s2] = 1 ~~|`);
    expect(a.message.en).toMatch(/:EXCEPT: entry with 1 subscripts for a variable with 2/);
    expect(a.row).toBe(3);
  });

  it('an element left out and never defined is an undefined name where it is used', () => {
    const a = problem(`s: (s1-s2) ~~|\nx[s] :EXCEPT: [s2] = 1 ~~|\ny = x[s2] ~~|`);
    expect(a.code).toBe('sd-unknown-name');
  });
});

describe('subscripted lookups', () => {
  it('a table per element, called with an element-wise argument', () => {
    const r = run(`
Dim: a, b ~~|
tab[a]( (0,0), (10,10) ) ~~|
tab[b]( [(0,0)-(10,20)], (0,0), (10,20) ) ~~|
x[a] = Time ~~|
x[b] = 2 * Time ~~|
y[Dim] = tab[Dim](Time) ~~|
z[Dim] = tab[Dim](x[Dim]) ~~|`);
    // at t = 4: tab[a](4) = 4, tab[b](4) = 8; tab[a](x[a] = 4) = 4, tab[b](x[b] = 8) = 16
    expect(r.series['y[a]'][4]).toBeCloseTo(4, 12);
    expect(r.series['y[b]'][4]).toBeCloseTo(8, 12);
    expect(r.series['z[b]'][4]).toBeCloseTo(16, 12);
  });

  it('one table for every element of a range; points out of order are read by x (as Vensim)', () => {
    const r = run(`
Dim: a, b ~~|
tab[Dim]( (2,-3), (1,-7), (0,-1) ) ~~|
y[Dim] = tab[Dim](Time / 2) ~~|`);
    // sorted: (0,−1), (1,−7), (2,−3): at x = 0.5 −4, at x = 1.5 −5
    expect(r.series['y[a]'][1]).toBeCloseTo(-4, 12);
    expect(r.series['y[b]'][3]).toBeCloseTo(-5, 12);
  });

  it('refuses a subscripted lookup called with two arguments', () => {
    const a = problem(`Dim: a, b ~~|\ntab[Dim]( (0,0), (1,1) ) ~~|\ny[Dim] = tab[Dim](Time, 2) ~~|`);
    expect(a.code).toBe('sd-parse');
    expect(a.message.en).toMatch(/one argument/);
    expect(a.row).toBe(3);
  });
});

describe('ELMCOUNT and a range as a value', () => {
  it('counts the elements of a range; a subrange declared first still numbers as its parent', () => {
    const r = run(`
Sub: b1, b2 ~~|
All: a1, Sub, a2 ~~|
n = ELMCOUNT(All) ~~|
m = ELMCOUNT(Sub) ~~|
v[Sub] = Sub ~~|`);
    expect([r.series.n[0], r.series.m[0], r.series['v[b1]'][0], r.series['v[b2]'][0]]).toEqual([4, 2, 2, 3]);
  });

  it('refuses ELMCOUNT of a variable', () => {
    const a = problem(`Dim: a, b ~~|\nx = 1 ~~|\nn = ELMCOUNT(x) ~~|`);
    expect(a.message.en).toMatch(/ELMCOUNT of something other than one subscript range/);
    expect(a.row).toBe(3);
  });
});

describe('TABBED ARRAY', () => {
  it('reads numbers separated by tabs, blanks and lines, rows then columns', () => {
    const r = run(`
Row: r1, r2 ~~|
Col: c1, c2, c3 ~~|
t[Row, Col] = TABBED ARRAY(
\t1\t2\t3
\t4\t5\t6) ~~|`);
    expect(['t[r1,c1]', 't[r1,c3]', 't[r2,c1]', 't[r2,c3]'].map((k) => r.series[k][0])).toEqual([1, 3, 4, 6]);
  });

  it('refuses a cell that is not a number, and a count that does not fit the ranges', () => {
    const a = problem(`Row: r1, r2 ~~|\nt[Row] = TABBED ARRAY(1 x) ~~|`);
    expect(a.code).toBe('sd-parse');
    expect(a.message.en).toMatch(/holds "x", not a number/);
    expect(problem(`Row: r1, r2 ~~|\nt[Row] = TABBED ARRAY(1 2 3) ~~|`).code).toBe('sd-array-size');
  });
});

describe('mappings with stocks, against NumPy', () => {
  // fixtures/subscript-mapping.json: test/reference/simulate/subscript_mapping.py (float64 Euler)
  type Run = { time: number[]; L1: number[][][]; L2: number[][][] };
  const ref = JSON.parse(
    readFileSync(new URL('../reference/simulate/fixtures/subscript-mapping.json', import.meta.url), 'utf8'),
  ) as Run & { positional: Run };

  const model = (toC: string, toB: string) => `
A: a1, a2, a3 ~~|
B: b1, b2, b3 -> ${toC} ~~|
C: c1, c2, c3 -> ${toB} ~~|
M[A, B] = 0.01, 0.2, 0.5; 0.31, 0.21, 0.12; 0.03, 0.7, 0.9; ~~|
N[A, C] = 0.07, 0.1, 0.16; 0.6, 0.19, 0.4; 0.54, 0.23, 0.12; ~~|
L1[A, B] = INTEG(M[A, B] * L1[A, B] - link[A, B], 122) ~~|
L2[A, C] = INTEG(link[A, B] - L2[A, C] * N[A, C], 2.22) ~~|
link[A, B] = L2[A, C] ~~|
INITIAL TIME = 1 ~~|
FINAL TIME = 10 ~~|
TIME STEP = 1 ~~|
SAVEPER = 1 ~~|
`;

  function expectRun(mdl: string, want: Run) {
    const r = simulate(compileModel(readVensim(mdl)));
    expect(r.time).toEqual(want.time);
    const close = (got: number, exp: number) =>
      expect(Math.abs(got - exp)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(exp)));
    for (let k = 0; k < want.time.length; k++)
      for (let i = 0; i < 3; i++)
        for (let j = 0; j < 3; j++) {
          close(r.series[`L1[a${i + 1},b${j + 1}]`][k], want.L1[k][i][j]);
          close(r.series[`L2[a${i + 1},c${j + 1}]`][k], want.L2[k][i][j]);
        }
  }

  it('reversed mappings in both directions give the NumPy run to 1e-12', () => {
    expectRun(model('(C: c3, c2, c1)', '(B: b3, b2, b1)'), ref);
  });

  it('mappings in order (the SDXorg subscript_mapping_simple model) give the NumPy run to 1e-12', () => {
    expectRun(model('C', 'B'), ref.positional);
  });
});
