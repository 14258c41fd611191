/**
 * Converting files with LibreOffice's `soffice` (finding it: find-tool.ts; its profile: run-with-profile.ts).
 *
 * LibreOffice refuses to share a user profile between running instances and misbehaves
 * when several start at once, so conversions inside this process run one at a time, each
 * with the process's own throwaway profile (`-env:UserInstallation=`), and one soffice
 * converts a whole batch of files: starting LibreOffice is most of a conversion's time.
 */
import { readdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { CLEANUP_RETRIES } from '../io/rename-retry.js';
import { TrappaError } from '../errors.js';
import { findTool, type ToolSpec } from './find-tool.js';
import { runWithProfile } from './run-with-profile.js';
import { makeFolder } from '../io/save-file.js';

/** `/opt/libreoffice7.6/program/soffice` and the like. */
async function optLibreOffice(): Promise<string[]> {
  const entries = await readdir('/opt').catch(() => [] as string[]);
  return entries
    .filter((e) => e.startsWith('libreoffice'))
    .sort()
    .reverse()
    .map((e) => join('/opt', e, 'program', 'soffice'));
}

/** /Applications and the user's own ~/Applications (a drag-and-drop install without admin rights). */
const macApps = (): string[] => ['/Applications', join(homedir(), 'Applications')];

/** Program Files (64- and 32-bit) and the per-user install folder (%LOCALAPPDATA%\\Programs). */
function windowsPrograms(): string[] {
  const env = process.env;
  const dirs = [env.ProgramFiles, env.ProgramW6432, env['ProgramFiles(x86)']];
  if (env.LOCALAPPDATA) dirs.push(join(env.LOCALAPPDATA, 'Programs'));
  return [...new Set(dirs.filter((dir): dir is string => Boolean(dir)))];
}

const sofficeSpec: ToolSpec = {
  label: 'LibreOffice (soffice)',
  envVars: ['TRAPPA_SOFFICE', 'SOFFICE_PATH'],
  names: ['soffice', 'libreoffice'],
  knownPaths: async () => [
    '/usr/bin/soffice',
    '/usr/lib/libreoffice/program/soffice',
    ...(await optLibreOffice()),
    ...macApps().map((apps) => join(apps, 'LibreOffice.app', 'Contents', 'MacOS', 'soffice')),
    ...windowsPrograms().flatMap((dir) =>
      // soffice.com first: the console launcher waits for the conversion and passes its output on;
      // soffice.exe returns at once on some installs.
      ['soffice.com', 'soffice.exe'].map((exe) => join(dir, 'LibreOffice', 'program', exe)),
    ),
  ],
  installHint:
    'Debian/Ubuntu: apt-get install -y libreoffice-impress; macOS: brew install --cask libreoffice; ' +
    'Windows: https://www.libreoffice.org/download/',
};

/** Finds `soffice`: `TRAPPA_SOFFICE` / `SOFFICE_PATH`, then PATH, then the usual install paths. */
export const findSoffice = (env?: NodeJS.ProcessEnv): Promise<string> => findTool(sofficeSpec, env);

/** Options for {@link convertManyWithSoffice}. */
export interface ConvertOptions {
  /** Kill LibreOffice after this many milliseconds (for the whole batch). @default 120 s + 30 s per further file */
  timeoutMs?: number;
  /**
   * BCP 47 tag LibreOffice takes as its locale, e.g. `nb-NO`. Its PDF export writes it as the
   * document's /Lang (LibreOffice 7.4 takes /Lang from its locale, not from the text).
   * @default LibreOffice's own (the environment's)
   */
  language?: string;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs tasks one after another; a failed task does not block the next. */
function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

const tail = (text: string, max = 1500): string => (text.length > max ? `…${text.slice(-max)}`.trim() : text.trim());

/**
 * Converts every input with one LibreOffice process (its start-up is most of a conversion's
 * time: `build --all --pdf` takes 1.3× `build --deck strategi --pdf`, npm run bench) into `outDir`,
 * returning the outputs in input order
 * (`outDir/<input base name>.<ext>`). LibreOffice writes into a staging dir inside `outDir`
 * first and the results are renamed into place only when all exist, so a failed conversion
 * leaves earlier files untouched.
 * @param target a `--convert-to` value, e.g. `pdf` or `pdf:impress_pdf_Export:{…json…}`.
 * @throws TrappaError on timeout, non-zero exit, a missing output (with LibreOffice's output tail)
 *   or two inputs with the same base name.
 * @throws ToolNotFoundError when soffice is missing.
 */
export async function convertManyWithSoffice(
  inputs: readonly string[],
  outDir: string,
  target: string,
  options: ConvertOptions = {},
): Promise<string[]> {
  if (inputs.length === 0) return [];
  const soffice = await findSoffice();
  const sources = inputs.map((input) => resolve(input));
  const ext = target.split(':')[0] ?? target;
  const outputs = sources.map((source) => join(resolve(outDir), `${basename(source, extname(source))}.${ext}`));
  const twice = outputs.find((o, i) => outputs.indexOf(o) !== i);
  if (twice)
    throw new TrappaError(`Two inputs would both be converted to ${basename(twice)}; give them different names.`);
  await makeFolder(outDir);
  return enqueue(async () => {
    const staging = await mkdtemp(join(resolve(outDir), '.soffice-'));
    try {
      // A batch gets more time: a deck converts in about a second, the start is the rest.
      const timeoutMs = options.timeoutMs ?? 120_000 + 30_000 * (inputs.length - 1);
      const files = inputs.length === 1 ? inputs[0] : `${inputs.length} files`;
      const what = `LibreOffice could not convert ${files} to ${ext}`;
      const result = await runWithProfile(
        soffice,
        options.language,
        [
          '--headless',
          '--norestore',
          '--nolockcheck',
          '--nologo',
          '--nodefault',
          '--convert-to',
          target,
          '--outdir',
          staging,
          ...sources,
        ],
        timeoutMs,
      );
      if (result.timedOut) {
        throw new TrappaError(`${what}: no result after ${timeoutMs / 1000} s, killed it.\n${tail(result.output)}`);
      }
      if (result.code !== 0) {
        throw new TrappaError(`${what} (exit code ${result.code}).\n${tail(result.output)}`);
      }
      for (const output of outputs) {
        if (!(await isFile(join(staging, basename(output))))) {
          throw new TrappaError(`${what}: it wrote no ${basename(output)}.\n${tail(result.output)}`);
        }
      }
      for (const output of outputs) await rename(join(staging, basename(output)), output);
      return outputs;
    } finally {
      // A staging folder Windows still holds is left (a later run's folder has another name): its
      // EBUSY must not hide what went wrong with the conversion.
      await rm(staging, { recursive: true, force: true, ...CLEANUP_RETRIES }).catch(() => undefined);
    }
  });
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile() && s.size > 0,
    () => false,
  );
}
