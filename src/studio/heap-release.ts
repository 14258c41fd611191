/**
 * Gives a worker's memory back to the system after a burst. The first render of a 2 MB
 * strategy lays out and draws 520 slides at once: the worker's heap grows to ~150 MB, of which
 * ~60 MB stays live once the answer is sent. V8 keeps the pages the burst freed (pooled, or
 * half-empty beside the live objects) for the heap to grow into again; the studio's resident
 * memory never came down from the burst, and every later edit and save stood on top of it (the
 * save's peak, 330–400 MB). A collection that compacts the heap and releases the free pages
 * ("last resort" in V8's words; ~0.1–0.3 s of the worker's time, none of the request loop's)
 * takes that back once, after the burst, when no job is waiting.
 *
 * V8 runs such a collection only when asked through its `gc` extension, which a thread cannot be
 * started with (a V8 option, refused in a Worker's execArgv). It is exposed here, in a context
 * of its own that nothing else sees; should it be missing, nothing is released, as before.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** Heap growth during one job that counts as a burst, bytes: an edit or a save of 2 MB grows ~10–20 MB. */
const BURST_BYTES = 48 * 1024 * 1024;

type Collect = (options: { type: 'major'; execution: 'sync'; flavor?: 'last-resort' }) => void;

let collector: Collect | null | undefined;

/** V8's `gc` function, from a context of its own (undefined where this V8 does not allow it). */
function collectorOf(): Collect | undefined {
  if (collector === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      const gc: unknown = vm.runInNewContext('gc');
      collector = typeof gc === 'function' ? (gc as Collect) : null;
    } catch {
      collector = null;
    }
  }
  return collector ?? undefined;
}

const heapBytes = (): number => v8.getHeapStatistics().total_heap_size;

/** Watches a worker's heap across its jobs and releases it after one that grew it by a burst. */
export class HeapRelease {
  /** The heap's size after the last release (or when the worker started). */
  #floor = heapBytes();
  /** A job since the last release laid out or drew many slides (HeapBound.long). */
  #long = false;
  /** Releases so far (tests). */
  releases = 0;

  /**
   * After a job that laid out or drew many slides (HeapBound.long): a burst, however little the
   * heap grew. The first render of a 2 MB strategy, its slides' measures let go as it goes
   * (measure-text.ts), grows the heap by ~35 MB only, under the burst's bound, yet left the
   * studio ~30 MB higher for the edits and the save after it when not released.
   */
  noteLong(): void {
    this.#long = true;
  }

  /** After a job: true after a long one, or when the heap grew by a burst since the last release, so `release` is worth its time. */
  due(): boolean {
    return this.#long || heapBytes() - this.#floor > BURST_BYTES;
  }

  /** Compacts the heap and returns its free pages to the system; the new size is the next floor. */
  release(): void {
    const collect = collectorOf();
    if (collect) {
      collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
      this.releases++;
    }
    this.#floor = heapBytes();
    this.#long = false;
  }
}

/** Slides laid out or drawn in one job before its heap is watched: an edit's one or two never are. */
const BOUND_AFTER = 64;
/** How often (slides) the heap is looked at once it is watched. */
const BOUND_EVERY = 8;
/** Growth of the heap's used bytes past what the last collection left live, at which a long job collects. */
const BOUND_BYTES = 24 * 1024 * 1024;

const usedBytes = (): number => v8.getHeapStatistics().used_heap_size;

/**
 * Keeps a long job's heap near what it holds live. The first render of a 2 MB strategy lays out
 * and draws 520 slides at full speed: on Node 24 (quiet machine) the worker's heap reached
 * 167–178 MB with ~100 MB live, the studio's peak (347–362 MB). Collected whenever its used
 * bytes grow a bound past what the last collection left, it stayed at ~135 MB (studio 320–348),
 * for no measurable CPU (the first render's 3.6–4.5 s, both ways). An edit lays out and draws
 * a slide or two: never watched, so never held up by a collection here.
 */
export class HeapBound {
  #steps = 0;
  #limit = 0;
  /** Collections it ran (tests). */
  collections = 0;

  /** Whether this job laid out or drew enough slides to be watched. */
  get long(): boolean {
    return this.#steps >= BOUND_AFTER;
  }

  /** A job starts: its first slides are not watched. */
  start(): void {
    this.#steps = 0;
  }

  /** After a slide laid out or drawn. */
  readonly step = (): void => {
    const steps = ++this.#steps;
    if (steps < BOUND_AFTER || steps % BOUND_EVERY !== 0) return;
    if (steps === BOUND_AFTER) this.#limit = usedBytes() + BOUND_BYTES;
    if (usedBytes() <= this.#limit) return;
    const collect = collectorOf();
    if (collect) {
      collect({ type: 'major', execution: 'sync' });
      this.collections++;
    }
    this.#limit = usedBytes() + BOUND_BYTES;
  };
}
