/** What the PDF checks share: a finding on a page, and text compared without its spacing. */
import { english, type Said } from '../../messages/catalogue.js';
import type { Finding } from '../types.js';

/** Text without white space: how a PDF's extracted text is compared with the deck's. */
export const squeeze = (text: string): string => text.replace(/\s+/g, '');

/** An error found on a PDF page (page numbers are slide numbers). */
export const found = (rule: string, page: number, element: string, message: Said): Finding => ({
  severity: 'error',
  rule,
  slide: page,
  element,
  message: english(message),
  said: message,
});
