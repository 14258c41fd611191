/**
 * A .pptx's bytes → the texts on its slides, shape by shape, with what identifies each shape
 * (name, placeholder, the TRAPPA_SOURCE tag when the file still has it) and Trappa's
 * document properties. The one reading of a deck that absorb and diff compare.
 */
import { officeDocument, type OpcPackage, partRoot, readPackage, relationships } from '../ooxml/package.js';
import { attr, child, children, descendant, path, textContent, type XmlElement } from '../ooxml/xml.js';
import { CUSTOM_PART, PROPERTY_NAMES, type TrappaProperties } from '../pptx/custom-properties.js';

interface ShapeBase {
  /** `cNvPr/@name` (LibreOffice renames placeholders "PlaceHolder N"). */
  name: string;
  /** "title", "body 1", "obj 2": the placeholder's type and idx, when it is one. */
  placeholder?: string;
  /** The TRAPPA_SOURCE tag, e.g. `data/strategy.yaml#staircase.steps[1]`. */
  source?: string;
}

export interface ShapeText extends ShapeBase {
  kind: 'text';
  /** Each paragraph's text (runs joined; a line break is "\n"; fields left out). */
  paragraphs: string[];
}

export interface TableText extends ShapeBase {
  kind: 'table';
  /** Cell texts, row by row (a cell's paragraphs joined by "\n"). */
  rows: string[][];
  /**
   * Per cell of `rows`, the line of its text from which every line is in italic (a stacked plan
   * cell's lower column, slides/plan-columns.ts); undefined where no line is.
   */
  italicFrom: (number | undefined)[][];
}

export type ElementText = ShapeText | TableText;

export interface SlideTexts {
  /** 1-based position in the presentation. */
  number: number;
  part: string;
  elements: ElementText[];
}

export interface DeckTexts {
  /** Trappa's own properties (docProps/custom.xml); empty for a file Trappa did not write. */
  trappa: Partial<TrappaProperties>;
  slides: SlideTexts[];
  package: OpcPackage;
}

const TAGS_TYPE = /\/tags$/;

/** @throws Error when the bytes are not a zip or hold no presentation. */
export function readDeckTexts(bytes: Uint8Array): DeckTexts {
  const pkg = readPackage(bytes);
  const presentation = officeDocument(pkg);
  const targets = relationships(pkg, presentation);
  const slides = children(child(partRoot(pkg, presentation), 'p:sldIdLst'), 'p:sldId')
    .map((s) => targets.get(attr(s, 'r:id') ?? '')?.target)
    .filter((part): part is string => part !== undefined && pkg.xml.has(part))
    .map((part, i) => ({ number: i + 1, part, elements: readSlide(pkg, part) }));
  return { trappa: readTrappaProperties(pkg), slides, package: pkg };
}

function readTrappaProperties(pkg: OpcPackage): Partial<TrappaProperties> {
  const found: Partial<TrappaProperties> = {};
  for (const property of children(partRoot(pkg, CUSTOM_PART), 'property')) {
    const key = (Object.keys(PROPERTY_NAMES) as (keyof TrappaProperties)[]).find(
      (k) => PROPERTY_NAMES[k] === attr(property, 'name'),
    );
    const value = children(property)[0];
    if (key && value) found[key] = textContent(value);
  }
  return found;
}

function readSlide(pkg: OpcPackage, part: string): ElementText[] {
  const rels = relationships(pkg, part);
  const tagOf = (nvPr: XmlElement | undefined): string | undefined => {
    const id = attr(path(nvPr, 'p:custDataLst', 'p:tags'), 'r:id');
    const rel = id ? rels.get(id) : undefined;
    if (!rel || !TAGS_TYPE.test(rel.type)) return undefined;
    const tag = children(partRoot(pkg, rel.target), 'p:tag').find((t) => attr(t, 'name') === 'TRAPPA_SOURCE');
    return attr(tag, 'val');
  };
  const found: ElementText[] = [];
  const visit = (tree: XmlElement | undefined): void => {
    for (const node of children(tree)) {
      if (node.name === 'p:grpSp') visit(node);
      else if (node.name === 'p:sp' || node.name === 'p:graphicFrame') {
        const element = readElement(node, tagOf);
        if (element) found.push(element);
      }
    }
  };
  visit(path(partRoot(pkg, part), 'p:cSld', 'p:spTree'));
  return found;
}

function readElement(
  node: XmlElement,
  tagOf: (nvPr: XmlElement | undefined) => string | undefined,
): ElementText | undefined {
  const nv = children(node).find((c) => c.name.startsWith('p:nv'));
  const nvPr = child(nv, 'p:nvPr');
  const ph = child(nvPr, 'p:ph');
  const base: ShapeBase = { name: attr(child(nv, 'p:cNvPr'), 'name') ?? '' };
  if (ph) base.placeholder = [attr(ph, 'type') ?? 'obj', attr(ph, 'idx')].filter(Boolean).join(' ');
  const source = tagOf(nvPr);
  if (source) base.source = source;
  if (node.name === 'p:sp') {
    const body = child(node, 'p:txBody');
    return body ? { kind: 'text', ...base, paragraphs: paragraphsOf(body) } : undefined;
  }
  const tbl = descendant(node, 'a:tbl');
  if (!tbl) return undefined;
  const cells = children(tbl, 'a:tr').map((tr) => children(tr, 'a:tc').map((tc) => cellOf(child(tc, 'a:txBody'))));
  return {
    kind: 'table',
    ...base,
    rows: cells.map((row) => row.map((cell) => cell.text)),
    italicFrom: cells.map((row) => row.map((cell) => cell.italicFrom)),
  };
}

interface Paragraph {
  text: string;
  /** Every run with text is in italic; undefined for a paragraph without text. */
  italic?: boolean;
}

/** Each `a:p`: its runs and line breaks in order, and whether its text is in italic. */
function readParagraphs(body: XmlElement | undefined): Paragraph[] {
  return children(body, 'a:p').map((p) => {
    // A field (slide number, date) is the application's to fill in, not text anyone wrote.
    const runs = children(p).filter((run) => run.name === 'a:br' || run.name === 'a:r');
    const text = runs.map((run) => (run.name === 'a:br' ? '\n' : textContent(child(run, 'a:t')))).join('');
    const written = runs.filter((run) => run.name === 'a:r' && textContent(child(run, 'a:t')) !== '');
    if (written.length === 0) return { text };
    return { text, italic: written.every((run) => ['1', 'true'].includes(attr(child(run, 'a:rPr'), 'i') ?? '')) };
  });
}

function paragraphsOf(body: XmlElement | undefined): string[] {
  return readParagraphs(body).map((p) => p.text);
}

/**
 * A cell's text and the line from which it is in italic: where the last run of italic paragraphs
 * starts (paragraphs without text neither start nor end it), counted in lines of the joined text.
 */
function cellOf(body: XmlElement | undefined): { text: string; italicFrom?: number } {
  const paragraphs = readParagraphs(body);
  let italicFrom: number | undefined;
  let line = 0;
  for (const p of paragraphs) {
    if (p.italic === true) italicFrom ??= line;
    else if (p.italic === false) italicFrom = undefined;
    line += p.text.split('\n').length;
  }
  const text = paragraphs.map((p) => p.text).join('\n');
  return italicFrom === undefined ? { text } : { text, italicFrom };
}
