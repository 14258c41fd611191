/**
 * docProps/core.xml and docProps/app.xml, written from DeckProperties and the slides.
 * Both are rewritten whole rather than patched: pptxgenjs puts the build time in
 * core.xml (so no two builds are equal) and writes app.xml's Company unescaped
 * (https://github.com/gitbrent/PptxGenJS/issues/1407: `&` makes app.xml
 * ill-formed; validator: "xmlParseEntityRef: no name", and LibreOffice refuses the file).
 */
import type { DeckProperties } from '../layout/types.js';
import { relationshipTargets, type PackageParts } from './package-parts.js';
import { trappaVersion } from '../versions/input-hash.js';
import { escapeXml, unescapeXml } from './xml-edit.js';
import { BoundedCache } from '../bounded-cache.js';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/**
 * Core properties (OPC Part 2 §11). `cp:version` is in the core-properties schema
 * (CT_CoreProperties has category, contentStatus, created, creator, description,
 * identifier, keywords, language, lastModifiedBy, lastPrinted, modified, revision,
 * subject, title, version), so the strategy version goes there. Dates are the deck's
 * date at midnight UTC, typed `dcterms:W3CDTF` as OPC rule M4.5 requires.
 */
export function writeCoreProperties(props: DeckProperties): string {
  const timestamp = `${props.date}T00:00:00Z`;
  const element = (qname: string, value: string): string => `<${qname}>${escapeXml(value)}</${qname}>`;
  const keywords = props.keywords ? element('cp:keywords', props.keywords) : '';
  return (
    XML_DECLARATION +
    '<cp:coreProperties' +
    ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"' +
    ' xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', props.title) +
    element('dc:subject', props.subject) +
    element('dc:creator', props.author) +
    keywords +
    element('cp:lastModifiedBy', props.author) +
    element('cp:revision', String(props.revision)) +
    element('cp:version', props.version) +
    element('dc:language', props.language) +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${timestamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${timestamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * Extended (application) properties, naming Trappa as the application that wrote the file
 * (it is not PowerPoint: a reader deciding what made a file, or which quirks to expect,
 * should be told). HeadingPairs names groups and counts their
 * members; TitlesOfParts lists the members in the same order, so both vector sizes
 * follow from the lists: fonts used, theme names, slide titles.
 */
export function writeAppProperties(parts: PackageParts, props: DeckProperties): string {
  const slides = slidePartsInOrder(parts);
  const allGroups: [string, string[]][] = [
    ['Fonts Used', fontsUsed(parts)],
    ['Theme', themeNames(parts)],
    ['Slide Titles', slides.map((slide, i) => slideTitle(parts.text(slide) ?? '') || `Slide ${i + 1}`)],
  ];
  const groups = allGroups.filter(([, members]) => members.length > 0);
  const variant = (value: string): string => `<vt:variant>${value}</vt:variant>`;
  const pairs = groups.map(
    ([name, members]) =>
      variant(`<vt:lpstr>${escapeXml(name)}</vt:lpstr>`) + variant(`<vt:i4>${members.length}</vt:i4>`),
  );
  const vector = (size: number, type: string, items: string[]): string =>
    `<vt:vector size="${size}" baseType="${type}">${items.join('')}</vt:vector>`;
  const titles = groups.flatMap(([, members]) => members.map((m) => `<vt:lpstr>${escapeXml(m)}</vt:lpstr>`));
  const notes = parts.names().filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n)).length;
  return (
    XML_DECLARATION +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"' +
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<TotalTime>0</TotalTime>' +
    '<Application>Trappa</Application>' +
    `<PresentationFormat>${presentationFormat(parts)}</PresentationFormat>` +
    `<Slides>${slides.length}</Slides><Notes>${notes}</Notes><HiddenSlides>0</HiddenSlides><MMClips>0</MMClips>` +
    '<ScaleCrop>false</ScaleCrop>' +
    `<HeadingPairs>${vector(pairs.length * 2, 'variant', pairs)}</HeadingPairs>` +
    `<TitlesOfParts>${vector(titles.length, 'lpstr', titles)}</TitlesOfParts>` +
    `<Company>${escapeXml(props.company)}</Company>` +
    '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>' +
    `<AppVersion>${appVersion(trappaVersion())}</AppVersion>` +
    '</Properties>'
  );
}

/** Slide part names in presentation order (`p:sldIdLst`), resolved through presentation.xml.rels. */
function slidePartsInOrder(parts: PackageParts): string[] {
  const targets = relationshipTargets(parts, 'ppt/presentation.xml');
  const xml = parts.text('ppt/presentation.xml') ?? '';
  const ids = [...xml.matchAll(/<p:sldId\b[^>]*?\br:id="([^"]*)"/g)].map((m) => m[1] ?? '');
  return ids.map((id) => targets.get(id)).filter((name): name is string => !!name && parts.has(name));
}

/** The text of the slide's title placeholder (`type="title"` or `"ctrTitle"`), runs joined, lines joined by spaces. */
function slideTitle(slideXml: string): string {
  for (const [shape] of slideXml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)) {
    if (!/<p:ph\b[^>]*?\btype="(?:title|ctrTitle)"/.test(shape)) continue;
    const lines = [...shape.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((p) =>
      [...(p[1] ?? '').matchAll(/<a:t>([^<]*)<\/a:t>|<a:br\b/g)].map((t) => unescapeXml(t[1] ?? ' ')).join(''),
    );
    return lines.join(' ').replace(/\s+/g, ' ').trim();
  }
  return '';
}

/** Found by indexOf of `<a:latin`, not tried at every position of a 9 MB plan. */
const LATIN_TYPEFACE = /<a:latin\b[^>]*?\btypeface="([^"]+)"/y;
/**
 * A theme font as the finishing stage writes it (apply-structure.ts themeFonts): not listed, and
 * seen without the pattern (a plan's cells hold ~30,000 of them in a 1,000-row deck).
 */
