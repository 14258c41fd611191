/**
 * What the page sends of a file it edits: the fields it changed and their values now, not
 * the file's whole value. A 2 MB strategy is then a few hundred bytes per keystroke on the
 * wire, and the server applies them to its kept parse of the version the page loaded.
 *
 * The form changes a value only through form-util's `setAt`, which notes the path here, by
 * the value's root object. A value the page did not change that way (replaced as a whole,
 * e.g. after a conflict was resolved) is sent whole, as one change at the empty path.
 * Pure functions, no DOM: the server applies the same changes (studio-api.ts, live-render.ts).
 */
import type { Path } from './paths.js';

/** A field the page changed, and its value now; without `value` the field was removed. */
export interface PageChange {
  path: Path;
  value?: unknown;
}

/** Paths changed per value, by the value's root object (dropped with it). */
const logs = new WeakMap<object, Map<string, Path>>();

/** Notes that `path` of the value `root` was set (form-util.ts setAt calls this). */
export function noteChange(root: unknown, path: Path): void {
  // Only a value whose log was started (a copy of a loaded version): any other is sent whole.
  if (typeof root === 'object' && root !== null) logs.get(root)?.set(JSON.stringify(path), [...path]);
}

/** Starts the log of a value the page is about to edit: nothing changed yet. */
export function startChanges(root: unknown): void {
  if (typeof root === 'object' && root !== null) logs.set(root, new Map());
}

/** A log of changes, as a save takes it: the changes it sends, put back should it fail. */
export type ChangeLog = Map<string, Path> | undefined;

/** The log so far, a new one started (a save sends the first; edits made meanwhile go to the new one). */
export function restartChanges(root: unknown): ChangeLog {
  if (typeof root !== 'object' || root === null) return undefined;
  const before = logs.get(root);
  if (before) logs.set(root, new Map());
  return before;
}

/** A save that failed: its changes are the page's again, beside those made meanwhile. */
export function rejoinChanges(root: unknown, before: ChangeLog): void {
  if (typeof root !== 'object' || root === null) return;
  const now = logs.get(root);
  if (!before || !now) logs.delete(root);
  else for (const [key, path] of before) now.set(key, path);
}

/** Are there changes noted in `root` (since its log started)? True when unknown. */
export function hasChanges(root: unknown): boolean {
  const log = typeof root === 'object' && root !== null ? logs.get(root) : undefined;
  return log === undefined || log.size > 0;
}

const within = (path: Path, prefix: Path): boolean =>
  prefix.length < path.length && prefix.every((key, i) => path[i] === key);

/**
 * The changes that turn the value the page loaded into `root`: each noted field with its
 * value now, a field inside another noted one left out (the outer value carries it).
 */
export function changesOf(root: unknown): PageChange[] {
  const log = typeof root === 'object' && root !== null ? logs.get(root) : undefined;
  if (!log) return [{ path: [], value: root }];
  const paths = [...log.values()].sort((a, b) => a.length - b.length);
  const outer: Path[] = [];
  for (const path of paths) if (!outer.some((o) => within(path, o))) outer.push(path);
  return outer.map((path) => {
    const value = valueAt(root, path);
    return value === undefined ? { path } : { path, value };
  });
}

function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) node = typeof node === 'object' && node !== null ? (node as never)[key] : undefined;
  return node;
}

/** Keys that would reach an object's prototype, never a field of a data file. */
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

/** Why `changes` (from the network) cannot be applied, or undefined when they are well formed. */
export function changesProblem(changes: unknown): string | undefined {
  if (!Array.isArray(changes)) return 'changes must be a list';
  for (const change of changes) {
    const path = (change as { path?: unknown } | null)?.path;
    if (!Array.isArray(path) || path.length > 64) return 'a change needs a path';
    for (const key of path) {
      if (typeof key === 'number' ? !Number.isInteger(key) || key < 0 : typeof key !== 'string' || FORBIDDEN.has(key))
        return `a change's path has a bad key: ${JSON.stringify(key)}`;
    }
  }
  return undefined;
}

/**
 * `base` with the changes applied, as the page's value would read after a JSON round trip:
 * a removed list item is null there. Parts the changes do not touch are shared with `base`,
 * so telling what changed (value-merge.ts changesBetween) walks only the changed paths.
 * Throws when a change would reach past the end of a list (the page never does that).
 */
export function applyChanges(base: unknown, changes: readonly PageChange[]): unknown {
  let out = base;
  for (const change of changes) out = setShared(out, change.path, 'value' in change, change.value);
  return out;
}

function setShared(node: unknown, path: Path, present: boolean, value: unknown): unknown {
  if (path.length === 0) return present ? value : undefined;
  const [head, ...rest] = path as [string | number, ...Path];
  const child = (nextKey: string | number | undefined, current: unknown): unknown =>
    rest.length === 0 ? (present ? value : undefined) : setShared(current ?? emptyFor(nextKey), rest, present, value);
  if (Array.isArray(node) && typeof head === 'number') {
    if (head > node.length) throw new Error(`a change reaches past the end of a list (${head} > ${node.length})`);
    const copy = [...node];
    const set = child(rest[0], node[head]);
    copy[head] = set === undefined ? null : set;
    return copy;
  }
  const record = typeof node === 'object' && node !== null ? (node as Record<string, unknown>) : {};
  const set = child(rest[0], record[head]);
  const copy: Record<string, unknown> = { ...record };
  if (set === undefined) delete copy[head];
  else copy[head] = set;
  return copy;
}

/** What form-util's setAt makes on the way to a field that does not exist yet. */
const emptyFor = (key: string | number | undefined): unknown => (typeof key === 'number' ? [] : {});
