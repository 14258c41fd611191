/**
 * Repairs inside the drawing parts (slides, layouts, masters, notes): each function
 * takes one part's XML and returns it fixed. All are idempotent.
 */
import {
  ATTRIBUTES,
  editStartTagsOf,
  escapeXml,
  getAttribute,
  parseAttributes,
  removeAttribute,
  setAttribute,
  unescapeXml,
  formatStartTag,
  replaceFrom,
  type StartTag,
} from './xml-edit.js';

type StartTagEdit = (tag: StartTag) => void;

/** Parts that hold a shape tree (`p:spTree`) and text bodies. */
export function isDrawingPart(name: string): boolean {
  return /^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters|handoutMasters)\/[^/]+\.xml$/.test(name);
}

/**
 * Numbers every `p:cNvPr/@id` 1, 2, 3 … in document order, so ids are unique in the part.
 * pptxgenjs 4.0.1 gives a table's graphicFrame `id = tableIndex × slideNumber + 1` and
 * every other object `index + 2`, so a text box followed by a table on slide 1 are both
 * id 2 (https://github.com/gitbrent/PptxGenJS/issues/1532). Validator before:
 * `shape-id-duplicate: shape id 2 is used more than once ("Text 0" and "Table 0")`.
 * Nothing pptxgenjs writes refers to shape ids (no connectors, no animations), so
 * renumbering cannot break a reference.
 */
function numberShapeIds(): StartTagEdit {
  let next = 1;
  return (tag) => setAttribute(tag, 'id', String(next++));
}

const PARAGRAPH_PROPERTIES = /<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g;

/**
 * Keeps one `a:pPr` per paragraph, as its first child.
 * pptxgenjs builds paragraph properties for every run and writes them before each
 * run, so a paragraph of two runs (bold lead-in + normal text, or any run after the
 * first in a bullet) gets a second `a:pPr` between the runs. Validator before:
 * "Element 'a:pPr': This element is not expected. Expected is ( a:endParaRPr )."
 * The first one wins: it is the one pptxgenjs used to decide the paragraph break.
 * Paragraphs are found as `/<a:p>([\s\S]*?)<\/a:p>/g` would find them, by indexOf.
 */
function keepFirstParagraphProperties(xml: string): string {
  let out = '';
  let copied = 0;
  let at = xml.indexOf('<a:p>');
  /** The next `<a:pPr` at or after the paragraph's body, found once for every paragraph before it. */
  let pPr = xml.indexOf('<a:pPr');
  while (at !== -1) {
    const end = xml.indexOf('</a:p>', at + 5);
    if (end === -1) break;
    if (pPr !== -1 && pPr < at + 5) pPr = xml.indexOf('<a:pPr', at + 5);
    // The common cases, seen without slicing or matching: no a:pPr, or one that comes first.
    if (pPr === at + 5) pPr = xml.indexOf('<a:pPr', pPr + 6);
    if (pPr === -1 || pPr >= end) {
      at = xml.indexOf('<a:p>', end + 6);
      continue;
    }
    const body = xml.slice(at + 5, end);
    const found = body.match(PARAGRAPH_PROPERTIES);
    const [first = ''] = found ?? [];
    if (found && !(found.length === 1 && body.trimStart().startsWith(first))) {
      out += `${xml.slice(copied, at)}<a:p>${first}${body.replace(PARAGRAPH_PROPERTIES, '')}</a:p>`;
      copied = end + 6;
    }
    at = xml.indexOf('<a:p>', end + 6);
  }
  return copied === 0 ? xml : out + xml.slice(copied);
}

/**
 * Gives every run, paragraph end and default run property the deck's language.
 * pptxgenjs writes `lang="en-US"` (and `altLang="en-US"` when a lang is passed), so
 * PowerPoint would spell-check Norwegian as English and screen readers would read
 * it with an English voice. `altLang` is dropped: it names a second editing
 * language that we do not have.
 */
export function setTextLanguage(xml: string, language: string): string {
  return editStartTagsOf(xml, new Map(languageEdits(language)));
}

const LANGUAGE_TAGS = ['a:rPr', 'a:endParaRPr', 'a:defRPr'];

function languageEdits(language: string): [string, StartTagEdit][] {
  const lang = escapeXml(language);
  const edit: StartTagEdit = (tag) => {
    removeAttribute(tag, 'lang');
    removeAttribute(tag, 'altLang');
    // lang is conventionally first (Office writes it so); attribute order has no meaning.
    tag.attributes.unshift(['lang', lang]);
  };
  return LANGUAGE_TAGS.map((qname) => [qname, edit]);
}

/**
 * Marks every table's first row as a header row and turns on banded rows.
 * pptxgenjs writes a bare `<a:tblPr/>`, so PowerPoint's accessibility checker reports
 * "No header row specified" and screen readers do not announce column headers.
 * The tables carry explicit cell fills and no `a:tableStyleId`, so the flags add
 * meaning but do not change the look.
 */
