/**
 * An organisation's template is untrusted input: this reads only what a deck built on it
 * uses — the package's entry points, its slide masters and everything they need through
 * relationships Trappa knows (layouts, themes, pictures, tags) — and, as hints for choosing
 * layouts, which layout each of its own slides uses (the slides' .rels only). Macros
 * (vbaProject), OLE objects, ActiveX controls, pictures linked from outside (http or
 * \\server\share, which PowerPoint would fetch on opening), hyperlinks to anything but web
 * and mail addresses, and media no part refers to are left behind, together with the
 * attributes that named them. Every part read is bounded (bounded-zip.ts) and decoded as
 * OPC allows (decode-part.ts); the first problem is returned with the part's name.
 */
import { parsedText, relsPartOf, resolvePart } from '../ooxml/package.js';
import { bytesOfText, textOfBytes } from '../ooxml/part-text.js';
import { attr, child, children, XmlSyntaxError, type XmlElement } from '../ooxml/xml.js';
import { unescapeXml } from '../pptx/xml-edit.js';
import { openBoundedZip, type BoundedZip } from './bounded-zip.js';
import { decodeXmlPart } from './decode-part.js';
import type { PartMap } from './read-master-set.js';

export interface TemplatePackage {
  /** The parts a deck uses, XML in UTF-8, .rels holding only the relationships kept. */
  parts: PartMap;
  /** The slide masters, by part name, in presentation.xml's order. */
  masters: string[];
  presentation: XmlElement;
  contentTypes: XmlElement;
  /**
   * The layout each of the template's own slides uses, in presentation.xml's order (the slides
   * themselves are not read: only their .rels, for the designer's choice of layouts).
   */
  slideLayouts: string[];
}

/** A problem, with the part it was found in (absent for the zip as a whole). */
export interface PackageProblem {
  part?: string;
  problem: string;
}

/** Relationship types (the last segment of the type URI) a master set may keep. */
const KEPT_TYPES = new Set([
  'slideLayout',
  'slideMaster',
  'theme',
  'themeOverride',
  'image',
  'hdphoto',
  'tags',
  'hyperlink',
  'diagramData',
  'diagramLayout',
  'diagramQuickStyle',
  'diagramColors',
  'diagramDrawing',
]);
/** Types a part needs without naming the relationship's id in its XML. */
const IMPLICIT_TYPES = new Set(['slideMaster', 'theme', 'themeOverride']);
/** Where a deck's master set stops: the way back to slides, notes and the document. */
const NOT_COPIED = /^ppt\/(slides|notesSlides|notesMasters|handoutMasters)\/|^ppt\/presentation\.xml$/;
/** External targets a hyperlink may keep: web and mail addresses, never files or \\server shares. */
const SAFE_EXTERNAL = /^(https?:\/\/|mailto:)/i;

/** Elements whose reference to a dropped relationship is required by the schema: they go whole. */
const REQUIRED_REF = 'p:legacyDrawing|p:legacyDrawingHF|a:audioFile|a:videoFile|a:quickTimeFile|a:wavAudioFile';
const HYPERLINK = 'a:hlinkClick|a:hlinkHover|a:hlinkMouseOver';
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `xml` without any use of the relationship `id`: elements that require it, then attributes naming it. */
function withoutReference(xml: string, id: string): string {
  const value = `="${escapeRegExp(id)}"`;
  return xml
    .replace(new RegExp(`<(${REQUIRED_REF}|${HYPERLINK})\\b[^>]*${value}[^>]*/>`, 'g'), '')
    .replace(new RegExp(`<(${HYPERLINK})\\b[^>]*${value}[^>]*>[\\s\\S]*?</\\1>`, 'g'), '')
    .replace(new RegExp(`\\s[\\w.-]+:[\\w.-]+${value}`, 'g'), '');
}

interface Walk {
  zip: BoundedZip;
  names: Map<string, string>;
  parts: PartMap;
}

function readPart(walk: Walk, name: string): Uint8Array | PackageProblem {
  const actual = walk.names.get(name.toLowerCase());
  if (actual === undefined) return { part: name, problem: 'is missing' };
  const bytes = walk.zip.read(actual);
  if ('problem' in bytes) return { part: name, ...bytes };
  if (!/\.(xml|rels)$/i.test(name)) return bytes;
  const text = decodeXmlPart(bytes);
  return typeof text === 'string' ? bytesOfText(text) : { part: name, ...text };
}

function readXml(walk: Walk, name: string): XmlElement | PackageProblem {
  const bytes = readPart(walk, name);
  if (!(bytes instanceof Uint8Array)) return bytes;
  // The tree decodeXmlPart's check built (ooxml/package.ts shares it by text); the check passed, so no error here.
  const tree = parsedText(textOfBytes(bytes));
  return tree instanceof XmlSyntaxError ? { part: name, problem: 'is not well-formed XML' } : tree;
}

