/**
 * The studio worker gives a burst's memory back (src/studio/heap-release.ts): after the first
 * render of a 2 MB strategy its heap stood at ~150 MB, and the studio's resident memory never
 * came down from it, so every later save peaked on top (330–400 MB against the 300).
 * Here a burst of the same order is made and dropped in this process: the release must be due,
 * must run V8's memory-reducing collection (not skipped for want of V8's `gc`), and must leave
 * the heap near where it was before the burst. An ordinary job's growth is no burst.
 */
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { HeapBound, HeapRelease } from '../src/studio/heap-release.js';

const MB = 2 ** 20;
const heapBytes = (): number => v8.getHeapStatistics().total_heap_size;

/**
 * ~120 MB of small objects, as a render's laid-out slides are, made and dropped: its growth of the
 * heap while they lived, and whether a release was due then. (In a frame of its own: a stale
 * register of the caller's would keep them.)
 */
function burst(heap: HeapRelease): { grown: number; due: boolean } {
  const before = heapBytes();
  const rows: unknown[] = [];
  for (let i = 0; i < 1_200_000; i++) rows.push({ i, text: `rad ${i}`, box: [i, i + 1, i + 2] });
  return { grown: heapBytes() - before, due: rows.length > 0 && heap.due() };
}

/** V8's "last resort" collection came with Node 22's V8; Node 20 (unsupported) runs an ordinary one. */
const releasesPages = Number(process.versions.node.split('.')[0]) >= 22;

describe('the studio worker’s heap after a burst', () => {
  it.skipIf(!releasesPages)('is released once the burst is dropped, back to near its size before', () => {
    const heap = new HeapRelease();
    heap.release();
    const before = heapBytes();
    const { grown, due } = burst(heap);
    expect(grown).toBeGreaterThan(64 * MB);
    expect(due).toBe(true);
    heap.release();
    expect(heap.releases).toBe(2);
    // Not V8's own pace (it kept the burst's pages): within a few MB of the heap before it.
    expect(heapBytes() - before).toBeLessThan(24 * MB);
    expect(heap.due()).toBe(false);
  });

  it('is not due after the growth of an ordinary job', () => {
    const heap = new HeapRelease();
    heap.release();
    const kept = Array.from({ length: 100_000 }, (_, i) => ({ i, text: `rad ${i}` }));
    expect(heap.due()).toBe(false);
    expect(kept.length).toBe(100_000);
  });

  it('is due after a long job (many slides laid out), however little the heap grew', () => {
    const heap = new HeapRelease();
    heap.release();
    expect(heap.due()).toBe(false);
    const bound = new HeapBound();
    bound.start();
    longJob(bound, 80);
    expect(bound.long).toBe(true);
    heap.noteLong();
    expect(heap.due()).toBe(true);
    heap.release();
    expect(heap.due()).toBe(false);
    bound.start();
    expect(bound.long).toBe(false);
  });
});

/** ~50 MB of small objects kept while 520 slides are "laid out" (100 bytes or so each): a long job's growth. */
function longJob(bound: HeapBound, steps: number): number {
  const kept: unknown[] = [];
  for (let i = 0; i < steps; i++) {
    for (let j = 0; j < 1_000; j++) kept.push({ i, j, text: `linje ${i}.${j}`, box: [i, j] });
    bound.step();
  }
  return kept.length;
}

describe('the studio worker’s heap during a long job', () => {
  it('is collected once it grows past its bound (the first render of 520 slides)', () => {
    const bound = new HeapBound();
    bound.start();
    expect(longJob(bound, 520)).toBe(520 * 1_000);
    expect(bound.collections).toBeGreaterThan(0);
  });

  it('is left to V8 in a job of a few slides (an edit), however much it grows', () => {
    const bound = new HeapBound();
    for (let job = 0; job < 40; job++) {
      bound.start();
      longJob(bound, 2);
    }
    expect(bound.collections).toBe(0);
    expect(bound.long).toBe(false);
  });
});
