/**
 * Bounded work per request (issue #25): while a 2 MB strategy is being laid out and saved,
 * the studio keeps answering everyone else. The server runs in this test's process, so had
 * the big request's parse and layout run on the request loop, no small request could be
 * answered before it: the order of answers shows where the work ran, with no clock involved.
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudio, type Studio } from '../src/studio/server.js';
import { REPO, TSX_LOADER } from './helpers/project.js';
import { call, loadedFile } from './helpers/studio-http.js';

const STRATEGY = 'data/strategy.yaml';
let root: string;
let deck: string;
let studio: Studio;

/** The synthetic project written by a child process: building 2 MB of YAML here would block this test worker. */
function writeLargeProject(at: string): Promise<string> {
  const module = pathToFileURL(path.join(REPO, 'scripts/bench/synthetic.ts')).href;
  // 5,700 target groups and plan rows: just under the 2 MB input limit.
  const code = `const { writeSyntheticProject } = await import(${JSON.stringify(module)});
    console.log((await writeSyntheticProject(${JSON.stringify(REPO)}, ${JSON.stringify(at)}, 5700)).deckId);`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', TSX_LOADER, '--input-type=module', '-e', code], (error, stdout) =>
      error ? reject(error) : resolve(stdout.trim()),
    );
  });
}

beforeAll(async () => {
  root = path.join(os.tmpdir(), `trappa-bounded-${process.pid}-${Date.now()}`);
  deck = await writeLargeProject(root);
  studio = await startStudio({ root });
}, 600_000);
afterAll(async () => {
  await studio.close();
  rmSync(root, { recursive: true, force: true });
});

/** Small requests one after the other, `rounds` times: the page's script, the version list, the project. */
async function smallRounds(rounds: number, done: string[]): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    expect((await call(studio, 'GET', '/app.css')).status).toBe(200);
    done.push(`css ${i}`);
    expect((await call(studio, 'GET', '/api/versions')).status).toBe(200);
    done.push(`versions ${i}`);
    expect((await call(studio, 'GET', '/')).status).toBe(200);
    done.push(`page ${i}`);
  }
}

describe('a 2 MB strategy being edited holds up no other request', () => {
  it('answers small requests while the live slides of a 2 MB edit are made, and the slide shows the edit', async () => {
    expect(readFileSync(path.join(root, STRATEGY)).length).toBeGreaterThan(1.8 * 1024 * 1024);
    const loaded = await loadedFile(studio, STRATEGY);
    const value = structuredClone(loaded.value) as { profile: string[] };
    value.profile[0] = 'Samarbeidet skal synes i hver rad';
    const done: string[] = [];
    const big = call(studio, 'POST', '/api/render', { edits: { [STRATEGY]: value }, decks: [deck] }).then((a) => {
      done.push('render');
      return a;
    });
    await smallRounds(3, done);
    const rendered = await big;
    expect(rendered.status).toBe(200);
    expect(done.at(-1)).toBe('render');
    const slides = (rendered.json.decks as Array<{ slides: Array<{ svg: string }> }>)[0]!.slides;
    expect(slides.some((s) => s.svg.includes('Samarbeidet skal synes i hver rad'))).toBe(true);
    // Seconds of work per 2 MB edit (parse, 520 slides): minutes on a loaded machine.
  }, 600_000);

  it('answers small requests and the project while a 2 MB save is merged and checked', async () => {
    const loaded = await loadedFile(studio, STRATEGY);
    const value = structuredClone(loaded.value) as { actionPlan: Array<{ activity: string }> };
    value.actionPlan[4000]!.activity = 'Dialogmøte lagret fra studio';
    const done: string[] = [];
    const big = call(studio, 'POST', '/api/save', { file: STRATEGY, version: loaded.version, value }).then((a) => {
      done.push('save');
      return a;
    });
    await smallRounds(2, done);
    // The project as the page loads it: its 2 MB value is kept by version, not parsed again here.
    expect((await loadedFile(studio, STRATEGY)).version).toBe(loaded.version);
    done.push('project');
    const saved = await big;
    expect(saved.json).toMatchObject({ saved: true });
    expect(done.at(-1)).toBe('save');
    expect(readFileSync(path.join(root, STRATEGY), 'utf8')).toContain('Dialogmøte lagret fra studio');
  });

  it('answers small requests while an edit with 10,000 new keys is merged and checked, and refuses each at its field', async () => {
    // Issue #25's red team: one such edit blocked every request for 17 s (the merge ran on the request loop).
    const loaded = await loadedFile(studio, STRATEGY);
    const value = structuredClone(loaded.value) as { wording: Record<string, string>; actionPlan: unknown[] };
    value.wording = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`egen.tekst${i}`, `Tekst ${i}`]));
    // Room under the 2 MB input limit for the new keys.
    value.actionPlan = value.actionPlan.slice(0, 3000);
    const before = readFileSync(path.join(root, STRATEGY), 'utf8');
    const done: string[] = [];
    const big = call(studio, 'POST', '/api/save', { file: STRATEGY, version: loaded.version, value }).then((a) => {
      done.push('save');
      return a;
    });
    await smallRounds(2, done);
    const saved = await big;
    expect(saved.status).toBe(200);
    expect(done.at(-1)).toBe('save');
    // No template has these wording keys: each is refused at its field, and nothing is written.
    const issues = saved.json.issues as Array<{ field?: string }>;
    expect(saved.json.saved).toBe(false);
    expect(issues).toHaveLength(10_000);
    expect(issues[0]?.field).toMatch(/^wording/);
    expect(readFileSync(path.join(root, STRATEGY), 'utf8')).toBe(before);
  });

  it('leaves the live check of a 2 MB strategy to `trappa check`, saying so at the strategy', async () => {
    // Before, each pause in typing built and checked the 520-slide deck: ~100 s of CPU, 1.3 GB.
    const loaded = await loadedFile(studio, STRATEGY);
    const changes = { [STRATEGY]: { version: loaded.version, changes: [{ path: ['profile', 0], value: 'Kort' }] } };
    const answer = await call(studio, 'POST', '/api/check', { changes });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ skipped: true, decks: [] });
    expect(answer.json.issues).toEqual([
      {
        file: STRATEGY,
        severity: 'warning',
        message: expect.stringMatching(/^Prosjektet er for stort til å sjekkes mens du skriver \(1,9 MB data\)/),
      },
    ]);
  });
});
