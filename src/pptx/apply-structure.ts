/**
 * Carries out each slide's plan (slide-structure.ts) on the XML pptxgenjs wrote: text
 * boxes become placeholders of the slide's layout, the slide number a field, shapes get
 * their names, their data source (a custom tag) and the decorative mark, theme colours and fonts
 * become scheme and theme references. The slide's own geometry and run sizes stay, so
 * what the layout stage measured still holds inside the placeholder.
 *
 * pptxgenjs writes one top-level `p:sp` / `p:pic` / `p:graphicFrame` per element, in
 * the order the writer added them, so element i of the laid-out slide is shape i here.
 */
import { coverPlacesOnLayouts } from './cover-on-layout.js';
import { setLayoutTitleColor } from './layout-title-color.js';
import type { PackageParts } from './package-parts.js';
import { DECORATIVE_EXT, DECORATIVE_URI, panelShape, phTag, slideNumberField } from './placeholder-xml.js';
import type { DeckStructure, ShapePlan, SlidePlan } from './slide-structure.js';
import type { SlotInset } from './slot-plan.js';
import { relsOfSlide, type ShapeTags, SourceTags, tagWithId } from './source-tags.js';
import type { FinishingMemo } from './finish-memo.js';
import { inchToEmu } from '../units.js';
import { editStartTags, escapeXml, getAttribute, removeAttribute, replaceFrom, setAttribute } from './xml-edit.js';

const TOP_LEVEL = /<p:(sp|pic|graphicFrame)>[\s\S]*?<\/p:\1>/g;
const LAYOUT_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout';

function setName(xml: string, plan: ShapePlan): string {
  const name = escapeXml(plan.name);
  let out = editStartTags(xml, 'p:cNvPr', (tag) => setAttribute(tag, 'name', name));
  if (plan.decorative && !out.includes(DECORATIVE_URI)) {
    out = out.replace(
      /<p:cNvPr\b([^>]*?)(?:\/>|><\/p:cNvPr>)/,
      (_m, attributes: string) => `<p:cNvPr${attributes}>${DECORATIVE_EXT}</p:cNvPr>`,
    );
  }
  return out;
}

/**
 * Paragraph spacing and bold are written on every paragraph and run, so a template's
 * body style (space after, bold headings, autofit) cannot change what was measured.
 */
function pinMeasuredText(xml: string): string {
  let out = xml.replace(/<a:pPr\b([^>]*?)(?:\/>|>([\s\S]*?)<\/a:pPr>)/g, (_m, attributes: string, inner = '') => {
    let body = inner as string;
    if (!body.includes('<a:spcAft>')) {
      const anchor = /<a:(?:bu|tabLst|defRPr|extLst)/.exec(body);
      const at = anchor ? anchor.index : body.length;
      body = `${body.slice(0, at)}<a:spcAft><a:spcPts val="0"/></a:spcAft>${body.slice(at)}`;
    }
    if (!body.includes('<a:spcBef>'))
      body = body.replace('<a:spcAft>', '<a:spcBef><a:spcPts val="0"/></a:spcBef><a:spcAft>');
    return `<a:pPr${attributes}>${body}</a:pPr>`;
  });
  out = editStartTags(out, 'a:rPr', (tag) => {
    if (getAttribute(tag, 'b') === undefined) setAttribute(tag, 'b', '0');
  });
  return out.replace(/<a:bodyPr\b([^>]*?)(?:\/>|><\/a:bodyPr>)/, '<a:bodyPr$1><a:noAutofit/></a:bodyPr>');
}

/**
 * A first-level paragraph aligned as the placeholder's text is by its layout and master writes no
 * `algn` of its own (pptxgenjs writes one on every paragraph): the template's style rules it, as
 * PowerPoint's *Reset slide* expects. Sub-levels keep theirs (their style may differ).
 */
function inheritAlignment(xml: string, plan: ShapePlan): string {
  const inherited = plan.inheritedAlign;
  if (!inherited && !plan.alignLeft) return xml;
  return editStartTags(xml, 'a:pPr', (tag) => {
    const level = getAttribute(tag, 'lvl');
    if (level !== undefined && level !== '0') return;
    if (plan.alignLeft) setAttribute(tag, 'algn', 'l');
    if (getAttribute(tag, 'algn') === inherited) removeAttribute(tag, 'algn');
  });
}

/** OOXML's default insets (EMU), for a `bodyPr` that writes none. */
const DEFAULT_INSETS = { lIns: 91440, tIns: 45720, rIns: 91440, bIns: 45720 };

