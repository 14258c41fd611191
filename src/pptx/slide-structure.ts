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
import type { Box, LaidOutSlide, Paragraph, SlideElement, TextElement } from '../layout/types.js';
import type { LayoutInfo, LayoutRole, MasterSet, PlaceholderInfo, PlaceholderRef } from './master-set.js';
import { chooseSlots, isBodyText, type SlotInset, sameBox, titleInset } from './slot-plan.js';
import { bodyPanelGroups, drawnArea, panelArea, textArea, withMargin } from './text-panels.js';

const log = debugLog('pptx');

export interface ShapePlan {
  name: string;
  /** The data the shape's text came from ("data/strategy.yaml#profile"), kept as a custom tag on the shape. */
  source?: string;
  /** The places of its heading paragraphs among its paragraphs that hold text (a custom tag too). */
  headings?: number[];
  placeholder?: PlaceholderRef;
  /** The run text becomes a slide-number field. */
  slideNumber?: boolean;
  decorative?: boolean;
  /** Left out: Trappa's own decoration on a template deck, which has its own design. */
  drop?: boolean;
  /** A text that stays a text box on a template (a figure's label): its colour and panel as a placeholder's. */
  textBox?: boolean;
  /** The layout's box and the placeholder's colours rule (footers on a template deck). */
  inheritBox?: boolean;
  inheritColor?: boolean;
  /** With inheritColor: the scheme slot the runs name instead, where the inherited colour would not read. */
  color?: string;
  /**
   * With inheritColor: the scheme slot highlighted runs name, where the text's colour would not read
   * on their highlight, and the text's colour (a slot, else hex) their paragraphs' bullets keep.
   */
  highlightColor?: { slot: string; bullet: string };
  /** The scheme slot of a fill behind the text, where the template's art under it has no one colour to read on. */
  panel?: string;
  /** With panel: a shape of its own behind the text's laid-out box (the placeholder's box is the slot's, taller). */
  panelBox?: Box;
  /** With panelBox: its opacity where the template's ground shows through it (legible-colors.ts); absent: opaque. */
  panelAlpha?: number;
  /** With inheritBox: how far in from the slot's sides the text stands (added to its insets), in inches. */
  inset?: SlotInset;
  /** The runs name no typeface: the text is in the template's heading font, which the title inherits. */
  inheritFont?: boolean;
  /**
   * The alignment (`algn`) the placeholder's first-level paragraphs get from the layout and
   * master: a paragraph aligned so writes none of its own (PowerPoint's *Reset slide* and a
   * changed layout then align it as the template does).
   */
  inheritedAlign?: string;
  /** Its paragraphs are set left, not as the template aligns the place (slide-structure.ts `legible`). */
  alignLeft?: boolean;
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
  /** Colour (hex) → the `a:schemeClr` element slides write for it: the theme's colours and their tints. */
  schemeColors: Map<string, string>;
  /** Layout part → the scheme slot its title placeholder gives titles in this deck (layout-title-color.ts). */
  layoutTitleColors?: Map<string, string>;
  /** A template deck: a cover alone on its layout moves its own places onto it (cover-on-layout.ts). */
  coverOnLayout?: boolean;
}

/** The built-in design's own decoration, which a template replaces with its own. */
const isDecoration = (name: string): boolean => partRole(name) === 'decoration';

/** "data/strategy.yaml#mainMessage.what", recorded on the shape as the custom tag TRAPPA_SOURCE. */
function formatSource(source: SourceLocation): string {
  return source.field ? `${source.file}#${source.field}` : source.file;
}

/** The first idx of a slide's own placeholders: 100, or above the layout's highest. */
function orphanBase(layout: LayoutInfo): number {
  return Math.max(100, ...layout.placeholders.map((p) => Number(p.idx ?? 0) + 1).filter((n) => n < 4294967295));
}

function ref(ph: PlaceholderInfo): PlaceholderRef {
  return { type: ph.type, ...(ph.idx !== undefined ? { idx: ph.idx } : {}) };
}

