/**
 * From a weak dimension to the seeds' problems and recommended paths.
 *
 * The mapping comes from the framework model: its `hinders` relations link
 * each problem to the factors, forms and levels of NQPF it holds back, each
 * with a note and the seed section that supports it. The core's `diagnose`
 * follows them (the node itself, its same-as / related-to neighbours, then
 * its ancestors) and finds the remedies with `remediesOf` (mitigated-by →
 * recommends / contains). The app shows the problems of the node and its
 * neighbours; the problems of the whole (ancestors such as NQPF) only when
 * there are none closer.
 */
import { diagnose as diagnoseNode, getNode, type ProblemLink, type Remedy } from '../../core/framework/query.ts';
import type { FrameworkModel, FrameworkNode } from '../../core/framework/types.ts';
import type { Spec } from '../../core/measure/spec.ts';

/** The framework node of a spec node or indicator id ('index' → nqpf). */
export function frameworkOf(spec: Spec, id: string): string | undefined {
  if (id === 'index') return 'nqpf';
  return spec.nodes?.find((n) => n.id === id)?.framework ?? spec.indicators.find((i) => i.id === id)?.framework;
}

export interface Diagnosis {
  framework: FrameworkNode | undefined;
  /** Each problem with the framework's note and citation of its `hinders` link, and the remedies. */
  problems: Array<ProblemLink & { remedies: Remedy[] }>;
}

/** Problems and remedies for the framework node of a dimension (through the core's `diagnose`). */
export function diagnose(model: FrameworkModel, spec: Spec, nodeId: string): Diagnosis {
  const fw = frameworkOf(spec, nodeId);
  const framework = fw ? getNode(model, fw) : undefined;
  if (!framework) return { framework, problems: [] };
  const all = diagnoseNode(model, framework.id, { deep: true }).problems;
  const near = all.filter((p) => p.scope !== 'ancestor');
  return { framework, problems: near.length ? near : all };
}
