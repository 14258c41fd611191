/**
 * Slide titles as real title placeholders, so PowerPoint's accessibility checker,
 * the outline view and screen readers find a title on every slide.
 *
 * Convention: the writer adds each slide's title as an ordinary text box named
 * `Title` (pptxgenjs `objectName: 'Title'`), positioned like any other text. This
 * stage turns the first such `p:sp` on a slide into `<p:ph type="title"/>`, unless the
 * slide already has a title placeholder with text.
 *
 * Why not pptxgenjs's own `addText(…, { placeholder: 'title' })`: its XML is valid, but
 * pptxgenjs 4.0.1 copies the master placeholder's options over the call's options
 * (`cleanOpts` step A.3), so the slide's x/y/w/h, `objectName` and `valign` are
 * replaced by the master's: every title would need its own master.
 */
import { relationshipTargets, type PackageParts } from './package-parts.js';
import { editStartTags, getAttribute, parseAttributes, setAttribute, startTagPattern } from './xml-edit.js';

const TITLE_SHAPE_NAME = 'Title';
const SHAPE = /<p:sp>[\s\S]*?<\/p:sp>/g;
const TITLE_PLACEHOLDER = /<p:ph\b[^>]*?\btype="(?:title|ctrTitle)"/;

export function promoteTitleShapes(parts: PackageParts): void {
  for (const slide of parts.names().filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))) {
    const xml = parts.text(slide) ?? '';
    const shapes = [...xml.matchAll(SHAPE)];
    const placeholders = shapes.filter(([sp]) => TITLE_PLACEHOLDER.test(sp));
    if (placeholders.some(([sp]) => /<a:t>[^<]*\S[^<]*<\/a:t>/.test(sp))) continue;
    const named = shapes.find(([sp]) => isTitleShape(sp));
    if (!named) continue;
    // pptxgenjs copies every unfilled master placeholder onto the slide as an empty
    // shape; an empty title placeholder would now be a second title, so it goes.
    let out = '';
    let at = 0;
    for (const shape of [named, ...placeholders].sort((a, b) => a.index - b.index)) {
      const replacement = shape === named ? promoteShape(shape[0], titlePlaceholderTag(parts, slide)) : '';
      out += xml.slice(at, shape.index) + replacement;
      at = shape.index + shape[0].length;
    }
    parts.setText(slide, out + xml.slice(at));
  }
}

function isTitleShape(sp: string): boolean {
  const nameProperties = new RegExp(startTagPattern('p:cNvPr')).exec(sp);
  if (!nameProperties || sp.includes('<p:ph')) return false;
  const tag = { attributes: parseAttributes(nameProperties[1] ?? ''), selfClosing: false };
  return getAttribute(tag, 'name') === TITLE_SHAPE_NAME;
}

/**
 * `<p:ph type="title"/>`, with the `idx` of the layout's title placeholder when the
 * layout has one (pptxgenjs numbers master placeholders from 100), so the slide's
 * title inherits from it as pptxgenjs's own placeholder titles do.
 */
function titlePlaceholderTag(parts: PackageParts, slide: string): string {
  const layout = [...relationshipTargets(parts, slide, '/slideLayout').values()][0];
  const layoutXml = layout ? (parts.text(layout) ?? '') : '';
  for (const m of layoutXml.matchAll(new RegExp(startTagPattern('p:ph'), 'g'))) {
    const tag = { attributes: parseAttributes(m[1] ?? ''), selfClosing: true };
    const type = getAttribute(tag, 'type');
    const idx = getAttribute(tag, 'idx');
    if (type !== 'title' && type !== 'ctrTitle') continue;
    return idx ? `<p:ph type="title" idx="${idx}"/>` : '<p:ph type="title"/>';
  }
  return '<p:ph type="title"/>';
}

/**
 * The title placeholder inherits the master's title style (pptxgenjs: 44 pt, centred).
 * Font, size and colour are explicit on every run the writer makes, but alignment is
 * written only when set, so paragraphs without `algn` get `algn="l"`: the look of the
 * text box stays what the layout stage measured.
 */
function promoteShape(sp: string, placeholder: string): string {
  // Placeholders are locked against grouping, as PowerPoint writes them; a text box flag would contradict `p:ph`.
  const shapeProperties = /<p:cNvSpPr\b[^>]*?(?:\/>|>[\s\S]*?<\/p:cNvSpPr>)/;
  let out = sp.replace(shapeProperties, '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>');
  // p:ph is the first child of p:nvPr (CT_ApplicationNonVisualDrawingProps).
  out = out.replace(/<p:nvPr\s*(\/?)>/, (_m, slash: string) =>
    slash ? `<p:nvPr>${placeholder}</p:nvPr>` : `<p:nvPr>${placeholder}`,
  );
  out = out.replace(/<a:p>(?!<a:pPr\b)/g, '<a:p><a:pPr algn="l"/>');
  return editStartTags(out, 'a:pPr', (tag) => {
    if (getAttribute(tag, 'algn') === undefined) setAttribute(tag, 'algn', 'l');
  });
}
