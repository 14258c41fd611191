/**
 * A quick parse of the XML Office parts are made of, for ooxml/xml.ts: the same tree as saxes
 * builds (xml-tree.ts), found by `indexOf` and sticky patterns instead of saxes's character by
 * character state machine, which took ~380 ms of a 1,000-row deck's build (10 MB of slides).
 *
 * It answers only for what it can tell is well-formed: an XML 1.0 declaration, elements,
 * attributes in either quote, text, the five predefined entities and character references.
 * Anything else (comments, processing instructions, CDATA, a DOCTYPE, a byte-order mark, a
 * non-ASCII name, a line break or tab inside an attribute value, a carriage return inside the
 * root, anything not well-formed) gives undefined, and saxes parses the document and says
 * what is wrong, if anything. So a document this accepts is one saxes accepts, with the same tree.
 */
import { TreeBuilder, type TreeWatcher, type XmlElement } from './xml-tree.js';

/**
 * Every character of a document is looked at once, by the pattern that takes it: names and the
 * space in tags are ASCII, attribute values exclude the control characters, surrogates and
 * U+FFFE/U+FFFF, and text is tested for the characters XML 1.0 forbids (its Char production).
 */
const SUSPECT = /[\x00-\x08\x0B-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
/** Outside Char (a lone surrogate is a code point outside it too), or a carriage return (saxes makes it a line feed). */
const NOT_CHAR_OR_CR = /[^\t\n\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const DECLARATION =
  /<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.0\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/y;
const ONLY_SPACE = /^[ \t\r\n]*$/;
const ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** The document's root element, or undefined when saxes has to say (see above). `watcher`: told as it is built. */
export function scanTree(text: string, watcher?: TreeWatcher): XmlElement | undefined {
  const tree = new TreeBuilder(watcher);
  const open: string[] = [];
  let closedRoot = false;
  DECLARATION.lastIndex = 0;
  let at = DECLARATION.test(text) ? DECLARATION.lastIndex : 0;
  for (;;) {
    const lt = text.indexOf('<', at);
    const between = text.slice(at, lt === -1 ? text.length : lt);
    if (open.length === 0) {
      if (!ONLY_SPACE.test(between)) return undefined;
    } else if (between.length > 0) {
      const decoded = characterData(between);
      if (decoded === undefined) return undefined;
      tree.text(decoded);
    }
    if (lt === -1) break;
    const next = text.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) {
      const end = closeTagEnd(text, lt, open.pop());
      if (end === -1) return undefined;
      tree.close();
      if (open.length === 0) closedRoot = true;
      at = end;
      continue;
    }
    if (closedRoot) return undefined;
    let end = nameEnd(text, lt + 1);
    if (end === lt + 1) return undefined;
    const name = text.slice(lt + 1, end);
    const element = tree.open(name);
    // An attribute starts with a space: after a name or value followed by none, the tag ends (or is not well-formed).
    while (isSpace(text.charCodeAt(end))) {
      const found = attributeAt(text, end);
      if (found === undefined) break;
      const value = references(text.slice(found.valueStart, found.valueEnd));
      if (value === undefined || !tree.attribute(element, text.slice(found.nameStart, found.nameEnd), value))
        return undefined;
      end = found.valueEnd + 1;
    }
    while (isSpace(text.charCodeAt(end))) end++;
    const selfClosing = text.charCodeAt(end) === 0x2f; /* / */
    if (selfClosing) end++;
    if (text.charCodeAt(end) !== 0x3e /* > */) return undefined;
    if (selfClosing) {
      tree.close();
      if (open.length === 0) closedRoot = true;
    } else open.push(name);
    at = end + 1;
  }
  return open.length === 0 && closedRoot ? tree.root() : undefined;
}

/** XML's white space in tags: space, tab, carriage return, line feed (NaN past the end is none). */
const isSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0a;

/** `[:A-Z_a-z]`: a character that may start an ASCII name (the quick scan reads no other names). */
function isNameStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x3a || code === 0x5f;
}

/** Where the ASCII name `[:A-Z_a-z][:A-Z_a-z0-9.-]*` that starts at `at` ends; `at` when none starts there. */
function nameEnd(text: string, at: number): number {
  if (!isNameStart(text.charCodeAt(at))) return at;
  let end = at + 1;
  while (isNameCharacter(text.charCodeAt(end))) end++;
  return end;
}

