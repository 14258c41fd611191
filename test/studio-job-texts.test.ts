/**
 * The studio's worker holds each data file's text by version (src/studio/job-texts.ts): a text
 * crosses to it with the first job that names it, not with every keystroke. Each edit of a
 * 2 MB strategy used to post the whole text to the worker again (a copy in each thread, ~4 MB of
 * garbage per keystroke, the studio's memory climbing through a burst of edits). Here, with the
 * real worker thread: a large file's text made in the worker is never sent back to it; a text
 * sent once is not sent again; a text the worker let go is sent again once asked for, and the
 * job's answer is still right.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/sha256.js';
import { StudioThread } from '../src/studio/studio-thread.js';

/** A data file of `chars` characters: two fields and a long comment (quick to parse). */
const fileOf = (name: string, chars: number): string => {
  const head = `name: ${name}\nlines: [1, 2]\n# `;
  return `${head}${'x'.repeat(chars - head.length - 1)}\n`;
};

const MB = 2 ** 20;
let thread: StudioThread | undefined;

afterEach(async () => {
  await thread?.close();
  thread = undefined;
});

/** The file's value as the worker answers it (JSON text, as bytes or a string). */
async function valueIn(worker: StudioThread, text: string): Promise<unknown> {
  const version = sha256Hex(text);
  const [value] = await worker.run<[string | Buffer, string | Buffer]>(
    { kind: 'value', version, file: 'data/strategy.yaml' },
    new Map([[version, text]]),
  );
  return JSON.parse(String(value));
}

/** The file read in the worker (as the studio reads a large file): its text is held there. */
async function readInWorker(worker: StudioThread, text: string): Promise<void> {
  const read = await worker.run<{ ok: boolean; value: { version: string } }>({
    kind: 'text',
    file: 'data/strategy.yaml',
    bytes: Buffer.from(text),
  });
  expect(read.value.version).toBe(sha256Hex(text));
}

describe('the texts the studio’s worker holds', () => {
  it('sends a text once per version, and never one the worker made', async () => {
    thread = new StudioThread('nb');
    const one = fileOf('en', 64 * 1024);
    expect(await valueIn(thread, one)).toEqual({ name: 'en', lines: [1, 2] });
    expect(thread.textSent).toBe(one.length);
    // The next jobs naming it (the edits) bring its version only.
    for (let i = 0; i < 3; i++) expect(await valueIn(thread, one)).toEqual({ name: 'en', lines: [1, 2] });
    expect(thread.textSent).toBe(one.length);
    // A large file read in the worker: its text is held there, never sent to it.
    const two = fileOf('to', 2 * MB);
    await readInWorker(thread, two);
    expect(await valueIn(thread, two)).toEqual({ name: 'to', lines: [1, 2] });
    expect(thread.textSent).toBe(one.length);
  });

  it('sends a text again once the worker has let it go, or to a worker started anew', async () => {
    thread = new StudioThread('nb');
    const first = fileOf('først', 2 * MB);
    await readInWorker(thread, first);
    // Four more 2 MB texts: more than the worker holds, so the first is let go.
    for (const name of ['b', 'c', 'd', 'e']) await readInWorker(thread, fileOf(name, 2 * MB));
    expect(thread.textSent).toBe(0);
    expect(await valueIn(thread, first)).toEqual({ name: 'først', lines: [1, 2] });
    expect(thread.textSent).toBe(first.length);
    await thread.close();
    expect(await valueIn(thread, first)).toEqual({ name: 'først', lines: [1, 2] });
    expect(thread.textSent).toBe(2 * first.length);
  });
});
