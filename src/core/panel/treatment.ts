/**
 * How a panel's cells may be repaired before measurement, as a spec asks
 * (missing values, outliers), and the record of each repaired cell. These
 * types belong to the panel layer; `measure/spec.ts` and `measure/result.ts`
 * re-export them for the spec and the run record.
 */
import type { Time } from './types.ts';

export type MissingMethod = 'error' | 'interpolate' | 'unit-mean' | 'time-mean' | 'group-mean' | 'drop';

export interface MissingSpec {
  method: MissingMethod;
  /** Label column used by group-mean (e.g. "region"). */
  group?: string;
  /** interpolate: how to fill gaps at the start or end of a unit's series (not extrapolated by default). */
  fallback?: 'error' | 'unit-mean' | 'time-mean' | 'group-mean';
}

export interface OutlierSpec {
  /** "none" (default) or "coinr": winsorise while |skew| > skew and kurt > kurtosis, else log transform. */
  method: 'none' | 'coinr';
  skew?: number; // default 2
  kurtosis?: number; // default 3.5
  /** Maximum number of points winsorised per indicator before falling back to a log transform (COINr winmax, default 5). */
  maxWinsor?: number;
  /** Apply a log transform when winsorisation does not fix the distribution (default true). */
  log?: boolean;
}

export interface ImputedCell {
  unit: string;
  time: Time;
  column: string;
  value: number;
  method: string;
}

export interface TreatedCell {
  unit: string;
  time: Time;
  column: string;
  from: number;
  to: number;
  treatment: 'winsorised-high' | 'winsorised-low' | 'log';
}
