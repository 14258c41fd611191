/**
 * The store of hyphenated words (src/layout/hyphen-store.ts, layout/hyphenate.ts): a later build takes the
 * words a build before hyphenated from `.cache/hyphenated/` instead of loading the language's patterns, gives
 * the same bytes, and takes an entry only when it is its own word with soft hyphens added, away from the
 * word's ends (a damaged or crafted store cannot change a word's letters).
 */
import { createHash, randomInt } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { writeProven } from '../src/io/proven-store.js';
import { hyphenatedForStore, hyphenateWord, rememberHyphenated, SOFT_HYPHEN } from '../src/layout/hyphenate.js';
import { loadHyphenStore, saveHyphenStore } from '../src/layout/hyphen-store.js';
import { copyProjectOnTemplate } from './helpers/project-copy.js';
import { runCli } from './helpers/project.js';
import { libreOfficeTemplates } from './helpers/template-corpus.js';
import { hasSoffice } from './helpers/tools.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-hyphen-store-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A long compound no other test has hyphenated (the per-process words would answer first). */
const freshWord = () =>
  `kommunikasjons${Array.from({ length: 10 }, () => 'abdefgiklmnorstu'[randomInt(16)]).join('')}rådgiverne`;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The words in a store file: after its HMAC (32 bytes) and the build that wrote it (a length byte, then the id). */
const storedWords = (file: string): Record<string, string> => {
  const bytes = readFileSync(file);
  return JSON.parse(bytes.subarray(32 + 1 + bytes[32]!).toString('utf8')) as Record<string, string>;
};

describe('hyphenated words kept between builds', () => {
  // The words made are per process, and test files share their worker (vitest.config.ts, isolate: false).
  beforeEach(() => void hyphenatedForStore());

  it('offers the words it hyphenated to the store, with those kept, until they are stored', () => {
    const word = freshWord();
    const out = hyphenateWord(word, 'nb-NO');
    expect(out).toContain(SOFT_HYPHEN);
    expect(out.replaceAll(SOFT_HYPHEN, '')).toBe(word);
    expect(new Map(hyphenatedForStore()).get(`nb\u0000${word}`)).toBe(out);
    // Nothing made since: nothing to store.
    hyphenateWord(word, 'nb-NO');
    expect(hyphenatedForStore()).toEqual([]);
  });

  it('takes a kept word as it was kept, and only one that is its word with soft hyphens inside', () => {
    const [kept, letters, atStart, atEnd, together, unknown, notText] = Array.from({ length: 7 }, freshWord);
    const s = SOFT_HYPHEN;
    // Soft hyphens where the patterns would not put them: taken as kept, so the patterns were not asked.
    const odd = `${kept!.slice(0, 4)}${s}${kept!.slice(4, 9)}${s}${kept!.slice(9)}`;
    rememberHyphenated([
      [`nb\u0000${kept}`, odd],
      [`nb\u0000${letters}`, `x${s}${letters!.slice(1)}`],
      [`nb\u0000${atStart}`, `${atStart!.slice(0, 1)}${s}${atStart!.slice(1)}`],
      [`nb\u0000${atEnd}`, `${atEnd!.slice(0, -2)}${s}${atEnd!.slice(-2)}`],
      [`nb\u0000${together}`, `${together!.slice(0, 4)}${s}${s}${together!.slice(4)}`],
      [`xx\u0000${unknown}`, `${unknown!.slice(0, 4)}${s}${unknown!.slice(4)}`],
      [`nb\u0000${notText}`, 42],
    ]);
    expect(hyphenateWord(kept!, 'nb')).toBe(odd);
    for (const word of [letters, atStart, atEnd, together, unknown, notText]) {
      const out = hyphenateWord(word!, 'nb');
      expect(out.replaceAll(SOFT_HYPHEN, ''), word).toBe(word);
      expect(out.startsWith(word!.slice(0, 2)) && !out.includes(s + s), out).toBe(true);
    }
  });

  it("takes only a file this user's Trappa wrote for this build: a received project's words are hyphenated again", () => {
    const dir = mkdtempSync(path.join(work, 'proven-'));
    const file = path.join(dir, 'words.store');
    const word = freshWord();
    const s = SOFT_HYPHEN;
    // Hyphens where the patterns would not put them, so a word taken from a file shows it.
    const odd = `${word.slice(0, 4)}${s}${word.slice(4)}`;
    const words = JSON.stringify({ [`nb\u0000${word}`]: odd });
    writeFileSync(file, words); // plain JSON, as a crafted or an earlier store is
    loadHyphenStore(file, 'build-a');
    writeProven(file, 'trappa-hyphenated-1', 'build-b', Buffer.from(words)); // another build's
    loadHyphenStore(file, 'build-a');
    expect(hyphenateWord(word, 'nb')).not.toBe(odd);

    const other = freshWord();
    const otherOdd = `${other.slice(0, 4)}${s}${other.slice(4)}`;
    writeProven(
      file,
      'trappa-hyphenated-1',
      'build-a',
      Buffer.from(JSON.stringify({ [`nb\u0000${other}`]: otherOdd })),
    );
    loadHyphenStore(file, 'build-a');
    expect(hyphenateWord(other, 'nb')).toBe(otherOdd);
    // What this process hyphenated is saved proven, and read back by the same build.
    saveHyphenStore(file, 'build-a');
    expect(storedWords(file)[`nb\u0000${word}`]?.replaceAll(s, '')).toBe(word);
  });

  it.runIf(hasSoffice)(
    'a second build takes the words from the store and gives the same deck; a damaged store too',
    async () => {
      // Progress's narrow text columns break the bundled target groups' longer names in every build.
      const template = (await libreOfficeTemplates()).find((f) => path.basename(f) === 'Progress.potx')!;
      const root = copyProjectOnTemplate(mkdtempSync(path.join(work, 'project-')), template);
      const build = async (out: string) => {
        const run = await runCli(['--out', path.join(root, out), 'build', '--deck', 'strategi'], root);
        expect(run.status, run.stderr).toBe(0);
        const file = readdirSync(path.join(root, out)).find((f) => f.endsWith('.pptx'))!;
        return readFileSync(path.join(root, out, file));
      };
      const first = await build('out-1');
      const dir = path.join(root, '.cache/hyphenated');
      const [file] = readdirSync(dir);
      expect(file).toMatch(/^hyphen-[\d.]+-2-3\.store$/);
      const stored = storedWords(path.join(dir, file!));
      const word = 'Servicekontorene';
      expect(stored[`nb\u0000${word}`]?.replaceAll(SOFT_HYPHEN, '')).toBe(word);
      const mtime = statSync(path.join(dir, file!)).mtimeMs;
      expect(sha256(await build('out-2'))).toBe(sha256(first));
      // Every word was taken from the store (none hyphenated anew): nothing new to write.
      expect(statSync(path.join(dir, file!)).mtimeMs).toBe(mtime);

      writeFileSync(path.join(dir, file!), '{"nb\\u0000');
      expect(sha256(await build('out-3'))).toBe(sha256(first));
      // Written whole again by the build that could not read it.
      expect(storedWords(path.join(dir, file!))).toEqual(stored);
    },
    180_000,
  );
});
