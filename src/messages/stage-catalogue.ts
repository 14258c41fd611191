/**
 * The stages' messages kept as keys and values (`said()` in catalogue.ts): each part's English
 * is the stage's message, and the same English read back (read-back.ts) gives the reader's
 * language to a line that reaches the edge as text (a refused build's list of findings).
 */
import { CHECK_TEXT, WORDS as FINDING_WORDS } from './check-text.js';
import { DELIVERY_TEXT } from './delivery-text.js';
import { INPUT_TEXT, KIND_WORDS } from './input-text.js';
import { ID_WORDS, LOCATED_TEXT } from './located-text.js';
import { OUTPUT_TEXT } from './output-text.js';
import { PDF_TEXT } from './pdf-text.js';
import { SETUP_TEXT } from './setup-text.js';
import { TEMPLATE_SYNTAX_TEXT, TEMPLATE_SYNTAX_WORDS } from './template-syntax-text.js';
import { VALUE_TEXT, VALUE_WORDS } from './value-text.js';
import { VERSION_TEXT, VERSION_WORDS } from './version-text.js';

export const STAGE_TEXT = {
  ...CHECK_TEXT,
  ...PDF_TEXT,
  ...SETUP_TEXT,
  ...LOCATED_TEXT,
  ...TEMPLATE_SYNTAX_TEXT,
  ...VALUE_TEXT,
  ...INPUT_TEXT,
  ...OUTPUT_TEXT,
  ...DELIVERY_TEXT,
  ...VERSION_TEXT,
};

export const WORDS = {
  ...FINDING_WORDS,
  ...ID_WORDS,
  ...TEMPLATE_SYNTAX_WORDS,
  ...KIND_WORDS,
  ...VALUE_WORDS,
  ...VERSION_WORDS,
};
