/**
 * The JSON Schemas in schema/ (for editor autocompletion) are generated from the zod
 * schemas and must stay in sync: refresh with `npm run schema`. The strategy's schema
 * allows translation maps (`{ nb, nn, en }`) wherever a text is (issue #23), checked here
 * with ajv, a real draft-07 validator, on the bundled data and the nynorsk/English fixture.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { toJsonSchema } from '../src/data/json-schema.js';
import { deckSchema, strategySchema, themeSchema } from '../src/data/schema.js';
import { withTranslations } from '../src/data/translatable-schema.js';
import { REPO } from './helpers/project.js';

const schemas = [
  { name: 'strategy', schema: strategySchema, title: 'Trappa strategy (data/strategy.yaml)' },
  { name: 'theme', schema: themeSchema, title: 'Trappa theme (data/theme.yaml)' },
  { name: 'deck', schema: deckSchema, title: 'Trappa deck (data/decks/*.yaml)' },
];

describe('JSON Schemas for editors', () => {
  it.each(schemas)('schema/$name.schema.json is up to date', async ({ name, schema, title }) => {
    const json = toJsonSchema(schema, { title, id: `https://trappa.invalid/schema/${name}.schema.json` });
    // Strategy texts may be written with their translations (localize.ts).
    const finished = name === 'strategy' ? withTranslations(json) : json;
    expect(finished).toHaveProperty('additionalProperties', false);
    await expect(`${JSON.stringify(finished, null, 2)}\n`).toMatchFileSnapshot(`../schema/${name}.schema.json`);
  });
});

describe('the strategy schema and translation maps', () => {
  const read = (file: string): Record<string, unknown> =>
    parse(readFileSync(path.join(REPO, file), 'utf8')) as Record<string, unknown>;
  const schema = JSON.parse(readFileSync(path.join(REPO, 'schema/strategy.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const problems = (data: unknown): string[] =>
    validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  const files = [
    'data/strategy.yaml',
    'test/fixtures/innafjords/data/strategy.yaml',
    'test/fixtures/fjellregionen/data/strategy.yaml',
    'test/fixtures/vestfjord/data/strategy.yaml',
  ];

  it.each(files)('%s is valid', (file) => {
    expect(problems(read(file))).toEqual([]);
  });

  it('the nynorsk/English fixture has maps the schema without translations rejects', () => {
    const innafjords = read('test/fixtures/innafjords/data/strategy.yaml');
    const plain = toJsonSchema(strategySchema, { title: 'plain', id: 'plain' });
    expect(new Ajv({ strict: false }).compile(plain)(innafjords)).toBe(false);
  });

  it('a map with another language, an empty text, or in an id field is refused at its place', () => {
    const innafjords = read('test/fixtures/innafjords/data/strategy.yaml');
    expect(problems({ ...innafjords, name: { nn: 'Namn', de: 'Name' } })).toContain(
      '/name must NOT have additional properties',
    );
    expect(problems({ ...innafjords, name: { nn: '' } })).toContain('/name/nn must NOT have fewer than 1 characters');
    expect(problems({ ...innafjords, version: { nn: '1.0' } })).toContain('/version must be string');
  });
});
