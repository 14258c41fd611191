/**
 * Reads a .pptx (a zip of XML parts) so tests can assert on the real artefact, through the
 * same OOXML module as `trappa check` (src/ooxml/): a real XML parser, relationships resolved.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { readDeck } from '../../src/check/read-deck.js';
import type { DeckModel, SlideModel, TableModel } from '../../src/check/types.js';
import { partRoot, readPackage, relationships, type OpcPackage } from '../../src/ooxml/package.js';
import { descendants, parseXml, textContent, type XmlElement } from '../../src/ooxml/xml.js';

export interface PptxParts {
  /** Every part by name (no leading slash), e.g. `ppt/slides/slide1.xml`. */
  files: Map<string, Uint8Array>;
  /** The package as the OOXML module reads it. */
  pkg: OpcPackage;
  text(name: string): string;
  /** The parsed root element of an XML part. */
  root(name: string): XmlElement;
  slideCount(): number;
  slideXml(n: number): string;
  notesXml(n: number): string | undefined;
  /** All `<a:t>` texts of slide n, in document order. */
  slideTexts(n: number): string[];
  /** All `<a:t>` texts of slide n's notes (without the slide number placeholder). */
  notesText(n: number): string;
  /** The deck as `trappa check` reads it: slides, elements, boxes, runs, tables. */
  model(): DeckModel;
  /** The tables of slide n (from model()). */
  tables(n: number): TableModel[];
}

/** The texts of all `<a:t>` elements in an XML string (a whole part or a fragment). */
export function textsOf(xml: string): string[] {
  return descendants(parseXml(`<fragment>${xml.replace(/^<\?xml[^>]*\?>/, '')}</fragment>`), 'a:t').map(textContent);
}

export function readPptx(source: string | Uint8Array): PptxParts {
  const bytes = typeof source === 'string' ? readFileSync(source) : source;
  const pkg = readPackage(bytes);
  const files = new Map(Object.entries(unzipSync(bytes)));
  let model: DeckModel | undefined;
  const text = (name: string): string => {
    const part = pkg.xml.get(name);
    if (part === undefined) throw new Error(`no XML part ${name} in package`);
    return part;
  };
  const root = (name: string): XmlElement => {
    const element = partRoot(pkg, name);
    if (!element) throw new Error(`no XML part ${name} in package`);
    return element;
  };
  const notesPartOf = (n: number): string | undefined =>
    [...relationships(pkg, `ppt/slides/slide${n}.xml`).values()].find((r) => r.type.endsWith('/notesSlide'))?.target;
  const texts = (name: string): string[] => descendants(root(name), 'a:t').map(textContent);
  return {
    files,
    pkg,
    text,
    root,
    slideCount: () => pkg.parts.filter((k) => /^ppt\/slides\/slide\d+\.xml$/.test(k)).length,
    slideXml: (n) => text(`ppt/slides/slide${n}.xml`),
    notesXml: (n) => {
      const part = notesPartOf(n);
      return part ? text(part) : undefined;
    },
    slideTexts: (n) => texts(`ppt/slides/slide${n}.xml`),
    notesText: (n) => {
      const part = notesPartOf(n);
      if (!part) return '';
      // The notes body placeholder holds the notes; the slide-number placeholder holds digits only.
      return texts(part)
        .filter((t) => !/^\d+$/.test(t))
        .join('\n');
    },
    model: () => (model ??= readDeck(bytes)),
    tables: (n) =>
      (model ??= readDeck(bytes)).slides[n - 1]?.elements.filter((e): e is TableModel => e.kind === 'table') ?? [],
  };
}

/** The slide of `deck` whose title starts with `title`, if any. */
export function slideTitled(deck: PptxParts, title: string): SlideModel | undefined {
  return deck
    .model()
    .slides.find((s) =>
      s.elements.some(
        (e) =>
          e.kind === 'shape' && e.placeholder === 'title' && e.text?.paragraphs[0]?.runs[0]?.text.startsWith(title),
      ),
    );
}
