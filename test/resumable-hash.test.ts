import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256OfChunks } from '../src/versions/resumable-hash.js';

const plain = (chunks: Uint8Array[]): string => {
  const hash = createHash('sha256');
  for (const c of chunks) hash.update(c);
  return hash.digest('hex');
};
const b = (s: string): Uint8Array => Buffer.from(s);

describe('sha256OfChunks (input hashes resumed after the files decks share)', () => {
  it('gives the digest of one hash over the chunks, whatever the sequence before shared with it', () => {
    const big = new Uint8Array(300_000).map((_, i) => i % 251);
    const runs = [
      [b('trappa 1\0'), b('assets/t.potx\0'), big, b('data/decks/a.yaml'), b('a')],
      [b('trappa 1\0'), b('assets/t.potx\0'), big, b('data/decks/b.yaml'), b('b')],
      [b('trappa 1\0'), b('assets/t.potx\0'), big],
      // The same length and path, one byte changed in the template: not the stored state.
      [b('trappa 1\0'), b('assets/t.potx\0'), big.map((v, i) => (i === 299_999 ? v ^ 1 : v)), b('x')],
      [b('trappa 1\0'), b('assets/t.potx\0'), big, b('data/decks/a.yaml'), b('a')],
      [],
    ];
    for (const chunks of runs) expect(sha256OfChunks(chunks)).toBe(plain(chunks));
  });
});
