/** Either-or fields: which form a value has, what the choice is called, and what carries over. */
import { defaultFor, isObject, type Json, type Schema } from './form-util.js';
import { word } from './page-language.js';
import { isTranslatable, isTranslationMap } from './translation-field.js';

export function matches(schema: Schema, value: Json): boolean {
  // A text that may be translated: plain text or its map of translations (translation-field.ts).
  if (isTranslatable(schema)) return typeof value === 'string' || isTranslationMap(value);
  if (schema.type === 'string') return typeof value === 'string' && (!schema.enum || schema.enum.includes(value));
  if (schema.type === 'object')
    return (
      isObject(value) &&
      (schema.required ?? []).every((k) => k in value) &&
      Object.keys(value).every((k) => k in (schema.properties ?? {}))
    );
  return false;
}

export function variantLabel(schema: Schema): string {
  if (isTranslatable(schema)) return word('Bare tekst');
  if (schema.type === 'string') return word(schema.enum ? 'Innebygd lysbilde' : 'Bare tekst');
  const props = schema.properties ?? {};
  if ('sub' in props) return word('Tekst med underpunkter');
  if ('slide' in props) return word('Innebygd lysbilde med valg');
  if ('kind' in props) return word('Eget lysbilde');
  return word('Felter');
}

/** Keeps what carries over when the form of a field changes: the text, the slide. */
export function convert(value: Json, to: Schema): Json {
  const text =
    typeof value === 'string' || isTranslationMap(value)
      ? value
      : isObject(value)
        ? (value.text ?? value.slide ?? value.title)
        : undefined;
  const fresh = defaultFor(to);
  if (isTranslatable(to)) return typeof text === 'string' || isTranslationMap(text) ? text : fresh;
  if (to.type === 'string') return typeof text === 'string' && (!to.enum || to.enum.includes(text)) ? text : fresh;
  if (isObject(fresh) && (typeof text === 'string' || isTranslationMap(text))) {
    const key = ['text', 'slide', 'title'].find((k) => k in (to.properties ?? {}));
    if (key) fresh[key] = text;
  }
  return fresh;
}
