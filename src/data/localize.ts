/**
 * One strategy told in several languages. Any text of strategy.yaml may be written as a map of
 * its translations instead of one text:
 *
 *   what: { nn: Eit forpliktande samarbeid …, en: A binding partnership … }
 *
 * Before the schema sees the data, each such map is replaced by the text in the language asked
 * for, so the rest of Trappa sees plain texts, and an error in a translation is located at it.
 * A map without the language asked for is an error at the map (no silent other language),
 * unless the strategy declares `fallbackLanguage`: then that language's text is used and the
 * build warns (see `missingTranslations`).
 */
import * as z from 'zod';
import { isRecord, type Path } from './schema-walk.js';
import { english, said } from '../messages/catalogue.js';

export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
/** A map whose keys are all language codes: a text with its translations. */
function isTranslations(value: unknown): value is Partial<Record<Language, unknown>> {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => (LANGUAGES as readonly string[]).includes(k));
}

/** The strategy's own language (`language:`, default nb) as written in the raw data. */
function languageOf(data: unknown): Language {
  const written = isRecord(data) ? data.language : undefined;
  return (LANGUAGES as readonly unknown[]).includes(written) ? (written as Language) : 'nb';
}

export interface Missing {
  path: Path;
  language: Language;
  used?: Language;
}

/** Fields whose values are not text in a language: ids, dates, versions, addresses, files. */
const NOT_TEXT = new Set([
  '$schema',
  'id',
  'version',
  'date',
  'dates',
  'groups',
  'language',
  'fallbackLanguage',
  'status',
  'email',
  'phone',
  'file',
  'priority',
  'wording',
]);

/** True for a field whose text may be written with its translations (not an id, date, file …). */
export const isTextField = (key: string): boolean => !NOT_TEXT.has(key);

/** Paths of plain texts (no translations) in the strategy's raw data: the same in every language. */
export function plainTexts(data: unknown, path: Path = []): Path[] {
  if (typeof data === 'string') return NOT_TEXT.has(String(path.at(-1))) ? [] : [path];
  if (isTranslations(data)) return [];
  if (Array.isArray(data)) {
    const key = String(path.at(-1));
    return NOT_TEXT.has(key) ? [] : data.flatMap((v, i) => plainTexts(v, [...path, i]));
  }
  if (!isRecord(data)) return [];
  return Object.entries(data).flatMap(([k, v]) => (NOT_TEXT.has(k) ? [] : plainTexts(v, [...path, k])));
}

/** The language the strategy says to use where a translation is missing (`fallbackLanguage:`), if any. */
function fallbackOf(data: unknown): Language | undefined {
  const written = isRecord(data) ? data.fallbackLanguage : undefined;
  return (LANGUAGES as readonly unknown[]).includes(written) ? (written as Language) : undefined;
}

/**
 * `data` with every translation map replaced by its text in `language`: the map's own, else
 * the fallback's (recorded in `missing` with `used`), else nothing (recorded without).
 * `wording` (template keys, not texts) is left as it is. A list or map holding no translation is
 * returned as it is, not copied, and `path` is one stack: a 2 MB strategy, localized twice per
 * keystroke in the Studio, made some 200,000 objects of garbage each time.
 */
function localizeValue(
  data: unknown,
  language: Language,
  fallback: Language | undefined,
  missing: Missing[],
  path: PropertyKey[],
): unknown {
  if (isTranslations(data)) {
    if (data[language] !== undefined) return data[language];
    const used = fallback && data[fallback] !== undefined ? fallback : undefined;
    missing.push({ path: [...path], language, ...(used ? { used } : {}) });
    return used ? data[used] : undefined;
  }
  if (Array.isArray(data)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < data.length; i++) {
      path.push(i);
      const value = localizeValue(data[i], language, fallback, missing, path);
      path.pop();
      if (value !== data[i]) (copy ??= [...data])[i] = value;
    }
    return copy ?? data;
  }
  if (!isRecord(data)) return data;
  let copy: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(data)) {
    if (path.length === 0 && k === 'wording') continue;
    path.push(k);
    const value = localizeValue(v, language, fallback, missing, path);
    path.pop();
    if (value !== v) (copy ??= { ...data })[k] = value;
  }
  return copy ?? data;
}

