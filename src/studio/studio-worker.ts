/**
 * Entry of the studio's workers (studio-thread.ts starts them): a worker thread for the live
 * slides and saves, a child process for the bounded live check. Each runs one job at a time
 * (studio-jobs.ts), the live slides and saves before a waiting live check, and answers with its
 * result or with the error as plain data — an input problem keeps its issues, so the server
 * answers it as it would have in its own thread.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { InputError, TrappaError } from '../errors.js';
import { keepLinesOf, keepUnitsOf } from '../layout/measure-text.js';
import type { Lang } from '../messages/catalogue.js';
import { type Job, keepTexts, madeTexts, RenderAnswer, runJob, wasLongJob } from './studio-jobs.js';
import { HeapRelease } from './heap-release.js';
import { MissingText, type Version } from './job-texts.js';

/** An error as it crosses to the request thread. */
export type JobError =
  | { kind: 'input'; message: string; issues: InputError['issues'] }
  | { kind: 'trappa'; message: string }
  /** Texts the job named by version that the worker does not hold: sent again with them (job-texts.ts). */
  | { kind: 'missing'; message: string; versions: Version[] }
  | { kind: 'bug'; message: string; stack?: string };

export function jobError(error: unknown): JobError {
  if (error instanceof MissingText) return { kind: 'missing', message: error.message, versions: error.versions };
  if (error instanceof InputError) return { kind: 'input', message: error.message, issues: error.issues };
  if (error instanceof TrappaError) return { kind: 'trappa', message: error.message };
  const bug = error instanceof Error ? error : new Error(String(error));
  return { kind: 'bug', message: bug.message, stack: bug.stack };
}

/** Above this many characters an answer of JSON text crosses as bytes, moved rather than copied. */
const LARGE_TEXT = 64 * 1024;

/** An ArrayBuffer of `text` in UTF-8 (or of these bytes) that belongs to nobody else (so it can be moved), or undefined. */
function ownBytes(text: string | Buffer): ArrayBuffer | undefined {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length ? (bytes.buffer as ArrayBuffer) : undefined;
}

/**
 * A large JSON answer (the first render's 10 MB of SVG, a 2 MB file's value and text) as bytes
 * moved to the request thread: it writes them to the socket as they are, where a string would be
 * copied across, then encoded on the request loop while other requests wait.
 */
function asBytes(value: unknown): ArrayBuffer[] | undefined {
  // JSON made as bytes: moved, copied first into bytes of its own when it is a view of others.
  if (Buffer.isBuffer(value)) return [ownBytes(value) ?? (new Uint8Array(value).buffer as ArrayBuffer)];
  const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  if (texts.length === 0 || !texts.every((t) => typeof t === 'string') || !texts.some((t) => t.length > LARGE_TEXT))
    return undefined;
  const buffers = texts.map((t: string) => ownBytes(t));
  return buffers.every((b) => b !== undefined) ? (buffers as ArrayBuffer[]) : undefined;
}

interface Queued {
  id: number;
  job: Job;
  /** The texts the job names that the worker was not known to hold, by version. */
  texts?: Array<[Version, string]>;
}

/**
 * One job at a time, the live check last: a check builds every deck in memory (seconds for a
 * large strategy), and run side by side with the live slides (they interleave at every await)
 * it made each keystroke's slides wait for its share of the CPU.
 */
/** Where jobs come from and answers go: the thread's parentPort, or the child process's IPC channel. */
export interface JobPort {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  on(event: 'message', listener: (queued: Queued) => void): unknown;
}

function serve(port: JobPort, lang: Lang): void {
  const queue: Queued[] = [];
  const heap = new HeapRelease();
  let running = false;
  const drain = async (): Promise<void> => {
    if (running) return;
    running = true;
    while (queue.length > 0) {
      const urgent = queue.findIndex((q) => q.job.kind !== 'check');
      const [{ id, job, texts }] = queue.splice(Math.max(0, urgent), 1) as [Queued];
      try {
        const value = await runJob(job, lang, new Map(texts));
        if (wasLongJob()) heap.noteLong();
        const bytes = asBytes(value);
        // The texts it made are held here: the request thread then names them by version only.
        const made = madeTexts();
        // A render's parts, views of its slabs: the slabs are moved, and the views arrive over them.
        if (value instanceof RenderAnswer) port.postMessage({ id, ok: true, value: value.parts, made }, value.slabs);
        else if (bytes) port.postMessage({ id, ok: true, bytes, many: Array.isArray(value), made }, bytes);
        else port.postMessage({ id, ok: true, value, made });
      } catch (error) {
        port.postMessage({ id, ok: false, error: jobError(error) });
      }
    }
    running = false;
    // After a burst (the first render of a large deck), once its answer is on its way and nothing waits.
    if (heap.due()) setImmediate(() => queue.length === 0 && !running && heap.release());
  };
  port.on('message', (queued: Queued) => {
    keepTexts(queued.texts ?? []);
    queue.push(queued);
    void drain();
  });
}

/**
 * A background worker (the live check) yields the CPU to the live slides and the request loop.
 * A child process lowers its own priority on every system. In a thread only on Linux, where a
 * nice value belongs to a thread and setpriority(0) sets the calling thread's; elsewhere it would
 * slow the whole Studio, so it is left alone there.
 */
function yieldCpu(ownProcess: boolean): void {
  if (!ownProcess && process.platform !== 'linux') return;
  try {
    setPriority(19);
  } catch {
    // Not allowed here: the check runs at normal priority, as before.
  }
}

/** Set by studio-thread.ts (childFlag) when it starts this file as a child process: language and priority. */
const CHILD_FLAG = 'TRAPPA_STUDIO_JOB_PROCESS';

/**
 * Characters of runs whose break units a worker keeps by content (measure-text.ts): enough for a
 * slide's paragraphs laid out again after an edit; the rest of a deck is kept as laid-out slides.
 */
export const UNITS_KEPT = Number(process.env.TRAPPA_STUDIO_UNITS_KEPT ?? 100_000);

/**
 * Wraps a worker keeps by paragraph before it lets them go (measure-text.ts keepLinesOf): a slide
 * tried at every size keeps no more than this many of its lines live while it is laid out.
 */
export const LINES_KEPT = Number(process.env.TRAPPA_STUDIO_LINES_KEPT ?? 10_000);

if (parentPort || (process.send && process.env[CHILD_FLAG])) {
  keepUnitsOf(UNITS_KEPT);
  keepLinesOf(LINES_KEPT);
}

if (parentPort) {
  const { lang, background } = workerData as { lang: Lang; background?: boolean };
  if (background) yieldCpu(false);
  // The language of the Studio that started this worker: its messages, never a process-wide one.
  serve(parentPort, lang);
} else if (process.send && process.env[CHILD_FLAG]) {
  const [lang, background] = process.env[CHILD_FLAG].split(',') as [Lang, string];
  if (background === 'background') yieldCpu(true);
  // The Studio is gone (stopped, killed): so is this process, whatever it was doing.
  process.on('disconnect', () => process.exit(0));
  const send = process.send.bind(process);
  serve({ postMessage: (message) => send(message), on: (event, listener) => process.on(event, listener) }, lang);
}
