/**
 * Finding and running external tools (LibreOffice's `soffice`, poppler's `pdftoppm`).
 *
 * LibreOffice refuses to share a user profile between running instances and misbehaves
 * when several start at once, so conversions inside this process run one at a time, each
 * with the process's own throwaway profile (`-env:UserInstallation=`), and one soffice
 * converts a whole batch of files: starting LibreOffice is most of a conversion's time.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { rmSync } from 'node:fs';
import { access, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ToolNotFoundError, TrappaError } from '../errors.js';

/** How to look for one external program. */
export interface ToolSpec {
  /** Human name for messages, e.g. `LibreOffice (soffice)`. */
  label: string;
  /** Env vars that may name the executable, first wins. */
  envVars: readonly string[];
  /** Executable names looked up on PATH (without `.exe`). */
  names: readonly string[];
  /** Absolute paths tried after PATH. */
  knownPaths: () => Promise<string[]>;
  /** How to install it, shown when it is missing. */
  installHint: string;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    if (!(await stat(file)).isFile()) return false;
    await access(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function pathCandidates(names: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const dirs = (env.PATH ?? env.Path ?? '').split(delimiter).filter(Boolean);
  const exts = process.platform === 'win32' ? ['.exe', ''] : [''];
  return dirs.flatMap((dir) => names.flatMap((name) => exts.map((ext) => join(dir, name + ext))));
}

/**
 * Finds an external program: an env var first (which must then be right: no silent
 * fallback), then PATH, then the usual install locations.
 * @throws ToolNotFoundError (exit code 5) saying how to install it and which env var to set.
 */
export async function findTool(spec: ToolSpec, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const envHint = `or set ${spec.envVars[0] ?? 'PATH'} to the executable`;
  for (const name of spec.envVars) {
    const value = env[name];
    if (!value) continue;
    if (await isExecutable(value)) return value;
    throw new ToolNotFoundError(
      `${spec.label} not found: ${name}=${value} is not an executable file. ` +
        `Fix ${name}, or unset it and install it (${spec.installHint}).`,
    );
  }
  const candidates = [...pathCandidates(spec.names, env), ...(await spec.knownPaths())];
  for (const file of candidates) if (await isExecutable(file)) return file;
  throw new ToolNotFoundError(
    `${spec.label} not found on PATH or in the usual places. Install it (${spec.installHint}), ${envHint}.`,
  );
}

/** `/opt/libreoffice7.6/program/soffice` and the like. */
async function optLibreOffice(): Promise<string[]> {
  const entries = await readdir('/opt').catch(() => [] as string[]);
  return entries
    .filter((e) => e.startsWith('libreoffice'))
    .sort()
    .reverse()
    .map((e) => join('/opt', e, 'program', 'soffice'));
}

export const sofficeSpec: ToolSpec = {
  label: 'LibreOffice (soffice)',
  envVars: ['TRAPPA_SOFFICE', 'SOFFICE_PATH'],
  names: ['soffice', 'libreoffice'],
  knownPaths: async () => {
    const programFiles = [process.env.ProgramFiles, process.env['ProgramFiles(x86)']];
    return [
      '/usr/bin/soffice',
      '/usr/lib/libreoffice/program/soffice',
      ...(await optLibreOffice()),
      '/Applications/LibreOffice.app/Contents/MacOS/soffice',
      ...programFiles
        .filter((dir): dir is string => Boolean(dir))
        .map((dir) => join(dir, 'LibreOffice', 'program', 'soffice.exe')),
    ];
  },
  installHint:
    'Debian/Ubuntu: apt-get install -y libreoffice-impress; macOS: brew install --cask libreoffice; ' +
    'Windows: https://www.libreoffice.org/download/',
};

/** Finds `soffice`: `TRAPPA_SOFFICE` / `SOFFICE_PATH`, then PATH, then the usual install paths. */
export const findSoffice = (env?: NodeJS.ProcessEnv): Promise<string> => findTool(sofficeSpec, env);

/** Options for {@link convertWithSoffice} and {@link convertManyWithSoffice}. */
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

interface RunResult {
  code: number | null;
  output: string;
  timedOut: boolean;
}

/** Spawns without a shell; on timeout kills the whole process group (soffice is a wrapper script). */
function runProcess(command: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const detached = process.platform !== 'win32';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-8000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (detached && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, output, timedOut });
    });
  });
}

/**
 * Converts `input` with LibreOffice into `outDir` and returns the output path
 * (`outDir/<input base name>.<ext>`, ext = `target` up to the first `:`).
 * @see convertManyWithSoffice
 */
export async function convertWithSoffice(
  input: string,
  outDir: string,
  target: string,
  options: ConvertOptions = {},
): Promise<string> {
  const [output] = await convertManyWithSoffice([input], outDir, target, options);
  return output!;
}

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
  await mkdir(outDir, { recursive: true });
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
      await rm(staging, { recursive: true, force: true });
    }
  });
}

/**
 * Runs soffice with this process's profile. LibreOffice refuses to share a user profile between
 * running instances, so the profile is private to the process (mkdtemp) and used by one
 * soffice at a time (the queue above); it is reused by the process's later runs (the first
 * run of a fresh profile sets it up: ~0.3 s) and removed when the process exits. After a failed
 * or killed run it may be locked or half-written: it is thrown away and the next run gets a new one.
 */
async function runWithProfile(
  soffice: string,
  language: string | undefined,
  args: string[],
  timeoutMs: number,
): Promise<RunResult> {
  const profile = await processProfile();
  await setProfileLocale(profile, language);
  const result = await runProcess(
    soffice,
    [`-env:UserInstallation=${pathToFileURL(profile).href}`, ...args],
    timeoutMs,
  ).catch((cause: unknown) => {
    throw new TrappaError(`Could not start LibreOffice (${soffice}).`, { cause });
  });
  if (result.timedOut || result.code !== 0) await discardProfile();
  return result;
}

let profileDir: string | undefined;

const PROFILE_PREFIX = 'trappa-soffice-';

async function processProfile(): Promise<string> {
  if (profileDir) return profileDir;
  await removeOrphanProfiles();
  const dir = await mkdtemp(join(tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
  profileDir = dir;
  // Synchronous: 'exit' handlers cannot wait.
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A process killed outright (SIGKILL, a test runner ending its workers) leaves its profile
 * behind; the profile names its process, so one whose process is gone is removed here.
 */
async function removeOrphanProfiles(): Promise<void> {
  const names = await readdir(tmpdir()).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(new RegExp(`^${PROFILE_PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    await rm(join(tmpdir(), name), { recursive: true, force: true }).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function discardProfile(): Promise<void> {
  const dir = profileDir;
  profileDir = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
}

const LOCALE_ITEM = /^.*ooSetupSystemLocale.*\n?/gm;

/** Sets (or, without a language, removes) the locale setting in the profile's registrymodifications.xcu. */
async function setProfileLocale(profile: string, language: string | undefined): Promise<void> {
  const file = join(profile, 'user', 'registrymodifications.xcu');
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current === undefined && language === undefined) return;
  const base =
    current ??
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" ' +
      'xmlns:xs="http://www.w3.org/2001/XMLSchema" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n</oor:items>\n';
  const item = language
    ? '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">' +
      `<value>${language.replace(/[^A-Za-z0-9-]/g, '')}</value></prop></item>\n`
    : '';
  const next = base.replace(LOCALE_ITEM, '').replace('</oor:items>', `${item}</oor:items>`);
  if (next === current) return;
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, next);
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile() && s.size > 0,
    () => false,
  );
}
