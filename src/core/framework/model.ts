/**
 * Assembles the framework model from the shared concepts and the five seed
 * modules. `loadFramework()` returns one cached, frozen model (use
 * `withIndicators` in query.ts to extend it).
 */
import type { FrameworkModel, FrameworkPart } from './types.ts';
import { common } from './common.ts';
import { seed000 } from './seeds/s000.ts';
import { seed001 } from './seeds/s001.ts';
import { seed002 } from './seeds/s002.ts';
import { seed003 } from './seeds/s003.ts';
import { seed004 } from './seeds/s004.ts';

/** Version of the model's content; bump when nodes or relations change meaning. */
export const FRAMEWORK_VERSION = '1.1.0';

/** The parts in assembly order: shared concepts first, then seeds 000–004. */
export const FRAMEWORK_PARTS: ReadonlyArray<{ id: string; part: FrameworkPart }> = [
  { id: 'common', part: common },
  { id: 'seed.000', part: seed000 },
  { id: 'seed.001', part: seed001 },
  { id: 'seed.002', part: seed002 },
  { id: 'seed.003', part: seed003 },
  { id: 'seed.004', part: seed004 },
];

/** Concatenate parts into a model (no validation; see schema.ts `validateFramework`). */
export function assembleFramework(
  parts: ReadonlyArray<FrameworkPart> = FRAMEWORK_PARTS.map((p) => p.part),
): FrameworkModel {
  return {
    version: FRAMEWORK_VERSION,
    nodes: parts.flatMap((p) => p.nodes),
    relations: parts.flatMap((p) => p.relations),
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

let cached: FrameworkModel | undefined;

/**
 * The complete framework model, assembled once and cached. It is deeply
 * frozen: extend it with `withIndicators` (query.ts), which returns a new model.
 */
export function loadFramework(): FrameworkModel {
  if (!cached) cached = deepFreeze(assembleFramework());
  return cached;
}
