/**
 * Entry of the web app: state, worker, first load (the embedded province
 * panel), then render. A test / benchmark hook is exposed as
 * window.__xinzhi (recompute timing, store access).
 */
import { render } from 'preact';
import './styles.css';
import { App } from './App.tsx';
import { initLangFromBrowser } from './boot.ts';
import { VIEWS, initStore, type ViewId } from './store.ts';
import { WorkerClient } from './worker-client.ts';
import type { Op, Payload } from './worker-client.ts';
import { evaluateNow, initActions, loadGeo, redoSpec, setView, startApp, undoSpec, updateSpec } from './actions.ts';
import { parseHash } from './share-link.ts';
import { defaultSpec } from './defaults.ts';

const lang = initLangFromBrowser();
const hash = parseHash(location.hash).view as ViewId;
const store = initStore({
  lang,
  view: VIEWS.includes(hash) ? hash : 'results',
  spec: defaultSpec(),
  busy: true,
  analyses: {},
});
const client = new WorkerClient();
initActions(client);
render(<App />, document.getElementById('app')!);
void loadGeo();
void startApp(location.hash);
// Back / Forward move between views
window.addEventListener('popstate', () => {
  const view = parseHash(location.hash).view as ViewId;
  if (VIEWS.includes(view)) setView(view, true);
});
// Ctrl/⌘+Z undoes an indicator-system edit, Ctrl/⌘+Shift+Z (or Ctrl+Y) redoes it, outside text fields
window.addEventListener('keydown', (e) => {
  const el = e.target as HTMLElement | null;
  if (el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable)) return;
  if (!(e.ctrlKey || e.metaKey)) return;
  const k = e.key.toLowerCase();
  if (k === 'z' && !e.shiftKey) {
    e.preventDefault();
    undoSpec();
  } else if ((k === 'z' && e.shiftKey) || k === 'y') {
    e.preventDefault();
    redoSpec();
  }
});

/** Hooks for end-to-end tests and the in-browser benchmark. */
(window as unknown as { __xinzhi: unknown }).__xinzhi = {
  store,
  /** Send a request to the app's worker as the views do (e.g. 'evaluate' with `jobs`), leaving the store alone: the worker's answer. */
  call: (op: Op, payload: Payload<Op>) => client.call(op, payload),
  /** Apply a spec change and time it (ms, performance.now): until the result is in the store (total), until the next frame is drawn (rendered), inside the worker (worker). */
  async recompute(mutate: (spec: unknown) => unknown): Promise<{ total: number; rendered: number; worker: number }> {
    const spec = mutate(structuredClone(store.get().spec));
    const t0 = performance.now();
    updateSpec(spec as never, 1e9);
    const worker = await evaluateNow();
    const computed = performance.now() - t0;
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    return { total: computed, rendered: performance.now() - t0, worker: worker ?? NaN };
  },
};
