/**
 * Recompute time of the province evaluation in the web app after a spec
 * change, measured inside the page (performance.now), median of 20 runs,
 * next to the same evaluation in Node (same core, same spec changes).
 *
 * Then a firm panel's Monte Carlo analysis (2,000 firms × 10 years × 8
 * indicators, 1,000 draws) in the page on the app's worker alone (jobs 1) and
 * on every core (compute workers, web/compute-pool.ts; timed after one run
 * that starts them, as a recompute after a change finds them), beside the same
 * analysis in Node on one thread (one worker and many must give the same
 * report; Node's own Math.log may differ from the browser's in the last bit).
 *
 * Last, the Spec view of a 40-indicator firm spec: the indicator tree drawn,
 * and redrawn after one edit (each framework select gets its ~230 options
 * when first used: components/SpecTree.tsx).
 *
 * Builds the app (Vite) into a temporary directory, serves it, drives
 * Debian's chromium with playwright-core. Prints a skip note and exits 0
 * when /usr/bin/chromium is missing. Not asserted anywhere (target: < 100 ms).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../scripts/serve-web.ts';
import { Session } from '../src/adapters/web/session.ts';
import type { Spec } from '../src/core/measure/spec.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/chromium.ts';
import { firmBenchSpec } from './_firm-spec.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const RUNS = 20;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** The spec change of run i: alternate the min-max shift (every run recomputes everything downstream). */
const change = (spec: Spec, i: number): Spec => ({
  ...spec,
  normalize: { ...spec.normalize, shift: i % 2 ? 0.0002 : 0.0001 },
});

// Node: the same evaluation through the web session (parse once, evaluate per change)
const spec = JSON.parse(readFileSync(join(ROOT, 'data/specs/examples/nqpf-province-totals.json'), 'utf8')) as Spec;
const session = new Session();
await session.load(
  new Uint8Array(readFileSync(join(ROOT, 'data/province-panel/nqpf_province_2013_2022.csv'))),
  'nqpf_province_2013_2022.csv',
  spec,
);
for (let i = 0; i < 3; i++) session.evaluate(change(spec, i));
const nodeMs: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  session.evaluate(change(spec, i));
  nodeMs.push(performance.now() - t0);
}

if (!existsSync(CHROMIUM)) {
  console.log(`web-recompute: ${CHROMIUM} not found, browser part skipped (apt-get install chromium)`);
  console.log(
    `node   evaluate (province panel, spec change)       median ${median(nodeMs).toFixed(1)} ms (${RUNS} runs)`,
  );
  process.exit(0);
}

