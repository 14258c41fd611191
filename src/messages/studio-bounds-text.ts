/**
 * The Studio's words for work it leaves to the CLI on a large project (issue #27): the live
 * check of a strategy too large to check after every pause in typing, in bokmål, nynorsk
 * and English. The slides still follow every edit; `trappa check` runs the same rules.
 */
import { t } from './entry.js';

export const STUDIO_BOUNDS_TEXT = {
  checkTooLarge: t(
    'Prosjektet er for stort til å sjekkes mens du skriver ({size} data). Lysbildene følger fortsatt med; kjør «trappa check» for designreglene.',
    'Prosjektet er for stort til å sjekkast medan du skriv ({size} data). Lysbileta følgjer framleis med; køyr «trappa check» for designreglane.',
    'The project is too large to check while editing ({size} of data). The slides still follow your edits; run `trappa check` for the design rules.',
  ),
  checkOutOfMemory: t(
    'Prosjektet er for stort til å sjekkes mens du skriver (sjekken brukte mer enn {limit} MB minne). Lysbildene følger fortsatt med; kjør «trappa check» for designreglene.',
    'Prosjektet er for stort til å sjekkast medan du skriv (sjekken brukte meir enn {limit} MB minne). Lysbileta følgjer framleis med; køyr «trappa check» for designreglane.',
    'The project is too large to check while editing (the check needed more than {limit} MB of memory). The slides still follow your edits; run `trappa check` for the design rules.',
  ),
};
