/** External programs some tests need; CI installs them (.ci/run), a developer may not have them. */
import { spawnSync } from 'node:child_process';

const runs = (command: string, args: string[]): boolean => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

export const hasSoffice = runs('soffice', ['--version']);
export const hasPdfinfo = runs('pdfinfo', ['-v']);
export const hasPdftotext = runs('pdftotext', ['-v']);

/**
 * Whether tests that need `name` must be skipped here. Never silently: outside CI a missing
 * tool prints a visible line and skips; under CI (`CI` set, as .ci/run does) it fails the run,
 * because CI installs every tool and a skipped assertion there would be a lie.
 * @example describe.skipIf(missingTool('LibreOffice', hasSoffice))('…', () => { … })
 */
export function missingTool(name: string, present: boolean): boolean {
  if (present) return false;
  if (process.env.CI) throw new Error(`${name} is missing, and CI must run every test: install it (see .ci/run)`);
  console.warn(`⚠ skipped: ${name} is not installed here (CI runs these tests)`);
  return true;
}
