/**
 * `trappa check`'s rules on the edited data, when typing pauses: the server builds each deck
 * in memory for it, which takes longer than the live slides, so it runs only after a quiet
 * moment, never beside a render, and a result for data that has changed since is dropped.
 */
import { postJson } from './api.js';
import type { Issue } from './slides.js';

interface CheckResult {
  decks: Array<{ id: string; findings: Issue[] }>;
  /** Located problems only a build finds (a picture, the size budget). */
  issues: Issue[];
}

export interface CheckerHooks {
  /** A render is out: the check waits. */
  busy(): boolean;
  edits(): Record<string, unknown>;
  shown(result: CheckResult): void;
}

const QUIET_MS = 700;

export class LiveChecker {
  #timer: number | undefined;
  /** Counts edits, so a check that finishes after the data changed again is not shown. */
  #generation = 0;

  constructor(readonly hooks: CheckerHooks) {}

  edited(): void {
    this.#generation++;
  }

  schedule(): void {
    window.clearTimeout(this.#timer);
    this.#timer = window.setTimeout(() => void this.#run(), QUIET_MS);
  }

  async #run(): Promise<void> {
    if (this.hooks.busy()) return this.schedule();
    const asked = this.#generation;
    const result = await postJson<CheckResult>('/api/check', { edits: this.hooks.edits() });
    if (asked !== this.#generation) return;
    this.hooks.shown(result);
    document.body.dataset.checked = String(Number(document.body.dataset.checked ?? 0) + 1);
  }
}
