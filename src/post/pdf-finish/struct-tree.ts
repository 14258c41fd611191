/**
 * The PDF's structure tree (ISO 32000-1 §14.7), edited in place through pdf-lib's objects:
 * marked content taken out of the tree when it becomes an artifact, elements renamed
 * (a panel heading's P → H2), and LibreOffice's slide title — an H holding a P — made one H1
 * that holds the title's content itself. Every object changed is recorded in `changed`, for
 * the incremental update that writes them (write-update.ts).
 */
import { PDFArray, PDFDict, PDFName, PDFNull, PDFNumber, PDFRef, type PDFContext, type PDFObject } from 'pdf-lib';

const K = PDFName.of('K');
const S = PDFName.of('S');
const P = PDFName.of('P');
const PG = PDFName.of('Pg');
const MCID = PDFName.of('MCID');
const NUMS = PDFName.of('Nums');
const KIDS = PDFName.of('Kids');
/** Roles of one paragraph of a text: a paragraph, a heading (one already renamed) or a list item. */
const PARAGRAPH = /^(P|H\d?|LI)$/;
/** Elements that stay even when they tag nothing any more: a table keeps its shape with an empty cell. */
const KEEP_EMPTY = new Set(['Table', 'TR', 'TH', 'TD', 'THead', 'TBody', 'TFoot', 'StructTreeRoot']);

/** One page's entry in the parent tree: which element each MCID belongs to. */
interface ParentEntry {
  array: PDFArray;
  /** The indirect object that holds `array` (itself, or the number-tree node it is written in). */
  owner: PDFRef;
}

export class StructTree {
  private readonly parents = new Map<number, ParentEntry>();

  private constructor(
    private readonly context: PDFContext,
    private readonly root: PDFRef,
    private readonly changed: Set<PDFRef>,
  ) {}

  /** @returns undefined when the PDF has no structure tree. */
  static read(context: PDFContext, catalog: PDFDict, changed: Set<PDFRef>): StructTree | undefined {
    const rootRef = catalog.get(PDFName.of('StructTreeRoot'));
    if (!(rootRef instanceof PDFRef)) return undefined;
    const tree = new StructTree(context, rootRef, changed);
    const root = context.lookup(rootRef, PDFDict);
    const parentTree = root.get(PDFName.of('ParentTree'));
    if (parentTree instanceof PDFRef) tree.readNumberTree(parentTree);
    return tree;
  }

  private readNumberTree(ref: PDFRef): void {
    const node = this.context.lookup(ref, PDFDict);
    const kids = node.lookup(KIDS);
    if (kids instanceof PDFArray) {
      for (const kid of kids.asArray()) if (kid instanceof PDFRef) this.readNumberTree(kid);
    }
    const nums = node.lookup(NUMS);
    if (!(nums instanceof PDFArray)) return;
    for (let i = 0; i + 1 < nums.size(); i += 2) {
      const key = nums.lookup(i);
      const value = nums.get(i + 1);
      const array = this.context.lookup(value);
      if (key instanceof PDFNumber && array instanceof PDFArray) {
        this.parents.set(key.asNumber(), { array, owner: value instanceof PDFRef ? value : ref });
      }
    }
  }

  /** The element that marked content `mcid` of the page with /StructParents `key` belongs to. */
  elementOf(key: number, mcid: number): PDFRef | undefined {
    const ref = this.parents.get(key)?.array.get(mcid);
    return ref instanceof PDFRef ? ref : undefined;
  }

  role(ref: PDFRef): string {
    const s = this.dict(ref).get(S);
    return s instanceof PDFName ? s.decodeText() : '';
  }

  setRole(ref: PDFRef, role: string): void {
    this.dict(ref).set(S, PDFName.of(role));
    this.changed.add(ref);
  }

  /**
   * The element's place among its parent's paragraphs (P, headings and list items, depth first,
   * in the parent's order): a text's paragraphs as LibreOffice tags them, one element each.
   */
  paragraphIndex(ref: PDFRef): number | undefined {
    const parent = this.dict(ref).get(P);
    if (!(parent instanceof PDFRef)) return undefined;
    const paragraphs = this.elements(parent).filter((r) => PARAGRAPH.test(this.role(r)));
    const at = paragraphs.findIndex((r) => r === ref || r.toString() === ref.toString());
    return at === -1 ? undefined : at;
  }

