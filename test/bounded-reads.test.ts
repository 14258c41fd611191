/**
 * Files a build reads outside the project's inputs, which may be anything a folder brought (a FIFO,
 * a link to /dev/zero): read as every store is (src/io/read-bounded.ts), a regular file within a
 * bound. Each of these blocked the build for ever (SIGTERM too: the read holds the main thread)
 * or read without end before; the CLI is killed after 60 s here, so the test fails then.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { copyBuiltProject, runCliAsync } from './helpers/project.js';

const KILL_AFTER_MS = 60_000;
const mkfifo = (file: string) => execFileSync('mkfifo', [file]);
const linkToZero = (file: string) => symlinkSync('/dev/zero', file);

/** Every file of the output folder but the manifest, by name, with its bytes. */
const decksIn = (out: string) =>
  Object.fromEntries(
    readdirSync(out)
      .filter((f) => f.endsWith('.pptx'))
      .map((f) => [f, readFileSync(path.join(out, f)).toString('base64')]),
  );

describe.runIf(process.platform === 'linux')('bounded reads of what is no input', () => {
  it.each([mkfifo, linkToZero])(
    'output/manifest.json made by %o: a located message, exit 2, the decks as they were',
    async (replace) => {
      const root = await copyBuiltProject(['ansatte']);
      const out = path.join(root, 'output');
      const before = decksIn(out);
      rmSync(path.join(out, 'manifest.json'));
      replace(path.join(out, 'manifest.json'));
      const run = await runCliAsync(['build', '--deck', 'ansatte'], root, {}, { killAfterMs: KILL_AFTER_MS });
      expect(run.signal).toBeNull();
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr.trim()).toBe(
        'output/manifest.json is not an ordinary file (a folder, pipe, device or socket); move it away and run the command again',
      );
      expect(decksIn(out)).toEqual(before);
    },
    90_000,
  );

  it('a FIFO as the user’s store key: replaced by a key, the build done', async () => {
    const root = await copyBuiltProject(['ansatte']);
    const state = mkdtempSync(path.join(tmpdir(), 'trappa-state-'));
    onTestFinished(() => rmSync(state, { recursive: true, force: true }));
    const key = path.join(state, 'trappa', 'template-store-key');
    mkdirSync(path.dirname(key), { recursive: true });
    mkfifo(key);
    const env = { XDG_STATE_HOME: state };
    const run = await runCliAsync(['build', '--deck', 'ansatte'], root, env, { killAfterMs: KILL_AFTER_MS });
    expect(run.signal).toBeNull();
    expect(run.status, run.stderr).toBe(0);
    expect(lstatSync(key).isFile()).toBe(true);
    expect(readFileSync(key)).toHaveLength(32);
  }, 90_000);
});