/** The text stands `inset` further in from the (inherited, larger) box's sides than its own insets say. */
function insetText(xml: string, inset: SlotInset): string {
  const by = { lIns: inset.left, tIns: inset.top, rIns: inset.right, bIns: inset.bottom };
  return editStartTags(xml, 'a:bodyPr', (tag) => {
    for (const [name, inches] of Object.entries(by) as [keyof typeof by, number][]) {
      const own = Number(getAttribute(tag, name) ?? DEFAULT_INSETS[name]);
      setAttribute(tag, name, String(own + inchToEmu(inches)));
    }
  });
}

/** The panel behind the text, and the scheme colour its runs name where theirs would not read. */
function readableText(xml: string, plan: ShapePlan): string {
  let out = xml;
  if (plan.panel && !plan.panelBox) {
    const fill = `<a:solidFill><a:schemeClr val="${plan.panel}"/></a:solidFill>`;
    out = out.replace(/(<p:spPr\b[\s\S]*?)(?:<a:noFill\/>|(?=<a:ln\b)|(?=<\/p:spPr>))/, `$1${fill}`);
  }
  // A placeholder's runs inherit the layout's colour unless it would not read; a text box's keep their own.
  if (plan.inheritColor && (plan.placeholder || plan.color)) {
    const fill = (slot: string | undefined) => (slot ? `<a:solidFill><a:schemeClr val="${slot}"/></a:solidFill>` : '');
    const own = fill(plan.color);
    const marked = fill(plan.highlightColor?.slot);
    out = out.replace(/(<a:rPr\b[^>]*>)([\s\S]*?)(<\/a:rPr>)/g, (_m, start: string, inner: string, end: string) => {
      // A highlighted run names the colour that reads on its highlight, before it (the schema's order).
      if (marked && inner.includes('<a:highlight>'))
        return (
          start +
          inner.replace(/<a:solidFill>[\s\S]*?<\/a:solidFill>/, '').replace('<a:highlight>', `${marked}<a:highlight>`) +
          end
        );
      return start + inner.replace(/<a:solidFill>[\s\S]*?<\/a:solidFill>/, own) + end;
    });
    if (plan.highlightColor) out = markedBullets(out, plan.highlightColor.bullet);
  }
  return out;
}

/**
 * A bullet takes its paragraph's first run's colour: where that run is highlighted and names the
 * colour that reads on its highlight, the bullet (drawn on the panel, not the highlight) keeps
 * the text's colour `color` (a scheme slot, else hex), written before the bullet's size, font and
 * character as the schema orders `a:pPr`.
 */
function markedBullets(xml: string, color: string): string {
  const clr = HEX_COLOR.test(color) ? `<a:srgbClr val="${color}"/>` : `<a:schemeClr val="${color}"/>`;
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (paragraph, inner: string) => {
    const first = /<a:r>\s*<a:rPr\b[^>]*>([\s\S]*?)<\/a:rPr>/.exec(inner)?.[1] ?? '';
    if (!first.includes('<a:highlight>') || !/<a:bu(?:Char|AutoNum)\b/.test(inner)) return paragraph;
    return paragraph.replace(
      /<a:bu(?:SzPct|SzPts|SzTx|FontTx|Font|Char|AutoNum)\b/,
      (tag) => `<a:buClr>${clr}</a:buClr>${tag}`,
    );
  });
}

function toPlaceholder(xml: string, plan: ShapePlan): string {
  if (!plan.placeholder) return plan.textBox ? readableText(xml, plan) : xml;
  let out = xml.replace(
    /<p:cNvSpPr\b[^>]*?(?:\/>|>[\s\S]*?<\/p:cNvSpPr>)/,
    '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>',
  );
  const sz = plan.placeholder.type === 'ftr' || plan.placeholder.type === 'sldNum' ? 'quarter' : undefined;
  const ph = phTag({ ...plan.placeholder, ...(sz ? { sz } : {}) });
  out = out.replace(/<p:nvPr\s*(?:\/>|><\/p:nvPr>)/, `<p:nvPr>${ph}</p:nvPr>`);
  if (plan.inheritBox) out = out.replace(/<a:xfrm\b[\s\S]*?<\/a:xfrm>/, '');
  if (plan.inheritBox && plan.inset) out = insetText(out, plan.inset);
  out = readableText(inheritAlignment(out, plan), plan);
  if (plan.slideNumber) {
    out = out.replace(
      /<a:r>(<a:rPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:rPr>))<a:t>([^<]*)<\/a:t><\/a:r>/,
      (_m, rPr: string, text: string) => slideNumberField(text, rPr),
    );
  }
  return pinMeasuredText(out);
}

