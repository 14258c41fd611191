/**
 * Merging a page's edit into a file that changed since the page loaded it. Plain data, no
 * Node and no DOM: the server merges a save with it, and the page uses the same rules to
 * take the user's choice after a conflict.
 *
 * A change is one field (a path) given a new value, removed, or an item added at the end of
 * a list. Three values take part: `base` (what the page loaded), `current` (the file now)
 * and the page's changes from base. A change applies when the other writer left its field
 * as it was in base; a field both changed, to different values, is a conflict for the user
 * to decide. Lists of the same length are compared item by item, so two people editing
 * different rows of a plan never collide; items added at the end are added after whatever
 * the other writer added.
 */
export type Path = Array<string | number>;

export interface Change {
  path: Path;
  /** The new value; undefined with `removed`. */
  value?: unknown;
  removed?: true;
  /** A new last item of the list at `path` minus its index: added after the other writer's items. */
  appended?: true;
}

export interface Conflict {
  path: Path;
  /** The page's value; undefined when the page removed the field. */
  mine: unknown;
  /** The file's value now; undefined when the other writer removed it. */
  theirs: unknown;
}

type Plain = Record<string, unknown>;

const isMap = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The changes that turn `before` into `after`, field by field. */
export function changesBetween(before: unknown, after: unknown, path: Path = []): Change[] {
  // The very same object (a value made from another by setting fields shares the rest): nothing changed in it.
  if (before === after) return [];
  if (isMap(before) && isMap(after)) {
    const out: Change[] = [];
    for (const key of Object.keys(before)) if (!(key in after)) out.push({ path: [...path, key], removed: true });
    for (const [key, value] of Object.entries(after)) {
      if (key in before) out.push(...changesBetween(before[key], value, [...path, key]));
      else out.push({ path: [...path, key], value });
    }
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: Change[] = [];
    const common = Math.min(before.length, after.length);
    for (let i = 0; i < common; i++) out.push(...changesBetween(before[i], after[i], [...path, i]));
    for (let i = common; i < after.length; i++) out.push({ path: [...path, i], value: after[i], appended: true });
    for (let i = common; i < before.length; i++) out.push({ path: [...path, i], removed: true });
    return out;
  }
  return sameValue(before, after) ? [] : [{ path, value: after }];
}

function getAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> | undefined {
  const parent = getAt(root, path.slice(0, -1));
  return typeof parent === 'object' && parent !== null ? (parent as Record<string | number, unknown>) : undefined;
}

/**
 * The page's changes applied to `current` where the other writer left the field alone;
 * the rest are conflicts (none applied when `skip` holds them: the user kept theirs).
 * `current` is changed in place and returned.
 */
export function mergeChanges(
  base: unknown,
  current: unknown,
  changes: readonly Change[],
): { merged: unknown; conflicts: Conflict[] } {
  const conflicts: Conflict[] = [];
  const removals: Change[] = [];
  let merged = current;
  for (const change of changes) {
    if (change.appended) {
      const list = getAt(merged, change.path.slice(0, -1));
      if (Array.isArray(list)) list.push(change.value);
      else conflicts.push({ path: change.path, mine: change.value, theirs: undefined });
      continue;
    }
    const theirs = getAt(current, change.path);
    if (sameValue(theirs, change.value)) continue;
    if (!sameValue(theirs, getAt(base, change.path))) {
      conflicts.push({ path: change.path, mine: change.value, theirs });
      continue;
    }
    if (change.removed) removals.push(change);
    else if (change.path.length === 0) merged = change.value;
    else {
      const parent = parentOf(merged, change.path);
      if (parent) parent[change.path.at(-1)!] = change.value;
      else conflicts.push({ path: change.path, mine: change.value, theirs });
    }
  }
  // Trailing list items go last, highest index first, so earlier indices stay where they were.
  removals.sort((a, b) => Number(b.path.at(-1)) - Number(a.path.at(-1)));
  for (const change of removals) {
    const parent = parentOf(merged, change.path);
    const key = change.path.at(-1)!;
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else if (parent) delete parent[key];
  }
  return { merged, conflicts };
}

/** The page's value after the user chose, per conflict, to keep the file's value: those changes are left out. */
export function withoutFields(changes: readonly Change[], kept: readonly Path[]): Change[] {
  const keys = new Set(kept.map((p) => JSON.stringify(p)));
  return changes.filter((c) => !keys.has(JSON.stringify(c.path)));
}
