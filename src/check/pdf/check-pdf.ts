/**
 * The PDF check: what a PDF really contains (read-pdf.ts) against what its deck holds
 * (expect-pdf.ts). Pure. Each finding names the page (the slide's number; 0 for the document).
 * Rules: `pdf-pages`, `pdf-fonts`, `pdf-text`, `pdf-structure`, `pdf-alt`, `pdf-lang`,
 * `pdf-title`, `pdf-claims` (the declared PDF/A and PDF/UA identification against the content,
 * the XMP's schemas), `pdf-artifacts` (painting outside tags and artifacts, a tagged footer).
 */
import { looksLikeFileName } from '../rules/alt-text.js';
import { type Said, said } from '../../messages/catalogue.js';
import type { Finding } from '../types.js';
import { found, squeeze } from './finding.js';
import { checkHeadingLevels, checkPageTags } from './check-page-tags.js';
import { undeclaredXmpProperties } from './check-xmp.js';
import type { PdfExpectation, PdfModel, PdfPage, PdfStructNode, SlideExpectation } from './types.js';

/** Whitespace removed: line breaks and the spaces between text pieces differ between writers. */
const SOFT_HYPHEN = '\u00ad';
/** Bullet characters a writer may tag as list labels. */
const squeezeLabels = (text: string): string => squeeze(text).replace(/[•◦▪▫‣⁃–·●■□-]/g, '');

export function checkPdf(pdf: PdfModel, expected: PdfExpectation): Finding[] {
  const findings = [...checkDocument(pdf, expected)];
  if (pdf.pages.length !== expected.slides.length) {
    findings.push(
      found(
        'pdf-pages',
        0,
        '(document)',
        said('pdf.pages', { pages: pdf.pages.length, slides: expected.slides.length }),
      ),
    );
  }
  pdf.pages.forEach((page, i) => {
    const slide = expected.slides[i];
    if (slide) findings.push(...checkPage(page, slide, [expected.language, ...expected.otherLanguages]));
  });
  findings.push(...checkHeadingLevels(pdf.pages));
  return findings;
}

function checkDocument(pdf: PdfModel, expected: PdfExpectation): Finding[] {
  const out: Finding[] = [];
  const doc = (rule: string, message: Said) => out.push(found(rule, 0, '(document)', message));
  if (!sameLanguage(pdf.lang, expected.language)) {
    const wanted = { expected: expected.language };
    doc('pdf-lang', pdf.lang ? said('pdf.lang', { ...wanted, lang: pdf.lang }) : said('pdf.langMissing', wanted));
  }
  if (expected.title !== undefined && pdf.title !== expected.title) {
    const wanted = { expected: expected.title };
    doc(
      'pdf-title',
      pdf.title === undefined ? said('pdf.titleMissing', wanted) : said('pdf.title', { ...wanted, title: pdf.title }),
    );
  }
  if (!pdf.marked) doc('pdf-structure', said('pdf.notMarked'));
  if (pdf.pages.some((p) => !p.structure)) doc('pdf-structure', said('pdf.noTree'));
  const { pdfaPart, pdfaConformance, pdfuaPart } = pdf.xmp;
  if (pdfaPart !== undefined) {
    const maxVersion = pdfaPart === '1' ? 1.4 : 1.7;
    if (!['1', '2', '3'].includes(pdfaPart)) doc('pdf-claims', said('pdf.unknownPart', { part: pdfaPart }));
    else if (Number(pdf.version) > maxVersion)
      doc('pdf-claims', said('pdf.version', { part: pdfaPart, max: maxVersion, version: pdf.version }));
    const level = (pdfaConformance ?? '').toUpperCase();
    if (!['A', 'B', 'U'].includes(level) || (pdfaPart === '1' && level === 'U')) {
      doc('pdf-claims', said('pdf.conformance', { part: pdfaPart, level: pdfaConformance ?? '' }));
    }
  }
  if (pdfaPart !== undefined && pdf.xmp.raw !== undefined) {
    for (const message of undeclaredXmpProperties(pdf.xmp.raw)) doc('pdf-claims', message);
  }
  if (pdfuaPart !== undefined && !pdf.displayDocTitle) {
    doc('pdf-claims', said('pdf.displayTitle'));
  }
  return out;
}