const markTableHeaderRow: StartTagEdit = (tag) => {
  setAttribute(tag, 'firstRow', '1');
  setAttribute(tag, 'bandRow', '1');
};

/**
 * Every repair of a drawing part, in one walk over its start tags (`editStartTagsOf`): the
 * same result as renumbering ids, keeping first paragraph properties, setting the language,
 * marking header rows and repairing alt text one after another, as each only touches its own
 * tags (a paragraph keeps or drops whole `a:pPr` elements, whatever their language says).
 */
export function repairDrawingPart(xml: string, language: string): string {
  const edits = new Map<string, StartTagEdit>([
    ['p:cNvPr', numberShapeIds()],
    ...languageEdits(language),
    ['a:tblPr', markTableHeaderRow],
  ]);
  const kept = languageKept(language);
  return repairPictureAltText(keepFirstParagraphProperties(editStartTagsOf(xml, edits, (tag) => kept.test(tag))));
}

/**
 * `repairDrawingPart` on a piece of a table's XML (table-xml.ts) that holds no shape (no ids to
 * number, no picture) and whole paragraphs only with their one `a:pPr` first: the language and
 * the header row, the only repairs that touch it.
 */
export function repairTablePiece(xml: string, language: string): string {
  return editStartTagsOf(xml, new Map([...languageEdits(language), ['a:tblPr', markTableHeaderRow]]));
}

const keptByLanguage = new Map<string, RegExp>();

/**
 * A run, paragraph end or default run property the language edit would write back as it is: the
 * deck's `lang` first, no other `lang` or `altLang`, written as `formatStartTag` writes a tag
 * (one space, double quotes). pptxgenjs writes most of them so (write-pptx.ts passes the language).
 */
export function languageKept(language: string): RegExp {
  let kept = keptByLanguage.get(language);
  if (!kept) {
    const lang = escapeXml(language).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    kept = new RegExp(`^<(?:${LANGUAGE_TAGS.join('|')}) lang="${lang}"(?: (?!lang=|altLang=)[\\w:.-]+="[^"]*")*/?>$`);
    keptByLanguage.set(language, kept);
  }
  return kept;
}

const DECORATIVE_URI = '{C183D7F6-B498-43B3-948B-1728B52AA6E4}';
const DECORATIVE_EXT =
  `<a:ext uri="${DECORATIVE_URI}">` +
  '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>' +
  '</a:ext>';
const PICTURE_NAME_PROPERTIES = new RegExp(
  `(<p:nvPicPr>\\s*)<p:cNvPr(${ATTRIBUTES})\\s*(?:/>|>([\\s\\S]*?)</p:cNvPr>)`,
  'y',
);

/**
 * Alt text of pictures. Convention between the writer and this stage:
 * - A picture with alt text: the writer passes it as pptxgenjs `altText`; it becomes
 *   `descr` and is kept as is.
 * - A decorative picture: the writer names the shape `decorative:<anything>`
 *   (pptxgenjs `objectName`) or passes an empty `altText`. It gets `descr=""` and
 *   Office's decorative flag (`adec:decorative`, Office 2019+/365), so the accessibility
 *   checker does not ask for alt text and screen readers skip it.
 * pptxgenjs falls back to the image path for `descr` when `altText` is empty
 * (`preencoded.png` for `data:` images), so a descr that looks like a file name is
 * treated as "no alt text given", never written out.
 */
function repairPictureAltText(xml: string): string {
  return replaceFrom(xml, '<p:nvPicPr>', PICTURE_NAME_PROPERTIES, (m) => {
    const [match, lead = '', attributes = '', inner] = m;
    const tag = { attributes: parseAttributes(attributes), selfClosing: false };
    const name = unescapeXml(getAttribute(tag, 'name') ?? '');
    const descr = unescapeXml(getAttribute(tag, 'descr') ?? '').trim();
    const decorative = name.startsWith('decorative:') || descr === '' || looksLikeFileName(descr);
    if (!decorative) return match;
    setAttribute(tag, 'descr', '');
    let content = inner ?? '';
    if (!content.includes(DECORATIVE_URI)) {
      content = content.includes('</a:extLst>')
        ? content.replace('</a:extLst>', `${DECORATIVE_EXT}</a:extLst>`)
        : `${content}<a:extLst>${DECORATIVE_EXT}</a:extLst>`;
    }
    return `${lead}${formatStartTag('p:cNvPr', tag)}${content}</p:cNvPr>`;
  });
}

function looksLikeFileName(text: string): boolean {
  return /^[^\s]*\.(png|jpe?g|gif|svg|bmp|tiff?|webp|emf|wmf)$/i.test(text);
}
