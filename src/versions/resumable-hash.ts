/**
 * sha256 over a sequence of chunks, resumed from the hash state after the longest run of
 * chunks the previous sequence began with (compared by their bytes, so the digest is the
 * one a fresh hash gives). Why: every deck of a build hashes its inputs, and they begin with
 * the same files in path order — assets/, among them the organisation's template (3.3 MB for
 * LibreOffice's Candy) — so a build of four decks hashed the template four times. Since hash
 * format 3 (input-hash.ts) a file other than YAML enters as its digest, taken once per build;
 * the files' own bytes are hashed here only to verify records of formats 1 and 2.
 */
import { createHash, type Hash } from 'node:crypto';

interface Step {
  chunk: Uint8Array;
  /** The hash after this chunk (a copy, never finished). */
  state: Hash;
}

let previous: Step[] = [];

const same = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);

/** Hex sha256 of the chunks one after another. */
export function sha256OfChunks(chunks: readonly Uint8Array[]): string {
  let shared = 0;
  while (shared < chunks.length && shared < previous.length && same(previous[shared]!.chunk, chunks[shared]!)) shared++;
  const hash = shared > 0 ? previous[shared - 1]!.state.copy() : createHash('sha256');
  const steps = previous.slice(0, shared);
  for (const chunk of chunks.slice(shared)) {
    hash.update(chunk);
    steps.push({ chunk, state: hash.copy() });
  }
  previous = steps;
  return hash.digest('hex');
}