/** The strategy's raw data in `language`, and the translations it lacks there. */
function localizeData(data: unknown, language: Language): { data: unknown; missing: Missing[] } {
  const missing: Missing[] = [];
  return { data: localizeValue(data, language, fallbackOf(data), missing, []), missing };
}

/** A translation that is missing, as a message at the map. */
export function missingMessage(m: Missing, own: Language): string {
  const values = { languageWord: said(`word.lang.${m.language}`), code: m.language };
  if (m.used) return english(said('lang.missingUsed', { ...values, usedWord: said(`word.lang.${m.used}`) }));
  return english(said(m.language === own ? 'lang.missing' : 'lang.missingOther', values));
}

/**
 * The strategy's schema for decks in `language` (undefined: the strategy's own): translation
 * maps become their text first, and a missing translation is an issue at the map.
 */
export function localizedSchema<S extends z.ZodType>(
  schema: S,
  language: Language | undefined,
): z.ZodType<z.output<S>> {
  const localized = z.preprocess((raw, ctx) => {
    const { data, missing } = localizeData(raw, language ?? languageOf(raw));
    for (const m of missing.filter((x) => !x.used)) {
      ctx.issues.push({
        code: 'custom',
        path: [...m.path] as PropertyKey[],
        message: missingMessage(m, languageOf(raw)),
        input: raw,
      });
    }
    return data;
  }, schema) as unknown as z.ZodType<z.output<S>>;
  partsOf.set(localized, localizedParts(schema, language));
  return localized;
}

/**
 * A schema made by localizedSchema, taken apart for validating an edit's changed fields alone
 * (validate-changes.ts): the schema the localized data goes to, and a part of the raw data as
 * that schema sees it. localizeValue turns each translation map into its text and leaves every
 * other list and map a list or map of localized parts, so a part is localized on its own, the
 * same as in the whole, given the root's `language` and `fallbackLanguage`.
 */
export interface LocalizedParts {
  inner: z.ZodType;
  /** Root fields every part's localizing depends on: a change of one is a change of the whole. */
  rootFields: readonly string[];
  /** Whether a raw list or map reaches the inner schema as a list or map of its localized parts. */
  keepsCollection(raw: unknown): boolean;
  /** The part at `path` of raw data `root` as the inner schema sees it; undefined where a translation is missing (an issue). */
  part(root: unknown, path: Path, raw: unknown): { value: unknown } | undefined;
}

const partsOf = new WeakMap<z.ZodType, LocalizedParts>();

/** The parts of a schema made by localizedSchema; undefined for any other schema. */
export function localizedPartsOf(schema: z.ZodType): LocalizedParts | undefined {
  return partsOf.get(schema);
}

function localizedParts(inner: z.ZodType, language: Language | undefined): LocalizedParts {
  return {
    inner,
    rootFields: ['language', 'fallbackLanguage'],
    keepsCollection: (raw) => !isTranslations(raw),
    part(root, path, raw) {
      // The root's `wording` (template keys) is not localized, in whole or in part.
      if (path[0] === 'wording') return { value: raw };
      const missing: Missing[] = [];
      const value = localizeValue(raw, language ?? languageOf(root), fallbackOf(root), missing, [...path]);
      return missing.some((m) => !m.used) ? undefined : { value };
    },
  };
}

/** Translations the strategy's fallbackLanguage filled in for `language`, to warn about. */
export function fallbacksUsed(raw: unknown, language: Language): Missing[] {
  // Without a fallbackLanguage no translation is filled in: no need to localize the whole strategy (~5 MB of garbage per Studio edit of 2 MB).
  if (fallbackOf(raw) === undefined) return [];
  return localizeData(raw, language).missing.filter((m) => m.used);
}
