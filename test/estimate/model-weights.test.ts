/**
 * The weights of a spatial model from what a front end read: province shapes
 * from the boundary GeoJSON (every unit must be on the map), an edge list, or
 * the panel's own column means (economic weights).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edgesFromTable } from '../../src/core/analysis/edge-list.ts';
import type { XinzhiError } from '../../src/core/errors.ts';
import { modelWeights, unitMeans } from '../../src/core/estimate/model-weights.ts';
import { spatialSpec } from '../../src/core/estimate/sdm-model.ts';
import { provinceShapes } from '../../src/core/geo/province-shapes.ts';
import type { Panel } from '../../src/core/panel/types.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const GEO = JSON.parse(readFileSync(join(ROOT, 'data/geo/china_provinces.geojson'), 'utf8'));
const UNITS = ['Beijing', 'Tianjin', 'Hebei', 'Shanxi', 'Inner Mongolia', 'Hainan', 'Guangdong'];
const panel: Panel = {
  unitKey: 'province',
  timeKey: 'year',
  unit: UNITS.flatMap((u) => [u, u]),
  time: UNITS.flatMap(() => [2020, 2021]),
  columns: { gdp: Float64Array.from(UNITS.flatMap((_, i) => [i, i + 2])) },
};
const spec = (weights: string) => spatialSpec({ type: 'sdm', weights }, '');

describe('modelWeights', () => {
  it('builds queen contiguity over the panel’s units from the boundaries, Hainan linked to its nearest neighbour', () => {
    const w = modelWeights(panel, spec('queen'), { shapes: (units) => provinceShapes(units, GEO) });
    expect(w.ids).toEqual(UNITS);
    const neighbours = (u: string) => {
      const i = w.ids.indexOf(u);
      return Array.from(w.neighbours.slice(w.offsets[i], w.offsets[i + 1]), (k) => w.ids[k]).sort();
    };
    expect(neighbours('Beijing')).toEqual(['Hebei', 'Tianjin']);
    expect(neighbours('Hainan')).toEqual(['Guangdong']);
    expect(w.style).toBe('B');
  });

  it('reads an edge list for file weights and the unit means for economic weights', () => {
    const edges = edgesFromTable({
      name: 'ring.csv',
      header: ['from', 'to'],
      rows: UNITS.map((u, i) => [u, UNITS[(i + 1) % UNITS.length]]),
      firstDataRow: 2,
    } as unknown as Parameters<typeof edgesFromTable>[0]);
    const w = modelWeights(panel, spec('file:ring.csv'), { edges: () => ({ edges, source: 'ring.csv' }) });
    expect(w.ids).toEqual(UNITS);
    expect(Array.from(unitMeans(panel, UNITS, 'gdp'))).toEqual(UNITS.map((_, i) => i + 1));
    const e = modelWeights(panel, spec('economic:gdp'), {});
    // 1 / |ḡi − ḡj|: Beijing (1) and Tianjin (2) are 1 apart
    expect(e.weights[e.neighbours.indexOf(1)]).toBeCloseTo(1, 15);
  });

  it('queen weights without boundaries, and units not on the map, are errors naming what is missing', () => {
    expect(() => modelWeights(panel, spec('queen'), {})).toThrow(/boundaries|边界/);
    try {
      provinceShapes(['Beijing', 'Atlantis'], GEO);
      expect.unreachable();
    } catch (e) {
      const p = (e as XinzhiError).problems[0];
      expect(p).toMatchObject({ code: 'unit-not-on-map', unit: 'Atlantis' });
      expect(p.message.zh).toContain('Atlantis');
    }
  });
});
