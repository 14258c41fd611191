/**
 * Field edits → one change per field, checked against the data as it is now. The edits are
 * made in the data the deck was built from (their paths and list positions are that data's);
 * each changed field then replaces the same field of the current data, unless that field
 * changed in the YAML since the build: then it is a conflict, shown with both values and
 * written only when the user takes a side (`--take deck|data`, per field or for all).
 */
import type { Edit } from './map-texts.js';
import { type FieldPath, formatFieldPath, getIn, sameValue, setIn } from './field-path.js';
import type { BaseOrigin, DataRole } from './rebuild.js';

export interface FieldChange {
  role: DataRole;
  path: FieldPath;
  /** `staircase.steps[1].points[0]` */
  field: string;
  /** What the deck built from; what the YAML says now; what the deck says now. */
  built: unknown;
  data: unknown;
  deck: unknown;
  /** Slides (edited deck's numbers) the change was made on. */
  slides: number[];
  conflict: boolean;
}

const REMOVED = Symbol('removed');
const key = (role: DataRole, at: FieldPath): string => `${role}\0${JSON.stringify(at)}`;
const isUnder = (at: FieldPath, prefix: FieldPath): boolean =>
  at.length >= prefix.length && prefix.every((k, i) => at[i] === k);

/** The base data with every edit made, and the fields (whole lists where items came or went) that changed. */
function applyEdits(built: Record<DataRole, unknown>, edits: Edit[]) {
  const next = structuredClone(built) as Record<DataRole, unknown>;
  const lists = new Map<string, { role: DataRole; path: FieldPath; inserts: Map<number, unknown[]> }>();
  const units = new Map<string, { role: DataRole; path: FieldPath; slides: Set<number> }>();
  const unit = (role: DataRole, at: FieldPath, slide: number): void => {
    const k = key(role, at);
    if (!units.has(k)) units.set(k, { role, path: at, slides: new Set() });
    units.get(k)!.slides.add(slide);
  };
  const list = (role: DataRole, at: FieldPath) => {
    const k = key(role, at);
    if (!lists.has(k)) lists.set(k, { role, path: at, inserts: new Map() });
    return lists.get(k)!;
  };
  for (const edit of edits) {
    if (edit.kind === 'set') {
      setIn(next, [edit.role, ...edit.path], edit.value);
      unit(edit.role, edit.path, edit.slide);
    } else if (edit.kind === 'remove') {
      setIn(next, [edit.role, ...edit.path], REMOVED);
      list(edit.role, edit.path.slice(0, -1));
      unit(edit.role, edit.path.slice(0, -1), edit.slide);
    } else {
      const inserts = list(edit.role, edit.path).inserts;
      inserts.set(edit.after, [...(inserts.get(edit.after) ?? []), edit.value]);
      unit(edit.role, edit.path, edit.slide);
    }
  }
  // Inner lists first: the outer list's positions are still the base's while they change.
  for (const l of [...lists.values()].sort((a, b) => b.path.length - a.path.length)) {
    const items = getIn(next[l.role], l.path) as unknown[];
    const out = [...(l.inserts.get(-1) ?? [])];
    items.forEach((item, i) => {
      if (item !== REMOVED) out.push(item);
      out.push(...(l.inserts.get(i) ?? []));
    });
    setIn(next, [l.role, ...l.path], out);
  }
  // A change inside a list that is itself changed is part of the list's change.
  const all = [...units.values()];
  const outer = all.filter(
    (u) => !all.some((o) => o !== u && o.role === u.role && o.path.length < u.path.length && isUnder(u.path, o.path)),
  );
  for (const u of outer)
    for (const inner of all)
      if (inner.role === u.role && isUnder(inner.path, u.path)) inner.slides.forEach((s) => u.slides.add(s));
  return { next, units: outer };
}

/**
 * @param built the data the deck was built from
 * @param current the data as it is now
 * @param origin 'unknown': the build's data is not known, so every change is a conflict
 */
export function composeChanges(
  built: Record<DataRole, unknown>,
  current: Record<DataRole, unknown>,
  edits: Edit[],
  origin: BaseOrigin,
): FieldChange[] {
  const { next, units } = applyEdits(built, edits);
  return units
    .map((u): FieldChange => {
      const was = getIn(built[u.role], u.path);
      const now = getIn(current[u.role], u.path);
      return {
        role: u.role,
        path: u.path,
        field: formatFieldPath(u.path),
        built: was,
        data: now,
        deck: getIn(next[u.role], u.path),
        slides: [...u.slides].sort((a, b) => a - b),
        conflict: origin === 'unknown' ? !sameValue(now, getIn(next[u.role], u.path)) : !sameValue(was, now),
      };
    })
    .filter((c) => !sameValue(c.deck, c.built) || c.conflict);
}

/** The current data of a role with the changes taken (plain values; written by write.ts). */
export function applyChanges(current: unknown, changes: FieldChange[]): unknown {
  const next = structuredClone(current);
  for (const change of changes) {
    if (change.path.length === 0) return structuredClone(change.deck);
    setIn(next, change.path, structuredClone(change.deck));
  }
  return next;
}
