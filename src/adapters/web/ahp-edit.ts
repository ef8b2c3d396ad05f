/**
 * AHP matrices of a spec as the editor keeps them (weights.ahp, keyed by node
 * id, "index" for the top): one matrix per node with 2 or more children, the
 * children in the order the core's validation lists them (sub-nodes, then
 * indicators). Only bookkeeping: the weights and consistency come from the
 * core's ahpWeights.
 */
import type { Spec } from '../../core/measure/spec.ts';
import { INDEX_ID } from '../../core/measure/result.ts';

/** Children of every node (and of the index) with at least 2 children, top-down. */
export function ahpParents(spec: Spec): Array<{ node: string; items: string[] }> {
  const nodes = spec.nodes ?? [];
  const kids = new Map<string, string[]>([[INDEX_ID, []]]);
  for (const n of nodes) kids.set(n.id, []);
  for (const n of nodes) kids.get(n.parent ?? INDEX_ID)?.push(n.id);
  for (const i of spec.indicators) kids.get(i.parent ?? INDEX_ID)?.push(i.id);
  return [...kids].filter(([, items]) => items.length >= 2).map(([node, items]) => ({ node, items }));
}

/** The node's matrix for these items: the stored judgements where both items are in it, 1 elsewhere. */
export function alignedMatrix(spec: Spec, node: string, items: string[]): number[][] {
  const m = spec.weights.ahp?.[node];
  return items.map((a, i) =>
    items.map((b, j) => {
      if (i === j) return 1;
      const p = m?.items.indexOf(a) ?? -1,
        q = m?.items.indexOf(b) ?? -1;
      const v = p >= 0 && q >= 0 ? m!.matrix[p]?.[q] : undefined;
      return typeof v === 'number' && v > 0 && Number.isFinite(v) ? v : 1;
    }),
  );
}

/** True when every node needing a matrix has one for exactly its children, and no other key is present. */
export function ahpInSync(spec: Spec): boolean {
  const need = ahpParents(spec);
  const ahp = spec.weights.ahp ?? {};
  if (Object.keys(ahp).some((k) => !need.some((p) => p.node === k))) return false;
  return need.every((p) => {
    const m = ahp[p.node];
    return (
      !!m &&
      m.items.length === p.items.length &&
      p.items.every((x, i) => m.items[i] === x) &&
      m.matrix.length === p.items.length &&
      m.matrix.every((r) => r.length === p.items.length)
    );
  });
}

/** Rewrite weights.ahp for the current tree (in place on a copy). */
export function syncAhp(spec: Spec): void {
  const ahp: NonNullable<Spec['weights']['ahp']> = {};
  for (const p of ahpParents(spec)) ahp[p.node] = { items: p.items, matrix: alignedMatrix(spec, p.node, p.items) };
  spec.weights.ahp = ahp;
}

/** True when the spec's weights use AHP (directly or inside "combined"). */
export function usesAhp(spec: Spec): boolean {
  return (
    spec.weights.method === 'ahp' ||
    (spec.weights.method === 'combined' && !!spec.weights.combine?.methods.includes('ahp'))
  );
}

/** Saaty's 1–9 scale and reciprocals, from 9 down to 1/9. */
export const SAATY: Array<{ value: number; label: string }> = [
  ...[9, 8, 7, 6, 5, 4, 3, 2].map((v) => ({ value: v, label: String(v) })),
  { value: 1, label: '1' },
  ...[2, 3, 4, 5, 6, 7, 8, 9].map((v) => ({ value: 1 / v, label: `1/${v}` })),
];

/** The Saaty label of a value (within rounding, so 0.333 reads as 1/3), or undefined. */
export function saatyLabel(v: number): string | undefined {
  const hit = SAATY.find((s) => Math.abs(Math.log(v) - Math.log(s.value)) < 0.03);
  return hit?.label;
}
