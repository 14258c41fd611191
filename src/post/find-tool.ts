/** Finding an external program (LibreOffice's `soffice`, poppler's `pdftoppm`): env var, PATH, usual places. */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { ToolNotFoundError } from '../errors.js';
import { english, said } from '../messages/catalogue.js';

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
  // Windows's own order (PATHEXT): a console `.com` (soffice.com) before the `.exe`.
  const exts = process.platform === 'win32' ? ['.com', '.exe', ''] : [''];
  return dirs.flatMap((dir) => names.flatMap((name) => exts.map((ext) => join(dir, name + ext))));
}

/**
 * Finds an external program: an env var first (which must then be right: no silent
 * fallback), then PATH, then the usual install locations.
 * @throws ToolNotFoundError (exit code 5) saying how to install it and which env var to set.
 */
export async function findTool(spec: ToolSpec, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  for (const name of spec.envVars) {
    const value = env[name];
    if (!value) continue;
    if (await isExecutable(value)) return value;
    throw new ToolNotFoundError(
      english(said('tool.notExecutable', { tool: spec.label, variable: name, value, install: spec.installHint })),
    );
  }
  const candidates = [...pathCandidates(spec.names, env), ...(await spec.knownPaths())];
  for (const file of candidates) if (await isExecutable(file)) return file;
  const variable = spec.envVars[0] ?? 'PATH';
  throw new ToolNotFoundError(
    english(said('tool.notFound', { tool: spec.label, install: spec.installHint, variable })),
  );
}
