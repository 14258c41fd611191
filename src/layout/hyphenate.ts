/**
 * Hyphenation for words too long for any line: soft hyphens (U+00AD) at the points the
 * language's TeX patterns allow (the `hyphen` package: hyph-utf8's Norwegian patterns for
 * nb and nn, British English for en). PowerPoint and LibreOffice break a word at a soft
 * hyphen and draw a hyphen there, and nowhere else; break-lines.ts does the same.
 *
 * The patterns (570 KB for Norwegian) are loaded on first use only: most decks never need them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BoundedCache } from '../bounded-cache.js';
import type { Paragraph } from './types.js';

export const SOFT_HYPHEN = '\u00ad';

type Hyphenate = (text: string, options: { hyphenChar: string; minWordLength: number }) => string;

type Patterns = { hyphenateSync: Hyphenate };
type CreateHyphenator = (patterns: unknown) => Hyphenate;
const require = createRequire(import.meta.url);
/**
 * Package entry per language subtag, each written out so the layer check can read it; nb and nn
 * share the Norwegian patterns.
 */
const PATTERNS: Record<string, () => Patterns> = {
  nb: () => require('hyphen/nb') as Patterns,
  nn: () => require('hyphen/nn') as Patterns,
  no: () => require('hyphen/nb') as Patterns,
  en: () => require('hyphen/en-gb') as Patterns,
};
/** The patterns' file name per subtag (the package's `patterns/<name>.js`). */
const PATTERN_FILE: Record<string, string> = { nb: 'nb', nn: 'nn', no: 'nb', en: 'en-gb' };

/**
 * Set by scripts/build-dist.mjs (esbuild `define`) in the bundle: the folder beside it where the
 * patterns are kept as JSON. Why: the package's patterns are a 570 KB JavaScript literal, which
 * V8 takes ~140 ms of CPU to compile on every run that hyphenates (a template with narrow text
 * boxes does in every build); JSON.parse reads the same data in ~20 ms.
 */
const PREPARED = process.env.TRAPPA_HYPHEN_PATTERNS;

/** The prepared patterns of `name`, made from this very version of the package; undefined without them. */
function preparedPatterns(name: string): unknown {
  if (!PREPARED) return undefined;
  try {
    const version = (require('hyphen/package.json') as { version: string }).version;
    return JSON.parse(readFileSync(path.join(import.meta.dirname, PREPARED, `${version}-${name}.json`), 'utf8'));
  } catch {
    return undefined;
  }
}

/** The hyphenator of a subtag: the package's own, on the prepared patterns when the bundle has them. */
function loadHyphenator(subtag: string, load: () => Patterns): Hyphenate {
  const prepared = preparedPatterns(PATTERN_FILE[subtag] ?? '');
  // The package's hyphenateSync is createHyphenator(patterns) (its export-contract.js).
  if (prepared !== undefined) return (require('hyphen') as CreateHyphenator)(prepared);
  return load().hyphenateSync;
}

/** Letters kept together at a word's start and end (TeX's \lefthyphenmin / \righthyphenmin). */
const LEFT_MIN = 2;
const RIGHT_MIN = 3;

const loaded = new Map<string, Hyphenate | undefined>();

const subtagOf = (language: string): string => language.toLowerCase().split('-')[0] ?? '';

function hyphenator(language: string): Hyphenate | undefined {
  const subtag = subtagOf(language);
  const load = PATTERNS[subtag];
  if (!load) return undefined;
  if (!loaded.has(subtag)) loaded.set(subtag, loadHyphenator(subtag, load));
  return loaded.get(subtag);
}

/**
 * `word` with a soft hyphen at each point the language allows, keeping at least two letters
 * before and three after each; a word that already has soft hyphens, or a language without
 * patterns, is returned as it is.
 */
export function hyphenateWord(word: string, language: string): string {
  if (word.includes(SOFT_HYPHEN)) return word;
  const subtag = subtagOf(language);
  if (!PATTERNS[subtag]) return word;
  const key = `${language}\u0000${word}`;
  let out = hyphenated.get(key);
  if (out === undefined) {
    // A word a build before hyphenated (hyphen-store.ts) needs no patterns: loading them is ~20 ms of CPU.
    const keptKey = `${PATTERN_FILE[subtag]}\u0000${word}`;
    out = kept.get(keptKey);
    if (out === undefined) {
      out = withSoftHyphens(word, hyphenator(language)!);
      if (kept.size < KEPT_WORDS) {
        kept.set(keptKey, out);
        made.add(keptKey);
      }
    }
    hyphenated.set(key, out);
  }
  return out;
}

