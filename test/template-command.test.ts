/**
 * `trappa template FILE` through the CLI (issue #20): what it reports for one of
 * LibreOffice's templates and for one made here, the contact sheet it builds, and the one
 * located line for a template no deck can be built on.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { missingValidator, validatePptx } from './helpers/ooxml.js';
import { REPO, runCliAsync } from './helpers/project.js';
import { copyProjectInto } from './helpers/project-copy.js';
import { brokenPartTemplate, LAYOUT } from './helpers/red-team-templates.js';
import { libreOfficeTemplates, ownTemplates } from './helpers/template-corpus.js';
import { hasSoffice, missingTool } from './helpers/tools.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-template-cmd-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const project = copyProjectInto(path.join(work, 'project'));

interface Report {
  size: { w: number; h: number };
  layouts: { name: string; roles: string[]; placeholders: string[]; background?: string }[];
  fonts: { use: string; face: string; measuredAs: string; how: string }[];
  colors: Record<string, string>;
}

const run = (args: string[]) => runCliAsync(['--lang', 'en', 'template', ...args], project);

describe.skipIf(missingTool('LibreOffice', hasSoffice))('trappa template on a LibreOffice template', () => {
  it('reports its layouts with their slides, its fonts with the faces measuring them, its colours', async () => {
    const beehive = (await libreOfficeTemplates()).find((f) => f.endsWith('Beehive.potx'))!;
    const r = await run([beehive, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    const theme = strFromU8(unzipSync(readFileSync(beehive))['ppt/theme/theme1.xml']!);
    expect(report.colors.accent1).toBe(/<a:accent1>\s*<a:srgbClr val="(\w{6})"/.exec(theme)![1]!.toUpperCase());
    expect(report.fonts.map((f) => f.face)).toEqual([
      /<a:majorFont>\s*<a:latin typeface="([^"]*)"/.exec(theme)![1],
      /<a:minorFont>\s*<a:latin typeface="([^"]*)"/.exec(theme)![1],
    ]);
    for (const f of report.fonts) expect(f.measuredAs).not.toBe('');
    const content = report.layouts.find((l) => l.roles.includes('content'))!;
    expect(content.name).toBe('Title, Content');
    expect(content.placeholders).toEqual(expect.arrayContaining(['title', 'obj']));
    expect(content.background).toMatch(/^[0-9A-F]{6}$|^picture$|gradient$/);
    expect(report.layouts.find((l) => l.roles.includes('title'))?.name).toBe('Title Slide');
    expect(report.size.w).toBeCloseTo(28 / 2.54, 2);
  }, 600_000);
});

describe('trappa template on templates made here', () => {
  it('names the layouts of a four-layout template by what they hold', async () => {
    const [, , , four] = await ownTemplates(path.join(work, 'own'));
    const r = await run([four!]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ {2}Forside \[title\]: .* → title slide/m);
    expect(r.stdout).toMatch(/^ {2}Tekst \[obj\]: title, obj.* → one text/m);
    expect(r.stdout).toMatch(/^ {2}Overskrift \[titleOnly\]: .* → diagram or table/m);
    expect(r.stdout).toMatch(/^ {2}headings: DejaVu Serif, measured with \S/m);
  }, 120_000);

  it.skipIf(missingValidator() || missingTool('LibreOffice', hasSoffice))(
    '--sheet builds one slide of each kind the decks use on it, valid, and a contact sheet of them',
    async () => {
      const template = path.join(REPO, 'test/fixtures/templates/dark-dejavu.potx');
      const sheet = path.join(work, 'sheet');
      const r = await run([template, '--sheet', sheet]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const legend = /contact sheet: .*contact-sheet\.png \(slides on layouts: (.*)\)/.exec(r.stdout)![1]!;
      expect(legend).toMatch(/^1 Tittellysbilde, 2 /);
      const deck = path.join(sheet, 'dark-dejavu-sheet.pptx');
      const slides = Object.keys(unzipSync(readFileSync(deck))).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
      const kinds = new Set(
        ['ansatte', 'samkommunestyre', 'storledermote', 'strategi'].flatMap((d) =>
          [
            ...readFileSync(path.join(REPO, 'data/decks', `${d}.yaml`), 'utf8').matchAll(/(?:slide|kind): ([\w-]+)/g),
          ].map((m) => m[0]),
        ),
      );
      // Some kinds take more than one slide (a long list continues).
      expect(slides.length).toBeGreaterThanOrEqual(kinds.size);
      expect(legend.split(', ')).toHaveLength(slides.length);
      expect((await validatePptx(deck)).filter((i) => i.severity === 'error')).toEqual([]);
      const png = await sharp(path.join(sheet, 'contact-sheet.png')).metadata();
      expect(png.width).toBe(1600);
      expect(existsSync(path.join(project, 'output'))).toBe(false);
    },
    600_000,
  );
});

describe('a template no deck can be built on: one located line, exit 2', () => {
  it('no layout holds a title', async () => {
    const parts = unzipSync(readFileSync(path.join(REPO, 'test/fixtures/templates/impress.potx')));
    for (const name of Object.keys(parts).filter((n) => /^ppt\/slide(Layouts|Masters)\/[^/]+\.xml$/.test(n)))
      parts[name] = strToU8(strFromU8(parts[name]!).replace(/type="(title|ctrTitle)"/g, 'type="body"'));
    const file = path.join(work, 'uten-tittel.potx');
    writeFileSync(file, zipSync(parts));
    const r = await run([file]);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/uten-tittel\.potx .*has no layout with a title placeholder/);
    expect(r.status).toBe(2);
  }, 120_000);

  it('a broken part', async () => {
    const file = path.join(work, 'brutt.potx');
    writeFileSync(file, brokenPartTemplate());
    const r = await run([file]);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`brutt.potx: the part ${LAYOUT} is not well-formed XML`);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  }, 120_000);
});
