/**
 * pptxgenjs's parts as it made them, without its zip. pptxgenjs puts every part into a JSZip
 * and can only hand out the zip; the finishing stage then unzipped and decoded it at once.
 * For a 1,000-row deck that is ~10 MB of XML encoded, CRC'd and copied in 16 KB chunks (one
 * event-loop turn each) only to be decoded again (about a tenth of a big build's CPU), and the
 * zip, its chunks and the unzipped copies all alive at the peak.
 *
 * How: pptxgenjs passes `write({ outputType })` straight to `zip.generateAsync({ type })`.
 * JSZip's `generateAsync` is wrapped once so that the type `PARTS_TYPE`, which JSZip does not
 * know, answers the zip's entries; every other type goes to JSZip unchanged. A text part's
 * string is taken as JSZip keeps it (`_data`, `_dataBinary` of JSZip 3): its public `async`
 * hands it out through the same 16 KB chunks and event-loop turns as zipping did. Anything
 * else, or a JSZip that keeps its data otherwise, is read through `async`.
 *
 * The parts are what the zip held, byte for byte, and read as text they are what it decoded to
 * (test/pptx-parts.test.ts). Encoding differs from the text only for a lone surrogate (written
 * as U+FFFD) and a leading BOM (dropped by the decoder): a part holding a surrogate code unit or
 * starting with a BOM is handed out as bytes, as the zip held it, and decoded where it is read.
 */
import JSZip from 'jszip';
import { isXmlPart } from '../ooxml/package.js';

/** An output type JSZip does not have: `pptx.write({ outputType: PARTS_TYPE })` answers `RawParts`. */
export const PARTS_TYPE = 'trappa:parts';

/** Parts by name in the order pptxgenjs added them (the zip's order): text for XML (but see above), bytes for the rest. */
export type RawParts = Map<string, string | Uint8Array>;

const WRAPPED = Symbol.for('trappa.jszip.parts');

type Generate = JSZip['generateAsync'];

function wrapGenerate(): void {
  const proto = JSZip.prototype as JSZip & { [WRAPPED]?: true };
  if (proto[WRAPPED]) return;
  const generate: Generate = proto.generateAsync;
  proto.generateAsync = function (this: JSZip, options, onUpdate) {
    if ((options?.type as string | undefined) === PARTS_TYPE) return readParts(this) as never;
    return generate.call(this, options, onUpdate);
  } as Generate;
  proto[WRAPPED] = true;
}
wrapGenerate();

async function readParts(zip: JSZip): Promise<RawParts> {
  const files: JSZip.JSZipObject[] = [];
  // Folder entries (pptxgenjs adds `ppt/charts/` and others, even empty) are not parts in OPC.
  zip.forEach((name, file) => {
    if (!name.endsWith('/')) files.push(file);
  });
  const parts: RawParts = new Map();
  for (const file of files)
    parts.set(file.name, isXmlPart(file.name) ? await textOf(file) : await file.async('uint8array'));
  return parts;
}

/**
 * A surrogate code unit anywhere, tested apart from a leading BOM: one character class scans a
 * 1,000-row deck's 10 MB of slides several times faster than the alternation with `^\uFEFF` did.
 */
const SURROGATE = /[\uD800-\uDFFF]/;
const encodedOtherwise = (text: string): boolean => text.charCodeAt(0) === 0xfeff || SURROGATE.test(text);

/** How JSZip 3 keeps an entry added as a string: `_data` resolves to that string, `_dataBinary` false. */
interface KeptData {
  _data?: unknown;
  _dataBinary?: unknown;
}

async function textOf(file: JSZip.JSZipObject): Promise<string | Uint8Array> {
  const kept = file as JSZip.JSZipObject & KeptData;
  const data = kept._dataBinary === false ? await kept._data : undefined;
  const text = typeof data === 'string' ? data : await file.async('string');
  return encodedOtherwise(text) ? file.async('uint8array') : text;
}
