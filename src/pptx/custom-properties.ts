/**
 * docProps/custom.xml: which deck and version a file is, and a fingerprint of the slides
 * Trappa wrote, so `trappa absorb` can tell a deck of its own from any other .pptx and
 * rebuild exactly what it wrote (the fingerprint says which inputs did). PowerPoint and
 * LibreOffice keep custom properties when they save a file (File › Properties › Custom),
 * unlike the shapes' TRAPPA_SOURCE tags, which LibreOffice drops.
 *
 * The fingerprint covers the slide parts only, so it changes exactly when the slides do:
 * a deck whose slides are the same stays byte-identical (released versions stay released).
 */
import { createHash } from 'node:crypto';
import type { PackageParts } from './package-parts.js';
import { sortPartNames } from './package-parts.js';
import { escapeXml } from './xml-edit.js';

export const CUSTOM_PART = 'docProps/custom.xml';
const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
/** The property set id Office writes for user-defined properties. */
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

/** What Trappa records about a deck it wrote. */
export interface TrappaProperties {
  deck: string;
  version: string;
  /** sha256 of the slide parts as written (slideN.xml in name order). */
  slides: string;
}

/** The property names, as they show in PowerPoint's File › Properties › Custom. */
export const PROPERTY_NAMES = { deck: 'TrappaDeck', version: 'TrappaVersion', slides: 'TrappaSlides' } as const;

/** sha256 over the slide parts' names and texts, in name order. */
function slidesFingerprint(parts: PackageParts): string {
  const hash = createHash('sha256');
  const slides = sortPartNames(parts.names().filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)));
  // The UTF-8 of `${name}\0${text}\0`. A text is hashed as it is (hash.update encodes it, a lone
  // surrogate as U+FFFD like the zip's encoder), not encoded and kept: the zip encodes it later.
  for (const name of slides)
    hash
      .update(`${name}\0`)
      .update(parts.heldAs(name) ?? '')
      .update('\0');
  return hash.digest('hex');
}

/** Writes docProps/custom.xml and its package relationship. */
export function writeCustomProperties(parts: PackageParts, deck: string, version: string): void {
  const values: TrappaProperties = { deck, version, slides: slidesFingerprint(parts) };
  const properties = (Object.keys(PROPERTY_NAMES) as (keyof TrappaProperties)[]).map(
    (key, i) =>
      `<property fmtid="${FMTID}" pid="${i + 2}" name="${PROPERTY_NAMES[key]}">` +
      `<vt:lpwstr>${escapeXml(values[key])}</vt:lpwstr></property>`,
  );
  parts.setText(
    CUSTOM_PART,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"' +
      ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      `${properties.join('')}</Properties>`,
  );
  const rels = parts.text('_rels/.rels') ?? '';
  if (!rels.includes(CUSTOM_REL)) {
    const ids = [...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
    const id = `rId${Math.max(0, ...ids) + 1}`;
    parts.setText(
      '_rels/.rels',
      rels.replace(
        '</Relationships>',
        `<Relationship Id="${id}" Type="${CUSTOM_REL}" Target="docProps/custom.xml"/></Relationships>`,
      ),
    );
  }
}
