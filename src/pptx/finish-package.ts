/**
 * Parts (or a zip of them) → Buffer: repairs what pptxgenjs 4.0.1 gets wrong, sets the document
 * properties, and zips the result deterministically. Pure and synchronous.
 *
 * After this stage a deck passes ../shared/ooxml/validate-pptx.mjs with no errors
 * and no warnings, and the same input buffer and properties always give the same
 * bytes. For everything Trappa uses (no charts, no sections, which get random GUIDs),
 * pptxgenjs's only varying output is the build time in core.xml and in the zip entry
 * times; both are replaced here.
 *
 * Conventions the writer relies on (see the functions for details):
 * - Decorative pictures: shape name `decorative:…` or empty `altText` → `descr=""` and
 *   Office's decorative flag (`repairPictureAltText`).
 * - Slide titles: a text box named `Title` (pptxgenjs `objectName`) becomes the slide's
 *   title placeholder (`promoteTitleShapes`).
 */
import type { DeckProperties } from '../layout/types.js';
import { isXmlPart, type OpcPackage, type PartReader } from '../ooxml/package.js';
import { writeAppProperties, writeCoreProperties } from './document-properties.js';
import { writeCustomProperties } from './custom-properties.js';
import { PackageParts, zipTimestamp } from './package-parts.js';
import { isDrawingPart, repairDrawingPart, repairTablePiece, setTextLanguage } from './repair-drawing.js';
import { type PendingTable, writeTableXml } from './table-xml.js';
import { orderPresentationLists, rebuildContentTypes, removeOrphanRelationships } from './repair-package.js';
import { promoteTitleShapes } from './title-placeholder.js';
import { splitNoteParagraphs } from './notes-paragraphs.js';
import { dedupeMedia } from './dedupe-media.js';
import { applyStructure, schemeColors, themeFonts } from './apply-structure.js';
import { installMasterSet } from './install-master.js';
import type { DeckStructure } from './slide-structure.js';
import { assertWellFormed } from './check-well-formed.js';
import { BoundedCache } from '../bounded-cache.js';
import type { FinishingMemo } from './finish-memo.js';

/** A finished deck: its bytes, and the same parts as the readers see them, already parsed and checked. */
export interface FinishedDeck {
  bytes: Uint8Array;
  /**
   * What `bytes` holds, parsed and checked, for `checkDeck` without unzipping and parsing the
   * deck a second time. Its parts are read as trees (`partRoot`); their texts were let go, and
   * the trees of the parts `reader` read too (ooxml/package.ts readPartsOnce).
   */
  package: OpcPackage;
  /**
   * The deck's media (and other binary parts) by part name: the very byte arrays `bytes` holds,
   * for the check's backdrop pictures without unzipping them again (the template's pictures are
   * the same arrays in every deck, so what is worked out from them is found by array).
   */
  media: ReadonlyMap<string, Uint8Array>;
}

/** The finished deck's bytes (see finishDeck). */
export function finishPackage(
  raw: Uint8Array | PackageParts,
  props: DeckProperties,
  structure?: DeckStructure,
): Uint8Array {
  return finishDeck(raw, props, structure).bytes;
}

/**
 * `raw`: the parts from `writePptx` (edited in place, and emptied once zipped), or a zip of them.
 * With `structure`, the deck gets its master set (built-in or a template's) and every
 * slide its layout, placeholders, fields and theme references (apply-structure.ts);
 * without it only titles become placeholders, on pptxgenjs's bare master.
 */
export function finishDeck(
  raw: Uint8Array | PackageParts,
  props: DeckProperties,
  structure?: DeckStructure,
  { reader, memo }: { reader?: PartReader; memo?: FinishingMemo } = {},
): FinishedDeck {
  const finished = repairAndZip(raw, props, structure, memo);
  // After zipping, with the parts' bytes and the deflate buffers let go: parsing every part
  // builds the trees the check reads too, the largest thing a big deck holds at once, so each
  // part's text goes as soon as its tree is there, and the tree of each part `reader` reads
  // (the build's check, its slides) as soon as it is read.
  assertWellFormed(finished.package, { releaseTexts: true, reader });
  return finished;
}

const MASTER_SET_PART = /^ppt\/(slideMasters|slideLayouts)\/[^/]+\.xml$/;
/**
 * Repaired masters and layouts by language, then text, up to 16 M characters a language: every
 * deck of a build installs the same master set, and a template's (9 masters and 108 layouts,
 * 2.5 MB, in LibreOffice's Yellow Idea) cost its repairs again in each deck. Slides are not kept.
 * Keyed by the part's text itself, the very string every deck installs (part-text.ts), whose hash
 * the engine keeps: a key joining language and text was a new string per part and deck, copied
 * and hashed again to look it up. A project's decks are in one or two languages.
 */