/**
 * Words hyphenated, by the patterns' file they were hyphenated with (`nb\u0000word`): those a build before
 * kept (offered by hyphen-store.ts) and those this process made (`made` until they are stored).
 */
const kept = new Map<string, string>();
const made = new Set<string>();
/** At most so many (a long word is hyphenated only where a column or cell breaks it: a deck has tens). */
const KEPT_WORDS = 20_000;

/**
 * What a kept word depends on besides itself and its patterns' file: the patterns' version and the letters
 * kept together at each end (hyphen-store.ts names its file by it); undefined where the package says none.
 */
export function hyphenationVersion(): string | undefined {
  try {
    const { version } = require('hyphen/package.json') as { version: string };
    return `hyphen-${version}-${LEFT_MIN}-${RIGHT_MIN}`;
  } catch {
    return undefined;
  }
}

/**
 * Offers words a build before hyphenated (`patterns file\u0000word` → the word with soft hyphens). Only an
 * entry that is its word with soft hyphens added, at points that keep LEFT_MIN and RIGHT_MIN letters at the
 * ends, is taken; so an entry from elsewhere could at most move a word's soft hyphens, never change its letters.
 */
export function rememberHyphenated(entries: Iterable<[string, unknown]>): void {
  for (const [key, value] of entries) {
    const [file, word, ...rest] = key.split('\u0000');
    if (rest.length > 0 || !word || !Object.values(PATTERN_FILE).includes(file ?? '') || typeof value !== 'string')
      continue;
    if (!isHyphenated(word, value) || kept.has(key) || kept.size >= KEPT_WORDS) continue;
    kept.set(key, value);
  }
}

/** True when `out` is `word` with soft hyphens, none within LEFT_MIN letters of its start or RIGHT_MIN of its end, nor two together. */
function isHyphenated(word: string, out: string): boolean {
  if (word.includes(SOFT_HYPHEN) || out.replaceAll(SOFT_HYPHEN, '') !== word) return false;
  let before = 0;
  for (const part of out.split(SOFT_HYPHEN).slice(0, -1)) {
    before += part.length;
    if (part.length === 0 || before < LEFT_MIN || word.length - before < RIGHT_MIN) return false;
  }
  return true;
}

/** The words kept and made in this process, to be kept for the next build; empty when it made none. */
export function hyphenatedForStore(): [string, string][] {
  if (made.size === 0) return [];
  made.clear();
  return [...kept];
}

/**
 * Words hyphenated so far, by language: a column filled an item at a time (column-slots.ts) is measured, and
 * its broken words hyphenated, once per item it tries, at each size. Bounded by the keys' characters.
 */
const hyphenated = new BoundedCache<string, string>(1_000_000, (key) => key.length);

function withSoftHyphens(word: string, hyphenate: Hyphenate): string {
  const parts = hyphenate(word, { hyphenChar: SOFT_HYPHEN, minWordLength: LEFT_MIN + RIGHT_MIN }).split(SOFT_HYPHEN);
  let out = parts[0] ?? '';
  let before = out.length;
  let after = word.length - before;
  for (const part of parts.slice(1)) {
    out += before >= LEFT_MIN && after >= RIGHT_MIN ? SOFT_HYPHEN + part : part;
    before += part.length;
    after -= part.length;
  }
  return out;
}

/** `paragraphs` with each of `words` (as break-lines reports them) hyphenated wherever it stands. */
export function hyphenateWords(
  paragraphs: readonly Paragraph[],
  words: readonly string[],
  language: string,
): Paragraph[] {
  const long = new Set(words.map((w) => w.replace(/[-\u2010\u2013\u2014]+$/u, '')));
  return paragraphs.map((p) => ({
    ...p,
    runs: p.runs.map((run) => ({
      ...run,
      text: run.text.replace(/[^\s\-\u2010\u2013\u2014]+/gu, (word) =>
        long.has(word) ? hyphenateWord(word, language) : word,
      ),
    })),
  }));
}
