/**
 * The page sends its changes, not the file's whole value, and the server sends only the
 * slides the page does not hold (issue #27): each shown to give what the whole value gives —
 * the same slides, messages and saved text — and refused when malformed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudio, type Studio } from '../src/studio/server.js';
import { applyChanges, changesOf, startChanges } from '../src/studio/client/page-changes.js';
import { setAt } from '../src/studio/client/form-util.js';
import { call, loadedFile } from './helpers/studio-http.js';
import { projectCopy, removeAll } from './helpers/studio.js';

const STRATEGY = 'data/strategy.yaml';
let root: string;
let studio: Studio;

beforeAll(async () => {
  root = projectCopy();
  studio = await startStudio({ root });
});
afterAll(async () => {
  await studio.close();
  removeAll(root);
});

type Plain = Record<string, unknown> & { actionPlan: Array<Record<string, unknown>>; profile: string[] };
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

interface Slide {
  svg?: string;
  hash: string;
  title: string;
}
interface Rendered {
  issues: Array<{ message: string; line?: number }>;
  decks: Array<{ id: string; slides: Slide[] }>;
}

/** The page's edit: a copy of the loaded value changed through the form's setAt, and its change list. */
function edit(loaded: unknown, change: (value: Plain) => void): { value: Plain; changes: unknown[] } {
  const value = copy(loaded) as Plain;
  startChanges(value);
  change(value);
  return { value, changes: changesOf(value) };
}