/** The script of a font tag (`<a:latin`, `<a:ea`, `<a:cs` and a non-word character) starting at `at`. */
function fontTagScript(xml: string, at: number): 'latin' | 'ea' | 'cs' | undefined {
  for (const script of FONT_SCRIPTS) {
    if (!xml.startsWith(script.open, at)) continue;
    return WORD_CHARACTER.test(xml.charAt(at + script.open.length)) ? undefined : script.name;
  }
  return undefined;
}

const FONT_SCRIPTS = (['latin', 'ea', 'cs'] as const).map((name) => ({ name, open: `<a:${name}` }));
const WORD_CHARACTER = /\w/;

/**
 * Every self-closing `<a:latin …/>`, `<a:ea …/>` and `<a:cs …/>` whose attributes name the
 * plan's typeface becomes the theme font. Found from the typeface (one `indexOf` per occurrence,
 * back to its tag's `<`) rather than by trying every font tag. (A table's cells are finished piece by
 * piece, table-xml.ts: their ~100,000 font tags in a 1,000-row deck no longer come here.)
 */
export function themeFonts(xml: string, plan: ShapePlan): string {
  const font = plan.font;
  if (!font) return xml;
  if (plan.inheritFont) return xml.replace(/<a:(latin|ea|cs)\b[^>]*?\/>/g, '');
  const typeface = `typeface="${escapeXml(font.face)}"`;
  let out = '';
  let done = 0;
  for (let at = xml.indexOf(typeface); at !== -1; at = xml.indexOf(typeface, Math.max(at + 1, done))) {
    const start = xml.lastIndexOf('<', at);
    const end = xml.indexOf('>', at);
    // The typeface stands in the tag that starts at `start`, and that tag ends `/>`.
    if (start < done || end === -1 || xml.charCodeAt(end - 1) !== 0x2f || xml.indexOf('>', start) !== end) continue;
    const script = fontTagScript(xml, start);
    if (!script) continue;
    const code = script === 'latin' ? 'lt' : script;
    out += `${xml.slice(done, start)}<a:${script} typeface="+${font.theme}-${code}"/>`;
    done = end + 1;
  }
  return done === 0 ? xml : out + xml.slice(done);
}

const HIGHLIGHT = /<a:highlight>[\s\S]*?<\/a:highlight>/y;
const RGB_OPEN = '<a:srgbClr val="';
const RGB_CLOSE = '"/>';
const HEX_COLOR = /^[0-9A-Fa-f]{6}$/;
const KEPT_HIGHLIGHT = /\u0000(\d+)\u0000/y;

/** `srgbClr` → `schemeClr` for theme colours (and their tints), except highlights (LibreOffice reads only RGB there). */
export function schemeColors(xml: string, colors: Map<string, string>): string {
  const highlights: string[] = [];
  const kept = replaceFrom(xml, '<a:highlight>', HIGHLIGHT, ([h]) => `\u0000${highlights.push(h) - 1}\u0000`);
  const mapped = rgbToScheme(kept, colors);
  // XML holds no U+0000 (it is not well-formed), so without highlights there is nothing to put back.
  if (highlights.length === 0) return mapped;
  return replaceFrom(mapped, '\u0000', KEPT_HIGHLIGHT, ([, i = '']) => highlights[Number(i)] ?? '');
}

/**
 * Every `<a:srgbClr val="RRGGBB"/>` whose colour `colors` maps, replaced by what it maps to. The
 * tag has one length, so it is read at fixed offsets rather than by a pattern.
 */
function rgbToScheme(xml: string, colors: Map<string, string>): string {
  let out = '';
  let done = 0;
  for (let at = xml.indexOf(RGB_OPEN); at !== -1; at = xml.indexOf(RGB_OPEN, at + 1)) {
    const hexAt = at + RGB_OPEN.length;
    const end = hexAt + 6 + RGB_CLOSE.length;
    if (!xml.startsWith(RGB_CLOSE, hexAt + 6)) continue;
    const hex = xml.slice(hexAt, hexAt + 6);
    const scheme = colors.get(hex.toUpperCase());
    if (scheme === undefined || !HEX_COLOR.test(hex)) continue;
    out += xml.slice(done, at) + scheme;
    done = end;
  }
  return done === 0 ? xml : out + xml.slice(done);
}

/** What applySlide needs of the tags: tagging a shape (source-tags.ts), or noting it too (`appliedSlide`). */
type Tagger = Pick<SourceTags, 'tag'>;

