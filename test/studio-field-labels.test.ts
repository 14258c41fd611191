/**
 * Every field of the data, in the Studio's form and in the CLI's located messages, is named by
 * its label in the reader's language, never by its key in the YAML (issue #25: a non-programmer
 * read `template`, `layouts`, `titleOnly`; the strategy's form still showed `fallbackLanguage`).
 * The schemas are walked as the form walks them (json-schema.ts), every property at every depth.
 */
import { describe, expect, it } from 'vitest';
import { toJsonSchema } from '../src/data/json-schema.js';
import { deckSchema, strategySchema, themeSchema } from '../src/data/schema.js';
import { fieldLabel } from '../src/messages/field-labels.js';
import type { Lang } from '../src/messages/entry.js';

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: SchemaNode | boolean;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
}

/** Each property's path, `$schema` left out (the form never shows it). */
function fieldPaths(node: SchemaNode, path: string[], out: string[][] = []): string[][] {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    if (key === '$schema') continue;
    out.push([...path, key]);
    fieldPaths(child, [...path, key], out);
  }
  if (node.items) fieldPaths(node.items, path, out);
  if (typeof node.additionalProperties === 'object') fieldPaths(node.additionalProperties, path, out);
  for (const child of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])])
    fieldPaths(child, path, out);
  return out;
}

const schemas = [
  ['strategy', strategySchema],
  ['theme', themeSchema],
  ['deck', deckSchema],
] as const;

describe('the data’s fields by their labels', () => {
  it.each(['nb', 'nn', 'en'] as Lang[])(
    'names every field of strategy, theme and deck in %s, none by its key',
    (lang) => {
      const unnamed = schemas.flatMap(([id, schema]) =>
        fieldPaths(toJsonSchema(schema, { title: id, id }) as SchemaNode, [])
          .filter((path) => fieldLabel(path, lang) === path.at(-1))
          .map((path) => `${id}: ${path.join('.')}`),
      );
      expect(unnamed).toEqual([]);
    },
  );
});
