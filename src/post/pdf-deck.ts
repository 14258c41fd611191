/**
 * A deck → the copy LibreOffice turns into the PDF (the saved .pptx is never changed).
 *
 * Decorative shapes must become artifacts in a tagged PDF, so screen readers skip them.
 * LibreOffice 7.4 ignores Office's decorative flag (`adec:decorative`) when it tags a PDF: every
 * shape without text becomes a Figure without /Alt (the issue counted 15 of 23). Content of
 * master pages it does not tag at all, and it imports each PowerPoint layout as a master page.
 * So each slide with decorative shapes gets its own copy of its layout holding them; they are
 * drawn the same, behind the slide's own shapes, untagged, and the finishing stage
 * (pdf-finish/) marks them as artifacts.
 *
 * Decorative: marked so (`adec:decorative val="1"`), or a shape (`p:sp`, `p:cxnSp`) with no
 * text, no alt text and no placeholder: a rule, band, panel or arrow. Pictures are moved only
 * when marked decorative; every other picture keeps its place and its alt text.
 */
import { PackageParts, relationshipTargets, zipTimestamp } from '../pptx/package-parts.js';

const SHAPE = /<p:(sp|cxnSp|pic)>[\s\S]*?<\/p:\1>/g;
const MARKED_DECORATIVE = /<(?:\w+:)?decorative\b[^>]*\bval="(?:1|true)"/;
const LAYOUT_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout';
const LAYOUT_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml';
/** Shape ids in the new layouts start here, clear of the layout's own. */
const FIRST_MOVED_ID = 10_000;

export function isDecorativeShape(kind: string, xml: string): boolean {
  const cNvPr = /<p:cNvPr\b[^>]*?(?:\/>|>[\s\S]*?<\/p:cNvPr>)/.exec(xml)?.[0] ?? '';
  if (MARKED_DECORATIVE.test(cNvPr)) return true;
  if (kind === 'pic' || /<p:ph\b/.test(xml)) return false;
  const hasText = /<a:t>[^<]*\S[^<]*<\/a:t>/.test(xml);
  const descr = /\bdescr="([^"]*)"/.exec(cNvPr)?.[1]?.trim() ?? '';
  return !hasText && descr === '';
}

/** @returns the deck for LibreOffice, and how many shapes were moved onto layouts. */
export function prepareDeckForPdf(pptx: Uint8Array): { bytes: Uint8Array; moved: number } {
  const parts = PackageParts.read(pptx);
  const slides = [...relationshipTargets(parts, 'ppt/presentation.xml', '/slide').values()];
  let moved = 0;
  let next = nextLayoutNumber(parts);
  for (const slide of slides) {
    const xml = parts.text(slide);
    // Groups would need their child coordinates carried along; Trappa writes none.
    if (xml === undefined || xml.includes('<p:grpSp>')) continue;
    const decorative = [...xml.matchAll(SHAPE)].filter((m) => isDecorativeShape(m[1] ?? '', m[0])).map((m) => m[0]);
    if (decorative.length === 0) continue;
    const layout = [...relationshipTargets(parts, slide, '/slideLayout').values()][0];
    if (layout === undefined || !parts.has(layout)) continue;
    const name = `ppt/slideLayouts/slideLayout${next++}.xml`;
    copyLayout(parts, { slide, layout, name, shapes: decorative });
    parts.setText(
      slide,
      decorative.reduce((rest, shape) => rest.replace(shape, ''), xml),
    );
    moved += decorative.length;
  }
  return { bytes: moved > 0 ? parts.toZip(zipTimestamp('2000-01-01')) : pptx, moved };
}

function nextLayoutNumber(parts: PackageParts): number {
  const numbers = parts.names().map((n) => Number(/^ppt\/slideLayouts\/slideLayout(\d+)\.xml$/.exec(n)?.[1] ?? 0));
  return Math.max(0, ...numbers) + 1;
}

interface LayoutCopy {
  slide: string;
  layout: string;
  /** Part name of the new layout. */
  name: string;
  shapes: string[];
}

/** The slide's layout with `shapes` added on top, registered with the master, the content types and the slide. */
function copyLayout(parts: PackageParts, copy: LayoutCopy): void {
  const slideRels = relsPart(copy.slide);
  const slideRelsXml = parts.text(slideRels) ?? '';
  const layoutRelsXml = parts.text(relsPart(copy.layout)) ?? emptyRels;
  const extraRels: string[] = [];
  let id = FIRST_MOVED_ID;
  const shapes = copy.shapes.map((shape) =>
    shape
      .replace(/(<p:cNvPr\b[^>]*?\bid=")\d+"/, (_, start: string) => `${start}${id++}"`)
      // Pictures refer to their image through the slide's relationships: carry each one over.
      .replace(/\br:(embed|link|id)="([^"]+)"/g, (_, attr: string, rId: string) => {
        const rel = new RegExp(`<Relationship\\b[^>]*\\bId="${rId}"[^>]*/>`).exec(slideRelsXml)?.[0];
        if (!rel) return `r:${attr}="${rId}"`;
        const newId = `rIdPdf${extraRels.length + 1}`;
        extraRels.push(rel.replace(/\bId="[^"]*"/, `Id="${newId}"`));
        return `r:${attr}="${newId}"`;
      }),
  );
  const layoutXml = parts.text(copy.layout) ?? '';
  parts.setText(copy.name, layoutXml.replace('</p:spTree>', `${shapes.join('')}</p:spTree>`));
  parts.setText(
    relsPart(copy.name),
    layoutRelsXml.replace('</Relationships>', `${extraRels.join('')}</Relationships>`),
  );
  const layoutFile = copy.name.slice(copy.name.lastIndexOf('/') + 1);
  parts.setText(
    slideRels,
    slideRelsXml.replace(
      /(<Relationship\b[^>]*Type="[^"]*\/slideLayout"[^>]*Target=")[^"]*"/,
      `$1../slideLayouts/${layoutFile}"`,
    ),
  );
  const types = parts.text('[Content_Types].xml') ?? '';
  parts.setText(
    '[Content_Types].xml',
    types.replace('</Types>', `<Override PartName="/${copy.name}" ContentType="${LAYOUT_CONTENT_TYPE}"/></Types>`),
  );
  registerWithMaster(parts, copy.name);
}

const emptyRels =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

function relsPart(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/** The layout's master lists it (`p:sldLayoutIdLst`), as PowerPoint and LibreOffice expect. */
function registerWithMaster(parts: PackageParts, layout: string): void {
  const master = [...relationshipTargets(parts, layout, '/slideMaster').values()][0];
  const masterXml = master ? parts.text(master) : undefined;
  if (!master || masterXml === undefined) return;
  const masterRels = relsPart(master);
  const relsXml = parts.text(masterRels) ?? emptyRels;
  const rId = `rIdPdfLayout${relsXml.split('rIdPdfLayout').length}`;
  const target = `../slideLayouts/${layout.slice(layout.lastIndexOf('/') + 1)}`;
  parts.setText(
    masterRels,
    relsXml.replace(
      '</Relationships>',
      `<Relationship Id="${rId}" Type="${LAYOUT_TYPE}" Target="${target}"/></Relationships>`,
    ),
  );
  const ids = [...masterXml.matchAll(/<p:sldLayoutId\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
  const id = Math.max(2_147_483_648, ...ids) + 1;
  parts.setText(
    master,
    masterXml.replace('</p:sldLayoutIdLst>', `<p:sldLayoutId id="${id}" r:id="${rId}"/></p:sldLayoutIdLst>`),
  );
}
