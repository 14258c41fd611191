/**
 * Finding and running external tools (LibreOffice's `soffice`, poppler's `pdftoppm`).
 *
 * LibreOffice refuses to share a user profile between running instances and misbehaves
 * when several start at once, so every conversion gets a throwaway profile
 * (`-env:UserInstallation=`) and conversions inside this process run one at a time.
 * Reusing one profile per process was measured (5-slide deck, LibreOffice 7.4, PDF export):
 * ~1.1–1.2 s with a fresh profile vs ~1.0 s reused, 10–18 % — not worth the shared state.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join, resolve } from 'node:path';
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

/** Options for {@link convertWithSoffice}. */
export interface ConvertOptions {
  /** Kill LibreOffice after this many milliseconds. @default 120_000 */
  timeoutMs?: number;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs tasks one after another; a failed task does not block the next. */
function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

const tail = (text: string, max = 1500): string =>
  text.length > max ? `…${text.slice(-max)}`.trim() : text.trim();

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
 * LibreOffice writes into a staging dir inside `outDir` first and the result is renamed into
 * place, so a failed conversion leaves an earlier file untouched.
 * @param target a `--convert-to` value, e.g. `pdf` or `pdf:impress_pdf_Export:{…json…}`.
 * @throws TrappaError on timeout, non-zero exit or missing output (with LibreOffice's output tail).
 * @throws ToolNotFoundError when soffice is missing.
 */
export async function convertWithSoffice(
  input: string,
  outDir: string,
  target: string,
  options: ConvertOptions = {},
): Promise<string> {
  const soffice = await findSoffice();
  const source = resolve(input);
  const ext = target.split(':')[0] ?? target;
  const output = join(resolve(outDir), `${basename(source, extname(source))}.${ext}`);
  await mkdir(outDir, { recursive: true });
  return enqueue(async () => {
    const profile = await mkdtemp(join(tmpdir(), 'trappa-soffice-'));
    const staging = await mkdtemp(join(resolve(outDir), '.soffice-'));
    try {
      const timeoutMs = options.timeoutMs ?? 120_000;
      const args = [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--nologo',
        '--nodefault',
        '--convert-to',
        target,
        '--outdir',
        staging,
        source,
      ];
      const result = await runProcess(soffice, args, timeoutMs).catch((cause: unknown) => {
        throw new TrappaError(`Could not start LibreOffice (${soffice}).`, { cause });
      });
      const what = `LibreOffice could not convert ${input} to ${ext}`;
      if (result.timedOut) {
        throw new TrappaError(`${what}: no result after ${timeoutMs / 1000} s, killed it.\n${tail(result.output)}`);
      }
      if (result.code !== 0) {
        throw new TrappaError(`${what} (exit code ${result.code}).\n${tail(result.output)}`);
      }
      const staged = join(staging, basename(output));
      if (!(await isFile(staged))) {
        throw new TrappaError(`${what}: it wrote no ${basename(output)}.\n${tail(result.output)}`);
      }
      await rename(staged, output);
      return output;
    } finally {
      await Promise.all([
        rm(profile, { recursive: true, force: true }),
        rm(staging, { recursive: true, force: true }),
      ]);
    }
  });
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile() && s.size > 0,
    () => false,
  );
}
