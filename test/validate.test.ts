import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { z } from 'zod';
import { formatIssue } from '../src/errors.js';
import { toJsonSchema } from '../src/data/json-schema.js';
import { loadYamlFile, parseYaml } from '../src/data/load-yaml.js';
import { deckSchema } from '../src/data/schema.js';
import { hexColor, id, isoDate, nonEmptyText, version } from '../src/data/schema-helpers.js';
import { formatPath, locateIn, validateSource } from '../src/data/validate.js';

/** A mini strategy, shaped like the real one. */
const strategy = z
  .strictObject({
    name: nonEmptyText.describe('Name of the strategy.'),
    version,
    date: isoDate,
    color: hexColor.optional(),
    groups: z
      .array(z.strictObject({ name: nonEmptyText, priority: z.enum(['high', 'other']) }))
      .min(1)
      .describe('Target groups.'),
    plan: z.array(z.strictObject({ målgruppe: nonEmptyText, aktivitet: nonEmptyText, tid: nonEmptyText })),
    slides: z
      .array(
        z.discriminatedUnion('kind', [
          z.strictObject({ kind: z.literal('title'), title: nonEmptyText }),
          z.strictObject({ kind: z.literal('bullets'), title: nonEmptyText, bullets: z.array(nonEmptyText) }),
        ]),
      )
      .optional(),
    owner: z.union([id, z.array(id)]).optional(),
  })
  .describe('A mini communication strategy.');

const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

/** A valid file; cases change single lines of it. */
const GOOD = [
  'name: Kommunikasjonsstrategi Innherred Samkommune', //   line 1
  'version: "0.2"',
  'date: 2004-01-26',
  'groups:',
  '  - name: Ledere og tillitsvalgte', //                 line 5
  '    priority: high',
  'plan:',
  '  - målgruppe: Alle ansatte',
  '    aktivitet: Allmøte',
  '    tid: 28.1.', //                                    line 10
];

function edit(replace: Record<number, string | null>, ...extra: string[]): string {
  const lines = GOOD.flatMap((line, i) => {
    const change = replace[i + 1];
    return change === undefined ? [line] : change === null ? [] : [change];
  });
  return yaml(...lines, ...extra);
}

function check(text: string): string[] {
  const parsed = parseYaml('data/strategi.yaml', text);
  const result = parsed.ok ? validateSource(parsed.value, strategy) : parsed;
  return result.ok ? [] : result.issues.map(formatIssue);
}

const F = 'data/strategi.yaml';

