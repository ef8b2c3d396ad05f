/** App state helpers (issue 9): undo / redo of spec edits and the shareable link. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSpec, encodeSpec, parseHash } from '../../src/adapters/web/share-link.ts';
import { SpecHistory } from '../../src/adapters/web/spec-history.ts';
import type { Spec } from '../../src/core/measure/spec.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SPEC = JSON.parse(readFileSync(join(ROOT, 'data/specs/nqpf-province.json'), 'utf8')) as Spec;
const v = (method: string) => ({ ...SPEC, weights: { ...SPEC.weights, method } }) as Spec;

describe('spec history', () => {
  it('undoes and redoes edits; a new edit clears redo; quick edits coalesce', () => {
    const h = new SpecHistory(10, 500);
    h.record(v('entropy'), 0); // entropy → critic
    h.record(v('critic'), 1000); // critic → equal
    expect(h.undo(v('equal'))?.weights.method).toBe('critic');
    expect(h.undo(v('critic'))?.weights.method).toBe('entropy');
    expect(h.undo(v('entropy'))).toBeUndefined();
    expect(h.redo(v('entropy'))?.weights.method).toBe('critic');
    h.record(v('critic'), 5000);
    expect(h.canRedo).toBe(false);
    const q = new SpecHistory(10, 500);
    q.record(v('a'), 0);
    q.record(v('b'), 100);
    q.record(v('c'), 200);
    expect(q.undo(v('d'))?.weights.method).toBe('a');
    expect(q.canUndo).toBe(false);
  });
});

describe('share link', () => {
  it('round-trips the spec and reads view and spec from the hash', async () => {
    const code = await encodeSpec(SPEC);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeSpec(code)).toEqual(SPEC);
    expect(parseHash(`#analysis?s=${code}`)).toEqual({ view: 'analysis', spec: code });
    expect(parseHash('#results')).toEqual({ view: 'results' });
  });
  it('a broken link gives no spec, never an exception', async () => {
    expect(await decodeSpec('not-a-spec')).toBeUndefined();
    expect(await decodeSpec('')).toBeUndefined();
  });
});
