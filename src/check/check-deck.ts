/**
 * `trappa check` on bytes: reads a built .pptx and runs every rule on it. Pure and
 * synchronous, so the build can check what it is about to save, and tests can check
 * decks they made or broke in memory.
 */
import type { Theme } from '../data/schema.js';
import { english, said } from '../messages/catalogue.js';
import { CheckFailedError, TrappaError } from '../errors.js';
import { formatFindings } from './format-findings.js';
import { readDeck } from './read-deck.js';
import type { OpcPackage } from '../ooxml/package.js';
import { rules, WARNING_ONLY } from './rules/index.js';
import type { CheckOptions, Finding, Rule, RuleOptions } from './types.js';

export type { CheckOptions, Finding } from './types.js';

/**
 * Every finding of every rule, sorted by slide (package findings first), then rule order.
 * @throws TrappaError when the bytes are not a readable .pptx package.
 * @example checkDeck(bytes, { minBodySize: 12, minTableSize: 10 }).filter((f) => f.severity === 'error')
 */
export function checkDeck(deckOrPackage: Uint8Array | OpcPackage, options: CheckOptions): Finding[] {
  let deck: ReturnType<typeof readDeck>;
  try {
    deck = readDeck(deckOrPackage);
  } catch (cause) {
    throw new TrappaError(`not a readable .pptx file: ${(cause as Error).message}`, { cause });
  }
  const resolved: RuleOptions = {
    minBodySize: options.minBodySize,
    minTableSize: options.minTableSize ?? options.minBodySize,
    tolerance: options.tolerance ?? 0.01,
    ...(options.pictures ? { pictures: options.pictures } : {}),
    ...(options.bodySize ? { bodySize: options.bodySize } : {}),
    ...(options.language ? { language: options.language } : {}),
  };
  const found = (Object.entries(rules) as [keyof typeof rules, Rule][]).flatMap(([id, rule]) => {
    if (!WARNING_ONLY.has(id)) return rule(deck, resolved);
    if (options.errorsOnly) return [];
    const findings = rule(deck, resolved);
    const error = findings.find((f) => f.severity === 'error');
    if (error)
      throw new Error(
        `the check's rule ${id} is declared warning-only (rules/index.ts) but found an error: ${error.message}`,
      );
    return findings;
  });
  // A stable sort keeps each rule's own order inside a slide.
  return found.sort((a, b) => a.slide - b.slide);
}

/** The checks `trappa build` runs on each deck it writes, with the theme's minimum sizes. */
export function checkBuiltDeck(
  deck: Uint8Array | OpcPackage,
  theme: Pick<Theme, 'sizes'>,
  options: Partial<CheckOptions> = {},
): Finding[] {
  return checkDeck(deck, {
    minBodySize: theme.sizes.minBody,
    minTableSize: theme.sizes.minTable,
    bodySize: theme.sizes.body,
    ...options,
  });
}

const errorsIn = (findings: readonly Finding[]): Finding[] => findings.filter((f) => f.severity === 'error');

/**
 * The error to throw when a deck has errors (exit code 4), or undefined when it has none.
 * @param label what the deck is called in the message, e.g. its file name.
 */
export function checkFailure(label: string, findings: readonly Finding[]): CheckFailedError | undefined {
  const errors = errorsIn(findings);
  if (errors.length === 0) return undefined;
  return new CheckFailedError(
    `${english(said('find.refused', { label }))}\n${formatFindings(errors, { indent: '  ' })}`,
  );
}
