/**
 * What is really behind a template's text: the layout's (else the master's) background —
 * a colour, a gradient or a picture — and the template's art under a placeholder (its shapes
 * and pictures that are not placeholders), composited with check/backdrop.ts, the model
 * `trappa check` measures with. A placeholder keeps the colour its layout, master or text
 * style gives it when that reads on the darkest and the lightest point under its whole box
 * (WCAG 4.5:1); otherwise the slide names the theme colour that reads (dark 1 / light 1 /
 * dark 2 / light 2), as a scheme reference; when none does, the text gets a panel.
 *
 * A panel belongs to the template rather than being pasted over it (Candy's photo, Piano's
 * keys, Lights' bokeh): it is in light 1 or dark 1, whichever is nearer the layout's ground
 * (Lights' dark gradient takes a dark panel and keeps its white text), and translucent, the
 * template's ground showing through, wherever the text still reads on what that composites to
 * (measured as `trappa check` measures it: the panel is a layer under the text).
 */
import { artBoxes, backdropOf, mostUnder, ruleBoxes } from '../check/art-boxes.js';
import { artStrokes, type StrokeSegment } from '../check/art-strokes.js';
import { artRunOnto, LETTERS_TALLER } from '../check/rules/template-art.js';
import { backgroundLayer, colorAt, layersOf, luminanceAt, under } from '../check/backdrop.js';
import { pictureArt } from '../check/ground-art.js';
import { inheritance, type Inheritance } from '../check/inherit-placeholders.js';
import { readSlideElements } from '../check/read-slide.js';
import type { ElementModel, Layer, RasterOf } from '../check/types.js';
import { contrastRatio, relativeLuminance } from '../contrast.js';
import type { ColorScheme } from '../ooxml/colors.js';
import { backgroundPaint } from '../ooxml/paint.js';
import { attr, children } from '../ooxml/xml.js';
import { resolvePart } from '../ooxml/package.js';
import type { Box } from '../layout/types.js';
import type { LayoutInfo, MasterSet, PlaceholderRef } from '../pptx/master-set.js';
import type { TextPlace } from '../pptx/slide-structure.js';
import { partRoot, relsOf, targets } from './read-master-set.js';

/** Theme slots a text may name, most usual first. */
const TEXT_SLOTS = ['tx1', 'bg1', 'tx2', 'bg2'];

/** The template's own shapes and pictures; hairlines (rules under a title) do not decide what text is on. */
const isArt = (e: ElementModel) => notPlaceholder(e) && !(e.box && Math.min(e.box.w, e.box.h) < 0.1);
const notPlaceholder = (e: ElementModel) => e.kind !== 'shape' || !e.placeholder;

/**
 * The scheme slot a text names instead of its inherited colour (none: the inherited colour reads
 * on the panel), and the slot of a panel behind it.
 */
interface TextLook {
  color?: string;
  panel?: string;
  /** The panel's opacity where it is translucent (under 1); absent: opaque. */
  panelAlpha?: number;
  /**
   * Where the text's colour would not read on the highlight of its highlighted runs: the scheme
   * slot those runs name, and the text's colour (a slot, else hex) for the bullets of their
   * paragraphs, which would otherwise take the first run's colour onto the panel.
   */
  highlight?: { slot: string; bullet: string };
}

/**
 * How opaque a translucent panel is: the ground shows through as through frosted glass, yet
 * a busy photo no longer competes with the letters (a panel that passes WCAG only at a lower
 * opacity still reads patchy). Where the text does not read on it, the panel is opaque.
 */
const PANEL_ALPHA = 0.85;

/**
 * The step (inches) at which the build samples what a text lies on for `runsOntoArt`: twice the art
 * rule's. It asks of every body text on a template (Progress: 27 texts, 250 ms at the rule's step,
 * load ~12); a quarter of the points tell the same grounds, each counted by the area it takes.
 */
const ART_STEP = 0.1;

