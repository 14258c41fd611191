/**
 * Control characters in the data never reach a deck (issue #10: U+0001, vertical tab, U+FFFE
 * and NUL went into the slide XML as they were, giving an invalid deck with exit 0). Forbidden
 * ones are located errors naming the field; vertical tab and form feed become line breaks;
 * and the finishing stage refuses any part that is not well-formed XML.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDecks } from '../src/build-deck.js';
import { loadProject } from '../src/data/load-project.js';
import { withXmlLineBreaks } from '../src/data/xml-text.js';
import { finishPackage } from '../src/pptx/finish-package.js';
import { malformedParts, MalformedPackageError } from '../src/pptx/check-well-formed.js';
import { wellFormednessError } from '../src/ooxml/xml.js';
import { readPackage } from '../src/ooxml/package.js';
import { copyProject, editFile } from './helpers/project.js';
import { readPptx } from './helpers/pptx-zip.js';
import { missingValidator, validatePptx } from './helpers/ooxml.js';
import { runMain } from './helpers/in-process.js';

const WHAT = 'what: Innherred Samkommune er';

describe('characters XML 1.0 forbids are located errors naming the field', () => {
  it.each([
    ['U+0001', '\u0001', 'U+0001 (an invisible control character)'],
    ['NUL', '\u0000', 'U+0000 (NUL)'],
    ['U+FFFE', '\uFFFE', 'U+FFFE (a non-character)'],
    ['U+001F', '\u001F', 'U+001F (an invisible control character)'],
  ])('%s in a text field', async (_name, ch, described) => {
    const root = copyProject();
    editFile(root, 'data/strategy.yaml', WHAT, `what: Innherred${ch} Samkommune er`);
    const loaded = await loadProject({ root });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.issues).toEqual([
      {
        file: 'data/strategy.yaml',
        line: 60,
        col: 9,
        field: 'mainMessage.what',
        message: `contains ${described}, which a slide cannot hold (it often comes with text pasted from Word or a PDF); delete it`,
      },
    ]);
  });

  it("a deck's e-mail distribution never reaches a slide: left to the e-mail code, which escapes it", async () => {
    const root = copyProject();
    editFile(
      root,
      'data/decks/storledermote.yaml',
      /name: Ledergruppen Levanger/,
      'name: "Ledergruppen\\e[31m Levanger"',
    );
    expect((await loadProject({ root })).ok).toBe(true);
  });

  it('written as an escape in double quotes, through the CLI: exit 2, one line, nothing written', async () => {
    const root = copyProject();
    editFile(root, 'data/decks/ansatte.yaml', '- Din nærmeste leder', '- "Din nærmeste\\x01 leder"');
    const run = await runMain(['build', '--deck', 'ansatte'], root);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(
      /^data\/decks\/ansatte\.yaml:\d+:\d+ slides\[\d+\]\.points\[0\]: contains U\+0001 /,
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });
});

describe('vertical tab and form feed are the line break the user meant', () => {
  it.skipIf(missingValidator()).each([
    ['vertical tab (Word’s Shift+Enter)', '\u000B'],
    ['form feed', '\u000C'],
  ])('%s', async (_name, ch) => {
    const root = copyProject();
    editFile(root, 'data/strategy.yaml', WHAT, `what: "Innherred${ch}Samkommune er`);
    editFile(root, 'data/strategy.yaml', 'Levanger og Verdal\n  why:', 'Levanger og Verdal"\n  why:');
    const { decks } = await buildDecks({ root, decks: ['strategi'] });
    const deck = readPptx(decks[0]!.bytes);
    const slideXml = [...deck.files.keys()]
      .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
      .map((n) => deck.text(n));
    const holding = slideXml.find((xml) => xml.includes('Samkommune er et omfattende'))!;
    expect(holding).toBeDefined();
    expect(slideXml.join('')).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    // The break sits between the two words: "Innherred" ends one line, "Samkommune er …" starts the next.
    expect(holding).toMatch(/>Innherred<\/a:t><\/a:r>(<a:br\b|(<a:endParaRPr[^>]*\/>)?<\/a:p>)/);
    expect(malformedParts(readPackage(decks[0]!.bytes))).toEqual([]);
    expect((await validatePptx(decks[0]!.file)).filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('withXmlLineBreaks', () => {
  it('copies only what holds a vertical tab or form feed, in its key order; shares the rest; leaves the input and distribution alone', () => {
    const groups = [{ name: 'Levanger' }, { name: 'Verdal\u000Bkommune' }, { name: 'Inderøy' }];
    const profile = ['Samarbeid', 'Tillit'];
    const value = JSON.parse(
      JSON.stringify({ groups, profile, distribution: ['a\u000Cb'], title: 'Innherred\u000CSamkommune' }),
    );
    value.extra = JSON.parse('{"__proto__": "x\\u000By", "plain": "z"}');
    const input = structuredClone(value);
    const out = withXmlLineBreaks(value);
    expect(value).toEqual(input);
    expect(Object.keys(out)).toEqual(['groups', 'profile', 'distribution', 'title', 'extra']);
    expect(out.title).toBe('Innherred\nSamkommune');
    expect(out.groups).not.toBe(value.groups);
    expect(out.groups[1]).toEqual({ name: 'Verdal\nkommune' });
    expect(out.groups[0]).toBe(value.groups[0]);
    expect(out.groups[2]).toBe(value.groups[2]);
    expect(out.profile).toBe(value.profile);
    // Left to the e-mail code, which escapes it.
    expect(out.distribution).toBe(value.distribution);
    // A key named __proto__ stays a key of its own, as JSON.parse made it.
    expect(Object.getPrototypeOf(out.extra)).toBe(Object.prototype);
    expect(Object.entries(out.extra)).toEqual([
      ['__proto__', 'x\ny'],
      ['plain', 'z'],
    ]);
    const unchanged = { groups: value.groups.slice(0, 1), profile };
    expect(withXmlLineBreaks(unchanged)).toBe(unchanged);
  });
});

describe('the finishing stage refuses XML that is not well-formed', () => {
  it('names the part and the problem', () => {
    expect(wellFormednessError('<a:t>ok</a:t>')).toBeUndefined();
    expect(wellFormednessError('<a:t>x\u0001y</a:t>')?.message).toMatch(/disallowed character/i);
    expect(wellFormednessError('<a><b></a>')).toBeDefined();
  });

  it('a deck whose slide XML went bad is never zipped', async () => {
    const root = copyProject();
    const { decks } = await buildDecks({ root, decks: ['strategi'], dryRun: true });
    const parts = unzipSync(decks[0]!.bytes);
    const slide = new TextDecoder().decode(parts['ppt/slides/slide2.xml']);
    parts['ppt/slides/slide2.xml'] = strToU8(slide.replace('<a:t>', '<a:t>\u0001'));
    expect(() => finishPackage(zipSync(parts), decks[0]!.plan.properties)).toThrow(MalformedPackageError);
    expect(() => finishPackage(zipSync(parts), decks[0]!.plan.properties)).toThrow(
      /ppt\/slides\/slide2\.xml: .*disallowed character/i,
    );
    expect(readFileSync(path.join(root, 'data/strategy.yaml'), 'utf8')).toContain(WHAT);
  });
});
