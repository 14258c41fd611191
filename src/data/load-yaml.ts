/**
 * YAML text → parsed Document that remembers where everything came from, so
 * later stages can report `file:line:col`. `parseYaml` is pure; `loadYamlFile`
 * reads the file and calls it.
 */
import { type Document, isScalar, LineCounter, parseDocument, visit, type YAMLError } from 'yaml';
import { fail, type Issue, ok, type Result } from '../errors.js';
import { readInputFile } from '../io/read-input.js';

/** A parsed YAML file together with what is needed to point into it. */
export interface YamlSource {
  /** Path as shown to the user, e.g. `data/strategy.yaml`. */
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/** Parses one YAML document. Syntax problems come back as issues, one per line at most. */
export function parseYaml(file: string, text: string): Result<YamlSource> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
    // Keys such as `2004:` stay text, so `doc.getIn(['2004'])` finds them;
    // a non-text key (`[a]: 1`) becomes an error instead of a console warning.
    stringKeys: true,
  });
  const source: YamlSource = { file, text, doc, lineCounter };
  const place = (offset: number) => ({ file, ...lineCounter.linePos(Math.min(offset, text.length)) });

  // Warnings (an unknown `!tag`) are almost always a value that needed quotes, so they are errors too.
  const errors = [...doc.errors, ...doc.warnings];
  // A tab in the indentation scrambles the structure around it, and yaml then reports
  // follow-on errors on lines before and after it: the tab is the one thing to fix.
  const tabs = errors.filter((err) => err.code === 'TAB_AS_INDENT');
  const found = (tabs.length > 0 ? tabs : errors)
    .filter((err) => !(err.code === 'BLOCK_AS_IMPLICIT_KEY' && doc.errors.some((e) => isIndentError(e, err))))
    .map((err) => describeYamlError(source, err));
  found.push(...unsupportedTags(doc, text));
  visit(doc, {
    Alias(_, alias) {
      if (tabs.length > 0 || alias.resolve(doc)) return;
      const offset = alias.range?.[0] ?? 0;
      found.push({
        offset,
        message: `a value cannot start with '*' unless it is in quotes; write ${quotedValueAt(text, offset)}`,
      });
    },
  });
  if (found.length > 0) return fail(onePerLine(found.map(({ offset, message }) => ({ ...place(offset), message }))));

  if (isEmpty(doc)) {
    return fail([
      { file, line: 1, col: 1, message: "file is empty; expected YAML content such as 'name: value' lines" },
    ]);
  }
  try {
    doc.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    // Only `*alias` references reach here (unresolved ones are reported above): too many of them.
    return fail([{ ...place(0), message: `cannot read the file: ${lowerFirst((cause as Error).message)}` }]);
  }
  return ok(source);
}

/** The tags of plain JSON data; anything else (`!!binary`, `!!set`, `!!timestamp`) is no text, list or map Trappa reads. */
const JSON_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

function unsupportedTags(doc: Document.Parsed, text: string): Found[] {
  const found: Found[] = [];
  visit(doc, {
    Node(_, node) {
      if (!node.tag || JSON_TAGS.has(node.tag)) return;
      let offset = Math.max(0, text.lastIndexOf('!', node.range?.[0] ?? 0));
      while (text[offset - 1] === '!') offset--;
      const written = /^!\S*/.exec(text.slice(offset))?.[0] ?? node.tag;
      found.push({
        offset,
        message: `the YAML tag '${written}' is not supported; write the value as plain text (in quotes if it starts with '!')`,
      });
    },
  });
  return found;
}

/** Reads a UTF-8 file (a byte order mark is dropped; bounded, see paths/read-input.ts) and parses it. */
export async function loadYamlFile(absPath: string, displayPath: string): Promise<Result<YamlSource>> {
  const bytes = await readInputFile(absPath, displayPath);
  if (!bytes.ok) return bytes;
  const text = decodeUtf8(displayPath, bytes.value);
  if (!text.ok) return text;
  return parseYaml(displayPath, text.value.replace(/^\uFEFF/, ''));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes → text, refusing anything that is not UTF-8: Node's lenient decoding would turn
 * a Windows-1252 "møter" into "m\uFFFDter" without a word.
 */
export function decodeUtf8(file: string, bytes: Uint8Array): Result<string> {
  try {
    return ok(utf8.decode(bytes));
  } catch {
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      return fail([{ file, line: 1, col: 1, message: 'file is saved as UTF-16; save it as UTF-8' }]);
    }
    const bad = firstInvalidUtf8(bytes);
    // Everything before the bad byte is valid, so it decodes; the BOM is not a column.
    const before = utf8.decode(bytes.subarray(0, bad)).replace(/^\uFEFF/, '');
    const lineStart = before.lastIndexOf('\n') + 1;
    const line = before.slice(0, lineStart).split('\n').length;
    return fail([
      {
        file,
        line,
        col: before.length - lineStart + 1,
        message: 'file is not saved as UTF-8 (found a byte that is not UTF-8, probably Windows-1252); save it as UTF-8',
      },
    ]);
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Length of the sequence, and the allowed range of its second byte (no overlongs, surrogates or > U+10FFFF).
    let length: number;
    let [low, high] = [0x80, 0xbf];
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) [length, low, high] = [3, b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf];
    else if (b >= 0xf0 && b <= 0xf4) [length, low, high] = [4, b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf];
    else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return bytes.length;
}

