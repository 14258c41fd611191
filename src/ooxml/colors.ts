/**
 * Colours as drawn: DrawingML colour elements resolved to hex through the theme's colour
 * scheme and the master's colour map (the contrast maths is in src/contrast.ts).
 */
import { withTransforms } from './color-transforms.js';
import { attr, child, children, path, type XmlElement } from './xml.js';

/**
 * Scheme colour name (`dk1`, `accent1`, and the mapped `tx1`, `bg1`, …) → hex; also the
 * theme fonts, `+mj-lt` and `+mn-lt` → typeface, so runs that name them are measured right.
 */
export type ColorScheme = Map<string, string>;

const PRESET: Record<string, string> = { black: '000000', white: 'FFFFFF' };
const SCHEME_SLOTS = ['dk1', 'lt1', 'dk2', 'lt2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6'];
const COLOR_ELEMENTS = new Set(['a:srgbClr', 'a:schemeClr', 'a:sysClr', 'a:prstClr', 'a:scrgbClr']);

/** The theme's `a:clrScheme`, with `tx1`/`bg1`/`tx2`/`bg2` mapped through the master's `p:clrMap`. */
export function readColorScheme(theme: XmlElement | undefined, master: XmlElement | undefined): ColorScheme {
  const scheme: ColorScheme = new Map();
  const clrScheme = path(theme, 'a:themeElements', 'a:clrScheme');
  for (const name of [...SCHEME_SLOTS, 'hlink', 'folHlink']) {
    const color = colorIn(child(clrScheme, `a:${name}`), scheme);
    if (color) scheme.set(name, color);
  }
  for (const [ref, qname] of [
    ['+mj-lt', 'a:majorFont'],
    ['+mn-lt', 'a:minorFont'],
  ] as const) {
    const face = attr(path(theme, 'a:themeElements', 'a:fontScheme', qname, 'a:latin'), 'typeface');
    if (face) scheme.set(ref, face);
  }
  const map = child(master, 'p:clrMap');
  const defaults: Record<string, string> = { bg1: 'lt1', tx1: 'dk1', bg2: 'lt2', tx2: 'dk2' };
  for (const [alias, fallback] of Object.entries(defaults)) {
    const color = scheme.get(attr(map, alias) ?? fallback);
    if (color) scheme.set(alias, color);
  }
  return scheme;
}

/**
 * The colour element among `container`'s children as hex, with its transforms (lumMod,
 * lumOff, tint, shade, satMod, …) applied as PowerPoint draws it (color-transforms.ts).
 */
export function colorIn(container: XmlElement | undefined, scheme: ColorScheme): string | undefined {
  const color = children(container).find((c) => COLOR_ELEMENTS.has(c.name));
  if (!color) return undefined;
  const base = baseColor(color, scheme);
  return base === undefined ? undefined : withTransforms(base, color);
}

function baseColor(color: XmlElement, scheme: ColorScheme): string | undefined {
  switch (color.name) {
    case 'a:srgbClr':
      return normalizeHex(attr(color, 'val'));
    case 'a:schemeClr':
      return scheme.get(attr(color, 'val') ?? '');
    case 'a:sysClr':
      return normalizeHex(attr(color, 'lastClr')) ?? (attr(color, 'val') === 'window' ? 'FFFFFF' : '000000');
    case 'a:prstClr':
      return PRESET[attr(color, 'val') ?? ''];
    default: {
      const pct = (name: string): number => Math.round((255 * (Number(attr(color, name)) || 0)) / 100000);
      return [pct('r'), pct('g'), pct('b')]
        .map((c) => c.toString(16).padStart(2, '0'))
        .join('')
        .toUpperCase();
    }
  }
}

function normalizeHex(value: string | undefined): string | undefined {
  return value && /^[0-9a-fA-F]{6}$/.test(value) ? value.toUpperCase() : undefined;
}

const FILLS = new Set(['a:noFill', 'a:solidFill', 'a:gradFill', 'a:blipFill', 'a:pattFill', 'a:grpFill']);

/**
 * The fill among a properties element's children (`p:spPr`, `a:tcPr`, `p:bgPr`):
 * hex for a solid fill, `null` for `a:noFill` or no fill at all,
 * undefined for a fill with no single colour (gradient, picture, pattern, group).
 * Only direct children count: an outline's fill (`a:ln/a:solidFill`) is not the shape's.
 */
export function fillIn(properties: XmlElement | undefined, scheme: ColorScheme): string | null | undefined {
  const fill = children(properties).find((c) => FILLS.has(c.name));
  if (!fill || fill.name === 'a:noFill') return null;
  if (fill.name === 'a:solidFill') return colorIn(fill, scheme) ?? undefined;
  return undefined;
}

/** The `a:solidFill` colour of a run's properties (not its outline's or highlight's). */
export function runColor(rPr: XmlElement | undefined, scheme: ColorScheme): string | undefined {
  return colorIn(child(rPr, 'a:solidFill'), scheme);
}

export function runHighlight(rPr: XmlElement | undefined, scheme: ColorScheme): string | undefined {
  return colorIn(child(rPr, 'a:highlight'), scheme);
}