const cases: { name: string; yaml: string; errors: string[] }[] = [
  { name: 'a valid file', yaml: edit({}), errors: [] },
  {
    name: 'unclosed double quote points at the opening quote',
    yaml: edit({ 1: 'name: "Kommunikasjonsstrategi' }),
    errors: [`${F}:1:7 unclosed quote: this text starts with " but has no closing "`],
  },
  {
    name: 'unclosed single quote in a list item',
    yaml: edit({ 5: "  - name: 'Ledere" }),
    errors: [`${F}:5:11 unclosed quote: this text starts with ' but has no closing '`],
  },
  {
    name: 'key indented too far',
    yaml: edit({ 3: '  date: 2004-01-26' }),
    errors: [`${F}:3:3 bad indentation: keys at the same level must start in the same column`],
  },
  {
    name: 'keys of one list item not lined up',
    yaml: edit({ 9: '     aktivitet: Allmøte' }),
    errors: [`${F}:9:6 bad indentation: this line is indented differently from the lines around it`],
  },
  {
    name: 'tab used for indentation',
    yaml: edit({ 6: '\tpriority: high' }),
    errors: [`${F}:6:1 tab used for indentation; indent with spaces instead`],
  },
  {
    name: 'one tab in the indentation gives one line, not its follow-on errors',
    yaml: edit({ 8: '  - målgruppe: Alle ansatte', 9: '\taktivitet: Allmøte' }),
    errors: [`${F}:9:1 tab used for indentation; indent with spaces instead`],
  },
  {
    name: "missing ':' after a key, with more keys below",
    yaml: edit({ 9: '    aktivitet Allmøte' }),
    errors: [`${F}:9:5 missing ':' after 'aktivitet'? write aktivitet: Allmøte`],
  },
  {
    name: "missing ':' after the last key of a map",
    yaml: edit({ 10: '    tid 28.1.  # dato' }),
    errors: [`${F}:10:5 missing ':' after 'tid'? write tid: 28.1.`],
  },
  {
    name: 'duplicate key',
    yaml: edit({}, '    tid: 4.2.'),
    errors: [`${F}:11:5 duplicate key 'tid'; each key may appear only once here`],
  },
  {
    name: 'value with ": " needs quotes',
    yaml: edit({ 9: '    aktivitet: Allmøte: info' }),
    errors: [`${F}:9:16 text containing ': ' must be in quotes; write aktivitet: "Allmøte: info"`],
  },
  {
    name: 'more than one document',
    yaml: edit({}, '---', 'name: x'),
    errors: [
      `${F}:11:1 more than one YAML document in this file (a line with only '---' starts a new one); keep one per file`,
    ],
  },
  {
    name: 'empty file',
    yaml: '',
    errors: [`${F}:1:1 file is empty; expected YAML content such as 'name: value' lines`],
  },
  {
    name: 'file with only comments',
    yaml: yaml('# Strategien kommer her', '# (ikke skrevet ennå)'),
    errors: [`${F}:1:1 file is empty; expected YAML content such as 'name: value' lines`],
  },
  {
    name: 'a list where fields are expected',
    yaml: yaml('- name: x'),
    errors: [`${F}:1:1 expected fields (key: value), found a list`],
  },
  {
    name: 'number where text is expected',
    yaml: edit({ 10: '    tid: 4.2' }),
    errors: [`${F}:10:10 plan[0].tid: expected text, found a number; put the value in quotes to keep it as text`],
  },
  {
    name: 'text where a list is expected',
    yaml: edit({ 4: 'groups: Ledere', 5: null, 6: null }),
    errors: [`${F}:4:9 groups: expected a list, found text; write each item on its own line starting with '- '`],
  },
  {
    name: 'empty value points at its key',
    yaml: edit({ 10: '    tid:' }),
    errors: [`${F}:10:5 plan[0].tid: is empty; expected text`],
  },
  {
    name: 'blank text',
    yaml: edit({ 1: 'name: "  "' }),
    errors: [`${F}:1:7 name: must not be empty`],
  },
  {
    name: 'empty list',
    yaml: edit({ 4: 'groups: []', 5: null, 6: null }),
    errors: [`${F}:4:9 groups: needs at least 1 item`],
  },
  {
    name: 'missing field points at the map that lacks it',
    yaml: edit({ 10: null }),
    errors: [`${F}:8:5 plan[0]: missing field 'tid'`],
  },
  {
    name: 'missing top-level field',
    yaml: edit({ 3: null }),
    errors: [`${F}:1:1 missing field 'date'`],
  },
  {
    name: 'unknown keys with did-you-mean, each at its key',
    yaml: edit({ 8: '  - malgruppe: Alle ansatte', 9: '    aktivitett: Allmøte' }),
    errors: [
      `${F}:8:5 plan[0]: unknown field 'malgruppe'; did you mean 'målgruppe'?`,
      `${F}:9:5 plan[0]: unknown field 'aktivitett'; did you mean 'aktivitet'?`,
    ],
  },
  {
    name: 'unknown key without a close match lists the allowed fields',
    yaml: edit({}, 'farge: blå'),
    errors: [`${F}:11:1 unknown field 'farge'; allowed here: name, version, date, color, groups, plan, slides, owner`],
  },
  {
    name: 'not a real date',
    yaml: edit({ 3: 'date: 2004-02-30' }),
    errors: [`${F}:3:7 date: '2004-02-30' is not a real date; expected a date like 2004-01-26`],
  },
  {
    name: 'date in Norwegian notation',
    yaml: edit({ 3: 'date: 26.01.2004' }),
    errors: [`${F}:3:7 date: expected a date like 2004-01-26, found '26.01.2004'`],
  },
  {
    name: 'version as a bare number',
    yaml: edit({ 2: 'version: 1.0' }),
    errors: [
      `${F}:2:10 version: write the version as text in quotes, e.g. version: "0.2" (a bare 1.0 would be read as 1)`,
    ],
  },
  {
    name: 'version that is not a version',
    yaml: edit({ 2: 'version: "v2"' }),
    errors: [`${F}:2:10 version: expected a version like "0.2" or "1.0", found 'v2'`],
  },
  {
    name: 'value not among the choices',
    yaml: edit({ 6: '    priority: hgh' }),
    errors: [`${F}:6:15 groups[0].priority: expected one of: high, other; found 'hgh' (did you mean 'high'?)`],
  },
  {
    name: 'colour written with an unquoted #',
    yaml: edit({}, 'color: #1F4E79'),
    errors: [`${F}:11:1 color: is empty; write the colour in quotes, e.g. "#1F4E79" (an unquoted # starts a comment)`],
  },
  {
    name: 'id with capitals and æøå',
    yaml: edit({}, 'owner: Kommunikasjonsrådgiver Ås'),
    errors: [
      `${F}:11:8 owner: expected an id of lowercase letters a-z, digits and '-' (no spaces, no æøå), found 'Kommunikasjonsrådgiver Ås'; try 'kommunikasjonsradgiver-as'`,
    ],
  },
  {
    name: 'union with no fitting kind',
    yaml: edit({}, 'owner: 12'),
    errors: [`${F}:11:8 owner: expected text or a list, found a number`],
  },
  {
    name: 'discriminated union: unknown kind, missing and misspelt fields',
    yaml: edit(
      {},
      'slides:',
      '  - kind: titel',
      '    title: Strategi',
      '  - kind: bullets',
      '    title: Budskap',
      '    bulets: [Hva, Hvorfor]',
      '  - title: Uten type',
    ),
    errors: [
      `${F}:12:11 slides[0].kind: expected one of: title, bullets; found 'titel'`,
      `${F}:16:5 slides[1]: unknown field 'bulets'; did you mean 'bullets'?`,
      `${F}:17:5 slides[2]: missing field 'kind'; expected one of: title, bullets`,
    ],
  },
  {
    name: 'several issues at once, sorted top to bottom',
    yaml: edit({ 2: 'version: 0.2', 3: 'date: 2004-13-01', 6: '    priority: viktig', 10: '    tid: 2' }, 'ekstra: ja'),
    errors: [
      `${F}:2:10 version: write the version as text in quotes, e.g. version: "0.2" (a bare 1.0 would be read as 1)`,
      `${F}:3:7 date: '2004-13-01' is not a real date; expected a date like 2004-01-26`,
      `${F}:6:15 groups[0].priority: expected one of: high, other; found 'viktig'`,
      `${F}:10:10 plan[0].tid: expected text, found a number; put the value in quotes to keep it as text`,
      `${F}:11:1 unknown field 'ekstra'; allowed here: name, version, date, color, groups, plan, slides, owner`,
    ],
  },
  {
    name: 'æøå in keys and values',
    yaml: edit({ 5: '  - name: Ansatte på Ørland og Åfjord, ærlig talt', 8: '  - målgruppe: ""' }, 'særlig: ja'),
    errors: [
      `${F}:8:16 plan[0].målgruppe: must not be empty`,
      `${F}:11:1 unknown field 'særlig'; allowed here: name, version, date, color, groups, plan, slides, owner`,
    ],
  },
];

