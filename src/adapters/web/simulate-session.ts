/**
 * The simulation page's computation (run in the worker): the shipped seed-000
 * loop model with its scenarios, or a model the user uploads (XMILE or
 * Vensim .mdl), run by the same core calls as `xinzhi simulate` —
 * `runScenarios` for the runs and their summaries, `loopDominance` and
 * `dominancePhases` for the loop that drives each stretch of time.
 *
 * @example simulateRequest({ scenarios: ['baseline', 'cooperation-first'], set: {} }).runs[1].summary.nqpf_level.final
 */
import seedModelText from '../../../data/simulate/seed000.xmile?raw';
import seedScenarios from '../../../data/simulate/seed000-scenarios.json' with { type: 'json' };
import { XinzhiError } from '../../core/errors.ts';
import { bi, type Bilingual } from '../../core/i18n.ts';
import {
  applyScenario,
  compileModel,
  type DominancePhase,
  dominancePhases,
  type LoopDominanceResult,
  loopDominance,
  parseScenarioFile,
  readVensim,
  readXmile,
  runScenarios,
  type Scenario,
  type ScenarioRun,
  type SdModel,
  type SimSpecs,
  type SimulateOptions,
} from '../../core/simulate/index.ts';

export interface SimulateRequest {
  /** Ids of the shipped scenarios to run (empty: all); ignored for an uploaded model. */
  scenarios: string[];
  /** Constants set in every run: name → value. */
  set: Record<string, number>;
  method?: 'euler' | 'rk4';
  stop?: number;
  /** Thresholds for "time to reach" in the summaries: variable → value. */
  thresholds?: Record<string, number>;
  /** The user's own model instead of seed 000. */
  upload?: { name: string; text: string };
}

/** A constant of the model that the page offers as a parameter. */
export interface ModelParameter {
  name: string;
  value: number;
  units?: string;
  doc?: string;
}

export interface SimulateOutput {
  model: { name: string; file: string; dialect: string; specs: SimSpecs; doc?: Bilingual; seed: boolean };
  parameters: ModelParameter[];
  stocks: string[];
  variables: string[];
  /** Every scenario of the shipped file (id and name), for the picker. */
  available: Array<{ id: string; name?: Bilingual }>;
  /** Note of the scenario file (seed 000: the values are illustrative). */
  note?: string;
  runs: ScenarioRun[];
  /** Loop dominance of the first run (Euler integration only; otherwise null with `loopsSkipped`). */
  loops: (LoopDominanceResult & { phases: DominancePhase[] }) | null;
  loopsSkipped?: Bilingual;
}

const SEED_FILE = 'seed000.xmile';

function readModel(req: SimulateRequest): { model: SdModel; file: string } {
  if (!req.upload) return { model: readXmile(seedModelText, SEED_FILE), file: SEED_FILE };
  const { name, text } = req.upload;
  const ext = name.toLowerCase().slice(name.lastIndexOf('.'));
  if (ext === '.mdl') return { model: readVensim(text, name), file: name };
  if (ext === '.xmile' || ext === '.stmx' || ext === '.xml') return { model: readXmile(text, name), file: name };
  throw new XinzhiError({
    code: 'sd-format',
    severity: 'error',
    file: name,
    message: bi('不认识的模型文件格式', 'unknown model file format'),
    fix: bi(
      '上传 XMILE（.xmile、.stmx、.xml）或 Vensim（.mdl）模型。',
      'Upload an XMILE (.xmile, .stmx, .xml) or Vensim (.mdl) model.',
    ),
  });
}

/** Numeric constants (auxiliaries whose equation is a number), in model order. */
export function modelParameters(model: SdModel): ModelParameter[] {
  return model.variables
    .filter((v) => v.kind === 'aux' && !v.lookupOnly && !v.hidden && !v.gf && v.eqn.kind === 'num')
    .map((v) => ({
      name: v.name,
      value: (v.eqn as { value: number }).value,
      ...(v.units ? { units: v.units } : {}),
      ...(v.doc ? { doc: v.doc } : {}),
    }));
}

export function simulateRequest(req: SimulateRequest): SimulateOutput {
  const { model, file } = readModel(req);
  const seed = !req.upload;
  const doc = seedScenarios as { note?: string };
  const shipped = seed ? parseScenarioFile(seedScenarios, 'seed000-scenarios.json') : [];
  const wanted = req.scenarios.length === 0 ? shipped : shipped.filter((s) => req.scenarios.includes(s.id));
  const unknown = req.scenarios.filter((id) => !shipped.some((s) => s.id === id));
  if (seed && unknown.length > 0)
    throw new XinzhiError({
      code: 'sd-scenario-unknown',
      severity: 'error',
      file: 'seed000-scenarios.json',
      message: bi(`没有情景 ${unknown.join('、')}`, `no scenario ${unknown.join(', ')}`),
      fix: bi(`可选：${shipped.map((s) => s.id).join('、')}`, `Choose from: ${shipped.map((s) => s.id).join(', ')}`),
    });
  const base: Scenario[] = seed ? wanted : [{ id: 'model', name: bi('模型', 'model'), set: {} }];
  const set = Object.fromEntries(Object.entries(req.set).map(([k, v]) => [k, String(v)]));
  const scenarios = base.map((s) => ({ ...s, set: { ...s.set, ...set } }));
  const sim: SimulateOptions = {};
  if (req.method) sim.method = req.method;
  if (req.stop !== undefined) sim.stop = req.stop;
  const runs = runScenarios(model, scenarios, sim, req.thresholds ?? {}, file);
  let loops: SimulateOutput['loops'] = null;
  const euler = (req.method ?? model.specs.method) === 'euler';
  if (scenarios.length > 0 && euler) {
    const ld = loopDominance(compileModel(applyScenario(model, scenarios[0], file)), sim);
    loops = { ...ld, phases: dominancePhases(ld) };
  }
  return {
    model: {
      name: model.name,
      file,
      dialect: model.dialect,
      specs: {
        ...model.specs,
        ...(req.stop !== undefined ? { stop: req.stop } : {}),
        ...(req.method ? { method: req.method } : {}),
      },
      ...(model.doc ? { doc: model.doc } : {}),
      seed,
    },
    parameters: modelParameters(model),
    stocks: model.variables.filter((v) => v.kind === 'stock' && !v.hidden).map((v) => v.name),
    variables: model.variables.filter((v) => !v.lookupOnly && !v.hidden).map((v) => v.name),
    available: shipped.map((s) => ({ id: s.id, ...(s.name ? { name: s.name } : {}) })),
    ...(seed && doc.note ? { note: doc.note } : {}),
    runs,
    loops,
    ...(euler
      ? {}
      : {
          loopsSkipped: bi(
            '回路主导只在欧拉法下计算（环路得分按时间步定义）；改用 Euler 即可看到。',
            'Loop dominance is computed with Euler integration only (loop scores are defined per time step); switch to Euler to see it.',
          ),
        }),
  };
}
