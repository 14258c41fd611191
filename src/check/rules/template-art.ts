/**
 * `art`: text over the template's art. A text set wholly on one ground reads as designed (a
 * title on its band, a list on the paper); a text whose letters run from the ground onto the
 * template's art, or from one piece of art onto another, does not: list bullets on Vintage's
 * ink blot, a title half on Piano's bar, a long title under Inspiration's tab, a footer across
 * Focus' white stripe. Where the text's lines are drawn (as `contrast` measures them), the ground
 * is sampled every 0.05 in: at each point the topmost thing that shows (the template's
 * background, one of its shapes or pictures, a patch of art inside its backdrop picture —
 * check/ground-art.ts — or one of the slide's own shapes under the text, such as a panel). A
 * warning names the slide and the text when the template's art takes some of those points and
 * another ground of a visibly other colour takes others. Contrast is the `contrast` rule's.
 * Trappa's shapes that are no text (diagram boxes, logos, pictures) are judged by their boxes
 * against the art placement keeps off (0.1 in thick or more): `shapeFindings`.
 */
import type { Box } from '../../layout/types.js';
import { said } from '../../messages/catalogue.js';
import { contrastRatio } from '../../contrast.js';
import { artBoxes } from '../art-boxes.js';
import { artStrokes, clipped, type StrokeSegment } from '../art-strokes.js';
import { colorAt, layersOf, reachesInto, type Shown, shownAt } from '../backdrop.js';
import { pictureArt } from '../ground-art.js';
import { frameLines, measureFrame } from '../measure-frame.js';
import { mediaOf } from '../read-deck.js';
import { type ContentPlan, freeUnderTitle, layoutContentPlan } from '../../layout/content-area.js';
import type {
  DeckModel,
  ElementModel,
  Finding,
  Layer,
  RasterOf,
  RuleOptions,
  ShapeModel,
  SlideModel,
} from '../types.js';
import { textBox } from './contrast.js';
import { elementName, finding, inches, textShapes } from './elements.js';
import { drawnBox } from './slide-geometry.js';

const RULE = 'art';
/** Sampling step (inches): about a letter's stem apart. */
const STEP = 0.05;
/** Points a ground must take under a text to count (a sliver of art at a frame's corner does not). */
const LEAST = 6;
/** RGB distance from which two grounds look different. */
const DIFFERENT = 60;
/** Lightness ratio from which two grounds look different, whatever their RGB distance. */
const LIGHTER = 1.3;
/** A layer over this share of the slide is a backdrop, not art. */
const BACKDROP = 0.8;

interface Ground {
  art: boolean;
  count: number;
  rgb: [number, number, number];
  box: Box;
}

const rgbOf = (hex: string): [number, number, number] =>
  [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
/**
 * Whether two colours look different: far apart in RGB, or one lighter by LIGHTER (Progress'
 * light grey band, #DDDDDD, on its white page is 59 apart in RGB, yet its diagonal edge is plain
 * to see through a list).
 */
function different(a: [number, number, number], b: [number, number, number]): boolean {
  if (Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]) >= DIFFERENT) return true;
  const hex = (c: [number, number, number]) => c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
  return contrastRatio(hex(a), hex(b)) >= LIGHTER;
}
const distance = (a: Ground, b: Ground) =>
  different(a.rgb.map((c) => c / a.count) as Ground['rgb'], b.rgb.map((c) => c / b.count) as Ground['rgb']);

/**
 * What lies under a slide's text: the template's layers first (`template` of them), then what the
 * slide draws under the text; the art inside the backdrop picture (`patches`).
 */
export interface Beneath {
  layers: Layer[];
  template: number;
  patches: Box[];
  size: { w: number; h: number };
  rasterOf: RasterOf;
  /** Sampling step (inches), STEP unless told: a ground counts where it takes as much area as LEAST points at STEP do. */
  step?: number;
}

