/**
 * Small zod building blocks for the data schemas. Each one carries a
 * description (it flows into the generated JSON Schema, so editors show it) and
 * messages an adviser can act on.
 *
 * Use `z.strictObject({...})` for every object in a data schema, never
 * `z.object`: only strict objects report unknown keys, which is how a typo such
 * as `aktivitett:` gets a "did you mean 'aktivitet'?" instead of being ignored,
 * and only they get `additionalProperties: false` in the JSON Schema.
 *
 * The helpers' own messages leave a missing field (`undefined`) to the generic
 * messages in `validate.ts`, which name the field.
 */
import * as z from 'zod';
import { english, said } from '../messages/catalogue.js';

// Schemas parse a handful of small files per run: zod's eval-compiled fast path costs more
// to set up than it saves, so it stays off (measured: 65 → 57 ms for loading the project).
z.config({ jitless: true });

/** Describes a value the way the user wrote it in YAML: "a number", "text", "a list". */
export function describeFound(input: unknown): string {
  if (input === undefined || input === null) return 'nothing';
  if (typeof input === 'string') return 'text';
  if (typeof input === 'number') return 'a number';
  if (typeof input === 'boolean') return String(input);
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'fields (key: value)';
  return typeof input;
}

/** Quotes a user's text for a message, shortened so one issue stays one line. */
export function quote(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 37)}…` : text;
  return `'${short.replace(/\n/g, ' ')}'`;
}

/** Message for a value of the wrong kind; `undefined` for a missing one. */
function wrongKind(expected: string, input: unknown): string | undefined {
  if (input === undefined) return undefined;
  if (input === null) return `is empty; expected ${expected}`;
  if (typeof input === 'string') return `expected ${expected}, found ${quote(input)}`;
  return `expected ${expected}, found ${describeFound(input)}`;
}

const DATE_EXAMPLE = 'a date like 2004-01-26';

/** True for a real calendar date written as YYYY-MM-DD (2004-02-29 yes, 2004-02-30 no). */
function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A date written `YYYY-MM-DD`. YAML 1.2 (core schema) keeps an unquoted
 * 2004-01-26 as text, so no quotes are needed. Stays a string after parsing.
 */
export const isoDate = z
  .string({ error: (iss) => wrongKind(DATE_EXAMPLE, iss.input) })
  .regex(/^\d{4}-\d{2}-\d{2}$/, {
    error: (iss) => `expected ${DATE_EXAMPLE}, found ${quote(String(iss.input))}`,
    abort: true,
  })
  .refine(isCalendarDate, {
    error: (iss) => `${quote(String(iss.input))} is not a real date; expected ${DATE_EXAMPLE}`,
  })
  .describe('A date written as YYYY-MM-DD, e.g. 2004-01-26.');

const VERSION_IN_QUOTES = 'write the version as text in quotes, e.g. version: "0.2" (a bare 1.0 would be read as 1)';

/**
 * A version such as "0.2", "1.0" or "1.0.1". It must be text: YAML reads a bare
 * `1.0` as the number 1, which would silently turn version 1.0 into "1".
 */
export const version = z
  .string({
    error: (iss) => (typeof iss.input === 'number' ? VERSION_IN_QUOTES : wrongKind('a version like "0.2"', iss.input)),
  })
  .regex(/^\d+(\.\d+){0,2}$/, {
    error: (iss) => `expected a version like "0.2" or "1.0", found ${quote(String(iss.input))}`,
  })
  .describe('Version number, written in quotes: "0.2", "1.0" or "1.0.1".');

/** Text that is not empty or only spaces. Surrounding spaces are removed. */
export const nonEmptyText = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .describe('Text; must not be empty.');

/** Turns a name into an id the way a user would: "Storledermøte 4.2" → "storledermote-4-2". */
function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/[åä]/g, 'a')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function idMessage(input: string): string {
  const suggestion = slugify(input);
  // quote() without its quotes: the catalogue's text has them.
  const value = quote(input).slice(1, -1);
  return suggestion && suggestion !== input
    ? english(said('in.idTry', { value, suggestion: quote(suggestion).slice(1, -1) }))
    : english(said('in.id', { value }));
}

/** An id other data refers to: lowercase letters, digits and single dashes, e.g. `storledermote`. */
export const id = z
  .string({ error: (iss) => wrongKind('an id like storledermote', iss.input) })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: (iss) => idMessage(String(iss.input)) })
  .describe("An id: lowercase letters a-z, digits and '-', e.g. storledermote.");

const COLOR_EXAMPLE = 'a colour like "#1F4E79"';

function colorMessage(input: unknown): string | undefined {
  // An unquoted `#` starts a YAML comment, so `farge: #1F4E79` arrives as an empty value.
  if (input === null) return `is empty; write the colour in quotes, e.g. "#1F4E79" (an unquoted # starts a comment)`;
  if (typeof input === 'number') return `write the colour in quotes, e.g. "#1F4E79" or "003366"`;
  return wrongKind(COLOR_EXAMPLE, input);
}

/** A colour as six hex digits, with or without `#`. Parsed to upper case without `#`: `1F4E79`. */
export const hexColor = z
  .string({ error: (iss) => colorMessage(iss.input) })
  .regex(/^#?[0-9a-fA-F]{6}$/, {
    error: (iss) => `expected ${COLOR_EXAMPLE} (six digits 0-9 or letters A-F), found ${quote(String(iss.input))}`,
  })
  .transform((text) => text.replace('#', '').toUpperCase())
  .describe('A colour as six hex digits, in quotes: "#1F4E79".');
