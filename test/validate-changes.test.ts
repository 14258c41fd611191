/**
 * An edit validated in its changed fields only (validate-changes.ts) must be what zod gives for
 * the whole file: the same value, key order included, where the whole is valid; and no answer
 * where the whole is refused, so the caller validates the whole and every message and its place
 * are a whole validation's. Random scalar edits (what typing in the Studio makes) of the bundled
 * strategy, theme and decks, and of Innafjords' strategy with its translation maps, with and
 * without a fallback language.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { z } from 'zod';
import { parseYaml } from '../src/data/load-yaml.js';
import { plainMessage } from '../src/data/plain-messages.js';
import { deckSchema, themeSchema } from '../src/data/schema.js';
import { ownLanguageStrategy } from '../src/data/strategy-languages.js';
import { validatedChanges } from '../src/data/validate-changes.js';
import type { Change } from '../src/data/value-merge.js';
import { withXmlLineBreaks } from '../src/data/xml-text.js';
import { validateYaml } from '../src/data/yaml-cache.js';
import { editYamlText } from '../src/data/yaml-edit.js';
import { EditedSources } from '../src/studio/edited-source.js';
import { withChanges } from '../src/studio/spliced-source.js';
import { REPO } from './helpers/project.js';

type Leaf = { path: Array<string | number>; value: string | number | boolean };

const INNAFJORDS = path.join(REPO, 'test/fixtures/innafjords');
const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');

/** Every scalar of a plain value (what a form field edits), with its path. */
function leavesOf(value: unknown, at: Array<string | number> = []): Leaf[] {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return [{ path: at, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => leavesOf(v, [...at, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leavesOf(v, [...at, k]));
  return [];
}

/** Texts that the schemas treat apart: enum values, dates, colours, ids, versions, marks, line breaks. */
const TRICKY = [
  '',
  ' ',
  'Ny tekst',
  'nb',
  'nn',
  'en',
  'fr',
  'high',
  'other',
  'draft',
  'released',
  '2004-01-26',
  '2027-02-31',
  '31.02.2027',
  '0.2',
  '1.0.1',
  'x1',
  'ny-gruppe',
  'Ny gruppe',
  'FFFFFF',
  '#1a2B3c',
  'zz',
  '**Stress** her',
  '**uten slutt',
  'linje\u000Bbrudd',
  'side\u000Cskift',
  'model.title',
  '{{strategy.name}}',
  'assets/logo.png',
  'a'.repeat(200),
];

function newValue(old: Leaf['value']): fc.Arbitrary<Leaf['value']> {
  if (typeof old === 'string') return fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 12 }));
  if (typeof old === 'number')
    return fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double({ noNaN: true, min: -10, max: 500 }));
  return fc.boolean();
}

/** One to four distinct scalars of `value` given new values of the same kind (as a splice keeps them). */
function scalarEdits(value: unknown): fc.Arbitrary<Change[]> {
  const leaves = leavesOf(value);
  return fc
    .uniqueArray(fc.integer({ min: 0, max: leaves.length - 1 }), { minLength: 1, maxLength: 4 })
    .chain((picked) =>
      fc.tuple(...picked.map((i) => newValue(leaves[i]!.value).map((v) => ({ path: leaves[i]!.path, value: v })))),
    );
}

/** JSON keeps key order: zod's objects and the patched copies must list their keys alike. */
const ordered = (value: unknown) => JSON.stringify(value);

interface Case {
  name: string;
  schema: z.ZodType;
  raw: unknown;
}

const strategy = parse(read(REPO, 'data/strategy.yaml'));
const innafjords = parse(read(INNAFJORDS, 'data/strategy.yaml'));
/** Innafjords with English left out of some texts and a fallback to nynorsk. */
const withFallback = (() => {
  const copy = structuredClone(innafjords);
  copy.fallbackLanguage = 'nn';
  delete copy.name.en;
  delete copy.organisation.name.en;
  return copy;
})();

