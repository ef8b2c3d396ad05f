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
import { evaluateNow, initActions, loadDefault, loadGeo, updateSpec } from './actions.ts';
import { defaultSpec } from './defaults.ts';

const lang = initLangFromBrowser();
const hash = location.hash.replace('#', '') as ViewId;
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
void loadDefault();

/** Hooks for end-to-end tests and the in-browser benchmark. */
(window as unknown as { __xinzhi: unknown }).__xinzhi = {
  store,
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