const THEME_LATIN = '<a:latin typeface="+';

/** Explicit typefaces in slides, layouts and masters, plus the theme fonts `+mj-lt`/`+mn-lt` resolve to. Sorted. */
const FONT_PART = /^ppt\/(slides\/slide|slideLayouts\/slideLayout|slideMasters\/slideMaster|theme\/theme)\d+\.xml$/;
const MASTER_SET_PART = /^ppt\/(slideLayouts|slideMasters|theme)\//;

/**
 * The faces of a master set's parts by their text: every deck of a build installs the same
 * strings (finish-package.ts), and a template's layouts were scanned again for each deck (Yellow
 * Idea: 108 layouts, 2.5 MB). Up to 16 M characters of parts.
 */
const facesOfMasterPart = new BoundedCache<string, string[]>(16 * 1024 * 1024, (text) => text.length);

function fontsUsed(parts: PackageParts): string[] {
  const fonts = new Set<string>();
  for (const name of parts.names()) {
    if (!FONT_PART.test(name)) continue;
    const xml = parts.text(name) ?? '';
    if (!MASTER_SET_PART.test(name)) {
      latinFaces(xml, fonts);
      continue;
    }
    let faces = facesOfMasterPart.get(xml);
    if (!faces) facesOfMasterPart.set(xml, (faces = [...latinFaces(xml, new Set())]));
    for (const face of faces) fonts.add(face);
  }
  return [...fonts].sort();
}

/** Adds to `fonts` every Latin typeface `xml` names, other than the theme's (`+mj-lt`, `+mn-lt`). */
function latinFaces(xml: string, fonts: Set<string>): Set<string> {
  for (let at = xml.indexOf('<a:latin'); at !== -1; ) {
    if (xml.startsWith(THEME_LATIN, at)) {
      at = xml.indexOf('<a:latin', at + THEME_LATIN.length);
      continue;
    }
    LATIN_TYPEFACE.lastIndex = at;
    const match = LATIN_TYPEFACE.exec(xml);
    const face = unescapeXml(match?.[1] ?? '');
    if (face && !face.startsWith('+')) fonts.add(face);
    at = xml.indexOf('<a:latin', match ? at + match[0].length : at + 1);
  }
  return fonts;
}

/** Names of the themes used by slide masters, in master order. */
function themeNames(parts: PackageParts): string[] {
  const masters = parts.names().filter((n) => /^ppt\/slideMasters\/slideMaster\d+\.xml$/.test(n));
  return masters.sort().flatMap((master) => {
    const theme = [...relationshipTargets(parts, master, '/theme').values()][0];
    const name = /<a:theme\b[^>]*?\bname="([^"]*)"/.exec(theme ? (parts.text(theme) ?? '') : '')?.[1];
    return name === undefined ? [] : [unescapeXml(name)];
  });
}

/** Office's names for the usual slide shapes; anything else is "Custom". */
function presentationFormat(parts: PackageParts): string {
  const size = /<p:sldSz\b[^>]*?\bcx="(\d+)"[^>]*?\bcy="(\d+)"/.exec(parts.text('ppt/presentation.xml') ?? '');
  const ratio = size ? Number(size[1]) / Number(size[2]) : 0;
  const formats: [number, string][] = [
    [16 / 9, 'On-screen Show (16:9)'],
    [16 / 10, 'On-screen Show (16:10)'],
    [4 / 3, 'On-screen Show (4:3)'],
  ];
  return formats.find(([r]) => Math.abs(ratio - r) < 0.01)?.[1] ?? 'Custom';
}

/**
 * Trappa's version in AppVersion's form `XX.YYYY` (ECMA-376 Part 1 §22.2.2.2): major, then
 * minor and patch two digits each; 0.1.0 → `00.0100`.
 */
export function appVersion(version: string): string {
  const [major = 0, minor = 0, patch = 0] = version.split(/[.+-]/).map((n) => Number.parseInt(n, 10) || 0);
  const two = (n: number) => String(Math.min(n, 99)).padStart(2, '0');
  return `${two(major)}.${two(minor)}${two(patch)}`;
}
