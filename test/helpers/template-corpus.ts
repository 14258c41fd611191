/**
 * The template corpus the tests build on (issue #20): LibreOffice's bundled presentation
 * templates saved as .potx (one soffice run, cached in the temp folder by the .otp files'
 * names and sizes), plus templates made here with other tools: the committed fixtures
 * (LibreOffice Impress, pptxgenjs 4:3, hand-written dark OOXML with Norwegian names) and two
 * derived from them with fflate: one with only four layouts under its own names, one on a
 * dark picture background.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import sharp from 'sharp';
import { sha256Hex } from '../../src/sha256.js';
import { runQuietly } from './ooxml.js';
import { REPO } from './project-copy.js';

export const LIBREOFFICE_TEMPLATES = '/usr/lib/libreoffice/share/template/common/presnt';

/**
 * theme.yaml's `layouts` naming the content layouts of a LibreOffice template's first master (a
 * name names the first layout of that name; every master of theirs has the same twelve): Vintage's
 * content then stands in its title master's 9.7 × 2.2-in strip under a mid-slide title, as every
 * deck on it did before content slides took its content masters (fourteenth round).
 */
export const FIRST_MASTER_LAYOUTS =
  "layouts:\n  content: 'Title, Content'\n  two: 'Title, 2 Content'\n  titleOnly: 'Title Only'\n  comparison: 'Title, 4 Content'\n";
const FIXTURES = path.join(REPO, 'test/fixtures/templates');

/** LibreOffice's .otp templates as .potx files, converted in one soffice run and kept for later runs. */
export async function libreOfficeTemplates(): Promise<string[]> {
  if (!existsSync(LIBREOFFICE_TEMPLATES)) return [];
  const otp = readdirSync(LIBREOFFICE_TEMPLATES)
    .filter((f) => f.endsWith('.otp'))
    .sort();
  const key = sha256Hex(otp.map((f) => `${f}:${statSync(path.join(LIBREOFFICE_TEMPLATES, f)).size}`).join('\n'));
  const dir = path.join(tmpdir(), `trappa-template-corpus-${key.slice(0, 12)}`);
  const wanted = otp.map((f) => path.join(dir, f.replace(/\.otp$/, '.potx')));
  if (!wanted.every((f) => existsSync(f))) {
    mkdirSync(dir, { recursive: true });
    // Not spawnSync: a conversion of 23 templates can block the test worker past vitest's 60 s.
    await runQuietly('soffice', [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      'potx:Impress MS PowerPoint 2007 XML Template',
      '--outdir',
      dir,
      ...otp.map((f) => path.join(LIBREOFFICE_TEMPLATES, f)),
    ]);
  }
  return wanted.filter((f) => existsSync(f));
}

/** The decks of `files` LibreOffice did not convert to PDF, in one soffice run with its profile in `work`. */
export async function notConverted(files: string[], work: string): Promise<string[]> {
  const out = path.join(work, 'pdf');
  await runQuietly('soffice', [
    `-env:UserInstallation=file://${work}/lo-profile`,
    '--headless',
    '--convert-to',
    'pdf',
    '--outdir',
    out,
    ...files,
  ]);
  return files.filter((f) => !existsSync(path.join(out, path.basename(f).replace(/\.pptx$/, '.pdf'))));
}

type Parts = Record<string, Uint8Array>;
const text = (parts: Parts, name: string) => strFromU8(parts[name]!);

