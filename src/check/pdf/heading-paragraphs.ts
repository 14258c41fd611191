/**
 * Headings that are paragraphs of a text rather than shapes of their own: on an organisation's
 * template a column's heading is its text's first line (slides/column-slots.ts). The build
 * declares them on the shape as the custom tag `TRAPPA_HEADINGS` (pptx/source-tags.ts): their
 * places among the text's paragraphs that hold text. LibreOffice tags each such paragraph as
 * one P (or list item) of the shape's element, in the same order, so the place finds the P.
 */
import { partRoot, relationships } from '../../ooxml/package.js';
import { attr, descendants, path } from '../../ooxml/xml.js';
import type { DeckModel, ParagraphModel } from '../types.js';

const HEADINGS_TAG = 'TRAPPA_HEADINGS';

/** Per shape id on the slide part: the declared heading paragraphs' places. */
export function declaredHeadings(deck: DeckModel, slidePart: string): Map<string, number[]> {
  const found = new Map<string, number[]>();
  const rels = relationships(deck.package, slidePart);
  for (const sp of descendants(partRoot(deck.package, slidePart), 'p:sp')) {
    const id = attr(path(sp, 'p:nvSpPr', 'p:cNvPr'), 'id');
    const tagsId = attr(path(sp, 'p:nvSpPr', 'p:nvPr', 'p:custDataLst', 'p:tags'), 'r:id');
    const rel = tagsId ? rels.get(tagsId) : undefined;
    if (!id || !rel || rel.external) continue;
    const tag = descendants(partRoot(deck.package, rel.target), 'p:tag').find((t) => attr(t, 'name') === HEADINGS_TAG);
    const places = (attr(tag, 'val') ?? '')
      .split(/\s+/)
      .filter((s) => /^\d+$/.test(s))
      .map(Number);
    if (places.length > 0) found.set(id, places);
  }
  return found;
}

/** The paragraphs a reader gets (those that hold text), each as one line of text. */
export function shownParagraphs(paragraphs: readonly ParagraphModel[]): string[] {
  return paragraphs
    .map((p) =>
      p.runs
        .map((r) => r.text)
        .join('')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((text) => text !== '');
}
