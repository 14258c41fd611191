/**
 * Entry of the studio's worker thread (studio-thread.ts starts it): runs one job at a time
 * (studio-jobs.ts) and answers with its result or with the error as plain data — an input
 * problem keeps its issues, so the server answers it as it would have in its own thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError, TrappaError } from '../errors.js';
import type { Lang } from '../messages/catalogue.js';
import { type Job, runJob } from './studio-jobs.js';

/** An error as it crosses to the request thread. */
export type JobError =
  | { kind: 'input'; message: string; issues: InputError['issues'] }
  | { kind: 'trappa'; message: string }
  | { kind: 'bug'; message: string; stack?: string };

export function jobError(error: unknown): JobError {
  if (error instanceof InputError) return { kind: 'input', message: error.message, issues: error.issues };
  if (error instanceof TrappaError) return { kind: 'trappa', message: error.message };
  const bug = error instanceof Error ? error : new Error(String(error));
  return { kind: 'bug', message: bug.message, stack: bug.stack };
}

if (parentPort) {
  const port = parentPort;
  // The language of the Studio that started this worker: its messages, never a process-wide one.
  const { lang } = workerData as { lang: Lang };
  port.on('message', async ({ id, job }: { id: number; job: Job }) => {
    try {
      port.postMessage({ id, ok: true, value: await runJob(job, lang) });
    } catch (error) {
      port.postMessage({ id, ok: false, error: jobError(error) });
    }
  });
}
