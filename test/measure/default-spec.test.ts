/**
 * The default provincial spec and its documentation: every indicator is in the
 * table of docs/default-index.md, every framework link names an existing node
 * at the regional level (not the employee / firm / industry rows of seed 003's
 * Table 1), the default panel has every column the spec uses; the former
 * totals-based system still runs as an example.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/core/framework/model.ts';
import { getNode } from '../../src/core/framework/query.ts';
import { evaluate } from '../../src/core/measure/evaluate.ts';
import type { Spec } from '../../src/core/measure/spec.ts';
import { readPanelFile } from '../../src/adapters/io/read.ts';
import {
  DEFAULT_DATA,
  DEFAULT_SPEC,
  TOTALS_EXAMPLE_DATA,
  TOTALS_EXAMPLE_SPEC,
} from '../../src/adapters/io/defaults.ts';

const spec = JSON.parse(readFileSync(DEFAULT_SPEC, 'utf8')) as Spec;
const doc = readFileSync(new URL('../../docs/default-index.md', import.meta.url), 'utf8');

describe('the default spec', () => {
  it('every indicator has a row in the table of docs/default-index.md, with its column, direction and node', () => {
    const rows = doc.split('\n').filter((l) => l.startsWith('| '));
    for (const ind of spec.indicators) {
      const row = rows.find((l) => l.startsWith(`| ${ind.id} |`));
      expect(row, ind.id).toBeDefined();
      expect(row).toContain(`\`${ind.column}\``);
      expect(row).toContain(`| ${ind.direction} |`);
      expect(row).toContain(`\`${ind.framework}\``);
    }
  });
  it('links indicators and groups to existing framework nodes, none at employee, firm or industry level', () => {
    const model = loadFramework();
    const links = [...spec.indicators.map((i) => i.framework), ...(spec.nodes ?? []).map((n) => n.framework)].filter(
      (f): f is string => f !== undefined,
    );
    expect(links.length).toBeGreaterThan(spec.indicators.length);
    for (const id of links) {
      expect(getNode(model, id), id).toBeDefined();
      expect(id).not.toMatch(/^s003\.table1\.|^level\.(employee|firm|industry)/);
    }
  });
  it('keeps the literature method: entropy, pooled, min-max with shift 0.0001', () => {
    expect(spec.normalize).toMatchObject({ method: 'minmax', shift: 0.0001 });
    expect(spec.weights).toMatchObject({ method: 'entropy', panel: 'pooled', scope: 'leaves' });
  });
  it('runs on the default panel, interpolating only the 30 documented cells (high-tech revenue 2017)', async () => {
    const { panel } = await readPanelFile(DEFAULT_DATA, { unit: spec.unit, time: spec.time, labels: spec.labels });
    const r = evaluate(panel, spec);
    expect(r.record.imputations).toHaveLength(30);
    expect(new Set(r.record.imputations.map((c) => `${c.column} ${String(c.time)}`))).toEqual(
      new Set(['O1_hitech_revenue_gdp_pct 2017']),
    );
    expect(r.units).toHaveLength(30);
  });
});

describe('the totals-based example (the former default)', () => {
  it('still runs on its panel: 30 provinces × 10 years after dropping Tibet for missing carbon data', async () => {
    const totals = JSON.parse(readFileSync(TOTALS_EXAMPLE_SPEC, 'utf8')) as Spec;
    const { panel } = await readPanelFile(TOTALS_EXAMPLE_DATA, {
      unit: totals.unit,
      time: totals.time,
      labels: totals.labels,
    });
    const r = evaluate(panel, totals);
    expect(r.scores).toHaveLength(300);
    expect(r.units).not.toContain('Tibet');
  });
});
