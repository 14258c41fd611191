/**
 * Every bundled deck on three organisation templates made in three tools (LibreOffice
 * Impress .potx, pptxgenjs 4:3 with the title at the bottom, hand-written dark OOXML with
 * DejaVu fonts): built the PowerPoint way on the template's masters, valid, checked, and
 * still placeholders and fields after a LibreOffice round trip.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecks, type BuiltDeck } from '../src/build-deck.js';
import { checkBuiltDeck } from '../src/check/check-deck.js';
import { InputError } from '../src/errors.js';
import { missingValidator, runQuietly, validatePptx } from './helpers/ooxml.js';
import { REPO } from './helpers/project.js';
import { readPptx, slideLayoutName, slideShapes, structureProblems } from './helpers/structure.js';
import { hasSoffice } from './helpers/tools.js';
import { copyProjectInto } from './helpers/project-copy.js';
import { runMain } from './helpers/in-process.js';

const FIXTURES = path.join(REPO, 'test/fixtures/templates');
const DEJAVU =
  '    DejaVu Sans: { regular: DejaVuSans.ttf, bold: DejaVuSans-Bold.ttf }\n' +
  '    DejaVu Serif: { regular: DejaVuSerif.ttf, bold: DejaVuSerif-Bold.ttf }\n';

interface Case {
  name: string;
  file: string;
  /** fonts.files entries the template's theme fonts need (LibreOffice draws Arial with DejaVu Sans here). */
  fonts: string;
}

const CASES: Case[] = [
  {
    name: 'impress',
    file: 'impress.potx',
    fonts: '    Arial: { regular: DejaVuSans.ttf, bold: DejaVuSans-Bold.ttf }\n',
  },
  { name: 'pptxgenjs-4x3', file: 'pptxgenjs-4x3.pptx', fonts: '' },
  { name: 'dark', file: 'dark-dejavu.potx', fonts: DEJAVU },
];

const work = mkdtempSync(path.join(tmpdir(), 'trappa-templates-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the bundled project whose theme.yaml names the template (and `extra` lines). */
function project(c: Case, extra = ''): string {
  const root = copyProjectInto(mkdtempSync(path.join(work, `${c.name}-`)));
  mkdirSync(path.join(root, 'assets/templates'));
  copyFileSync(path.join(FIXTURES, c.file), path.join(root, 'assets/templates', c.file));
  for (const font of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf']) {
    copyFileSync(path.join(FIXTURES, 'fonts', font), path.join(root, 'assets/fonts', font));
  }
  const theme = path.join(root, 'data/theme.yaml');
  const yaml = readFileSync(theme, 'utf8').replace(/^( {2}body: .*\n)/m, (body) =>
    c.fonts ? `${body}  files:\n${c.fonts}` : body,
  );
  writeFileSync(theme, `${yaml}template: templates/${c.file}\n${extra}`);
  return root;
}

/** What the template file itself says: layout names, accent1, the major font, the slide size. */
function templateFacts(file: string) {
  const parts = unzipSync(readFileSync(path.join(FIXTURES, file)));
  const text = (name: string) => strFromU8(parts[name]!);
  const layouts = Object.keys(parts)
    .filter((n) => /^ppt\/slideLayouts\/[^/]+\.xml$/.test(n))
    .map((n) => /<p:cSld name="([^"]*)"/.exec(text(n))?.[1]);
  const theme = text('ppt/theme/theme1.xml');
  return {
    layouts: new Set(layouts),
    accent1: /<a:accent1>\s*<a:srgbClr val="([0-9A-Fa-f]{6})"/.exec(theme)?.[1]?.toUpperCase(),
    major: /<a:majorFont>\s*<a:latin typeface="([^"]*)"/.exec(theme)?.[1],
    sldSz: /<p:sldSz [^>]*?cx="(\d+)" cy="(\d+)"/.exec(text('ppt/presentation.xml'))?.slice(1, 3),
  };
}

const built = new Map<string, { root: string; decks: BuiltDeck[]; files: string[] }>();

beforeAll(async () => {
  for (const c of CASES) {
    const root = project(c);
    const { decks, project: loaded } = await buildDecks({ root, dryRun: true });
    const files = decks.map((d) => {
      const file = path.join(root, `${c.name}-${d.deckId}.pptx`);
      writeFileSync(file, d.bytes);
      // The same rules `trappa check` runs; the build already refused errors, warnings are allowed.
      expect(checkBuiltDeck(d.bytes, loaded.theme).filter((f) => f.severity === 'error')).toEqual([]);
      return file;
    });
    built.set(c.name, { root, decks, files });
  }
  // The built-in design goes through the same LibreOffice round trip.
  const { decks } = await buildDecks({ root: REPO, dryRun: true });
  const files = decks.map((d) => {
    const file = path.join(work, `built-in-${d.deckId}.pptx`);
    writeFileSync(file, d.bytes);
    return file;
  });
  roundTrip.push(...files, ...[...built.values()].flatMap((b) => b.files));
}, 120_000);

/** Every deck, on every template and the built-in design, for the LibreOffice round trip. */
const roundTrip: string[] = [];

