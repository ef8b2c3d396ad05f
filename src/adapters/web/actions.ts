/**
 * What the UI can do: load data, edit the spec (recomputed automatically),
 * run analyses, open / save projects, switch language. Computation goes to
 * the worker; results land in the store.
 */
import type { Lang } from '../../core/i18n.ts';
import type { Spec } from '../../core/measure/spec.ts';
import { directionHint } from '../../core/measure/direction-hint.ts';
import { del as idbDel, get as idbGet, set as idbSet } from 'idb-keyval';
import { saveLang } from './i18n.ts';
import { decodeSpec, encodeSpec, parseHash } from './share-link.ts';
import { SpecHistory } from './spec-history.ts';
import { dataBytes, dataFile, parseProject, toProject } from './project.ts';
import { type Request, WorkerProblems } from './protocol.ts';
import type { AnalysisRequest, Roles } from './session.ts';
import type { EstimateRequest } from './estimate-session.ts';
import type { SimulateRequest } from './simulate-session.ts';
import type { TfpRequest } from './tfp-session.ts';
import type { QcaRequest } from './qca-session.ts';
import type { TextRequest } from './text-session.ts';
import { getStore, type DataFile, type State, type ViewId } from './store.ts';
import type { WorkerClient } from './worker-client.ts';
import { DEFAULT_DATA_NAME, DEFAULT_DATA_TEXT, GEO_URL, defaultSpec } from './defaults.ts';
import { downloadBlob } from './download.ts';

let client: WorkerClient;
let evalSeq = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

export function initActions(c: WorkerClient): void {
  client = c;
}

const problemsOf = (e: unknown) =>
  e instanceof WorkerProblems
    ? e.problems
    : [{ code: 'internal', severity: 'error' as const, message: { zh: String(e), en: String(e) } }];

/** Show a view; it becomes a step of the browser's history, so Back and Forward move between views. */
export function setView(view: ViewId, fromHistory = false): void {
  const before = getStore().get().view;
  getStore().set({ view });
  persistSoon();
  try {
    if (!fromHistory && before !== view) history.pushState({ view }, '', `#${view}`);
    window.scrollTo(0, 0);
  } catch {
    /* ignore */
  }
}

export function setLang(lang: Lang): void {
  saveLang(lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  getStore().set({ lang });
}

/** Fetch the province boundaries once (map and spatial weights). */
export async function loadGeo(): Promise<void> {
  try {
    const res = await fetch(GEO_URL);
    const geojson = (await res.json()) as unknown;
    getStore().set({ geojson });
    await client.call('geo', { geojson });
  } catch {
    /* the map and spatial analyses say the boundaries are missing */
  }
}

/** Load a data file (bytes) and evaluate the current spec on it. */
export async function loadData(file: DataFile, roles?: Roles): Promise<void> {
  const store = getStore();
  store.set({
    busy: true,
    data: file,
    loadProblems: undefined,
    summary: undefined,
    inspection: undefined,
    result: undefined,
    specProblems: undefined,
    analyses: {},
    estimateDraft: undefined,
    estimate: undefined,
  });
  persistSoon();
  try {
    const read = {
      ...(file.sheet !== undefined ? { sheet: file.sheet } : {}),
      ...(file.headerRow !== undefined ? { headerRow: file.headerRow } : {}),
    };
    const summary = await client.call('load', {
      bytes: dataBytes(file),
      name: file.name,
      spec: store.get().spec,
      read,
    });
    const r = roles && summary.header.includes(roles.unit) ? roles : summary.guess;
    store.set({ summary, roles: r });
    await inspect(r);
    await evaluateNow();
  } catch (e) {
    store.set({ loadProblems: problemsOf(e), busy: false });
  }
}

export function loadDefault(): Promise<void> {
  getStore().set({ spec: defaultSpec() });
  return loadData({ name: DEFAULT_DATA_NAME, encoding: 'utf-8', content: DEFAULT_DATA_TEXT, embedded: true });
}

/** Re-read the current file with another sheet or header row (XLSX). */
export async function rereadData(read: { sheet?: string; headerRow?: number }): Promise<void> {
  const data = getStore().get().data;
  if (!data) return;
  const { sheet: _s, headerRow: _h, ...rest } = data;
  await loadData({
    ...rest,
    ...(read.sheet !== undefined ? { sheet: read.sheet } : {}),
    ...(read.headerRow !== undefined ? { headerRow: read.headerRow } : {}),
  });
}

export async function uploadFile(file: File): Promise<void> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (/\.xinzhi\.json$/i.test(file.name)) return openProjectText(new TextDecoder().decode(bytes));
  await loadData(dataFile(file.name, bytes));
}

