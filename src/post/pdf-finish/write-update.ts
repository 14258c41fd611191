/**
 * Changed objects → an incremental update appended to the PDF (ISO 32000-1 §7.5.6): the bytes
 * LibreOffice wrote stay as they are (fonts, images, the ID), followed by the new versions of
 * the objects that changed, a cross-reference section for them and a trailer pointing back at
 * the previous one. PDF/A-2 allows incremental updates; the trailer keeps the file's /ID.
 */
import type { PDFContext, PDFObject, PDFRef } from 'pdf-lib';

/** @throws Error when the file has no `startxref` to chain the update to. */
export function appendUpdate(original: Uint8Array, context: PDFContext, changed: Iterable<PDFRef>): Uint8Array {
  const tail = Buffer.from(original.subarray(Math.max(0, original.length - 1024))).toString('latin1');
  const prev = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1];
  if (prev === undefined) throw new Error('the PDF has no startxref at its end');
  const refs = [...new Set(changed)]
    .filter((r) => context.lookup(r) !== undefined)
    .sort((a, b) => a.objectNumber - b.objectNumber);
  const chunks: Uint8Array[] = [original];
  let offset = original.length;
  const push = (bytes: Uint8Array) => {
    chunks.push(bytes);
    offset += bytes.length;
  };
  const text = (s: string) => push(Buffer.from(s, 'latin1'));
  if (original[original.length - 1] !== 0x0a) text('\n');
  const offsets = new Map<number, number>();
  for (const ref of refs) {
    const object = context.lookup(ref);
    if (object === undefined) continue;
    offsets.set(ref.objectNumber, offset);
    text(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    push(bytesOf(object));
    text('\nendobj\n');
  }
  const xref = offset;
  text(`xref\n${subsections(refs, offsets)}`);
  const { Root, Info, ID } = context.trailerInfo;
  const entries = [
    `/Size ${context.largestObjectNumber + 1}`,
    Root ? `/Root ${Root.toString()}` : '',
    Info ? `/Info ${Info.toString()}` : '',
    ID ? `/ID ${ID.toString()}` : '',
    `/Prev ${prev}`,
  ].filter(Boolean);
  text(`trailer\n<<${entries.join(' ')}>>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(chunks);
}

function bytesOf(object: PDFObject): Uint8Array {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return bytes;
}

/** Consecutive object numbers share a subsection; each entry is 20 bytes (§7.5.4). */
function subsections(refs: PDFRef[], offsets: Map<number, number>): string {
  let out = '';
  let i = 0;
  while (i < refs.length) {
    let j = i;
    while (j + 1 < refs.length && refs[j + 1]!.objectNumber === refs[j]!.objectNumber + 1) j++;
    out += `${refs[i]!.objectNumber} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const ref = refs[k]!;
      const at = String(offsets.get(ref.objectNumber)).padStart(10, '0');
      out += `${at} ${String(ref.generationNumber).padStart(5, '0')} n \n`;
    }
    i = j + 1;
  }
  return out;
}
