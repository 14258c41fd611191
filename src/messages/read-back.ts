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
  pattern: RegExp;
  holes: Hole[];
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The pattern of one English text: each hole a group, a plural its two words; a `(…)` after it kept. */
function readerOf(key: MessageKey, english: string): Reader {
  const holes: Hole[] = [];
  let source = '';
  let last = 0;
  for (const m of english.matchAll(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g)) {
    source += escape(english.slice(last, m.index));
    if (m[2] !== undefined && m[3] !== undefined) {
      source += `(${escape(m[2])}|${escape(m[3])})`;
      holes.push({ name: m[1]!, plural: [m[2], m[3]] });
    } else {
      source += '(.*?)';
      holes.push({ name: m[1]! });
    }
    last = m.index + m[0].length;
  }
  source += escape(english.slice(last));
  return { key, holes, pattern: new RegExp(`^${source}( \\([^()]*\\))?$`, 's') };
}

let readers: Reader[] | undefined;
let words: Map<string, MessageKey> | undefined;

/** The values a match holds; `message` holes are messages themselves, said through `inner`. */
function valuesOf(reader: Reader, match: RegExpExecArray, inner: (text: string) => string): SaidValues {
  const values: Record<string, string | number | Said> = {};
  reader.holes.forEach((hole, i) => {
    const text = match[i + 1] ?? '';
    if (hole.plural || hole.name in values) return;
    const word = words!.get(text);
    values[hole.name] = hole.name === 'message' ? inner(text) : word ? said(word) : text;
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
  readers ??= stageEntries().map(([key, entry]) => readerOf(key, entry.en));
  words ??= new Map(wordEntries().map(([key, entry]) => [entry.en, key]));
  for (const reader of readers) {
    const match = reader.pattern.exec(text);
    if (match) return { message: said(reader.key, valuesOf(reader, match, inner)), after: match.at(-1) ?? '' };
  }
  return undefined;
}
