/**
 * `text-language`: the language the slide's texts are written in (identify-language.ts)
 * against the deck's language tag: bokmål text in a deck tagged en-GB is read aloud with
 * English voices and spell-checked as English. Titles, footers and slide numbers are left
 * out (they come from the deck's own labels); a slide whose text tells too little is skipped.
 * A warning: names and quotations may be meant.
 */
import { identifyLanguage, type TextLanguage } from '../identify-language.js';
import { type MessageKey, said } from '../../messages/catalogue.js';
import type { DeckModel, Finding, RuleOptions, SlideModel } from '../types.js';
import { finding, isFooter, textShapes, visibleRuns } from './elements.js';

const RULE = 'text-language';
const TITLES = new Set(['title', 'ctrTitle']);
const NAMES = { nb: 'word.lang.nb', nn: 'word.lang.nn', en: 'word.lang.en' } as const satisfies Record<
  TextLanguage,
  MessageKey
>;

function tagged(tag: string | undefined): TextLanguage | undefined {
  const subtag = tag?.toLowerCase().split('-')[0];
  if (subtag === 'nb' || subtag === 'no') return 'nb';
  return subtag === 'nn' || subtag === 'en' ? subtag : undefined;
}

function slideText(slide: SlideModel): string {
  const shapes = textShapes(slide).filter((s) => !TITLES.has(s.placeholder ?? '') && !isFooter(s));
  const texts = shapes.flatMap((s) => visibleRuns(s.text).map((r) => r.text));
  for (const e of slide.elements)
    if (e.kind === 'table')
      for (const row of e.rows) for (const c of row.cells) texts.push(...visibleRuns(c.text).map((r) => r.text));
  return texts.join(' ');
}

export function checkTextLanguage(deck: DeckModel, options: RuleOptions): Finding[] {
  const expected = tagged(options.language ?? deck.language);
  if (!expected) return [];
  const off = deck.slides.flatMap((slide) => {
    const { language } = identifyLanguage(slideText(slide));
    return language && language !== expected ? [{ slide: slide.number, language }] : [];
  });
  return off.map(({ slide, language }) =>
    finding(
      'warning',
      RULE,
      slide,
      '(slide)',
      said('find.textLanguage', {
        language: said(NAMES[language]),
        tag: options.language ?? deck.language ?? '',
        expected: said(NAMES[expected]),
        code: expected,
        found: language,
      }),
    ),
  );
}