const CASES: Case[] = [
  { name: 'the bundled strategy', schema: ownLanguageStrategy, raw: strategy },
  { name: 'the bundled theme', schema: themeSchema, raw: parse(read(REPO, 'data/theme.yaml')) },
  { name: 'a bundled deck', schema: deckSchema, raw: parse(read(REPO, 'data/decks/storledermote.yaml')) },
  { name: 'Innafjords (nynorsk, translations)', schema: ownLanguageStrategy, raw: innafjords },
  { name: 'Innafjords with a fallback language', schema: ownLanguageStrategy, raw: withFallback },
];

describe('an edit validated in its changed fields only', () => {
  it.each(CASES)(
    'gives zod’s value for the whole, or leaves the whole to zod when refused: $name',
    ({ schema, raw }) => {
      const base = schema.safeParse(raw, { error: plainMessage });
      if (!base.success) throw new Error(`does not validate: ${base.error.message}`);
      const last = withXmlLineBreaks(base.data);
      let quick = 0;
      let refused = 0;
      fc.assert(
        fc.property(scalarEdits(raw), (changes) => {
          const next = withChanges(raw, changes);
          const whole = schema.safeParse(next, { error: plainMessage });
          const part = validatedChanges(schema, last, next, changes);
          if (!whole.success) {
            refused++;
            expect(part).toBeUndefined();
            return;
          }
          // A strategy's language changes every text: that is the whole's to validate.
          const rootField = changes.some((c) => c.path[0] === 'language' || c.path[0] === 'fallbackLanguage');
          if (!(rootField && schema === ownLanguageStrategy)) expect(part).toBeDefined();
          if (!part) return;
          quick++;
          const expected = withXmlLineBreaks(whole.data);
          expect(part!.value).toStrictEqual(expected);
          expect(ordered(part!.value)).toBe(ordered(expected));
        }),
        { numRuns: 300, seed: 25 },
      );
      // Both sides were tried.
      expect(quick).toBeGreaterThan(20);
      expect(refused).toBeGreaterThan(5);
    },
  );

  it('leaves a change of the strategy’s language to the whole: every translated text changes with it', () => {
    const base = ownLanguageStrategy.safeParse(innafjords, { error: plainMessage });
    if (!base.success) throw new Error('does not validate');
    const changes: Change[] = [
      { path: ['language'], value: 'en' },
      { path: ['mainMessage', 'what', 'nn'], value: 'Ny tekst' },
    ];
    const next = withChanges(innafjords, changes);
    const whole = ownLanguageStrategy.safeParse(next, { error: plainMessage });
    expect(whole.success && (whole.data as { name: string }).name).toBe(innafjords.name.en);
    expect(validatedChanges(ownLanguageStrategy, withXmlLineBreaks(base.data), next, changes)).toBeUndefined();
  });

  it('through the Studio’s edits: the value and messages a parse of the edited text gives, typing validated in part', () => {
    for (const [root, file] of [
      [REPO, 'data/strategy.yaml'],
      [INNAFJORDS, 'data/strategy.yaml'],
    ] as const) {
      const saved = read(root, file);
      const sources = new EditedSources();
      fc.assert(
        fc.property(scalarEdits(parse(saved)), (changes) => {
          const value = withChanges(parse(saved), changes);
          const before = { ...sources.stats, inPart: sources.validatedInPart };
          const edited = sources.load(file, saved, value, ownLanguageStrategy);
          const parsed = validateYaml(parseYaml(file, editYamlText(saved, value)), ownLanguageStrategy);
          expect(edited.ok).toBe(parsed.ok);
          if (!edited.ok || !parsed.ok) {
            expect(edited.ok ? [] : edited.issues).toEqual(parsed.ok ? [] : parsed.issues);
            return;
          }
          expect(ordered(edited.value.value)).toBe(ordered(parsed.value.value));
          expect(edited.value.value).toStrictEqual(parsed.value.value);
          // A typed edit of a text field (no language, no line break) is validated in part.
          if (sources.stats.spliced > before.spliced && !changes.some((c) => c.path[0] === 'language'))
            expect(sources.validatedInPart).toBe(before.inPart + 1);
        }),
        { numRuns: 60, seed: 7 },
      );
      expect(sources.validatedInPart).toBeGreaterThan(10);
    }
  });
});
