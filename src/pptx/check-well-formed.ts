/**
 * The last guard of the finishing stage: every XML part of the package must parse as
 * well-formed XML 1.0 (ooxml/xml.ts: saxes, a conformant parser that also refuses characters XML forbids).
 * Data is made safe before layout (data/xml-text.ts); this catches a future bug in any
 * stage, so a deck PowerPoint would have to repair is never written.
 */
import { type OpcPackage, type PartReader, partSyntaxError, readPartsOnce } from '../ooxml/package.js';

/** A part that is not well-formed XML, and why (line:column within the part). */
export interface MalformedPart {
  part: string;
  message: string;
}

/**
 * Every XML part of a package that is not well-formed. Parsing is cached on the package, so
 * the build's check that follows reads the same trees instead of parsing every part again.
 */
export function malformedParts(pkg: OpcPackage): MalformedPart[] {
  return [...pkg.xml.keys()].flatMap((part) => {
    const error = partSyntaxError(pkg, part);
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

/**
 * Parses every part once (ooxml/package.ts readPartsOnce).
 * @param releaseTexts let go of each part's text once it parsed, so that a big deck's texts and
 *   trees are not all alive at once
 * @param reader reads the parts it wants as they are parsed (the build's check, its slides),
 *   whose trees are then let go
 * @throws MalformedPackageError when any XML part is not well-formed
 */
export function assertWellFormed(
  pkg: OpcPackage,
  { releaseTexts = false, reader }: { releaseTexts?: boolean; reader?: PartReader } = {},
): void {
  const bad = [...readPartsOnce(pkg, reader, { releaseTexts })].map(([part, error]) => ({
    part,
    message: error.message,
  }));
  if (bad.length > 0) throw new MalformedPackageError(bad);
}
