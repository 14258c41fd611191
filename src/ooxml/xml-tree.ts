/**
 * The element tree the XML readers build (ooxml/xml.ts): one builder for both parsers there
 * (the quick scan of xml-scan.ts and saxes), so that both give the same tree for a document.
 */

export interface XmlElement {
  /** Qualified name as written, e.g. `p:sp`. */
  name: string;
  /** Attribute values, unescaped, by qualified name. */
  attributes: Record<string, string>;
  children: XmlNode[];
}

/** An element, or the text between elements (character references already resolved). */
export type XmlNode = XmlElement | string;

/**
 * Element names and attribute values as one string each per process: a plan slide repeats the same few
 * hundred values thousands of times, and every parsed part is kept for the check (~300,000
 * elements for a 1,000-row plan). Attribute names need nothing: V8 keeps property names once already.
 */
const interned = new Map<string, string>();
const MAX_INTERNED_LENGTH = 32;

function intern(value: string): string {
  if (value.length > MAX_INTERNED_LENGTH) return ownCopy(value);
  const known = interned.get(value);
  if (known !== undefined) return known;
  // Bounded like the other per-process caches: past the limit it starts again.
  if (interned.size >= 50_000) interned.clear();
  const own = ownCopy(value);
  interned.set(own, own);
  return own;
}

/**
 * Below this length V8 copies a substring; from it on, `slice` and a pattern's groups give a
 * view into the string they were cut from (V8's SlicedString::kMinLength).
 */
const SHORTEST_VIEW = 13;

/**
 * `value` as a string of its own, not a view into the document it was cut from. A tree outlives
 * its part's text (the finishing stage lets each text go once its tree is built, ooxml/package.ts
 * releaseParsedText), but a single view kept in the tree keeps the whole text alive: measured on
 * a 1,000-row deck, 27 MB of slide texts were still held at the check through the trees' values.
 * Prepending a character makes a rope, and slicing a rope first copies it into one flat string.
 */
function ownCopy(value: string): string {
  return value.length < SHORTEST_VIEW ? value : ` ${value}`.slice(1);
}

/**
 * The prototype of attribute maps: none of Object's (saxes's maps have no prototype, so
 * `attributes.constructor` is undefined), but a shared prototype gives V8 compact objects,
 * where a map without any prototype is a hash table of its own.
 */
const NO_PROTOTYPE: object = Object.freeze(Object.create(null));

/**
 * What leaves share: most elements of a slide have no children (`a:latin`, `a:srgbClr` …) and
 * many no attributes. Trees are only read once built, so one frozen empty array and map serve all.
 */
const NO_CHILDREN = Object.freeze([]) as unknown as XmlNode[];
const NO_ATTRIBUTES = Object.freeze(Object.create(NO_PROTOTYPE)) as Record<string, string>;
/** An array grown by push holds room for 16 or more; one with fewer children is copied to its size. */
const TRIM_BELOW = 16;

/**
 * Told of each element and attribute as a tree is built, in document order: what a reader needs
 * of a whole document, gathered while it is parsed instead of by walking the tree again after.
 */
export interface TreeWatcher {
  /** An element opened; `depth` 1 for the root. */
  open(element: XmlElement, depth: number): void;
  /** An attribute set on the element opened last (its value as the tree holds it). */
  attribute(name: string, value: string): void;
  close(element: XmlElement): void;
}

/** Builds one document's tree from its parser's events: open, its attributes, text, close. */
export class TreeBuilder {
  private readonly stack: XmlElement[] = [{ name: '#document', attributes: {}, children: [] }];

  constructor(private readonly watcher?: TreeWatcher) {}

  /** Starts an element inside the open one; `attribute` sets its attributes before anything else comes. */
  open(name: string): XmlElement {
    const element: XmlElement = { name: intern(name), attributes: NO_ATTRIBUTES, children: NO_CHILDREN };
    this.add(element);
    this.stack.push(element);
    this.watcher?.open(element, this.stack.length - 1);
    return element;
  }

  /** False, setting nothing, when the element has the attribute already. */
  attribute(element: XmlElement, name: string, value: string): boolean {
    if (element.attributes === NO_ATTRIBUTES)
      element.attributes = Object.create(NO_PROTOTYPE) as Record<string, string>;
    else if (element.attributes[name] !== undefined) return false;
    const held = intern(value);
    element.attributes[name] = held;
    this.watcher?.attribute(name, held);
    return true;
  }

  close(): void {
    const element = this.stack.pop()!;
    this.watcher?.close(element);
    const count = element.children.length;
    if (count > 1 && count < TRIM_BELOW) element.children = element.children.slice();
  }

  text(text: string): void {
    this.add(ownCopy(text));
  }

  /** The document's first element. */
  root(): XmlElement | undefined {
    return this.stack[0]!.children.find((c): c is XmlElement => typeof c !== 'string');
  }

  private add(node: XmlNode): void {
    const parent = this.stack.at(-1)!;
    if (parent.children === NO_CHILDREN) parent.children = [node];
    else parent.children.push(node);
  }
}
