/**
 * zod's issues in plain words: the error map validate.ts passes to `safeParse`.
 * Messages say what was expected and what to type, e.g. "expected text, found a number;
 * put the value in quotes to keep it as text".
 */
import { distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import { describeFound, quote } from './schema-helpers.js';
import { isRecord } from './schema-walk.js';
import { english, said } from '../messages/catalogue.js';

const KIND_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'fields (key: value)',
  record: 'fields (key: value)',
  date: 'a date',
  null: 'nothing',
};

export function kindName(expected: string): string {
  return KIND_NAMES[expected] ?? expected;
}

/** Error map for `safeParse`: plain, short English that says what is expected. */
export function plainMessage(iss: z.core.$ZodRawIssue): string | undefined {
  const input = iss.input;
  const key = iss.path?.at(-1);
  const missing = typeof key === 'string' ? `missing field '${key}'` : 'missing value';
  switch (iss.code) {
    case 'invalid_type': {
      const expected = kindName(iss.expected);
      if (input === undefined) return missing;
      if (input === null) return `is empty; expected ${expected}`;
      if (iss.expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) {
        return english(said('in.textQuoted', { foundValue: describeFound(input) }));
      }
      if (iss.expected === 'array' && typeof input !== 'object') {
        return `expected a list, found ${describeFound(input)}; write each item on its own line starting with '- '`;
      }
      return `expected ${expected}, found ${describeFound(input)}`;
    }
    case 'invalid_value':
      return choiceMessage(iss.values, input, typeof key === 'string' ? key : undefined);
    case 'invalid_union':
      if (iss.discriminator && Array.isArray(iss.options) && isRecord(input)) {
        const found = input[iss.discriminator];
        return choiceMessage(iss.options as unknown[], found, iss.discriminator);
      }
      return 'does not match any of the allowed forms';
    case 'too_small':
      return sizeMessage('at least', iss.origin, Number(iss.minimum), iss.inclusive);
    case 'too_big':
      return sizeMessage('at most', iss.origin, Number(iss.maximum), iss.inclusive);
    case 'invalid_format':
      return formatMessage(iss.format, String(input), iss);
    case 'not_multiple_of':
      return `must be a multiple of ${iss.divisor}`;
    case 'unrecognized_keys':
      return `unknown field ${iss.keys.map((k) => `'${k}'`).join(', ')}`;
    case 'invalid_key':
      return 'has a key that is not allowed';
    case 'invalid_element':
      return 'has an item that is not allowed';
    case 'custom':
      return 'is not valid';
  }
  return undefined;
}

/** `field`: the discriminator a union's value is chosen by, when it is missing. */
function choiceMessage(values: readonly unknown[], input: unknown, field?: string): string {
  const list = values.map(String);
  const shown = list.join(', ');
  if (input === undefined)
    return english(
      field ? said('in.missingFieldOneOf', { field, list: shown }) : said('in.missingOneOf', { list: shown }),
    );
  if (input === null)
    return english(
      list.length === 1 ? said('in.emptyValue', { value: list[0]! }) : said('in.emptyOneOf', { list: shown }),
    );
  const found = typeof input === 'string' ? quote(input) : describeFound(input);
  const guess = typeof input === 'string' ? suggest(input, list) : undefined;
  if (list.length === 1)
    return english(
      said(guess ? 'in.expectedValueGuess' : 'in.expectedValue', {
        value: list[0]!,
        found,
        foundValue: found,
        guess: guess ?? '',
      }),
    );
  return english(said(guess ? 'in.oneOfGuess' : 'in.oneOf', { list: shown, foundValue: found, guess: guess ?? '' }));
}

function sizeMessage(bound: 'at least' | 'at most', origin: string, n: number, inclusive = true): string {
  const least = bound === 'at least';
  if (origin === 'string') {
    if (least && n <= 1) return 'must not be empty';
    return english(said(least ? 'in.minChars' : 'in.maxChars', { n }));
  }
  if (origin === 'array' || origin === 'set') return english(said(least ? 'in.minItems' : 'in.maxItems', { n }));
  if (!inclusive) return english(said(least ? 'in.moreThan' : 'in.lessThan', { n }));
  return english(said(least ? 'in.atLeast' : 'in.atMost', { n }));
}

function formatMessage(format: string, input: string, iss: Record<string, unknown>): string {
  const found = quote(input);
  switch (format) {
    case 'email':
      return `expected an e-mail address, found ${found}`;
    case 'url':
      return `expected a web address like https://example.no, found ${found}`;
    case 'starts_with':
      return `must start with '${String(iss.prefix)}'`;
    case 'ends_with':
      return `must end with '${String(iss.suffix)}'`;
    case 'includes':
      return `must contain '${String(iss.includes)}'`;
    case 'regex':
      return `${found} is not in the expected form`;
  }
  return `expected ${format}, found ${found}`;
}

/** The candidate closest to a misspelt word, if it is close enough to be a likely typo. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}
