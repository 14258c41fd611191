/**
 * Property tests over generated strategies (test/generators/strategy.ts): every one
 * builds in memory (dry run: layout, images, pptx, finishing, the build's own checks),
 * and then `trappa check` finds no error and no design or legend warning: no overflow,
 * no overlap, nothing below the floors, no near-empty continuation, no slide more than two
 * thirds empty, legends that match. Texts are in the deck's language's words (nb, nn, en).
 * A failing case is shrunk by fast-check and printed as the strategy to reproduce it.
 *
 * CI runs PROPS_RUNS (default 25) cases from the fixed seed PROPS_SEED (default 12);
 * `npm run test:props` runs 150 from a seed of its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildDecks } from '../../src/build-deck.js';
import { checkBuiltDeck } from '../../src/check/check-deck.js';
import { formatFindings } from '../../src/check/format-findings.js';
import { projectArbitrary, writeProject, type GeneratedProject } from '../generators/strategy.js';
import { REPO } from '../helpers/project.js';

const RUNS = Number(process.env.PROPS_RUNS ?? 25);
const SEED = Number(process.env.PROPS_SEED ?? 12);
/** Rules whose warnings are design faults too (a duplicate title is the deck author's choice). */
const STRICT_RULES = new Set([
  'design',
  'legend',
  'near-empty-continuation',
  'sparse-shrunk',
  // No slide more than two thirds empty in one stretch (issue #23: sparse slides are laid out, not left).
  'sparse',
  'overlap',
  'edge',
  'row-height',
]);

/** Builds one generated project; returns the problems found, '' when none. */
async function problems(project: GeneratedProject): Promise<string> {
  const root = mkdtempSync(path.join(tmpdir(), 'trappa-props-'));
  try {
    writeProject(root, REPO, project);
    const built = await buildDecks({ root, dryRun: true });
    const deck = built.decks[0]!;
    const findings = checkBuiltDeck(deck.bytes, built.project.theme).filter(
      (f) => f.severity === 'error' || STRICT_RULES.has(f.rule),
    );
    return findings.length > 0 ? `${project.summary}\n${formatFindings(findings, { indent: '  ' })}` : '';
  } catch (error) {
    return `${project.summary}: ${(error as Error).message}`;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('generated strategies', () => {
  it(`build and pass every rule (${RUNS} cases, seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(projectArbitrary, async (project) => {
        const found = await problems(project);
        if (found)
          throw new Error(
            `${found}\n--- strategy.yaml ---\n${stringify(project.strategy)}--- deck ---\n${stringify(project.deck)}`,
          );
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: process.env.PROPS_SHRINK === '0' },
    );
    expect(RUNS).toBeGreaterThan(0);
  }, 600_000);
});
