/**
 * Theme sanity: each rule a theme can break gives exactly one located line (instead of a
 * contrast error on every slide), the bundled themes give none, and a face with its own
 * files (fonts.files) is measured with them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkTheme } from '../src/data/check-theme.js';
import { parseYaml } from '../src/data/load-yaml.js';
import { themeSchema } from '../src/data/schema.js';
import { validateSource } from '../src/data/validate.js';
import { formatIssue } from '../src/errors.js';
import { loadProject } from '../src/data/load-project.js';
import { resolveFontFace, withFonts } from '../src/fonts/fonts.js';
import { copyProject, editFile, REPO } from './helpers/project.js';
import { runMain } from './helpers/in-process.js';

const BUNDLED = readFileSync(path.join(REPO, 'data/theme.yaml'), 'utf8');

/** The bundled theme with `key: value` lines replaced, e.g. { primary: '"9FC5E8"' }. */
function themeWith(values: Record<string, string>): string {
  let text = BUNDLED;
  for (const [key, value] of Object.entries(values)) {
    const line = new RegExp(`^( +${key}): [^#\\n]*?([ \\t]*#.*)?$`, 'm');
    if (!line.test(text)) throw new Error(`no line '${key}:' in the bundled theme`);
    text = text.replace(line, `$1: ${value}$2`);
  }
  return text;
}

/** 1-based line of the first `key:` line. */
const lineOf = (text: string, key: string): number =>
  text.split('\n').findIndex((l) => new RegExp(`^ +${key}:`).test(l)) + 1;

function themeLines(text: string, file = 'data/theme.yaml'): string[] {
  const parsed = parseYaml(file, text);
  if (!parsed.ok) throw new Error(parsed.issues.map(formatIssue).join('\n'));
  const theme = validateSource(parsed.value, themeSchema);
  if (!theme.ok) throw new Error(theme.issues.map(formatIssue).join('\n'));
  return checkTheme(theme.value, parsed.value).map(formatIssue);
}

interface Case {
  name: string;
  values: Record<string, string>;
  /** The key whose line the error points at. */
  at: string;
  error: RegExp;
}

const cases: Case[] = [
  {
    name: 'minBody larger than body',
    values: { minBody: '24' },
    at: 'minBody',
    error: /^sizes\.minBody: minBody 24 is larger than body 20; .*at most 20$/,
  },
  {
    name: 'minTable larger than table',
    values: { minTable: '18' },
    at: 'minTable',
    error: /^sizes\.minTable: minTable 18 is larger than table 16; .*at most 16$/,
  },
  {
    name: 'onPrimary on primary below 4.5:1',
    values: { onPrimary: '"3A6EA5"' },
    at: 'onPrimary',
    error:
      /^colors\.onPrimary: text \("Text on the main colour" 3A6EA5\) on "Main colour" 1F4E79 has contrast 1\.\d\d:1; WCAG AA needs 4\.5:1 — use a lighter "Text on the main colour"$/,
  },
  {
    name: 'text on background below 4.5:1 (the background was changed)',
    values: { background: '"808080"', muted: '"000000"', primary: '"000000"' },
    at: 'background',
    error:
      /^colors\.background: text \("Text" 1F1F1F\) on "Background" 808080 has contrast 4\.\d\d:1; WCAG AA needs 4\.5:1 — use a lighter "Background"$/,
  },
  {
    name: 'text on secondary below 4.5:1 (the text colour was changed)',
    values: { primary: '"000000"', text: '"3A3A3A"', secondary: '"999999"' },
    at: 'text',
    error:
      /^colors\.text: text \("Text" 3A3A3A\) on "Light companion colour" 999999 has contrast \d\.\d\d:1; WCAG AA needs 4\.5:1 — use a darker "Text"$/,
  },
  {
    name: 'headings (primary) on secondary below 4.5:1',
    values: { secondary: '"98B0D0"' },
    at: 'secondary',
    error:
      /^colors\.secondary: headings \("Main colour" 1F4E79\) on "Light companion colour" 98B0D0 has contrast \d\.\d\d:1; WCAG AA needs 4\.5:1 — use a lighter "Light companion colour"$/,
  },
  {
    name: 'text on accent below 4.5:1',
    values: { accent: '"707070"' },
    at: 'accent',
    error:
      /^colors\.accent: text \("Text" 1F1F1F\) on "Accent colour" 707070 has contrast \d\.\d\d:1; WCAG AA needs 4\.5:1 — use a lighter "Accent colour"$/,
  },
  {
    name: 'muted on background below 4.5:1',
    values: { muted: '"999999"' },
    at: 'muted',
    error:
      /^colors\.muted: muted text \("Muted text" 999999\) on "Background" FFFFFF has contrast 2\.\d\d:1; WCAG AA needs 4\.5:1 — use a darker "Muted text"$/,
  },
  {
    name: 'text on highlight below 4.5:1',
    values: { highlight: '"808080"' },
    at: 'highlight',
    error:
      /^colors\.highlight: text \("Text" 1F1F1F\) on "Marking of the audience's own rows" 808080 has contrast 4\.\d\d:1; WCAG AA needs 4\.5:1 — use a lighter "Marking of the audience's own rows"$/,
  },
  {
    name: 'large titles (primary) on background below 3:1 (the background was changed)',
    values: { primary: '"707070"', secondary: '"FFFFFF"', background: '"B0B0B0"', muted: '"000000"' },
    at: 'background',
    error:
      /^colors\.background: titles \("Main colour" 707070\) on "Background" B0B0B0 has contrast 2\.\d\d:1; WCAG AA needs 3:1 for large text — use a lighter "Background"$/,
  },
];

