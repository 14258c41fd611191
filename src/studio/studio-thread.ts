/**
 * The request thread's handle on the studio's worker (studio-worker.ts): `run(job)` posts a
 * job and resolves with its answer, so parsing, laying out and merging a large strategy
 * happen beside the request loop, never on it. The worker starts on the first job and again
 * after a crash (its pending jobs then fail as bugs); `close()` ends it.
 *
 * A worker with a heap limit (the live check) is a child process, not a thread: a thread's
 * resourceLimits are best effort, and a thread that runs out of heap can abort the whole
 * Studio with "FATAL ERROR: … allocation failed" instead of ending alone (nodejs/node#47224;
 * seen here in a test run). A process that runs out ends alone, whatever V8 was doing.
 *
 * Trappa runs from its bundle (dist/, where scripts/build-dist.mjs writes studio-worker.js
 * beside cli.js) or from its TypeScript sources (tsx, the tests), where the worker loads its
 * source through tsx the same way.
 */
import { fork } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { InputError, TrappaError } from '../errors.js';
import type { Lang } from '../messages/catalogue.js';
import type { Job } from './studio-jobs.js';
import type { JobError } from './studio-worker.js';
import { MissingText, type Texts, type Version } from './job-texts.js';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** Set by scripts/build-dist.mjs (esbuild `define`) in the bundle; absent when running from sources. */
const BUNDLED = process.env.TRAPPA_STUDIO_WORKER_BUNDLE;

/**
 * A worker that ran out of the heap it was given (`heapMb`): its job was too large to do while
 * editing. The worker is gone; the next job starts a new one.
 */
export class WorkerOutOfMemory extends Error {
  constructor(readonly limitMb: number) {
    // Never shown: checkedWithin (live-check-bounds.ts) says it in the page's words.
    super(`studio worker: more than ${limitMb} MB of heap needed`);
  }
}

/** Each worker's young generation, MB (see startWorker). */
const YOUNG_MB = Number(process.env.TRAPPA_STUDIO_YOUNG_MB ?? 8);

/** A job's answer as it comes back (studio-worker.ts serve). */
interface Answer {
  id: number;
  ok: boolean;
  value?: unknown;
  bytes?: ArrayBuffer[];
  many?: boolean;
  error?: JobError;
  /** Texts the worker made during the job and holds (job-texts.ts). */
  made?: Version[];
}

/** What StudioThread needs of a worker: a Worker thread has it, and so has ChildHost. */
interface JobHost {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (answer: Answer) => void): unknown;
  on(event: 'error', listener: (error: Error & { code?: string }) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<unknown>;
  unref(): void;
}

const workerSource = (): string => fileURLToPath(new URL('./studio-worker.ts', import.meta.url));
const resolveHere = (specifier: string): string => createRequire(import.meta.url).resolve(specifier);

