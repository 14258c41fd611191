/**
 * Replaces the bare master pptxgenjs writes (one master, one "DEFAULT" layout, Office's
 * theme) with a master set: the built-in design's or a template's master(s), layouts,
 * themes and media. presentation.xml then lists the set's masters and takes its slide size.
 */
import { textOfBytes } from '../ooxml/part-text.js';
import type { MasterSet } from './master-set.js';
import type { PackageParts } from './package-parts.js';
import { NOTES_SIZE_XML, slideSizeXml } from './slide-size.js';
import { escapeXml } from './xml-edit.js';

const PRESENTATION = 'ppt/presentation.xml';
const PRESENTATION_RELS = 'ppt/_rels/presentation.xml.rels';
const MASTER_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideMaster';

function removeOldMaster(parts: PackageParts): void {
  for (const name of parts.names()) {
    if (/^ppt\/(slideMasters|slideLayouts)\//.test(name)) parts.delete(name);
  }
}

/** Master ids: the set's own (a template's presentation.xml may have had them), else from 2^31 on. */
function masterIds(set: MasterSet): number[] {
  let next = 2147483648;
  const used = new Set<number>();
  for (const master of set.masters) {
    const xml = textOfBytes(set.parts.get(master) ?? new Uint8Array());
    for (const m of xml.matchAll(/<p:sldLayoutId\b[^>]*\bid="(\d+)"/g)) used.add(Number(m[1]));
  }
  return set.masters.map(() => {
    while (used.has(next)) next += 1;
    used.add(next);
    return next;
  });
}

export function installMasterSet(parts: PackageParts, set: MasterSet): void {
  removeOldMaster(parts);
  for (const [name, data] of set.parts) {
    if (/\.xml$|\.rels$/.test(name)) parts.setText(name, textOfBytes(data));
    else parts.setBytes(name, data);
  }
  declareContentTypes(parts, set);
  const ids = masterIds(set);
  parts.editText(
    (n) => n === PRESENTATION_RELS,
    (xml) => {
      const rest = xml.replace(new RegExp(`<Relationship\\b[^>]*Type="${MASTER_REL}"[^>]*/>`, 'g'), '');
      const added = set.masters.map(
        (m, i) => `<Relationship Id="rIdMaster${i + 1}" Type="${MASTER_REL}" Target="${m.replace(/^ppt\//, '')}"/>`,
      );
      return rest.replace('</Relationships>', `${added.join('')}</Relationships>`);
    },
  );
  parts.editText(
    (n) => n === PRESENTATION,
    (xml) => {
      const list = set.masters.map((_, i) => `<p:sldMasterId id="${ids[i]}" r:id="rIdMaster${i + 1}"/>`).join('');
      return xml
        .replace(/<p:sldMasterIdLst>[\s\S]*?<\/p:sldMasterIdLst>/, `<p:sldMasterIdLst>${list}</p:sldMasterIdLst>`)
        .replace(/<p:sldSz\b[^>]*\/>/, slideSizeXml(set.size))
        .replace(/<p:notesSz\b[^>]*\/>/, NOTES_SIZE_XML);
    },
  );
}

/** The template's own declarations, so rebuildContentTypes keeps types it does not know (tags, emf …). */
function declareContentTypes(parts: PackageParts, set: MasterSet): void {
  const declared = set.contentTypes;
  if (!declared) return;
  const tags = [
    ...[...declared.defaults].map(
      ([ext, type]) => `<Default Extension="${escapeXml(ext)}" ContentType="${escapeXml(type)}"/>`,
    ),
    ...[...declared.overrides]
      .filter(([name]) => set.parts.has(name))
      .map(([name, type]) => `<Override PartName="/${escapeXml(name)}" ContentType="${escapeXml(type)}"/>`),
  ];
  parts.editText(
    (n) => n === '[Content_Types].xml',
    (xml) => xml.replace('</Types>', `${tags.join('')}</Types>`),
  );
}
