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
import type { LayoutInfo, MasterSet, PlaceholderRef } from '../pptx/master-set.js';
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

const isArt = (e: ElementModel) => e.kind !== 'shape' || !e.placeholder;

export interface LayoutLook {
  /** The layout's background colour; undefined for a picture or gradient. */
  background?: string;
  /** The scheme slot a text in this placeholder must name, or undefined when its inherited colour reads. */
  textSlot(ph: PlaceholderRef): string | undefined;
}

/** The best-reading text slot on `behind`, and its contrast. */
export function bestTextSlot(scheme: ColorScheme, behind: string): { slot: string; color: string } {
  let best = { slot: 'tx1', color: scheme.get('tx1') ?? '000000', ratio: -1 };
  for (const slot of TEXT_SLOTS) {
    const color = scheme.get(slot);
    if (!color) continue;
    const ratio = contrastRatio(color, behind);
    if (ratio > best.ratio) best = { slot, color, ratio };
  }
  return { slot: best.slot, color: best.color };
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
  return {
    ...(background !== null ? { background } : {}),
    textSlot(ph) {
      const { color, box } = inherited.placeholder(ph.type ?? 'obj', ph.idx);
      const under = box ? behind(box.x + box.w / 2, box.y + box.h / 2) : background;
      if (under === null) return undefined;
      const text = color ?? scheme.get('tx1') ?? '000000';
      if (contrastRatio(text, under) >= 4.5) return undefined;
      return bestTextSlot(scheme, under).slot;
    },
  };
}