export async function inspect(roles: Roles): Promise<void> {
  const store = getStore();
  store.set({ roles });
  try {
    store.set({ inspection: await client.call('inspect', { roles }) });
  } catch (e) {
    store.set({ loadProblems: problemsOf(e) });
  }
}

/** Change the roles (unit / time / labels) and re-read. */
export async function setRoles(roles: Roles): Promise<void> {
  await inspect(roles);
  const s = getStore().get();
  updateSpec({ ...s.spec, unit: roles.unit, time: roles.time, labels: roles.labels });
}

const specHistory = new SpecHistory();

/** Replace the spec and recompute (debounced for typing); the replaced spec can be brought back with undoSpec. */
export function updateSpec(spec: Spec, delay = 150, record = true): void {
  const store = getStore();
  if (record && store.get().spec !== spec) specHistory.record(store.get().spec, Date.now());
  store.set({ spec, canUndo: specHistory.canUndo, canRedo: specHistory.canRedo });
  persistSoon();
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    void evaluateNow();
  }, delay);
}

/**
 * Cancel the running computation (a long Monte Carlo run, say): the worker is
 * replaced, the Monte Carlo switch is turned off, and the data are read again
 * into the fresh worker and evaluated without it.
 */
export async function cancelWork(): Promise<void> {
  const store = getStore();
  client.cancel();
  evalSeq++;
  const { uncertainty: _off, ...spec } = store.get().spec;
  store.set({ spec, busy: false, progress: undefined });
  const geojson = store.get().geojson;
  if (geojson) await client.call('geo', { geojson });
  const data = store.get().data;
  if (data) await loadData(data, store.get().roles);
}

/** Go back to the indicator system before the last edit. */
export function undoSpec(): void {
  const prev = specHistory.undo(getStore().get().spec);
  if (prev) updateSpec(prev, 0, false);
}

/** Redo an undone edit. */
export function redoSpec(): void {
  const next = specHistory.redo(getStore().get().spec);
  if (next) updateSpec(next, 0, false);
}

let persistTimer: ReturnType<typeof setTimeout> | undefined;

/** Keep the project (data, roles, spec, language, view) in the browser's storage, so a reload restores it. */
function persistSoon(): void {
  if (persistTimer) clearTimeout(persistTimer);
  persistTimer = setTimeout(() => {
    const s = getStore().get();
    if (!s.data) return;
    const project = toProject({ lang: s.lang, data: s.data, ...(s.roles ? { roles: s.roles } : {}), spec: s.spec });
    void idbSet(SAVED_KEY, { project, view: s.view }).catch(() => {
      /* storage unavailable (private mode): the app works without it */
    });
  }, 300);
}

const SAVED_KEY = 'xinzhi.project';

/** Open the app: a shared link's spec (on the embedded panel), else the project kept from the last visit, else the default. */
export async function startApp(hash: string): Promise<void> {
  const store = getStore();
  const link = parseHash(hash);
  if (link.spec) {
    const spec = await decodeSpec(link.spec);
    if (spec) {
      store.set({ spec, notice: 'linkOpened' });
      return loadData({ name: DEFAULT_DATA_NAME, encoding: 'utf-8', content: DEFAULT_DATA_TEXT, embedded: true });
    }
    store.set({ notice: 'linkBroken' });
  } else {
    const saved = (await idbGet(SAVED_KEY).catch(() => undefined)) as { project: unknown; view?: ViewId } | undefined;
    const { project } = saved ? parseProject(JSON.stringify(saved.project)) : {};
    if (project) {
      setLang(project.lang);
      store.set({ spec: project.spec, notice: 'sessionRestored' });
      await loadData(project.data, project.roles);
      return;
    }
  }
  await loadDefault();
}

