/**
 * The bundled decks pass their own checks, and checking stays fast enough to run on
 * every build (a 10-slide deck in a few milliseconds).
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

  it('are checked in a few milliseconds each', () => {
    const deck = result.decks.reduce((a, b) => (b.slideCount > a.slideCount ? b : a));
    for (let i = 0; i < 20; i++) checkBuiltDeck(deck.bytes, result.project.theme);
    const runs = 50;
    const started = performance.now();
    for (let i = 0; i < runs; i++) checkBuiltDeck(deck.bytes, result.project.theme);
    const ms = (performance.now() - started) / runs;
    console.log(`checkBuiltDeck: ${deck.deckId}, ${deck.slideCount} slides, ${(deck.bytes.length / 1024).toFixed(0)} KB: ${ms.toFixed(1)} ms`);
    // Generous bound: CI machines are slow and shared; typical is 4–8 ms.
    expect(ms).toBeLessThan(50);
  });
});
