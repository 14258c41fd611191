/**
 * An edit's validated value from the last valid value of the same file and the fields the edit
 * changed, without validating the rest again. Typing in the Studio changes a few scalars of a
 * file (edited-source.ts); zod validating the whole of a 2 MB strategy at every keystroke
 * allocated ~39 MB and took ~100 ms, for fields that did not change.
 *
 * This is sound because of the schemas' shape. A strict object without refinements checks
 * each field by its own schema and nothing across fields; a list (or record) without
 * refinements checks each item by its own schema and, beyond that, only its length, which a
 * scalar's new text never changes. So along a changed field's path, every object, list and
 * record whose schema has no check of its own but its length is taken apart, the unchanged
 * parts' values are the last valid value's (shared), and the part the path leads into is
 * validated whole at the first schema that is anything else (a union, a refinement, a
 * transform, a text). Where that part is refused, or a step does not fit, the answer is
 * undefined: the caller validates the whole file, so every message and its place are a whole
 * validation's by construction.
 */
import type { z } from 'zod';
import { localizedPartsOf } from './localize.js';
import { plainMessage } from './plain-messages.js';
import type { Change, Path } from './value-merge.js';
import { deckTextOf } from './xml-text.js';

/** A field path's steps still to walk: a key or index → the rest; an empty map ends a changed field. */
type Steps = Map<string | number, Steps>;

/** Checks that only look at a list's length (or a record's size): a changed scalar keeps them as they were. */
const LENGTH_CHECKS = new Set(['min_length', 'max_length', 'length_equals', 'min_size', 'max_size', 'size_equals']);

/**
 * `next`'s validated value, the way validateYaml gives it (xml-text.ts line breaks in), from
 * `before` (the plain value last validated) and `last` (what that gave), where `changes` are
 * scalar changes from `before` to `next`; undefined when only a whole validation can tell.
 */
export function validatedChanges(
  schema: z.ZodType,
  last: unknown,
  next: unknown,
  changes: readonly Change[],
): { value: unknown } | undefined {
  const steps = stepsOf(changes);
  if (!steps) return undefined;
  const walk = walkOf(schema, next, changes);
  if (!walk) return undefined;
  const value = patched(walk, walk.schema, last, next, steps, []);
  return value === FAILED ? undefined : { value };
}

/** How the schema sees the raw value: as it is, or (the strategy) each translation map as its text. */
interface Walk {
  schema: z.ZodType;
  keepsCollection(raw: unknown): boolean;
  part(path: Path, raw: unknown): { value: unknown } | undefined;
}

function walkOf(schema: z.ZodType, next: unknown, changes: readonly Change[]): Walk | undefined {
  const localized = localizedPartsOf(schema);
  if (!localized) return { schema, keepsCollection: () => true, part: (_, raw) => ({ value: raw }) };
  if (changes.some((c) => localized.rootFields.includes(String(c.path[0])))) return undefined;
  return {
    schema: localized.inner,
    keepsCollection: localized.keepsCollection,
    part: (path, raw) => localized.part(next, path, raw),
  };
}

/** The changes' paths as a tree of steps; undefined for a change that is not a field's new value. */
function stepsOf(changes: readonly Change[]): Steps | undefined {
  const root: Steps = new Map();
  for (const change of changes) {
    if (change.removed || change.appended || change.path.length === 0) return undefined;
    // Set by assignment below, "__proto__" would change the copy's prototype, not a field.
    if (change.path.includes('__proto__')) return undefined;
    let at = root;
    for (const key of change.path) {
      let next = at.get(key);
      if (!next) at.set(key, (next = new Map()));
      at = next;
    }
    // A field changed and, within it, a part: the field is validated whole.
    at.clear();
  }
  return root;
}

const FAILED = Symbol('validate whole');

function patched(walk: Walk, schema: z.ZodType, last: unknown, next: unknown, steps: Steps, path: Path): unknown {
  const inner = steps.size === 0 ? undefined : collectionOf(schema, next);
  if (!inner) return wholePart(walk, schema, next, path);
  if (!walk.keepsCollection(next)) return FAILED;
  const copy = copyOf(last, next);
  if (copy === undefined) return FAILED;
  for (const [key, rest] of steps) {
    if (!Object.hasOwn(next as object, key) || !Object.hasOwn(last as object, key)) return FAILED;
    const part = inner.schema(key);
    if (!part) return FAILED;
    const value = patched(
      walk,
      part,
      (last as Record<string | number, unknown>)[key],
      (next as Record<string | number, unknown>)[key],
      rest,
      [...path, key],
    );
    if (value === FAILED) return FAILED;
    (copy as Record<string | number, unknown>)[key] = value;
  }
  return copy;
}

/** The part validated whole: its value with the line breaks a slide gets, or FAILED when refused. */
function wholePart(walk: Walk, schema: z.ZodType, next: unknown, path: Path): unknown {
  const input = walk.part(path, next);
  if (!input) return FAILED;
  const result = schema.safeParse(input.value, { error: plainMessage });
  // A present field that validates to nothing: leave the question of whether zod keeps the key to zod.
  if (!result.success || result.data === undefined) return FAILED;
  return deckTextOf(path, result.data);
}

/** A copy of the last valid list or object, when `next` is one of the same kind (and length). */
function copyOf(last: unknown, next: unknown): unknown {
  if (Array.isArray(last) && Array.isArray(next)) return last.length === next.length ? [...last] : undefined;
  if (isPlainObject(last) && isPlainObject(next)) return { ...last };
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * The schema of each part of `value` when `schema` checks its parts apart (see the module's
 * comment), through the wrappers that hand a present value to their inner schema unchanged.
 */
function collectionOf(
  schema: z.ZodType,
  value: unknown,
): { schema: (key: string | number) => z.ZodType | undefined } | undefined {
  let at = schema as unknown as z.core.$ZodType;
  for (;;) {
    const def = at._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
    const checks = (def.checks ?? []) as z.core.$ZodCheck[];
    const onlyLength = checks.every((c) => LENGTH_CHECKS.has(c._zod.def.check));
    if (!onlyLength) return undefined;
    switch (def.type) {
      case 'optional':
      case 'default':
      case 'prefault':
      case 'nonoptional':
        if (value === undefined) return undefined;
        at = def.innerType as z.core.$ZodType;
        continue;
      case 'nullable':
        if (value === null) return undefined;
        at = def.innerType as z.core.$ZodType;
        continue;
      case 'object': {
        if (checks.length > 0) return undefined;
        const shape = def.shape as Record<string, z.ZodType>;
        return { schema: (key) => (typeof key === 'string' && Object.hasOwn(shape, key) ? shape[key] : undefined) };
      }
      case 'array': {
        const element = def.element as z.ZodType;
        return { schema: (key) => (typeof key === 'number' ? element : undefined) };
      }
      case 'record': {
        // A record's keys pass its key schema as they did (a changed value leaves every key as it
        // was), and come out as they went in unless that schema makes something else of them.
        const keyType = (def.keyType as z.core.$ZodType)._zod.def;
        if (keyType.type !== 'string' || (keyType.checks ?? []).length > 0) return undefined;
        const valueType = def.valueType as z.ZodType;
        return { schema: (key) => (typeof key === 'string' ? valueType : undefined) };
      }
      default:
        return undefined;
    }
  }
}
