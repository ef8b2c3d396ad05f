/**
 * Jobs of the assessment server: other systems call xinzhi's index build and
 * effect estimation over HTTP. `POST /api/jobs` stores the job (input
 * included) and answers at once; a worker thread runs jobs one at a time with
 * the same core calls as `xinzhi evaluate` and `xinzhi estimate`, so a long
 * build never holds up respondents' saves; `GET /api/jobs/{id}` gives the
 * status and then the result (or the problems, each naming the field, row and
 * column). Jobs left queued or running when the server stopped are run again
 * when it starts.
 *
 * Kinds:
 * - `evaluate`: `{data: {name, text | base64}, spec, analyses?: [..]}` → `{result, analyses?}`
 *   (the result as `xinzhi evaluate --json` prints it; `analyses` as the core runner gives them).
 * - `estimate`: `{data, model}` → `{models}` (as `xinzhi estimate --json`; spatial models, which need a
 *   weights file, are not offered here).
 *
 * @example await runJob('evaluate', { data: { name: 'p.csv', text }, spec }, '0.1.0')
 */
import { nodeSha256 } from '../io/sha256.ts';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../io/worker-thread.ts';
import { obstacleRow, obstacleRowCount } from '../../core/analysis/obstacle.ts';
import {
  ANALYSIS_NAMES,
  type AnalysesOutcome,
  type AnalysisName,
  obstacleRunRow,
  runAnalyses,
} from '../../core/analysis/runner.ts';
import { XinzhiError, type Problem } from '../../core/errors.ts';
import { nodeEngine } from '../io/engine.ts';
import { checkEstimateModels } from '../../core/estimate/model.ts';
import { modelColumns, runEstimate } from '../../core/estimate/run.ts';
import { bi, type Bilingual } from '../../core/i18n.ts';
import { evaluate } from '../../core/measure/evaluate.ts';
import { rankRobustness } from '../../core/measure/robustness.ts';
import { parseSpec } from '../../core/measure/spec-schema.ts';
import { tableToPanel } from '../../core/panel/from-table.ts';
import { parseTable } from '../formats/table.ts';
import { loadProvinceGeojson } from '../io/geo.ts';
import { nodeInflateRaw } from '../io/read.ts';
import { specPanelFromTable } from '../io/spec-panel.ts';
import { jsonTextPieces, lazyRows } from '../report/json-text.ts';

