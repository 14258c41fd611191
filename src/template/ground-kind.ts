/**
 * What kind of ground a layout's slides stand on, as its background says (the layout's own, else
 * its master's): none, a picture, a gradient, a solid colour (named), or a theme style reference.
 * Layout choice uses it to tell a master of the same design from one of another: LibreOffice's
 * exports carry a master per page style, and only some of them hold footer and number places.
 */
import { attr, child, descendant, path, type XmlElement } from '../ooxml/xml.js';
import type { LayoutInfo, MasterSet } from '../pptx/master-set.js';
import { partRoot, targets } from './read-master-set.js';

const backgroundOf = (root: XmlElement | undefined) => path(root, 'p:cSld', 'p:bg');

function colorName(fill: XmlElement | undefined): string {
  const color = fill && (child(fill, 'a:srgbClr') ?? child(fill, 'a:schemeClr') ?? child(fill, 'a:sysClr'));
  return color ? (attr(color, 'lastClr') ?? attr(color, 'val') ?? '').toUpperCase() : '';
}

export function groundKind(set: MasterSet, layout: LayoutInfo): string {
  const master = targets(set.parts, layout.part, '/slideMaster')[0] ?? set.masters[0] ?? '';
  const bg = backgroundOf(partRoot(set.parts, layout.part)) ?? backgroundOf(partRoot(set.parts, master));
  if (!bg) return 'none';
  const ref = child(bg, 'p:bgRef');
  if (ref) return `style ${attr(ref, 'idx') ?? ''} ${colorName(ref)}`;
  if (descendant(bg, 'a:blipFill')) return 'picture';
  if (descendant(bg, 'a:gradFill')) return 'gradient';
  const solid = descendant(bg, 'a:solidFill');
  return solid ? `solid ${colorName(solid)}` : 'none';
}