describe('theme check', () => {
  it('accepts a face without files of its own (issue #20: found on the machine or stood in for)', () => {
    expect(themeLines(themeWith({ body: 'Arial' }))).toEqual([]);
  });

  it.each(cases)('$name: exactly one located line', ({ values, at, error }) => {
    const text = themeWith(values);
    const lines = themeLines(text);
    expect(lines, lines.join('\n')).toHaveLength(1);
    const [, line, rest] = /^data\/theme\.yaml:(\d+):\d+ (.*)$/.exec(lines[0]!) ?? [];
    expect(Number(line)).toBe(lineOf(text, at));
    expect(rest).toMatch(error);
  });

  it('gives nothing for the bundled themes', () => {
    expect(themeLines(BUNDLED)).toEqual([]);
    expect(themeLines(readFileSync(path.join(REPO, 'test/fixtures/fjellregionen/data/theme.yaml'), 'utf8'))).toEqual(
      [],
    );
  });

  it('reports a pale primary at colors.primary once per pair it breaks, with the ratio as WCAG rounds it', () => {
    const text = themeWith({ primary: '"9FC5E8"' });
    const lines = themeLines(text);
    const at = `data/theme.yaml:${lineOf(text, 'primary')}:12 colors.primary:`;
    expect(
      lines.every((l) => l.startsWith(at)),
      lines.join('\n'),
    ).toBe(true);
    expect(lines).toContain(
      `${at} white text ("Text on the main colour" FFFFFF) on "Main colour" 9FC5E8 has contrast 1.81:1; WCAG AA needs 4.5:1 — use a darker "Main colour"`,
    );
    expect(lines).toHaveLength(4); // white text on it, titles on white, headings on panels, subtitles on it
  });
});

const FIRMA_SANS = [
  '  heading: Firma Sans',
  '  body: Firma Sans',
  '  files:',
  '    Firma Sans: { regular: Carlito-Regular.ttf, bold: Carlito-Bold.ttf, italic: Carlito-Italic.ttf, boldItalic: Carlito-BoldItalic.ttf }',
].join('\n');

describe('fonts.files', () => {
  it('measures a face with its own files: the deck builds and passes its checks', async () => {
    const root = copyProject();
    editFile(root, 'data/theme.yaml', /^ {2}heading: .*\n {2}body: .*$/m, FIRMA_SANS);
    const run = await runMain(['build', '--deck', 'ansatte'], root);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const pptx = unzipSync(readFileSync(path.join(root, 'output/ansatte-v0.2-2004-01-28.pptx')));
    // The face is the theme's font; the slides refer to it (+mj-lt/+mn-lt), as PowerPoint does.
    const slide = strFromU8(pptx['ppt/slides/slide2.xml']!);
    expect(strFromU8(pptx['ppt/theme/theme1.xml']!)).toContain('<a:minorFont><a:latin typeface="Firma Sans"/>');
    expect(slide).toContain('typeface="+mn-lt"');
    expect(slide).not.toContain('typeface="Calibri"');
    const check = await runMain(['check', '--deck', 'ansatte'], root);
    expect(check.stdout + check.stderr).not.toMatch(/not known|measured as Calibri/);
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });

  it('forgets a face once the theme no longer names it (watch mode loads the project again)', async () => {
    const root = copyProject();
    editFile(root, 'data/theme.yaml', /^ {2}heading: .*\n {2}body: .*$/m, FIRMA_SANS);
    const first = await loadProject({ root });
    expect(first.ok).toBe(true);
    expect(first.ok && withFonts(first.value.fonts, () => resolveFontFace('Firma Sans').warning)).toBeUndefined();
    editFile(root, 'data/theme.yaml', /^ {2}files:\n.*\n/m, '');
    const second = await loadProject({ root });
    expect(second.ok && withFonts(second.value.fonts, () => resolveFontFace('Firma Sans').warning)).toMatch(
      /"Firma Sans" is not on this machine/,
    );
    // The faces belong to each load: the earlier project still measures with its own.
    expect(first.ok && withFonts(first.value.fonts, () => resolveFontFace('Firma Sans').warning)).toBeUndefined();
  });

  it('reports a missing or unusable font file at its field, exit 2', async () => {
    const root = copyProject();
    editFile(
      root,
      'data/theme.yaml',
      /^ {2}heading: .*\n {2}body: .*$/m,
      FIRMA_SANS.replace('Carlito-Regular.ttf', 'FirmaSans-Regular.ttf').replace('Carlito-Bold.ttf', 'OFL.txt'),
    );
    const run = await runMain(['build', '--deck', 'ansatte'], root);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^data\/theme\.yaml:\d+:\d+ fonts\.files\["Firma Sans"\]\.regular: font file not found: assets\/fonts\/FirmaSans-Regular\.ttf$/,
      ),
      expect.stringMatching(
        /^data\/theme\.yaml:\d+:\d+ fonts\.files\["Firma Sans"\]\.bold: assets\/fonts\/OFL\.txt is not a usable font file: not a TrueType\/OpenType font/,
      ),
    ]);
  });

  it('builds with a theme font that has no files, saying once which face measured it', async () => {
    // Changed by issue #20: this was a refusal (exit 2); a font is never a reason to refuse a build.
    const root = copyProject();
    editFile(root, 'data/theme.yaml', /^ {2}heading: .*$/m, '  heading: Zyxwv Grotesk');
    const run = await runMain(['build', '--deck', 'ansatte'], root);
    expect(run.status).toBe(0);
    const warnings = run.stderr.trim().split('\n');
    expect(warnings).toEqual([
      expect.stringMatching(
        /^trappa: warning: data\/theme\.yaml: the font "Zyxwv Grotesk" is not on this machine; its text is measured with \S.* \(a face of its kind\) with \d+ % wider widths for safety$/,
      ),
    ]);
  });
});
