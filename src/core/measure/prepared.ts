/**
 * The panel as prepared for measurement (after denomination, imputation,
 * validation and outlier treatment): the input that `evaluate` and the Monte
 * Carlo uncertainty analysis share.
 */
import type { Time } from '../panel/types.ts';
import type { Locator, TimeGroups } from './hierarchy-weights.ts';
import type { Direction } from './spec.ts';

/** Rows (unit, time), their time groups, raw indicator columns, directions and label columns. */
export interface Prepared {
  unit: string[];
  time: Time[];
  groups: TimeGroups;
  raw: Float64Array[];
  directions: Direction[];
  loc: Locator;
  labels: Record<string, string[]>;
}
