/**
 * Undo / redo of indicator-system edits: a bounded stack of past specs. Edits
 * that follow each other within `coalesceMs` (typing in a field) count as one
 * step. Pure: the actions module keeps one instance.
 *
 * @example const h = new SpecHistory(); h.record(a, 0); h.undo(b) // a
 */
import type { Spec } from '../../core/measure/spec.ts';

export class SpecHistory {
  private past: Spec[] = [];
  private future: Spec[] = [];
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly limit = 100,
    private readonly coalesceMs = 800,
  ) {}

  /** Remember `before` (the spec an edit replaces) at time `now` (ms); a new edit clears the redo stack. */
  record(before: Spec, now: number): void {
    if (now - this.last > this.coalesceMs || !this.past.length) {
      this.past.push(before);
      if (this.past.length > this.limit) this.past.shift();
    }
    this.last = now;
    this.future = [];
  }

  /** The spec to go back to from `current`, or undefined when there is none. */
  undo(current: Spec): Spec | undefined {
    const prev = this.past.pop();
    if (prev) this.future.push(current);
    this.last = Number.NEGATIVE_INFINITY;
    return prev;
  }

  /** The spec to go forward to from `current`, or undefined. */
  redo(current: Spec): Spec | undefined {
    const next = this.future.pop();
    if (next) this.past.push(current);
    this.last = Number.NEGATIVE_INFINITY;
    return next;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  clear(): void {
    this.past = [];
    this.future = [];
    this.last = Number.NEGATIVE_INFINITY;
  }
}