/** The placeholder `ph` of the layout, and the alignment its text inherits there. */
function placedIn(ph: PlaceholderInfo): Pick<ShapePlan, 'placeholder' | 'inheritedAlign'> {
  return { placeholder: ref(ph), ...(ph.align ? { inheritedAlign: ph.align.inherited } : {}) };
}

function fontOf(face: string | undefined, title: boolean, fonts: MasterSet['fonts']): ShapePlan['font'] {
  if (!face) return undefined;
  if (face === fonts.major && (face !== fonts.minor || title)) return { face, theme: 'mj' };
  if (face === fonts.minor) return { face, theme: 'mn' };
  return undefined;
}

/** The panel a deck's titles take (its scheme slot and opacity): titles-alike.ts. */
export interface TitlePanel {
  slot: string;
  alpha: number;
}

export interface PlanOptions {
  /** A template deck: its placeholders' colours, footers and background rule. */
  template: boolean;
  /** Where some of the deck's content titles need a panel: the panel every content title takes. */
  titlePanel?: TitlePanel;
  /** The background each layout role has in the built-in design. */
  layoutBackground?: (role: LayoutRole) => string;
  /**
   * On a template: the scheme slot a text in `ph` must name because its inherited colour would
   * not read on what is under it (`at`: the laid-out box and the fill of Trappa's own shape under it).
   */
  textSlot?: (
    layout: LayoutInfo,
    ph: PlaceholderRef,
    at?: TextPlace,
  ) =>
    | { color?: string; panel?: string; panelAlpha?: number; highlight?: { slot: string; bullet: string } }
    | undefined;
}

/** Where a text really is: its laid-out box, its own fill, or the slide's own filled shapes under it. */
export interface TextPlace {
  box?: Box;
  /** Where its lines are drawn (inside the insets, as high as the lines): what legibility is judged on. */
  drawn?: Box;
  /** The text's own fill: the text is drawn on that alone. */
  under?: string;
  /** Trappa's own filled shapes drawn before the text that reach into its box, back to front (a translucent panel with its opacity). */
  shapes?: Array<{ box: Box; fill: string; alpha?: number }>;
  /** The run highlights (marked items): a highlighted run takes a colour of its own where the text's would not read on them. */
  highlights?: string[];
  /** The colour the runs name themselves, where the text inherits none (a text box). */
  color?: string;
}

/** A look's panel opacity, where the panel is translucent. */
const alphaOf = (look: { panelAlpha?: number }) =>
  look.panelAlpha !== undefined ? { panelAlpha: look.panelAlpha } : {};