/** A valid deck, checked against the real deck schema: its points, short-form slides and distribution list. */
const DECK = [
  'id: storledermote', //                                     line 1
  'audience:',
  '  name: Ledere og tillitsvalgte',
  '  groups: [ledere, tillitsvalgte]',
  'slides:', //                                               line 5
  '  - model',
  '  - kind: bullets',
  '    title: Dette ber vi dere om',
  '    points:',
  '      - Gi innspill til strategien innen 11. februar', // line 10
  '      - text: Ta budskapene med inn i møtene',
  '        sub: [I egen enhet]',
  'distribution:',
  '  to:',
  '    - { name: Ledergruppen Levanger, email: ledere@levanger.kommune.no }', // line 15
  '  cc:',
  '    - { name: Hovedtillitsvalgte, email: tillitsvalgte@innherred-samkommune.no }',
];

function editDeck(replace: Record<number, string>): string {
  return yaml(...DECK.map((line, i) => replace[i + 1] ?? line));
}

const D = 'data/decks/storledermote.yaml';

const deckCases: { name: string; yaml: string; errors: string[] }[] = [
  { name: 'a valid deck', yaml: editDeck({}), errors: [] },
  {
    name: 'one tab before the first key of a map',
    yaml: editDeck({ 3: '\tname: Ledere og tillitsvalgte' }),
    errors: [`${D}:3:1 tab used for indentation; indent with spaces instead`],
  },
  {
    name: "point 'Frist: 11. februar' is read as a field",
    yaml: editDeck({ 10: '      - Frist: 11. februar' }),
    errors: [
      `${D}:10:9 slides[1].points[0]: this line is read as a field 'Frist'; put the text in quotes: - "Frist: 11. februar"`,
    ],
  },
  {
    name: 'point written as an object without sub',
    yaml: editDeck({ 12: '    notes: Avslutt med frist.' }),
    errors: [`${D}:11:9 slides[1].points[1]: write it as plain text without 'text:', or add sub: [...]`],
  },
  {
    name: 'short-form slide typo',
    yaml: editDeck({ 6: '  - modell' }),
    errors: [`${D}:6:5 slides[0]: unknown slide 'modell'; did you mean 'model'?`],
  },
  {
    name: 'comma inside a flow map value',
    yaml: editDeck({ 15: '    - { name: Ledergruppen Verdal, Frosta og Inderøy, email: ledere@verdal.kommune.no }' }),
    errors: [
      `${D}:15:15 distribution.to[0].name: a comma inside { … } starts a new field; put the text in quotes: name: "Ledergruppen Verdal, Frosta og Inderøy"`,
    ],
  },
  {
    name: "': ' inside a flow map value",
    yaml: editDeck({ 17: '    - { name: Hovedtillitsvalgte: alle, email: tillitsvalgte@innherred-samkommune.no }' }),
    errors: [`${D}:17:15 text containing ': ' must be in quotes; write name: "Hovedtillitsvalgte: alle"`],
  },
  {
    name: "list item starting with '*'",
    yaml: editDeck({ 10: '      - * Din tillitsvalgte' }),
    errors: [`${D}:10:9 a value cannot start with '*' unless it is in quotes; write - "* Din tillitsvalgte"`],
  },
  {
    name: 'recipient written as text shows the fields, filled in',
    yaml: editDeck({ 15: '    - Ola Nordmann <ola.nordmann@levanger.kommune.no>' }),
    errors: [
      `${D}:15:7 distribution.to[0]: expected fields, found text; write it as { name: Ola Nordmann, email: ola.nordmann@levanger.kommune.no }`,
    ],
  },
];