/** What the text's letters lie on, ground by ground (a layer, or a patch of art inside the backdrop picture). */
function groundsUnder(boxes: Box[], { layers, template, patches, size, rasterOf, step = STEP }: Beneath) {
  // Keyed by layer index, or -1 - patch index for a patch; in the order first met.
  const grounds = new Map<number, Ground>();
  const shown: Shown = { top: -1, rgb: -1 };
  for (const box of boxes) {
    // Only the layers reaching into the box can show at its points (Blueprint Plans' drawing has dozens).
    const indexOf = layers.flatMap((l, i) => (reachesInto(l, box) ? [i] : []));
    const near = indexOf.map((i) => layers[i]!);
    const nx = Math.max(1, Math.min(400, Math.round(box.w / step)));
    const ny = Math.max(1, Math.min(120, Math.round(box.h / step)));
    for (let i = 0; i < nx; i++)
      for (let j = 0; j < ny; j++) {
        const x = box.x + ((i + 0.5) * box.w) / nx;
        const y = box.y + ((j + 0.5) * box.h) / ny;
        shownAt(near, x, y, rasterOf, shown);
        if (shown.top < 0 || shown.rgb < 0) continue;
        const top = indexOf[shown.top]!;
        const layer = layers[top]!;
        const backdrop = layer.box.w * layer.box.h >= BACKDROP * size.w * size.h;
        const patch = backdrop
          ? patches.findIndex((p) => x >= p.x && x <= p.x + p.w && y >= p.y && y <= p.y + p.h)
          : -1;
        const key = patch >= 0 ? -1 - patch : top;
        let g = grounds.get(key);
        if (!g) {
          // Art thinner than THIN is a stroke, judged where the letters are (`thinStrokes`), as placement has it.
          const thin = Math.min(layer.box.w, layer.box.h) < THIN;
          const art = patch >= 0 || (top < template && !backdrop && !thin);
          grounds.set(key, (g = { art, count: 0, rgb: [0, 0, 0], box: patch >= 0 ? patches[patch]! : layer.box }));
        }
        g.rgb[0] += (shown.rgb >> 16) & 255;
        g.rgb[1] += (shown.rgb >> 8) & 255;
        g.rgb[2] += shown.rgb & 255;
        g.count++;
      }
  }
  const least = Math.max(2, Math.round(LEAST * (STEP / step) ** 2));
  return [...grounds.values()].filter((g) => g.count >= least);
}

const meets = (a: Box, b: Box): boolean => a.x <= b.x + b.w && a.x + a.w >= b.x && a.y <= b.y + b.h && a.y + a.h >= b.y;

/**
 * The template's art a text whose letters lie in `boxes` runs onto: of the pieces of art under
 * them that another ground of a visibly other colour shares the letters with, the one under the
 * fewest; undefined where there is none. The build asks it too, and gives such a text a panel
 * (template/legible-colors.ts).
 */
export function artRunOnto(boxes: Box[], beneath: Beneath): Box | undefined {
  const { layers, template, patches, size } = beneath;
  if (!boxes.some((box) => mayCrossArt(box, layers.slice(0, template), patches, size))) return undefined;
  const grounds = groundsUnder(boxes, beneath);
  return grounds
    .filter((g) => g.art && grounds.some((o) => o !== g && distance(g, o)))
    .sort((a, b) => a.count - b.count)[0]?.box;
}

/**
 * Whether any point of `box` can be art: inside a patch, or on a template layer that is no
 * backdrop (as `groundsUnder` tells them; `covers` takes closed boxes). When none meets the
 * text's box, no ground under it is art and sampling it (up to 48,000 points) can find nothing:
 * the built-in design's every text box was sampled for nothing (issue #27, watch rebuilds).
 */
function mayCrossArt(box: Box, template: Layer[], patches: Box[], size: { w: number; h: number }): boolean {
  if (patches.some((p) => meets(p, box))) return true;
  return template.some((l) => l.box.w * l.box.h < BACKDROP * size.w * size.h && meets(l.box, box));
}

/** A stroke crossing this much (inches) of a text's lines strikes through letters, not past a corner. */
const STRUCK = 0.1;
/** The share of a line's height above its capitals (leading and ascender room). */
const CAP_TOP = 0.18;

/**
 * The template's line art striking through the text's lines, as the box of the shape that draws it.
 * `own`: the slide's shapes under the text; the template's lines lie under them (a panel hides
 * Progress' grey outline along its band's diagonal edge, as it hides the band).
 */
