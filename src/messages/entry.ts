/**
 * One message of the catalogue in its three languages, and how its `{name}` holes are filled.
 * The catalogue's parts (catalogue.ts, help-text.ts, cli-text.ts) are written with `t()`.
 */
import type { MessageLanguage } from '../exit-codes.js';

export type Lang = MessageLanguage;

export type Entry = Readonly<Record<Lang, string>>;

/** A message in bokmål, nynorsk and English, in that order. */
export const t = (nb: string, nn: string, en: string): Entry => ({ nb, nn, en });

export type Values = Readonly<Record<string, string | number>>;

/**
 * `text` with `{name}` replaced by `values.name` and `{n|one|more}` by `one` when `values.n`
 * is 1, else `more` (`{n} {n|presentasjon|presentasjoner}`). A hole without a value stays as written.
 */
export function fill(text: string, values: Values): string {
  return text
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (whole, name: string, one: string, more: string) =>
      name in values ? (Number(values[name]) === 1 ? one : more) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A stage's English message form (anchored, with groups) and its bokmål and nynorsk, `$1`… the groups. */
export type Form = readonly [RegExp, Readonly<{ nb: string; nn: string }>];
