/**
 * A PDF's bytes → what is really in it, read with pdf.js (the reader Firefox uses) rather than
 * from the file's own claims: per page the text as a reader extracts it, the fonts and whether
 * each is embedded, how much is drawn as text and as images, and the structure tree with each
 * element's role, /Alt, /Lang and the text it tags; for the document its /Lang, title,
 * MarkInfo and the PDF/A and PDF/UA identification in its XMP packet.
 */
import { readPainting } from './read-painting.js';
import type { PdfModel, PdfPage, PdfStructNode } from './types.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PdfPageProxy = Awaited<ReturnType<PdfDocument['getPage']>>;

/** pdf.js's structure node as getStructTree returns it (its type leaves out alt and lang). */
interface RawStructNode {
  role?: string;
  alt?: string;
  lang?: string;
  type?: string;
  id?: string;
  children?: RawStructNode[];
}

let pdfjs: Promise<PdfJs> | undefined;

/** pdf.js loads only when a PDF is read (it is ~3 MB of code). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/** Starts loading pdf.js (~1 s on a busy machine) so it overlaps other work, e.g. LibreOffice's run. */
export function preloadPdfReader(): void {
  loadPdfJs().catch(() => undefined);
}

/** @throws Error when the bytes are not a PDF pdf.js can open. */
export async function readPdf(bytes: Uint8Array): Promise<PdfModel> {
  const { getDocument } = await loadPdfJs();
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const [meta, markInfo, prefs] = await Promise.all([
      doc.getMetadata(),
      doc.getMarkInfo(),
      doc.getViewerPreferences(),
    ]);
    const info = meta.info as Record<string, unknown>;
    const xmp = (name: string): string | undefined => {
      const value: unknown = meta.metadata?.get(name);
      return typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : undefined;
    };
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readPage(await doc.getPage(n), n));
    return {
      version: String(info.PDFFormatVersion ?? ''),
      ...optional('title', stringOf(info.Title)),
      ...optional('lang', stringOf(info.Language)),
      displayDocTitle: (prefs as Record<string, unknown> | null)?.DisplayDocTitle === true,
      marked: markInfo?.Marked === true,
      xmp: {
        ...optional('pdfaPart', xmp('pdfaid:part')),
        ...optional('pdfaConformance', xmp('pdfaid:conformance')),
        ...optional('pdfuaPart', xmp('pdfuaid:part')),
        ...optional('language', xmp('dc:language')),
        ...optional('title', xmp('dc:title')),
        ...optional('raw', meta.metadata?.getRaw()),
      },
      pages,
    };
  } finally {
    await task.destroy();
  }
}

async function readPage(page: PdfPageProxy, number: number): Promise<PdfPage> {
  const { OPS, AnnotationMode } = await loadPdfJs();
  const content = await page.getTextContent({ includeMarkedContent: true });
  const byId = new Map<string, string>();
  const parts: string[] = [];
  // Marked content open around each piece of text: the innermost with an id ties it to the tree.
  const open: (string | undefined)[] = [];
  let untagged = 0;
  for (const item of content.items) {
    if ('str' in item) {
      const text = item.str + (item.hasEOL ? '\n' : '');
      parts.push(text);
      const id = [...open].reverse().find((m) => m !== undefined);
      if (id !== undefined) byId.set(id, (byId.get(id) ?? '') + text);
      else if (open.length === 0 && item.str.trim() !== '') untagged++;
    } else if (item.type === 'beginMarkedContentProps') {
      open.push(item.id);
    } else if (item.type === 'beginMarkedContent') {
      open.push(undefined);
    } else if (item.type === 'endMarkedContent') {
      open.pop();
    }
  }
  // The page's own content: annotations' appearances are not in its marked content (PDF/UA ties them in with /Annot).
  const ops = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
  const fontIds = new Set<string>();
  let textOps = 0;
  let imageOps = 0;
  const textOpCodes = new Set<number>([
    OPS.showText,
    OPS.showSpacedText,
    OPS.nextLineShowText,
    OPS.nextLineSetSpacingShowText,
  ]);
  const imageOpCodes = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject]);
  ops.fnArray.forEach((fn, i) => {
    if (fn === OPS.setFont) fontIds.add(String((ops.argsArray[i] as unknown[])[0]));
    else if (textOpCodes.has(fn)) textOps++;
    else if (imageOpCodes.has(fn)) imageOps++;
  });
  const fonts = [...fontIds].map((id) => {
    const font = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: string; missingFile?: boolean }) : {};
    return { name: font.name ?? id, embedded: font.missingFile === false };
  });
  const tree = (await page.getStructTree()) as RawStructNode | null;
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
  return {
    number,
    size: { width: x1 - x0, height: y1 - y0 },
    painting: readPainting(ops, OPS),
    text: parts.join(''),
    textOps,
    imageOps,
    untaggedText: untagged,
    fonts,
    ...(tree ? { structure: toStructNode(tree, byId) } : {}),
  };
}

function toStructNode(raw: RawStructNode, textById: Map<string, string>): PdfStructNode {
  const children: PdfStructNode[] = [];
  let text = '';
  for (const child of raw.children ?? []) {
    if (child.type === 'content' || child.type === 'object') {
      text += textById.get(child.id ?? '') ?? '';
      continue;
    }
    const node = toStructNode(child, textById);
    children.push(node);
    text += node.text;
  }
  return { role: raw.role ?? '', ...optional('alt', raw.alt), ...optional('lang', raw.lang), text, children };
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `{ key: value }` when value is defined, else `{}` (exactOptionalPropertyTypes-friendly spreads). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
