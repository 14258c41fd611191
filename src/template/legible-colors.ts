/**
 * What is really behind a template's text: the layout's (else the master's) background and
 * the template's art under a placeholder (its shapes and pictures that are not placeholders).
 * A placeholder keeps the colour its layout, master or text style gives it when that reads
 * on what is behind it (WCAG 4.5:1); otherwise the slide names the theme colour that reads
 * best (dark 1 / light 1 / dark 2 / light 2), as a scheme reference. Over a picture or a
 * gradient nothing can be measured here: the colour is inherited and `trappa check` warns.
 */
import { inheritance } from '../check/inherit-placeholders.js';
import { readSlideElements } from '../check/read-slide.js';
import type { ElementModel } from '../check/types.js';
import { contrastRatio } from '../contrast.js';
import { colorIn, fillIn, type ColorScheme } from '../ooxml/colors.js';
import { attr, child, numberAttr, path, type XmlElement } from '../ooxml/xml.js';
import type { Box } from '../layout/types.js';
import type { LayoutInfo, MasterSet, PlaceholderRef } from '../pptx/master-set.js';
import type { TextPlace } from '../pptx/slide-structure.js';
import { partRoot, targets } from './read-master-set.js';

/** Theme slots a text may name, most usual first. */
const TEXT_SLOTS = ['tx1', 'bg1', 'tx2', 'bg2'];

/** `p:cSld/p:bg`: a colour; null for a picture or gradient; undefined when the part has none. */
function backgroundOf(root: XmlElement | undefined, scheme: ColorScheme): string | null | undefined {
  const bg = path(root, 'p:cSld', 'p:bg');
  if (!bg) return undefined;
  const bgPr = child(bg, 'p:bgPr');
  if (bgPr) return fillIn(bgPr, scheme) ?? null;
  const ref = child(bg, 'p:bgRef');
  if ((numberAttr(ref, 'idx') ?? 0) > 1001) return null;
  return colorIn(ref, scheme) ?? null;
}

/** The template's own shapes and pictures; hairlines (rules under a title) do not decide what text is on. */
const isArt = (e: ElementModel) =>
  (e.kind !== 'shape' || !e.placeholder) && !(e.box && Math.min(e.box.w, e.box.h) < 0.1);

/** The scheme slot a text names instead of its inherited colour, and the slot of a panel behind it. */
interface TextLook {
  color: string;
  panel?: string;
}

export interface LayoutLook {
  /** The layout's background colour; undefined for a picture or gradient. */
  background?: string;
  /**
   * The colour most of `box` lies on (its background, or the template's art drawn over it: a dark
   * band under the text); the theme's light 1 (the panel text gets there) when no colour covers
   * most of it; undefined for a picture or gradient.
   */
  backgroundIn(box: Box): string | undefined;
  /**
   * The scheme slot a text in this placeholder must name, or undefined when its inherited colour
   * reads. `at` is where the text really is when the slide moved it (and the fill of Trappa's own
   * shape under it); else the placeholder's inherited box is.
   */
  textSlot(ph: PlaceholderRef, at?: TextPlace): TextLook | undefined;
  /** The template's art (pictures, and shapes in another colour than the body's background). */
  art: Box[];
}

/** The text slot that reads best on `behind` (on the worst of them, when several), and its colour. */
export function bestTextSlot(scheme: ColorScheme, behind: string | string[]): { slot: string; color: string } {
  const all = typeof behind === 'string' ? [behind] : behind;
  let best = { slot: 'tx1', color: scheme.get('tx1') ?? '000000', ratio: -1 };
  for (const slot of TEXT_SLOTS) {
    const color = scheme.get(slot);
    if (!color) continue;
    const ratio = Math.min(...all.map((b) => contrastRatio(color, b)));
    if (ratio > best.ratio) best = { slot, color, ratio };
  }
  return { slot: best.slot, color: best.color };
}

/** The union of the layout's body placeholders' boxes. */
function bodyArea(layout: LayoutInfo): Box | undefined {
  const boxes = layout.placeholders.filter((p) => (p.type === 'obj' || p.type === 'body') && p.box).map((p) => p.box!);
  if (boxes.length === 0) return undefined;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, w: Math.max(...boxes.map((b) => b.x + b.w)) - x, h: Math.max(...boxes.map((b) => b.y + b.h)) - y };
}