/** Where an attribute's name and value stand in the text (the value between its quotes, still escaped). */
interface AttributeAt {
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

/** One object reused for every attribute: `attributeAt` is called for each of a big deck's ~400,000. */
const found: AttributeAt = { nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0 };

/**
 * The attribute after the white space at `at`: space, an ASCII name, `=` between optional space,
 * then a value in either quote without `<`, a control character (line breaks and tabs too:
 * saxes makes each a space), a surrogate or U+FFFE/U+FFFF. Undefined when none stands there.
 * Read by character codes, not with a sticky pattern: each match of that cost an array and its
 * groups, ~115 MB of a 1,000-row deck's parse (half the parse's garbage), for 400,000 attributes.
 * The object returned is the same every time: read it before the next call.
 */
function attributeAt(text: string, at: number): AttributeAt | undefined {
  let i = at;
  while (isSpace(text.charCodeAt(i))) i++;
  const nameStart = i;
  i = nameEnd(text, i);
  if (i === nameStart) return undefined;
  found.nameStart = nameStart;
  found.nameEnd = i;
  while (isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 0x3d /* = */) return undefined;
  i++;
  while (isSpace(text.charCodeAt(i))) i++;
  const quote = text.charCodeAt(i);
  if (quote !== 0x22 /* " */ && quote !== 0x27 /* ' */) return undefined;
  found.valueStart = ++i;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === quote) {
      found.valueEnd = i;
      return found;
    }
    if (code < 0x20 || code === 0x3c /* < */ || (code >= 0xd800 && code <= 0xdfff) || code >= 0xfffe) return undefined;
  }
  return undefined;
}

/** `[:A-Z_a-z0-9.-]`: a character that may continue an ASCII name. */
function isNameCharacter(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x30 && code <= 0x3a) || // 0-9 and :
    code === 0x5f || // _
    code === 0x2e || // .
    code === 0x2d // -
  );
}

/**
 * Where the close tag at `lt` (`</name` with optional space, then `>`) ends, when it closes
 * `name`, the element open; -1 otherwise. Compared in place rather than matched with a pattern
 * (a 1,000-row deck's slides close ~600,000 elements, and each match cost a match array).
 */
function closeTagEnd(text: string, lt: number, name: string | undefined): number {
  if (name === undefined || !text.startsWith(name, lt + 2)) return -1;
  let end = lt + 2 + name.length;
  if (isNameCharacter(text.charCodeAt(end))) return -1;
  while (isSpace(text.charCodeAt(end))) end++;
  return text.charCodeAt(end) === 0x3e /* > */ ? end + 1 : -1;
}

/** Text inside the root: only XML's characters, no carriage return, and no `]]>`. */
function characterData(raw: string): string | undefined {
  if ((SUSPECT.test(raw) && NOT_CHAR_OR_CR.test(raw)) || raw.includes(']]>')) return undefined;
  return references(raw);
}

/** `raw` with its entity and character references replaced, or undefined for one saxes has to judge. */
function references(raw: string): string | undefined {
  let amp = raw.indexOf('&');
  if (amp === -1) return raw;
  let out = '';
  let done = 0;
  while (amp !== -1) {
    const semicolon = raw.indexOf(';', amp + 1);
    if (semicolon === -1) return undefined;
    const resolved = reference(raw.slice(amp + 1, semicolon));
    if (resolved === undefined) return undefined;
    out += raw.slice(done, amp) + resolved;
    done = semicolon + 1;
    amp = raw.indexOf('&', done);
  }
  return out + raw.slice(done);
}

function reference(name: string): string | undefined {
  if (name.charCodeAt(0) !== 0x23 /* # */) return ENTITIES.get(name);
  const code = /^#x[0-9a-fA-F]+$/.test(name)
    ? Number.parseInt(name.slice(2), 16)
    : /^#[0-9]+$/.test(name)
      ? Number.parseInt(name.slice(1), 10)
      : Number.NaN;
  return isChar(code) ? String.fromCodePoint(code) : undefined;
}

function isChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
