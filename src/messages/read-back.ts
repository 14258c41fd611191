/**
 * A stage's message that reaches the edge as English text (a refused build lists its findings
 * in its error's message; a mail lists why a PDF was left out) is read back into its key and
 * values by the catalogue's own English form, and said again in the reader's language. The
 * forms come from the catalogue, so a message has one wording per language and no second table.
 */
import { type MessageKey, type Said, type SaidValues, said, stageEntries, wordEntries } from './catalogue.js';

interface Hole {
  name: string;
  /** `{n|one|more}`: the two words, which tell whether n is 1. */
  plural?: readonly [string, string];
}

interface Reader {
  key: MessageKey;
  /** The whole text, and the text with a `(…)` after it (a finding's field). */
  exact: RegExp;
  trailed: RegExp;
  holes: Hole[];
}

const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The pattern of one English text: each hole a group, a plural its two words; a `(…)` after it kept. */
function readerOf(key: MessageKey, english: string): Reader {
  const holes: Hole[] = [];
  let source = '';
  let last = 0;
  for (const m of english.matchAll(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g)) {
    source += literal(english.slice(last, m.index));
    if (m[2] !== undefined && m[3] !== undefined) {
      source += `(${literal(m[2])}|${literal(m[3])})`;
      holes.push({ name: m[1]!, plural: [m[2], m[3]] });
    } else if (m[1]!.endsWith('AndList')) {
      // Fields to add, joined by «and» (`sub: [...] and text: …`): any texts.
      source += '(.+?)';
      holes.push({ name: m[1]! });
    } else if (m[1]!.endsWith('List')) {
      // Kinds or values a value may be (`text or a list`, `a number or 'auto'`): two or more words or quoted values.
      const item = `(?:${[...words!.keys()].map(literal).join('|')}|'[^']*')`;
      source += `(${item}(?: or ${item})+)`;
      holes.push({ name: m[1]! });
    } else if (m[1]!.endsWith('Size')) {
      // A size in bytes as formatBytes writes it (`1.5 MB`).
      source += '([\\d.,]+ [KMG]?B)';
      holes.push({ name: m[1]! });
    } else if (m[1]!.endsWith('Inside')) {
      // Text inside a parenthesis of the message: no parenthesis of its own (a field's after it stays out).
      source += '([^()]*)';
      holes.push({ name: m[1]! });
    } else if (m[1]!.endsWith('Path')) {
      // A file's path: words that may hold spaces, but no parenthesis after them (`(given for …)`, a field).
      source += '(\\S+(?: [^\\s(]\\S*)*)';
      holes.push({ name: m[1]! });
    } else if (m[1]!.endsWith('Value')) {
      // A value the user wrote, quoted (`'modell'`), or its kind in words (`a number`), or true/false.
      source += `('[^']*'|true|false|${[...words!.keys()].map(literal).join('|')})`;
      holes.push({ name: m[1]! });
    } else if (m[1]!.endsWith('Word')) {
      // A hole for a word (`{kindWord}`: target group, member) holds one of the catalogue's words.
      source += `(${[...words!.keys()].map(literal).join('|')})`;
      holes.push({ name: m[1]! });
    } else {
      // A count (a hole a plural reads) is digits, `{n}` a number (`must be at least {n}` then leaves
      // `must be at least 3 characters long` to its own form); any other hole any text.
      source += new RegExp(`\\{${m[1]}\\|`).test(english)
        ? '(\\d+)'
        : m[1] === 'n'
          ? '(-?\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?)'
          : '(.*?)';
      holes.push({ name: m[1]! });
    }
    last = m.index + m[0].length;
  }
  source += literal(english.slice(last));
  return {
    key,
    holes,
    exact: new RegExp(`^${source}()$`, 's'),
    trailed: new RegExp(`^${source}( \\([^()]*\\))$`, 's'),
  };
}

const holdsMessage = (reader: Reader): boolean => reader.holes.some((h) => h.name === 'message');

let readers: Reader[] | undefined;
let words: Map<string, MessageKey> | undefined;

/** A list found in a text, its items the catalogue's words where they are one, joined in the reader's language. */
function listOf(text: string, join: 'and' | 'or'): Said | string {
  const items = text.split(join === 'and' ? ' and ' : ' or ').map((item): Said | string => {
    const word = words!.get(item);
    return word ? said(word) : item;
  });
  return items.reduce((a, b) => said(join === 'and' ? 'list.and' : 'list.or', { a, b }));
}

/** The values a match holds; `message` holes are messages themselves, said through `inner`. */
function valuesOf(reader: Reader, match: RegExpExecArray, inner: (text: string) => string): SaidValues {
  const values: Record<string, string | number | Said> = {};
  reader.holes.forEach((hole, i) => {
    const text = match[i + 1] ?? '';
    if (hole.plural || hole.name in values) return;
    const word = words!.get(text);
    values[hole.name] =
      hole.name === 'message'
        ? inner(text)
        : hole.name.endsWith('List')
          ? listOf(text, hole.name.endsWith('AndList') ? 'and' : 'or')
          : word
            ? said(word)
            : text;
  });
  reader.holes.forEach((hole, i) => {
    if (hole.plural && !(hole.name in values)) values[hole.name] = match[i + 1] === hole.plural[0] ? 1 : 2;
  });
  return values;
}

/**
 * The stage message `text` as a key and values, if it is one the catalogue knows (with a
 * parenthesis after it, as a finding's field, kept as it is); `inner` says a message inside it.
 */
export function readBack(text: string, inner: (text: string) => string): { message: Said; after: string } | undefined {
  words ??= new Map(wordEntries().map(([key, entry]) => [entry.en, key]));
  // A line that holds a message (`slide 2 · … : {message}`) is tried before the messages it may hold.
  readers ??= stageEntries()
    .map(([key, entry]) => readerOf(key, entry.en))
    .sort((a, b) => Number(holdsMessage(b)) - Number(holdsMessage(a)));
  // A text that ends in a parenthesis of its own is read whole before a field is split off it.
  for (const pattern of ['exact', 'trailed'] as const)
    for (const reader of readers) {
      const match = reader[pattern].exec(text);
      if (match) return { message: said(reader.key, valuesOf(reader, match, inner)), after: match.at(-1) ?? '' };
    }
  return undefined;
}
