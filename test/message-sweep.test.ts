/**
 * The sweep: every English sentence written in src/ outside the catalogue (string and template
 * literals that read as prose, test/helpers/stage-strings.ts) is either a form the catalogue
 * knows — `translateLines` turns a sample of it into bokmål — or on a short list below with its
 * reason (code, not a message). So a new English message a Norwegian user could meet fails here
 * until the catalogue knows it.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wordEntries } from '../src/messages/catalogue.js';
import { translateLines } from '../src/messages/issue-text.js';
import { REPO } from './helpers/project.js';
import { type StageString, stageStrings, stageStringsOf } from './helpers/stage-strings.js';

/** Files that are not messages, or hold their own three languages. */
const NOT_MESSAGES: Readonly<Record<string, string>> = {
  'src/exit-codes.ts': 'the exit codes’ own table in nb, nn and en (the catalogue takes its words from it)',
  'src/check/identify-language.ts': 'word lists that tell the languages apart, not sentences',
  'src/diff/html.ts': 'the CSS of the diff page',
};

/** Literals that are code, not sentences: what a program, a header or a developer reads. */
const CODE: ReadonlyArray<readonly [RegExp, string]> = [
  [/%[sd]/, 'a debug line’s format (TRAPPA_DEBUG, for developers)'],
  [/^--[a-z-]+$/, 'a flag passed to a program'],
  [/^no-(referrer|store)$/, 'an HTTP header’s value'],
  [/^send-dry-run$/, 'a Studio action’s id'],
  [
    /^ \(the organisation's template\)$|^ \(built-in\)$|^write and finish$|^ \(the deck saved by an earlier build: \{\} bytes\)$/,
    'a build stage’s name or detail in the debug log',
  ],
  [/^\| code \| meaning/, 'the README’s table of exit codes (the English README)'],
  [/^\n\{\}\n {2}trappa build/, 'the help’s examples: commands, each with its catalogue text'],
  [/^studio worker: more than/, 'WorkerOutOfMemory’s own text: caught, the page is told checkOutOfMemory'],
  [/^studio worker: text not held/, 'MissingText’s own text: caught, StudioThread sends the job again with its texts'],
  [/^built-in$/, 'the built-in master’s name where a template’s file name goes: only in a bug’s message'],
  [
    /^is not valid JSON\{\}$/,
    'a damaged manifest’s note: never shown (the manifest is rebuilt from the release records)',
  ],
];

/**
 * Files whose sentences are said inside a line of their own, and that line around a sample: the
 * catalogue knows the line, so the sample is read in it.
 */
const SAID_INSIDE: Readonly<Record<string, (text: string) => string>> = {
  // An expected OS error's advice follows the path and precedes the code (errors.ts fileSystemError).
  'src/errors.ts': (advice) => `output/x.pptx: ${advice} (ENOSPC)`,
  // A release record's problem follows its path; what was refused is said after it (versions/snapshots.ts).
  'src/versions/records.ts': (problem) => `output/releases/x-v1/release.json ${problem}; nothing was written`,
};

/**
 * Frames: a line made of another file's message and the words around it, known when a message of
 * that file is known inside it (as SAID_INSIDE reads it).
 */
const FRAMES: Readonly<Record<string, string>> = {
  // loadRecord's line around a release record's problem, the very line SAID_INSIDE reads records.ts's problems in.
  'src/versions/snapshots.ts\t{} {}; nothing was written': 'src/versions/records.ts',
};

/** `file<TAB>form`: where and what, without the line (which moves with every edit). */
const keyOf = (s: StageString): string => `${s.at.replace(/:\d+$/, '')}\t${s.form.replace(/\n/g, '\\n')}`;

/** The catalogue's words by their English (`a number`): a stage's word is known when it is one. */
const WORD_TEXTS = new Set(wordEntries().map(([, entry]) => entry.en));

/** A sample is known alone or in its line (SAID_INSIDE); a word of the catalogue is known as it is. */
const known = (s: StageString): boolean => {
  const inside = SAID_INSIDE[s.at.replace(/:\d+$/, '')];
  const read = (text: string) => translateLines(text, 'nb') !== text;
  return s.samples.some(
    (sample) => WORD_TEXTS.has(sample) || read(sample) || (inside !== undefined && read(inside(sample))),
  );
};

const isCode = (s: StageString): boolean =>
  s.at.split(':')[0]! in NOT_MESSAGES || CODE.some(([pattern]) => pattern.test(s.form)) || keyOf(s) in FRAMES;

/** The forms no entry knows, each once. */
function unknownForms(found: readonly StageString[]): string[] {
  return [...new Set(found.filter((s) => !isCode(s) && !known(s)).map(keyOf))].sort();
}

describe('the sweep of English in src/', () => {
  const found = stageStrings(REPO, ['src'], ['src/messages/', 'src/studio/client/']);

  it('finds the sentences of the stages (and misses no file)', () => {
    expect(found.length).toBeGreaterThan(300);
    // A message of each kind is found: a thrown error, a located issue, a mail setting, a check finding.
    for (const form of ['is not a Trappa deck', 'is not a port number', 'no template "{}" for language', "the table's"])
      expect(
        found.some((s) => s.form.includes(form)),
        form,
      ).toBe(true);
    const files = new Set(found.map((s) => s.at.split(':')[0]));
    expect(files.size).toBeGreaterThan(60);
  });

  it('every English form a user can meet is one the catalogue knows', () => {
    expect(unknownForms(found), 'English forms the catalogue does not know: add them to src/messages/').toEqual([]);
  });

  it('the short list of code is held to what exists', () => {
    for (const file of Object.keys(NOT_MESSAGES))
      expect(readdirSync(path.join(REPO, path.dirname(file)))).toContain(path.basename(file));
    for (const [pattern, why] of CODE)
      expect(
        found.some((s) => pattern.test(s.form)),
        why,
      ).toBe(true);
    // A frame exists, and a known message of its file, said inside it, is read in Norwegian.
    for (const [frame, file] of Object.entries(FRAMES)) {
      expect(found.map(keyOf)).toContain(frame);
      const lineOf = (problem: string) =>
        frame.split('\t')[1]!.replace('{}', 'output/releases/x-v1/release.json').replace('{}', problem);
      const read = found
        .filter((s) => s.at.startsWith(`${file}:`))
        .flatMap((s) => s.samples)
        .filter((sample) => translateLines(lineOf(sample), 'nb') !== lineOf(sample));
      expect(read.length, frame).toBeGreaterThan(3);
    }
  });

  it('an English message added to a stage is caught', () => {
    // A stage's source, written with the hole as `$` + `{n}` so that this file holds no template.
    const hole = '$' + '{n}';
    const added = stageStringsOf(
      'src/x.ts',
      `export function f(n: number) { if (n > 1) throw new TrappaError(\`the widget ${hole} is not round; make it round\`); }`,
    );
    expect(unknownForms(added)).toEqual(['src/x.ts\tthe widget {} is not round; make it round']);
    const bug = stageStringsOf('src/x.ts', `throw new Error(\`internal: ${hole} is not round, which cannot happen\`);`);
    expect(bug).toEqual([]);
  });
});
