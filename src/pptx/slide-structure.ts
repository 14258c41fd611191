/**
 * The structure of each laid-out slide, decided before any XML is touched: which layout
 * it uses, which of its texts go into which placeholder, which shapes are decorative,
 * what each shape is called (with the data field it came from), and which colours and
 * fonts are the theme's. Pure; apply-structure.ts carries it out on the slide XML.
 *
 * Every `text` element is a placeholder (title, subtitle, body, footer, slide number);
 * shapes with text (diagram nodes, panel headings) and tables stay shapes and tables.
 */
import { debugLog } from '../debug-log.js';
import type { SourceLocation } from '../errors.js';
import { commonParts } from '../kinds/common-parts.js';
import { partRole } from '../kinds/index.js';
import type { Box, LaidOutSlide, SlideElement, TextElement } from '../layout/types.js';
import type { LayoutInfo, LayoutRole, MasterSet, PlaceholderInfo, PlaceholderRef } from './master-set.js';

const log = debugLog('pptx');

export interface ShapePlan {
  name: string;
  /** The data the shape's text came from ("data/strategy.yaml#profile"), kept as a custom tag on the shape. */
  source?: string;
  placeholder?: PlaceholderRef;
  /** The run text becomes a slide-number field. */
  slideNumber?: boolean;
  decorative?: boolean;
  /** Left out: Trappa's own decoration on a template deck, which has its own design. */
  drop?: boolean;
  /** The layout's box and the placeholder's colours rule (footers on a template deck). */
  inheritBox?: boolean;
  inheritColor?: boolean;
  /** With inheritColor: the scheme slot the runs name instead, where the inherited colour would not read. */
  color?: string;
  /** The scheme slot of a fill behind the text, where the template's art under it has no one colour to read on. */
  panel?: string;
  /** The runs name no typeface: the text is in the template's heading font, which the title inherits. */
  inheritFont?: boolean;
  /** The typeface written on the runs, and the theme font it is (`+mj` / `+mn`). */
  font?: { face: string; theme: 'mj' | 'mn' };
}

export interface SlidePlan {
  layout: LayoutInfo;
  shapes: ShapePlan[];
  /** False when the slide's background is the layout's (it then inherits it). */
  keepBackground: boolean;
}

export interface DeckStructure {
  set: MasterSet;
  slides: SlidePlan[];
  /** Colour (hex) → scheme slot, for the colours that are the theme's. */
  schemeColors: Map<string, string>;
}

/** The built-in design's own decoration, which a template replaces with its own. */
const isDecoration = (name: string): boolean => partRole(name) === 'decoration';

const isBodyText = (e: SlideElement): e is TextElement =>
  e.type === 'text' && e.role !== 'title' && e.role !== 'footer';

function layoutRole(slide: LaidOutSlide): LayoutRole {
  if (slide.kind === 'title') return 'title';
  const texts = slide.elements.filter(isBodyText).length;
  return texts === 0 ? 'titleOnly' : texts === 1 ? 'content' : texts === 2 ? 'two' : 'comparison';
}

/** "data/strategy.yaml#mainMessage.what", recorded on the shape as the custom tag TRAPPA_SOURCE. */
function formatSource(source: SourceLocation): string {
  return source.field ? `${source.file}#${source.field}` : source.file;
}

const numeric = (ph: PlaceholderInfo) => Number(ph.idx ?? 0);

