/**
 * Labels for the schema's field names and values in the page's language (page-language.ts).
 * The schema's own descriptions are English (they serve editors' autocompletion), so the page
 * names fields from the catalogue's map (messages/field-labels.ts), which the CLI's located
 * messages share; a slide kind's name comes from its declaration (kinds/).
 */
import { kindLabel } from '../../kinds/index.js';
import * as labels from '../../messages/field-labels.js';
import { pageLanguage, word } from './page-language.js';

export { parseField } from '../../messages/field-labels.js';

const VALUES: Record<string, string> = {
  high: 'Høyest prioritert',
  other: 'Andre målgrupper',
  nb: 'Bokmål',
  nn: 'Nynorsk',
  en: 'Engelsk',
  all: 'Alle rader',
  mark: 'Publikums egne rader markert og først',
  only: 'Bare publikums egne rader',
  draft: 'Utkast',
  released: 'Frigitt',
  contain: 'Hele bildet',
  cover: 'Fyll feltet',
};

export const fieldLabel = (path: ReadonlyArray<string | number>): string => labels.fieldLabel(path, pageLanguage());

/** A value's name on the page; a slide kind's comes from its declaration (kinds/). */
export function valueLabel(value: string): string {
  const label = VALUES[value];
  return label === undefined ? kindLabel(value, pageLanguage()) : word(label);
}

/** One item of a list, for buttons and legends: "Punkt 3", "Rad 2". */
export const itemNoun = (listPath: ReadonlyArray<string | number>): string => labels.itemNoun(listPath, pageLanguage());

/** Where a field is, in the form's words: "Handlingsplan › Rad 4 › Aktivitet". */
export const placeLabel = (path: ReadonlyArray<string | number>): string => labels.placeLabel(path, pageLanguage());
