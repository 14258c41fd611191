/** External programs some tests need; CI installs them (.ci/run), a developer may not have them. */
import { spawnSync } from 'node:child_process';

const runs = (command: string, args: string[]): boolean => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

export const hasSoffice = runs('soffice', ['--version']);
export const hasPdfinfo = runs('pdfinfo', ['-v']);
export const hasPdftotext = runs('pdftotext', ['-v']);
