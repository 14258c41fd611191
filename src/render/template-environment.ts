/**
 * The one Handlebars set-up of Trappa, for slide wording and e-mail texts alike: an isolated
 * environment per label set (so helpers never leak between languages or projects), with the
 * helpers every template may use. Templates compile strict (a missing field is an error, not
 * a blank) and without HTML escaping, because neither slides nor plain-text mail are HTML.
 */
import Handlebars from 'handlebars';
import { TrappaError } from '../errors.js';
import { formatDate, formatShortDate } from './dates.js';
import type { Labels } from './labels.js';

export type TemplateEnvironment = typeof Handlebars;

/** Outer and inner quotation marks: English “…‘…’…”, Norwegian «…‘…’…». */
const ENGLISH_QUOTES = ['“', '”', '‘', '’'] as const;
const NORWEGIAN_QUOTES = ['«', '»', '‘', '’'] as const;

/**
 * Wraps text in the language's quotation marks; marks already in it become the inner kind,
 * never nested «…«…»…».
 */
function quote(text: string, language: string): string {
  const [open, close, innerOpen, innerClose] = language.startsWith('en') ? ENGLISH_QUOTES : NORWEGIAN_QUOTES;
  const bare = text.trim().replace(/^[«“"](.*)[»”"]$/s, '$1');
  const inner = bare
    .replace(/[«“]/g, innerOpen)
    .replace(/[»”]/g, innerClose)
    .replace(/"([^"]*)"/g, `${innerOpen}$1${innerClose}`);
  return `${open}${inner}${close}`;
}

function isoOf(value: unknown, helper: string): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  throw new TrappaError(
    `the ${helper} helper needs an ISO date, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`,
  );
}

/**
 * Helpers: `{{date d}}` / `{{longDate d}}` ("4. februar 2004"), `{{date d weekday=true}}`
 * ("onsdag 4. februar 2004"), `{{shortDate d}}` ("4.2."), `{{upper t}}`, `{{join list ", "}}`,
 * `{{quote t}}` («…» or “…”), `{{contactDetails c phone="tlf."}}` ("Kari (kari@x.no, tlf. 74 05 28 00)").
 */
export function createTemplateEnvironment(labels: Labels): TemplateEnvironment {
  const hb = Handlebars.create();
  const date = (helper: string) => (value: unknown, options: Handlebars.HelperOptions) =>
    formatDate(isoOf(value, helper), labels, { weekday: options?.hash?.weekday === true });
  hb.registerHelper('date', date('date'));
  hb.registerHelper('longDate', date('longDate'));
  hb.registerHelper('shortDate', (iso: unknown) => formatShortDate(isoOf(iso, 'shortDate'), labels));
  hb.registerHelper('upper', (text: unknown) => String(text).toLocaleUpperCase(labels.language));
  hb.registerHelper('join', (list: unknown, separator: unknown) =>
    Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : String(list ?? ''),
  );
  hb.registerHelper('quote', (value: unknown) => quote(String(value ?? ''), labels.language));
  hb.registerHelper('contactDetails', (value: unknown, options: Handlebars.HelperOptions) => {
    const c = (value ?? {}) as { name?: string; email?: string; phone?: string };
    const phone = c.phone ? `${String(options.hash?.phone ?? 'tlf.')} ${c.phone}` : undefined;
    const details = [c.email, phone].filter(Boolean).join(', ');
    if (!c.name) return details;
    return details ? `${c.name} (${details})` : c.name;
  });
  return hb;
}