function startThread(lang: Lang, background: boolean): Worker {
  // The young generation holds a job's garbage (a layout makes much): V8 sizes it up to 48 MB per
  // worker, memory the process keeps; 8 MB costs a few more, shorter collections.
  const options = { workerData: { lang, background }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } };
  // It starts at that size: V8 grows a young generation by a factor that heap-growth.ts sets to 1, for
  // every thread, once the request thread's is large enough; the worker's then stayed at its first
  // 1–2 MB (seen on a 2 MB strategy), so its jobs took more, smaller collections. Read when a
  // thread's heap is made, so the request thread's own is not changed by it.
  v8.setFlagsFromString(`--min-semi-space-size=${YOUNG_MB}`);
  if (BUNDLED) return new Worker(path.join(import.meta.dirname, BUNDLED), options);
  // tsx's ESM API (its `import` export); require.resolve names the CommonJS twin beside it.
  const tsx = pathToFileURL(resolveHere('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then((t) => t.tsImport(${JSON.stringify(pathToFileURL(workerSource()).href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { ...options, eval: true });
}

/** What V8 prints when a process passes its heap limit ("Reached heap limit", "… allocation failed"). */
const OUT_OF_HEAP = /heap limit|allocation failed|out of memory/i;
/** How much of a child's stderr is kept: enough for V8's last words, or a crash's stack. */
const STDERR_TAIL = 8 * 1024;

/**
 * The worker as a child process with `heapMb` of old generation (--max-old-space-size). It
 * answers over IPC with V8's serialisation (the same values a thread's postMessage carries).
 * Its stderr is kept, not shown: running out of heap is expected here and told to the page
 * (live-check-bounds.ts); any other abnormal end becomes a bug with its last words.
 */
class ChildHost extends EventEmitter implements JobHost {
  readonly #child;
  #stderr = '';
  #stopping = false;

  constructor(lang: Lang, background: boolean, heapMb: number) {
    super();
    const entry = BUNDLED ? path.join(import.meta.dirname, BUNDLED) : workerSource();
    const loader = BUNDLED ? [] : ['--import', pathToFileURL(resolveHere('tsx')).href];
    this.#child = fork(entry, [], {
      execArgv: [...loader, `--max-old-space-size=${heapMb}`],
      env: { ...process.env, TRAPPA_STUDIO_JOB_PROCESS: `${lang},${background ? 'background' : 'foreground'}` },
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.#child.stderr!.setEncoding('utf8');
    this.#child.stderr!.on('data', (text: string) => (this.#stderr = (this.#stderr + text).slice(-STDERR_TAIL)));
    this.#child.on('message', (answer) => this.emit('message', answer));
    this.#child.on('error', (error) => this.emit('error', error));
    this.#child.on('exit', (code, signal) => {
      const ended = signal ?? code;
      if (OUT_OF_HEAP.test(this.#stderr))
        this.emit('error', Object.assign(new Error('out of heap'), { code: 'ERR_WORKER_OUT_OF_MEMORY' }));
      else if (!this.#stopping && ended !== 0)
        this.emit('error', new Error(`studio check process ended (${ended}): ${this.#stderr.trim()}`));
      this.emit('exit', code ?? 1);
    });
  }

  postMessage(message: unknown): void {
    // A process that has just ended: its 'exit' follows, and the job fails with its pending ones.
    if (!this.#child.connected) return;
    this.#child.send(message as object, (error) => error && this.emit('error', error));
  }

  async terminate(): Promise<void> {
    this.#stopping = true;
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    const exited = once(this.#child, 'exit');
    this.#child.kill();
    await exited;
  }

  unref(): void {
    this.#child.unref();
    this.#child.channel?.unref();
    (this.#child.stderr as { unref?: () => void } | null)?.unref?.();
  }
}

function startWorker(lang: Lang, background: boolean, heapMb: number | undefined): JobHost {
  return heapMb === undefined ? startThread(lang, background) : new ChildHost(lang, background, heapMb);
}

function asError(error: JobError): Error {
  if (error.kind === 'input') return new InputError(error.issues);
  if (error.kind === 'trappa') return new TrappaError(error.message);
  if (error.kind === 'missing') return new MissingText(error.versions);
  const bug = new Error(`studio worker: ${error.message}`);
  if (error.stack) bug.stack = error.stack;
  return bug;
}

/** Versions a worker is taken to hold, at most: past it, texts are sent again as jobs name them. */
const HELD_VERSIONS = 256;

export class StudioThread {
  #worker: JobHost | undefined;
  readonly #pending = new Map<number, Pending>();
  #next = 0;
  /** Versions of the texts sent to the worker (or made there) since it started: not sent again. */
  #held = new Set<Version>();
  /** Characters of text sent to workers so far (tests). */
  textSent = 0;

  /**
   * `background`: the worker runs at the lowest CPU priority where the system allows it per thread (Linux).
   * `heapMb`: its heap's limit; a job that needs more fails with WorkerOutOfMemory. The worker is then
   * a child process (see the top of this file). @default node's own, in a worker thread
   */
  constructor(
    readonly lang: Lang,
    readonly background = false,
    readonly heapMb?: number,
  ) {}

  /**
   * Runs `job` in the worker. `texts`: those it names by version (job-texts.ts); only the ones
   * the worker is not known to hold are sent, and all of them again should it hold one no longer.
   */
  async run<T>(job: Job, texts: Texts = new Map()): Promise<T> {
    try {
      return await this.#post<T>(job, texts, false);
    } catch (error) {
      if (!(error instanceof MissingText)) throw error;
      return this.#post<T>(job, texts, true);
    }
  }

  #post<T>(job: Job, texts: Texts, all: boolean): Promise<T> {
    const worker = this.#started();
    const id = this.#next++;
    if (this.#held.size > HELD_VERSIONS) this.#held.clear();
    const sent = [...texts].filter(([version]) => all || !this.#held.has(version));
    for (const [version, text] of sent) {
      this.#held.add(version);
      this.textSent += text.length;
    }
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, job, texts: sent });
    });
  }

  /** Starts the worker ahead of its first job (it takes a moment to load). */
  start(): void {
    this.#started();
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker) await worker.terminate();
  }

  #started(): JobHost {
    if (this.#worker) return this.#worker;
    const worker = startWorker(this.lang, this.background, this.heapMb);
    const held = (this.#held = new Set());
    worker.on('message', ({ id, ok, value, bytes, many, error, made }: Answer) => {
      for (const version of made ?? []) held.add(version);
      const pending = this.#pending.get(id);
      this.#pending.delete(id);
      // A large answer of JSON text came as bytes (studio-worker.ts asBytes): Buffers over them, not copies.
      const buffers = bytes?.map((b) => Buffer.from(b));
      const answer = buffers ? (many ? buffers : buffers[0]) : value;
      if (ok) pending?.resolve(answer);
      else pending?.reject(asError(error!));
    });
    const failAll = (error: Error) => {
      if (this.#worker === worker) this.#worker = undefined;
      for (const p of this.#pending.values()) p.reject(error);
      this.#pending.clear();
    };
    worker.on('error', (error: Error & { code?: string }) =>
      failAll(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY' && this.heapMb !== undefined
          ? new WorkerOutOfMemory(this.heapMb)
          : error,
      ),
    );
    worker.on('exit', (code) =>
      // Ended by close(), the Studio stopping: what was still asked is answered plainly, not as a bug.
      failAll(
        this.#worker === worker
          ? new Error(`studio worker stopped (exit ${code})`)
          : new TrappaError('the Studio is stopping; reload the page once it runs again'),
      ),
    );
    // An idle worker does not keep the process alive: the server decides when the studio ends.
    worker.unref();
    this.#worker = worker;
    return worker;
  }
}
