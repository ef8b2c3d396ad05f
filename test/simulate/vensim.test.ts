import { describe, expect, it } from 'vitest';
import type { XinzhiError } from '../../src/core/errors.ts';
import { compileModel, readVensim, simulate } from '../../src/core/simulate/index.ts';

const CONTROL = `
INITIAL TIME = 0 ~ Month ~ |
FINAL TIME = 4 ~ Month ~ |
TIME STEP = 0.5 ~ Month ~ |
SAVEPER = TIME STEP * 2 ~ Month ~ |
\\\\\\---/// Sketch information - do not modify anything except names
10,1,Stock,1,1
`;

describe('Vensim .mdl reader', () => {
  it('reads INTEG stocks, names with spaces and digits, lookups and the time controls', () => {
    const mdl = `{UTF-8}
Stock 1 = INTEG(Inflow 1 - Outflow, 10) ~ units ~ a stock |
Inflow 1 = Effect of level(Stock 1) ~ ~ |
Effect of level( [(0,0)-(20,2)], (0,0), (10,1), (20,2)) ~ ~ |
Outflow = IF THEN ELSE(Time >= 2 :AND: Stock 1 > 0, 1, 0) ~ ~ |
${CONTROL}`;
    const m = readVensim(mdl, 'm.mdl');
    expect(m.specs).toMatchObject({ start: 0, stop: 4, dt: 0.5, saveper: 1, method: 'euler' });
    expect(m.variables.find((v) => v.name === 'Stock 1')?.line).toBe(2);
    const r = simulate(compileModel(m));
    expect(r.time).toEqual([0, 1, 2, 3, 4]);
    // Euler by hand: S' = S/10 until t = 2, then S/10 − 1
    const s = [10];
    for (let k = 0; k < 8; k++) {
      const t = k * 0.5;
      const x = s[k];
      s.push(x + 0.5 * (x / 10 - (t >= 2 ? 1 : 0)));
    }
    r.series['Stock 1'].forEach((v, i) => expect(v).toBeCloseTo(s[2 * i], 12));
  });

  it('MODULO, MOD, POWER, LOG, QUANTUM and ZIDZ as Vensim defines them', () => {
    const mdl = `
Md = MODULO(-7, 3) ~ ~ |
Mf = MOD(-7, 3) ~ ~ |
Pw = POWER(2, Time) ~ ~ |
Lg = LOG(1000, 10) ~ ~ |
Qu = QUANTUM(-7.5, 2) ~ ~ |
Qz = QUANTUM(7.5, 0) ~ ~ |
Zd = ZIDZ(3, Time - 1) ~ ~ |
${CONTROL}`;
    const r = simulate(compileModel(readVensim(mdl)));
    expect(r.series.Md[0]).toBe(-1); // the sign of the dividend
    expect(r.series.Mf[0]).toBe(2); // floored
    expect(r.series.Pw).toEqual([1, 2, 4, 8, 16]);
    expect(r.series.Lg[0]).toBe(Math.log(1000) / Math.log(10));
    expect(r.series.Qu[0]).toBe(-6); // q · INTEGER(x / q), toward zero
    expect(r.series.Qz[0]).toBe(7.5); // x when q ≤ 0
    expect(r.series.Zd).toEqual([-3, 0, 3, 1.5, 1]);
  });

  it('SMOOTH, DELAY FIXED and WITH LOOKUP', () => {
    const mdl = `
In = STEP(4, 1) ~ ~ |
Sm = SMOOTH(In, 2) ~ ~ |
Dl = DELAY FIXED(In, 1, 7) ~ ~ |
Wl = WITH LOOKUP(Time, ([(0,0)-(4,4)], (0,0), (4,8))) ~ ~ |
${CONTROL}`;
    const r = simulate(compileModel(readVensim(mdl)), { saveper: 0.5 });
    expect(r.series.Sm.slice(0, 5)).toEqual([0, 0, 0, 1, 1.75]);
    expect(r.series.Dl.slice(0, 6)).toEqual([7, 7, 0, 0, 4, 4]);
    expect(r.series.Wl[3]).toBe(3);
  });

  it('expands subscripts: ranges, subranges, constant lists, SUM over a range, a range as a value', () => {
    const mdl = `
Region: (r1-r3) ~~|
South: r2, r3 ~~|
Capacity[Region] = 1, 2, 4 ~~|
Stock[Region] = INTEG(Capacity[Region] * Rank[Region], 0) ~~|
Rank[Region] = Region ~~|
Total = SUM(Stock[Region!]) ~~|
Southern[South] = Stock[South] + 100 ~~|
${CONTROL}`;
    const r = simulate(compileModel(readVensim(mdl)));
    expect(Object.keys(r.series)).toEqual(expect.arrayContaining(['Stock[r1]', 'Stock[r3]', 'Southern[r2]', 'Total']));
    expect(r.series['Rank[r3]'][0]).toBe(3);
    // Stock[r] grows by Capacity·Rank per month: 1, 4, 12; after 4 months 4, 16, 48
    expect(r.series['Stock[r3]'].at(-1)).toBeCloseTo(48, 12);
    expect(r.series.Total.at(-1)).toBeCloseTo(68, 12);
    expect(r.series['Southern[r2]'].at(-1)).toBeCloseTo(116, 12);
  });

  it('refuses mappings to undeclared ranges, macros with several outputs and data functions, naming the feature and the line', () => {
    const err = (mdl: string) => {
      try {
        readVensim(mdl, 'bad.mdl');
      } catch (e) {
        return (e as XinzhiError).problems[0];
      }
      throw new Error('no error');
    };
    const a = err(`a = 1 ~~|\nDim: (d1-d3) -> Other ~ ~ |\n${CONTROL}`);
    expect(a.code).toBe('sd-unsupported');
    expect(a.message.en).toMatch(/mapping/);
    expect(a.row).toBe(2);
    expect(err(`:MACRO: f(x : y)\nf = x ~~|\n:END OF MACRO:\n${CONTROL}`).message.en).toMatch(
      /macros with more than one output/,
    );
    expect(err(`x = GET XLS DATA('a.xls', 'A', '1', 'B2') ~~|\n${CONTROL}`).message.en).toMatch(/GET XLS/);
    expect(err('x = 1 ~~|\n').code).toBe('sd-specs');
  });

  it('takes a function name only before "(": variables named "Vector B" or "Random walk" are variables', () => {
    const r = simulate(
      compileModel(readVensim(`Vector B = 2 ~~|\nRandom walk = 3 ~~|\ny = Vector B * Random walk ~~|\n${CONTROL}`)),
    );
    expect(r.series.y[0]).toBe(6);
  });
});
