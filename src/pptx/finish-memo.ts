/**
 * What the finishing stage made of each slide, kept between the builds of one watch session:
 * a rebuild after an edit gets back from pptxgenjs the very XML of every slide the edit did not
 * touch, and finishing that XML again gave the same text each time (~14 ms of a ~30 ms rebuild
 * of the bundled strategy deck, for one changed slide of eight).
 *
 * Two memos, each keyed by everything its step reads, so that no entry can be stale:
 * - a slide's structure (apply-structure.ts `applySlide`): the slide's XML and its relationships
 *   as pptxgenjs wrote them, the part's name, the slide's plan (its shapes' plans and whether it
 *   keeps its background, which carry the layout's placeholders, the theme's fonts, the
 *   template's colours as the structure stage decided them) and the deck's scheme colours. Its
 *   one effect outside the slide, the source tags (the tags parts are numbered across the deck),
 *   is done again in the same order, and must give the same relationship ids (the ids are all the
 *   slide's XML names; the tags parts they point at are numbered across the deck, and an edit of
 *   an earlier slide may number them on);
 * - a drawing part's repairs (repair-drawing.ts, a pure function of the part's text and the
 *   deck's language), by that text, as finish-package.ts already keeps a master set's.
 *
 * What the layouts, masters and theme hold is not read by either step; what the structure stage
 * read of them is in the slide's plan. Deck-level steps (a cover's places on its layout, the
 * layouts' title colours, the document properties, the content types) still run on every build.
 * Holds text only: every value is a pure function of its key, so a whole-memo drop when it is
 * full (BoundedCache) costs only the work again.
 */
import { BoundedCache } from '../bounded-cache.js';
import type { ShapeTags } from './source-tags.js';

/** A slide's XML after its structure was applied, and what its source tags did outside it. */
export interface AppliedSlide {
  xml: string;
  /** The tags of its shapes, in the order they were tagged. */
  tags: ShapeTags[];
  /**
   * The relationship id each of those tags got in the slide's rels. The XML names these ids
   * only; which tags part an id points at is the deck's numbering (by first use across the
   * deck), which an edit of an earlier slide may shift, and the replay writes anew.
   */
  ids: string[];
}

/** Characters of keys and values each memo keeps: a bundled project's slides are ~10–60 K characters each. */
const LIMIT = 16 * 1024 * 1024;

/**
 * What finishing asks of a memo: a watch session's (`FinishMemo`), or what the project's earlier
 * builds made (template/finish-store.ts). `applied` and `repaired` as FinishMemo describes them.
 */
export interface FinishingMemo {
  applied(key: string, apply: () => AppliedSlide): { done: AppliedSlide; reused: boolean };
  repaired(xml: string, language: string, repair: (xml: string) => string): string;
  /**
   * The same texts come back in this process (a watch session): the zip keeps the deflated bytes
   * of its drawing parts by their text (write-zip.ts `again`), not only by their hash.
   */
  readonly again: boolean;
}

export class FinishMemo implements FinishingMemo {
  readonly again = true;
  readonly #applied = new BoundedCache<string, AppliedSlide>(LIMIT, (key, done) => key.length + done.xml.length);
  /** By language, then by the part's text: a key joining both would be a new string per part, hashed again. */
  readonly #repaired = new Map<string, BoundedCache<string, string>>();
  /** Slides whose structure was applied, and those found here: for tests. */
  readonly stats = { applied: 0, reused: 0 };

  /** The slide finished before from the same inputs (`key`, see apply-structure.ts), else `apply`'s, kept. */
  applied(key: string, apply: () => AppliedSlide): { done: AppliedSlide; reused: boolean } {
    const found = this.#applied.get(key);
    if (found) {
      this.stats.reused++;
      return { done: found, reused: true };
    }
    const done = apply();
    this.stats.applied++;
    this.#applied.set(key, done);
    return { done, reused: false };
  }

  /** `repair(xml)` for a part in `language`, kept by the part's text. */
  repaired(xml: string, language: string, repair: (xml: string) => string): string {
    let kept = this.#repaired.get(language);
    if (!kept) {
      kept = new BoundedCache<string, string>(LIMIT, (text, out) => text.length + out.length);
      this.#repaired.set(language, kept);
    }
    let out = kept.get(xml);
    if (out === undefined) kept.set(xml, (out = repair(xml)));
    return out;
  }
}
