/**
 * The page's own files: its script (bundled with esbuild, no CDN, so the studio works
 * offline), its style sheet and the Carlito fonts that draw the slides' Calibri text.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveFontFace } from '../fonts/fonts.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLIENT_ENTRY = path.join(here, 'client', 'main.ts');
const CLIENT_CSS = path.join(here, 'client', 'styles.css');
/** Written by scripts/build-dist.mjs beside cli.js. */
const BUNDLE_NAME = 'studio-app.js';

let script: Promise<string> | undefined;

/**
 * The page's script: the bundle beside the running CLI, or in the package's dist/ (built by
 * `npm run build:dist`, `npm start` and the tests), unless a page source is newer than it;
 * otherwise, when Trappa runs from its sources, bundled now in memory (~100 ms).
 */
export function clientScript(cliEntry: string | undefined): Promise<string> {
  script ??= (async () => {
    const candidates = [
      cliEntry ? path.join(path.dirname(cliEntry), BUNDLE_NAME) : '',
      path.join(here, '..', '..', 'dist', BUNDLE_NAME),
    ];
    const built = candidates.find((file) => file && existsSync(file) && statSync(file).mtimeMs >= newestSource());
    if (built) return readFile(built, 'utf8');
    const { build } = await import('esbuild');
    const result = await build({ ...clientBuildOptions(), write: false });
    return result.outputFiles[0]!.text;
  })();
  return script;
}

/** When the page's sources last changed; 0 where they are not shipped. */
function newestSource(): number {
  const dir = path.dirname(CLIENT_ENTRY);
  if (!existsSync(dir)) return 0;
  return Math.max(0, ...readdirSync(dir).map((name) => statSync(path.join(dir, name)).mtimeMs));
}

/** The page's bundle built in memory; scripts/build-dist.mjs writes the same one to dist/. */
function clientBuildOptions() {
  return {
    entryPoints: [CLIENT_ENTRY],
    bundle: true,
    format: 'iife' as const,
    platform: 'browser' as const,
    target: 'es2022',
    minify: true,
    legalComments: 'none' as const,
    logLevel: 'warning' as const,
  };
}

export function clientCss(): Promise<string> {
  return readFile(CLIENT_CSS, 'utf8');
}

/** Carlito-Regular.ttf etc. from Trappa's own assets/fonts, by file name only. */
export async function fontFile(name: string): Promise<Buffer | undefined> {
  const files = resolveFontFace('Carlito').files;
  const match = Object.values(files).find((f) => f !== undefined && path.basename(f) === name);
  return match ? readFile(match) : undefined;
}

/** @font-face rules so the slides' Calibri/Carlito text draws with the measured font, offline. */
export function fontFaceCss(): string {
  const face = (file: string, weight: string, style: string): string =>
    ['Carlito', 'Calibri']
      .map(
        (family) =>
          `@font-face{font-family:${family};src:url(/font?name=${file}) format("truetype");` +
          `font-weight:${weight};font-style:${style}}`,
      )
      .join('');
  return (
    face('Carlito-Regular.ttf', 'normal', 'normal') +
    face('Carlito-Bold.ttf', 'bold', 'normal') +
    face('Carlito-Italic.ttf', 'normal', 'italic') +
    face('Carlito-BoldItalic.ttf', 'bold', 'italic')
  );
}