describe('the page’s changes instead of its whole value', () => {
  it('lists only the outer fields changed, and applies them sharing the rest', () => {
    const base = { a: { b: 1, c: [1, 2, 3] }, d: 'x' };
    const value = copy(base);
    startChanges(value);
    setAt(value, ['a', 'c', 1], 9);
    setAt(value, ['a', 'c'], [7, 8]);
    setAt(value, ['d'], undefined);
    setAt(value, ['e', 'f'], 'new');
    const changes = changesOf(value);
    expect(changes).toEqual([{ path: ['d'] }, { path: ['a', 'c'], value: [7, 8] }, { path: ['e', 'f'], value: 'new' }]);
    const applied = applyChanges(base, changes) as typeof base;
    expect(applied).toEqual(value);
    expect(base).toEqual({ a: { b: 1, c: [1, 2, 3] }, d: 'x' });
    // A value not edited through a started log is sent whole.
    expect(changesOf({ x: 1 })).toEqual([{ path: [], value: { x: 1 } }]);
  });

  it('renders a typed field and a removed plan row as the whole value does, sending only new slides', async () => {
    const loaded = await loadedFile(studio, STRATEGY);
    const first = (await call(studio, 'POST', '/api/render', { edits: {} })).json as unknown as Rendered;
    const have = first.decks.flatMap((d) => d.slides.map((s) => s.hash));
    const { value, changes } = edit(loaded.value, (v) => {
      setAt(v, ['profile', 0], 'Samarbeid på tvers av enhetene, kort sagt');
      setAt(v, ['actionPlan'], v.actionPlan.slice(0, -1));
    });
    const whole = (await call(studio, 'POST', '/api/render', { edits: { [STRATEGY]: value } }))
      .json as unknown as Rendered;
    expect(whole.issues).toEqual([]);
    const body = { changes: { [STRATEGY]: { version: loaded.version, changes } }, have };
    const answer = await call(studio, 'POST', '/api/render', body);
    expect(answer.status).toBe(200);
    const viaChanges = answer.json as unknown as Rendered;
    expect(viaChanges.issues).toEqual(whole.issues);
    const held = new Map(first.decks.flatMap((d) => d.slides.map((s) => [s.hash, s.svg] as const)));
    let sent = 0;
    for (const [d, deck] of whole.decks.entries()) {
      const mine = viaChanges.decks[d]!;
      expect(mine.slides.map((s) => s.hash)).toEqual(deck.slides.map((s) => s.hash));
      for (const [i, slide] of mine.slides.entries()) {
        // A slide the page holds comes as its hash only; any other with its SVG.
        if (held.has(slide.hash)) expect(slide.svg).toBeUndefined();
        else sent++;
        expect(slide.svg ?? held.get(slide.hash)).toBe(deck.slides[i]!.svg);
      }
    }
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(whole.decks.reduce((n, d) => n + d.slides.length, 0) / 2);
  });

  it('locates a refused value at its line, as the whole value does', async () => {
    const loaded = await loadedFile(studio, STRATEGY);
    const { value, changes } = edit(loaded.value, (v) => setAt(v, ['name'], ''));
    const whole = (await call(studio, 'POST', '/api/render', { edits: { [STRATEGY]: value } }))
      .json as unknown as Rendered;
    const body = { changes: { [STRATEGY]: { version: loaded.version, changes } } };
    const viaChanges = (await call(studio, 'POST', '/api/render', body)).json as unknown as Rendered;
    expect(whole.issues.length).toBeGreaterThan(0);
    expect(viaChanges.issues).toEqual(whole.issues);
  });

  it('saves the same text as the whole value, and tells the page it may keep its form', async () => {
    const loaded = await loadedFile(studio, STRATEGY);
    const { changes } = edit(loaded.value, (v) => setAt(v, ['profile', 1], 'Et nytt punkt om samarbeid'));
    const saved = await call(studio, 'POST', '/api/save', { file: STRATEGY, version: loaded.version, changes });
    expect(saved.json).toMatchObject({ saved: true, same: true });
    expect(saved.json.value).toBeUndefined();
    const text = readFileSync(path.join(root, STRATEGY), 'utf8');
    expect(text).toContain('Et nytt punkt om samarbeid');
    expect(text.replace('Et nytt punkt om samarbeid', String((loaded.value as Plain).profile[1]))).toBe(
      loaded.text.replace(/\n/g, text.includes('\r\n') ? '\r\n' : '\n'),
    );
  });

  it("applies the changes to the page's version when someone saved meanwhile", async () => {
    const loaded = await loadedFile(studio, STRATEGY);
    const file = path.join(root, STRATEGY);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: .*$/m, 'name: Endret i tekstprogrammet'));
    const { changes } = edit(loaded.value, (v) => setAt(v, ['profile', 0], 'Sidens eget punkt'));
    const render = await call(studio, 'POST', '/api/render', {
      changes: { [STRATEGY]: { version: loaded.version, changes } },
    });
    // The page's value: its own version's name, its own point.
    expect(render.status).toBe(200);
    const decks = (render.json as unknown as Rendered).decks;
    const svgs = decks.flatMap((d) => d.slides.map((s) => s.svg)).join('');
    expect(svgs).toContain('Sidens eget punkt');
    const saved = await call(studio, 'POST', '/api/save', { file: STRATEGY, version: loaded.version, changes });
    expect(saved.json).toMatchObject({ saved: true, merged: true });
    const now = parseDocument(readFileSync(file, 'utf8')).toJS() as Plain;
    expect(now.name).toBe('Endret i tekstprogrammet');
    expect(now.profile[0]).toBe('Sidens eget punkt');
  });

  it('refuses malformed changes and an unknown version', async () => {
    const loaded = await loadedFile(studio, STRATEGY);
    const send = (entry: unknown) => call(studio, 'POST', '/api/render', { changes: { [STRATEGY]: entry } });
    expect((await send({ version: loaded.version, changes: [{ path: ['__proto__', 'x'], value: 1 }] })).status).toBe(
      400,
    );
    expect((await send({ version: loaded.version, changes: 'all' })).status).toBe(400);
    expect((await send({ version: 'f'.repeat(64), changes: [] })).status).toBe(409);
    const past = await send({ version: loaded.version, changes: [{ path: ['actionPlan', 999, 'what'], value: 'x' }] });
    expect(past.status).toBe(200);
    expect((past.json as unknown as Rendered).issues[0]?.message).toMatch(/past the end of a list/);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
