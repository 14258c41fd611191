/**
 * Reads a built deck's XML the way PowerPoint's Outline view, Header & Footer and the
 * accessibility checker do, and lists what is not built the PowerPoint way.
 */
import { partRole } from '../../src/kinds/index.js';
import { readPptx, textsOf, type PptxParts } from './pptx-zip.js';

const TOP_LEVEL = /<p:(sp|pic|graphicFrame)>[\s\S]*?<\/p:\1>/g;
const DECORATIVE = /<adec:decorative [^>]*val="1"/;

export interface SlideShape {
  kind: 'sp' | 'pic' | 'graphicFrame';
  name: string;
  /** `p:ph` type (`obj` when absent), or undefined for a shape that is no placeholder. */
  placeholder?: string;
  text: string;
  descr: string;
  decorative: boolean;
  filled: boolean;
  xml: string;
}

export function slideShapes(xml: string): SlideShape[] {
  return [...xml.matchAll(TOP_LEVEL)].map((m) => {
    const shape = m[0];
    const ph = /<p:ph\b([^>]*)\/>/.exec(shape);
    const cNvPr = /<p:cNvPr\b([^>]*?)\/?>/.exec(shape)?.[1] ?? '';
    const spPr = /<p:spPr>([\s\S]*?)<\/p:spPr>/.exec(shape)?.[1] ?? '';
    return {
      kind: m[1] as SlideShape['kind'],
      name: /\bname="([^"]*)"/.exec(cNvPr)?.[1] ?? '',
      ...(ph ? { placeholder: /\btype="([^"]*)"/.exec(ph[1] ?? '')?.[1] ?? 'obj' } : {}),
      text: textsOf(shape).join('').trim(),
      descr: /\bdescr="([^"]*)"/.exec(cNvPr)?.[1] ?? '',
      decorative: DECORATIVE.test(shape),
      filled: /<a:solidFill>/.test(spPr.replace(/<a:ln\b[\s\S]*?<\/a:ln>/g, '')),
      xml: shape,
    };
  });
}

/** The layout part a slide uses, and that layout's name. */
export function slideLayoutName(deck: PptxParts, n: number): string {
  const rels = deck.text(`ppt/slides/_rels/slide${n}.xml.rels`);
  const target =
    /Type="[^"]*\/slideLayout" Target="\.\.\/slideLayouts\/([^"]+)"/.exec(rels)?.[1] ??
    /Target="\.\.\/slideLayouts\/([^"]+)"/.exec(rels)?.[1];
  const xml = deck.text(`ppt/slideLayouts/${target}`);
  return /<p:cSld name="([^"]*)"/.exec(xml)?.[1] ?? '';
}

/** The shape's TRAPPA_SOURCE custom tag (p:custDataLst → ppt/tags/tagN.xml), if any. */
export function shapeSource(deck: PptxParts, n: number, shape: SlideShape): string | undefined {
  const id = /<p:custDataLst><p:tags r:id="([^"]+)"\/>/.exec(shape.xml)?.[1];
  if (!id) return undefined;
  const rels = deck.text(`ppt/slides/_rels/slide${n}.xml.rels`);
  const target = new RegExp(`Id="${id}"[^>]*Target="\\.\\./tags/([^"]+)"`).exec(rels)?.[1];
  if (!target) return undefined;
  return /<p:tag name="TRAPPA_SOURCE" val="([^"]*)"/.exec(deck.text(`ppt/tags/${target}`))?.[1];
}

/**
 * Problems, one line each: text outside placeholders (other than in filled diagram shapes
 * and tables), a non-title slide without a slide-number field, a shape without text or alt
 * text that is not decorative, a text shape without its source tag.
 */
export function structureProblems(bytes: Uint8Array, isTitleSlide?: (n: number) => boolean): string[] {
  const deck = readPptx(bytes);
  const problems: string[] = [];
  for (let n = 1; n <= deck.slideCount(); n++) {
    const shapes = slideShapes(deck.slideXml(n));
    const at = (s: SlideShape) => `slide ${n} "${s.name}"`;
    // A template's title slide may use a plain title placeholder; the caller then says which slides are title slides.
    const titleSlide = isTitleSlide ? isTitleSlide(n) : shapes.some((s) => s.placeholder === 'ctrTitle');
    for (const s of shapes) {
      // Changed by issue #20 (seventh round): a figure's label (the model's tasks label, a legend) on a
      // template is a text box of the figure, as its filled nodes are shapes; every other text is in a placeholder.
      if (s.kind === 'sp' && s.text && !s.placeholder && !s.filled && partRole(s.name) !== 'label')
        problems.push(`${at(s)}: text outside a placeholder`);
      if (!s.text && !s.descr && !s.decorative) problems.push(`${at(s)}: no text, no alt text, not decorative`);
      if (s.text && s.placeholder !== 'sldNum' && !/\.ya?ml(#|$)/.test(shapeSource(deck, n, s) ?? ''))
        problems.push(`${at(s)}: no source tag`);
    }
    const number = shapes.find((s) => s.placeholder === 'sldNum');
    if (!titleSlide && !/<a:fld [^>]*type="slidenum"/.test(number?.xml ?? ''))
      problems.push(`slide ${n}: no slide-number field`);
    if (!shapes.some((s) => s.placeholder === 'title' || s.placeholder === 'ctrTitle'))
      problems.push(`slide ${n}: no title placeholder`);
  }
  return problems;
}

export { readPptx };
