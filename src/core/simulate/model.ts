/**
 * A system-dynamics model as the readers produce it and the engine runs it:
 * stocks, flows, auxiliaries (constants are auxiliaries with a number),
 * graphical functions, and the simulation specs. Names are kept as written
 * in the model; `id` is the canonical form used to resolve references.
 */
import type { Dialect, Expr } from './expr.ts';
import type { Bilingual } from '../i18n.ts';

/** How a graphical function treats inputs outside its points (XMILE 1.0 §3.1.4; Vensim clamps). */
export type LookupKind = 'continuous' | 'extrapolate' | 'discrete';

export interface Lookup {
  xs: number[];
  ys: number[];
  kind: LookupKind;
}

export type VariableKind = 'stock' | 'flow' | 'aux';

export interface SdVariable {
  /** Name as written in the model (what outputs are keyed by). */
  name: string;
  /** Canonical name (see names.ts). */
  id: string;
  kind: VariableKind;
  /** Equation; for a stock, its initial value. */
  eqn: Expr;
  /** Equation text as written (for the XMILE writer and messages). */
  text: string;
  /** Stock: XMILE inflows / outflows (canonical ids). */
  inflows?: string[];
  outflows?: string[];
  /** Stock: Vensim INTEG rate (net flow) instead of inflows / outflows. */
  rate?: Expr;
  rateText?: string;
  /** XMILE non_negative on a stock or a flow. */
  nonNegative?: boolean;
  /** Graphical function applied to the equation's value (XMILE `<gf>`), or a standalone Vensim lookup. */
  gf?: Lookup;
  /** True for a Vensim lookup definition (a function, not a value). */
  lookupOnly?: boolean;
  /** A variable the reader made (a macro instance's own variables): computed, not reported. */
  hidden?: boolean;
  units?: string;
  doc?: string;
  /** Line in the source file where the variable is defined. */
  line?: number;
}

export type Integration = 'euler' | 'rk4';

export interface SimSpecs {
  start: number;
  stop: number;
  dt: number;
  /** Save period; outputs are at start + k·saveper. */
  saveper: number;
  method: Integration;
  timeUnits?: string;
}

export interface SdModel {
  name: string;
  dialect: Dialect;
  specs: SimSpecs;
  variables: SdVariable[];
  /** File the model was read from, for messages. */
  file?: string;
  doc?: Bilingual;
}