function isEmpty(doc: Document.Parsed): boolean {
  const contents = doc.contents;
  // A file with only `---` gives an empty scalar rather than no contents.
  return contents === null || (isScalar(contents) && contents.value === null && !contents.source);
}

/** A MULTILINE_IMPLICIT_KEY at the same place explains a BLOCK_AS_IMPLICIT_KEY better: wrong indentation. */
function isIndentError(candidate: YAMLError, blockError: YAMLError): boolean {
  return candidate.code === 'MULTILINE_IMPLICIT_KEY' && candidate.pos[0] === blockError.pos[0];
}

interface Found {
  offset: number;
  message: string;
}

/** Rewrites yaml's messages in plain words and moves the position to where the user should look. */
function describeYamlError(source: YamlSource, err: YAMLError): Found {
  const { text } = source;
  const at = (message: string, offset = firstNonSpace(text, err.pos[0])): Found => ({ offset, message });
  const msg = err.message;
  switch (err.code) {
    case 'DUPLICATE_KEY':
      return at(`duplicate key '${keyAt(text, err.pos[0])}'; each key may appear only once here`);
    case 'TAB_AS_INDENT':
      return at('tab used for indentation; indent with spaces instead', err.pos[0]);
    case 'MULTIPLE_DOCS':
      return at(
        "more than one YAML document in this file (a line with only '---' starts a new one); keep one per file",
      );
    case 'BAD_DQ_ESCAPE':
      return at(
        `invalid escape '${/sequence (\S+)/.exec(msg)?.[1] ?? '\\'}' in double-quoted text; use single quotes instead`,
      );
    case 'BAD_SCALAR_START':
    case 'BAD_ALIAS': // `- * Din tillitsvalgte`: an alias or anchor with no name
      return at(
        `a value cannot start with '${text[err.pos[0]] ?? ''}' unless it is in quotes; write ${quotedValueAt(text, err.pos[0])}`,
      );
    case 'TAG_RESOLVE_FAILED':
      return at("a value cannot start with '!' unless it is in quotes");
    case 'NON_STRING_KEY':
      return at('a key must be plain text; put it in quotes');
    case 'KEY_OVER_1024_CHARS':
      return at("key is too long (over 1024 characters); is a ':' or a line break missing?");
    case 'MULTILINE_IMPLICIT_KEY':
      // `shortName ISK` followed by `logo:` reads as one key spanning both lines.
      if (lacksColon(text, err.pos[0])) return at(missingColon(text, err.pos[0]));
      return at(
        'bad indentation: this line is indented differently from the lines around it',
        firstNonSpace(text, nextLineStart(text, err.pos[0], err.pos[1])),
      );
    case 'BAD_INDENT':
      if (/Flow sequence/.test(msg)) return at("unclosed '[': a list written in brackets must end with ']'");
      if (/Flow map/.test(msg)) return at("unclosed '{': fields written in braces must end with '}'");
      return at('bad indentation: keys at the same level must start in the same column');
    case 'BLOCK_IN_FLOW': // `{ name: Hovedtillitsvalgte: alle }`
      if (/: /.test(text.slice(err.pos[0], err.pos[1]))) return at(colonInValue(text, err.pos[0]));
      break;
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/compact mappings/.test(msg)) return at(colonInValue(text, err.pos[0]));
      return at('bad indentation: this list item is not lined up with the items above it');
    case 'MISSING_CHAR':
      if (/quote/.test(msg)) return unclosedQuote(source, err);
      if (/Sequence item/.test(msg))
        return at("bad indentation, or a list item without '- ': line this up with the lines above");
      if (/followed by map values/.test(msg)) return at(missingColon(text, err.pos[0]));
      break;
    case 'UNEXPECTED_TOKEN':
      if (/at node end/.test(msg) && !startsLine(text, firstNonSpace(text, err.pos[0]))) {
        return at('unexpected text after the value; put the whole value in quotes');
      }
      if (/at node end/.test(msg))
        return at(
          "this line does not fit the lines above it: a list ('- ') and 'key: value' lines cannot be mixed at one level",
        );
      return at(`unexpected '${text.slice(err.pos[0], err.pos[1])}'; check quotes, brackets and indentation`);
  }
  return at(`YAML syntax error: ${lowerFirst(msg)}`);
}

