/**
 * A deck (as `trappa check` reads it) → what its PDF must contain: each slide's texts in reading
 * order, its title, lists, tables and described pictures. Footers (footer text, slide number,
 * date) are page furniture and left out: a renderer may draw them as artifacts or fill fields.
 */
import { frameText } from '../read-text.js';
import { isFooter, isTitle } from '../rules/elements.js';
import type { DeckModel, ElementModel, SlideModel, TextFrame } from '../types.js';
import { partRoot } from '../../ooxml/package.js';
import { child, descendants, textContent, type XmlElement } from '../../ooxml/xml.js';
import type { PdfExpectation, SlideExpectation } from './types.js';

/** Whitespace collapsed to single spaces, trimmed: how texts are compared. */
const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

const BULLETS = ['a:buChar', 'a:buAutoNum', 'a:buBlip'];

export function expectPdf(deck: DeckModel, language: string): PdfExpectation {
  const title = textContent(child(partRoot(deck.package, 'docProps/core.xml'), 'dc:title')).trim();
  const runLanguages = deck.slides.flatMap((slide) => slide.elements.flatMap(runLanguagesOf));
  return {
    language,
    otherLanguages: [...new Set(runLanguages)].filter((tag) => tag.toLowerCase() !== language.toLowerCase()),
    ...(title ? { title } : {}),
    slides: deck.slides.map((slide) => expectSlide(slide, partRoot(deck.package, slide.part))),
  };
}

function expectSlide(slide: SlideModel, xml: XmlElement | undefined): SlideExpectation {
  const content = slide.elements.filter((e) => !isFooter(e));
  const title = content.find(isTitle);
  const titleText = title?.text ? collapse(frameText(title.text)) : '';
  return {
    texts: content.flatMap(elementTexts),
    ...(titleText ? { title: titleText } : {}),
    lists: bulletedShapeTexts(xml),
    tables: content.flatMap((e) => (e.kind === 'table' ? [collapse(elementTexts(e).join(' '))] : [])),
    pictures: content.flatMap((e) =>
      e.kind === 'picture' && !e.decorative && e.descr?.trim() ? [e.descr.trim()] : [],
    ),
  };
}

function runLanguagesOf(e: ElementModel): string[] {
  const frames =
    e.kind === 'shape'
      ? e.text
        ? [e.text]
        : []
      : e.kind === 'table'
        ? e.rows.flatMap((r) => r.cells.map((c) => c.text))
        : [];
  return frames.flatMap((f) => f.paragraphs.flatMap((p) => p.runs.flatMap((r) => (r.lang ? [r.lang] : []))));
}

function frameParagraphs(frame: TextFrame): string[] {
  return frame.paragraphs.map((p) => collapse(p.runs.map((r) => r.text).join(''))).filter((t) => t !== '');
}

function elementTexts(e: ElementModel): string[] {
  if (e.kind === 'shape') return e.text ? frameParagraphs(e.text) : [];
  if (e.kind === 'table')
    return e.rows.flatMap((row) => row.cells.filter((c) => !c.merged).flatMap((c) => frameParagraphs(c.text)));
  return [];
}

/**
 * Shapes with at least one bulleted or numbered paragraph (an explicit `a:buChar`/`a:buAutoNum`
 * in the slide), with their text. Bullets inherited from a layout's body style are not seen here,
 * so a deck built on placeholders may expect fewer lists than it has; never more.
 */
function bulletedShapeTexts(slide: XmlElement | undefined): string[] {
  return descendants(slide, 'p:sp')
    .filter((sp) => BULLETS.some((name) => descendants(sp, name).length > 0))
    .map((sp) => collapse(descendants(sp, 'a:t').map(textContent).join(' ')))
    .filter((t) => t !== '');
}
