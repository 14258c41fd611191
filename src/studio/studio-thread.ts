/**
 * The request thread's handle on the studio's worker (studio-worker.ts): `run(job)` posts a
 * job and resolves with its answer, so parsing, laying out and merging a large strategy
 * happen beside the request loop, never on it. The worker starts on the first job and again
 * after a crash (its pending jobs then fail as bugs); `close()` ends it.
 *
 * Trappa runs from its bundle (dist/, where scripts/build-dist.mjs writes studio-worker.js
 * beside cli.js) or from its TypeScript sources (tsx, the tests), where the worker loads its
 * source through tsx the same way.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError, TrappaError } from '../errors.js';
import type { Lang } from '../messages/catalogue.js';
import type { Job } from './studio-jobs.js';
import type { JobError } from './studio-worker.js';

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

function startWorker(lang: Lang, background: boolean, heapMb: number | undefined): Worker {
  // V8's old generation is where a job's data lives: past it the worker ends, not the Studio.
  const old = heapMb === undefined ? {} : { maxOldGenerationSizeMb: heapMb };
  // The young one holds a job's garbage (a layout makes much): V8 sizes it up to 48 MB per worker,
  // memory the process keeps; 8 MB costs a few more, shorter collections.
  const limits = { resourceLimits: { ...old, maxYoungGenerationSizeMb: YOUNG_MB } };
  const options = { workerData: { lang, background }, ...limits };
  if (BUNDLED) return new Worker(path.join(import.meta.dirname, BUNDLED), options);
  const source = fileURLToPath(new URL('./studio-worker.ts', import.meta.url));
  // tsx's ESM API (its `import` export); require.resolve names the CommonJS twin beside it.
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const boot = `import(${JSON.stringify(tsx)}).then((t) => t.tsImport(${JSON.stringify(pathToFileURL(source).href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { ...options, eval: true });
}

function asError(error: JobError): Error {
  if (error.kind === 'input') return new InputError(error.issues);
  if (error.kind === 'trappa') return new TrappaError(error.message);
  const bug = new Error(`studio worker: ${error.message}`);
  if (error.stack) bug.stack = error.stack;
  return bug;
}

export class StudioThread {
  #worker: Worker | undefined;
  readonly #pending = new Map<number, Pending>();
  #next = 0;

  /**
   * `background`: the worker runs at the lowest CPU priority where the system allows it per thread (Linux).
   * `heapMb`: its heap's limit; a job that needs more fails with WorkerOutOfMemory. @default node's own
   */
  constructor(
    readonly lang: Lang,
    readonly background = false,
    readonly heapMb?: number,
  ) {}

  run<T>(job: Job): Promise<T> {
    const worker = this.#started();
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, job });
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

  #started(): Worker {
    if (this.#worker) return this.#worker;
    const worker = startWorker(this.lang, this.background, this.heapMb);
    type Answer = { id: number; ok: boolean; value?: unknown; bytes?: ArrayBuffer[]; many?: boolean; error?: JobError };
    worker.on('message', ({ id, ok, value, bytes, many, error }: Answer) => {
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
