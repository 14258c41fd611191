/**
 * LibreOffice's user profile for this process: private (LibreOffice refuses to share one
 * between running instances), reused by the process's later runs, removed when it exits.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TrappaError } from '../errors.js';
import { CLEANUP_RETRIES } from '../io/rename-retry.js';
import { type RunResult, runProcess } from './run-process.js';
import { makeFolder } from '../io/save-file.js';

/**
 * Runs soffice with this process's profile. LibreOffice refuses to share a user profile between
 * running instances, so the profile is private to the process (mkdtemp) and used by one
 * soffice at a time (the queue in soffice.ts); it is reused by the process's later runs (the first
 * run of a fresh profile sets it up: ~0.3 s) and removed when the process exits. After a failed
 * or killed run it may be locked or half-written: it is thrown away and the next run gets a new one.
 */
export async function runWithProfile(
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
  // A profile Windows still holds is left for removeOrphanProfiles of a later run.
  if (dir) await rm(dir, { recursive: true, force: true, ...CLEANUP_RETRIES }).catch(() => undefined);
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
  await makeFolder(dirname(file));
  await writeFile(file, next);
}
