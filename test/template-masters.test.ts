/**
 * Content slides on the template's content master, not its title master (issue #20, fourteenth
 * round). LibreOffice's Vintage has four masters with the same twelve layout names: the first a
 * title master (its title mid-slide at 3.46 in over a 9.7 × 2.2-in body), the other three content
 * masters (title at the top, 0.33 in, over 9.7 × 4.8 in). The template's own slides say so: its
 * first slide is on master 1, the next three, with text, on masters 2–4. Before, every slide of
 * every deck took master 1's layouts: the content sat in a strip low on the slide under a title in
 * the middle, and many slides continued. Now the content slides take master 2's and 4's layouts,
 * with master 2's title and body places (LibreOffice wrote master 1's into every layout: master-places.ts).
 * A deck built in process (dry run), read from its slide and layout XML.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecks, type BuiltDeck } from '../src/build-deck.js';
import { relationships } from '../src/ooxml/package.js';
import { attr, child } from '../src/ooxml/xml.js';
import { chooseLayouts } from '../src/template/choose-layouts.js';
import { describeTemplate } from '../src/template/describe-template.js';
import { readTemplateFile } from '../src/template/load-template.js';
import { readTemplatePackage } from '../src/template/read-template-package.js';
import { readPptx } from './helpers/pptx-zip.js';
import { copyProjectOnTemplate, REPO } from './helpers/project-copy.js';
import { libreOfficeTemplates } from './helpers/template-corpus.js';
import { hasSoffice, missingTool } from './helpers/tools.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-masters-'));
afterAll(() => rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));

let vintage = '';
let deck: BuiltDeck | undefined;

beforeAll(async () => {
  if (!hasSoffice) return;
  vintage = (await libreOfficeTemplates()).find((f) => path.basename(f) === 'Vintage.potx') ?? '';
  if (!vintage) throw new Error('Vintage.potx is not in the corpus');
  const root = copyProjectOnTemplate(mkdtempSync(path.join(work, 'p-')), vintage);
  [deck] = (await buildDecks({ root, decks: ['storledermote'], dryRun: true })).decks;
}, 300_000);

const target = (pkg: Parameters<typeof relationships>[0], source: string, type: string) =>
  [...relationships(pkg, source).values()].find((r) => r.type.endsWith(`/${type}`))?.target ?? '';

describe.skipIf(missingTool('LibreOffice', hasSoffice))('Vintage: content slides on its content masters', () => {
  it('the content slides use layouts of masters 2–4, their titles at the top and their bodies tall', () => {
    const xml = readPptx(deck!.bytes);
    const slides = xml.model().slides.map((s) => {
      const layout = target(xml.pkg, `ppt/slides/slide${s.number}.xml`, 'slideLayout');
      const name = attr(child(xml.root(layout), 'p:cSld'), 'name');
      return { ...s, layout, name, master: target(xml.pkg, layout, 'slideMaster') };
    });
    // The cover keeps master 1 (its title art); on b6040d0 every slide was on it.
    expect(slides[0]!.master).toBe('ppt/slideMasters/slideMaster1.xml');
    const content = slides.filter((s) => s.name !== 'Title Slide');
    expect(content.length).toBeGreaterThan(5);
    expect(content.filter((s) => s.places).length).toBeGreaterThan(3);
    for (const s of content) {
      const at = `slide ${s.number} (${s.name}, ${s.layout})`;
      expect(s.master, at).toMatch(/slideMaster[234]\.xml$/);
      // The slide's title in the template's place at the top (3.46 in on b6040d0).
      const title = s.elements.find((e) => e.kind === 'shape' && e.placeholder === 'title')!;
      expect(title.box!.y, at).toBeLessThan(1);
      // The layout's body place (its own box, else its master's) as tall as the master's: 2.2 in on b6040d0.
      if (s.places) expect(s.places.body.h, at).toBeGreaterThan(4);
    }
    // Fewer slides continued: 14 slides on b6040d0, with the content in a 2.2-in strip.
    expect(slides.length).toBeLessThan(14);
  });

  it('`trappa template` says so: the cover on master 1, the content on master 2 and two texts on master 4', async () => {
    const read = await readTemplateFile(vintage, 'Vintage.potx');
    if (!read.ok) throw new Error(read.issues[0]!.message);
    const chosen = chooseLayouts(read.value, {}, { file: 'Vintage.potx' });
    if (!chosen.ok) throw new Error(chosen.issues[0]!.message);
    const report = describeTemplate(read.value, chosen.value.layouts);
    const mastersOf = (role: string) =>
      report.layouts.filter((l) => (l.roles as string[]).includes(role)).map((l) => `${l.master} ${l.name}`);
    expect(mastersOf('title')).toEqual(['1 Title Slide']);
    expect(mastersOf('content')).toEqual(['2 Title, Content']);
    expect(mastersOf('two')).toEqual(['4 Title, 2 Content']);
    expect(mastersOf('titleOnly')).toEqual(['2 Title Only']);
  });
});

describe("a template's own slides, read as hints only", () => {
  const impress = () => unzipSync(readFileSync(path.join(REPO, 'test/fixtures/templates/impress.potx')));
  const read = (parts: Record<string, Uint8Array>) => readTemplatePackage(zipSync(parts), 20 * 1024 * 1024);

  it('reads the layout each slide uses from its .rels, and nothing of the slide itself', () => {
    const pkg = read(impress());
    if ('problem' in pkg) throw new Error(pkg.problem);
    expect(pkg.slideLayouts).toEqual(['ppt/slideLayouts/slideLayout2.xml']);
    expect([...pkg.parts.keys()].filter((p) => p.startsWith('ppt/slides/'))).toEqual([]);
  });

  it('a slide whose .rels is broken gives no hint, and the template is still read', () => {
    const parts = impress();
    parts['ppt/slides/_rels/slide1.xml.rels'] = strToU8('<Relationships><Relationship Id="rId1"');
    const pkg = read(parts);
    if ('problem' in pkg) throw new Error(`refused: ${pkg.part} ${pkg.problem}`);
    expect(pkg.slideLayouts).toEqual([]);
    expect(pkg.masters).toEqual(['ppt/slideMasters/slideMaster1.xml']);
  });
});
