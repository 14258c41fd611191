/**
 * A copy of a project: the folders a user keeps (data/, templates/, assets/), nothing built.
 * No vitest here, so the benchmark and other scripts use it too.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository, whose bundled project the tests copy. */
export const REPO = fileURLToPath(new URL('../..', import.meta.url));

const PROJECT_FOLDERS = ['data', 'templates', 'assets'] as const;

/** Copies `from`'s project folders into `into` (created as needed) and returns `into`. */
export function copyProjectInto(into: string, from: string = REPO): string {
  for (const sub of PROJECT_FOLDERS) cpSync(path.join(from, sub), path.join(into, sub), { recursive: true });
  return into;
}

/** The project of `from` in a new temporary folder named `<prefix>…`; the caller removes it. */
export function copyProjectToTemp(from: string = REPO, prefix = 'trappa-'): string {
  return copyProjectInto(mkdtempSync(path.join(tmpdir(), prefix)), from);
}

/**
 * Copies `from`'s project into `into` and puts it on the template `file` (copied under
 * assets/templates/, named in data/theme.yaml); returns `into`.
 */
export function copyProjectOnTemplate(into: string, file: string, from: string = REPO, themeExtra = ''): string {
  copyProjectInto(into, from);
  mkdirSync(path.join(into, 'assets/templates'), { recursive: true });
  copyFileSync(file, path.join(into, 'assets/templates', path.basename(file)));
  const theme = path.join(into, 'data/theme.yaml');
  writeFileSync(theme, `${readFileSync(theme, 'utf8')}template: templates/${path.basename(file)}\n${themeExtra}`);
  return into;
}