describe.each(CASES)('every bundled deck on the $name template', (c) => {
  it('is built on the template: its layouts, colours, fonts and slide size', () => {
    const facts = templateFacts(c.file);
    const { decks } = built.get(c.name)!;
    expect(decks.length).toBeGreaterThanOrEqual(4);
    for (const deck of decks) {
      const pptx = readPptx(deck.bytes);
      for (let n = 1; n <= pptx.slideCount(); n++)
        expect(facts.layouts, `${deck.deckId} slide ${n}`).toContain(slideLayoutName(pptx, n));
      const theme = pptx.text('ppt/theme/theme1.xml');
      expect(theme).toMatch(new RegExp(`<a:accent1>\\s*<a:srgbClr val="${facts.accent1}"`, 'i'));
      expect(theme).toMatch(new RegExp(`<a:majorFont>\\s*<a:latin typeface="${facts.major}"`));
      const [cx, cy] = facts.sldSz!;
      expect(pptx.text('ppt/presentation.xml')).toContain(`<p:sldSz cx="${cx}" cy="${cy}"/>`);
    }
  });

  it('has its text in placeholders, slide-number fields, decorative marks and source tags', () => {
    // Every bundled deck opens with its title slide, on the template's title layout.
    for (const deck of built.get(c.name)!.decks)
      expect(
        structureProblems(deck.bytes, (n) => n === 1),
        deck.deckId,
      ).toEqual([]);
  });
});

// One validator run for all twelve decks: the schemas load once.
it.skipIf(missingValidator())('every deck on every template passes the OOXML validator', async () => {
  const files = [...built.values()].flatMap((b) => b.files);
  expect(files.length).toBeGreaterThanOrEqual(12);
  expect((await validatePptx(...files)).filter((i) => i.severity === 'error')).toEqual([]);
});

describe('a deck after a LibreOffice round trip (pptx → pptx)', () => {
  it.runIf(hasSoffice)(
    'converts, and keeps its placeholders and slide-number fields',
    async () => {
      const files = roundTrip;
      expect(files.length).toBeGreaterThanOrEqual(16);
      const out = path.join(work, 'roundtrip');
      const profile = path.join(work, 'profile');
      // Not spawnSync: sixteen decks can block the test worker past vitest's 60 s for its answers.
      const run = await runQuietly(
        'soffice',
        [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pptx', '--outdir', out, ...files],
        240_000,
      );
      expect(run.status).toBe(0);
      for (const file of files) {
        const back = path.join(out, path.basename(file));
        expect(existsSync(back), back).toBe(true);
        const pptx = readPptx(back);
        for (let n = 2; n <= pptx.slideCount(); n++) {
          const shapes = slideShapes(pptx.slideXml(n));
          expect(
            shapes.some((s) => s.placeholder === 'title'),
            `${back} slide ${n}`,
          ).toBe(true);
          expect(pptx.slideXml(n), `${back} slide ${n}`).toMatch(
            /<p:ph type="sldNum"[\s\S]*?<a:fld [^>]*type="slidenum"/,
          );
        }
        const bodies = Array.from({ length: pptx.slideCount() }, (_, i) => slideShapes(pptx.slideXml(i + 1)))
          .flat()
          .filter((s) => s.placeholder === 'body' || s.placeholder === 'obj');
        expect(bodies.length, back).toBeGreaterThan(0);
      }
    },
    240_000,
  );
});

describe('a template that lacks what the slides need', () => {
  it('names the missing layout and lists what the template has, at the field', async () => {
    const root = project(CASES[2]!, 'layouts:\n  two: Tre kolonner\n');
    const error = await buildDecks({ root, dryRun: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const [issue] = (error as InputError).issues;
    expect(issue?.file).toBe('data/theme.yaml');
    expect(issue?.field).toBe('layouts');
    expect(issue?.message).toMatch(/has no layout 'Tre kolonner' with a title placeholder for two slides/);
    expect(issue?.message).toMatch(
      /its layouts: 'Tittellysbilde' \(ctrTitle, subTitle#1, dt#10, ftr#11, sldNum#12\); 'Tittel og innhold'/,
    );
  });

  it('says where a template path is wrong, and an unreadable template', async () => {
    const root = project(CASES[1]!);
    writeFileSync(path.join(root, 'assets/templates/broken.potx'), 'not a zip');
    const theme = readFileSync(path.join(root, 'data/theme.yaml'), 'utf8');
    const messages: string[] = [];
    for (const file of ['templates/missing.potx', '../data/strategy.yaml', 'logos/isk.svg', 'templates/broken.potx']) {
      writeFileSync(path.join(root, 'data/theme.yaml'), theme.replace(/^template: .*$/m, `template: ${file}`));
      const error = await buildDecks({ root, dryRun: true, decks: ['strategi'] }).catch((e: unknown) => e);
      const [issue] = (error as InputError).issues;
      expect(issue?.field).toBe('template');
      messages.push(issue?.message ?? '');
    }
    expect(messages).toEqual([
      'file not found: assets/templates/missing.potx',
      '../data/strategy.yaml points outside assets/; copy the template into assets/ and refer to it from there',
      'assets/logos/isk.svg is not a .potx or .pptx template',
      'assets/templates/broken.potx is not a PowerPoint file (not a zip); save the template as .potx or .pptx',
    ]);
  });

  it('makes the template an input of the deck, so a changed template is a changed deck', async () => {
    const { deckInputFiles } = await import('../src/versions/input-hash.js');
    const { project: loaded } = await buildDecks({ root: built.get('dark')!.root, dryRun: true, decks: ['strategi'] });
    const inputs = deckInputFiles(loaded, loaded.decks[0]!).map((f) => f.logical);
    expect(inputs).toContain('assets/templates/dark-dejavu.potx');
  });

  it('builds on a template whose font has no files in the project, naming the face that measured it', async () => {
    // Changed by issue #20: this was a refusal (exit 2); now the machine's face (or a stand-in) measures it.
    const root = project({ ...CASES[0]!, fonts: '' });
    const run = await runMain(['build', '--deck', 'strategi'], root);
    expect(run.status).toBe(0);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^trappa: warning: assets\/templates\/impress\.potx: the font "Arial" is not on this machine; its text is measured with .+ \(metric-compatible\)$/,
      ),
    ]);
  });
});
