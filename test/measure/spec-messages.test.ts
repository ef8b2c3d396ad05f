/** Spec problems name the field in words, never as raw schema text (issue 9: "spec unit：值太小或为空"). */
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../src/core/measure/spec-schema.ts';

describe('spec messages', () => {
  it('an empty unit column is "empty", named as the unit column, with a fix', () => {
    const r = parseSpec({
      unit: '',
      time: 'year',
      nodes: [],
      indicators: [{ id: 'a', column: 'a', direction: '+', parent: null }],
    });
    const p = r.problems.find((x) => x.message.en.includes('unit column'));
    expect(p?.message.zh).toBe('指标体系中单位列（unit）：为空');
    expect(p?.message.en).toBe('indicator system, the unit column (unit): is empty');
    expect(p?.fix?.en).toBe('fill in the unit column (unit)');
  });
  it('an empty indicator list says it must not be empty', () => {
    const r = parseSpec({ unit: 'u', time: 'year', nodes: [], indicators: [] });
    expect(r.problems.map((p) => p.message.en).join('\n')).toMatch(
      /list of indicators \(indicators\): must not be empty/,
    );
  });
});