/** yaml reports an unclosed quote where the text ends; point at the opening quote instead. */
function unclosedQuote(source: YamlSource, err: YAMLError): Found {
  const pos = err.pos[0];
  let start = pos;
  visit(source.doc, {
    Scalar(_, node) {
      const range = node.range;
      if (
        (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') &&
        range &&
        range[0] <= pos &&
        pos <= range[2]
      ) {
        start = range[0];
      }
    },
  });
  const mark = source.text[start] === "'" ? "'" : '"';
  return { offset: start, message: `unclosed quote: this text starts with ${mark} but has no closing ${mark}` };
}

/** `key value` where `key: value` was meant: the text from `start` to the line's end has no ': '. */
function lacksColon(text: string, start: number): boolean {
  const before = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
  return /^ *(- +)*$/.test(before) && !/:(\s|$)/.test(restOfLine(text, start));
}

function missingColon(text: string, start: number): string {
  const [key = '', value = ''] = restOfLine(text, start).split(/\s+(.*)/);
  return `missing ':' after '${key}'? write ${key}: ${value || '…'}`;
}

function colonInValue(text: string, start: number): string {
  return `text containing ': ' must be in quotes; write ${quotedValueAt(text, start)}`;
}

/**
 * What to type to put the value at `start` in quotes, with its key or list dash:
 * `aktivitet: "Allmøte: info"`, `name: "Hovedtillitsvalgte: alle"`, `- "* Din tillitsvalgte"`.
 */
function quotedValueAt(text: string, start: number): string {
  const before = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
  const inFlow = /[{[]/.test(before);
  // In `{ … }` a value ends at the next ',' or '}'; elsewhere at the end of the line.
  const value = inFlow ? restOfLine(text, start).replace(/\s*[,}\]].*$/, '') : restOfLine(text, start);
  const entry = (before.split(/[{[,]/).at(-1) ?? '').replace(/^\s*(-\s+)*/, '');
  const key = /^(\S.*?):\s+$/.exec(entry)?.[1];
  const prefix = key ? `${key}: ` : /-\s+$/.test(before) ? '- ' : '';
  return prefix + quoteForYaml(value);
}

/** Writes text as a quoted YAML value that reads back as exactly that text. */
export function quoteForYaml(text: string): string {
  // Backslashes are escapes only inside double quotes; inside single quotes only ' needs doubling.
  return /["\\]/.test(text) ? `'${text.replace(/'/g, "''")}'` : `"${text}"`;
}

/** The text from `offset` to the end of its line, without a trailing comment. */
function restOfLine(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  return text
    .slice(offset, end < 0 ? text.length : end)
    .replace(/\s+#.*$/, '')
    .trim();
}

/** Keeps the first issue of each line: yaml often reports one mistake several times. */
function onePerLine(issues: Issue[]): Issue[] {
  const sorted = [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
  return sorted.filter((issue, i) => i === 0 || sorted[i - 1]?.line !== issue.line);
}

function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset).split('\n')[0] ?? '';
  return rest.replace(/\s*:.*$/, '').replace(/^["']|["']$/g, '');
}

/** Skips spaces at the start of a line, so the column shows where the text begins. */
function firstNonSpace(text: string, offset: number): number {
  if (offset !== 0 && text[offset - 1] !== '\n') return offset;
  let i = offset;
  while (text[i] === ' ') i++;
  return text[i] === '\n' || text[i] === '\r' || i >= text.length ? offset : i;
}

function startsLine(text: string, offset: number): boolean {
  return /^ *$/.test(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset));
}

/** Start of the line after `from`, if one begins before `to`; otherwise `from`. */
function nextLineStart(text: string, from: number, to: number): number {
  const newline = text.indexOf('\n', from);
  return newline >= 0 && newline < to ? newline + 1 : from;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
