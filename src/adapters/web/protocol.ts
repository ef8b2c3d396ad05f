/** Messages between the page and the worker (worker.ts). */
import type { Problem } from '../../core/errors.ts';
import type { Spec } from '../../core/measure/spec.ts';
import type { EstimateOutput, EstimateRequest } from './estimate-session.ts';
import type { SimulateOutput, SimulateRequest } from './simulate-session.ts';
import type { TfpOutput, TfpRequest } from './tfp-session.ts';
import type { QcaOutput, QcaRequest } from './qca-session.ts';
import type { TextOutput, TextRequest } from './text-session.ts';
import type { AnalysisRequest, AnalysisOutput, EvaluateOutput, Inspection, Roles, TableSummary } from './session.ts';

export type Request =
  | {
      id: number;
      op: 'load';
      bytes: Uint8Array;
      name: string;
      spec?: Spec;
      read?: { sheet?: string; headerRow?: number };
    }
  | { id: number; op: 'geo'; geojson: unknown }
  | { id: number; op: 'inspect'; roles: Roles }
  | {
      id: number;
      op: 'evaluate';
      spec: unknown;
      version?: string /** Web Workers at most (as the CLI's --jobs; 1: the app's worker alone). */;
      jobs?: number;
    }
  | { id: number; op: 'analyze'; req: AnalysisRequest }
  | {
      id: number;
      op: 'estimate';
      req: EstimateRequest /** Web Workers at most (as the CLI's --jobs). */;
      jobs?: number;
    }
  | { id: number; op: 'simulate'; req: SimulateRequest }
  | { id: number; op: 'tfp'; req: TfpRequest /** Web Workers at most (as the CLI's --jobs). */; jobs?: number }
  | { id: number; op: 'qca'; req: QcaRequest }
  | { id: number; op: 'text'; req: TextRequest }
  | { id: number; op: 'weights-file'; bytes: Uint8Array; name: string };

export type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; problems: Problem[] }
  | { id: number; progress: { done: number; total: number } };

/** What each operation returns. */
export interface Returns {
  load: TableSummary;
  geo: true;
  inspect: Inspection;
  evaluate: EvaluateOutput;
  analyze: AnalysisOutput;
  estimate: EstimateOutput;
  simulate: SimulateOutput;
  tfp: TfpOutput;
  qca: QcaOutput;
  text: TextOutput;
  'weights-file': { name: string; edges: number };
}

/** Rejection of a worker call: the problems found (bilingual, with row / column). */
export class WorkerProblems extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.message.en).join('\n'));
    this.name = 'WorkerProblems';
  }
}
