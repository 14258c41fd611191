/**
 * The differences between what Trappa wrote and the edited deck → edits of data fields:
 * each matched shape through map-texts.ts; a slide deleted in the deck out of the deck's
 * `slides:` (when every slide it was laid out into is gone); a slide added in the deck,
 * with a title and text, as an own bullets slide at its place. Pure.
 */
import type { DeckBase } from './rebuild.js';
import type { SlidePair } from './match.js';
import { mapElement, type Edit, type MapContext, type Unmapped } from './map-texts.js';
import type { DeckTexts, ShapeText, SlideTexts } from './read-texts.js';

export interface FieldEdits {
  edits: Edit[];
  unmapped: Unmapped[];
}

export function mapToFields(base: DeckBase, edited: DeckTexts, pairs: SlidePair[]): FieldEdits {
  const out: FieldEdits = { edits: [], unmapped: [] };
  const add = (found: FieldEdits): void => {
    out.edits.push(...found.edits);
    out.unmapped.push(...found.unmapped);
  };
  for (const pair of pairs) {
    if (pair.base === undefined || pair.edited === undefined) continue;
    const ctx: MapContext = { data: base.data, roles: base.roles, slide: pair.edited + 1 };
    for (const element of pair.elements) add(mapElement(element, ctx));
  }
  add(deletedSlides(base, pairs));
  add(addedSlides(base, edited.slides, pairs));
  return out;
}

function deletedSlides(base: DeckBase, pairs: SlidePair[]): FieldEdits {
  const out: FieldEdits = { edits: [], unmapped: [] };
  const gone = new Set(pairs.filter((p) => p.edited === undefined).map((p) => p.base!));
  const seen = new Set<number>();
  for (const index of gone) {
    const planned = base.planned[index] ?? -1;
    if (seen.has(planned)) continue;
    seen.add(planned);
    const all = base.planned.flatMap((p, i) => (p === planned ? [i] : []));
    if (planned >= 0 && all.every((i) => gone.has(i))) {
      out.edits.push({ kind: 'remove', role: 'deck', path: ['slides', planned], slide: index + 1 });
    } else {
      out.unmapped.push({
        slide: index + 1,
        what: 'a slide continued from the one before was deleted; the data decides how many slides a list takes',
      });
    }
  }
  return out;
}

const isTitle = (e: ShapeText): boolean => /^(title|ctrTitle)\b/.test(e.placeholder ?? '');

/** A slide added in the deck: its title and the paragraphs of its other texts, as `kind: bullets`. */
function addedSlides(base: DeckBase, edited: SlideTexts[], pairs: SlidePair[]): FieldEdits {
  const out: FieldEdits = { edits: [], unmapped: [] };
  let after = -1;
  for (const pair of pairs) {
    if (pair.base !== undefined) after = Math.max(after, base.planned[pair.base] ?? -1);
    if (pair.base !== undefined || pair.edited === undefined) continue;
    const slide = edited[pair.edited]!;
    const texts = slide.elements.filter((e): e is ShapeText => e.kind === 'text');
    const title = texts.find(isTitle)?.paragraphs.join(' ').trim();
    // Footers and slide numbers a layout brings along are not the slide's text.
    const body = texts.filter((e) => !isTitle(e) && !/^(ftr|sldNum|dt)\b/.test(e.placeholder ?? ''));
    const points = body.flatMap((e) => e.paragraphs.map((p) => p.trim()).filter(Boolean));
    if (!title || slide.elements.some((e) => e.kind === 'table')) {
      out.unmapped.push({
        slide: slide.number,
        what: 'an added slide needs a title and bullet points (no table) to become a slide of the deck',
      });
      continue;
    }
    const value = { kind: 'bullets', title, ...(points.length > 0 ? { points } : {}) };
    out.edits.push({ kind: 'insert', role: 'deck', path: ['slides'], after, value, slide: slide.number });
  }
  return out;
}
