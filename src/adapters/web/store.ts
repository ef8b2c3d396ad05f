/**
 * The app state in one store. The project (data + spec + language) is the
 * part saved in the project file (project.ts); the rest is derived (parsed
 * table, inspection, result, analyses) or view state.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Problem } from '../../core/errors.ts';
import type { Bilingual, Lang } from '../../core/i18n.ts';
import type { Time } from '../../core/panel/types.ts';
import type { EvaluationResult } from '../../core/measure/result.ts';
import type { Spec } from '../../core/measure/spec.ts';
import type { EstimateOutput, EstimateRequest } from './estimate-session.ts';
import type { SimulateOutput, SimulateRequest } from './simulate-session.ts';
import type { TfpOutput, TfpRequest } from './tfp-session.ts';
import type { QcaOutput, QcaRequest } from './qca-session.ts';
import type { TextOutput, TextRequest } from './text-session.ts';
import type { AnalysisOutput, Inspection, Roles, TableSummary } from './session.ts';

export type ViewId =
  | 'data'
  | 'spec'
  | 'results'
  | 'analysis'
  | 'estimate'
  | 'tfp'
  | 'qca'
  | 'simulate'
  | 'text'
  | 'assess'
  | 'framework'
  | 'export';
export const VIEWS: ViewId[] = [
  'data',
  'spec',
  'results',
  'analysis',
  'estimate',
  'tfp',
  'qca',
  'simulate',
  'text',
  'assess',
  'framework',
  'export',
];

/** The data file as kept in the project: its bytes as UTF-8 text or base64. */
export interface DataFile {
  name: string;
  encoding: 'utf-8' | 'base64';
  content: string;
  /** True for the embedded province panel. */
  embedded?: boolean;
  /** XLSX: the sheet and the header row chosen by the user (1-based); absent: the reader's defaults. */
  sheet?: string;
  headerRow?: number;
}

export interface State {
  lang: Lang;
  view: ViewId;
  data?: DataFile;
  summary?: TableSummary;
  roles?: Roles;
  inspection?: Inspection;
  /** Problems that stopped the file from being read at all. */
  loadProblems?: Problem[];
  spec: Spec;
  result?: EvaluationResult;
  readWarnings?: Problem[];
  /** Problems that stopped the evaluation (spec or data). */
  specProblems?: Problem[];
  evalMs?: number;
  /** Web Workers the last evaluation computed on at once, when more than one. */
  evalThreads?: number;
  busy: boolean;
  progress?: { done: number; total: number };
  /** The last output of each analysis panel, with the request it answers (`reqKey`: a panel whose controls changed since is stale). */
  analyses: Partial<Record<AnalysisOutput['kind'], (AnalysisOutput | { problems: Problem[] }) & { reqKey?: string }>>;
  /** The uploaded spatial weights edge list (name and number of links), or the problems reading it. */
  weightsFile?: { name: string; edges: number; problems?: Problem[] };
  /** The model being built on the estimation page. */
  estimateDraft?: EstimateRequest;
  /** The estimate of the request `key` (the draft and the evaluation it ran on); pending while neither out nor problems. */
  estimate?: { key: string; out?: EstimateOutput; problems?: Problem[] };
  /** The simulation page's request (scenarios, parameters, uploaded model). */
  simulateDraft?: SimulateRequest;
  /** The run of the request `key`; pending while neither out nor problems. */
  simulation?: { key: string; out?: SimulateOutput; problems?: Problem[] };
  /** The TFP page's request (data source and model). */
  tfpDraft?: TfpRequest;
  /** The TFP run of the request `key`; pending while neither out nor problems. */
  tfp?: { key: string; out?: TfpOutput; problems?: Problem[] };
  /** The QCA page's request (uploaded set data and choices). */
  qcaDraft?: QcaRequest;
  /** The QCA run of the request `key`; pending while neither out nor problems. */
  qca?: { key: string; out?: QcaOutput; problems?: Problem[] };
  /** The text-index page's request (dropped reports, dictionary and settings). */
  textDraft?: TextRequest;
  /** The count of the request `key`; pending while neither out nor problems. */
  textIndex?: { key: string; out?: TextOutput; problems?: Problem[] };
  /** Selected framework node. */
  frameworkNode?: string;
  /** Unit and dimension a diagnosis was asked for (results → framework). */
  diagnosis?: { unit: string; node: string; time?: Time };
  geojson?: unknown;
  notice?: string;
  /** Whether an indicator-system edit can be undone / redone. */
  canUndo?: boolean;
  canRedo?: boolean;
  /** Indicators whose direction was set to "−" from their name by the spec built from the data, for the user to confirm. */
  directionHints?: Array<{ column: string; reason: Bilingual }>;
}

type Listener = (s: State) => void;

export class Store {
  private listeners = new Set<Listener>();
  constructor(public state: State) {}
  get(): State {
    return this.state;
  }
  set(patch: Partial<State> | ((s: State) => Partial<State>)): void {
    const p = typeof patch === 'function' ? patch(this.state) : patch;
    this.state = { ...this.state, ...p };
    for (const l of this.listeners) l(this.state);
  }
  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

let store: Store | undefined;

export function initStore(s: State): Store {
  store = new Store(s);
  return store;
}

export function getStore(): Store {
  if (!store) throw new Error('store not initialised');
  return store;
}

/** Subscribe a component to the store. */
export function useStore(): State {
  const s = getStore();
  const [state, setState] = useState(s.get());
  useEffect(() => s.subscribe(setState), [s]);
  return state;
}