function strokeThrough(
  box: Box,
  strokes: StrokeSegment[],
  layers: Layer[],
  own: Layer[],
  rasterOf: RasterOf,
): Box | undefined {
  const shown: Shown = { top: -1, rgb: -1 };
  for (const s of strokes) {
    // A segment wholly to one side of the line's box crosses none of it (clipped would say so, slower).
    if (Math.max(s.from[0], s.to[0]) < box.x || Math.min(s.from[0], s.to[0]) > box.x + box.w) continue;
    if (Math.max(s.from[1], s.to[1]) < box.y || Math.min(s.from[1], s.to[1]) > box.y + box.h) continue;
    const part = clipped(s, box);
    if (!part || part.length < STRUCK) continue;
    shownAt(own, part.mid[0], part.mid[1], rasterOf, shown);
    if (shown.top >= 0) continue;
    // A line in the colour of the ground it crosses draws nothing there.
    const ground = colorAt(layers, part.mid[0], part.mid[1], rasterOf);
    if (ground === undefined || different(rgbOf(ground), rgbOf(s.color))) return s.box;
  }
  return undefined;
}

/**
 * The template's filled art thinner than THIN (a rule, a hairline bar: impress' green accent) as
 * a stroke along its length: placement does not keep text off it, and it strikes through
 * letters only where it crosses their capitals (`letterBoxes` by line), as a line shape does.
 */
function thinStrokes(layers: Layer[], size: { w: number; h: number }): StrokeSegment[] {
  return layers.slice(1).flatMap((l): StrokeSegment[] => {
    const { x, y, w, h } = l.box;
    if (Math.min(w, h) >= THIN || w * h >= BACKDROP * size.w * size.h || l.paint.kind !== 'solid') return [];
    const along = w >= h;
    const from: [number, number] = along ? [x, y + h / 2] : [x + w / 2, y];
    const to: [number, number] = along ? [x + w, y + h / 2] : [x + w / 2, y + h];
    return [{ from, to, width: Math.min(w, h), color: l.paint.color, box: l.box }];
  });
}

/** The layers without the thin ones: the ground a thin stroke is drawn on (its own fill would hide it). */
const unruled = (layers: Layer[]) => layers.filter((l) => Math.min(l.box.w, l.box.h) >= THIN);

/** LibreOffice sets lines up to ~5 % taller than measured (a tick just under a last line is on it). */
export const LETTERS_TALLER = 1.05;

/**
 * Where the text's lines are drawn down the frame: contrast.ts's box, as tall as the measured
 * lines (+10 %: LibreOffice sets some lines taller) placed by the frame's anchor, so art below
 * a short list's last line is not under it.
 */
function linesBox(e: ShapeModel, slack = 1.1): Box | undefined {
  const box = textBox(e);
  if (!box || !e.text) return box;
  const h = Math.min(box.h, measureFrame(e.text, box.w).height * slack);
  const anchor = e.text.anchor ?? 't';
  const y = anchor === 't' ? box.y : anchor === 'b' ? box.y + box.h - h : box.y + (box.h - h) / 2;
  return { ...box, y, h };
}

/**
 * Where the letters are. `byLine` (for a thin stroke): each line as wide as its measured width
 * (+5 %, placed by its alignment), so a tick beside a short last line strikes nothing. Else
 * (for art a text runs onto) paragraph by paragraph: a one-line paragraph as its line, so art
 * beside a short heading is under no letter; a paragraph that wraps takes the frame's width (a
 * viewer setting the text in another face wraps it elsewhere: Nature_Illustration's last line
 * reached a tree the measured one stops short of). Heights as `linesBox`.
 */
