/**
 * Colours as drawn: DrawingML colour elements resolved to hex through the theme's colour
 * scheme and the master's colour map, and WCAG 2.1 contrast between two of them.
 */
import { attr, element, elements, without } from './xml.js';

/**
 * Scheme colour name (`dk1`, `accent1`, and the mapped `tx1`, `bg1`, …) → hex; also the
 * theme fonts, `+mj-lt` and `+mn-lt` → typeface, so runs that name them are measured right.
 */
export type ColorScheme = Map<string, string>;

const PRESET: Record<string, string> = { black: '000000', white: 'FFFFFF' };

/** The theme's `a:clrScheme`, with `tx1`/`bg1`/`tx2`/`bg2` mapped through the master's `p:clrMap`. */
export function readColorScheme(themeXml: string, masterXml: string): ColorScheme {
  const scheme: ColorScheme = new Map();
  const clrScheme = element(themeXml, 'a:clrScheme')?.inner ?? '';
  for (const name of ['dk1', 'lt1', 'dk2', 'lt2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink']) {
    const color = colorIn(element(clrScheme, `a:${name}`)?.inner ?? '', scheme);
    if (color) scheme.set(name, color);
  }
  for (const [ref, qname] of [['+mj-lt', 'a:majorFont'], ['+mn-lt', 'a:minorFont']] as const) {
    const face = attr(element(element(themeXml, qname)?.inner ?? '', 'a:latin')?.attributes ?? '', 'typeface');
    if (face) scheme.set(ref, face);
  }
  const map = element(masterXml, 'p:clrMap')?.attributes ?? '';
  const defaults: Record<string, string> = { bg1: 'lt1', tx1: 'dk1', bg2: 'lt2', tx2: 'dk2' };
  for (const [alias, fallback] of Object.entries(defaults)) {
    const color = scheme.get(attr(map, alias) ?? fallback);
    if (color) scheme.set(alias, color);
  }
  return scheme;
}

/** The first colour element in `xml` as hex (modifiers such as lumMod are not applied). */
export function colorIn(xml: string, scheme: ColorScheme): string | undefined {
  const m = /<a:(srgbClr|schemeClr|sysClr|prstClr|scrgbClr)\b([^>]*?)\/?>/.exec(xml);
  if (!m) return undefined;
  const attributes = m[2] ?? '';
  switch (m[1]) {
    case 'srgbClr':
      return normalizeHex(attr(attributes, 'val'));
    case 'schemeClr':
      return scheme.get(attr(attributes, 'val') ?? '');
    case 'sysClr':
      return normalizeHex(attr(attributes, 'lastClr')) ?? (attr(attributes, 'val') === 'window' ? 'FFFFFF' : '000000');
    case 'prstClr':
      return PRESET[attr(attributes, 'val') ?? ''];
    default: {
      const pct = (name: string): number => Math.round((255 * (Number(attr(attributes, name)) || 0)) / 100000);
      return [pct('r'), pct('g'), pct('b')].map((c) => c.toString(16).padStart(2, '0')).join('').toUpperCase();
    }
  }
}

function normalizeHex(value: string | undefined): string | undefined {
  return value && /^[0-9a-fA-F]{6}$/.test(value) ? value.toUpperCase() : undefined;
}

const OUTLINES = ['a:ln', 'a:lnL', 'a:lnR', 'a:lnT', 'a:lnB', 'a:lnTlToBr', 'a:lnBlToTr', 'a:effectLst', 'a:extLst', 'a:highlight'];

/**
 * The fill among a properties element's children (`p:spPr`, `a:tcPr`, `p:bgPr`):
 * hex for a solid fill, `null` for `a:noFill` or no fill at all,
 * undefined for a fill with no single colour (gradient, picture, pattern, group).
 */
export function fillIn(propertiesXml: string, scheme: ColorScheme): string | null | undefined {
  const own = without(propertiesXml, OUTLINES);
  const m = /<a:(noFill|solidFill|gradFill|blipFill|pattFill|grpFill)\b/.exec(own);
  if (!m) return null;
  if (m[1] === 'noFill') return null;
  if (m[1] === 'solidFill') return colorIn(own.slice(m.index), scheme) ?? undefined;
  return undefined;
}

/** The `a:solidFill` colour of a run's properties (not its outline's or highlight's). */
export function runColor(rPrInner: string, scheme: ColorScheme): string | undefined {
  const fill = element(without(rPrInner, OUTLINES), 'a:solidFill');
  return fill ? colorIn(fill.inner, scheme) : undefined;
}

export function runHighlight(rPrInner: string, scheme: ColorScheme): string | undefined {
  const highlight = elements(rPrInner, 'a:highlight')[0];
  return highlight ? colorIn(highlight.inner, scheme) : undefined;
}

const luminances = new Map<string, number>();

/** WCAG 2.1 relative luminance of a hex colour. */
export function relativeLuminance(hex: string): number {
  let luminance = luminances.get(hex);
  if (luminance === undefined) luminances.set(hex, (luminance = computeLuminance(hex)));
  return luminance;
}

function computeLuminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** WCAG 2.1 contrast ratio, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