const repairedMasterSet = new Map<string, BoundedCache<string, string>>();

function repairedDrawing(xml: string, name: string, language: string, memo?: FinishingMemo): string {
  if (!MASTER_SET_PART.test(name))
    return memo
      ? memo.repaired(xml, language, (text) => repairDrawingPart(text, language))
      : repairDrawingPart(xml, language);
  let repaired = repairedMasterSet.get(language);
  if (!repaired) {
    repaired = new BoundedCache<string, string>(16 * 1024 * 1024, (text, out) => text.length + out.length);
    repairedMasterSet.set(language, repaired);
  }
  let out = repaired.get(xml);
  if (out === undefined) repaired.set(xml, (out = repairDrawingPart(xml, language)));
  return out;
}

/**
 * Each table the writer left as a stand-in (write-pptx.ts) gets its own `a:tbl`, with every piece
 * finished as the passes before finished the slide around it: theme fonts and scheme colours
 * (apply-structure.ts, on the table's shape plan) and the drawing repairs. The k-th `a:tbl` of a
 * slide is its k-th pending table: pptxgenjs writes shapes in the order they were added, and only
 * tables hold an `a:tbl` (a text's `<` is escaped).
 */
function writeTables(parts: PackageParts, language: string, structure?: DeckStructure): void {
  const bySlide = new Map<number, PendingTable[]>();
  for (const t of parts.tables) {
    const onSlide = bySlide.get(t.slide);
    if (onSlide) onSlide.push(t);
    else bySlide.set(t.slide, [t]);
  }
  for (const [number, tables] of bySlide) {
    const name = `ppt/slides/slide${number}.xml`;
    parts.editText(
      (n) => n === name,
      (xml) => {
        const pieces: string[] = [];
        let done = 0;
        for (const pending of tables) {
          const start = xml.indexOf('<a:tbl>', done);
          const end = start === -1 ? -1 : xml.indexOf('</a:tbl>', start);
          if (end === -1) throw new Error(`${name}: no stand-in left for table ${pending.table.name}`);
          const plan = structure?.slides[number - 1]?.shapes[pending.element];
          const finish = (piece: string): string =>
            repairTablePiece(
              structure && plan ? schemeColors(themeFonts(piece, plan), structure.schemeColors) : piece,
              language,
            );
          pieces.push(xml.slice(done, start));
          writeTableXml(pieces, pending.table, pending.language, finish);
          done = end + '</a:tbl>'.length;
        }
        if (xml.includes('<a:tbl>', done)) throw new Error(`${name}: more tables than the writer left`);
        pieces.push(xml.slice(done));
        return pieces.join('');
      },
    );
  }
}

/**
 * @param memo what was made of each slide in an earlier build (of the same watch session, or of
 *   the project: template/finish-store.ts): slides that come back from pptxgenjs as they were are
 *   not worked on again, and in a watch session their deflated bytes are found by their text
 */
function repairAndZip(
  raw: Uint8Array | PackageParts,
  props: DeckProperties,
  structure?: DeckStructure,
  memo?: FinishingMemo,
): FinishedDeck {
  const modified = zipTimestamp(props.date);
  const parts = raw instanceof PackageParts ? raw : PackageParts.read(raw);

  // First, so that the shape it removes leaves no gap in the ids numbered next.
  parts.editText((name) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name), splitNoteParagraphs);
  if (structure) {
    installMasterSet(parts, structure.set);
    applyStructure(parts, structure, memo);
  } else {
    promoteTitleShapes(parts);
  }
  parts.editText(isDrawingPart, (xml, name) => repairedDrawing(xml, name, props.language, memo));
  writeTables(parts, props.language, structure);
  // The presentation's default text style is what new text typed in PowerPoint starts from.
  parts.editText(
    (name) => name === 'ppt/presentation.xml',
    (xml) => setTextLanguage(xml, props.language),
  );
  orderPresentationLists(parts);

  parts.setText('docProps/core.xml', writeCoreProperties(props));
  parts.setText('docProps/app.xml', writeAppProperties(parts, props));
  if (props.deckId) writeCustomProperties(parts, props.deckId, props.version);

  dedupeMedia(parts);
  removeOrphanRelationships(parts);
  rebuildContentTypes(parts);
  const media = new Map(
    parts.names().flatMap((name) => (isXmlPart(name) ? [] : [[name, parts.bytesOf(name)!] as const])),
  );
  const finished = {
    bytes: parts.toZip(modified, memo?.again ? isDrawingPart : undefined),
    package: parts.toPackage(),
    media,
  };
  // The package holds the texts now; `parts` may be the caller's (writePptx's), kept alive by its frame.
  parts.clear();
  return finished;
}