/** The colour highlighted runs name, where the look gives them one. */
const highlightOf = (look: { highlight?: { slot: string; bullet: string } } | undefined) =>
  look?.highlight ? { highlightColor: look.highlight } : {};

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
  const { role, layout, slots } = chooseSlots(slide, layouts, set.size, options.template);
  if (log.enabled) log('"%s": layout "%s" (%s)', slide.title, layout.name, role);
  const find = (...types: string[]) => layout.placeholders.find((p) => types.includes(p.type));
  const texts = slide.elements.filter(isBodyText);
  const dropped = (e: SlideElement) => options.template && isDecoration(e.name);
  const judge = (plan: ShapePlan, e?: TextElement, textBox = false, panel: TextPlace['shapes'] = []) => {
    // Nothing judges the built-in design's texts: where they are drawn is not measured for it (a
    // tenth of a cold build's first deck went to measuring texts again for no one).
    if (!plan.placeholder || !options.textSlot) return undefined;
    const at = e && {
      ...(textBox ? { color: e.style.color } : {}),
      ...(plan.inheritBox ? {} : { box: e.box }),
      drawn: drawnArea(e),
      ...(e.fill ? { under: e.fill } : { shapes: [...panel, ...ownShapesUnder(e, slide.elements, dropped)] }),
      highlights: highlightsOf(e),
    };
    return options.textSlot(layout, plan.placeholder, at);
  };
  const legible = (placed: ShapePlan, e?: TextElement, textBox = false): ShapePlan => {
    let look = judge(placed, e, textBox);
    let plan = placed;
    // A text set centred as the template shows it, whose lines would then reach its art and need a
    // panel where set left they would not (Pencil's long cover subtitle ran onto its pencil, and
    // the panel cut the pencil off): it is set left, on the template's ground.
    const left = e && look?.panel && realigns(plan, e) ? leftAligned(e) : undefined;
    const plain = left && judge(plan, left, textBox);
    if (left && !plain?.panel) {
      look = plain;
      plan = { ...plan, alignLeft: true };
    }
    if (!look) return plan;
    // A panel covers the text's lines, a shape of its own under the text: it may reach a margin past them.
    const panel = look.panel ? { panel: look.panel, ...(e ? { panelBox: panelArea(e), ...alphaOf(look) } : {}) } : {};
    return { ...plan, ...(look.color ? { color: look.color } : {}), ...highlightOf(look), ...panel };
  };
  // A title that reads on the ground, in a deck whose other titles need a panel: on a panel alike,
  // judged there (translucent as theirs where it still reads so, else opaque).
  const onTitlePanel = (placed: ShapePlan, e: TextElement, { slot, alpha }: TitlePanel): ShapePlan => {
    const box = panelArea(e);
    const fill = set.scheme.get(slot) ?? 'FFFFFF';
    const on = (a: number) => judge(placed, e, false, [{ box, fill, ...(a < 1 ? { alpha: a } : {}) }]);
    const translucent = alpha < 1 ? on(alpha) : undefined;
    const [look, a] = alpha < 1 && !translucent?.panel ? [translucent, alpha] : [on(1), 1];
    const color = look?.color ? { color: look.color } : {};
    return { ...placed, ...color, panel: slot, panelBox: box, ...(a < 1 ? { panelAlpha: a } : {}) };
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
    const headings = headingParagraphs(e.paragraphs);
    const plan: ShapePlan = {
      name,
      ...source,
      ...(headings.length > 0 ? { headings } : {}),
      font: fontOf(e.style.fontFace, title, set.fonts),
      inheritColor: options.template,
    };
    if (title) {
      const ph = find('title', 'ctrTitle') ?? { type: 'title', name: '' };
      const inheritFont = options.template && plan.font?.theme === 'mj';
      const inset = options.template ? titleInset(e.box, ph.box, e.style.insets) : undefined;
      const placed = {
        ...plan,
        ...placedIn(ph),
        inheritBox: options.template && (sameBox(e.box, ph.box) || inset !== undefined),
        ...(inset ? { inset } : {}),
        inheritFont,
      };
      const titled = legible(placed, e);
      return options.titlePanel && !titled.panel ? onTitlePanel(placed, e, options.titlePanel) : titled;
    }
    if (e.role === 'footer') {
      const number = commonParts.slideNumber.match(e.name) !== undefined;
      const ph: PlaceholderInfo = find(number ? 'sldNum' : 'ftr') ?? {
        type: number ? 'sldNum' : 'ftr',
        idx: number ? '12' : '11',
        name: '',
      };
      // A footer grown to hold its text (a template's box too low for it) keeps its own box; one
      // set inside its place (ending before a mark of the template's art: layout/content-area.ts
      // footerBesideArt) inherits the place and writes how far in it stands, as a title does.
      const inset = options.template ? titleInset(e.box, ph.box, e.style.insets) : undefined;
      const inheritBox = options.template && (sameBox(e.box, ph.box) || inset !== undefined);
      return legible({ ...plan, ...placedIn(ph), slideNumber: number, inheritBox, ...(inset ? { inset } : {}) }, e);
    }
    const at = texts.indexOf(e);
    const { slot, inherits, taller, inset } = slots[at] ?? { inherits: false };
    const orphan = { type: 'body', idx: String(orphanBase(layout) + at) };
    // A figure's label that takes no place of the layout stays a text box with the figure (its
    // colour judged as a body text's, against the colour its runs name).
    if (options.template && !inherits && partRole(e.name) === 'label') {
      const { placeholder: _, ...judged } = legible({ ...plan, placeholder: orphan }, e, true);
      return { ...judged, textBox: true };
    }
    // More texts than the layout has places for, or (on a template) a text outside its slot's box:
    // a body placeholder of its own, which no layout slot moves (PowerPoint keeps such "orphans"
    // where they are on *Reset slide*, so they cannot land on another text).
    // Above every idx the layout uses (pptxgenjs' layouts number their places from 101).
    const placed = slot ? placedIn(slot) : { placeholder: orphan };
    if (!taller) return legible({ ...plan, ...placed, inheritBox: inherits }, e);
    // In a slot taller than the text (its foot over the template's footer or art), the text reads
    // where it is; a panel it needs there is a shape of its own under the text, not the slot's fill.
    const judged = legible({ ...plan, ...placed }, e);
    return {
      ...judged,
      inheritBox: true,
      ...(inset ? { inset } : {}),
      ...(judged.panel ? { panelBox: panelArea(e) } : {}),
    };
  });
  const own = options.layoutBackground?.(role);
  return {
    layout,
    shapes: withMargins(slide, oneBodyPanel(slide, layout, shapes, set, dropped, options), set, dropped),
    keepBackground: !options.template && own !== undefined && own !== slide.background,
  };
}

