/**
 * The scoring tree of the self-assessment, read off the framework model (never
 * written by hand): for each of seed 000's three paths, its factor upgrade
 * (laborer, data, technology), its management mode, its three main categories
 * with their sub-categories, the effect they drive and the outcome features the
 * effect drives (质: 高效率, 高柔性, 高协同; 新: 新技术, 新业态, 新模式); and seed
 * 003's five enterprise AI paths and three resource mechanisms.
 *
 * @example assessmentStructure(loadFramework()).paths.map((p) => p.id)
 *   // ['s000.path.quality-efficiency', 's000.path.cooperation', 's000.path.innovation']
 */
import type { FrameworkModel, FrameworkNode } from '../framework/types.ts';

export interface PathStructure {
  id: string;
  factors: string[];
  mode: string;
  mainCategories: Array<{ id: string; subCategories: string[] }>;
  effect: string;
  outcomes: string[];
  /** The practical advice of seed 000 that drives this path. */
  practice: string[];
  /** The loop mechanism this path feeds (效率驱动 / 协同耦合 / 技术反哺). */
  loopLink: string;
}

export interface AssessmentStructure {
  paths: PathStructure[];
  /** 质 and 新 outcome features, by the seed's grouping. */
  quality: string[];
  novelty: string[];
  aiPaths: string[];
  resourceMechanisms: string[];
  /** Every node an item may measure. */
  measurable: Set<string>;
  node(id: string): FrameworkNode;
}

const QUALITY = ['s000.outcome.high-efficiency', 's000.outcome.high-flexibility', 's000.outcome.high-collaboration'];
const NOVELTY = ['s000.outcome.new-technology', 's000.outcome.new-business-form', 's000.outcome.new-model'];

export function assessmentStructure(model: FrameworkModel): AssessmentStructure {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const get = (id: string): FrameworkNode => {
    const n = byId.get(id);
    if (!n) throw new Error(`assessment structure: framework node "${id}" is missing`);
    return n;
  };
  const children = (id: string) =>
    model.relations
      .filter((r) => r.from === id && r.type === 'contains')
      .map((r) => get(r.to))
      .sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const drivesTo = (id: string) => model.relations.filter((r) => r.from === id && r.type === 'drives').map((r) => r.to);
  const drivenBy = (id: string) => model.relations.filter((r) => r.to === id && r.type === 'drives').map((r) => r.from);

  const paths: PathStructure[] = children('seed.000')
    .filter((n) => n.kind === 'path')
    .map((p) => {
      const kids = children(p.id);
      const factorsStage = kids.find((k) => k.id.endsWith('.factors'));
      const mode = kids.find((k) => k.id.endsWith('.mode'));
      const effect = kids.find((k) => k.kind === 'effect');
      if (!factorsStage || !mode || !effect)
        throw new Error(`assessment structure: path "${p.id}" lacks factors, mode or effect`);
      const loopLink = drivesTo(p.id).find((id) => id.startsWith('s000.loop.'));
      if (!loopLink) throw new Error(`assessment structure: path "${p.id}" feeds no loop mechanism`);
      return {
        id: p.id,
        factors: children(factorsStage.id).map((f) => f.id),
        mode: mode.id,
        mainCategories: kids
          .filter((k) => k.kind === 'main-category')
          .map((m) => ({ id: m.id, subCategories: children(m.id).map((s) => s.id) })),
        effect: effect.id,
        outcomes: drivesTo(effect.id).filter((id) => get(id).kind === 'outcome-feature'),
        practice: drivenBy(p.id).filter((id) => get(id).kind === 'practice-path'),
        loopLink,
      };
    });
  const aiPaths = children('s003.firm.path').map((n) => n.id);
  const resourceMechanisms = children('s003.firm.mechanism').map((n) => n.id);
  const measurable = new Set<string>([
    ...paths.flatMap((p) => [...p.factors, p.mode, ...p.mainCategories.flatMap((m) => m.subCategories)]),
    ...aiPaths,
    ...resourceMechanisms,
  ]);
  return { paths, quality: QUALITY, novelty: NOVELTY, aiPaths, resourceMechanisms, measurable, node: get };
}