/** @param languages the deck's language first, then the other languages its text runs are tagged with. */
function checkPage(page: PdfPage, slide: SlideExpectation, languages: string[]): Finding[] {
  const out: Finding[] = [];
  const at = (rule: string, element: string, message: Said) => out.push(found(rule, page.number, element, message));
  for (const font of page.fonts.filter((f) => !f.embedded)) at('pdf-fonts', font.name, said('pdf.fontNotEmbedded'));
  if (slide.texts.length > 0 && (page.textOps === 0 || page.fonts.length === 0)) {
    at('pdf-text', '(page)', said(page.imageOps > 0 ? 'pdf.noTextPicture' : 'pdf.noText'));
    return out;
  }
  out.push(...checkReadingOrder(page, slide), ...checkPageTags(page, slide));
  if (page.untaggedText > 0) at('pdf-structure', '(page)', said('pdf.untaggedText', { n: page.untaggedText }));
  const structure = page.structure;
  if (!structure) return out;
  const nodes = flatten(structure);
  const headings = nodes.filter((n) => /^(H[1-6]?|Title)$/.test(n.role));
  if (slide.title !== undefined && !headings.some((h) => squeeze(h.text) === squeeze(slide.title!))) {
    at('pdf-structure', 'title', said('pdf.titleNotHeading', { title: slide.title, n: headings.length }));
  }
  const tables = nodes.filter((n) => n.role === 'Table');
  for (const table of slide.tables) {
    if (!tables.some((t) => squeeze(t.text) === squeeze(table)))
      at('pdf-structure', 'table', said('pdf.tableNotTagged'));
  }
  const lists = topLevel(structure, 'L');
  for (const list of slide.lists) {
    const items = squeezeLabels(list);
    if (!lists.some((l) => squeezeLabels(l.text) !== '' && items.includes(squeezeLabels(l.text)))) {
      at('pdf-structure', 'list', said('pdf.listNotTagged', { list: list.slice(0, 40) }));
    }
  }
  const figures = nodes.filter((n) => n.role === 'Figure');
  const alts = figures.filter((f) => f.alt?.trim()).length;
  if (alts < figures.length)
    at('pdf-alt', 'Figure', said('pdf.figuresNoAlt', { missing: figures.length - alts, n: figures.length }));
  for (const figure of figures.filter((f) => f.alt !== undefined && looksLikeFileName(f.alt))) {
    at('pdf-alt', 'Figure', said('pdf.altIsFileName', { alt: figure.alt!.trim() }));
  }
  for (const alt of slide.pictures) {
    if (!figures.some((f) => f.alt?.trim() === alt)) at('pdf-alt', 'Figure', said('pdf.altMissing', { alt }));
  }
  for (const node of nodes.filter((n) => n.lang !== undefined && !languages.some((l) => sameLanguage(n.lang, l)))) {
    const expected = languages.join(' | ');
    at('pdf-lang', node.role, said('pdf.elementLang', { role: node.role, lang: node.lang ?? '', expected }));
  }
  return out;
}

/** Every expected text, whitespace aside, in the page's text and in the same order. */
function checkReadingOrder(page: PdfPage, slide: SlideExpectation): Finding[] {
  const text = squeeze(page.text);
  const out: Finding[] = [];
  let cursor = 0;
  for (const expected of slide.texts) {
    // A soft hyphen (U+00AD) is drawn as a hyphen where the line breaks there, and not at all elsewhere.
    const needle = new RegExp(
      squeeze(expected)
        .split(SOFT_HYPHEN)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[-\u00ad\u2010]?'),
      'g',
    );
    needle.lastIndex = cursor;
    const next = needle.exec(text);
    if (next) {
      cursor = next.index + next[0].length;
      continue;
    }
    needle.lastIndex = 0;
    const where = needle.test(text) ? 'pdf.textOrder' : 'pdf.textMissing';
    out.push(found('pdf-text', page.number, '(page)', said(where, { text: expected.slice(0, 60) })));
  }
  return out;
}

function flatten(node: PdfStructNode): PdfStructNode[] {
  return [node, ...node.children.flatMap(flatten)];
}

/** Elements with this role that are not inside another one (a nested list belongs to its list). */
function topLevel(node: PdfStructNode, role: string): PdfStructNode[] {
  return node.role === role ? [node] : node.children.flatMap((c) => topLevel(c, role));
}

/** `nb-NO` matches `nb-no`; `nb` alone does not match `nb-NO` (readers pick hyphenation and voices by region too). */
function sameLanguage(actual: string | undefined, expected: string): boolean {
  return actual !== undefined && actual.toLowerCase() === expected.toLowerCase();
}
