/**
 * Master-set parts → what the finishing stage and the layout stage need to know:
 * the layouts with their names and placeholders (type, idx, box), the first master's
 * theme colours and fonts. Used for the built-in design and for templates alike.
 */
import { readColorScheme } from '../ooxml/colors.js';
import { parsedText, relsPartOf, resolvePart } from '../ooxml/package.js';
import { textOfBytes } from '../ooxml/part-text.js';
import { attr, child, children, descendants, numberAttr, path, XmlSyntaxError, type XmlElement } from '../ooxml/xml.js';
import type { Box } from '../layout/types.js';
import type { LayoutInfo, MasterSet, PlaceholderInfo } from '../pptx/master-set.js';
import { EMU_PER_INCH } from '../units.js';

export type PartMap = Map<string, Uint8Array>;

/** Trees by the part's bytes, as texts are (ooxml/part-text.ts). */
const roots = new WeakMap<Uint8Array, XmlElement | undefined>();

export function partText(parts: PartMap, name: string): string {
  const data = parts.get(name);
  return data ? textOfBytes(data) : '';
}

/** The .rels part of `name` (one rule for every reader: ooxml/package.ts). */
export const relsOf = relsPartOf;

/**
 * A part's root element; undefined when the part is missing or not XML. Parsed once per
 * process (ooxml/package.ts's shared trees): every deck of a build asks for the same layouts.
 */
export function partRoot(parts: PartMap, name: string): XmlElement | undefined {
  const data = parts.get(name);
  if (!data) return undefined;
  if (roots.has(data)) return roots.get(data);
  const text = partText(parts, name);
  const parsed = text ? parsedText(text) : undefined;
  const root = parsed instanceof XmlSyntaxError ? undefined : parsed;
  roots.set(data, root);
  return root;
}

/** Internal relationship targets of `source` whose type ends with `suffix`, as part names. */
export function targets(parts: PartMap, source: string, suffix = ''): string[] {
  const folder = source.slice(0, source.lastIndexOf('/') + 1);
  return children(partRoot(parts, relsOf(source)), 'Relationship')
    .filter((r) => attr(r, 'TargetMode') !== 'External' && (attr(r, 'Type') ?? '').endsWith(suffix))
    .map((r) => resolvePart(folder, attr(r, 'Target') ?? ''));
}

function boxOf(sp: XmlElement): Box | undefined {
  const xfrm = path(sp, 'p:spPr', 'a:xfrm');
  if (!xfrm) return undefined;
  const off = child(xfrm, 'a:off');
  const ext = child(xfrm, 'a:ext');
  const inch = (e: XmlElement | undefined, n: string) => (numberAttr(e, n) ?? 0) / EMU_PER_INCH;
  return { x: inch(off, 'x'), y: inch(off, 'y'), w: inch(ext, 'cx'), h: inch(ext, 'cy') };
}

function readPlaceholders(root: XmlElement | undefined): PlaceholderInfo[] {
  const found: PlaceholderInfo[] = [];
  for (const sp of descendants(root, 'p:sp')) {
    const ph = path(sp, 'p:nvSpPr', 'p:nvPr', 'p:ph');
    if (!ph) continue;
    const idx = attr(ph, 'idx');
    const box = boxOf(sp);
    found.push({
      type: attr(ph, 'type') ?? 'obj',
      ...(idx !== undefined ? { idx } : {}),
      ...(box ? { box } : {}),
      name: attr(path(sp, 'p:nvSpPr', 'p:cNvPr'), 'name') ?? '',
    });
  }
  return found;
}

/** A layout placeholder without its own box sits where the master's placeholder of its kind does. */
function inherit(own: PlaceholderInfo[], master: PlaceholderInfo[]): PlaceholderInfo[] {
  const kind = (type: string) =>
    type === 'ctrTitle' ? 'title' : type === 'obj' || type === 'subTitle' ? 'body' : type;
  return own.map((ph) => {
    if (ph.box) return ph;
    const from = master.find((m) => kind(m.type) === kind(ph.type));
    return from?.box ? { ...ph, box: from.box } : ph;
  });
}

function readLayout(parts: PartMap, part: string, master: PlaceholderInfo[]): LayoutInfo {
  const root = partRoot(parts, part);
  return {
    name: attr(child(root, 'p:cSld'), 'name') ?? part.replace(/^.*\//, ''),
    type: attr(root, 'type') ?? 'cust',
    part,
    placeholders: inherit(readPlaceholders(root), master),
    masterPlaces: master,
  };
}

function readFonts(theme: XmlElement | undefined): { major: string; minor: string } {
  const face = (qname: string) =>
    attr(path(theme, 'a:themeElements', 'a:fontScheme', qname, 'a:latin'), 'typeface') ?? '';
  return { major: face('a:majorFont'), minor: face('a:minorFont') };
}

export function readMasterSet(
  parts: PartMap,
  masters: string[],
  size: { w: number; h: number },
  origin: string,
): MasterSet {
  const layouts: LayoutInfo[] = [];
  for (const master of masters) {
    const own = readPlaceholders(partRoot(parts, master));
    // In the master's own order (sldLayoutIdLst follows the relationships' order in practice).
    for (const layout of targets(parts, master, '/slideLayout')) layouts.push(readLayout(parts, layout, own));
  }
  const first = masters[0] ?? '';
  const theme = partRoot(parts, targets(parts, first, '/theme')[0] ?? '');
  return {
    parts,
    masters,
    layouts,
    size,
    scheme: readColorScheme(theme, partRoot(parts, first)),
    fonts: readFonts(theme),
    origin,
  };
}