export interface LayoutLook {
  /** The layout's background colour; undefined for a picture or gradient. */
  background?: string;
  /**
   * What covers the slide, for people: the topmost opaque layer over most of it — the background,
   * or the template's full-slide art shape or picture ("000032 → F60063 gradient", "picture").
   */
  backdrop: string;
  /**
   * The colours text in `box` must read on: the one colour most of it lies on; else its darkest
   * and lightest points when one theme text colour reads on both; else the theme's light 1 (the
   * panel such text gets). Undefined when what is there cannot be known (an unreadable picture).
   */
  backgroundIn(box: Box): string[] | undefined;
  /**
   * The relative luminance of the colour at one point of the slide (background, art, a picture's
   * pixel); undefined where unknown. A number, not the colour: the cover's logo rows sample tens of
   * thousands of points and judge only their lightness (logo-band.ts).
   */
  luminanceAt(x: number, y: number): number | undefined;
  /**
   * The scheme slot a text in this placeholder must name, or undefined when its inherited colour
   * reads. `at` is where the text really is when the slide moved it (and Trappa's own shapes
   * under it); else the placeholder's inherited box is.
   */
  textSlot(ph: PlaceholderRef, at?: TextPlace): TextLook | undefined;
  /** The template's art (pictures, and shapes painted otherwise than the body's background) that is not a background. */
  art: Box[];
  /** The template's art drawn as lines (Yellow_Idea's tick marks), as segments: read when first asked. */
  strokes(): StrokeSegment[];
  /** The template's rules drawn as thin shapes (check/art-boxes.ts ruleBoxes), which `art` and `strokes` leave out. */
  rules(): Box[];
  /** Art inside the backdrop picture (Vintage's ink blots on its paper: check/ground-art.ts). */
  inPicture: Box[];
  /** The colour (hex) a text in this placeholder inherits from the template (its text style's, else dark 1). */
  inheritedColor(ph: PlaceholderRef): string;
}

/** The text slot that reads best on `behind` (on the worst of them, when several), its colour and ratio. */
export function bestTextSlot(
  scheme: ColorScheme,
  behind: string | string[],
): { slot: string; color: string; ratio: number } {
  const all = typeof behind === 'string' ? [behind] : behind;
  let best = { slot: 'tx1', color: scheme.get('tx1') ?? '000000', ratio: -1 };
  for (const slot of TEXT_SLOTS) {
    const color = scheme.get(slot);
    if (!color) continue;
    const ratio = Math.min(...all.map((b) => contrastRatio(color, b)));
    if (ratio > best.ratio) best = { slot, color, ratio };
  }
  return best;
}

/** The union of the layout's body placeholders' boxes. */
function bodyArea(layout: LayoutInfo): Box | undefined {
  const boxes = layout.placeholders.filter((p) => (p.type === 'obj' || p.type === 'body') && p.box).map((p) => p.box!);
  if (boxes.length === 0) return undefined;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, w: Math.max(...boxes.map((b) => b.x + b.w)) - x, h: Math.max(...boxes.map((b) => b.y + b.h)) - y };
}

/** A picture's relationship id in a template part → its media part. */
function mediaIn(set: MasterSet, source: string): (embed: string) => string | undefined {
  const folder = source.slice(0, source.lastIndexOf('/') + 1);
  return (embed) => {
    const rel = children(partRoot(set.parts, relsOf(source)), 'Relationship').find((r) => attr(r, 'Id') === embed);
    return rel && attr(rel, 'TargetMode') !== 'External' ? resolvePart(folder, attr(rel, 'Target') ?? '') : undefined;
  };
}

/** A part's art: its shapes and pictures that are not placeholders. */
const artElements = (set: MasterSet, part: string): ElementModel[] =>
  readSlideElements(partRoot(set.parts, part), set.scheme).filter(isArt);

/** A part's rules drawn as thin shapes (check/art-boxes.ts ruleBoxes), which its art leaves out. */
const rulesIn = (set: MasterSet, part: string): Box[] =>
  ruleBoxes(layersOf(readSlideElements(partRoot(set.parts, part), set.scheme).filter(notPlaceholder), () => undefined));

/** A part's art as layers. */
function artLayers(set: MasterSet, part: string): Layer[] {
  return layersOf(artElements(set, part), mediaIn(set, part));
}

const mastersArt = new WeakMap<MasterSet, Map<string, { elements: ElementModel[]; layers?: Layer[] }>>();

/** A master's art, read once per set: every layout of the master shows it (12 in each of Yellow Idea's 9). */
function masterArt(set: MasterSet, master: string): { elements: ElementModel[]; layers?: Layer[] } {
  let byMaster = mastersArt.get(set);
  if (!byMaster) mastersArt.set(set, (byMaster = new Map()));
  let art = byMaster.get(master);
  if (!art) byMaster.set(master, (art = { elements: artElements(set, master) }));
  return art;
}

/** A master's art layers (its line art, `strokes`, comes from the same elements). */
function masterArtLayers(set: MasterSet, master: string): Layer[] {
  const art = masterArt(set, master);
  art.layers ??= layersOf(art.elements, mediaIn(set, master));
  return art.layers;
}

