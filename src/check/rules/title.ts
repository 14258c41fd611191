/**
 * `title`: every slide has exactly one title placeholder (`p:ph type="title"` or
 * `ctrTitle`) with text, so screen readers, the outline view and PowerPoint's
 * accessibility checker can name it; and no two slides share a title (a warning, as in
 * PowerPoint's checker: continuation slides say "(forts.)").
 */
import type { DeckModel, Finding, RuleOptions } from '../types.js';
import { elementName, finding, hasText, isTitle, quote } from './elements.js';
import { frameText } from '../read-text.js';

const RULE = 'title';

export function checkTitles(deck: DeckModel, _options: RuleOptions): Finding[] {
  const found: Finding[] = [];
  const seen = new Map<string, number>();
  for (const slide of deck.slides) {
    const titles = slide.elements.filter(isTitle);
    const withText = titles.filter((t) => t.text && hasText(t.text));
    if (withText.length === 0) {
      const message =
        titles.length > 0 ? 'the title placeholder is empty' : 'the slide has no title (no title placeholder)';
      found.push(finding('error', RULE, slide.number, titles[0] ? elementName(titles[0]) : '(slide)', message));
      continue;
    }
    if (withText.length > 1) {
      found.push(
        finding(
          'error',
          RULE,
          slide.number,
          elementName(withText[1]!),
          `the slide has ${withText.length} titles; keep one`,
        ),
      );
    }
    const title = withText[0]!;
    const text = frameText(title.text!).replace(/\s+/g, ' ').trim();
    const key = text.toLocaleLowerCase('nb');
    const first = seen.get(key);
    if (first !== undefined) {
      found.push(
        finding(
          'warning',
          RULE,
          slide.number,
          elementName(title),
          `the title ${quote(text, 60)} is also slide ${first}'s title`,
        ),
      );
    } else {
      seen.set(key, slide.number);
    }
  }
  return found;
}
