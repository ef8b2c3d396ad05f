/** Promise-based calls to the worker (worker.ts), with progress callbacks. */
import type { Reply, Request, Returns } from './protocol.ts';
import { WorkerProblems } from './protocol.ts';

export type Op = Request['op'];
export type Payload<O extends Op> = Omit<Extract<Request, { op: O }>, 'id' | 'op'>;

export class WorkerClient {
  private worker: Worker;
  private next = 1;
  private pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: unknown) => void; progress?: (done: number, total: number) => void }
  >();

  constructor() {
    this.worker = this.start();
  }

  private start(): Worker {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (ev: MessageEvent<Reply>) => {
      const m = ev.data;
      const p = this.pending.get(m.id);
      if (!p) return;
      if ('progress' in m) {
        p.progress?.(m.progress.done, m.progress.total);
        return;
      }
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else p.reject(new WorkerProblems(m.problems));
    };
    return worker;
  }

  /** Stop whatever the worker is computing: the worker is replaced by a fresh one (its state is gone) and pending calls fail as cancelled. */
  cancel(): void {
    this.worker.terminate();
    const cancelled = new WorkerProblems([
      { code: 'cancelled', severity: 'error', message: { zh: '已取消', en: 'cancelled' } },
    ]);
    for (const p of this.pending.values()) p.reject(cancelled);
    this.pending.clear();
    this.worker = this.start();
  }

  call<O extends Op>(
    op: O,
    payload: Payload<O>,
    progress?: (done: number, total: number) => void,
  ): Promise<Returns[O]> {
    const id = this.next++;
    return new Promise<Returns[O]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, ...(progress ? { progress } : {}) });
      this.worker.postMessage({ id, op, ...payload } as unknown as Request);
    });
  }
}