/**
 * Where body texts stand together (text-panels.ts bodyPanelGroups) and one needs a panel, one
 * panel behind them all instead: a column on a panel beside a column on the picture reads as
 * patchy as two panels with the picture between them. Every text of the group is then judged
 * on the panel: one that read on the picture may not read on it. Texts apart keep their own look.
 */
function oneBodyPanel(
  slide: LaidOutSlide,
  layout: LayoutInfo,
  shapes: ShapePlan[],
  set: MasterSet,
  dropped: (e: SlideElement) => boolean,
  options: PlanOptions,
): ShapePlan[] {
  // Only a text already on a panel makes its group one panel (groupPanel).
  if (!shapes.some((plan) => plan.panel)) return shapes;
  return bodyPanelGroups(slide.elements, dropped).reduce(
    (plans, group) => groupPanel(slide, layout, plans, group, set, dropped, options),
    shapes,
  );
}

/** One panel behind `group`'s members, where two of them are texts and one of those needs a panel. */
function groupPanel(
  slide: LaidOutSlide,
  layout: LayoutInfo,
  shapes: ShapePlan[],
  { members: body, box }: { members: number[]; box: Box },
  set: MasterSet,
  dropped: (e: SlideElement) => boolean,
  options: PlanOptions,
): ShapePlan[] {
  const texts = body.filter((i) => slide.elements[i]!.type === 'text');
  const panels = texts.filter((i) => shapes[i]!.panel);
  if (panels.length === 0 || texts.length < 2) return shapes;
  const first = shapes[panels[0]!]!;
  const slot = first.panel!;
  const fill = set.scheme.get(slot) ?? 'FFFFFF';
  // Each body text judged on the one panel: translucent as the first text's was, where every text
  // still reads on the ground showing through it; else opaque.
  const judged = (alpha: number) =>
    body.map((i) => {
      const e = slide.elements[i]!;
      const plan = shapes[i]!;
      if (e.type !== 'text' || e.fill || (!plan.placeholder && !plan.textBox)) return undefined;
      // A text box (a figure's label) is judged by the colour its runs name.
      const own = plan.textBox ? { color: e.style.color } : {};
      const ph = plan.placeholder ?? { type: 'body' };
      const on: TextPlace =
        alpha < 1
          ? { drawn: drawnArea(e), shapes: [{ box, fill, alpha }, ...ownShapesUnder(e, slide.elements, dropped)] }
          : { under: fill };
      return options.textSlot?.(layout, ph, { ...on, highlights: highlightsOf(e), ...own });
    });
  const alpha = first.panelAlpha ?? 1;
  const translucent = alpha < 1 ? judged(alpha) : undefined;
  const looks = translucent?.every((l) => !l?.panel) ? translucent : judged(1);
  const panelAlpha = looks === translucent ? { panelAlpha: alpha } : {};
  return shapes.map((plan, i) => {
    const e = slide.elements[i]!;
    const at = body.indexOf(i);
    if (at < 0) return plan;
    // The panel is drawn just before the body's first element, so it lies under all of it.
    const onPanel = at === 0 ? { panel: slot, panelBox: box, ...panelAlpha } : {};
    if (e.type !== 'text' || e.fill || (!plan.placeholder && !plan.textBox)) return { ...plan, ...onPanel };
    const { panel: _panel, panelBox: _box, panelAlpha: _alpha, color: _color, highlightColor: _h, ...rest } = plan;
    const look = looks[at];
    return { ...rest, ...(look?.color ? { color: look.color } : {}), ...highlightOf(look), ...onPanel };
  });
}

