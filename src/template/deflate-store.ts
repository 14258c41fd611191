/**
 * The project's store of deflated master-set parts (`.cache/deflated/`), beside its decoded
 * backdrops and rendered images: a template's masters, layouts and themes are the same in every
 * build, and deflating them is most of what a large template adds to writing a deck (Yellow
 * Idea: 9 masters, 108 layouts, 1.2 MB of XML). pptx/write-zip.ts uses an entry only when it
 * inflates to exactly the part it is offered for, so the store cannot change what a deck says;
 * anything missing or unreadable is deflated again. Deleting the folder is always safe.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deflatedForStore, knowsDeflated, rememberDeflated } from '../pptx/write-zip.js';

/** The store's folder in a project. */
export const deflateStoreDir = (projectRoot: string): string => path.join(projectRoot, '.cache', 'deflated');

/** What one build reads at most: more than a few templates' master sets (Yellow Idea's is ~0.3 MB deflated). */
const MAX_READ_BYTES = 32 * 1024 * 1024;
const ENTRY = /^(\d-[0-9a-f]{40}-\d+)\.deflate$/;

/** Offers the store's entries to the zip writer (up to MAX_READ_BYTES); a missing store is empty. */
export async function loadDeflateStore(dir: string): Promise<void> {
  // Synchronous reads: through fs/promises each entry was four trips through libuv's pool, one entry
  // after another (8 for the bundled decks), where reading it takes a few microseconds.
  const names = orNone(() => readdirSync(dir)) ?? [];
  let read = 0;
  for (const name of names.sort()) {
    const key = ENTRY.exec(name)?.[1];
    // A watch session's later builds have every entry in memory already.
    if (!key || knowsDeflated(key)) continue;
    const bytes = orNone(() => readFileSync(path.join(dir, name)));
    if (!bytes) continue;
    read += bytes.length;
    if (read > MAX_READ_BYTES) break;
    rememberDeflated([[key, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)]]);
  }
}

/** `read()`, or undefined when it throws: the store is best effort. */
function orNone<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/**
 * Keeps the master-set parts this process deflated; each written atomically (temporary file + rename).
 * Best effort, as the image caches are: a project folder the user may not write to (a shared drive,
 * another user's project built with --out) costs the next build the deflating, never the build.
 */
export async function saveDeflateStore(dir: string): Promise<void> {
  const made = deflatedForStore();
  if (made.length === 0) return;
  const ready = await mkdir(dir, { recursive: true }).then(
    () => true,
    () => false,
  );
  if (!ready) return;
  for (const [key, bytes] of made) {
    const target = path.join(dir, `${key}.deflate`);
    const temporary = `${target}.${randomUUID()}.tmp`;
    try {
      await writeFile(temporary, bytes);
      await rename(temporary, target);
    } catch {
      await rm(temporary, { force: true });
    }
  }
}