function letterBoxes(e: ShapeModel, byLine: boolean): Box[] {
  const drawn = drawnBox(e);
  // A thin stroke is judged against the lines where the layout measured them, as placement does
  // (no 10 % slack moving a bottom-anchored title's first line up onto the rule above it).
  const lines = linesBox(e, byLine ? 1 : 1.1);
  if (!drawn || !lines || !e.text) return lines ? [lines] : [];
  const i = e.text.insets;
  const x = drawn.x + (i?.left ?? 0);
  const w = Math.max(0.01, drawn.w - (i?.left ?? 0) - (i?.right ?? 0));
  const laid = frameLines(e.text, w);
  const scale = LETTERS_TALLER;
  const boxes: Box[] = [];
  for (let n = 0; n < laid.length; n++) {
    const line = laid[n]!;
    let end = n;
    if (!byLine) while (laid[end + 1]?.paragraph === line.paragraph) end++;
    const last = laid[end]!;
    // A stroke strikes letters from their capitals down: the top of a line (its leading and the
    // room over the capitals, ~18 % of a line) holds no more than an accent, and a rule drawn
    // there (impress' green accent over its cover title) passes over the letters, as placement,
    // which keeps text off art of 0.1 in and more only, has it.
    const cap = byLine ? line.height * CAP_TOP : 0;
    const y = lines.y + line.top * scale + cap;
    // Not below the frame itself: a panel is fitted to the frame, and the text is set on it.
    const h = Math.min((last.top + last.height - line.top) * scale - cap, drawn.y + drawn.h - y);
    if (h <= 0) break;
    if (end > n || line.align === undefined) boxes.push({ x, y, w, h });
    else {
      const lw = Math.min(w - line.indent, line.width * 1.05);
      const free = w - line.indent - lw;
      const shift = line.align === 'right' ? free : line.align === 'center' ? free / 2 : 0;
      // From the bullet, which hangs in the indent (Vintage's bullets were the letters on its blots).
      boxes.push({ x: x + shift, y, w: line.indent + lw, h });
    }
    n = end;
  }
  return boxes;
}

/**
 * A text whose every run is highlighted is set on its highlights, a ground of its own, as a text
 * with its own fill is (Lights' plan slide's caption, its runs in dark 1 on their highlight over
 * the bokeh: `contrast` measures them on the highlight too).
 */
const onHighlights = (e: ShapeModel): boolean => {
  const runs = e.text?.paragraphs.flatMap((p) => p.runs.filter((r) => r.text.trim() !== '')) ?? [];
  return runs.length > 0 && runs.every((r) => r.highlight !== undefined);
};

function slideFindings(deck: DeckModel, slide: SlideModel, options: RuleOptions): Finding[] {
  if (!slide.backdrop) return [];
  const rasterOf = options.pictures ?? (() => undefined);
  const patches = pictureArt(slide.backdrop, deck.size, rasterOf);
  const strokes = [...artStrokes(slide.behind ?? []), ...thinStrokes(slide.backdrop, deck.size)];
  const media = mediaOf(deck.package, slide.part);
  const found: Finding[] = [];
  const shapes = new Set(textShapes(slide));
  slide.elements.forEach((e, index) => {
    if (e.kind !== 'shape' || !shapes.has(e as never) || typeof e.fill === 'string' || onHighlights(e)) return;
    const box = linesBox(e);
    if (!box) return;
    const crossesFill = mayCrossArt(box, slide.backdrop!, patches, deck.size);
    if (!crossesFill && !strokes.some((s) => clipped(s, box))) return;
    const own = layersOf(slide.elements.slice(0, index), media);
    const layers = [...slide.backdrop!, ...own];
    const lines = strokes.length > 0 ? letterBoxes(e, true) : [];
    const unstroked = lines.length > 0 ? unruled(layers) : layers;
    // Sampled where the letters are, line by line: art beside a short heading is under no letter.
    const art =
      (crossesFill
        ? artRunOnto(letterBoxes(e, false), {
            layers,
            template: slide.backdrop!.length,
            patches,
            size: deck.size,
            rasterOf,
          })
        : undefined) ??
      lines.map((l) => strokeThrough(l, strokes, unstroked, own, rasterOf)).find((b) => b !== undefined);
    if (!art) return;
    const { x, y, w, h } = art;
    const where = `${inches(x)}, ${inches(y)}, ${inches(w)} × ${inches(h)}`;
    found.push(finding('warning', RULE, slide.number, elementName(e), said('find.overArt', { where })));
  });
  return found;
}

/** Trappa's grounds laid where a text or the logos must stand on art (a panel, the logos' backing): the text rule's advice. */
const GROUND = /^(?:Panel \d+|Logo backing)$/;
/** Art thinner than this (inches) is a rule or a hairline: placement does not keep off it (template/legible-colors.ts). */
const THIN = 0.1;

const within = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.01 &&
  inner.y >= outer.y - 0.01 &&
  inner.x + inner.w <= outer.x + outer.w + 0.01 &&
  inner.y + inner.h <= outer.y + outer.h + 0.01;

