/**
 * LibreOffice's tagged PDF → the PDF Trappa saves: every painted thing tagged or an artifact.
 * LibreOffice 7.4 paints master-page content (where decorative shapes are put, pdf-deck.ts)
 * and the page background with no marked content around it, tags the footer, date, slide
 * number and footer logo as content on every page, tags panel headings as P, and a slide
 * title as an H holding a P. Per page this stage
 * - wraps painting outside marked content in an artifact (a pagination artifact in the footer);
 * - turns tagged content in a footer shape into a pagination artifact, and a grouping
 *   element's content that only paints shapes (a panel's fill) into a layout artifact, taking
 *   both out of the structure tree;
 * - makes a P inside a heading shape, or a text's declared heading paragraph (deck-regions.ts),
 *   an H2, under the slide title's H1;
 * and for the document it adds the XMP extension schema for pdfuaid and the deck's keywords.
 * It works on the content streams' operators (content-tokens.ts, content-walk.ts) and the
 * structure tree (struct-tree.ts), and appends what changed as an incremental update.
 */
import { inflateSync } from 'node:zlib';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  type PDFContext,
} from 'pdf-lib';
import { centreIn, slideRegions } from '../../check/pdf/deck-regions.js';
import type { SlideRegions } from '../../check/pdf/types.js';
import type { DeckModel } from '../../check/types.js';
import { type ContentOp, tokenizeContent } from './content-tokens.js';
import { type PageContent, walkContent } from './content-walk.js';
import { StructTree } from './struct-tree.js';
import { appendUpdate } from './write-update.js';
import { deckKeywords, finishMetadata } from './metadata.js';

/** What the stage did, for the build's report and the tests. */
export interface PdfFinishing {
  bytes: Uint8Array;
  /** Runs of painting that were outside marked content, now artifacts. */
  wrapped: number;
  /** Tagged marked content made artifacts (footers, panel fills). */
  untagged: number;
  /** Panel, column and list headings tagged H2. */
  headings: number;
  /** Slide titles made one H1. */
  titles: number;
}

const PAGINATION = '/Artifact<</Type/Pagination/Subtype/Footer>>BDC';
const LAYOUT = '/Artifact<</Type/Layout>>BDC';
/** Grouping elements whose pure shape painting (a fill behind text) is decoration. */
const GROUPING = new Set(['Div', 'P', 'Span', 'NonStruct', 'Sect', 'Part', 'Art']);

export async function finishPdf(pdf: Uint8Array, deck: DeckModel): Promise<PdfFinishing> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const { context, catalog } = doc;
  const changed = new Set<PDFRef>();
  const tree = StructTree.read(context, catalog, changed);
  const pages = doc.getPages();
  const box = pages[0]?.getMediaBox();
  const regions = box ? slideRegions(deck, box) : [];
  const pageKeys = new Map<string, number>();
  const result = { wrapped: 0, untagged: 0, headings: 0, titles: 0 };
  pages.forEach((page, i) => {
    const key = page.node.get(PDFName.of('StructParents'));
    if (key instanceof PDFNumber) pageKeys.set(page.ref.toString(), key.asNumber());
    const contents = page.node.get(PDFName.of('Contents'));
    const streams = contents instanceof PDFArray ? contents.asArray() : [contents];
    const refs = streams.filter((s): s is PDFRef => s instanceof PDFRef);
    if (refs.length === 0) return;
    const text = refs.map((ref) => streamText(context, ref)).join('\n');
    const ops = tokenizeOrNothing(text);
    const content = walkContent(ops);
    // Marked content that does not nest cannot be told apart: the page stays as it is, for the check to judge.
    if (!content.balanced || ops.length === 0) return;
    const edits = pageEdits(ops, content, regions[i] ?? { footers: [], headings: [] }, {
      tree,
      key: key instanceof PDFNumber ? key.asNumber() : undefined,
      result,
    });
    if (edits.length === 0) return;
    context.assign(refs[0]!, context.flateStream(Buffer.from(applyEdits(text, edits), 'latin1')));
    changed.add(refs[0]!);
    if (refs.length > 1) {
      page.node.set(PDFName.of('Contents'), refs[0]!);
      changed.add(page.ref);
    }
  });
  if (tree) result.titles = tree.flattenHeadings(pageKeys);
  finishMetadata(context, catalog, deckKeywords(deck), changed);
  return { bytes: changed.size > 0 ? appendUpdate(pdf, context, changed) : pdf, ...result };
}

interface Edit {
  from: number;
  to: number;
  text: string;
}

interface PageTags {
  tree: StructTree | undefined;
  key: number | undefined;
  result: Omit<PdfFinishing, 'bytes'>;
}

function pageEdits(ops: ContentOp[], content: PageContent, regions: SlideRegions, tags: PageTags): Edit[] {
  const edits: Edit[] = [];
  const opener = (inFooter: boolean) => (inFooter ? PAGINATION : LAYOUT);
  for (const run of content.untagged) {
    edits.push({
      from: ops[run.first]!.start,
      to: ops[run.first]!.start,
      text: `${opener(centreIn(run.box, regions.footers))}\n`,
    });
    edits.push({ from: ops[run.last]!.end, to: ops[run.last]!.end, text: '\nEMC' });
    tags.result.wrapped++;
  }
  const { tree, key } = tags;
  for (const seq of content.sequences) {
    if (seq.mcid === undefined || seq.tag === 'Artifact' || !tree || key === undefined) continue;
    const element = tree.elementOf(key, seq.mcid);
    const role = element ? tree.role(element) : '';
    const inFooter = centreIn(seq.box, regions.footers);
    const fillOnly = seq.paints.path > 0 && seq.paints.text === 0 && seq.paints.image === 0 && GROUPING.has(role);
    if (inFooter || fillOnly) {
      const open = ops[seq.open]!;
      edits.push({ from: open.start, to: open.end, text: opener(inFooter) });
      tree.untag(key, seq.mcid);
      tags.result.untagged++;
    } else if (element && role === 'P' && seq.paints.text > 0 && isHeading(seq.box, element, regions, tree)) {
      tree.setRole(element, 'H2');
      tags.result.headings++;
    }
  }
  return edits;
}

/**
 * The P is drawn in a heading's box: a heading shape's, or a text's whose heading paragraph is
 * this P's place among the paragraphs of the text's element (LibreOffice tags a text's paragraphs
 * in order, each a P or a list item).
 */
function isHeading(
  box: PageContent['sequences'][number]['box'],
  element: PDFRef,
  regions: SlideRegions,
  tree: StructTree,
) {
  return regions.headings.some(
    (h) => centreIn(box, [h.box]) && (h.paragraph === undefined || tree.paragraphIndex(element) === h.paragraph),
  );
}

/** The operators, or none for a stream that cannot be read (left as it is, for the check to judge). */
function tokenizeOrNothing(text: string): ContentOp[] {
  try {
    return tokenizeContent(text);
  } catch {
    return [];
  }
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.from - a.from || b.to - a.to)) {
    out = out.slice(0, edit.from) + edit.text + out.slice(edit.to);
  }
  return out;
}

/** A content stream's decoded bytes as latin1 text (one character per byte). */
function streamText(context: PDFContext, ref: PDFRef): string {
  const stream = context.lookup(ref);
  if (!(stream instanceof PDFRawStream)) return '';
  const filter = stream.dict.get(PDFName.of('Filter'));
  const bytes =
    filter === PDFName.of('FlateDecode') ? inflateSync(stream.contents) : decodePDFRawStream(stream).decode();
  return Buffer.from(bytes).toString('latin1');
}
