/**
 * What PDF/UA asks of how a page's content is marked, against the deck: nothing painted
 * outside tags and artifacts (Matterhorn 01-005), the footer, date, slide number and footer
 * logo not tagged as content (they are pagination artifacts: a screen reader would read them
 * on every slide), each panel, column and list heading tagged as a heading, a heading holding
 * its text rather than a paragraph, and numbered headings that start at H1 and skip no level
 * (Matterhorn 14-002, 14-003). Pure.
 */
import type { Finding } from '../types.js';
import { type Said, said } from '../../messages/catalogue.js';
import { found, squeeze } from './finding.js';
import { centreIn } from './deck-regions.js';
import type { PdfPage, PdfStructNode, SlideExpectation } from './types.js';

const HEADING = /^(H[1-6]?)$/;

export function checkPageTags(page: PdfPage, slide: SlideExpectation): Finding[] {
  const out: Finding[] = [];
  const at = (rule: string, element: string, message: Said) => out.push(found(rule, page.number, element, message));
  const { untagged, tagged } = page.painting;
  if (untagged > 0) {
    at('pdf-artifacts', '(page)', said('pdf.untaggedPainting', { n: untagged }));
  }
  const footers = slide.regions?.footers ?? [];
  const inFooter = tagged.filter((t) => centreIn(t.box, footers));
  if (inFooter.length > 0) {
    const roles = [...new Set(inFooter.map((t) => t.tag))].join(', ');
    at('pdf-artifacts', '(footer)', said('pdf.footerTagged', { n: inFooter.length, roles }));
  }
  const nodes = page.structure ? flatten(page.structure) : [];
  const headings = nodes.filter((n) => HEADING.test(n.role));
  for (const heading of slide.regions?.headings ?? []) {
    if (!headings.some((h) => squeeze(h.text) === squeeze(heading.text)))
      at('pdf-structure', heading.text, said('pdf.headingNotTagged', { text: heading.text }));
  }
  for (const h of headings.filter((n) => n.children.some((c) => c.role === 'P'))) {
    at('pdf-structure', h.role, said('pdf.headingHoldsP', { role: h.role }));
  }
  return out;
}

/** Numbered headings in document order: the first is H1, and none is more than one level below the one before. */
export function checkHeadingLevels(pages: readonly PdfPage[]): Finding[] {
  const out: Finding[] = [];
  let previous = 0;
  for (const page of pages) {
    const levels = (page.structure ? flatten(page.structure) : [])
      .map((n) => /^H([1-6])$/.exec(n.role)?.[1])
      .filter((l): l is string => l !== undefined)
      .map(Number);
    for (const level of levels) {
      if (level > previous + 1) {
        const message =
          previous === 0 ? said('pdf.firstHeadingSkips', { level }) : said('pdf.headingSkips', { previous, level });
        out.push(found('pdf-structure', page.number, `H${level}`, message));
      }
      previous = level;
    }
  }
  return out;
}

function flatten(node: PdfStructNode): PdfStructNode[] {
  return [node, ...node.children.flatMap(flatten)];
}
