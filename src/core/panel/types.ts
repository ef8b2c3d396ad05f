/**
 * The panel: units × times × numeric columns, stored column-wise.
 * Row r is (unit[r], time[r]); a missing cell is NaN.
 * Readers (adapters) produce it; every core computation consumes it.
 */
export type Time = string | number;

export interface Panel {
  /** Name of the unit column in the source (e.g. "Province"). */
  unitKey: string;
  /** Name of the time column in the source (e.g. "Year"); null for a cross-section. */
  timeKey: string | null;
  unit: string[];
  time: Time[];
  /** Numeric columns, each of length unit.length; NaN marks a missing cell. */
  columns: Record<string, Float64Array>;
  /** Non-numeric extra columns kept for grouping (e.g. region). */
  labels?: Record<string, string[]>;
  /** Source file name, for messages. */
  source?: string;
  /** 1-based source row of each panel row (header = row 1), for messages. */
  sourceRow?: number[];
}