export const JOB_KINDS = ['evaluate', 'estimate'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export interface JobInput {
  data: { name: string; text?: string; base64?: string };
  spec?: unknown;
  model?: unknown;
  analyses?: string[];
}

const SPATIAL = new Set<string>(['sdm', 'sar', 'sem']);
const SPATIAL_ANALYSES = new Set<string>(['moran', 'lisa', 'markov']);

const problem = (column: string, message: Bilingual, fix: Bilingual): Problem => ({
  code: 'bad-job',
  severity: 'error',
  file: 'request body',
  column,
  message,
  fix,
});

/** Check a job request before it is stored; every problem names its field. */
export function checkJobInput(kind: unknown, input: JobInput): JobKind {
  const problems: Problem[] = [];
  if (!(JOB_KINDS as readonly unknown[]).includes(kind))
    problems.push(
      problem(
        'kind',
        bi(`没有任务类型 "${String(kind)}"`, `no job kind "${String(kind)}"`),
        bi('用 evaluate 或 estimate。', 'Use evaluate or estimate.'),
      ),
    );
  const d = input.data;
  if (!d || typeof d.name !== 'string' || (typeof d.text !== 'string') === (typeof d.base64 !== 'string'))
    problems.push(
      problem(
        'data',
        bi('需要文件名和 text 或 base64 之一', 'needs a file name and one of text or base64'),
        bi(
          '写成 {"name": "panel.csv", "text": "…"}（XLSX 用 base64）。',
          'Write {"name": "panel.csv", "text": "…"} (base64 for XLSX).',
        ),
      ),
    );
  if (kind === 'evaluate' && input.spec === undefined)
    problems.push(
      problem(
        'spec',
        bi('evaluate 需要指标体系 spec', 'evaluate needs a spec'),
        bi('给出与 xinzhi evaluate --spec 相同的 JSON。', 'Give the JSON of xinzhi evaluate --spec.'),
      ),
    );
  if (kind === 'estimate' && input.model === undefined)
    problems.push(
      problem(
        'model',
        bi('estimate 需要模型 model', 'estimate needs a model'),
        bi('给出与 xinzhi estimate --model 相同的 JSON。', 'Give the JSON of xinzhi estimate --model.'),
      ),
    );
  const bad = (input.analyses ?? []).filter((a) => !(ANALYSIS_NAMES as readonly string[]).includes(a));
  if (bad.length > 0)
    problems.push(
      problem(
        'analyses',
        bi(`没有分析 ${bad.join('、')}`, `no analysis ${bad.join(', ')}`),
        bi(`可选：${ANALYSIS_NAMES.join(', ')}`, `Choose from: ${ANALYSIS_NAMES.join(', ')}`),
      ),
    );
  if (problems.length > 0) throw new XinzhiError(problems);
  return kind as JobKind;
}

/**
 * A job's result as JSON text (JSON.stringify with outputReplacer: typed
 * arrays as arrays, non-finite numbers as null, as the CLI prints), made in
 * pieces so that rows given as lazyRows are made one at a time. The text goes
 * from the worker to the store and to the client as it is, never parsed into
 * objects again: a firm panel's result with the obstacle rows is about
 * 100 MB of text.
 */
const resultText = (value: unknown): string => [...jsonTextPieces(value, 0)].join('');

/** Run one job (in the worker thread); resolves to the result's JSON text, or throws a XinzhiError. */
export async function runJob(kind: JobKind, input: JobInput, version: string): Promise<string> {
  const bytes =
    input.data.base64 !== undefined
      ? new Uint8Array(Buffer.from(input.data.base64, 'base64'))
      : new TextEncoder().encode(input.data.text ?? '');
  const table = await parseTable(bytes, input.data.name, { inflateRaw: nodeInflateRaw });
  if (kind === 'evaluate') {
    const first = parseSpec(input.spec, { file: 'spec' });
    if (!first.spec || first.problems.some((p) => p.severity === 'error')) throw new XinzhiError(first.problems);
    const { panel, warnings } = specPanelFromTable(table, first.spec);
    const result = evaluate(panel, input.spec, {
      version,
      engine: nodeEngine(),
      source: input.data.name,
      specFile: 'spec',
      hash: nodeSha256,
      keepPrepared: true, // for the robustness check below
    });
    result.record.warnings.unshift(...warnings);
    result.robustness = rankRobustness(panel, result);
    const names = (input.analyses ?? []) as AnalysisName[];
    if (names.length === 0) return resultText({ result });
    const geojson = names.some((n) => SPATIAL_ANALYSES.has(n)) ? await loadProvinceGeojson() : undefined;
    const analyses = runAnalyses(result, names, {}, geojson ? { geojson } : {});
    return resultText({ result, analyses: analysesJson(analyses) });
  }
  const models = checkEstimateModels(input.model, 'model');
  const spatial = models.filter((m) => SPATIAL.has(m.type));
  if (spatial.length > 0)
    throw new XinzhiError(
      problem(
        'model.type',
        bi(
          '空间面板模型需要权重文件，不能通过任务接口运行',
          'spatial panel models need a weights file and are not run as jobs',
        ),
        bi('在命令行用 xinzhi estimate 运行。', 'Run them with xinzhi estimate on the command line.'),
      ),
    );
  const { unit, time } = models[0];
  const numeric = [...new Set(models.flatMap((m) => modelColumns(m).numeric))];
  const labels = [...new Set(models.flatMap((m) => modelColumns(m).labels))].filter((c) => !numeric.includes(c));
  const { panel, problems } = tableToPanel(table, { unit, time, columns: numeric, labels });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new XinzhiError(errors);
  return resultText({ models: runEstimate(panel, models).models });
}

/**
 * The analyses as a job returns them: the obstacle run's rows as records
 * (`result.rows` with the shares and contributions, `rows` with each unit's
 * top k), not the columns the core keeps them in.
 */
function analysesJson(outcome: AnalysesOutcome): unknown {
  const ob = outcome.runs.obstacle;
  if (!ob) return outcome;
  const { ideal, indicators, dimensions } = ob.result;
  const count = obstacleRowCount(ob.result);
  // each row made as its text is written (resultText)
  const obstacle = {
    ...ob,
    result: { ideal, indicators, dimensions, rows: lazyRows(count, (r) => obstacleRow(ob.result, r)) },
    rows: lazyRows(count, (r) => obstacleRunRow(ob, r)),
  };
  return { ...outcome, runs: { ...outcome.runs, obstacle } };
}

/** How a job ended: its result as JSON text (runJob), or the problems that stopped it. */
export type JobOutcome = { resultJson: string } | { problems: Problem[] };

/** The queue: one worker thread, jobs in order; `run` resolves to the result or rejects with the problems. */
export class JobRunner {
  private worker: Worker | undefined;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly version: string) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = startWorker(import.meta.url, '../server/job-worker');
    w.unref();
    w.on('exit', () => {
      if (this.worker === w) this.worker = undefined;
    });
    this.worker = w;
    return w;
  }

  /** Queue a job; jobs run one after another (`onStart` is awaited when its turn comes). */
  run(kind: JobKind, input: JobInput, onStart: () => Promise<void> = async () => {}): Promise<JobOutcome> {
    const next = this.chain.then(async () => {
      await onStart();
      return this.once(kind, input);
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  private once(kind: JobKind, input: JobInput): Promise<JobOutcome> {
    const w = this.start();
    return new Promise((resolve) => {
      const done = (out: JobOutcome) => {
        w.off('message', onMessage);
        w.off('error', onError);
        resolve(out);
      };
      const onMessage = (msg: { resultJson?: string; problems?: Problem[] }) =>
        done(msg.problems ? { problems: msg.problems } : { resultJson: msg.resultJson ?? 'null' });
      const onError = (err: Error) =>
        done({
          problems: [
            {
              code: 'job-crashed',
              severity: 'error',
              message: bi(`任务中断：${err.message}`, `the job stopped: ${err.message}`),
              fix: bi('检查输入；问题仍在请报告。', 'Check the input; report it if it persists.'),
            },
          ],
        });
      w.on('message', onMessage);
      w.on('error', onError);
      w.postMessage({ kind, input, version: this.version });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
