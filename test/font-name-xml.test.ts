/**
 * A font name holding «&» or «"» is a legal name (a family may be called «Tom & Jerry»), and it goes
 * into typeface="…" attributes of every slide, table cell and the theme. On dcfc2ac pptxgenjs and the
 * table writer wrote it unescaped and the build stopped with an internal error (exit 70: «the deck
 * would contain XML that is not well-formed»), from theme.yaml and from a template's theme alike.
 * Now the decks build, the name is written escaped and read back whole, the validator finds no
 * error and LibreOffice converts the deck.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDecks, type BuiltDeck } from '../src/build-deck.js';
import { unescapeXml } from '../src/ooxml/escape.js';
import { missingValidator, validatePptx } from './helpers/ooxml.js';
import { copyProjectInto, REPO } from './helpers/project-copy.js';
import { hasSoffice, missingTool } from './helpers/tools.js';

const run = promisify(execFile);
const work = mkdtempSync(path.join(tmpdir(), 'trappa-font-name-'));
afterAll(() => rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));

const NAME = 'Tom & Jerry "Sans"';

/** Every typeface a part names, unescaped. */
const typefaces = (xml: string): string[] => [...xml.matchAll(/\btypeface="([^"]*)"/g)].map((m) => unescapeXml(m[1]!));

/** The bundled project with theme.yaml naming NAME for headings and body. */
async function fromThemeYaml(): Promise<BuiltDeck[]> {
  const root = copyProjectInto(mkdtempSync(path.join(work, 'yaml-')));
  const theme = path.join(root, 'data/theme.yaml');
  const yaml = readFileSync(theme, 'utf8').replace(/^ {2}(heading|body): Calibri/gm, `  $1: ${JSON.stringify(NAME)}`);
  expect(yaml).toContain(JSON.stringify(NAME));
  writeFileSync(theme, yaml);
  return (await buildDecks({ root, decks: ['strategi'], dryRun: true })).decks;
}

/** The bundled project on the impress fixture whose theme names NAME as its heading and body font. */
async function fromTemplate(): Promise<BuiltDeck[]> {
  const root = copyProjectInto(mkdtempSync(path.join(work, 'template-')));
  const parts = unzipSync(readFileSync(path.join(REPO, 'test/fixtures/templates/impress.potx')));
  const theme = strFromU8(parts['ppt/theme/theme1.xml']!);
  const named = theme.replace(
    /(<a:(?:major|minor)Font>\s*<a:latin typeface=")[^"]*"/g,
    '$1Tom &amp; Jerry &quot;Sans&quot;"',
  );
  expect(named).not.toBe(theme);
  parts['ppt/theme/theme1.xml'] = strToU8(named);
  mkdirSync(path.join(root, 'assets/templates'), { recursive: true });
  writeFileSync(path.join(root, 'assets/templates/named.potx'), zipSync(parts));
  writeFileSync(
    path.join(root, 'data/theme.yaml'),
    `${readFileSync(path.join(root, 'data/theme.yaml'), 'utf8')}template: templates/named.potx\n`,
  );
  return (await buildDecks({ root, decks: ['strategi'], dryRun: true })).decks;
}

describe.each([
  ['theme.yaml', fromThemeYaml],
  ['a template\u2019s theme', fromTemplate],
])('a font name with & and " from %s', (_, build) => {
  let deck: BuiltDeck;
  const parts = () => unzipSync(deck.bytes);

  it('builds, and every part names the font whole', async () => {
    deck = (await build())[0]!;
    const files = parts();
    expect(typefaces(strFromU8(files['ppt/theme/theme1.xml']!))).toContain(NAME);
    // The plan's table is on the deck (its cells name the body font, as a theme font or by name).
    const slides = Object.keys(files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides.some((n) => strFromU8(files[n]!).includes('<a:tbl>'))).toBe(true);
    for (const n of slides)
      for (const face of typefaces(strFromU8(files[n]!)))
        expect([NAME, '']).toContain(face.startsWith('+') ? '' : face);
    // The fonts the deck uses, as PowerPoint lists them in its properties.
    expect(unescapeXml(strFromU8(files['docProps/app.xml']!))).toContain(`<vt:lpstr>${NAME}</vt:lpstr>`);
  }, 120_000);

  it.skipIf(missingValidator())('passes the OOXML validator', async () => {
    const file = path.join(mkdtempSync(path.join(work, 'v-')), 'deck.pptx');
    writeFileSync(file, deck.bytes);
    expect((await validatePptx(file)).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it.skipIf(missingTool('LibreOffice', hasSoffice))(
    'converts in LibreOffice, a page a slide',
    async () => {
      const dir = mkdtempSync(path.join(work, 'lo-'));
      const file = path.join(dir, 'deck.pptx');
      writeFileSync(file, deck.bytes);
      const profile = `file://${path.join(dir, 'lo-profile')}`;
      await run(
        'soffice',
        ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, file],
        {
          timeout: 120_000,
        },
      );
      const { stdout } = await run('pdfinfo', [path.join(dir, 'deck.pdf')]);
      expect(Number(/^Pages:\s+(\d+)$/m.exec(stdout)?.[1])).toBe(deck.slideCount);
    },
    150_000,
  );
});
