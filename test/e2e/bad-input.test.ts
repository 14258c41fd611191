/**
 * Bad input, as a user makes it: each case edits a copy of the bundled project,
 * runs the real CLI, and must end in one located line, exit code 2, and an
 * earlier output left byte-identical.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyBuiltProject, copyProject, editFile } from '../helpers/project.js';
import { runMain } from '../helpers/in-process.js';

interface Case {
  name: string;
  /** Breaks the project copy. */
  breakIt(root: string): void;
  /** The expected error line (a regex over the one line printed). */
  error: RegExp;
}

const cases: Case[] = [
  {
    name: 'malformed YAML (unclosed quote)',
    breakIt: (root) =>
      editFile(
        root,
        'data/strategy.yaml',
        'name: Kommunikasjonsstrategi Innherred Samkommune',
        'name: "Kommunikasjonsstrategi Innherred Samkommune',
      ),
    error: /^data\/strategy\.yaml:\d+:\d+ .*quote/,
  },
  {
    name: 'wrong type (a list where text belongs)',
    breakIt: (root) => editFile(root, 'data/strategy.yaml', /^ {2}why: .*$/m, '  why: [en, to]'),
    error: /^data\/strategy\.yaml:\d+:\d+ mainMessage\.why: expected text, found a list/,
  },
  {
    name: 'missing field',
    breakIt: (root) => editFile(root, 'data/strategy.yaml', /^ {2}what: .*\n/m, ''),
    error: /^data\/strategy\.yaml:\d+:\d+ mainMessage: missing field 'what'/,
  },
  {
    name: 'unknown key with a did-you-mean hint',
    breakIt: (root) =>
      editFile(root, 'data/strategy.yaml', '    activity: Møter i enhetene', '    activty: Møter i enhetene'),
    error: /^data\/strategy\.yaml:\d+:\d+ actionPlan\[0\]: unknown field 'activty'; did you mean 'activity'\?/,
  },
  {
    name: 'bad date',
    breakIt: (root) => editFile(root, 'data/decks/storledermote.yaml', 'date: 2004-02-04', 'date: 2004-02-30'),
    error: /^data\/decks\/storledermote\.yaml:\d+:\d+ meeting\.date: .*2004-01-26/,
  },
  {
    name: 'template with a missing field',
    breakIt: (root) =>
      editFile(root, 'templates/nb/slides.yaml', '  title: Viktige budskap', '  title: "{{strategy.slagord}}"'),
    error: /^templates\/nb\/slides\.yaml:\d+:\d+ .*strategy\.slagord/,
  },
  {
    name: 'duplicate key',
    breakIt: (root) => editFile(root, 'data/theme.yaml', '  body: Calibri', '  body: Calibri\n  body: Arial'),
    error: /^data\/theme\.yaml:\d+:\d+ .*duplicate key 'body'/i,
  },
  {
    name: 'empty file',
    breakIt: (root) => writeFileSync(path.join(root, 'data/theme.yaml'), ''),
    error: /^data\/theme\.yaml:1(:1)? .*empty/,
  },
  {
    name: 'unknown target group in a deck',
    breakIt: (root) => editFile(root, 'data/decks/samkommunestyre.yaml', 'groups: [politikere]', 'groups: [politiker]'),
    error:
      /^data\/decks\/samkommunestyre\.yaml:\d+:\d+ audience\.groups\[0\]: unknown target group 'politiker'; did you mean 'politikere'\?/,
  },
  {
    name: 'a wording override with a typo',
    breakIt: (root) => editFile(root, 'data/decks/storledermote.yaml', 'plan.title:', 'plan.titel:'),
    error:
      /^data\/decks\/storledermote\.yaml:\d+:\d+ wording\["plan\.titel"\]: no template text 'plan\.titel' to override; did you mean 'plan\.title'\?/,
  },
  {
    name: 'a bullets slide without points',
    breakIt: (root) =>
      editFile(
        root,
        'data/decks/storledermote.yaml',
        / {2}- kind: bullets\n {4}title: Dette ber vi dere om\n {4}points:\n( {6}- .*\n)+/,
        '  - kind: bullets\n    title: Dette ber vi dere om\n',
      ),
    error: /^data\/decks\/storledermote\.yaml:\d+:\d+ slides\[\d+\]: a bullets slide needs points/,
  },
  {
    name: 'image that is not an image',
    breakIt: (root) => writeFileSync(path.join(root, 'assets/logos/isk.svg'), 'this is not an svg'),
    error: /^data\/strategy\.yaml:\d+:\d+ .*logos\/isk\.svg/,
  },
];

describe('bad input', () => {
  it.each(cases)('$name: one located line, exit 2, earlier output untouched', async ({ breakIt, error }) => {
    const root = await copyBuiltProject(['storledermote', 'strategi']);
    const file = path.join(root, 'output/storledermote-v0.2-2004-02-04.pptx');
    const before = readFileSync(file);

    breakIt(root);
    const run = await runMain(['build', '--deck', 'storledermote', 'strategi'], root);
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(error);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('text too long for a slide that cannot continue', () => {
  it('names the field in the data, and nothing is written', async () => {
    const root = copyProject();
    editFile(
      root,
      'data/strategy.yaml',
      /^ {2}what: (.*)$/m,
      (_, what: string) => `  what: ${`${what}. `.repeat(12).trim()}`,
    );
    const run = await runMain(['build'], root);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(
      /^data\/strategy\.yaml:\d+:\d+ mainMessage: deck \w+, slide \d+ \(\w+\): the text is too long for its place on the slide: even at 12 pt it needs [\d.]+ in of [\d.]+ in; shorten it by about \d+ %$/,
    );
    expect(existsSync(path.join(root, 'output'))).toBe(false);
  });
});
