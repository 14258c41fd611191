/**
 * `alt-text`: every picture either describes itself (`descr`) or is marked decorative
 * (Office's `adec:decorative`). A description that is a file name ("logo.png",
 * pptxgenjs's fallback) tells a screen-reader user nothing and counts as missing.
 */
import type { DeckModel, Finding, PictureModel, RuleOptions } from '../types.js';
import { elementName, finding } from './elements.js';

const RULE = 'alt-text';
const FILE_NAME = /^[^\s/\\]*\.(png|jpe?g|gif|svg|bmp|tiff?|webp|emf|wmf|heic)$/i;

export const looksLikeFileName = (text: string): boolean => FILE_NAME.test(text.trim());

export function checkAltText(deck: DeckModel, _options: RuleOptions): Finding[] {
  const found: Finding[] = [];
  for (const slide of deck.slides) {
    for (const picture of slide.elements.filter((e): e is PictureModel => e.kind === 'picture')) {
      if (picture.decorative) continue;
      const descr = picture.descr?.trim() ?? '';
      const name = elementName(picture);
      if (descr === '') {
        found.push(
          finding('error', RULE, slide.number, name, 'the picture has no alt text and is not marked decorative'),
        );
      } else if (looksLikeFileName(descr)) {
        found.push(
          finding(
            'error',
            RULE,
            slide.number,
            name,
            `the picture's alt text is a file name ("${descr}"); describe what it shows`,
          ),
        );
      }
    }
  }
  return found;
}
