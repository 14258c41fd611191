/**
 * The bundled decks pass their own checks. (How long a check takes is measured by
 * `npm run bench`, not asserted here: a wall-clock bound in a test fails on a busy machine.)
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDecks, type BuildResult } from '../src/build-deck.js';
import { checkBuiltDeck } from '../src/check/check-deck.js';
import { formatFindings } from '../src/check/format-findings.js';

const repo = fileURLToPath(new URL('..', import.meta.url));

describe('the bundled decks', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildDecks({ root: repo, dryRun: true });
  });

  it('have no errors', () => {
    expect(result.decks.length).toBeGreaterThanOrEqual(4);
    for (const deck of result.decks) {
      const findings = checkBuiltDeck(deck.bytes, result.project.theme);
      expect(formatFindings(findings.filter((f) => f.severity === 'error')), deck.deckId).toBe('');
    }
  });
});
