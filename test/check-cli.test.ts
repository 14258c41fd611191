/**
 * `trappa check` and `trappa preview` end to end: the real CLI on an output folder holding
 * the bundled decks, plus a newer version of one deck that was broken on purpose.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDecks, type BuiltDeck } from '../src/build-deck.js';
import { parseDeckFileName } from '../src/check/built-decks.js';
import type { FileReport } from '../src/check/format-findings.js';
import { findPdftoppm } from '../src/post/preview.js';
import { findSoffice } from '../src/post/soffice.js';
import { PackageParts } from '../src/pptx/package-parts.js';
import { runMain } from './helpers/in-process.js';
import { missingTool } from './helpers/tools.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const found = (p: Promise<unknown>): Promise<boolean> =>
  p.then(
    () => true,
    () => false,
  );
const canPreview = (await found(findSoffice())) && (await found(findPdftoppm()));

/** `trappa --root ROOT …` in this worker (the test is about the command, not its process). */
async function trappa(
  root: string,
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const r = await runMain(['--root', root, ...args], root);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Draws every run of the slide's "List" 1.6 × larger than the layout fitted it. */
function overfill(bytes: Uint8Array, slide: number): Uint8Array {
  const parts = PackageParts.read(bytes);
  const name = `ppt/slides/slide${slide}.xml`;
  const xml = parts.text(name)!;
  const list = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?name="List"[\s\S]*?<\/p:sp>/.exec(xml)![0];
  parts.setText(
    name,
    xml.replace(
      list,
      list.replace(/ sz="(\d+)"/g, (_m, sz: string) => ` sz="${Math.round(Number(sz) * 1.6)}"`),
    ),
  );
  return parts.toZip(new Date(2004, 0, 26, 12));
}

describe('trappa check', () => {
  let root: string;
  let decks: BuiltDeck[];
  /** Slide of the profile's "List" in the strategi deck. */
  const profileSlide = 6;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'trappa-check-cli-'));
    await cp(path.join(repo, 'data'), path.join(root, 'data'), { recursive: true });
    decks = (await buildDecks({ root: repo, dryRun: true })).decks;
    await mkdir(path.join(root, 'output'));
    for (const deck of decks) await writeFile(path.join(root, 'output', path.basename(deck.file)), deck.bytes);
    return () => rm(root, { recursive: true, force: true });
  });

  it('passes the bundled decks', async () => {
    const r = await trappa(root, 'check');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const deck of decks) expect(r.stdout).toContain(`✓ output/${path.basename(deck.file)}  no problems`);
    expect(r.stdout).toContain(`${decks.length} decks checked: no problems`);
  });

  describe('with a broken newer version of one deck', () => {
    const broken = 'strategi-v0.10-2004-03-01.pptx';
    beforeAll(async () => {
      const strategi = decks.find((d) => d.deckId === 'strategi')!;
      await writeFile(path.join(root, 'output', broken), overfill(strategi.bytes, profileSlide));
      return () => rm(path.join(root, 'output', broken));
    });

    it('checks the newest version, reports slide and element, and exits with 4', async () => {
      const r = await trappa(root, 'check', '--deck', 'strategi');
      expect(r.code).toBe(4);
      expect(r.stdout).toContain(`✗ output/${broken}  1 error`);
      expect(r.stdout).toMatch(
        new RegExp(
          `slide ${profileSlide} · List · error overflow: the text needs [\\d.]+ in at [\\d.]+ pt but the frame has`,
        ),
      );
      expect(r.stderr).toContain(`trappa: 1 error in output/${broken}`);
    });

    it('prints JSON for machines', async () => {
      const r = await trappa(root, 'check', '--all', '--json');
      expect(r.code).toBe(4);
      const report = JSON.parse(r.stdout) as { errors: number; files: FileReport[] };
      expect(report.errors).toBe(1);
      expect(report.files.map((f) => f.deckId).sort()).toEqual(decks.map((d) => d.deckId).sort());
      const file = report.files.find((f) => f.deckId === 'strategi')!;
      expect(file).toMatchObject({ version: '0.10', file: `output/${broken}`, errors: 1, warnings: 0 });
      expect(file.findings).toEqual([
        expect.objectContaining({ severity: 'error', rule: 'overflow', slide: profileSlide, element: 'List' }),
      ]);
    });

    it('checks only the decks asked for, and files given by path', async () => {
      expect((await trappa(root, 'check', '--deck', 'ansatte', 'storledermote')).code).toBe(0);
      const r = await trappa(root, 'check', path.join('output', broken));
      expect(r.code).toBe(4);
      expect(r.stdout).toContain('· List · error overflow');
    });
  });

  it('says which decks are built when asked for one that is not', async () => {
    const r = await trappa(root, 'check', '--deck', 'nope');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /no built file for 'nope' in output\/ \(built: ansatte, samkommunestyre, storledermote, strategi\); run: trappa build --deck nope/,
    );
  });
});

describe('built deck file names', () => {
  it('parse into deck id, version and date', () => {
    expect(parseDeckFileName('storledermote-v0.2-2004-02-04.pptx')).toEqual({
      deckId: 'storledermote',
      version: '0.2',
      date: '2004-02-04',
    });
    expect(parseDeckFileName('ny-deck-v1.0.1-2005-12-31.pptx')).toEqual({
      deckId: 'ny-deck',
      version: '1.0.1',
      date: '2005-12-31',
    });
    expect(parseDeckFileName('notes.pptx')).toBeUndefined();
  });
});

describe.skipIf(missingTool('LibreOffice and pdftoppm', canPreview))('trappa preview', () => {
  it('renders one PNG per slide and a contact sheet into output/preview/', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'trappa-preview-cli-'));
    try {
      const deck = (await buildDecks({ root: repo, decks: ['ansatte'], dryRun: true })).decks[0]!;
      await mkdir(path.join(root, 'output'));
      const base = path.basename(deck.file, '.pptx');
      await writeFile(path.join(root, 'output', `${base}.pptx`), deck.bytes);
      const r = await trappa(root, 'preview', '--deck', 'ansatte', '--dpi', '30');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const dir = path.join(root, 'output', 'preview', base);
      expect(r.stdout).toContain(`output/preview/${base}/contact-sheet.png  (${deck.slideCount} slides`);
      const pngs = (await readdir(dir)).filter((n) => /^slide-\d+\.png$/.test(n));
      expect(pngs).toHaveLength(deck.slideCount);
      expect(existsSync(path.join(dir, 'contact-sheet.png'))).toBe(true);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
