/**
 * Work a build does once for all its decks. The decks of one `build --all` share the
 * organisation's template and most of their input files: each deck read the template again
 * (2.7 MB for LibreOffice's Vintage, 3.3 MB for Candy), and each deck's inputs hash read and
 * hashed every input file again. Inside `withinBuild`, `oncePerBuild(key, work)` runs `work`
 * the first time a key is asked for and hands every later caller the same result.
 *
 * Scoped to one build (an AsyncLocalStorage, like the measuring faces in fonts/fonts.ts), not
 * to the process: watch mode and the Studio build again after a file changed, and must read it
 * again. Outside a build (the Studio's renders, `send` checking the manifest) the work simply runs.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** What a build worked out, by key: promises (`oncePerBuild`) and plain values (`oncePerBuildSync`), under keys of their own. */
const builds = new AsyncLocalStorage<Map<string, unknown>>();

/** Runs `work` (and everything it awaits) as one build, with nothing done yet. */
export function withinBuild<T>(work: () => Promise<T>): Promise<T> {
  return builds.run(new Map(), work);
}

/** The result of `work` for `key`, worked out once per build (every time outside one). */
export function oncePerBuild<T>(key: string, work: () => Promise<T>): Promise<T> {
  const done = builds.getStore();
  if (!done) return work();
  let found = done.get(key) as Promise<T> | undefined;
  if (!found) done.set(key, (found = work()));
  return found;
}

/**
 * `oncePerBuild` for synchronous work: the value of `work` for `key`, worked out once per build.
 * The caller's key must not be one `oncePerBuild` uses (prefix it with what it is).
 */
export function oncePerBuildSync<T>(key: string, work: () => T): T {
  const done = builds.getStore();
  if (!done) return work();
  if (done.has(key)) return done.get(key) as T;
  const value = work();
  done.set(key, value);
  return value;
}
