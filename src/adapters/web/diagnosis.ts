/**
 * From a weak dimension to the seeds' problems and recommended paths.
 *
 * The framework model links problems to what they hinder (mostly NQPF as a
 * whole), not to the factors and forms the indicator system's dimensions
 * attach to. This table is the web app's editorial bridge: for each factor /
 * form node, the problem nodes of the seeds that concern it (ids of the
 * framework; checked in test/web/diagnosis.test.ts). Remedies are then
 * found by the core's `remediesOf` (mitigated-by → recommends / contains).
 * Dimensions attached to other nodes are mapped through their `related-to`
 * / `contains` neighbours that appear here.
 */
import { getNode, outgoing, incoming, remediesOf, type Remedy } from '../../core/framework/query.ts';
import type { FrameworkModel, FrameworkNode } from '../../core/framework/types.ts';
import type { Spec } from '../../core/measure/spec.ts';

export const PROBLEMS_OF: Record<string, string[]> = {
  'factor.laborer': ['s002.problem.talent', 's004.theory.route.practice.talent-gap', 's002.problem.digital-divide.regions.capability'],
  'factor.means': ['s004.constraint.infrastructure', 's002.problem.digital-divide.regions.infrastructure', 's004.constraint.rd-input'],
  'factor.object': ['s004.constraint.industry-upgrade', 's004.constraint.chain-synergy', 's002.problem.digital-divide.industries'],
  'form.tech': ['s002.problem.key-tech', 's004.constraint.rd-input', 's001.problem.technology-fit'],
  'form.digital': ['s002.problem.digital-divide', 's001.problems'],
  'form.green': ['s001.problem.technology-fit', 's001.problem.funding', 's004.constraint.industry-upgrade'],
  nqpf: ['s004.constraint.regional-imbalance', 's002.problem.digital-divide.regions'],
};

/** The framework node of a spec node or indicator id ('index' → nqpf). */
export function frameworkOf(spec: Spec, id: string): string | undefined {
  if (id === 'index') return 'nqpf';
  return spec.nodes?.find((n) => n.id === id)?.framework ?? spec.indicators.find((i) => i.id === id)?.framework;
}

/** Framework ids that have an entry in PROBLEMS_OF: the node itself or its direct neighbours. */
export function mappedNodes(model: FrameworkModel, fw: string): string[] {
  if (PROBLEMS_OF[fw]) return [fw];
  const near = [...outgoing(model, fw).map((r) => r.to), ...incoming(model, fw).map((r) => r.from)];
  return [...new Set(near.filter((x) => PROBLEMS_OF[x]))];
}

export interface Diagnosis {
  framework: FrameworkNode | undefined;
  problems: Array<{ problem: FrameworkNode; remedies: Remedy[] }>;
}

/** Problems and remedies for the framework node of a dimension. */
export function diagnose(model: FrameworkModel, spec: Spec, nodeId: string): Diagnosis {
  const fw = frameworkOf(spec, nodeId);
  const framework = fw ? getNode(model, fw) : undefined;
  const ids = fw ? [...new Set(mappedNodes(model, fw).flatMap((m) => PROBLEMS_OF[m]))] : [];
  const problems = ids.map((id) => getNode(model, id)).filter((n): n is FrameworkNode => !!n).map((problem) => ({ problem, remedies: remediesOf(model, problem.id) }));
  return { framework, problems };
}
