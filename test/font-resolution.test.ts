/**
 * Fonts found, not copied (issue #20): a face is measured with its own files from the
 * machine's font folders, else a metric-compatible face, else a near one or one of its kind
 * with a safety margin, and a one-line warning names the stand-in. Never a refusal.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { fontMetrics, resolveFontFace } from '../src/fonts/fonts.js';
import { readFontNames } from '../src/fonts/font-names.js';
import { fontFolders } from '../src/fonts/machine-fonts.js';
import { REPO } from './helpers/project.js';

const FIXTURE_FONTS = path.join(REPO, 'test/fixtures/templates/fonts');
const work = mkdtempSync(path.join(tmpdir(), 'trappa-fonts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

describe('font names', () => {
  it('reads the family and style a file declares', () => {
    expect(readFontNames(path.join(REPO, 'assets/fonts/Carlito-BoldItalic.ttf'))).toMatchObject({
      family: 'Carlito',
      style: 'Bold Italic',
    });
    expect(readFontNames(path.join(FIXTURE_FONTS, 'DejaVu-LICENSE.txt'))).toBeUndefined();
  });
});

describe('font folders', () => {
  it('are the Windows system, per-user and Microsoft 365 cloud-font folders', () => {
    const env = { WINDIR: 'C:\\Windows', LOCALAPPDATA: 'C:\\Users\\kari\\AppData\\Local', HOME: 'C:\\Users\\kari' };
    expect(fontFolders('win32', env)).toEqual([
      'C:\\Windows\\Fonts',
      'C:\\Users\\kari\\AppData\\Local\\Microsoft\\Windows\\Fonts',
      'C:\\Users\\kari\\AppData\\Local\\Microsoft\\FontCache\\4\\CloudFonts',
    ]);
  });

  it("are macOS's user, library, system and Office folders, and Linux's fontconfig folders", () => {
    const mac = fontFolders('darwin', { HOME: '/Users/kari' });
    expect(mac).toContain('/Users/kari/Library/Fonts');
    expect(mac).toContain('/System/Library/Fonts');
    expect(mac).toContain('/Applications/Microsoft PowerPoint.app/Contents/Resources/DFonts');
    expect(fontFolders('linux', { HOME: '/home/kari' })).toEqual([
      '/home/kari/.local/share/fonts',
      '/home/kari/.fonts',
      '/usr/local/share/fonts',
      '/usr/share/fonts',
    ]);
  });
});

describe('resolveFontFace', () => {
  it('finds a face installed in a font folder by the family its file declares', () => {
    const dir = path.join(work, 'installed');
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    for (const f of ['DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf'])
      copyFileSync(path.join(FIXTURE_FONTS, f), path.join(dir, 'sub', f));
    vi.stubEnv('TRAPPA_FONT_DIRS', dir);
    const found = resolveFontFace('DejaVu Serif');
    expect(found).toMatchObject({ how: 'own', margin: 1, measuredAs: 'DejaVu Serif' });
    expect(found.warning).toBeUndefined();
    expect(found.files.regular).toBe(path.join(dir, 'sub', 'DejaVuSerif.ttf'));
    expect(found.files.bold).toBe(path.join(dir, 'sub', 'DejaVuSerif-Bold.ttf'));
  });

  it('measures Arial with a metric-compatible face, without a warning', () => {
    const arial = resolveFontFace('Arial');
    expect(arial.how === 'own' || arial.how === 'compatible').toBe(true);
    expect(arial.margin).toBe(1);
    expect(arial.warning).toBeUndefined();
    if (arial.how === 'compatible') expect(['Liberation Sans', 'Arimo', 'Nimbus Sans']).toContain(arial.measuredAs);
  });

  it('measures Aptos and Calibri Light with a near face and says so in one line', () => {
    const aptos = resolveFontFace('Aptos');
    expect(aptos.how === 'own' || aptos.margin > 1).toBe(true);
    if (aptos.how !== 'own')
      expect(aptos.warning).toMatch(
        /^the font "Aptos" is not on this machine; its text is measured with .+ \(a near face\) with 5 % wider widths for safety$/,
      );
    expect(resolveFontFace('Calibri Light')).toMatchObject({ measuredAs: 'Carlito' });
  });

  it('measures an unknown face wider than its stand-in, deterministically', () => {
    const unknown = resolveFontFace('Qwerty Serif Display');
    expect(unknown.how).toBe('fallback');
    expect(unknown.margin).toBeGreaterThan(1);
    const wide = fontMetrics('Qwerty Serif Display').textEm('Samkommune');
    expect(wide).toBe(fontMetrics('Qwerty Serif Display').textEm('Samkommune'));
    expect(wide).toBeGreaterThan(fontMetrics(unknown.measuredAs).textEm('Samkommune'));
  });
});