/** Forget the kept project and start again from the embedded panel and the default spec. */
export async function startOver(): Promise<void> {
  await idbDel(SAVED_KEY).catch(() => undefined);
  specHistory.clear();
  getStore().set({ notice: undefined, canUndo: false, canRedo: false });
  await loadDefault();
}

/** A link that reopens the current view and indicator system (the data stays on this computer). */
export async function shareLink(): Promise<string> {
  const s = getStore().get();
  return `${location.origin}${location.pathname}#${s.view}?s=${await encodeSpec(s.spec)}`;
}

/** Evaluate the current spec now; later calls supersede earlier ones. */
export async function evaluateNow(): Promise<number | undefined> {
  const store = getStore();
  if (timer) {
    clearTimeout(timer);
    timer = undefined;
  }
  if (!store.get().data) return undefined;
  const seq = ++evalSeq;
  store.set({ busy: true, progress: undefined });
  try {
    const out = await client.call('evaluate', { spec: store.get().spec, version: 'web' }, (done, total) => {
      if (seq === evalSeq) store.set({ progress: { done, total } });
    });
    if (seq !== evalSeq) return undefined;
    store.set({
      result: out.result,
      readWarnings: out.readWarnings,
      evalMs: out.ms,
      evalThreads: out.threads,
      specProblems: undefined,
      busy: false,
      progress: undefined,
      analyses: {},
    });
    return out.ms;
  } catch (e) {
    if (seq === evalSeq)
      store.set({ specProblems: problemsOf(e), result: undefined, busy: false, progress: undefined, analyses: {} });
    return undefined;
  }
}

/** Identity of an analysis request: a panel shows an output only when it answers the request its controls make now. */
export function analysisKey(req: AnalysisRequest): string {
  return JSON.stringify(req);
}

export async function runAnalysis(req: AnalysisRequest): Promise<void> {
  const store = getStore();
  try {
    const out = await client.call('analyze', { req });
    store.set((s) => ({ analyses: { ...s.analyses, [req.kind]: { ...out, reqKey: analysisKey(req) } } }));
  } catch (e) {
    store.set((s) => ({
      analyses: { ...s.analyses, [req.kind]: { problems: problemsOf(e), reqKey: analysisKey(req) } },
    }));
  }
}

/** Upload a spatial weights edge list (from, to[, weight]) for the spatial panels' "file" choice. */
export async function uploadWeightsFile(file: File): Promise<void> {
  const store = getStore();
  try {
    const out = await client.call('weights-file', { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name });
    // spatial outputs built with an earlier file are stale
    const { moran: _m, lisa: _l, markov: _k, ...rest } = store.get().analyses;
    store.set({ weightsFile: out, analyses: rest });
  } catch (e) {
    store.set({ weightsFile: { name: file.name, edges: 0, problems: problemsOf(e) } });
  }
}

/** Store fields of the pages whose worker runs follow the choices on the page (estimation, simulation, QCA, TFP, text index). */
type PageRun = 'estimate' | 'simulation' | 'qca' | 'tfp' | 'textIndex';
const latestRun: Record<PageRun, number> = { estimate: 0, simulation: 0, qca: 0, tfp: 0, textIndex: 0 };

/**
 * Run a page's request in the worker and keep the answer (or the problems)
 * under the page's store field with the request's key; the answer to a
 * request that a newer one has superseded is dropped.
 */
async function runLatest<O extends 'estimate' | 'simulate' | 'qca' | 'tfp' | 'text'>(
  field: PageRun,
  op: O,
  req: Extract<Request, { op: O }>['req'],
  key: string,
): Promise<void> {
  const store = getStore();
  const seq = ++latestRun[field];
  store.set({ [field]: { key } } as Partial<State>);
  try {
    const out = await client.call(op, { req } as never);
    if (seq === latestRun[field]) store.set({ [field]: { key, out } } as Partial<State>);
  } catch (e) {
    if (seq === latestRun[field]) store.set({ [field]: { key, problems: problemsOf(e) } } as Partial<State>);
  }
}

