/**
 * The page's own files: its script (bundled with esbuild, no CDN, so the studio works
 * offline), its style sheet and the Carlito fonts that draw the slides' Calibri text.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveFontFace } from '../fonts/fonts.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CLIENT_ENTRY = path.join(here, 'client', 'main.ts');
export const CLIENT_CSS = path.join(here, 'client', 'styles.css');
/** Written by scripts/build-dist.mjs beside cli.js. */
export const BUNDLE_NAME = 'studio-app.js';

let script: Promise<string> | undefined;

/**
 * The page's script: the bundle beside the running CLI (dist/, built by `npm run build:dist`
 * and by `npm start`), or, when Trappa runs from source, bundled now in memory (~100 ms).
 */
export function clientScript(cliEntry: string | undefined): Promise<string> {
  script ??= (async () => {
    const built = cliEntry ? path.join(path.dirname(cliEntry), BUNDLE_NAME) : undefined;
    if (built && existsSync(built)) return readFile(built, 'utf8');
    const { build } = await import('esbuild');
    const result = await build({ ...clientBuildOptions(), write: false });
    return result.outputFiles[0]!.text;
  })();
  return script;
}

/** One definition of the page's bundle, for the in-memory build here and for build-dist. */
export function clientBuildOptions() {
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