/** A layer nothing shows through (a solid or gradient without transparency, a picture). */
const opaque = (l: Layer) =>
  l.paint.kind === 'picture' ||
  (l.paint.kind === 'solid' && l.paint.alpha >= 0.999) ||
  (l.paint.kind === 'gradient' && l.paint.stops.every((s) => s.alpha >= 0.999));

function describePaint(paint: Layer['paint']): string {
  if (paint.kind === 'solid') return paint.color;
  if (paint.kind === 'gradient') return `${paint.stops.map((s) => s.color).join(' → ')} gradient`;
  return paint.kind;
}

/** Trappa's own filled shapes under a text, as layers over the template's. */
const ownLayers = (at?: TextPlace): Layer[] =>
  (at?.shapes ?? []).map((s) => ({ box: s.box, paint: { kind: 'solid', color: s.fill, alpha: s.alpha ?? 1 } }));

/** Theme slots a panel may take: light 1 and dark 1, the pair every theme's text is made for. */
const PANEL_SLOTS = ['bg1', 'tx1'];

/**
 * The panel behind a text in `box`: in light 1 or dark 1, the one nearer in lightness to the
 * layout's ground (`ground`, L* 0…1) first, so the panel sits in the template's ground rather than
 * on it (Lights' dark gradient takes a dark panel, Candy's pale photo a light one); translucent
 * before opaque. The text keeps its inherited colour where that reads on what the panel
 * composites to over `layers`, else names the theme slot that reads best (a title, `keepFirst`,
 * first tries every panel that lets it keep its colour). Undefined when no
 * panel lets a theme colour read.
 */
function panelOver(
  scheme: ColorScheme,
  layers: Layer[],
  box: Box,
  text: string,
  ground: number,
  rasterOf: RasterOf,
  keepFirst: boolean,
  alphas: readonly number[] = [PANEL_ALPHA, 1],
): TextLook | undefined {
  const slots = PANEL_SLOTS.flatMap((slot) => {
    const color = scheme.get(slot);
    return color ? [{ slot, color, distance: Math.abs(lightness(color) - ground) }] : [];
  }).sort((a, b) => a.distance - b.distance);
  // A title keeps its inherited colour where any panel lets it (it looks like its layout's other
  // titles); a body text takes the panel nearest the ground first, naming a colour if it must.
  const passes = keepFirst ? [true, false] : [false];
  for (const keep of passes)
    for (const alpha of alphas)
      for (const { slot, color } of slots) {
        const panel: Layer = { box, paint: { kind: 'solid', color, alpha } };
        const on =
          alpha < 1 ? under([...layers, panel], box, rasterOf) : { darkest: color, lightest: color, unknown: 0 };
        if (!on || on.unknown > 0) continue;
        const behind = [...new Set([on.darkest, on.lightest])];
        const looks = { panel: slot, ...(alpha < 1 ? { panelAlpha: alpha } : {}) };
        if (behind.every((b) => contrastRatio(text, b) >= 4.5)) return looks;
        const best = bestTextSlot(scheme, behind);
        if (!keep && best.ratio >= 4.5) return { ...looks, color: best.slot };
      }
  return undefined;
}

const isTitle = (ph: PlaceholderRef) => ph.type === 'title' || ph.type === 'ctrTitle';
/**
 * `box` (a text's drawn lines, from the top) as tall as the art rule takes its letters,
 * LETTERS_TALLER than measured, inside `frame`.
 */
function asSetLines(box: Box, frame: Box): Box {
  const bottom = Math.min(Math.max(box.y + box.h, frame.y + frame.h), box.y + box.h * LETTERS_TALLER);
  return { ...box, h: bottom - box.y };
}

/** A placeholder for the slide's content (no title, subtitle, footer, date or number). */
const isBody = (ph: PlaceholderRef) => ph.type === undefined || ph.type === 'body' || ph.type === 'obj';
/**
 * A placeholder whose text gets a card where it runs across the edge of the template's art: the
 * content's, and the cover's subtitle (Trappa's meeting lines, three lines where a designer's
 * prompt is one: on Progress they ran across the grey band's diagonal edge on every bundled deck).
 */
const takesCard = (ph: PlaceholderRef) => isBody(ph) || ph.type === 'subTitle';

/**
 * CIE lightness L* (0…1) of a colour: how light it looks. A mid-tone ground (Focus' saturated
 * stripes, Blueprint's teal) has a low luminance yet looks nearer white than black.
 */
