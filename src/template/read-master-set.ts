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

/** A place as read, with the alignments its own XML writes (resolved by `inherit`). */
interface PlaceRead extends PlaceholderInfo {
  /** `a:lstStyle/a:lvl1pPr/@algn`. */
  listAlign?: string;
  /** `@algn` of its first paragraph (the prompt text): how the place shows in the template. */
  promptAlign?: string;
}

function readPlaceholders(root: XmlElement | undefined): PlaceRead[] {
  const found: PlaceRead[] = [];
  for (const sp of descendants(root, 'p:sp')) {
    const ph = path(sp, 'p:nvSpPr', 'p:nvPr', 'p:ph');
    if (!ph) continue;
    const idx = attr(ph, 'idx');
    const box = boxOf(sp);
    const listAlign = attr(path(sp, 'p:txBody', 'a:lstStyle', 'a:lvl1pPr'), 'algn');
    const promptAlign = attr(path(sp, 'p:txBody', 'a:p', 'a:pPr'), 'algn');
    found.push({
      type: attr(ph, 'type') ?? 'obj',
      ...(idx !== undefined ? { idx } : {}),
      ...(box ? { box } : {}),
      name: attr(path(sp, 'p:nvSpPr', 'p:cNvPr'), 'name') ?? '',
      ...(attr(ph, 'orient') === 'vert' ? { vertical: true as const } : {}),
      ...(listAlign ? { listAlign } : {}),
      ...(promptAlign ? { promptAlign } : {}),
    });
  }
  return found;
}

const kind = (type: string) => (type === 'ctrTitle' ? 'title' : type === 'obj' || type === 'subTitle' ? 'body' : type);

/** The master's text style a place of `type` takes its paragraphs from (ECMA-376 §19.3.1.51). */
const TEXT_STYLES: Record<string, string> = { title: 'p:titleStyle', body: 'p:bodyStyle' };

/** `lvl1pPr/@algn` of the master's text styles, by the kind of place they style. */
function styleAligns(master: XmlElement | undefined): (type: string) => string | undefined {
  const styles = path(master, 'p:txStyles');
  return (type) => attr(path(styles, TEXT_STYLES[kind(type)] ?? 'p:otherStyle', 'a:lvl1pPr'), 'algn');
}

/**
 * The layout's places with what they take from the master's place of their kind: the box where
 * they have none, and their alignment (PlaceAlign: the list styles and text styles a viewer
 * applies, else the prompt texts' as the template shows them).
 */
function inherit(own: PlaceRead[], master: PlaceRead[], styleAlign: (type: string) => string | undefined) {
  return own.map(({ listAlign, promptAlign, ...ph }): PlaceholderInfo => {
    const from = master.find((m) => kind(m.type) === kind(ph.type));
    const inherited = listAlign ?? from?.listAlign ?? styleAlign(ph.type);
    const align = { inherited: inherited ?? 'l', shown: inherited ?? promptAlign ?? from?.promptAlign ?? 'l' };
    return { ...ph, ...(!ph.box && from?.box ? { box: from.box } : {}), align };
  });
}

function readLayout(
  parts: PartMap,
  part: string,
  master: PlaceRead[],
  styleAlign: (type: string) => string | undefined,
): LayoutInfo {
  const root = partRoot(parts, part);
  return {
    name: attr(child(root, 'p:cSld'), 'name') ?? part.replace(/^.*\//, ''),
    type: attr(root, 'type') ?? 'cust',
    part,
    placeholders: inherit(readPlaceholders(root), master, styleAlign),
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
    const root = partRoot(parts, master);
    const own = readPlaceholders(root);
    const styleAlign = styleAligns(root);
    // In the master's own order (sldLayoutIdLst follows the relationships' order in practice).
    for (const layout of targets(parts, master, '/slideLayout'))
      layouts.push(readLayout(parts, layout, own, styleAlign));
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
