/**
 * The .pptx says what it is: app.xml names Trappa and its version as the application, the
 * slide is exactly 16:9 (12 192 000 × 6 858 000 EMU) or 4:3 (9 144 000 × 6 858 000) as
 * PowerPoint writes them, and the notes page is PowerPoint's standard 7.5 × 10 in portrait.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDecks } from '../src/build-deck.js';
import { appVersion } from '../src/pptx/document-properties.js';
import { slideLengthEmu } from '../src/pptx/slide-size.js';
import { readPptx } from './helpers/pptx-zip.js';
import { copyProjectInto } from './helpers/project-copy.js';
import { REPO } from './helpers/project.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-honest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const version = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

function sizes(bytes: Uint8Array) {
  const pptx = readPptx(bytes);
  const presentation = pptx.text('ppt/presentation.xml');
  const app = pptx.text('docProps/app.xml');
  return {
    slide: /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(presentation)?.slice(1, 3).map(Number),
    notes: /<p:notesSz cx="(\d+)" cy="(\d+)"/.exec(presentation)?.slice(1, 3).map(Number),
    application: /<Application>([^<]*)<\/Application>/.exec(app)?.[1],
    appVersion: /<AppVersion>([^<]*)<\/AppVersion>/.exec(app)?.[1],
  };
}

describe('the package says what it is', () => {
  it('every bundled deck: Trappa and its version, exactly 16:9, the standard notes page', async () => {
    const { decks } = await buildDecks({ root: REPO, dryRun: true });
    expect(decks.length).toBe(4);
    for (const deck of decks) {
      expect(sizes(deck.bytes), deck.deckId).toEqual({
        slide: [12_192_000, 6_858_000],
        notes: [6_858_000, 9_144_000],
        application: 'Trappa',
        appVersion: appVersion(version),
      });
    }
  }, 120_000);

  it('a deck on a 4:3 template: exactly 4:3', async () => {
    const root = copyProjectInto(path.join(work, 'four-three'));
    mkdirSync(path.join(root, 'assets/templates'), { recursive: true });
    copyFileSync(
      path.join(REPO, 'test/fixtures/templates/pptxgenjs-4x3.pptx'),
      path.join(root, 'assets/templates/four-three.pptx'),
    );
    const theme = path.join(root, 'data/theme.yaml');
    writeFileSync(theme, `${readFileSync(theme, 'utf8')}template: templates/four-three.pptx\n`);
    const { decks } = await buildDecks({ root, dryRun: true, decks: ['strategi'] });
    expect(sizes(decks[0]!.bytes)).toMatchObject({ slide: [9_144_000, 6_858_000], notes: [6_858_000, 9_144_000] });
  }, 120_000);

  it('lengths in inches to three decimals become whole thirds of an inch; others round to the EMU', () => {
    expect([13.333, 10, 7.5, 13.3333333, 11.25].map(slideLengthEmu)).toEqual([
      12_192_000, 9_144_000, 6_858_000, 12_192_000, 10_287_000,
    ]);
    expect(slideLengthEmu(8.27)).toBe(7_562_088);
    expect(appVersion('0.1.0')).toBe('00.0100');
    expect(appVersion('2.13.4-beta.1')).toBe('02.1304');
  });
});