  /** Takes marked content `mcid` out of the tree (it became an artifact); elements left empty go too. */
  untag(key: number, mcid: number): void {
    const entry = this.parents.get(key);
    const element = this.elementOf(key, mcid);
    if (!entry || !element) return;
    entry.array.set(mcid, PDFNull);
    this.changed.add(entry.owner);
    const dict = this.dict(element);
    const kept = this.kids(dict).filter((kid) => mcidOf(this.context, kid) !== mcid);
    this.setKids(element, kept);
    if (kept.length === 0) this.removeEmpty(element);
  }

  /**
   * Every H whose children are all P becomes an H1 holding the P's content (ISO 32000-1
   * §14.8.4.3: a heading holds its text; a P inside it is a paragraph within a heading).
   * @returns how many headings were rewritten.
   */
  flattenHeadings(pageKeys: ReadonlyMap<string, number>): number {
    let count = 0;
    for (const ref of this.elements(this.root)) {
      if (this.role(ref) !== 'H') continue;
      const dict = this.dict(ref);
      const children = this.kids(dict);
      const paragraphs = children.filter((c): c is PDFRef => c instanceof PDFRef && this.role(c) === 'P');
      if (paragraphs.length === 0 || paragraphs.length !== children.length) continue;
      const content: PDFObject[] = [];
      for (const p of paragraphs) {
        const pDict = this.dict(p);
        const page = pDict.get(PG) ?? dict.get(PG);
        for (const kid of this.kids(pDict)) {
          const mcid = mcidOf(this.context, kid);
          const key = page instanceof PDFRef ? pageKeys.get(page.toString()) : undefined;
          if (mcid === undefined || key === undefined || !(page instanceof PDFRef)) continue;
          content.push(typeof kid === 'number' || kid instanceof PDFNumber ? mcrFor(this.context, mcid, page) : kid);
          const entry = this.parents.get(key);
          if (entry) {
            entry.array.set(mcid, ref);
            this.changed.add(entry.owner);
          }
        }
      }
      this.setKids(ref, content);
      this.setRole(ref, 'H1');
      count++;
    }
    return count;
  }

  /** Every element under `ref`, depth first. */
  private elements(ref: PDFRef): PDFRef[] {
    return this.kids(this.dict(ref)).flatMap((kid) =>
      kid instanceof PDFRef && this.context.lookup(kid) instanceof PDFDict && this.isElement(kid)
        ? [kid, ...this.elements(kid)]
        : [],
    );
  }

  private isElement(ref: PDFRef): boolean {
    return this.dict(ref).get(S) instanceof PDFName;
  }

  private removeEmpty(element: PDFRef): void {
    if (KEEP_EMPTY.has(this.role(element))) return;
    const parent = this.dict(element).get(P);
    if (!(parent instanceof PDFRef)) return;
    const siblings = this.kids(this.dict(parent));
    const kept = siblings.filter((kid) => !(kid instanceof PDFRef && kid === element));
    this.setKids(parent, kept);
    if (kept.length === 0 && parent !== this.root) this.removeEmpty(parent);
  }

  private kids(dict: PDFDict): PDFObject[] {
    const k = dict.get(K);
    if (k === undefined) return [];
    if (k instanceof PDFArray) return k.asArray();
    // A single kid, or a reference to an array of kids.
    const resolved = k instanceof PDFRef ? this.context.lookup(k) : k;
    return resolved instanceof PDFArray ? resolved.asArray() : [k];
  }

  private setKids(ref: PDFRef, kids: PDFObject[]): void {
    const dict = this.dict(ref);
    if (kids.length === 0) dict.delete(K);
    else dict.set(K, this.context.obj(kids));
    this.changed.add(ref);
  }

  private dict(ref: PDFRef): PDFDict {
    return this.context.lookup(ref, PDFDict);
  }
}

/** The MCID a kid of K stands for: a number, or a marked-content reference dictionary. */
function mcidOf(context: PDFContext, kid: PDFObject | number): number | undefined {
  if (typeof kid === 'number') return kid;
  if (kid instanceof PDFNumber) return kid.asNumber();
  const dict = kid instanceof PDFRef ? context.lookup(kid) : kid;
  if (dict instanceof PDFDict && dict.get(PDFName.of('Type')) === PDFName.of('MCR')) {
    const n = dict.get(MCID);
    return n instanceof PDFNumber ? n.asNumber() : undefined;
  }
  return undefined;
}

/** A marked-content reference naming its page: the heading's content may come from a P with its own /Pg. */
function mcrFor(context: PDFContext, mcid: number, page: PDFRef): PDFDict {
  return context.obj({ Type: 'MCR', MCID: mcid, Pg: page }) as PDFDict;
}
