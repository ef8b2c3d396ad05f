import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileModel, loopDominance, readXmile } from '../../src/core/simulate/index.ts';

/** S' = g·S − S/τ: two first-order loops, for which the Loops that Matter scores are known in closed form. */
const TWO_LOOPS = `<?xml version="1.0"?><xmile version="1.0"><sim_specs><start>0</start><stop>10</stop><dt>0.25</dt></sim_specs>
<model><variables>
<stock name="S"><eqn>100</eqn><inflow>births</inflow><outflow>deaths</outflow></stock>
<flow name="births"><eqn>g * S</eqn></flow><flow name="deaths"><eqn>S / tau</eqn></flow>
<aux name="g"><eqn>0.1</eqn></aux><aux name="tau"><eqn>5</eqn></aux>
</variables></model></xmile>`;

describe('loop dominance (Loops that Matter)', () => {
  it('in a linear one-stock model the loops score |g/(g − 1/τ)| and −|(1/τ)/(g − 1/τ)| (relative g/(g + 1/τ))', () => {
    // Schoenberg, Davidsen & Eberlein (2020): with linear flows, LS(S→flow) = 1 and
    // LS(flow→S) = ±|Δflow/Δnet|; here g = 0.1, 1/τ = 0.2, so the scores are 1 and −2.
    const r = loopDominance(compileModel(readXmile(TWO_LOOPS)));
    expect(r.loops).toHaveLength(2);
    const births = r.loops.find((l) => l.variables.includes('births'))!;
    const deaths = r.loops.find((l) => l.variables.includes('deaths'))!;
    expect(births.polarity).toBe('R');
    expect(deaths.polarity).toBe('B');
    for (let k = 0; k < r.time.length; k++) {
      expect(births.score[k]).toBeCloseTo(1, 12);
      expect(deaths.score[k]).toBeCloseTo(-2, 12);
      expect(births.relative[k]).toBeCloseTo(1 / 3, 12);
      expect(deaths.relative[k]).toBeCloseTo(-2 / 3, 12);
    }
    expect(new Set(r.dominant)).toEqual(new Set([deaths.id]));
    expect(births.variables[0]).toBe('S');
  });

  it('finds the eleven loops of the seed-000 model, five of them the reinforcing loops between paths', () => {
    const model = readXmile(readFileSync(new URL('../../data/simulate/seed000.xmile', import.meta.url), 'utf8'));
    const r = loopDominance(compileModel(model));
    expect(r.truncated).toBe(false);
    expect(r.loops).toHaveLength(11);
    expect(
      loopDominance(compileModel(model), {}, { includeInternal: true }).loops.map((l) => l.variables[0]),
    ).toContain('innovation_in_use (internal loop of a SMOOTH / DELAY)');
    const paths = ['quality_efficiency_capability', 'cooperation_capability', 'innovation_capability'];
    const between = r.loops.filter((l) => l.variables.filter((v) => paths.includes(v)).length >= 2);
    expect(between).toHaveLength(5); // three two-path loops and two three-path loops (both directions)
    expect(between.every((l) => l.polarity === 'R')).toBe(true);
    // relative scores are shares: their magnitudes add to 1 at every time
    for (let k = 0; k < r.time.length; k += 37) {
      expect(r.loops.reduce((s, l) => s + Math.abs(l.relative[k]), 0)).toBeCloseTo(1, 12);
    }
  });

  it('a model without loops has no scores and no dominant loop', () => {
    const r = loopDominance(
      compileModel(
        readXmile(`<?xml version="1.0"?><xmile version="1.0"><sim_specs><start>0</start><stop>2</stop><dt>1</dt></sim_specs>
<model><variables><stock name="S"><eqn>0</eqn><inflow>f</inflow></stock><flow name="f"><eqn>TIME</eqn></flow></variables></model></xmile>`),
      ),
    );
    expect(r.loops).toEqual([]);
    expect(r.dominant).toEqual([null, null]);
  });
});
