/** Every rule `trappa check` runs, in report order. */
import type { Rule } from '../types.js';
import { checkAltText } from './alt-text.js';
import { checkContrast } from './contrast.js';
import { checkDesign } from './design.js';
import { checkLegend } from './legend.js';
import { checkLanguage } from './language.js';
import { checkLogoGround } from './logo-ground.js';
import { checkMinSize } from './min-size.js';
import { checkOverflow } from './overflow.js';
import { checkPackage } from './package.js';
import { checkTableHeaders } from './table-header.js';
import { checkTemplateArt } from './template-art.js';
import { checkTextLanguage } from './text-language.js';
import { checkTitles } from './title.js';
import { checkWholeWords } from './whole-words.js';

export const rules = {
  overflow: checkOverflow,
  'whole-words': checkWholeWords,
  title: checkTitles,
  'alt-text': checkAltText,
  'table-header': checkTableHeaders,
  contrast: checkContrast,
  // Its findings are the contrast rule's (named `contrast`), after the texts'; only warnings, so a build skips it.
  'logo-ground': checkLogoGround,
  art: checkTemplateArt,
  'min-size': checkMinSize,
  language: checkLanguage,
  'text-language': checkTextLanguage,
  package: checkPackage,
  design: checkDesign,
  legend: checkLegend,
} as const satisfies Record<string, Rule>;

/**
 * The rules whose every finding is a warning. `trappa build` refuses a deck for errors only and
 * drops warnings, so it does not run these (`CheckOptions.errorsOnly`); `checkDeck` holds them
 * to it: an error from one of them is a bug, thrown when the whole check runs (`trappa check`,
 * the Studio, the tests).
 */
export const WARNING_ONLY: ReadonlySet<keyof typeof rules> = new Set(['logo-ground', 'art', 'text-language']);
