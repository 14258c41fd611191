/**
 * The last guard of the finishing stage: every XML part of the package must parse as
 * well-formed XML 1.0 (saxes, a conformant parser that also refuses characters XML forbids).
 * Data is made safe before layout (data/xml-text.ts); this catches a future bug in any
 * stage, so a deck PowerPoint would have to repair is never written.
 */
import { SaxesParser } from 'saxes';

/** A part that is not well-formed XML, and why (line:column within the part). */
export interface MalformedPart {
  part: string;
  message: string;
}

const isXmlPart = (name: string): boolean => /\.(xml|rels)$/i.test(name);

/** The first well-formedness error of one XML text, or undefined. */
export function wellFormednessError(xml: string): string | undefined {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let first: string | undefined;
  parser.on('error', (error) => {
    first ??= error.message;
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    first ??= (error as Error).message;
  }
  return first;
}

/** Every XML part of a package that is not well-formed. */
export function malformedParts(names: readonly string[], text: (name: string) => string | undefined): MalformedPart[] {
  return names.filter(isXmlPart).flatMap((part) => {
    const message = wellFormednessError(text(part) ?? '');
    return message ? [{ part, message }] : [];
  });
}

/** Thrown by the finishing stage: a bug in Trappa, never the user's input (that is checked earlier). */
export class MalformedPackageError extends Error {
  constructor(readonly parts: MalformedPart[]) {
    super(`the deck would contain XML that is not well-formed (a bug in Trappa; nothing was written): ${parts.map((p) => `${p.part}: ${p.message}`).join('; ')}`);
    this.name = new.target.name;
  }
}

/** @throws MalformedPackageError when any XML part is not well-formed */
export function assertWellFormed(names: readonly string[], text: (name: string) => string | undefined): void {
  const bad = malformedParts(names, text);
  if (bad.length > 0) throw new MalformedPackageError(bad);
}
