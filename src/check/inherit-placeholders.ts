/**
 * What a slide's placeholder inherits from its layout and master (ECMA-376 §19.3.1.36):
 * its box when it has no `a:xfrm` of its own, and the colour of runs that name none (the
 * placeholder's list style, the layout's and master's placeholder of its kind, the master's
 * title or body text style), and in the same way the alignment of paragraphs that write none.
 * Also how close the template's own placeholders come to each edge of the slide: Trappa may
 * place text as close as the template's designer did.
 */
import type { Box, Insets } from '../layout/types.js';
import { type BodyPlaces, union } from '../layout/content-area.js';
import { attr, child, descendants, numberAttr, path, type XmlElement } from '../ooxml/xml.js';
import { colorIn, type ColorScheme } from '../ooxml/colors.js';
import { EMU_PER_INCH } from '../units.js';
import { ALIGNMENTS, DEFAULT_INSETS } from './read-text.js';
import type { ShapeModel, TextFrame } from './types.js';

interface Placeholder {
  type: string;
  idx?: string;
  box?: Box;
  color?: string;
  /** `a:lstStyle/a:lvl1pPr/@algn`. */
  align?: string;
}

function boxOf(sp: XmlElement): Box | undefined {
  const xfrm = path(sp, 'p:spPr', 'a:xfrm');
  if (!xfrm) return undefined;
  const inch = (e: XmlElement | undefined, n: string) => (numberAttr(e, n) ?? 0) / EMU_PER_INCH;
  const off = child(xfrm, 'a:off');
  const ext = child(xfrm, 'a:ext');
  return { x: inch(off, 'x'), y: inch(off, 'y'), w: inch(ext, 'cx'), h: inch(ext, 'cy') };
}

/** The first level's run colour of a list style (`a:lvl1pPr/a:defRPr`). */
function levelColor(list: XmlElement | undefined, scheme: ColorScheme): string | undefined {
  return colorIn(path(list, 'a:lvl1pPr', 'a:defRPr', 'a:solidFill'), scheme);
}

/**
 * A part's placeholders by its parsed tree and colour scheme: every slide asks for its layout's
 * and master's, and a template's master is large (Yellow Idea's are ~100 KB of XML each, walked
 * whole for each of a deck's slides). Boxes are handed out as copies (`inheritance`), so a
 * caller that moves one never moves the cached one.
 */
const placeholdersOf = new WeakMap<XmlElement, WeakMap<ColorScheme, Placeholder[]>>();

function placeholders(root: XmlElement | undefined, scheme: ColorScheme): Placeholder[] {
  if (!root) return [];
  let byScheme = placeholdersOf.get(root);
  if (!byScheme) placeholdersOf.set(root, (byScheme = new WeakMap()));
  let found = byScheme.get(scheme);
  if (!found) byScheme.set(scheme, (found = readPlaceholders(root, scheme)));
  return found;
}

function readPlaceholders(root: XmlElement, scheme: ColorScheme): Placeholder[] {
  return descendants(path(root, 'p:cSld', 'p:spTree'), 'p:sp').flatMap((sp) => {
    const ph = path(sp, 'p:nvSpPr', 'p:nvPr', 'p:ph');
    if (!ph) return [];
    const idx = attr(ph, 'idx');
    const box = boxOf(sp);
    const color = levelColor(path(sp, 'p:txBody', 'a:lstStyle'), scheme);
    const align = attr(path(sp, 'p:txBody', 'a:lstStyle', 'a:lvl1pPr'), 'algn');
    return [
      {
        type: attr(ph, 'type') ?? 'obj',
        ...(idx ? { idx } : {}),
        ...(box ? { box } : {}),
        ...(color ? { color } : {}),
        ...(align ? { align } : {}),
      },
    ];
  });
}

const kind = (type: string) =>
  type === 'ctrTitle' || type === 'title'
    ? 'title'
    : type === 'obj' || type === 'subTitle' || type === 'body'
      ? 'body'
      : type;

/** The layout's placeholder this one takes after: same idx, else same kind (as PowerPoint matches them). */
function match(list: Placeholder[], type: string, idx: string | undefined, byKind: boolean): Placeholder | undefined {
  return (
    (idx !== undefined ? list.find((p) => p.idx === idx) : undefined) ??
    list.find((p) => p.type === type) ??
    (byKind ? list.find((p) => kind(p.type) === kind(type)) : undefined)
  );
}

export interface Inheritance {
  /** Fills in boxes and inherited text colours of `shapes` (a slide's placeholders). */
  apply(shapes: ShapeModel[]): void;
  /** How close the layout's own text placeholders come to each edge, in inches. */
  margins: { left: number; top: number; right: number; bottom: number };
  /** The colour a run that names none gets in the placeholder `type`/`idx`, and the placeholder's box. */
  placeholder(type: string, idx?: string): { color?: string; box?: Box; align?: string };
  /**
   * The layout's places as placement reads a content layout's (layout/content-area.ts
   * `BodyPlaces`: its body places' union, its title and its footer places), and how many body
   * places it has (0: a title-only or blank layout, read-deck.ts then takes the content layout's)
   * and whether it is a cover's (a centred title or a subtitle).
   * `master`: the master's body place where the layout has none.
   */
  places(master?: boolean): { places?: BodyPlaces; bodies: number; cover: boolean };
}

