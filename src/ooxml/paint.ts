/**
 * How an area is painted, as far as legibility needs to know: a solid colour (with its
 * alpha), a gradient's stops and direction, or a picture (its relationship id and crop).
 * `fillIn` (colors.ts) answers "which one colour"; this answers "what is drawn there",
 * so a full-slide gradient or a picture background can be sampled under a text box.
 */
import { colorIn, type ColorScheme } from './colors.js';
import { attr, child, children, numberAttr, path, type XmlElement } from './xml.js';

interface GradientStop {
  /** 0…1 along the gradient. */
  pos: number;
  color: string;
  alpha: number;
}

export type Paint =
  | { kind: 'solid'; color: string; alpha: number }
  /** `angle` in degrees clockwise from the x axis (`a:lin`); undefined for a path gradient (`a:path`). */
  | { kind: 'gradient'; stops: GradientStop[]; angle?: number }
  /** `crop`: `a:srcRect`'s left, top, right, bottom shares of the picture left out. */
  | { kind: 'picture'; embed: string; crop: [number, number, number, number] }
  /** A pattern, or a fill that names a colour we cannot read. */
  | { kind: 'unknown' };

const FILLS = new Set(['a:noFill', 'a:solidFill', 'a:gradFill', 'a:blipFill', 'a:pattFill', 'a:grpFill']);

/** A colour element's opacity (1 = opaque): its `a:alpha`, `a:alphaMod` and `a:alphaOff` in order. */
function alphaOf(container: XmlElement | undefined): number {
  const color = children(container).find((c) => c.name !== 'a:alpha' && c.name.startsWith('a:'));
  let alpha = 1;
  for (const t of children(color)) {
    const v = (numberAttr(t, 'val') ?? 0) / 100000;
    if (t.name === 'a:alpha') alpha = v;
    else if (t.name === 'a:alphaMod') alpha *= v;
    else if (t.name === 'a:alphaOff') alpha += v;
    alpha = Math.max(0, Math.min(1, alpha));
  }
  return alpha;
}

function gradient(fill: XmlElement, scheme: ColorScheme): Paint {
  const stops = children(child(fill, 'a:gsLst'), 'a:gs')
    .map((gs) => ({ pos: (numberAttr(gs, 'pos') ?? 0) / 100000, color: colorIn(gs, scheme), alpha: alphaOf(gs) }))
    .filter((s): s is GradientStop => s.color !== undefined)
    .sort((a, b) => a.pos - b.pos);
  if (stops.length === 0) return { kind: 'unknown' };
  const lin = child(fill, 'a:lin');
  return lin ? { kind: 'gradient', stops, angle: (numberAttr(lin, 'ang') ?? 0) / 60000 } : { kind: 'gradient', stops };
}

/** A `a:blipFill` (or a picture's `p:blipFill`) as a paint. */
export function blipPaint(fill: XmlElement): Paint {
  const embed = attr(child(fill, 'a:blip'), 'r:embed');
  if (!embed) return { kind: 'unknown' };
  const rect = child(fill, 'a:srcRect');
  const share = (name: string) => (numberAttr(rect, name) ?? 0) / 100000;
  return { kind: 'picture', embed, crop: [share('l'), share('t'), share('r'), share('b')] };
}

/** The fill among `properties`' direct children (`p:spPr`, `p:bgPr`); null for none or `a:noFill`. */
export function paintIn(properties: XmlElement | undefined, scheme: ColorScheme): Paint | null {
  const fill = children(properties).find((c) => FILLS.has(c.name));
  if (!fill || fill.name === 'a:noFill') return null;
  if (fill.name === 'a:solidFill') {
    const color = colorIn(fill, scheme);
    return color ? { kind: 'solid', color, alpha: alphaOf(fill) } : { kind: 'unknown' };
  }
  if (fill.name === 'a:gradFill') return gradient(fill, scheme);
  if (fill.name === 'a:blipFill') return blipPaint(fill);
  return { kind: 'unknown' };
}

/**
 * A part's `p:cSld/p:bg`: its `p:bgPr` fill, or the theme's background fill style a `p:bgRef`
 * names (index 1001 and up; its `phClr` is the reference's colour), else the reference's
 * colour. Undefined when the part has no background of its own.
 */
export function backgroundPaint(
  root: XmlElement | undefined,
  scheme: ColorScheme,
  theme: XmlElement | undefined,
): Paint | null | undefined {
  const bg = path(root, 'p:cSld', 'p:bg');
  if (!bg) return undefined;
  const bgPr = child(bg, 'p:bgPr');
  if (bgPr) return paintIn(bgPr, scheme);
  const ref = child(bg, 'p:bgRef');
  const own = colorIn(ref, scheme);
  const idx = numberAttr(ref, 'idx') ?? 0;
  if (idx > 1000) {
    const styles = children(path(theme, 'a:themeElements', 'a:fmtScheme', 'a:bgFillStyleLst'));
    const style = styles[idx - 1001];
    if (style) {
      const withPlaceholder: ColorScheme = new Map(scheme);
      if (own) withPlaceholder.set('phClr', own);
      const wrapper: XmlElement = { name: 'p:bgPr', attributes: {}, children: [style] } as XmlElement;
      return paintIn(wrapper, withPlaceholder);
    }
  }
  return own ? { kind: 'solid', color: own, alpha: 1 } : { kind: 'unknown' };
}
