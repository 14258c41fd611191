/**
 * XML as the checks and tests read it: a small element tree built by saxes, a strict
 * XML 1.0 parser (namespaces are kept as written prefixes: Office parts always use the
 * same ones, and every reader here looks elements up by their qualified name).
 *
 * Why a real parser and not patterns: elements of the same name nest (`a:p` in a table
 * inside a graphic frame, `p:sp` inside `p:grpSp`), attributes may use either quote, text
 * holds character references, and a part from another tool may be laid out any way
 * XML allows. The parser also rejects what XML forbids, which makes it the finishing
 * stage's well-formedness check.
 */
import { SaxesParser } from 'saxes';
import { scanTree } from './xml-scan.js';
import { TreeBuilder, type TreeWatcher, type XmlElement, type XmlNode } from './xml-tree.js';

export type { XmlElement } from './xml-tree.js';

/** Where a part stops being well-formed XML. */
export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${line}:${column}: ${message}`);
    this.name = new.target.name;
  }
}

/**
 * Parses a whole XML document into its root element. @throws XmlSyntaxError
 * Parsed without position tracking, which costs saxes a good part of its time; only a
 * document that fails is parsed again with it, for the line and column of the error.
 * `watch`: a watcher for each tree started (a document the quick scan leaves to saxes is built
 * twice); the last one made watched the tree returned.
 */
export function parseXml(text: string, watch?: () => TreeWatcher): XmlElement {
  const parsed = scanTree(text, watch?.()) ?? buildTree(text, false, watch?.());
  if (parsed instanceof XmlSyntaxError) throw buildTree(text, true);
  return parsed;
}

/** The document as saxes reads it alone, without the quick scan (xml-scan.ts): what that scan must agree with. */
export function parseXmlWithSaxes(text: string): XmlElement | XmlSyntaxError {
  return buildTree(text, false);
}

function buildTree(text: string, position: boolean, watcher?: TreeWatcher): XmlElement | XmlSyntaxError {
  const parser = new SaxesParser({ xmlns: false, position });
  const tree = new TreeBuilder(watcher);
  let failure: XmlSyntaxError | undefined;
  parser.on('error', (error) => {
    failure ??= new XmlSyntaxError(error.message.replace(/^[^:]*:\d+:\d+: /, ''), parser.line, parser.column);
  });
  parser.on('opentag', (tag) => {
    const element = tree.open(tag.name);
    // for…in, not Object.entries: the same order (saxes's prototype-less object), no pair arrays per attribute.
    const own = tag.attributes as Record<string, string>;
    for (const name in own) tree.attribute(element, name, own[name]!);
  });
  parser.on('closetag', () => tree.close());
  parser.on('text', (text) => tree.text(text));
  parser.write(text).close();
  if (failure) return failure;
  return tree.root() ?? new XmlSyntaxError('the document has no root element', 1, 1);
}

/** The first problem that makes `text` not well-formed XML, or undefined. */
export function wellFormednessError(text: string): XmlSyntaxError | undefined {
  try {
    parseXml(text);
    return undefined;
  } catch (error) {
    if (error instanceof XmlSyntaxError) return error;
    throw error;
  }
}

const isElement = (node: XmlNode): node is XmlElement => typeof node !== 'string';

/** Direct children named `name` (every child element when `name` is omitted). */
export function children(parent: XmlElement | undefined, name?: string): XmlElement[] {
  if (!parent) return [];
  return parent.children.filter((c): c is XmlElement => isElement(c) && (name === undefined || c.name === name));
}

/**
 * The first direct child named `name`. An index loop, as in `path`: the check's readers call these
 * ~1 M times for a 1,000-row deck, mostly before V8 optimises them, and unoptimised `for…of` makes
 * an iterator and a result object per step (~9 MB of a build's garbage, with `path`'s for…of).
 */
export function child(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!parent) return undefined;
  const nodes = parent.children;
  for (let i = 0; i < nodes.length; i++) {
    const c = nodes[i]!;
    if (isElement(c) && c.name === name) return c;
  }
  return undefined;
}

/** Follows a path of direct children: `path(sp, 'p:nvSpPr', 'p:nvPr', 'p:ph')`. */
export function path(parent: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let current = parent;
  for (let i = 0; i < names.length; i++) current = child(current, names[i]!);
  return current;
}

/** Every descendant named `name`, in document order (matches inside matches included). */
export function descendants(parent: XmlElement | undefined, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (element: XmlElement): void => {
    for (const c of element.children) {
      if (!isElement(c)) continue;
      if (c.name === name) found.push(c);
      walk(c);
    }
  };
  if (parent) walk(parent);
  return found;
}

/** The first descendant named `name`, depth first. */
export function descendant(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!parent) return undefined;
  for (const c of parent.children) {
    if (!isElement(c)) continue;
    if (c.name === name) return c;
    const deeper = descendant(c, name);
    if (deeper) return deeper;
  }
  return undefined;
}

/** All text inside the element, in document order. */
export function textContent(element: XmlElement | undefined): string {
  if (!element) return '';
  return element.children.map((c) => (isElement(c) ? textContent(c) : c)).join('');
}

export function attr(element: XmlElement | undefined, name: string): string | undefined {
  return element?.attributes[name];
}

/** A numeric attribute, or undefined when absent or not a number. */
export function numberAttr(element: XmlElement | undefined, name: string): number | undefined {
  const value = element?.attributes[name];
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** An xsd:boolean attribute: `1`/`true` → true. */
export function isOn(element: XmlElement | undefined, name: string): boolean {
  const value = element?.attributes[name];
  return value === '1' || value === 'true';
}