/** How far two boxes overlap across and down (inches). */
const overlap = (a: Box, b: Box) => ({
  x: Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x),
  y: Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y),
});

/**
 * Trappa's own shapes that are no text on the ground (diagram boxes, panels of its slides, logos,
 * pictures) over the template's art (check/art-boxes.ts `artBoxes`, and the patches of
 * art inside its backdrop picture), by STEP or more both ways: a box across a band or a logo on
 * a wave is the design broken as surely as a text is. Not reported:
 * - grounds Trappa lays for a text or the logos (a legibility panel, the logos' backing) and what
 *   stands wholly on one: they are that remedy, not art crossed; the build warns where it had to
 *   put the logos on art (slides/cover-plan.ts);
 * - what placement laid over the art on purpose (`onPlan`).
 */
function shapeFindings(deck: DeckModel, slide: SlideModel, options: RuleOptions): Finding[] {
  if (!slide.backdrop) return [];
  const rasterOf = options.pictures ?? (() => undefined);
  const patches = pictureArt(slide.backdrop, deck.size, rasterOf);
  const shapes = artBoxes(slide.backdrop, deck.size, slide.places?.body, rasterOf);
  const art = [...shapes, ...patches];
  if (art.length === 0) return [];
  const plan = slide.places && layoutContentPlan(slide.places, deck.size, shapes, patches);
  // The free area under a mid-slide title, where placement offers it, is laid out on the same plan.
  const free = slide.places && plan && freeUnderTitle(slide.places, plan.area, deck.size, shapes, patches);
  const plans = [plan, free].filter((p): p is ContentPlan => p !== undefined);
  const grounds: Box[] = [];
  const over: { name: string; art: Box }[] = [];
  for (const e of slide.elements) {
    const box = drawnBox(e);
    if (!box) continue;
    if (GROUND.test(e.name)) {
      grounds.push(box);
      continue;
    }
    const own = e.kind === 'picture' || (e.kind === 'shape' && typeof e.fill === 'string' && !e.placeholder);
    if (!own || grounds.some((g) => within(box, g))) continue;
    const hit = art.find((a) => {
      const o = overlap(a, box);
      return o.x >= STEP && o.y >= STEP;
    });
    if (!hit || plans.some((p) => onPlan(e, box, p))) continue;
    over.push({ name: elementName(e), art: hit });
  }
  const where = (a: Box) => `${inches(a.x)}, ${inches(a.y)}, ${inches(a.w)} × ${inches(a.h)}`;
  // A diagram placed wholly off the plan is one thing to move, said once for the slide.
  if (over.length > PER_SHAPE) {
    const [first] = over;
    const values = { n: over.length, where: where(first!.art), first: first!.name };
    return [finding('warning', RULE, slide.number, first!.name, said('find.shapesOverArt', values))];
  }
  return over.map((o) =>
    finding('warning', RULE, slide.number, o.name, said('find.shapeOverArt', { where: where(o.art) })),
  );
}

/** Shapes over art on one slide reported one by one; more are one finding naming their count. */
const PER_SHAPE = 3;

/**
 * Whether placement laid `e` over the art on purpose: the slide's layout's content plan
 * (layout/content-area.ts `layoutContentPlan`, the function placement lays the content area
 * out with) leaves art under its area, where keeping off it would leave too little room
 * (Piano's keyboard and black top, Grey_Elegant's blocks), and `e` stands inside that area
 * painted so it reads on whatever is under it: a shape with its own opaque fill, or a picture.
 * The logos are not laid in the content area (template/logo-band.ts keeps them off the art or
 * gives them a backing) and a shape outside the area or see-through is placed off the plan.
 */
function onPlan(e: ElementModel, box: Box, plan: ContentPlan): boolean {
  if (plan.under.length === 0 || !within(box, plan.area)) return false;
  if (e.kind === 'picture') return !/^Logo /.test(e.name);
  return e.kind === 'shape' && e.paint?.kind === 'solid' && e.paint.alpha >= OPAQUE;
}

/** The alpha from which a shape's fill hides what is under it. */
const OPAQUE = 0.999;

export function checkTemplateArt(deck: DeckModel, options: RuleOptions): Finding[] {
  return deck.slides.flatMap((slide) => [
    ...slideFindings(deck, slide, options),
    ...shapeFindings(deck, slide, options),
  ]);
}
