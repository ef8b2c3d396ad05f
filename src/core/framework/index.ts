/**
 * Public API of the framework model: load it, validate it, query it, render it.
 *
 *   import { loadFramework, children, remediesOf, diagnose, indicatorsOf } from './core/framework/index.ts';
 *   const fw = loadFramework();
 *   children(fw, 'seed.000');
 */
export type {
  Citation,
  FrameworkModel,
  FrameworkNode,
  FrameworkPart,
  FrameworkRelation,
  NodeKind,
  RelationType,
} from './types.ts';
export { NODE_KINDS, RELATION_TYPES } from './types.ts';
export { ROOT_ID, SEED_FILES, type SeedNo } from './common.ts';
export { FRAMEWORK_VERSION, FRAMEWORK_PARTS, assembleFramework, loadFramework } from './model.ts';
export {
  FrameworkModelSchema,
  FrameworkNodeSchema,
  FrameworkRelationSchema,
  ID_PATTERN,
  containsCycles,
  validateFramework,
} from './schema.ts';
export {
  ATTACHMENT_TYPES,
  ancestors,
  attachments,
  children,
  descendants,
  diagnose,
  getNode,
  incoming,
  indicatorNodeId,
  indicatorsOf,
  members,
  outgoing,
  parents,
  problemsAffecting,
  relationsOf,
  remediesOf,
  requireNode,
  roots,
  search,
  shortestPath,
  subgraph,
  suggestIds,
  withIndicators,
  type Diagnosis,
  type IndicatorAttachment,
  type IndicatorLink,
  type PathStep,
  type ProblemLink,
  type ProblemScope,
  type RelationView,
  type Remedy,
  type SearchHit,
} from './query.ts';
export {
  KIND_LABELS,
  RELATION_INVERSE_LABELS,
  RELATION_LABELS,
  formatCitation,
  primaryParent,
  renderMarkdown,
  renderNode,
  renderTree,
  toDot,
  toMermaid,
  type GraphOptions,
  type TreeOptions,
} from './render.ts';
export { editDistance } from '../text/edit-distance.ts';
