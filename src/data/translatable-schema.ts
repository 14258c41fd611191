/**
 * The strategy's JSON Schema with its translation maps (localize.ts): every text field may be
 * written as one text or as `{ nb: …, nn: …, en: … }`, so an editor completes the language keys
 * and checks a map's texts instead of flagging every map as "expected string". The zod schema
 * cannot say this itself: the maps are replaced by their text before it sees the data.
 */
import { isTextField, LANGUAGES } from './localize.js';

type Json = Record<string, unknown>;

const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const TRANSLATIONS = 'translations';

/** A text with its translations: one or more of the languages, nothing else. */
function translationsSchema(): Json {
  return {
    type: 'object',
    properties: Object.fromEntries(LANGUAGES.map((l) => [l, { type: 'string', minLength: 1 }])),
    minProperties: 1,
    additionalProperties: false,
    description: `The text in each language (${LANGUAGES.join(', ')}); a deck uses its language's.`,
  };
}

/** A text: a string with no pattern, format or fixed values (those are ids, versions, dates). */
const isText = (node: Json): boolean =>
  node.type === 'string' && !('pattern' in node) && !('format' in node) && !('enum' in node) && !('const' in node);

/** `node` (reached under `key`) with each text it holds allowed as a translation map. */
function translatable(node: unknown, key: string): unknown {
  if (!isJson(node)) return node;
  // Ids, dates, files and the like are never translated, though some are plain strings (email, phone).
  if (isText(node) && isTextField(key)) {
    const { description, ...text } = node;
    return {
      anyOf: [text, { $ref: `#/definitions/${TRANSLATIONS}` }],
      ...(description === undefined ? {} : { description }),
    };
  }
  const out: Json = { ...node };
  if (isJson(node.properties))
    out.properties = Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, translatable(v, k)]));
  // A list's items are texts of the list's field (`top: [Tydeleg, Open]`).
  if (node.items !== undefined) out.items = translatable(node.items, key);
  if (Array.isArray(node.anyOf)) out.anyOf = node.anyOf.map((v) => translatable(v, key));
  return out;
}

/** The strategy's JSON Schema with translation maps allowed wherever a text is (not in `wording`'s template keys). */
export function withTranslations(schema: Json): Json {
  const given = isJson(schema.properties) ? schema.properties : {};
  const properties = Object.fromEntries(
    Object.entries(given).map(([k, v]) => [k, k === 'wording' ? v : translatable(v, k)]),
  );
  const definitions = {
    ...(isJson(schema.definitions) ? schema.definitions : {}),
    [TRANSLATIONS]: translationsSchema(),
  };
  return { ...schema, properties, definitions };
}
