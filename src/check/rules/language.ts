/**
 * `language`: every run of text carries a language tag (`a:rPr/@lang`), so spelling and
 * screen-reader voices use the right language. A tag other than the deck's language
 * (the `language` option, else the deck's dc:language) is a warning: it may be meant.
 */
import type { DeckModel, Finding, RuleOptions, TextFrame } from '../types.js';
import { said } from '../../messages/catalogue.js';
import { elementName, finding, quote, textShapes } from './elements.js';

const RULE = 'language';

interface Tally {
  missing: number;
  firstMissing?: string;
  other?: { lang: string; text: string };
}

function tally(frames: TextFrame[], expected: string | undefined): Tally {
  const result: Tally = { missing: 0 };
  for (const run of frames.flatMap((f) => f.paragraphs.flatMap((p) => p.runs))) {
    if (run.text.trim() === '') continue;
    const lang = run.lang?.trim() ?? '';
    if (lang === '') {
      result.missing++;
      result.firstMissing ??= run.text;
    } else if (expected && lang.toLowerCase() !== expected.toLowerCase() && !result.other) {
      result.other = { lang, text: run.text };
    }
  }
  return result;
}

export function checkLanguage(deck: DeckModel, options: RuleOptions): Finding[] {
  const expected = options.language ?? deck.language;
  const found: Finding[] = [];
  for (const slide of deck.slides) {
    const framed = [
      ...textShapes(slide).map((s) => ({ element: s, frames: [s.text] })),
      ...slide.elements.flatMap((e) =>
        e.kind === 'table' ? [{ element: e, frames: e.rows.flatMap((r) => r.cells.map((c) => c.text)) }] : [],
      ),
    ];
    for (const { element, frames } of framed) {
      const t = tally(frames, expected);
      const name = elementName(element);
      if (t.missing > 0) {
        const first = quote(t.firstMissing ?? '');
        found.push(finding('error', RULE, slide.number, name, said('find.untagged', { n: t.missing, first })));
      }
      if (t.other) {
        found.push(
          finding(
            'warning',
            RULE,
            slide.number,
            name,
            said('find.otherTag', { lang: t.other.lang, expected: expected ?? '', text: quote(t.other.text) }),
          ),
        );
      }
    }
  }
  return found;
}