function applySlide(xml: string, plan: SlidePlan, colors: Map<string, string>, part: string, tags: Tagger): string {
  let i = 0;
  let out = xml.replace(TOP_LEVEL, (shape) => {
    const shapePlan = plan.shapes[i++];
    if (!shapePlan) throw new Error(`${part}: more shapes than laid-out elements`);
    if (shapePlan.drop) return '';
    const done = themeFonts(toPlaceholder(setName(shape, shapePlan), shapePlan), shapePlan);
    const { source, headings } = shapePlan;
    const tagged = source || headings ? tags.tag(done, { source, headings }, part) : done;
    // Ids above any pptxgenjs gives (it numbers shapes from 2 in order).
    const panel =
      shapePlan.panelBox &&
      shapePlan.panel &&
      panelShape(9000 + i, shapePlan.panelBox, shapePlan.panel, shapePlan.panelAlpha);
    return panel ? panel + tagged : tagged;
  });
  if (i !== plan.shapes.length) throw new Error(`${part}: ${i} shapes for ${plan.shapes.length} laid-out elements`);
  if (!plan.keepBackground) out = out.replace(/<p:bg>[\s\S]*?<\/p:bg>/, '');
  return schemeColors(out, colors);
}

function slideParts(parts: PackageParts): string[] {
  const number = (name: string) => Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);
  return parts
    .names()
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => number(a) - number(b));
}

/** Points the slide at its layout: its one slideLayout relationship gets the layout's part. */
function setLayout(parts: PackageParts, slide: string, layoutPart: string): void {
  const rels = relsOfSlide(slide);
  const target = `../slideLayouts/${layoutPart.replace(/^.*\//, '')}`;
  parts.editText(
    (n) => n === rels,
    (xml) =>
      xml
        .replace(new RegExp(`(<Relationship\\b[^>]*Type="${LAYOUT_REL}"[^>]*Target=")[^"]*(")`), `$1${target}$2`)
        .replace(new RegExp(`(<Relationship\\b[^>]*Target=")[^"]*("[^>]*Type="${LAYOUT_REL}")`), `$1${target}$2`),
  );
}

/**
 * `applySlide` through the memo (finish-memo.ts), keyed by all it reads: the part's name, the
 * deck's scheme colours, the slide's whole plan, the slide's relationships before it is tagged,
 * and its XML as pptxgenjs wrote it. A slide found there gets its tags again, in the same order.
 */
function appliedSlide(
  parts: PackageParts,
  xml: string,
  plan: SlidePlan,
  colors: { map: Map<string, string>; key: string },
  part: string,
  tags: SourceTags,
  memo: FinishingMemo,
): string {
  const rels = relsOfSlide(part);
  // JSON for all but the XML, which comes last: no two different inputs give one key.
  const key = `${JSON.stringify([part, colors.key, plan, parts.text(rels) ?? null])}\n${xml}`;
  const { done, reused } = memo.applied(key, () => {
    const tagged: ShapeTags[] = [];
    const ids: string[] = [];
    const noting: Tagger = {
      tag: (shape, shapeTags, slide) => {
        const id = tags.relate(shapeTags, slide);
        tagged.push(shapeTags);
        ids.push(id);
        return tagWithId(shape, id);
      },
    };
    const out = applySlide(xml, plan, colors.map, part, noting);
    return { xml: out, tags: tagged, ids };
  });
  if (reused) {
    // The same tags in the same order on the same rels give the same ids, whichever tags parts
    // they point at this time: an earlier slide's edit may have numbered the deck's parts on.
    done.tags.forEach((shapeTags, i) => {
      if (tags.relate(shapeTags, part) !== done.ids[i])
        throw new Error(`${part}: its source tags gave other relationship ids than when it was finished before`);
    });
  }
  return done.xml;
}

/**
 * Every slide's structure, then the deck's (a cover's places on its layout, the layouts' title
 * colours). With `memo`, a slide finished before from the same inputs is not worked out again.
 */
export function applyStructure(parts: PackageParts, structure: DeckStructure, memo?: FinishingMemo): void {
  const slides = slideParts(parts);
  if (slides.length !== structure.slides.length)
    throw new Error(`${slides.length} slides for ${structure.slides.length} plans`);
  const tags = new SourceTags(parts);
  const colors = { map: structure.schemeColors, key: memo ? JSON.stringify([...structure.schemeColors]) : '' };
  slides.forEach((slide, i) => {
    const plan = structure.slides[i]!;
    parts.editText(
      (n) => n === slide,
      (xml) =>
        memo
          ? appliedSlide(parts, xml, plan, colors, slide, tags, memo)
          : applySlide(xml, plan, colors.map, slide, tags),
    );
    setLayout(parts, slide, plan.layout.part);
  });
  if (structure.coverOnLayout) coverPlacesOnLayouts(parts, slides, structure.slides);
  for (const [layout, slot] of structure.layoutTitleColors ?? [])
    parts.editText(
      (n) => n === layout,
      (xml) => setLayoutTitleColor(xml, slot),
    );
}