/** Panel shapes with their margins where nothing else of the slide (its elements, the other panels) is. */
function withMargins(slide: LaidOutSlide, plans: ShapePlan[], set: MasterSet, dropped: (e: SlideElement) => boolean) {
  // The slide's texts are measured only when there is a panel to keep off them.
  if (!plans.some((plan) => plan.panelBox)) return plans;
  const elements = slide.elements
    .filter((e) => !dropped(e))
    .map((e) => (e.type === 'text' && !e.fill ? textArea(e) : e.box));
  const panels = plans.map((p) => p.panelBox);
  return plans.map((plan, i) => {
    if (!plan.panelBox) return plan;
    const others = [...elements, ...panels.filter((b, j): b is Box => b !== undefined && j !== i)];
    panels[i] = withMargin(plan.panelBox, others, set.size);
    return { ...plan, panelBox: panels[i] };
  });
}

/**
 * The places whose text may be set left where the template's alignment would need a panel: the
 * title slide's subtitle (Trappa's meeting lines, longer than a designer's one-line prompt). Not
 * titles (a deck's titles keep one alignment), nor slide numbers (Lights' number, set left to
 * keep off its bubbles, floated in the middle of its corner place).
 */
const LEFT_WHERE_CLEAR = new Set(['subTitle']);

/** A text in such a place, set otherwise than left by its style alone (no paragraph of its own says). */
const realigns = (plan: ShapePlan, e: TextElement): boolean =>
  LEFT_WHERE_CLEAR.has(plan.placeholder?.type ?? '') &&
  (e.style.align ?? 'left') !== 'left' &&
  e.paragraphs.every((p) => p.align === undefined);

const leftAligned = (e: TextElement): TextElement => ({ ...e, style: { ...e.style, align: 'left' } });

/** Where a text's declared heading paragraphs stand among its paragraphs that hold text (as a reader counts them). */
function headingParagraphs(paragraphs: readonly Paragraph[]): number[] {
  const shown = paragraphs.filter((p) => p.runs.some((r) => r.text.trim() !== ''));
  return shown.flatMap((p, i) => (p.heading ? [i] : []));
}

/**
 * Colours that are theme colours, mapped to the `a:schemeClr` shapes should write instead
 * (text and background first), then the theme colours the design made lighter or darker.
 */
export function schemeColors(set: MasterSet): Map<string, string> {
  const map = new Map<string, string>();
  for (const slot of ['tx1', 'bg1', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'tx2', 'bg2']) {
    const hex = set.scheme.get(slot);
    if (hex && !map.has(hex)) map.set(hex, `<a:schemeClr val="${slot}"/>`);
  }
  for (const [hex, xml] of set.tints ?? []) if (!map.has(hex)) map.set(hex, xml);
  return map;
}
