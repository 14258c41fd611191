/** The strategy in the languages its decks use (see localize.ts for how a text carries translations). */
import { ok, type Issue, type Result } from '../errors.js';
import { plainOf, type YamlSource } from './load-yaml.js';
import { formatPath, locateIn } from './locate.js';
import { fallbacksUsed, type Language, localizedSchema, missingMessage, plainTexts } from './localize.js';
import { type Strategy, strategySchema } from './strategy-schema.js';
import { validateYaml } from './yaml-cache.js';
import { english, said } from '../messages/catalogue.js';

/** The schema strategy.yaml is loaded with: texts in the strategy's own language. One instance, for the YAML cache. */
export const ownLanguageStrategy = localizedSchema(strategySchema, undefined);

const byLanguage = new Map<Language, ReturnType<typeof localizedSchema<typeof strategySchema>>>();

/** The strategy with its texts in `language`; a missing translation is an issue at its map. */
export function strategyIn(source: YamlSource, language: Language): Result<{ strategy: Strategy; notices: Issue[] }> {
  let schema = byLanguage.get(language);
  if (!schema) byLanguage.set(language, (schema = localizedSchema(strategySchema, language)));
  const validated = validateYaml(ok(source), schema);
  if (!validated.ok) return validated;
  const own = validated.value.value.language;
  return ok({
    strategy: validated.value.value,
    notices: [...fallbackNotices(source, language, own), ...plainNotice(source, language, own)],
  });
}

/**
 * Texts written once, without translations, are shown as written in a deck of another
 * language: fine for names, but never silent: one warning says how many and where.
 */
function plainNotice(source: YamlSource, language: Language, own: Language): Issue[] {
  const plain = plainTexts(plainOf(source));
  if (plain.length === 0) return [];
  const fields = plain
    .slice(0, 4)
    .map((p) => formatPath(p))
    .join(', ');
  const listed = `${fields}${plain.length > 4 ? ', …' : ''}`;
  return [
    {
      ...locateIn(source, plain[0]!),
      message: english(said('lang.plain', { n: plain.length, language, own, fields: listed })),
    },
  ];
}

/** A warning at each text whose `language` translation the strategy's fallbackLanguage filled in. */
export function fallbackNotices(source: YamlSource, language: Language, own: Language): Issue[] {
  const raw = plainOf(source);
  return fallbacksUsed(raw, language).map((m) => ({ ...locateIn(source, m.path), message: missingMessage(m, own) }));
}
