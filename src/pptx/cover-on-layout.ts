/**
 * A cover's places carried by the deck's copy of its layout ("inherit, then override only what
 * must change"). Where Trappa sets a template's cover title and lines on places of its own
 * (template/cover-places.ts: the master's title page, or the middle of the free area), the
 * slide would write both positions; when the cover is the only slide of the deck on its layout,
 * the layout's title and subtitle places take those positions instead and the slide inherits
 * them, also after PowerPoint's *Reset slide*. `trappa check` reads the layout's places
 * (check/inherit-placeholders.ts), so it measures the same boxes.
 */
import type { PackageParts } from './package-parts.js';
import type { SlidePlan } from './slide-structure.js';

const SP = /<p:sp>[\s\S]*?<\/p:sp>/g;
const XFRM = /<a:xfrm\b[^>]*>[\s\S]*?<\/a:xfrm>/;
const phType = (sp: string) => {
  const ph = /<p:ph\b([^>]*?)\/?>/.exec(sp);
  return ph ? (/\btype="([^"]*)"/.exec(ph[1]!)?.[1] ?? 'obj') : undefined;
};
/** The cover's texts: its title and the lines under it. */
const kindOf = (type: string | undefined) =>
  type === 'title' || type === 'ctrTitle' ? 'title' : type === 'subTitle' ? 'subTitle' : undefined;

/** The slide's cover texts with a position of their own: kind → the `a:xfrm`. */
function ownPlaces(xml: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [sp] of xml.matchAll(SP)) {
    const kind = kindOf(phType(sp));
    const xfrm = XFRM.exec(sp)?.[0];
    if (kind && xfrm && !found.has(kind)) found.set(kind, xfrm);
  }
  return found;
}

/** `xml` with the first placeholder shape of each kind given `places`' position (`a:xfrm` replaced, or first in its `p:spPr`). */
function placed(xml: string, places: Map<string, string>, drop: boolean): string {
  const done = new Set<string>();
  return xml.replace(SP, (sp) => {
    const kind = kindOf(phType(sp));
    const xfrm = kind && places.get(kind);
    if (!kind || !xfrm || done.has(kind)) return sp;
    done.add(kind);
    if (drop) return sp.replace(XFRM, '');
    if (XFRM.test(sp)) return sp.replace(XFRM, xfrm);
    if (/<p:spPr\s*\/>/.test(sp)) return sp.replace(/<p:spPr\s*\/>/, `<p:spPr>${xfrm}</p:spPr>`);
    return sp.replace(/<p:spPr\b([^>]*)>/, `<p:spPr$1>${xfrm}`);
  });
}

/** Moves the own positions of each cover that is the only slide on its layout onto that layout. */
export function coverPlacesOnLayouts(parts: PackageParts, slides: string[], plans: SlidePlan[]): void {
  const uses = new Map<string, number>();
  for (const p of plans) uses.set(p.layout.part, (uses.get(p.layout.part) ?? 0) + 1);
  plans.forEach((plan, i) => {
    const layout = plan.layout;
    if (uses.get(layout.part) !== 1 || !layout.placeholders.some((p) => p.type === 'subTitle')) return;
    const slide = slides[i]!;
    const places = ownPlaces(parts.text(slide) ?? '');
    const layoutXml = parts.text(layout.part) ?? '';
    // Only kinds the layout has a place for.
    for (const kind of [...places.keys()])
      if (!ownPlaces(placed(layoutXml, places, false)).has(kind)) places.delete(kind);
    if (places.size === 0) return;
    parts.editText(
      (n) => n === layout.part,
      (xml) => placed(xml, places, false),
    );
    parts.editText(
      (n) => n === slide,
      (xml) => placed(xml, places, true),
    );
  });
}
