/**
 * The slide-kind registry (src/kinds/) is the one list of kinds: the schema's enums, the
 * layout registry, the wording files of every language, the source tags and the Studio all
 * agree with it, and a piece that is missing fails here with the file named.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { deckSchema } from '../src/data/deck-schema.js';
import { loadProject } from '../src/data/load-project.js';
import { strategySchema } from '../src/data/strategy-schema.js';
import { isHeading } from '../src/check/rules/elements.js';
import type { ShapeModel } from '../src/check/types.js';
import { commonParts } from '../src/kinds/common-parts.js';
import { builtInSlides, kinds, kindsShowing, ownSlideKinds, partRole, strategyKinds } from '../src/kinds/index.js';
import { slideKinds } from '../src/slides/index.js';
import { copyProject, editFile, REPO } from './helpers/project.js';

const templatesDir = path.join(REPO, 'templates');
const languages = readdirSync(templatesDir).sort();
const readYaml = (file: string) =>
  parse(readFileSync(path.join(templatesDir, file), 'utf8')) as Record<string, unknown>;

/** Every key path of a YAML mapping, "staircase.step". */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

describe('slide kinds', () => {
  it('the wording of every language has exactly the keys each built-in kind declares', () => {
    expect(languages).toEqual(['en', 'nb', 'nn']);
    const problems: string[] = [];
    for (const language of languages) {
      const file = `templates/${language}/slides.yaml`;
      const wording = readYaml(`${language}/slides.yaml`);
      for (const kind of strategyKinds) {
        const has = Object.keys((wording[kind.name] ?? {}) as object).sort();
        const declared = [...kind.wording, ...(kind.optionWording ?? [])].sort();
        for (const key of declared.filter((k) => !has.includes(k)))
          problems.push(`${file}: ${kind.name}.${key} missing`);
        for (const key of has.filter((k) => !declared.includes(k)))
          problems.push(`${file}: ${kind.name}.${key} is not declared in src/kinds/ (wording)`);
      }
      for (const section of Object.keys(wording).filter((s) => !(builtInSlides as readonly string[]).includes(s)))
        problems.push(`${file}: ${section} is no built-in slide kind`);
    }
    expect(problems).toEqual([]);
  });

  it('the fixed words (labels.yaml) of every language have the same keys', () => {
    const keys = new Map(languages.map((l) => [l, keyPaths(readYaml(`${l}/labels.yaml`)).sort()]));
    const all = [...new Set([...keys.values()].flat())].sort();
    const problems = languages.flatMap((l) =>
      all.filter((k) => !keys.get(l)!.includes(k)).map((k) => `templates/${l}/labels.yaml: ${k} missing`),
    );
    expect(problems).toEqual([]);
  });

  it('a language without a declared key is refused when the project loads, naming the file', async () => {
    const root = copyProject();
    editFile(root, 'templates/nb/slides.yaml', /\n {2}step: "Trinn \{\{number\}\}"/, '');
    const result = await loadProject({ root });
    expect(result).toMatchObject({
      ok: false,
      issues: expect.arrayContaining([
        expect.objectContaining({
          file: path.join('templates', 'nb', 'slides.yaml'),
          field: 'staircase',
          line: 13,
          message: "missing field 'step'",
        }),
      ]),
    });
  });

  it('the deck schema, the layout registry and the Studio read the same list', () => {
    const names = Object.keys(kinds).sort();
    expect(Object.keys(slideKinds).sort()).toEqual(names);
    expect([...builtInSlides, ...ownSlideKinds].sort()).toEqual(names);
    for (const name of builtInSlides) expect(deckSchema.safeParse(deckWith(name)).success, name).toBe(true);
    for (const name of ownSlideKinds)
      expect(deckSchema.safeParse(deckWith({ kind: name, title: 'x' })).success, name).toBe(true);
    expect(deckSchema.safeParse(deckWith('no-such-kind')).success).toBe(false);
    expect(kindsShowing('actionPlan')).toEqual(['plan']);
    expect(kindsShowing('mainMessage')).toEqual(['what-why', 'messages']);
  });

  it('each kind draws from and shows fields the strategy has', () => {
    const fields = Object.keys(strategySchema.shape);
    for (const kind of strategyKinds) {
      expect(fields, `src/kinds/${kind.name}.ts data`).toContain(kind.data);
      for (const field of kind.shows) expect(fields, `src/kinds/${kind.name}.ts shows`).toContain(field);
    }
  });

  it('a part reads back the name it writes, and no other', () => {
    const parts = [...Object.values(commonParts), ...Object.values(kinds).flatMap((k) => Object.values(k.parts))];
    for (const part of parts) {
      expect(part.match(part.name(7)), part.template).toBe(part.template.includes('{}') ? '7' : '');
      if (!part.template.startsWith('{}')) expect(part.match(`x${part.name(7)}`), part.template).toBeUndefined();
      if (!part.template.endsWith('{}')) expect(part.match(`${part.name(7)}x`), part.template).toBeUndefined();
    }
    const strategy = { organisation: { members: [{ name: 'Levanger' }, { name: 'Verdal' }] } };
    const { step, stepOutcome } = kinds.staircase.parts;
    expect(step.path!(step.match('Step 2')!, strategy)).toEqual(['staircase', 'steps', 1]);
    // "Step {}" also matches the outcome's name; its path refuses an argument that is no number.
    expect(step.path!(step.match('Step 2 outcome')!, strategy)).toBeUndefined();
    expect(stepOutcome.path!(stepOutcome.match('Step 2 outcome')!, strategy)).toEqual([
      'staircase',
      'steps',
      1,
      'outcome',
    ]);
    const { member } = kinds.model.parts;
    expect(member.path!(member.match('Member Verdal')!, strategy)).toEqual(['organisation', 'members', 1, 'name']);
  });

  it('headings and decoration are known by the role their part declares, not by how the name reads', () => {
    const parts = [...Object.values(commonParts), ...Object.values(kinds).flatMap((k) => Object.values(k.parts))];
    const shape = (name: string): ShapeModel =>
      ({ kind: 'shape', id: 1, name, text: { paragraphs: [{ runs: [{ text: 'Tekst' }] }] } }) as unknown as ShapeModel;
    const declared = parts.filter((p) => p.role === 'heading');
    expect(declared.map((p) => p.template).sort()).toEqual(
      ['Heading {}', '{} heading', 'Other messages heading', 'Main message heading'].sort(),
    );
    for (const part of parts) {
      const name = part.name('Tiltak');
      expect(partRole(name), name).toBe(part.role);
      // A heading part's shape is a heading for the check and the PDF's tags (deck-regions).
      if (part.role === 'heading') expect(isHeading(shape(name)), name).toBe(true);
    }
    // Names that only read like headings are not declared as any (the old test of the name took them).
    for (const name of ['Heading', 'heading list', 'HEADING 2']) expect(isHeading(shape(name)), name).toBe(false);
    expect(isHeading(shape(commonParts.list.name()))).toBe(false);
    expect(partRole(commonParts.titleRule.name())).toBe('decoration');
    expect(partRole(commonParts.logoBand.name())).toBe('decoration');
  });
});

function deckWith(slide: unknown) {
  return { id: 'd', audience: { name: 'Alle' }, slides: [slide] };
}