function lightness(hex: string): number {
  const y = relativeLuminance(hex);
  return (y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y) / 100;
}

/** The mean lightness (0…1) of what a 7 × 7 grid over the slide shows: how light the layout's ground looks. */
function groundLightness(layers: Layer[], size: { w: number; h: number }, rasterOf: RasterOf): number {
  const seen: number[] = [];
  for (let i = 0; i < 7; i++)
    for (let j = 0; j < 7; j++) {
      const at = colorAt(layers, (size.w * (i + 0.5)) / 7, (size.h * (j + 0.5)) / 7, rasterOf);
      if (at !== undefined) seen.push(lightness(at));
    }
  return seen.length > 0 ? seen.reduce((a, b) => a + b, 0) / seen.length : 1;
}

/** A layout's look, worked out from its parts (layout-looks.ts keeps it per set and layout). */
export function readLayoutLook(set: MasterSet, layout: LayoutInfo): LayoutLook {
  const master = targets(set.parts, layout.part, '/slideMaster')[0] ?? set.masters[0] ?? '';
  const layoutRoot = partRoot(set.parts, layout.part);
  const masterRoot = partRoot(set.parts, master);
  const theme = partRoot(set.parts, targets(set.parts, master, '/theme')[0] ?? '');
  const { scheme } = set;
  const rasterOf: RasterOf = (media) => set.pictures?.get(media);
  const fromLayout = backgroundPaint(layoutRoot, scheme, theme);
  const bgSource = fromLayout !== undefined ? layout.part : master;
  const paint = fromLayout !== undefined ? fromLayout : backgroundPaint(masterRoot, scheme, theme);
  const bg1 = scheme.get('bg1') ?? 'FFFFFF';
  const background = paint === undefined || paint === null ? bg1 : paint.kind === 'solid' ? paint.color : undefined;
  const layers = [
    backgroundLayer(set.size, paint, bg1, mediaIn(set, bgSource)),
    ...(attr(layoutRoot, 'showMasterSp') === '0' ? [] : masterArtLayers(set, master)),
    ...artLayers(set, layout.part),
  ];
  // Only text colours need it (choosing layouts asks only for the backdrop of many).
  let inherited: Inheritance | undefined;
  const placeholder = (ph: PlaceholderRef) =>
    (inherited ??= inheritance(layoutRoot, masterRoot, scheme, set.size)).placeholder(ph.type ?? 'obj', ph.idx);
  const art = artBoxes(layers, set.size, bodyArea(layout), rasterOf);
  const isBackground = backdropOf(set.size);
  const cover = layers.filter((l) => isBackground(l) && opaque(l)).at(-1) ?? layers[0]!;
  const inPicture = pictureArt(layers, set.size, rasterOf);
  // How light the layout's ground looks, for the colour of a panel (read when a text first needs one).
  let ground: number | undefined;
  let strokes: StrokeSegment[] | undefined;
  return {
    ...(background !== undefined ? { background } : {}),
    backdrop: describePaint(cover.paint),
    backgroundIn(box) {
      const { color, share } = mostUnder(layers, box, rasterOf);
      if (color !== undefined && share >= 0.6) return [color];
      const found = under(layers, box, rasterOf);
      if (!found || found.unknown > 0) return found ? [bg1] : undefined;
      const extremes = [found.darkest, found.lightest];
      // Art of several colours under the content that no text colour reads on: text there gets a panel (textSlot).
      return bestTextSlot(scheme, extremes).ratio >= 4.5 ? extremes : [bg1];
    },
    art,
    strokes: () =>
      (strokes ??= artStrokes([
        ...(attr(layoutRoot, 'showMasterSp') === '0' ? [] : masterArt(set, master).elements),
        ...artElements(set, layout.part),
      ])),
    inPicture,
    rules: () => [
      ...(attr(layoutRoot, 'showMasterSp') === '0' ? [] : rulesIn(set, master)),
      ...rulesIn(set, layout.part),
    ],
    luminanceAt: (x, y) => luminanceAt(layers, x, y, rasterOf),
    inheritedColor: (ph) => placeholder(ph).color ?? scheme.get('tx1') ?? '000000',
    textSlot(ph, at) {
      // The text's colour and panel are judged on its ground alone; a highlighted run is drawn on
      // its highlight, so it takes a colour of its own where the text's would not read there (on
      // Lights' dark panel, white text and the light highlight's runs in dark 1: the slide keeps
      // the template's panel rather than a light one for the whole body).
      const look = slotOn(ph, at);
      const highlights = at?.highlights ?? [];
      const color = look?.color ? scheme.get(look.color) : (at?.color ?? placeholder(ph).color ?? scheme.get('tx1'));
      if (highlights.length === 0 || !color || highlights.every((h) => contrastRatio(color, h) >= 4.5)) return look;
      const bullet = look?.color ?? TEXT_SLOTS.find((slot) => scheme.get(slot) === color) ?? color;
      return { ...look, highlight: { slot: bestTextSlot(scheme, highlights).slot, bullet } };
    },
  };

  /**
   * Whether a text whose lines are drawn in `box`, inside its frame `frame`, over `drawn` runs onto
   * the template's art from a ground of another colour (the check's art rule). The rule takes the
   * letters LETTERS_TALLER than measured: so does this (storledermote's last list on Lights ended
   * 0.04 in into a bokeh bubble the rule's letters reach 0.12 in into: no card, and its warning).
   * Down only: grown 10 % both ways, as the rule's frame-wide test, Nature_Illustration's cover
   * subtitle took a card the rule, which sets each line where it is, does not ask for.
   */
  function runsOntoArt(box: Box, frame: Box, drawn: Layer[]): boolean {
    const beneath = { layers: drawn, template: layers.length, patches: inPicture, size: set.size, rasterOf };
    return artRunOnto([asSetLines(box, frame)], { ...beneath, step: ART_STEP }) !== undefined;
  }

  function slotOn(ph: PlaceholderRef, at?: TextPlace): TextLook | undefined {
    const { color, box: own } = placeholder(ph);
    const box = at?.drawn ?? at?.box ?? own;
    // The text's own filled shape, else everything drawn under the text's box (the template's and Trappa's).
    // Text over art no theme colour reads on (or partly over a picture that cannot be read):
    // a panel in the theme's light 1 behind it, with the theme colour that reads on that.
    const text = at?.color ?? color ?? scheme.get('tx1') ?? '000000';
    const reads = (on: string[]) => on.every((b) => contrastRatio(text, b) >= 4.5);
    const drawn = [...layers, ...ownLayers(at)];
    const found = at?.under !== undefined || !box ? undefined : under(drawn, box, rasterOf);
    // On the panel the text keeps the colour it inherits where that reads (a title on a lighter
    // part of its layout's art stays like its layout's other titles); else it names one that does.
    const panel = (alphas?: readonly number[]): TextLook => {
      ground ??= groundLightness(layers, set.size, rasterOf);
      const over =
        found &&
        found.unknown === 0 &&
        box &&
        panelOver(scheme, drawn, box, text, ground, rasterOf, isTitle(ph), alphas);
      if (over) return over;
      return reads([bg1]) ? { panel: 'bg1' } : { color: bestTextSlot(scheme, bg1).slot, panel: 'bg1' };
    };
    if (at?.under === undefined && box && !found) return panel();
    const known = at?.under !== undefined ? [at.under] : found ? [found.darkest, found.lightest] : [background ?? bg1];
    const all = [...new Set(known)];
    const mixed = (found?.unknown ?? 0) > 0;
    // A body text that reads on both grounds yet runs from one onto the template's art (Progress'
    // lists across the diagonal edge of its grey band: grey, then white, inside one paragraph) is
    // set on a panel too: its lines then lie on one ground, the edge passing behind them. An opaque
    // one: through a translucent panel the edge still shows, through the letters. Only a text on the
    // template alone: one with a fill of its own, or on Trappa's shapes (a panel shared with the texts
    // beside it), is judged on those. So is a text that reads only in another theme colour: Lights'
    // white lists across its bokeh bubbles (dark 1 inherited, light 1 named) ran from the purple
    // ground onto the bubbles with no card (the art rule's warning on 9 body texts of the bundled
    // decks). Its card is the panel such a text gets where no colour reads (translucent where the
    // text reads through it: Lights' other body panels are 85 % dark 1, and a slide's shared body
    // panel takes its first text's opacity, so an opaque card turned ansatte 3's panel opaque too);
    // through it the bubbles show as faint discs, the rule finds no run onto them.
    const card = () =>
      found && takesCard(ph) && box && !at?.shapes?.length && runsOntoArt(box, at?.box ?? own ?? box, drawn);
    if (!mixed && reads(all)) return card() ? panel([1]) : undefined;
    const best = bestTextSlot(scheme, all);
    if (mixed || best.ratio < 4.5) return panel();
    return card() ? panel() : { color: best.slot };
  }
}
