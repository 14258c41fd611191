/** Reads a .pptx (a zip of XML parts) so tests can assert on the real artefact. */
import { unzipSync, strFromU8 } from 'fflate';
import { readFileSync } from 'node:fs';

export interface PptxParts {
  /** Every part by name (no leading slash), e.g. `ppt/slides/slide1.xml`. */
  files: Map<string, Uint8Array>;
  text(name: string): string;
  slideCount(): number;
  slideXml(n: number): string;
  notesXml(n: number): string | undefined;
  /** All `<a:t>` texts of slide n, in document order. */
  slideTexts(n: number): string[];
  /** All `<a:t>` texts of slide n's notes (without the slide number placeholder). */
  notesText(n: number): string;
}

const decodeXml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');

/** The texts of all `<a:t>` elements in an XML string. */
export function textsOf(xml: string): string[] {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decodeXml(m[1] ?? ''));
}

export function readPptx(source: string | Uint8Array): PptxParts {
  const bytes = typeof source === 'string' ? readFileSync(source) : source;
  const files = new Map(Object.entries(unzipSync(bytes)));
  const text = (name: string): string => {
    const part = files.get(name);
    if (!part) throw new Error(`no part ${name} in package`);
    return strFromU8(part);
  };
  const notesPartOf = (n: number): string | undefined => {
    const rels = files.get(`ppt/slides/_rels/slide${n}.xml.rels`);
    if (!rels) return undefined;
    const m = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(strFromU8(rels));
    return m ? `ppt/notesSlides/${m[1]}` : undefined;
  };
  return {
    files,
    text,
    slideCount: () => [...files.keys()].filter((k) => /^ppt\/slides\/slide\d+\.xml$/.test(k)).length,
    slideXml: (n) => text(`ppt/slides/slide${n}.xml`),
    notesXml: (n) => {
      const part = notesPartOf(n);
      return part ? text(part) : undefined;
    },
    slideTexts: (n) => textsOf(text(`ppt/slides/slide${n}.xml`)),
    notesText: (n) => {
      const part = notesPartOf(n);
      if (!part) return '';
      // The notes body placeholder holds the notes; the slide-number placeholder holds digits only.
      return textsOf(text(part))
        .filter((t) => !/^\d+$/.test(t))
        .join('\n');
    },
  };
}
