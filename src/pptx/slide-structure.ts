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
import { commonParts, decorationParts } from '../kinds/common-parts.js';
import type { LaidOutSlide, SlideElement, TextElement } from '../layout/types.js';
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
const isDecoration = (name: string): boolean => decorationParts.some((p) => p.match(name) !== undefined);

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
  let next = 0;
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
    if (title) return { ...plan, placeholder: ref(find('title', 'ctrTitle') ?? { type: 'title', name: '' }) };
    if (e.role === 'footer') {
      const number = commonParts.slideNumber.match(e.name) !== undefined;
      const ph = find(number ? 'sldNum' : 'ftr') ?? {
        type: number ? 'sldNum' : 'ftr',
        idx: number ? '12' : '11',
        name: '',
      };
      return { ...plan, placeholder: ref(ph), slideNumber: number, inheritBox: options.template };
    }
    const slot = slots[next];
    // More texts than the layout has places for: a body placeholder of its own (PowerPoint keeps such "orphans").
    const placeholder = slot ? ref(slot) : { type: 'body', idx: String(100 + next) };
    next += 1;
    return { ...plan, placeholder };
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