/** What lies under a 5 × 3 grid over `box` (null: a picture or gradient), each colour once. */
function samples(box: Box, behind: (x: number, y: number) => string | null): (string | null)[] {
  const found = new Set<string | null>();
  for (let i = 0; i < 5; i++)
    for (let j = 0; j < 3; j++) found.add(behind(box.x + (box.w * (i + 0.5)) / 5, box.y + (box.h * (j + 0.5)) / 3));
  return [...found];
}

/** The colour found most often on a 7 × 7 grid over `box` (null: a picture or gradient), and its share. */
function mostUnder(box: Box, behind: (x: number, y: number) => string | null): { color: string | null; share: number } {
  const counts = new Map<string | null, number>();
  for (let i = 0; i < 7; i++)
    for (let j = 0; j < 7; j++) {
      const under = behind(box.x + (box.w * (i + 0.5)) / 7, box.y + (box.h * (j + 0.5)) / 7);
      counts.set(under, (counts.get(under) ?? 0) + 1);
    }
  const [color, n] = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a));
  return { color, share: n / 49 };
}

export function layoutLook(set: MasterSet, layout: LayoutInfo): LayoutLook {
  const master = targets(set.parts, layout.part, '/slideMaster')[0] ?? set.masters[0] ?? '';
  const layoutRoot = partRoot(set.parts, layout.part);
  const masterRoot = partRoot(set.parts, master);
  const { scheme } = set;
  const own = backgroundOf(layoutRoot, scheme);
  const background = own !== undefined ? own : (backgroundOf(masterRoot, scheme) ?? scheme.get('bg1') ?? 'FFFFFF');
  const art = [
    ...(attr(layoutRoot, 'showMasterSp') === '0' ? [] : readSlideElements(masterRoot, scheme).filter(isArt)),
    ...readSlideElements(layoutRoot, scheme).filter(isArt),
  ];
  const inherited = inheritance(layoutRoot, masterRoot, scheme, set.size);
  const behind = (x: number, y: number): string | null => {
    for (let i = art.length - 1; i >= 0; i--) {
      const e = art[i]!;
      if (!e.box || x < e.box.x || x > e.box.x + e.box.w || y < e.box.y || y > e.box.y + e.box.h) continue;
      if (e.kind === 'picture') return null;
      if (e.kind === 'shape' && e.fill !== null) return e.fill ?? null;
    }
    return background;
  };
  const body = bodyArea(layout);
  const bodyColor = body ? mostUnder(body, behind).color : background;
  return {
    ...(background !== null ? { background } : {}),
    backgroundIn(box) {
      const { color, share } = mostUnder(box, behind);
      if (color === null) return undefined;
      // Art of several colours under the content: text there gets a panel (textSlot below).
      return share >= 0.6 ? color : (scheme.get('bg1') ?? 'FFFFFF');
    },
    art: art.flatMap((e) =>
      e.box && (e.kind === 'picture' || (e.kind === 'shape' && e.fill && e.fill !== bodyColor)) ? [e.box] : [],
    ),
    textSlot(ph, at) {
      const { color, box: own } = inherited.placeholder(ph.type ?? 'obj', ph.idx);
      const box = at?.box ?? own;
      // Trappa's own shape under the text, else everything the template draws under the text's box.
      const under = at?.under !== undefined ? [at.under] : box ? samples(box, behind) : [background];
      const known = under.filter((c): c is string => c !== null);
      // Over a picture or gradient alone nothing can be measured: the colour is inherited (the check warns).
      if (known.length === 0) return undefined;
      const all = [...new Set([...known, ...(at?.highlights ?? [])])];
      const text = color ?? scheme.get('tx1') ?? '000000';
      const mixed = known.length < under.length;
      if (!mixed && all.every((b) => contrastRatio(text, b) >= 4.5)) return undefined;
      const best = bestTextSlot(scheme, all);
      if (!mixed && all.every((b) => contrastRatio(best.color, b) >= 4.5)) return { color: best.slot };
      // Text over art of several colours (or partly over a picture) that no theme colour reads on:
      // a panel in the theme's light 1 behind it, with the theme colour that reads on that.
      const panel = scheme.get('bg1') ?? 'FFFFFF';
      return { color: bestTextSlot(scheme, [panel, ...(at?.highlights ?? [])]).slot, panel: 'bg1' };
    },
  };
}
