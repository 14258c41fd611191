/** Small helpers of the form: elements, values by path, and a new item's first value. */
import type { Path } from './paths.js';
import { noteChange } from './page-changes.js';

export type { Path };
// biome-ignore lint/suspicious/noExplicitAny: YAML values of any shape; the server validates them
export type Json = any;

/** The parts of JSON Schema (draft-07, as zod writes it) that the form reads. */
export interface Schema {
  type?: string;
  enum?: Json[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  /** Only `#/definitions/translations` (a text's translation map, translation-field.ts). */
  $ref?: string;
  default?: Json;
  pattern?: string;
  minItems?: number;
  description?: string;
}

export function h(tag: string, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

export const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function getAt(root: Json, path: Path): Json {
  let node = root;
  for (const key of path) node = node === undefined || node === null ? undefined : node[key];
  return node;
}

/** Sets (or, for undefined, deletes) the value at `path`, making the maps on the way; the page sends it as a change. */
export function setAt(root: Json, path: Path, value: Json): void {
  noteChange(root, path);
  let node = root;
  for (const [i, key] of path.slice(0, -1).entries()) {
    if (node[key] === undefined || node[key] === null) node[key] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[key];
  }
  const last = path.at(-1)!;
  if (value === undefined && !Array.isArray(node)) delete node[last];
  else node[last] = value;
}

/** What a new item starts as: empty texts for the required fields, the first choice of a list. */
export function defaultFor(schema: Schema): Json {
  if (schema.anyOf || schema.oneOf) return defaultFor((schema.anyOf ?? schema.oneOf)![0]!);
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object': {
      const out: Record<string, Json> = {};
      for (const key of schema.required ?? []) out[key] = defaultFor(schema.properties?.[key] ?? { type: 'string' });
      return out;
    }
    case 'array':
      return (schema.minItems ?? 0) > 0 ? [defaultFor(schema.items ?? { type: 'string' })] : [];
    case 'number':
    case 'integer':
      return schema.default ?? 0;
    case 'boolean':
      return schema.default ?? false;
    default:
      return '';
  }
}

/** An element id for a field: unique in the page, stable across rebuilds so focus can return. */
export function pathId(prefix: string, path: Path): string {
  return `${prefix}-${path.map((p) => String(p).replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)}`)).join('-')}`;
}
