/**
 * Dates as the decks and e-mails write them, from ISO dates (YYYY-MM-DD), without time
 * zones: the calendar date is taken as written, never shifted. Month and weekday names and
 * the long pattern come from templates/<lang>/labels.yaml, for slides and e-mail alike.
 */
import { TrappaError } from '../errors.js';
import type { Labels } from './labels.js';

/** Year, month and day of `2004-02-04` (a time part after `T` is ignored). @throws TrappaError */
function parts(iso: string): { year: number; month: number; day: number; weekday: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(iso);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!m || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) {
    throw new TrappaError(`"${iso}" is not a date in the form 2004-02-04`);
  }
  return { year, month, day, weekday: date.getUTCDay() };
}

/**
 * "26. januar 2004" by default (Norwegian: day, period, month name, year).
 * `pattern` comes from the language's labels, e.g. "{day} {month} {year}" for English.
 */
function formatLongDate(iso: string, months: readonly string[], pattern = '{day}. {month} {year}'): string {
  const { year, month, day } = parts(iso);
  return pattern
    .replace('{day}', String(day))
    .replace('{month}', months[month - 1] ?? String(month))
    .replace('{year}', String(year));
}

/** The long date in a language's words; with `weekday`, "onsdag 4. februar 2004". */
export function formatDate(iso: string, labels: Labels, options: { weekday?: boolean } = {}): string {
  const text = formatLongDate(iso, labels.months, labels.longDate);
  return options.weekday ? `${labels.weekdays[parts(iso).weekday]} ${text}` : text;
}

/**
 * A short date for tables: "28.1." in Norwegian (as the seed's action plan writes dates),
 * "28 Jan" in English: the language's `shortDate` pattern ({day}, {m} the month's number,
 * {mon} its short name from `monthsShort`).
 */
export function formatShortDate(iso: string, labels?: Pick<Labels, 'shortDate' | 'monthsShort'>): string {
  const { month, day } = parts(iso);
  return (labels?.shortDate ?? '{day}.{m}.')
    .replace('{day}', String(day))
    .replace('{mon}', labels?.monthsShort?.[month - 1] ?? String(month))
    .replace('{m}', String(month));
}
