/**
 * The page's language: the Studio's (`trappa studio --lang`, else the locale), as /api/project
 * says. The page's own words come from the one catalogue (messages/page-text.ts) in it.
 */
import type { Lang } from '../../messages/entry.js';
import { pageWord } from '../../messages/page-text.js';

let lang: Lang = 'nb';

/** Sets the page's language, and the document's, which screen readers pronounce by. */
export function usePageLanguage(language: Lang): void {
  lang = language;
  document.documentElement.lang = language;
}

export const pageLanguage = (): Lang => lang;

/** A text of the page, written in bokmål, in the page's language (`{name}` holes filled from `values`). */
export const word = (nb: string, values?: Readonly<Record<string, string | number>>): string =>
  pageWord(lang, nb, values);
