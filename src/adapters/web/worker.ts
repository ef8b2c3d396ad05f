/**
 * The Web Worker: runs the core (parse, validate, evaluate, analyses) off the
 * main thread so the page stays responsive, posting progress messages during
 * long runs (the Monte Carlo uncertainty analysis); a large evaluation's
 * draws and pairwise scores go to more workers (compute-pool.ts).
 * Protocol: see protocol.ts.
 */
/// <reference lib="webworker" />
import { XinzhiError } from '../../core/errors.ts';
import { browserCores, webPools } from './compute-pool.ts';
import { Session } from './session.ts';
import { simulateRequest } from './simulate-session.ts';
import { tfpRequest } from './tfp-session.ts';
import { qcaRequest } from './qca-session.ts';
import type { Reply, Request } from './protocol.ts';

const session = new Session();
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
        const pools = webPools(browserCores(), req.jobs); // the draws and pairwise scores of a large panel on every core
        const out = await session.evaluateAsync(req.spec, {
          version: req.version,
          onProgress: (done, total) => {
            const t = Date.now();
            if (done === total || t - last > 80) {
              last = t;
              post({ id: req.id, progress: { done, total } });
            }
          },
          pools,
        });
        value = pools.threads() > 1 ? { ...out, threads: pools.threads() } : out;
        break;
      }
      case 'analyze':
        value = session.analyze(req.req);
        break;
      case 'estimate':
        value = session.estimate(req.req);
        break;
      case 'simulate':
        value = simulateRequest(req.req);
        break;
      case 'qca':
        value = await qcaRequest(req.req);
        break;
      case 'tfp':
        value = await tfpRequest(req.req);
        break;
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
