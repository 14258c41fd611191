/**
 * Each text's data source as a PowerPoint custom tag on its shape (`p:custDataLst` →
 * ppt/tags/tagN.xml with `TRAPPA_SOURCE`), readable in VBA as Shape.Tags("TRAPPA_SOURCE"),
 * so edits made later in PowerPoint can be traced back to the YAML field; and, on a text
 * whose headings are paragraphs of its own, `TRAPPA_HEADINGS`: their places among the
 * text's paragraphs that hold text ("0 3"), for the tagged PDF (check/pdf/deck-regions.ts).
 * One tags part per distinct set of tags, shared by the shapes (and slides) that carry it.
 */
import type { PackageParts } from './package-parts.js';
import { XML_DECLARATION } from './placeholder-xml.js';
import { escapeXml } from './xml-edit.js';

const TAGS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/tags';
const SOURCE_TAG = 'TRAPPA_SOURCE';
const HEADINGS_TAG = 'TRAPPA_HEADINGS';

/** A shape's custom tags: its data source, and where its heading paragraphs are. */
export interface ShapeTags {
  source?: string;
  headings?: readonly number[];
}

/** A slide's relationships part: `ppt/slides/slide3.xml` → `ppt/slides/_rels/slide3.xml.rels`. */
export const relsOfSlide = (slide: string): string => slide.replace(/slides\/(slide\d+\.xml)$/, 'slides/_rels/$1.rels');

export class SourceTags {
  private readonly bySource = new Map<string, string>();
  /**
   * Each slide's relationships to tags parts, by target, and how many there are: found in its rels
   * once, then kept as they are added. Looking each up in the rels text with a pattern of its own
   * compiled a new regular expression for every tagged shape (~2 ms of the first deck's finishing).
   */
  private readonly related = new Map<string, { ids: Map<string, string>; count: number }>();

  constructor(private readonly parts: PackageParts) {}

  /** The tags part holding `tags`, made on first use. */
  private partFor(tags: ShapeTags): string {
    const list: [string, string][] = [];
    if (tags.source !== undefined) list.push([SOURCE_TAG, tags.source]);
    if (tags.headings?.length) list.push([HEADINGS_TAG, tags.headings.join(' ')]);
    const xml = list.map(([name, val]) => `<p:tag name="${name}" val="${escapeXml(val)}"/>`).join('');
    let part = this.bySource.get(xml);
    if (!part) {
      part = `ppt/tags/tag${this.bySource.size + 1}.xml`;
      this.bySource.set(xml, part);
      this.parts.setText(
        part,
        `${XML_DECLARATION}<p:tagLst xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">` +
          `${xml}</p:tagLst>`,
      );
    }
    return part;
  }

  /**
   * Tags the shape: adds the relationship to the slide's rels (`relate`) and `p:custDataLst` to
   * the shape's `p:nvPr`, after any `p:ph` as the schema orders them.
   */
  tag(shape: string, tags: ShapeTags, slide: string): string {
    return tagWithId(shape, this.relate(tags, slide));
  }

  /**
   * The id of the slide's relationship to the tags part holding `tags`: the part is made and the
   * relationship added to the slide's rels (ids `rIdSrcN`, one per part) on first use. What
   * `tag` does outside the shape, so a slide finished before (finish-memo.ts) can do it again.
   */
  relate(tags: ShapeTags, slide: string): string {
    const part = this.partFor(tags);
    const rels = relsOfSlide(slide);
    const target = `../tags/${part.replace(/^.*\//, '')}`;
    let related = this.related.get(slide);
    if (!related) this.related.set(slide, (related = tagRelationships(this.parts.text(rels) ?? '')));
    let id = related.ids.get(target);
    if (!id) {
      id = `rIdSrc${++related.count}`;
      related.ids.set(target, id);
      const xml = this.parts.text(rels) ?? '';
      this.parts.setText(
        rels,
        xml.replace(
          '</Relationships>',
          `<Relationship Id="${id}" Type="${TAGS_REL}" Target="${target}"/></Relationships>`,
        ),
      );
    }
    return id;
  }
}

/** The relationships to tags parts a slide's rels holds (pptxgenjs writes none), by target, and how many. */
function tagRelationships(rels: string): { ids: Map<string, string>; count: number } {
  const ids = new Map<string, string>();
  for (const [, id, target] of rels.matchAll(/Id="(rIdSrc\d+)"[^>]*Target="([^"]*)"/g))
    if (!ids.has(target!)) ids.set(target!, id!);
  return { ids, count: (rels.match(/Id="rIdSrc\d+"/g) ?? []).length };
}

/** The shape with `p:custDataLst` naming the slide's relationship `id` (what `tag` adds inside the shape). */
export function tagWithId(shape: string, id: string): string {
  return addData(shape, `<p:custDataLst><p:tags r:id="${id}"/></p:custDataLst>`);
}

function addData(shape: string, data: string): string {
  if (/<p:nvPr\s*\/>/.test(shape)) return shape.replace(/<p:nvPr\s*\/>/, `<p:nvPr>${data}</p:nvPr>`);
  return shape
    .replace(/<\/p:nvPr>/, (end) => data + end)
    .replace(/(<p:extLst>[\s\S]*?)(<p:custDataLst>[\s\S]*?<\/p:custDataLst>)(<\/p:nvPr>)/, '$2$1$3');
}
