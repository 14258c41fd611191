/**
 * YAML text → parsed Document that remembers where everything came from, so
 * later stages can report `file:line:col`. `parseYaml` is pure; `loadYamlFile`
 * reads the file and calls it.
 */
import { type Document, isScalar, LineCounter, parseDocument, visit, type YAMLError } from 'yaml';
import { fail, type Issue, ok, type Result } from '../errors.js';
import { readInputFileSync } from '../io/read-input.js';
import { decodeUtf8 } from './decode-utf8.js';
import { describeYamlError, type Found, lowerFirst, quotedValueAt } from './describe-yaml-error.js';

/** A parsed YAML file together with what is needed to point into it. */
export interface YamlSource {
  /** Path as shown to the user, e.g. `data/strategy.yaml`. */
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /**
   * Set when the text was made from an earlier parse by writing some scalars in place (the
   * Studio's typing, studio/edited-source.ts): what is known without parsing it again. `doc`
   * and `lineCounter` then parse on first use, which the stages below avoid on a good file.
   */
  spliced?: SplicedFacts;
}

/** What an edited file's source knows from the parse it was spliced from. */
interface SplicedFacts {
  /** The text's plain value (`doc.toJS()`). */
  plain: unknown;
  /** Where a path is, as `locateIn` would find it in a parse of the text. */
  locate(path: readonly PropertyKey[], at: 'value' | 'key'): { line: number; col: number };
  /** Every string is text a slide can hold (xml-text.ts): known from the earlier parse and the new values. */
  textsSafe: true;
  /** `plain` as JSON, when that is how it was kept (parsed-yaml-store.ts): the input hash takes it as it is. */
  json?: string;
}

/**
 * The plain value `parseYaml` made to check the alias limit, for the first `plainOf` to take
 * instead of making it again (validation, right after the parse). Taken once: a caller may keep
 * or change what it gets, so no two callers get the same value.
 */
const firstPlain = new WeakMap<YamlSource, unknown>();

/** The plain value of a parsed file (what validation checks). */
export function plainOf(source: YamlSource): unknown {
  if (source.spliced) return source.spliced.plain;
  if (firstPlain.has(source)) {
    const plain = firstPlain.get(source);
    firstPlain.delete(source);
    return plain;
  }
  return source.doc.toJS({ maxAliasCount: 100 });
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
    firstPlain.set(source, doc.toJS({ maxAliasCount: 100 }));
  } catch (cause) {
    // Only `*alias` references reach here (unresolved ones are reported above): too many of them.
    return fail([{ ...place(0), message: `cannot read the file: ${lowerFirst((cause as Error).message)}` }]);
  }
  return ok(source);
}

/**
 * The tags of plain JSON data; anything else (`!!binary`, `!!set`, `!!timestamp`) is no text, list or map Trappa reads.
 */
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
        message:
          `the YAML tag '${written}' is not supported; write the value as plain text (in quotes if it starts ` +
          `with '!')`,
      });
    },
  });
  return found;
}

/** Reads a UTF-8 file as text (a byte order mark is dropped; bounded, see paths/read-input.ts). */
export async function readYamlText(absPath: string, displayPath: string): Promise<Result<string>> {
  const bytes = readInputFileSync(absPath, displayPath);
  if (!bytes.ok) return bytes;
  const text = decodeUtf8(displayPath, bytes.value);
  if (!text.ok) return text;
  return ok(text.value.replace(/^\uFEFF/, ''));
}

/** Reads a UTF-8 file and parses it. */
export async function loadYamlFile(absPath: string, displayPath: string): Promise<Result<YamlSource>> {
  const text = await readYamlText(absPath, displayPath);
  return text.ok ? parseYaml(displayPath, text.value) : text;
}

/** The plain value `parseYaml` made, without taking it from the first `plainOf` (undefined for a spliced source). */
export function peekPlain(source: YamlSource): unknown {
  return firstPlain.get(source);
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

/** Keeps the first issue of each line: yaml often reports one mistake several times. */
function onePerLine(issues: Issue[]): Issue[] {
  const sorted = [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
  return sorted.filter((issue, i) => i === 0 || sorted[i - 1]?.line !== issue.line);
}