/** The relationships of `source` worth keeping, and the ids of those left behind. */
function sortRelationships(walk: Walk, source: string, xml: string, rels: XmlElement) {
  const folder = source.slice(0, source.lastIndexOf('/') + 1);
  const kept: XmlElement[] = [];
  const dropped: string[] = [];
  for (const rel of children(rels, 'Relationship')) {
    const id = attr(rel, 'Id') ?? '';
    const type = (attr(rel, 'Type') ?? '').replace(/^.*\//, '');
    const target = unescapeXml(attr(rel, 'Target') ?? '');
    const external = attr(rel, 'TargetMode') === 'External';
    const part = external ? '' : resolvePart(folder, target);
    const used = IMPLICIT_TYPES.has(type) || xml.includes(`="${id}"`);
    const keep =
      KEPT_TYPES.has(type) &&
      used &&
      (external
        ? type === 'hyperlink' && SAFE_EXTERNAL.test(target)
        : !NOT_COPIED.test(part) && walk.names.has(part.toLowerCase()));
    if (keep) kept.push(rel);
    else dropped.push(id);
  }
  return { kept, dropped };
}

const serialise = (rel: XmlElement): string =>
  `<Relationship${Object.entries(rel.attributes)
    .map(([k, v]) => ` ${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`)
    .join('')}/>`;

/** Reads `source` and its relationships into the walk; the internal targets it keeps, or a problem. */
function take(walk: Walk, source: string): string[] | PackageProblem {
  const bytes = readPart(walk, source);
  if (!(bytes instanceof Uint8Array)) return bytes;
  const relsName = relsPartOf(source);
  if (!walk.names.has(relsName.toLowerCase()) || !/\.xml$/i.test(source)) {
    walk.parts.set(source, bytes);
    return [];
  }
  const rels = readXml(walk, relsName);
  if ('problem' in rels) return rels;
  let xml = textOfBytes(bytes);
  const { kept, dropped } = sortRelationships(walk, source, xml, rels);
  for (const id of dropped) xml = withoutReference(xml, id);
  walk.parts.set(source, xml === textOfBytes(bytes) ? bytes : bytesOfText(xml));
  const ns = 'http://schemas.openxmlformats.org/package/2006/relationships';
  walk.parts.set(
    relsName,
    bytesOfText(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${ns}">${kept.map(serialise).join('')}</Relationships>`,
    ),
  );
  const folder = source.slice(0, source.lastIndexOf('/') + 1);
  return kept
    .filter((r) => attr(r, 'TargetMode') !== 'External')
    .map((r) => resolvePart(folder, unescapeXml(attr(r, 'Target') ?? '')));
}

/** Slides whose layouts are read as hints, at most (a template shows its designs in a few). */
const MAX_SLIDES = 100;

/** The parts presentation.xml lists in `list` (its masters, its slides), in its order. */
function listedParts(walk: Walk, main: string, presentation: XmlElement, list: string): string[] | PackageProblem {
  const rels = walk.names.has(relsPartOf(main).toLowerCase()) ? readXml(walk, relsPartOf(main)) : undefined;
  if (rels && 'problem' in rels) return rels;
  const folder = main.slice(0, main.lastIndexOf('/') + 1);
  const byId = new Map(children(rels, 'Relationship').map((r) => [attr(r, 'Id'), attr(r, 'Target') ?? '']));
  return children(child(presentation, `p:${list}IdLst`), `p:${list}Id`)
    .map((m) => byId.get(attr(m, 'r:id')))
    .filter((t): t is string => t !== undefined)
    .map((t) => resolvePart(folder, unescapeXml(t)));
}

/**
 * The layout each slide uses, read from the slide's .rels alone. A hint, not a part a deck needs:
 * a slide whose .rels is missing or unreadable gives none rather than refusing the template.
 */
function layoutsOfSlides(walk: Walk, slides: string[]): string[] {
  return slides.flatMap((slide) => {
    const relsName = relsPartOf(slide);
    const rels = walk.names.has(relsName.toLowerCase()) ? readXml(walk, relsName) : undefined;
    if (!rels || 'problem' in rels) return [];
    const folder = slide.slice(0, slide.lastIndexOf('/') + 1);
    const layout = children(rels, 'Relationship').find(
      (r) => attr(r, 'TargetMode') !== 'External' && (attr(r, 'Type') ?? '').endsWith('/slideLayout'),
    );
    return layout ? [resolvePart(folder, unescapeXml(attr(layout, 'Target') ?? ''))] : [];
  });
}

function mainPart(walk: Walk): string | PackageProblem {
  const root = readXml(walk, '_rels/.rels');
  if ('problem' in root) return root;
  const main = children(root, 'Relationship').find((r) => (attr(r, 'Type') ?? '').endsWith('/officeDocument'));
  return resolvePart('', unescapeXml(attr(main, 'Target') ?? 'ppt/presentation.xml'));
}

/** The parts of `bytes` a deck uses, read within `limit` bytes per part (twice that in all). */
export function readTemplatePackage(bytes: Uint8Array, limit: number): TemplatePackage | PackageProblem {
  const zip = openBoundedZip(bytes, limit);
  if ('problem' in zip) return zip;
  const walk: Walk = { zip, names: new Map(zip.names.map((n) => [n.toLowerCase(), n])), parts: new Map() };
  const contentTypes = readXml(walk, '[Content_Types].xml');
  if ('problem' in contentTypes) return contentTypes;
  const main = mainPart(walk);
  if (typeof main !== 'string') return main;
  const presentation = readXml(walk, main);
  if ('problem' in presentation) return presentation;
  const masters = listedParts(walk, main, presentation, 'sldMaster');
  if (!Array.isArray(masters)) return masters;

  const queue = masters.filter((m) => walk.names.has(m.toLowerCase()));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const part = queue.shift()!;
    if (seen.has(part)) continue;
    seen.add(part);
    const next = take(walk, part);
    if (!Array.isArray(next)) return next;
    queue.push(...next);
  }
  // After the masters: what is left of the reading budget goes to these hints, never the other way round.
  const slides = listedParts(walk, main, presentation, 'sld');
  const slideLayouts = Array.isArray(slides) ? layoutsOfSlides(walk, slides.slice(0, MAX_SLIDES)) : [];
  return {
    parts: walk.parts,
    masters: masters.filter((m) => walk.parts.has(m)),
    presentation,
    contentTypes,
    slideLayouts: slideLayouts.filter((l) => walk.parts.has(l)),
  };
}
