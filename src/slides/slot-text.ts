/**
 * Texts set in an organisation's template slots (layout/page.ts TemplateSlots): each in
 * exactly its slot's box, so the slide inherits the box, at one size for all of them (they
 * read as a pair). Undefined when one does not fit its slot at the floor: the slide then
 * keeps Trappa's own arrangement.
 */
import type { Page } from '../layout/page.js';
import { type FitRequest, fitBox } from '../layout/text-box.js';
import type { TextElement } from '../layout/types.js';

const sameBox = (a: TextElement['box'], b: TextElement['box']) =>
  [a.x - b.x, a.y - b.y, a.w - b.w, a.h - b.h].every((d) => Math.abs(d) < 0.005);

function fitted(page: Page, request: FitRequest, maxSize: number): TextElement | undefined {
  // No source while trying: a text that does not fit here is not refused, it goes elsewhere.
  const { source, ...trying } = request;
  const result = fitBox(page, { ...trying, maxSize });
  if (!result.fits || !sameBox(result.element.box, request.box)) return undefined;
  return { ...result.element, ...(source ? { source } : {}) };
}

/** Each request in its own box at the largest size ≤ `maxSize` at which all fit. */
export function fitInSlots(page: Page, requests: FitRequest[], maxSize: number): TextElement[] | undefined {
  let size = maxSize;
  for (const request of requests) {
    const element = fitted(page, request, size);
    if (!element) return undefined;
    size = Math.min(size, element.style.fontSize);
  }
  const elements = requests.map((request) => fitted(page, request, size));
  return elements.every((e) => e !== undefined) ? (elements as TextElement[]) : undefined;
}
