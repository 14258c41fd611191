/**
 * Issue #23: generated strategies (test/generators/strategy.ts, services as compounds of up to
 * 25 letters) read back from the PDF LibreOffice makes: every word on every slide whole, or
 * hyphenated at one of the deck's soft hyphens (test/helpers/pdf-words.ts). LibreOffice is
 * slow, so CI runs PROPS_PDF_RUNS (default 1) cases from PROPS_SEED; more by setting it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDecks } from '../../src/build-deck.js';
import { exportPdfs } from '../../src/post/pdf.js';
import { projectArbitrary, writeProject } from '../generators/strategy.js';
import { brokenWordsInPdf } from '../helpers/pdf-words.js';
import { REPO } from '../helpers/project.js';
import { hasPdftotext, hasSoffice, missingTool } from '../helpers/tools.js';

const RUNS = Number(process.env.PROPS_PDF_RUNS ?? 1);
const SEED = Number(process.env.PROPS_SEED ?? 12);

describe.skipIf(missingTool('LibreOffice', hasSoffice) || missingTool('pdftotext', hasPdftotext))(
  'generated strategies in the PDF',
  () => {
    it(`have no word broken inside (${RUNS} cases, seed ${SEED})`, async () => {
      await fc.assert(
        fc.asyncProperty(
          projectArbitrary.filter((p) => ((p.strategy.model as { services: string[] }).services ?? []).length > 0),
          async (project) => {
            const root = mkdtempSync(path.join(tmpdir(), 'trappa-props-pdf-'));
            try {
              writeProject(root, REPO, project);
              const built = await buildDecks({ root });
              const [pdf] = await exportPdfs([{ pptx: built.decks[0]!.file }]);
              expect(brokenWordsInPdf(pdf!.file, built.decks[0]!.file), project.summary).toEqual([]);
            } finally {
              rmSync(root, { recursive: true, force: true });
            }
          },
        ),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    }, 600_000);
  },
);