/** Estimate a model on the loaded data (and the current scores). */
export const runEstimateModel = (req: EstimateRequest, key: string) => runLatest('estimate', 'estimate', req, key);
/** Run the simulation page's request. */
export const runSimulation = (req: SimulateRequest, key: string) => runLatest('simulation', 'simulate', req, key);
/** Run the QCA page's request. */
export const runQca = (req: QcaRequest, key: string) => runLatest('qca', 'qca', req, key);
/** Run the TFP page's request. */
export const runTfpModel = (req: TfpRequest, key: string) => runLatest('tfp', 'tfp', req, key);
/** Count the text-index page's reports. */
export const runTextIndex = (req: TextRequest, key: string) => runLatest('textIndex', 'text', req, key);

/** Keep the model being built on the estimation page. */
export const setEstimateDraft = (estimateDraft: EstimateRequest) => getStore().set({ estimateDraft });
/** Keep the simulation page's choices. */
export const setSimulateDraft = (simulateDraft: SimulateRequest) => getStore().set({ simulateDraft });
/** Keep the QCA page's choices. */
export const setQcaDraft = (qcaDraft: QcaRequest) => getStore().set({ qcaDraft });
/** Keep the TFP page's choices. */
export const setTfpDraft = (tfpDraft: TfpRequest) => getStore().set({ tfpDraft });
/** Keep the text-index page's reports and settings. */
export const setTextDraft = (textDraft: TextRequest) => getStore().set({ textDraft });

export function saveProject(): void {
  const s = getStore().get();
  if (!s.data) return;
  const p = toProject({ lang: s.lang, data: s.data, ...(s.roles ? { roles: s.roles } : {}), spec: s.spec });
  const base = s.data.name.replace(/\.[^.]+$/, '');
  downloadBlob(new Blob([JSON.stringify(p, null, 2)], { type: 'application/json' }), `${base}.xinzhi.json`);
}

export async function openProjectText(text: string): Promise<void> {
  const store = getStore();
  const { project, error } = parseProject(text);
  if (!project) {
    store.set({
      loadProblems: [
        {
          code: 'bad-project',
          severity: 'error',
          message: error!,
          fix: { zh: '选择由 xinzhi 保存的 *.xinzhi.json 文件', en: 'choose a *.xinzhi.json file saved by xinzhi' },
        },
      ],
    });
    return;
  }
  setLang(project.lang);
  store.set({ spec: project.spec });
  await loadData(project.data, project.roles);
  store.set({ notice: 'projectOpened' });
}

/** Spec built from the data: every numeric column an indicator under one dimension. */
export function specFromData(): void {
  const s = getStore().get();
  if (!s.inspection || !s.roles) return;
  const ids = new Set<string>();
  // ids keep the column's letters in any script (a Chinese header stays Chinese in every message)
  const slug = (c: string) => {
    const base =
      c
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '_')
        .replace(/^_|_$/g, '') || 'x';
    let id = base,
      k = 2;
    while (ids.has(id) || id === 'index' || id === 'all') id = `${base}_${k++}`;
    ids.add(id);
    return id;
  };
  const spec: Spec = {
    name: { zh: '综合指数', en: 'Composite index' },
    unit: s.roles.unit,
    time: s.roles.time,
    labels: s.roles.labels,
    nodes: [{ id: 'all', parent: null, name: { zh: '全部指标', en: 'All indicators' } }],
    indicators: s.inspection.indicators.map((c) => ({
      id: slug(c),
      column: c,
      direction: directionHint(c)?.direction ?? '+',
      parent: 'all',
      name: { zh: c, en: c },
    })),
    missing: { method: 'interpolate' },
    normalize: { method: 'minmax', shift: 0.0001, panel: 'pooled' },
    weights: { method: 'entropy', panel: 'pooled', scope: 'leaves' },
    aggregate: { method: 'arithmetic' },
  };
  const hints = s.inspection.indicators.flatMap((c) => {
    const h = directionHint(c);
    return h ? [{ column: c, reason: h.reason }] : [];
  });
  getStore().set({ directionHints: hints });
  updateSpec(spec, 0);
}