/** dark-dejavu.potx with only four layouts, renamed to names no table knows. */
function fourLayouts(): Uint8Array {
  const parts = unzipSync(readFileSync(path.join(FIXTURES, 'dark-dejavu.potx')));
  const names: Record<string, string> = {
    Tittellysbilde: 'Forside',
    'Tittel og innhold': 'Tekst',
    'To innholdsdeler': 'To tekster',
    'Bare tittel': 'Overskrift',
  };
  let dropped = '';
  for (const name of Object.keys(parts).filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n))) {
    const xml = text(parts, name);
    const old = /<p:cSld name="([^"]*)"/.exec(xml)?.[1] ?? '';
    if (!names[old]) {
      dropped = name.replace(/^.*\//, '');
      delete parts[name];
      delete parts[name.replace(/(slideLayout\d+\.xml)$/, '_rels/$1.rels')];
      continue;
    }
    parts[name] = strToU8(xml.replace(`<p:cSld name="${old}"`, `<p:cSld name="${names[old]}"`));
  }
  for (const name of Object.keys(parts).filter((n) => n.endsWith('.rels') || n === '[Content_Types].xml')) {
    const xml = text(parts, name);
    const id = new RegExp(`Id="([^"]+)"[^>]*Target="[^"]*${dropped}"`).exec(xml)?.[1];
    let out = xml.replace(new RegExp(`<(Relationship|Override)\\b[^>]*${dropped}"[^>]*/>`, 'g'), '');
    if (id) parts[name] = strToU8(out);
    else parts[name] = strToU8(out);
    if (id && name === 'ppt/slideMasters/_rels/slideMaster1.xml.rels') {
      const master = 'ppt/slideMasters/slideMaster1.xml';
      out = text(parts, master).replace(new RegExp(`<p:sldLayoutId\\b[^>]*r:id="${id}"/>`), '');
      parts[master] = strToU8(out);
    }
  }
  return zipSync(parts);
}

/** impress.potx on a dark picture background (a PNG fill of the master's background). */
async function darkPicture(): Promise<Uint8Array> {
  const parts = unzipSync(readFileSync(path.join(FIXTURES, 'impress.potx')));
  const png = await sharp({
    create: { width: 320, height: 180, channels: 3, background: { r: 20, g: 24, b: 48 } },
  })
    .composite([
      {
        input: await sharp({ create: { width: 320, height: 40, channels: 3, background: { r: 40, g: 60, b: 110 } } })
          .png()
          .toBuffer(),
        top: 140,
        left: 0,
      },
    ])
    .png()
    .toBuffer();
  parts['ppt/media/dark-background.png'] = new Uint8Array(png);
  const master = 'ppt/slideMasters/slideMaster1.xml';
  const rels = 'ppt/slideMasters/_rels/slideMaster1.xml.rels';
  const fill =
    '<p:bg><p:bgPr><a:blipFill rotWithShape="0"><a:blip r:embed="rIdDarkPicture"/><a:stretch><a:fillRect/></a:stretch></a:blipFill><a:effectLst/></p:bgPr></p:bg>';
  const xml = text(parts, master).replace(/<p:bg>[\s\S]*?<\/p:bg>/, '');
  parts[master] = strToU8(xml.replace(/<p:cSld([^>]*)>/, `<p:cSld$1>${fill}`));
  parts[rels] = strToU8(
    text(parts, rels).replace(
      '</Relationships>',
      '<Relationship Id="rIdDarkPicture" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/dark-background.png"/></Relationships>',
    ),
  );
  const types = text(parts, '[Content_Types].xml');
  if (!/Extension="png"/i.test(types))
    parts['[Content_Types].xml'] = strToU8(
      types.replace('<Default ', '<Default Extension="png" ContentType="image/png"/><Default '),
    );
  // Light text on it, as its designer would set: the master's title and body styles.
  parts[master] = strToU8(text(parts, master).replace(/<a:srgbClr val="000000"\/>/gi, '<a:srgbClr val="F2F2F2"/>'));
  return zipSync(parts);
}

/** The templates made here, written into `dir`: their paths. */
export async function ownTemplates(dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const made: [string, Uint8Array][] = [
    ['impress.potx', readFileSync(path.join(FIXTURES, 'impress.potx'))],
    ['pptxgenjs-4x3.pptx', readFileSync(path.join(FIXTURES, 'pptxgenjs-4x3.pptx'))],
    ['dark-dejavu-norsk.potx', readFileSync(path.join(FIXTURES, 'dark-dejavu.potx'))],
    ['four-layouts.potx', fourLayouts()],
    ['dark-picture.potx', await darkPicture()],
  ];
  return made.map(([name, bytes]) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return file;
  });
}
