/**
 * yaml's syntax errors in plain words, placed where the user should look, with what to
 * type instead where that is clear (`write name: "Hovedtillitsvalgte: alle"`).
 */
import type { Document, YAMLError } from 'yaml';
import { visit } from 'yaml';

/** The parsed text an error points into. */
interface ParsedText {
  text: string;
  doc: Document.Parsed;
}

export interface Found {
  offset: number;
  message: string;
}

/** Rewrites yaml's messages in plain words and moves the position to where the user should look. */
export function describeYamlError(source: ParsedText, err: YAMLError): Found {
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
        `a value cannot start with '${text[err.pos[0]] ?? ''}' unless it is in quotes; write ` +
          `${quotedValueAt(text, err.pos[0])}`,
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
          "this line does not fit the lines above it: a list ('- ') and 'key: value' lines cannot be mixed at one " +
            'level',
        );
      return at(`unexpected '${text.slice(err.pos[0], err.pos[1])}'; check quotes, brackets and indentation`);
  }
  return at(`YAML syntax error: ${lowerFirst(msg)}`);
}

/** yaml reports an unclosed quote where the text ends; point at the opening quote instead. */
function unclosedQuote(source: ParsedText, err: YAMLError): Found {
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
export function quotedValueAt(text: string, start: number): string {
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

export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
