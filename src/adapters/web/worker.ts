/**
 * The Web Worker: runs the core (parse, validate, evaluate, analyses) off the
 * main thread so the page stays responsive, posting progress messages during
 * long runs (the Monte Carlo uncertainty analysis); the work the CLI spreads
 * over threads (draws, pairwise scores, DEA chunks, bootstrap replications)
 * goes to more workers when large (compute-pool.ts).
 * Protocol: see protocol.ts.
 */
/// <reference lib="webworker" />
import { XinzhiError } from '../../core/errors.ts';
import { browserCores, type ComputePools, webPools } from './compute-pool.ts';
import { Session } from './session.ts';
import { simulateRequest } from './simulate-session.ts';
import { tfpRequest } from './tfp-session.ts';
import { qcaRequest } from './qca-session.ts';
import type { Reply, Request } from './protocol.ts';

const session = new Session();

/**
 * A request on the compute workers (`pooled`), with the number of them it
 * used when more than this worker; when the workers fail (a worker that
 * cannot start: anything but a XinzhiError about the data), the request on
 * this worker alone (`here`), which gives the same numbers.
 */
async function onPools<T extends object>(
  pools: ComputePools,
  pooled: () => Promise<T>,
  here: () => T | Promise<T>,
): Promise<T & { threads?: number }> {
  let out: T;
  try {
    out = await pooled();
  } catch (e) {
    if (e instanceof XinzhiError && !e.problems.some((p) => p.code === 'estimate-threads')) throw e;
    return here();
  }
  return pools.threads() > 1 ? { ...out, threads: pools.threads() } : out;
}
const post = (m: Reply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = async (ev: MessageEvent<Request>) => {
  const req = ev.data;
  try {
    let value: unknown;
    switch (req.op) {
      case 'load':
        value = await session.load(req.bytes, req.name, req.spec, req.read);
        break;
      case 'geo':
        session.setGeojson(req.geojson);
        value = true;
        break;
      case 'inspect':
        value = session.inspect(req.roles);
        break;
      case 'evaluate': {
        let last = 0;
        const opts = {
          version: req.version,
          onProgress: (done: number, total: number) => {
            const t = Date.now();
            if (done === total || t - last > 80) {
              last = t;
              post({ id: req.id, progress: { done, total } });
            }
          },
        };
        const pools = webPools(browserCores(), req.jobs); // the draws and pairwise scores of a large panel on every core
        value = await onPools(
          pools,
          () => session.evaluateAsync(req.spec, { ...opts, pools }),
          () => session.evaluate(req.spec, opts),
        );
        break;
      }
      case 'analyze':
        value = session.analyze(req.req);
        break;
      case 'estimate': {
        const pools = webPools(browserCores(), req.jobs); // a large panel's draws on every core
        value = await onPools(
          pools,
          () => session.estimateAsync(req.req, pools.estimate),
          () => session.estimate(req.req),
        );
        break;
      }
      case 'simulate':
        value = simulateRequest(req.req);
        break;
      case 'qca':
        value = await qcaRequest(req.req);
        break;
      case 'tfp': {
        const pools = webPools(browserCores(), req.jobs); // a large run's DEA chunks and bootstrap on every core
        value = await onPools(
          pools,
          () => tfpRequest(req.req, pools),
          () => tfpRequest(req.req),
        );
        break;
      }
      case 'text': {
        // pdf.js, jieba and OpenCC load only when the text-index page is used
        const [{ textRequest }, { BROWSER_TEXT_ENV }] = await Promise.all([
          import('./text-session.ts'),
          import('./text-env.ts'),
        ]);
        value = await textRequest(req.req, BROWSER_TEXT_ENV);
        break;
      }
      case 'weights-file':
        value = await session.setWeightsFile(req.bytes, req.name);
        break;
    }
    post({ id: req.id, ok: true, value });
  } catch (e) {
    if (e instanceof XinzhiError) post({ id: req.id, ok: false, problems: e.problems });
    else
      post({
        id: req.id,
        ok: false,
        problems: [
          {
            code: 'internal',
            severity: 'error',
            message: { zh: `内部错误：${(e as Error).message}`, en: `internal error: ${(e as Error).message}` },
          },
        ],
      });
  }
};
