/**
 * The JSON Schemas in schema/ (for editor autocompletion) are generated from the zod
 * schemas and must stay in sync: refresh with `npm run schema`.
 */
import { describe, expect, it } from 'vitest';
import { toJsonSchema } from '../src/data/json-schema.js';
import { deckSchema, strategySchema, themeSchema } from '../src/data/schema.js';

const schemas = [
  { name: 'strategy', schema: strategySchema, title: 'Trappa strategy (data/strategy.yaml)' },
  { name: 'theme', schema: themeSchema, title: 'Trappa theme (data/theme.yaml)' },
  { name: 'deck', schema: deckSchema, title: 'Trappa deck (data/decks/*.yaml)' },
];

describe('JSON Schemas for editors', () => {
  it.each(schemas)('schema/$name.schema.json is up to date', async ({ name, schema, title }) => {
    const json = toJsonSchema(schema, { title, id: `https://trappa.invalid/schema/${name}.schema.json` });
    expect(json).toHaveProperty('additionalProperties', false);
    await expect(`${JSON.stringify(json, null, 2)}\n`).toMatchFileSnapshot(`../schema/${name}.schema.json`);
  });
});
