/**
 * One XML part of an untrusted template → UTF-8 text Trappa can parse and copy, or the
 * reason it cannot. OPC allows UTF-8 and UTF-16 (ECMA-376 Part 2, §8.1.4: XML content "shall
 * be encoded using either UTF-8 or UTF-16" and "shall not contain" a DTD), so a part in UTF-16
 * is read and written back as UTF-8; a DTD is refused before any parser sees it (no entity is
 * ever expanded), and a part that is not well-formed is named with its line and column.
 */
import { parsedText } from '../ooxml/package.js';
import { XmlSyntaxError } from '../ooxml/xml.js';
import type { ZipProblem } from './bounded-zip.js';

function encodingOf(bytes: Uint8Array): { label: 'utf-8' | 'utf-16le' | 'utf-16be'; skip: number } {
  const [a, b, c] = bytes;
  if (a === 0xff && b === 0xfe) return { label: 'utf-16le', skip: 2 };
  if (a === 0xfe && b === 0xff) return { label: 'utf-16be', skip: 2 };
  if (a === 0xef && b === 0xbb && c === 0xbf) return { label: 'utf-8', skip: 3 };
  // XML 1.0 Appendix F: without a byte order mark, `<` as 3C 00 or 00 3C tells UTF-16.
  if (a === 0x3c && b === 0x00) return { label: 'utf-16le', skip: 0 };
  if (a === 0x00 && b === 0x3c) return { label: 'utf-16be', skip: 0 };
  return { label: 'utf-8', skip: 0 };
}

const DECLARATION = /^<\?xml\b[^>]*?\?>/;

/** The part's text as UTF-8 with a declaration that says so, or why it cannot be read. */
export function decodeXmlPart(bytes: Uint8Array): string | ZipProblem {
  const { label, skip } = encodingOf(bytes);
  let text: string;
  try {
    text = new TextDecoder(label, { fatal: true }).decode(bytes.subarray(skip));
  } catch {
    return { problem: `is not valid ${label.toUpperCase()} text` };
  }
  const declaration = DECLARATION.exec(text)?.[0] ?? '';
  const declared = /\bencoding\s*=\s*["']([^"']*)["']/.exec(declaration)?.[1]?.toLowerCase();
  if (declared && !/^utf-?(8|16)$/.test(declared))
    return { problem: `declares the encoding ${declared}; OPC allows only UTF-8 and UTF-16` };
  if (/<!DOCTYPE/i.test(text))
    return { problem: 'contains a DTD (<!DOCTYPE …>), which OPC forbids; Trappa does not read it' };
  const utf8 = declaration
    ? text.replace(DECLARATION, declaration.replace(/\bencoding\s*=\s*["'][^"']*["']/, 'encoding="UTF-8"'))
    : text;
  // Parsed through the shared cache: the master set reads the same text again (read-master-set.ts).
  const error = parsedText(utf8);
  if (error instanceof XmlSyntaxError)
    return { problem: `is not well-formed XML (line ${error.line}, column ${error.column}: ${stripPlace(error)})` };
  return utf8;
}

const stripPlace = (error: XmlSyntaxError): string => error.message.replace(/^\d+:\d+: /, '');
