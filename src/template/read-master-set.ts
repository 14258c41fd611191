/**
 * Master-set parts → what the finishing stage and the layout stage need to know:
 * the layouts with their names and placeholders (type, idx, box), the first master's
 * theme colours and fonts. Used for the built-in design and for templates alike.
 */
import { strFromU8 } from 'fflate';
import { readColorScheme } from '../check/colors.js';
import { resolvePart } from '../check/read-deck.js';
import { attr, element, elements, numberAttr } from '../check/xml.js';
import type { Box } from '../layout/types.js';
import type { LayoutInfo, MasterSet, PlaceholderInfo } from '../pptx/master-set.js';
import { EMU_PER_INCH } from '../pptx/units.js';

export type PartMap = Map<string, Uint8Array>;

export function partText(parts: PartMap, name: string): string {
  const data = parts.get(name);
  return data ? strFromU8(data) : '';
}

export function relsOf(name: string): string {
  const slash = name.lastIndexOf('/');
  return `${name.slice(0, slash + 1)}_rels/${name.slice(slash + 1)}.rels`;
}

/** Internal relationship targets of `source` whose type ends with `suffix`, as part names. */
export function targets(parts: PartMap, source: string, suffix = ''): string[] {
  const folder = source.slice(0, source.lastIndexOf('/') + 1);
  return elements(partText(parts, relsOf(source)), 'Relationship')
    .filter((r) => attr(r.attributes, 'TargetMode') !== 'External' && (attr(r.attributes, 'Type') ?? '').endsWith(suffix))
    .map((r) => resolvePart(folder, attr(r.attributes, 'Target') ?? ''));
}

function boxOf(xml: string): Box | undefined {
  const xfrm = element(element(xml, 'p:spPr')?.inner ?? '', 'a:xfrm');
  if (!xfrm) return undefined;
  const off = element(xfrm.inner, 'a:off')?.attributes ?? '';
  const ext = element(xfrm.inner, 'a:ext')?.attributes ?? '';
  const inch = (a: string, n: string) => (numberAttr(a, n) ?? 0) / EMU_PER_INCH;
  return { x: inch(off, 'x'), y: inch(off, 'y'), w: inch(ext, 'cx'), h: inch(ext, 'cy') };
}

export function readPlaceholders(xml: string): PlaceholderInfo[] {
  const found: PlaceholderInfo[] = [];
  for (const sp of elements(xml, 'p:sp')) {
    const ph = element(element(sp.inner, 'p:nvPr')?.inner ?? '', 'p:ph');
    if (!ph) continue;
    const idx = attr(ph.attributes, 'idx');
    const box = boxOf(sp.inner);
    found.push({
      type: attr(ph.attributes, 'type') ?? 'obj',
      ...(idx !== undefined ? { idx } : {}),
      ...(box ? { box } : {}),
      name: attr(element(sp.inner, 'p:cNvPr')?.attributes ?? '', 'name') ?? '',
    });
  }
  return found;
}

/** A layout placeholder without its own box sits where the master's placeholder of its kind does. */
function inherit(own: PlaceholderInfo[], master: PlaceholderInfo[]): PlaceholderInfo[] {
  const kind = (type: string) => (type === 'ctrTitle' ? 'title' : type === 'obj' || type === 'subTitle' ? 'body' : type);
  return own.map((ph) => {
    if (ph.box) return ph;
    const from = master.find((m) => kind(m.type) === kind(ph.type));
    return from?.box ? { ...ph, box: from.box } : ph;
  });
}

function readLayout(parts: PartMap, part: string, master: PlaceholderInfo[]): LayoutInfo {
  const xml = partText(parts, part);
  const root = element(xml, 'p:sldLayout')?.attributes ?? '';
  return {
    name: attr(element(xml, 'p:cSld')?.attributes ?? '', 'name') ?? part.replace(/^.*\//, ''),
    type: attr(root, 'type') ?? 'cust',
    part,
    placeholders: inherit(readPlaceholders(xml), master),
  };
}

function readFonts(theme: string): { major: string; minor: string } {
  const face = (qname: string) => attr(element(element(theme, qname)?.inner ?? '', 'a:latin')?.attributes ?? '', 'typeface') ?? '';
  return { major: face('a:majorFont'), minor: face('a:minorFont') };
}

export function readMasterSet(parts: PartMap, masters: string[], size: { w: number; h: number }, origin: string): MasterSet {
  const layouts: LayoutInfo[] = [];
  for (const master of masters) {
    const own = readPlaceholders(partText(parts, master));
    // In the master's own order (sldLayoutIdLst follows the relationships' order in practice).
    for (const layout of targets(parts, master, '/slideLayout')) layouts.push(readLayout(parts, layout, own));
  }
  const first = masters[0] ?? '';
  const theme = partText(parts, targets(parts, first, '/theme')[0] ?? '');
  return {
    parts,
    masters,
    layouts,
    size,
    scheme: readColorScheme(theme, partText(parts, first)),
    fonts: readFonts(theme),
    origin,
  };
}
