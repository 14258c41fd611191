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
 * as U+FFFD) and a leading BOM (dropped by the decoder): a part holding a lone surrogate or
 * starting with a BOM is handed out as bytes, as the zip held it, and decoded where it is read.
 *
 * Pictures: pptxgenjs hands each picture to `zip.file` as base64 text, which JSZip decodes in
 * JavaScript, byte by byte, and then hands out through the same chunks (the bundled deck's
 * logos: about a third of writing it, in a watch rebuild). `zip.file` is wrapped too: base64 as
 * Buffer.from writes it (the only base64 pptxgenjs gets from the writer) is decoded by Node,
 * to the same bytes, and handed out as it is kept.
 */
import JSZip from 'jszip';
import { isXmlPart } from '../ooxml/package.js';

/** An output type JSZip does not have: `pptx.write({ outputType: PARTS_TYPE })` answers `RawParts`. */
export const PARTS_TYPE = 'trappa:parts';

/** Parts by name in the order pptxgenjs added them (the zip's order): text for XML (but see above), bytes for the rest. */
export type RawParts = Map<string, string | Uint8Array>;

const WRAPPED = Symbol.for('trappa.jszip.parts');
const WRAPPED_FILE = Symbol.for('trappa.jszip.base64');

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

/** `text` decoded, when it is base64 exactly as Buffer#toString('base64') writes it; anything else is left to JSZip. */
function plainBase64(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, 'base64');
  // Node's decoder skips what is not base64; JSZip's would refuse some of it: only the one form both read alike.
  return bytes.toString('base64') === text ? bytes : undefined;
}

type AddFile = (name: string, data: unknown, options?: JSZip.JSZipFileOptions) => JSZip;

function wrapFile(): void {
  const proto = JSZip.prototype as JSZip & { [WRAPPED_FILE]?: true };
  if (proto[WRAPPED_FILE]) return;
  const file = proto.file as unknown as AddFile;
  proto.file = function (this: JSZip, ...args: Parameters<AddFile>) {
    const [name, data, options] = args;
    const bytes = options?.base64 === true && typeof data === 'string' ? plainBase64(data) : undefined;
    if (bytes) return file.call(this, name, bytes, { ...options, base64: false, binary: true });
    if (typeof data === 'string' && isXmlPart(name)) flatten(data);
    return file.apply(this, args);
  } as unknown as JSZip['file'];
  proto[WRAPPED_FILE] = true;
}
wrapFile();

async function readParts(zip: JSZip): Promise<RawParts> {
  const files: JSZip.JSZipObject[] = [];
  // Folder entries (pptxgenjs adds `ppt/charts/` and others, even empty) are not parts in OPC.
  zip.forEach((name, file) => {
    if (!name.endsWith('/')) files.push(file);
  });
  const parts: RawParts = new Map();
  for (const file of files) parts.set(file.name, isXmlPart(file.name) ? await textOf(file) : await bytesOf(file));
  return parts;
}

/**
 * Makes V8 copy a part's text into one flat string now, as pptxgenjs hands it over, rather than when
 * the parts are read after the last slide (`textOf`). pptxgenjs builds a slide by appending tens of
 * thousands of small pieces (a table cell is ~60), which V8 keeps as a rope: one object per piece.
 * Held until every slide was written, a 1,000-row plan's ~100 ropes (~1.5 M objects) were copied
 * by each young-generation collection they outlived and then moved to the old generation, where
 * full collections marked them again. Flattened at once, the pieces die young. `isWellFormed`
 * flattens (it reads every character) and is asked again of the flat text in `textOf`.
 */
function flatten(text: string): void {
  (text as string & { isWellFormed(): boolean }).isWellFormed();
}

/** A lone surrogate (encoded as U+FFFD) or a leading BOM (dropped when decoded): the text is not what the zip holds. */
const encodedOtherwise = (text: string): boolean =>
  text.charCodeAt(0) === 0xfeff || !(text as string & { isWellFormed(): boolean }).isWellFormed();

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

/** A binary part: the bytes it was added with (a picture, see wrapFile), or what `async` hands out. */
async function bytesOf(file: JSZip.JSZipObject): Promise<Uint8Array> {
  const kept = file as JSZip.JSZipObject & KeptData;
  const data = kept._dataBinary === true ? await kept._data : undefined;
  if (data instanceof Uint8Array) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return file.async('uint8array');
}
