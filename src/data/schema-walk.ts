/**
 * Follows a data path (`['actionPlan', 3, 'tid']`) through the three things
 * validation knows about: the parsed data, the YAML nodes (for positions) and
 * the zod schema (for the fields allowed there). Pure; schema-agnostic.
 */
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { z } from 'zod';
import type { YamlSource } from './load-yaml.js';

export type Path = readonly PropertyKey[];
type Schema = z.core.$ZodType;

/** Walks the YAML nodes along a data path; stops at the deepest node that exists. */
export function findNode(source: YamlSource, path: Path): { node: unknown; key: unknown; complete: boolean } {
  let node: unknown = source.doc.contents;
  let key: unknown;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(source.doc);
    let next: { node: unknown; key: unknown } | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      next = pair && { node: pair.value, key: pair.key };
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      next = { node: node.items[segment], key: undefined };
    }
    if (!next) return { node, key, complete: false };
    ({ node, key } = next);
  }
  return { node, key, complete: true };
}

export function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const segment of path) {
    if (!isRecord(value) && !Array.isArray(value)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Field names the schema allows in the object at `path`, or `undefined` when that cannot be told. */
export function objectKeysAt(root: Schema, path: Path, data: unknown): string[] | undefined {
  return fieldsAt(root, path, data)?.map((field) => field.name);
}

/** The fields of the object at `path`, each with whether it may be left out. */
export function fieldsAt(root: Schema, path: Path, data: unknown): { name: string; optional: boolean }[] | undefined {
  let value = data;
  let schema = unwrapSchema(root, value);
  for (const segment of path) {
    if (!schema) return undefined;
    value = valueAt(value, [segment]);
    const def = (schema as z.core.$ZodTypes)._zod.def;
    let next: Schema | undefined;
    if (def.type === 'object') next = def.shape[String(segment)] ?? def.catchall;
    else if (def.type === 'array') next = def.element;
    else if (def.type === 'record') next = def.valueType;
    else if (def.type === 'tuple') next = def.items[Number(segment)] ?? def.rest ?? undefined;
    schema = next && unwrapSchema(next, value);
  }
  const def = schema && (schema as z.core.$ZodTypes)._zod.def;
  if (def?.type === 'object') {
    return Object.entries(def.shape).map(([name, field]) => ({ name, optional: field._zod.optin !== undefined }));
  }
  if (def?.type === 'intersection') {
    const sides = [fieldsAt(def.left, [], value), fieldsAt(def.right, [], value)];
    return sides.every((side) => side === undefined) ? undefined : sides.flatMap((side) => side ?? []);
  }
  return undefined;
}

/** Looks through wrappers (optional, default, pipe, lazy …) and picks the union option `value` is meant for. */
function unwrapSchema(schema: Schema, value: unknown): Schema | undefined {
  let current: Schema = schema;
  for (let depth = 0; depth < 100; depth++) {
    const def = (current as z.core.$ZodTypes)._zod.def;
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'nonoptional':
      case 'readonly':
      case 'catch':
      case 'success':
        current = def.innerType;
        break;
      case 'pipe':
        current = (def.in as z.core.$ZodTypes)._zod.def.type === 'transform' ? def.out : def.in;
        break;
      case 'lazy':
        current = def.getter();
        break;
      case 'union': {
        const option = pickOption(def.options, 'discriminator' in def ? String(def.discriminator) : undefined, value);
        if (!option) return undefined;
        current = option;
        break;
      }
      default:
        return current;
    }
  }
  return undefined;
}

/** The union option for `value`: by discriminator, else the object option sharing most keys with it. */
function pickOption(options: readonly Schema[], discriminator: string | undefined, value: unknown): Schema | undefined {
  if (!isRecord(value)) return undefined;
  if (discriminator !== undefined) {
    return options.find((option) => option._zod.propValues?.[discriminator]?.has(value[discriminator] as never));
  }
  let best: Schema | undefined;
  let bestScore = -1;
  for (const option of options) {
    const keys = objectKeysAt(option, [], value);
    const score = keys ? Object.keys(value).filter((k) => keys.includes(k)).length : -1;
    if (score > bestScore) [best, bestScore] = [option, score];
  }
  return best;
}
