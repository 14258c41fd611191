/**
 * Package-level repairs: the parts list ([Content_Types].xml), the part order
 * inside presentation.xml, and relationship parts left without a source.
 */
import { type PackageParts, sortPartNames } from './package-parts.js';
import { escapeXml, getAttribute, parseAttributes, startTagPattern } from './xml-edit.js';

const CONTENT_TYPES = '[Content_Types].xml';
const PRESENTATION = 'ppt/presentation.xml';
const PML = 'application/vnd.openxmlformats-officedocument.presentationml';

/** Standard MIME types for the extensions a deck can contain. */
const DEFAULT_TYPES: Record<string, string> = {
  xml: 'application/xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  png: 'image/png',
  jpeg: 'image/jpeg',
  // pptxgenjs declares `image/jpg`, which is not a registered type (the validator flags it).
  jpg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  bmp: 'image/bmp',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Content types of the XML parts pptxgenjs writes, for any part it forgot to declare. */
const PART_TYPES: [RegExp, string][] = [
  [/^ppt\/presentation\.xml$/, `${PML}.presentation.main+xml`],
  [/^ppt\/slides\/slide\d+\.xml$/, `${PML}.slide+xml`],
  [/^ppt\/slideLayouts\/slideLayout\d+\.xml$/, `${PML}.slideLayout+xml`],
  [/^ppt\/slideMasters\/slideMaster\d+\.xml$/, `${PML}.slideMaster+xml`],
  [/^ppt\/notesSlides\/notesSlide\d+\.xml$/, `${PML}.notesSlide+xml`],
  [/^ppt\/notesMasters\/notesMaster\d+\.xml$/, `${PML}.notesMaster+xml`],
  [/^ppt\/presProps\.xml$/, `${PML}.presProps+xml`],
  [/^ppt\/tags\/tag\d+\.xml$/, `${PML}.tags+xml`],
  [/^ppt\/viewProps\.xml$/, `${PML}.viewProps+xml`],
  [/^ppt\/tableStyles\.xml$/, `${PML}.tableStyles+xml`],
  [/^ppt\/theme\/theme\d+\.xml$/, 'application/vnd.openxmlformats-officedocument.theme+xml'],
  [/^docProps\/core\.xml$/, 'application/vnd.openxmlformats-package.core-properties+xml'],
  [/^docProps\/app\.xml$/, 'application/vnd.openxmlformats-officedocument.extended-properties+xml'],
  [/^docProps\/custom\.xml$/, 'application/vnd.openxmlformats-officedocument.custom-properties+xml'],
];

/**
 * Rebuilds [Content_Types].xml from the parts that exist.
 * pptxgenjs writes an Override for slideMaster2..N (one per slide) although only
 * slideMaster1.xml exists (https://github.com/gitbrent/PptxGenJS/issues/1444), and a
 * fixed list of Defaults (svg, gif, mp4, xlsx …) whatever the deck holds. Result:
 * one Override per existing part that had one, one Default per extension in use.
 */
export function rebuildContentTypes(parts: PackageParts): void {
  const xml = parts.text(CONTENT_TYPES) ?? '';
  const declaredDefaults = new Map<string, string>();
  for (const m of xml.matchAll(new RegExp(startTagPattern('Default'), 'g'))) {
    const tag = { attributes: parseAttributes(m[1] ?? ''), selfClosing: true };
    const ext = getAttribute(tag, 'Extension')?.toLowerCase();
    const type = getAttribute(tag, 'ContentType');
    if (ext && type) declaredDefaults.set(ext, type);
  }
  const declaredOverrides = new Map<string, string>();
  for (const m of xml.matchAll(new RegExp(startTagPattern('Override'), 'g'))) {
    const tag = { attributes: parseAttributes(m[1] ?? ''), selfClosing: true };
    const name = getAttribute(tag, 'PartName')?.replace(/^\//, '').toLowerCase();
    const type = getAttribute(tag, 'ContentType');
    if (name && type) declaredOverrides.set(name, type);
  }

  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const name of parts.names()) {
    if (name === CONTENT_TYPES) continue;
    const declared = declaredOverrides.get(name.toLowerCase());
    const known = PART_TYPES.find(([pattern]) => pattern.test(name))?.[1];
    const ext = /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
    if (declared ?? known) {
      overrides.set(name, declared ?? known ?? '');
    } else if (!defaults.has(ext)) {
      const standard = DEFAULT_TYPES[ext];
      const declaredDefault = declaredDefaults.get(ext);
      defaults.set(ext, standard ?? declaredDefault ?? 'application/octet-stream');
    }
  }
  // Every package has .rels and .xml parts; keep both Defaults even if all .xml parts have Overrides.
  defaults.set('rels', DEFAULT_TYPES.rels ?? '');
  defaults.set('xml', DEFAULT_TYPES.xml ?? '');

  const defaultTags = [...defaults]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([ext, type]) => `<Default Extension="${escapeXml(ext)}" ContentType="${escapeXml(type)}"/>`);
  const overrideTags = sortPartNames(overrides.keys()).map(
    (name) => `<Override PartName="/${escapeXml(name)}" ContentType="${escapeXml(overrides.get(name)!)}"/>`,
  );
  parts.setText(
    CONTENT_TYPES,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      defaultTags.join('') +
      overrideTags.join('') +
      '</Types>',
  );
}

/**
 * Puts `p:notesMasterIdLst` (and `p:handoutMasterIdLst`) right after `p:sldMasterIdLst`,
 * as CT_Presentation's sequence requires. pptxgenjs 4.0.1 writes the notes master list
 * after `p:sldIdLst`. Validator before: "Element 'p:notesMasterIdLst': This element is
 * not expected. Expected is one of ( p:sldSz, p:notesSz )."
 */
export function orderPresentationLists(parts: PackageParts): void {
  parts.editText(
    (name) => name === PRESENTATION,
    (xml) => {
      const moved: string[] = [];
      let rest = xml;
      for (const list of ['notesMasterIdLst', 'handoutMasterIdLst']) {
        const pattern = new RegExp(`<p:${list}\\b[^>]*?(?:/>|>[\\s\\S]*?</p:${list}>)`);
        const found = pattern.exec(rest);
        if (!found) continue;
        moved.push(found[0]);
        rest = rest.slice(0, found.index) + rest.slice(found.index + found[0].length);
      }
      const anchor = rest.indexOf('</p:sldMasterIdLst>');
      if (moved.length === 0 || anchor === -1) return xml;
      const at = anchor + '</p:sldMasterIdLst>'.length;
      return rest.slice(0, at) + moved.join('') + rest.slice(at);
    },
  );
}

/** Removes `x/_rels/y.rels` when the part `x/y` does not exist (OPC: a .rels belongs to its source part). */
export function removeOrphanRelationships(parts: PackageParts): void {
  for (const name of parts.names()) {
    const m = /^(.*?)_rels\/([^/]+)\.rels$/.exec(name);
    if (!m || name === '_rels/.rels') continue;
    if (!parts.has(`${m[1] ?? ''}${m[2] ?? ''}`)) parts.delete(name);
  }
}