describe('parseYaml + validateSource', () => {
  it.each(cases)('$name', ({ yaml: text, errors }) => {
    expect(check(text)).toEqual(errors);
  });

  it.each(deckCases)('deck: $name', ({ yaml: text, errors }) => {
    const parsed = parseYaml(D, text);
    const result = parsed.ok ? validateSource(parsed.value, deckSchema) : parsed;
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual(errors);
  });

  it('returns the parsed value: dates and versions stay text, colours are normalised', () => {
    const parsed = parseYaml(F, edit({}, 'color: "#1f4e79"', 'owner: [radgiver, leder-2]'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const result = validateSource(parsed.value, strategy);
    expect(result).toMatchObject({
      ok: true,
      value: { version: '0.2', date: '2004-01-26', color: '1F4E79', owner: ['radgiver', 'leder-2'] },
    });
  });
});

describe('locateIn', () => {
  const parsed = parseYaml(F, edit({}));
  if (!parsed.ok) throw new Error('fixture does not parse');

  it('points at a value, or at its key', () => {
    expect(locateIn(parsed.value, ['plan', 0, 'aktivitet'])).toEqual({
      file: F,
      line: 9,
      col: 16,
      field: 'plan[0].aktivitet',
    });
    expect(locateIn(parsed.value, ['plan', 0, 'aktivitet'], 'key')).toMatchObject({ line: 9, col: 5 });
  });

  it('falls back to the nearest existing node', () => {
    expect(locateIn(parsed.value, ['plan', 3, 'tid'])).toEqual({ file: F, line: 8, col: 3, field: 'plan[3].tid' });
  });

  it('formats paths with dots and indexes', () => {
    expect(formatPath(['plan', 3, 'tid'])).toBe('plan[3].tid');
    expect(formatPath(['målgrupper', 'høy prioritet'])).toBe('målgrupper["høy prioritet"]');
  });
});

describe('loadYamlFile', () => {
  it('reports a missing file with its path', async () => {
    const result = await loadYamlFile('/nonexistent/trappa/strategi.yaml', 'data/strategi.yaml');
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual(['data/strategi.yaml file not found']);
  });

  it('reads UTF-8 with a byte order mark', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trappa-validate-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'strategi.yaml'), `\uFEFF${edit({})}`);
    const loaded = await loadYamlFile(join(dir, 'strategi.yaml'), F);
    expect(loaded.ok && validateSource(loaded.value, strategy)).toMatchObject({
      ok: true,
      value: { name: GOOD[0]?.slice(6) },
    });
  });
});

describe('toJsonSchema', () => {
  it('gives a draft-07 schema with descriptions and no extra keys allowed', () => {
    const schema = toJsonSchema(strategy, {
      title: 'Trappa strategy',
      id: 'https://trappa.local/schema/strategy.schema.json',
    });
    expect(schema).toMatchObject({
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: 'https://trappa.local/schema/strategy.schema.json',
      title: 'Trappa strategy',
      description: 'A mini communication strategy.',
      type: 'object',
      additionalProperties: false,
      required: ['name', 'version', 'date', 'groups', 'plan'],
      properties: {
        name: { type: 'string', minLength: 1, description: 'Name of the strategy.' },
        version: { type: 'string', description: expect.stringContaining('quotes') },
        date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        color: { type: 'string', pattern: '^#?[0-9a-fA-F]{6}$' },
        groups: {
          type: 'array',
          minItems: 1,
          description: 'Target groups.',
          items: { additionalProperties: false, properties: { priority: { enum: ['high', 'other'] } } },
        },
      },
    });
    // Plain JSON only: it is written to schema/*.schema.json as is.
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    for (const key of ['allOf', 'not']) expect(JSON.stringify(schema)).not.toContain(`"${key}"`);
  });
});
