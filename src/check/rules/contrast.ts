/**
 * `contrast`: text colour against what it is drawn on, WCAG 2.1 AA (success criterion 1.4.3):
 * at least 4.5:1, or 3:1 for large text (≥ 18 pt, or ≥ 14 pt bold).
 * The background is, in this order: the run's highlight, the table cell's or shape's own
 * fill, else what is painted under the whole text where it is drawn (check/backdrop.ts: the slide's
 * background, the template's art and the slide's shapes below the text, gradients evaluated
 * and the template's pictures sampled), measured at its darkest and its lightest point.
 * Text over a picture that could not be decoded gets a warning.
 */
import { contrastRatio } from '../../contrast.js';
import { DEFAULT_SIZE_PT, measureFrame } from '../measure-frame.js';
import { lineSpan, sharedAlignment } from '../../layout/line-span.js';
import { ptToInch } from '../../units.js';
import type { Box } from '../../layout/types.js';
import { layersOf, under } from '../backdrop.js';
import { mediaOf } from '../read-deck.js';
import type { DeckModel, ElementModel, Finding, RuleOptions, ShapeModel, SlideModel, TextFrame } from '../types.js';
import { cellLabel, contains, elementName, finding, quote, textShapes, visibleRuns } from './elements.js';
import { drawnBox } from './slide-geometry.js';

const RULE = 'contrast';

const requiredContrast = (size: number, bold: boolean): number => (size >= 18 || (bold && size >= 14) ? 3 : 4.5);

interface Worst {
  ratio: number;
  required: number;
  text: string;
  color: string;
  background: string;
}

/** The run with the least margin over its required ratio, if any falls short; `backgrounds`: the extremes under it. */
function worstRun(frame: TextFrame, backgrounds: string | string[], textDefault: string): Worst | undefined {
  let worst: Worst | undefined;
  const all = typeof backgrounds === 'string' ? [backgrounds] : backgrounds;
  for (const run of visibleRuns(frame)) {
    const color = run.color ?? textDefault;
    const behind = run.highlight ?? all.reduce((a, b) => (contrastRatio(color, b) < contrastRatio(color, a) ? b : a));
    const ratio = contrastRatio(color, behind);
    const required = requiredContrast((run.size ?? DEFAULT_SIZE_PT) * frame.fontScale, run.bold);
    if (ratio < required - 1e-9 && (!worst || ratio / required < worst.ratio / worst.required)) {
      worst = { ratio, required, text: run.text, color, background: behind };
    }
  }
  return worst;
}

/**
 * What lies under element `index`: a filled shape's colour (the slide's own shapes, then the
 * template's art from the layout and master), `undefined` when unknown (picture, gradient).
 */
function backdrop(slide: SlideModel, index: number): string | undefined {
  const self = slide.elements[index];
  if (!self?.box) return slide.backgroundUnknown ? undefined : slide.background;
  const cx = self.box.x + self.box.w / 2;
  const cy = self.box.y + self.box.h / 2;
  const under = [...(slide.behind ?? []), ...slide.elements.slice(0, index)];
  for (let i = under.length - 1; i >= 0; i--) {
    const e: ElementModel | undefined = under[i];
    if (!e?.box || !contains(e.box, cx, cy)) continue;
    if (e.kind === 'picture') return undefined;
    if (e.kind === 'shape' && e.fill !== null) return e.fill;
  }
  return slide.backgroundUnknown ? undefined : slide.background;
}

/**
 * The text's box inside its insets, where the text is drawn: a frame without a fill holds its
 * text only where its anchor puts it (a list at the top of a template's taller slot), and only
 * as wide as its lines where its paragraphs say how they are aligned and none wraps (a right-aligned slide number).
 */
export function textBox(e: ShapeModel): Box | undefined {
  const box = drawnBox(e);
  if (!box) return undefined;
  const i = e.text?.insets;
  if (!i || !e.text) return box;
  const w = Math.max(0.01, box.w - i.left - i.right);
  const h = Math.max(0.01, box.h - i.top - i.bottom);
  const inner = { x: box.x + i.left, y: box.y + i.top, w, h };
  if (e.fill !== null) return inner;
  // Only lines that do not wrap: a renderer may wrap a longer paragraph otherwise, anywhere across the frame.
  const measure = measureFrame(e.text, w);
  if (measure.wraps) return inner;
  return lineSpan(inner, ptToInch(measure.widest), sharedAlignment(e.text.paragraphs.map((p) => p.align)));
}

/**
 * The darkest and lightest colours painted under the text's whole box, and whether part of it
 * is a picture that could not be read; undefined when the slide has no backdrop model.
 */
function underText(deck: DeckModel, slide: SlideModel, index: number, options: RuleOptions) {
  const self = slide.elements[index];
  const box = self?.kind === 'shape' ? textBox(self) : undefined;
  if (!slide.backdrop || !box) return undefined;
  const layers = [...slide.backdrop, ...layersOf(slide.elements.slice(0, index), mediaOf(deck.package, slide.part))];
  if (self?.kind === 'shape' && self.paint && self.fill === undefined)
    layers.push(...layersOf([self], mediaOf(deck.package, slide.part)));
  return { found: under(layers, box, options.pictures ?? (() => undefined)) };
}

const describe = (w: Worst): string =>
  `contrast ${w.ratio.toFixed(2)}:1 (text ${w.color} on ${w.background}, ${quote(w.text)}) is below ${w.required}:1`;

export function checkContrast(deck: DeckModel, options: RuleOptions): Finding[] {
  const found: Finding[] = [];
  for (const slide of deck.slides) {
    const shapes = new Set<ElementModel>(textShapes(slide));
    slide.elements.forEach((e, index) => {
      const name = elementName(e);
      if (e.kind === 'shape' && shapes.has(e) && e.text) {
        const sampled = typeof e.fill === 'string' ? undefined : underText(deck, slide, index, options);
        const background = typeof e.fill === 'string' ? e.fill : sampled ? sampled.found : backdrop(slide, index);
        if (background === undefined || (typeof background === 'object' && background.unknown > 0)) {
          const message = 'text lies over a picture or gradient; check its contrast by eye';
          found.push(finding('warning', RULE, slide.number, name, message));
          if (background === undefined) return;
        }
        const behind = typeof background === 'string' ? background : [background.darkest, background.lightest];
        const worst = worstRun(e.text, behind, e.textColor ?? slide.textColor);
        if (worst) found.push(finding('error', RULE, slide.number, name, describe(worst)));
      } else if (e.kind === 'table') {
        const under = backdrop(slide, index);
        for (const [r, row] of e.rows.entries()) {
          for (const [c, cell] of row.cells.entries()) {
            const background = cell.fill ?? under;
            if (background === undefined || cell.merged) continue;
            const worst = worstRun(cell.text, background, slide.textColor);
            if (worst) {
              found.push(finding('error', RULE, slide.number, name, `${cellLabel(r, c)}: ${describe(worst)}`));
              return;
            }
          }
        }
      }
    });
  }
  return found;
}
