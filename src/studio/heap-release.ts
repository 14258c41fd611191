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

type Collect = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

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
  /** Releases so far (tests). */
  releases = 0;

  /** After a job: true when the heap grew by a burst since the last release, so `release` is worth its time. */
  due(): boolean {
    return heapBytes() - this.#floor > BURST_BYTES;
  }

  /** Compacts the heap and returns its free pages to the system; the new size is the next floor. */
  release(): void {
    const collect = collectorOf();
    if (collect) {
      collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
      this.releases++;
    }
    this.#floor = heapBytes();
  }
}