export function inheritance(
  layout: XmlElement | undefined,
  master: XmlElement | undefined,
  scheme: ColorScheme,
  size: { w: number; h: number },
): Inheritance {
  const own = placeholders(layout, scheme);
  const top = placeholders(master, scheme);
  const styles = path(master, 'p:txStyles');
  const style = (type: string) =>
    child(styles, kind(type) === 'title' ? 'p:titleStyle' : kind(type) === 'body' ? 'p:bodyStyle' : 'p:otherStyle');
  const styleColor = (type: string) => levelColor(style(type), scheme);
  const margins = { left: Infinity, top: Infinity, right: Infinity, bottom: Infinity };
  // A layout without a title place (a template that keeps one only on its cover) has its slides'
  // titles where PowerPoint adds one, and Trappa sets them: in the master's title place.
  const masterTitle = own.some((p) => kind(p.type) === 'title') ? [] : top.filter((p) => p.type === 'title');
  for (const p of [...own, ...masterTitle]) {
    const box = p.box ?? match(top, p.type, undefined, true)?.box;
    if (!box || !['title', 'body'].includes(kind(p.type))) continue;
    margins.left = Math.min(margins.left, box.x);
    margins.top = Math.min(margins.top, box.y);
    margins.right = Math.min(margins.right, size.w - box.x - box.w);
    margins.bottom = Math.min(margins.bottom, size.h - box.y - box.h);
  }
  const placeholder = (type: string, idx?: string) => {
    const fromLayout = match(own, type, idx, false);
    const fromMaster = match(top, fromLayout?.type ?? type, undefined, true);
    const found = fromLayout?.box ?? fromMaster?.box;
    const box = found && { ...found };
    const color = fromLayout?.color ?? fromMaster?.color ?? styleColor(type);
    const align = fromLayout?.align ?? fromMaster?.align ?? attr(path(style(type), 'a:lvl1pPr'), 'algn') ?? 'l';
    return { ...(box ? { box } : {}), ...(color ? { color } : {}), align };
  };
  const boxOf = (p: Placeholder) => p.box ?? match(top, p.type, undefined, true)?.box;
  const boxes = (list: Placeholder[], types: string[]) =>
    list.flatMap((p) => (types.includes(p.type) && boxOf(p) ? [boxOf(p)!] : []));
  return {
    margins,
    placeholder,
    places(master = false) {
      const bodies = boxes(own, BODY);
      const body = union(bodies.length > 0 || !master ? bodies : boxes(top, BODY).slice(0, 1));
      const title = boxes(own, ['title'])[0];
      const footers = boxes(own, ['ftr', 'sldNum', 'dt']);
      const cover = own.some((p) => p.type === 'ctrTitle' || p.type === 'subTitle');
      return {
        bodies: bodies.length,
        cover,
        ...(body ? { places: { body, footers, ...(title ? { title } : {}) } } : {}),
      };
    },
    apply(shapes) {
      for (const shape of shapes) {
        if (!shape.placeholder) continue;
        const { box, color, align } = placeholder(shape.placeholder, shape.placeholderIdx);
        if (!shape.box && box) {
          shape.box = shape.text ? placedText(box, shape.text) : box;
          shape.inheritedBox = true;
        }
        if (color && shape.text) shape.textColor = color;
        for (const p of shape.text?.paragraphs ?? []) if (p.inheritsAlign) p.align = ALIGNMENTS[align];
      }
    },
  };
}

/** The types of a body place (`obj`: a placeholder without a type). */
const BODY = ['obj', 'body'];

/**
 * A placeholder that inherits a larger box and stands its text in from the box's sides by
 * insets larger than OOXML's defaults (Trappa's text kept off the template's art inside the
 * layout's place, pptx/slot-plan.ts) is checked as the frame its insets leave: the box less
 * each inset's excess over the default, with the default insets. Its text is drawn there.
 */
function placedText(box: Box, text: TextFrame): Box {
  const excess = (side: keyof Insets) => Math.max(0, text.insets[side] - DEFAULT_INSETS[side]);
  const [l, t, r, b] = (['left', 'top', 'right', 'bottom'] as const).map(excess) as [number, number, number, number];
  if (l + t + r + b === 0) return box;
  for (const side of ['left', 'top', 'right', 'bottom'] as const) text.insets[side] -= excess(side);
  return { x: box.x + l, y: box.y + t, w: Math.max(0.01, box.w - l - r), h: Math.max(0.01, box.h - t - b) };
}
