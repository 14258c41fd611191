/**
 * The sweep: every English sentence written in src/ outside the catalogue (string and template
 * literals that read as prose, test/helpers/stage-strings.ts) is either a form the catalogue
 * knows — `translateLines` turns a sample of it into bokmål — or on a short list below with its
 * reason (code, not a message), or on the to-do list (test/message-sweep-todo.txt: forms found
 * by this sweep and not yet in the catalogue, which may only shrink). So a new English message a
 * Norwegian user could meet fails here until the catalogue knows it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  [/^ \(the organisation's template\)$|^ \(built-in\)$|^write and finish$/, 'a build stage’s name in the debug log'],
  [/^\| code \| meaning/, 'the README’s table of exit codes (the English README)'],
  [/^\n\{\}\n {2}trappa build/, 'the help’s examples: commands, each with its catalogue text'],
  [/^studio worker: more than/, 'WorkerOutOfMemory’s own text: caught, the page is told checkOutOfMemory'],
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

const TODO_FILE = path.join(REPO, 'test/message-sweep-todo.txt');

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
  s.at.split(':')[0]! in NOT_MESSAGES || CODE.some(([pattern]) => pattern.test(s.form));

/** The forms no entry knows, each once. */
function unknownForms(found: readonly StageString[]): string[] {
  return [...new Set(found.filter((s) => !isCode(s) && !known(s)).map(keyOf))].sort();
}

describe('the sweep of English in src/', () => {
  const found = stageStrings(REPO, ['src'], ['src/messages/', 'src/studio/client/']);
  const todo = readFileSync(TODO_FILE, 'utf8').split('\n').filter(Boolean);

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

  it('every English form a user can meet is one the catalogue knows (or still on the to-do list)', () => {
    const unknown = unknownForms(found);
    if (process.env.TRAPPA_WRITE_SWEEP_TODO) writeFileSync(TODO_FILE, `${unknown.join('\n')}\n`);
    const fresh = unknown.filter((k) => !todo.includes(k));
    expect(fresh, 'English forms the catalogue does not know: add them to src/messages/').toEqual([]);
  });

  it('the to-do list only shrinks: a form the catalogue has learnt leaves it', () => {
    const unknown = new Set(unknownForms(found));
    expect(todo.filter((k) => !unknown.has(k))).toEqual([]);
    expect(new Set(todo).size).toBe(todo.length);
  });

  it('the short list of code is held to what exists', () => {
    for (const file of Object.keys(NOT_MESSAGES))
      expect(readdirSync(path.join(REPO, path.dirname(file)))).toContain(path.basename(file));
    for (const [pattern, why] of CODE)
      expect(
        found.some((s) => pattern.test(s.form)),
        why,
      ).toBe(true);
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
