/**
 * A .pptx's bytes → the model the rules check: slides in presentation order with their
 * elements and backgrounds, plus the package's XML parts. Media are listed, never inflated.
 */
import {
  firstTarget,
  officeDocument,
  type OpcPackage,
  partRoot,
  readPackage,
  relationships,
} from '../ooxml/package.js';
import { attr, child, children, numberAttr, path, textContent } from '../ooxml/xml.js';
import { EMU_PER_INCH } from '../units.js';
import { colorIn, fillIn, readColorScheme, type ColorScheme } from '../ooxml/colors.js';
import { readSlideElements } from './read-slide.js';
import type { DeckModel, PackageModel, SlideModel } from './types.js';

/** pptxgenjs's default and PowerPoint's: 16:9 at 13.333 × 7.5 in. */
const DEFAULT_SIZE = { w: 13.333, h: 7.5 };

/** The model of a .pptx's bytes, or of a package the build hands over already read and parsed. */
export function readDeck(source: Uint8Array | OpcPackage): DeckModel {
  const pkg = source instanceof Uint8Array ? readPackage(source) : source;
  const presentationPart = officeDocument(pkg);
  const presentation = partRoot(pkg, presentationPart);
  const sldSz = child(presentation, 'p:sldSz');
  const cx = numberAttr(sldSz, 'cx');
  const cy = numberAttr(sldSz, 'cy');
  const size = cx && cy ? { w: cx / EMU_PER_INCH, h: cy / EMU_PER_INCH } : DEFAULT_SIZE;
  const targets = relationships(pkg, presentationPart);
  const slideParts = children(child(presentation, 'p:sldIdLst'), 'p:sldId')
    .map((s) => targets.get(attr(s, 'r:id') ?? '')?.target)
    .filter((part): part is string => part !== undefined && pkg.xml.has(part));
  const schemes = new Map<string, ColorScheme>();
  const slides = slideParts.map((part, i) => readSlide(pkg, part, i + 1, schemes));
  const language = textContent(child(partRoot(pkg, 'docProps/core.xml'), 'dc:language')).trim();
  return { size, slides, package: pkg, ...(language ? { language } : {}) };
}

/** `schemes` caches each master's colour scheme across slides. */
function readSlide(pkg: PackageModel, part: string, number: number, schemes: Map<string, ColorScheme>): SlideModel {
  const layout = firstTarget(pkg, part, '/slideLayout');
  const master = layout ? firstTarget(pkg, layout, '/slideMaster') : undefined;
  let scheme = schemes.get(master ?? '');
  if (!scheme) {
    const theme = master ? firstTarget(pkg, master, '/theme') : undefined;
    scheme = readColorScheme(partRoot(pkg, theme ?? ''), partRoot(pkg, master ?? ''));
    schemes.set(master ?? '', scheme);
  }
  const background =
    [part, layout, master].map((p) => backgroundOf(pkg, p, scheme)).find((c) => c !== undefined) ??
    scheme.get('bg1') ??
    'FFFFFF';
  return {
    number,
    part,
    background,
    textColor: scheme.get('tx1') ?? '000000',
    elements: readSlideElements(partRoot(pkg, part), scheme),
  };
}

/** `p:cSld/p:bg`: a solid `p:bgPr` fill or the colour of a `p:bgRef`. */
function backgroundOf(pkg: PackageModel, part: string | undefined, scheme: ColorScheme): string | undefined {
  const bg = path(partRoot(pkg, part ?? ''), 'p:cSld', 'p:bg');
  if (!bg) return undefined;
  const bgPr = child(bg, 'p:bgPr');
  if (bgPr) return fillIn(bgPr, scheme) ?? undefined;
  return colorIn(child(bg, 'p:bgRef'), scheme);
}