/** The layout's placeholders that take body text, in idx order. */
function bodySlots(layout: LayoutInfo, role: LayoutRole): PlaceholderInfo[] {
  const types = role === 'title' ? ['subTitle', 'body', 'obj'] : ['obj', 'body'];
  return layout.placeholders
    .filter((p) => types.includes(p.type))
    .sort((a, b) => types.indexOf(a.type) - types.indexOf(b.type) || numeric(a) - numeric(b));
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Each body text's slot: the free one its laid-out box covers best (intersection over union,
 * so a long list takes a Comparison's content slot, not the heading slot above it), else the
 * next free one in idx order.
 */
function assignSlots(texts: TextElement[], slots: PlaceholderInfo[]): (PlaceholderInfo | undefined)[] {
  const free = new Set(slots);
  return texts.map((t) => {
    let chosen: PlaceholderInfo | undefined;
    let bestFit = 0;
    for (const slot of free) {
      if (!slot.box) continue;
      const common = overlap(t.box, slot.box);
      const fit = common / (t.box.w * t.box.h + slot.box.w * slot.box.h - common || 1);
      if (fit > bestFit) [chosen, bestFit] = [slot, fit];
    }
    chosen ??= [...free][0];
    if (chosen) free.delete(chosen);
    return chosen;
  });
}

/** The laid-out box is where the layout puts the placeholder (within 0.02 in): the slide can inherit it. */
const sameBox = (a: Box, b: Box | undefined) =>
  b !== undefined && [a.x - b.x, a.y - b.y, a.w - b.w, a.h - b.h].every((d) => Math.abs(d) < 0.02);

/**
 * A top-anchored text Trappa placed at the top of its slot, as wide as the slot and no taller,
 * reads the same in the slot's whole box, when nothing else on the slide lies in that box:
 * it can inherit the box too (PowerPoint's *Reset slide* then changes nothing).
 */
function fillsSlotTop(e: TextElement, slot: Box | undefined, others: SlideElement[]): boolean {
  if (!slot || (e.style.valign ?? 'top') !== 'top') return false;
  if (!sameBox({ ...e.box, h: slot.h }, slot) || e.box.h > slot.h + 0.02) return false;
  // A footer inside the slot too (a template's body drawn over its footer) keeps the text in its own box.
  return others.every((o) => o === e || !('box' in o) || overlap(o.box, slot) < 0.01);
}

const within = (b: Box, size: { w: number; h: number }) =>
  b.x >= -0.01 && b.y >= -0.01 && b.x + b.w <= size.w + 0.01 && b.y + b.h <= size.h + 0.01;

function ref(ph: PlaceholderInfo): PlaceholderRef {
  return { type: ph.type, ...(ph.idx !== undefined ? { idx: ph.idx } : {}) };
}

function fontOf(face: string | undefined, title: boolean, fonts: MasterSet['fonts']): ShapePlan['font'] {
  if (!face) return undefined;
  if (face === fonts.major && (face !== fonts.minor || title)) return { face, theme: 'mj' };
  if (face === fonts.minor) return { face, theme: 'mn' };
  return undefined;
}

export interface PlanOptions {
  /** A template deck: its placeholders' colours, footers and background rule. */
  template: boolean;
  /** The background each layout role has in the built-in design. */
  layoutBackground?: (role: LayoutRole) => string;
  /**
   * On a template: the scheme slot a text in `ph` must name because its inherited colour would
   * not read on what is under it (`at`: the laid-out box and the fill of Trappa's own shape under it).
   */
  textSlot?: (layout: LayoutInfo, ph: PlaceholderRef, at?: TextPlace) => { color: string; panel?: string } | undefined;
}

/** Where a text really is: its laid-out box, its own fill, or the slide's own filled shapes under it. */
export interface TextPlace {
  box?: Box;
  /** The text's own fill: the text is drawn on that alone. */
  under?: string;
  /** Trappa's own filled shapes drawn before the text that reach into its box, back to front. */
  shapes?: Array<{ box: Box; fill: string }>;
  /** The run highlights (marked items), which the text must read on too. */
  highlights?: string[];
}

const highlightsOf = (e: TextElement): string[] => [
  ...new Set(e.paragraphs.flatMap((p) => p.runs.flatMap((r) => (r.highlight ? [r.highlight] : [])))),
];

/** Trappa's own filled shapes drawn before `e` that reach into its box (as `trappa check` samples them). */
function ownShapesUnder(
  e: TextElement,
  elements: SlideElement[],
  dropped: (e: SlideElement) => boolean,
): Array<{ box: Box; fill: string }> {
  const found: Array<{ box: Box; fill: string }> = [];
  for (const o of elements.slice(0, elements.indexOf(e))) {
    if (o.type !== 'shape' || !o.fill || dropped(o)) continue;
    const b = o.box;
    if (b.x < e.box.x + e.box.w && b.x + b.w > e.box.x && b.y < e.box.y + e.box.h && b.y + b.h > e.box.y)
      found.push({ box: b, fill: o.fill });
  }
  return found;
}

export function planSlide(
  slide: LaidOutSlide,
  layouts: Record<LayoutRole, LayoutInfo>,
  set: MasterSet,
  options: PlanOptions,
): SlidePlan {
  const role = layoutRole(slide);
  const layout = layouts[role];
  if (log.enabled) log('"%s": layout "%s" (%s)', slide.title, layout.name, role);
  const slots = bodySlots(layout, role);
  const find = (...types: string[]) => layout.placeholders.find((p) => types.includes(p.type));
  const texts = slide.elements.filter(isBodyText);
  const assigned = assignSlots(texts, slots);
  const dropped = (e: SlideElement) => options.template && isDecoration(e.name);
  const legible = (plan: ShapePlan, e?: TextElement): ShapePlan => {
    const at = e && {
      ...(plan.inheritBox ? {} : { box: e.box }),
      ...(e.fill ? { under: e.fill } : { shapes: ownShapesUnder(e, slide.elements, dropped) }),
      highlights: highlightsOf(e),
    };
    const look = plan.placeholder && options.textSlot?.(layout, plan.placeholder, at);
    return look ? { ...plan, color: look.color, ...(look.panel ? { panel: look.panel } : {}) } : plan;
  };
  const shapes = slide.elements.map((e): ShapePlan => {
    const name = e.name;
    const source = 'source' in e && e.source ? { source: formatSource(e.source) } : {};
    if (e.type === 'shape') {
      const text = e.paragraphs?.some((p) => p.runs.some((r) => r.text.trim() !== ''));
      if (options.template && isDecoration(e.name)) return { name, drop: true };
      return { name, ...source, decorative: !text, font: fontOf(e.style?.fontFace, false, set.fonts) };
    }
    if (e.type === 'table') return { name, ...source, font: fontOf(e.style.fontFace, false, set.fonts) };
    if (e.type !== 'text') return { name };
    const title = e.role === 'title';
    const plan: ShapePlan = {
      name,
      ...source,
      font: fontOf(e.style.fontFace, title, set.fonts),
      inheritColor: options.template,
    };
    if (title) {
      const ph = find('title', 'ctrTitle') ?? { type: 'title', name: '' };
      const inheritFont = options.template && plan.font?.theme === 'mj';
      return legible(
        {
          ...plan,
          placeholder: ref(ph),
          inheritBox: options.template && sameBox(e.box, ph.box),
          inheritFont,
        },
        e,
      );
    }
    if (e.role === 'footer') {
      const number = commonParts.slideNumber.match(e.name) !== undefined;
      const ph: PlaceholderInfo = find(number ? 'sldNum' : 'ftr') ?? {
        type: number ? 'sldNum' : 'ftr',
        idx: number ? '12' : '11',
        name: '',
      };
      // A footer grown to hold its text (a template's box too low for it) keeps its own box.
      const inheritBox = options.template && sameBox(e.box, ph.box);
      return legible({ ...plan, placeholder: ref(ph), slideNumber: number, inheritBox }, e);
    }
    const at = texts.indexOf(e);
    const slot = assigned[at];
    // More texts than the layout has places for: a body placeholder of its own (PowerPoint keeps such "orphans").
    const placeholder = slot ? ref(slot) : { type: 'body', idx: String(100 + at) };
    // A slot reaching past the slide's edge (the template's own) is not inherited: the text keeps its box inside.
    const inside = slot?.box !== undefined && within(slot.box, set.size);
    const inheritBox =
      options.template && inside && (sameBox(e.box, slot?.box) || fillsSlotTop(e, slot?.box, slide.elements));
    return legible({ ...plan, placeholder, inheritBox }, e);
  });
  const own = options.layoutBackground?.(role);
  return { layout, shapes, keepBackground: !options.template && own !== undefined && own !== slide.background };
}

/** Colours that are theme colours, mapped to the slot shapes should name (text and background first). */
export function schemeColors(set: MasterSet): Map<string, string> {
  const map = new Map<string, string>();
  for (const slot of ['tx1', 'bg1', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'tx2', 'bg2']) {
    const hex = set.scheme.get(slot);
    if (hex && !map.has(hex)) map.set(hex, slot);
  }
  return map;
}
