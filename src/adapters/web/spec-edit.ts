/** Immutable edits of the spec (the UI never mutates the store's spec in place). */
import type { Spec, SpecIndicator, SpecNode } from '../../core/measure/spec.ts';
import { getStore } from './store.ts';
import { updateSpec } from './actions.ts';
import { presetOver, type PresetId } from '../../core/measure/presets.ts';

/** Apply an edit to a copy of the current spec and recompute. */
export function editSpec(f: (s: Spec) => void, delay?: number): void {
  const spec = structuredClone(getStore().get().spec);
  f(spec);
  updateSpec(spec, delay);
}

export function editIndicator(id: string, patch: Partial<SpecIndicator>, delay?: number): void {
  editSpec((s) => {
    const i = s.indicators.find((x) => x.id === id);
    if (!i) return;
    Object.assign(i, patch);
    for (const k of Object.keys(patch) as Array<keyof SpecIndicator>) if (patch[k] === undefined) delete i[k];
  }, delay);
}

export function editNode(id: string, patch: Partial<SpecNode>, delay?: number): void {
  editSpec((s) => {
    const n = s.nodes?.find((x) => x.id === id);
    if (!n) return;
    Object.assign(n, patch);
    for (const k of Object.keys(patch) as Array<keyof SpecNode>) if (patch[k] === undefined) delete n[k];
  }, delay);
}

/** A fresh id with a prefix not used by any node or indicator. */
export function freshId(spec: Spec, prefix: string): string {
  const used = new Set([...(spec.nodes ?? []).map((n) => n.id), ...spec.indicators.map((i) => i.id), 'index']);
  let k = 1;
  while (used.has(`${prefix}${k}`)) k++;
  return `${prefix}${k}`;
}

/** Put a tool's conventions over the spec's method settings in place (the same presetOver as `evaluate --preset`). */
export function applyPreset(x: Spec, id: PresetId): void {
  const n = presetOver(x, id);
  x.preset = id;
  x.normalize = n.normalize;
  x.weights = n.weights;
  x.aggregate = n.aggregate;
  if (n.score) x.score = n.score;
}
