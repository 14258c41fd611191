/**
 * `trappa check`'s rules on the edited data, when typing pauses: the server builds each deck
 * in memory for it, which takes longer than the live slides, so it runs only after a quiet
 * moment, never beside a render, and a result for data that has changed since is dropped.
 * One check at a time: on a large strategy a check takes longer than a pause in typing, and
 * checks asked at every pause piled up in the server and held the browser's six connections
 * to it, so a save waited for all of them (~90 s on a 2 MB strategy). A pause while one runs
 * asks for one more check, once it is back.
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
  /** The page's edits, per file its version and the fields changed (main.ts editedChanges). */
  edits(): Record<string, unknown>;
  shown(result: CheckResult): void;
}

const QUIET_MS = 700;

export class LiveChecker {
  #timer: number | undefined;
  /** Counts edits, so a check that finishes after the data changed again is not shown. */
  #generation = 0;
  /** A check is out; `#again`: typing paused meanwhile, so another follows it. */
  #running = false;
  #again = false;

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
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = true;
    const asked = this.#generation;
    try {
      const result = await postJson<CheckResult>('/api/check', { changes: this.hooks.edits() });
      if (asked !== this.#generation) return;
      this.hooks.shown(result);
      document.body.dataset.checked = String(Number(document.body.dataset.checked ?? 0) + 1);
    } finally {
      this.#running = false;
      if (this.#again || asked !== this.#generation) {
        this.#again = false;
        this.schedule();
      }
    }
  }
}