const out = await mkdtemp(join(tmpdir(), 'xinzhi-web-bench-'));
const { build } = await import('vite');
await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
const { server, url } = await serveStatic(out, 0);
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${url}#results`);
  await page.waitForSelector('[data-testid=scores-table] tbody tr', { timeout: 60_000 });
  // a string, not a function: tsx would inject its __name helper into a serialised function
  const runs = (await page.evaluate(`(async () => {
    const x = window.__xinzhi;
    const res = [];
    for (let i = 0; i < ${RUNS} + 3; i++) {
      const r = await x.recompute((spec) => { spec.normalize.shift = i % 2 ? 0.0002 : 0.0001; return spec; });
      if (i >= 3) res.push(r);
    }
    return res;
  })()`)) as Array<{ total: number; rendered: number; worker: number }>;
  console.log(
    `province evaluation recompute after a spec change (31 provinces × 10 years, 17 indicators), median of ${RUNS}:`,
  );
  console.log(
    `browser  inside the worker (tableToPanel + evaluate)   ${median(runs.map((r) => r.worker)).toFixed(1)} ms`,
  );
  console.log(
    `browser  spec change → result in the page              ${median(runs.map((r) => r.total)).toFixed(1)} ms`,
  );
  console.log(
    `browser  spec change → next frame drawn (incl. render) ${median(runs.map((r) => r.rendered)).toFixed(1)} ms`,
  );
  console.log(`node     evaluate (same core, same changes)            ${median(nodeMs).toFixed(1)} ms`);

  // a firm panel's Monte Carlo analysis: one worker, every core, and Node on one thread
  const header = ['firm', 'year', ...Array.from({ length: 8 }, (_, j) => `x${j + 1}`)];
  const lines = [header.join(',')];
  for (let i = 1; i <= 2000; i++)
    for (let y = 2013; y <= 2022; y++)
      lines.push(
        [`f${i}`, y, ...Array.from({ length: 8 }, (_, j) => 1 + ((i * (j + 7) + y * 13) % 101) / 7)].join(','),
      );
  const csv = `${lines.join('\n')}\n`;
  const firmSpec = {
    unit: 'firm',
    time: 'year',
    indicators: header.slice(2).map((c) => ({ id: c, column: c, direction: '+' })),
    normalize: { method: 'minmax', shift: 0.0001 },
    weights: { method: 'entropy', panel: 'pooled' },
    uncertainty: { draws: 1000, seed: 1 },
  };
  const firmSession = new Session();
  await firmSession.load(new TextEncoder().encode(csv), 'firms.csv', firmSpec as never);
  const n0 = performance.now();
  const nodeOut = firmSession.evaluate(firmSpec);
  const nodeS = (performance.now() - n0) / 1000;
  const inPage = (await page.evaluate(`(async () => {
    const x = window.__xinzhi;
    const bytes = new TextEncoder().encode(${JSON.stringify(csv)});
    await x.call('load', { bytes, name: 'firms.csv', spec: ${JSON.stringify(firmSpec)} });
    const spec = ${JSON.stringify(firmSpec)};
    await x.call('evaluate', { spec, jobs: 1 }); // warm up
    const t1 = performance.now();
    const one = await x.call('evaluate', { spec, jobs: 1 });
    const s1 = (performance.now() - t1) / 1000;
    await x.call('evaluate', { spec }); // warm
    const tn = performance.now();
    const all = await x.call('evaluate', { spec });
    const sn = (performance.now() - tn) / 1000;
    return { s1, sn, threads: all.threads ?? 1, one: JSON.stringify(one.result.uncertainty), all: JSON.stringify(all.result.uncertainty) };
  })()`)) as { s1: number; sn: number; threads: number; one: string; all: string };
  // one worker and many give the same bits; Node's Math.log can differ from the browser's in the last bit (docs/web.md)
  const same = inPage.one === inPage.all;
  const ranks = (u: string) =>
    JSON.stringify((JSON.parse(u) as { ranks: Array<{ medianRank: number }> }).ranks.map((r) => r.medianRank));
  console.log('firm panel Monte Carlo (2,000 × 10 × 8, 1,000 draws), evaluate with the analysis:');
  console.log(`browser  the app's worker alone                        ${inPage.s1.toFixed(2)} s`);
  console.log(
    `browser  on ${inPage.threads} compute workers                            ${inPage.sn.toFixed(2)} s (${(inPage.s1 / inPage.sn).toFixed(2)}× one worker; ${same ? 'the same report' : 'REPORTS DIFFER'})`,
  );
  console.log(
    `node     one thread (same core)                        ${nodeS.toFixed(2)} s (median ranks ${ranks(inPage.one) === ranks(JSON.stringify(nodeOut.result.uncertainty)) ? 'as in the browser' : 'differ from the browser’s'})`,
  );

  // the Spec view of a 40-indicator firm spec: drawing the tree, and redrawing it after one edit
  const fortySpec = firmBenchSpec(Array.from({ length: 40 }, (_, j) => `x${j + 1}`));
  await page.goto(`${url}#spec`);
  await page.waitForSelector('[data-testid=spec-tree]', { timeout: 60_000 });
  const tree = (await page.evaluate(`(async () => {
    const x = window.__xinzhi;
    const frame = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const cur = x.store.get().spec;
    let t = performance.now();
    x.store.set({ spec: { ...cur, ...${JSON.stringify(fortySpec)}, unit: cur.unit, time: cur.time } });
    await frame();
    const draw = performance.now() - t;
    const edits = [];
    for (let i = 0; i < ${RUNS}; i++) {
      const s = structuredClone(x.store.get().spec);
      s.indicators[i].direction = s.indicators[i].direction === '+' ? '-' : '+';
      t = performance.now();
      x.store.set({ spec: s });
      await frame();
      edits.push(performance.now() - t);
    }
    return { draw, edits, options: document.querySelectorAll('[data-testid=spec-tree] option').length };
  })()`)) as { draw: number; edits: number[]; options: number };
  console.log('Spec view, 40 indicators in 3 dimensions (to the next frame drawn):');
  console.log(
    `browser  the tree drawn                                ${tree.draw.toFixed(1)} ms (${tree.options} options)`,
  );
  console.log(`browser  redrawn after one edit, median of ${RUNS}           ${median(tree.edits).toFixed(1)} ms`);
} finally {
  await browser.close();
  server.close();
  await rm(out, { recursive: true, force: true });
}
