/**
 * The last guard of the finishing stage: every XML part of the package must parse as
 * well-formed XML 1.0 (ooxml/xml.ts: saxes, a conformant parser that also refuses characters XML forbids).
 * Data is made safe before layout (data/xml-text.ts); this catches a future bug in any
 * stage, so a deck PowerPoint would have to repair is never written.
 */
import { wellFormednessError } from '../ooxml/xml.js';

/** A part that is not well-formed XML, and why (line:column within the part). */
export interface MalformedPart {
  part: string;
  message: string;
}

const isXmlPart = (name: string): boolean => /\.(xml|rels)$/i.test(name);

/** Every XML part of a package that is not well-formed. */
export function malformedParts(names: readonly string[], text: (name: string) => string | undefined): MalformedPart[] {
  return names.filter(isXmlPart).flatMap((part) => {
    const error = wellFormednessError(text(part) ?? '');
    return error ? [{ part, message: error.message }] : [];
  });
}

/** Thrown by the finishing stage: a bug in Trappa, never the user's input (that is checked earlier). */
export class MalformedPackageError extends Error {
  constructor(readonly parts: MalformedPart[]) {
    super(
      `the deck would contain XML that is not well-formed (a bug in Trappa; nothing was written): ` +
        `${parts.map((p) => `${p.part}: ${p.message}`).join('; ')}`,
    );
    this.name = new.target.name;
  }
}

/** @throws MalformedPackageError when any XML part is not well-formed */
export function assertWellFormed(names: readonly string[], text: (name: string) => string | undefined): void {
  const bad = malformedParts(names, text);
  if (bad.length > 0) throw new MalformedPackageError(bad);
}
