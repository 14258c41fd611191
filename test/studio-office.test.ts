/**
 * Trappa Studio used by an office (issue #25's red-team findings, each a test that failed
 * before): saves from an older version merged or refused but never lost, the CLI's input
 * rules for every file the studio reads (FIFO, 30 MB, links out of data/ and output/),
 * control characters refused in words, and a token no other local port can use.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudio, type Studio } from '../src/studio/server.js';
import { runMain } from './helpers/in-process.js';
import { runCliAsync } from './helpers/project.js';
import { call, loadedFile, tokenOf } from './helpers/studio-http.js';
import { projectCopy, removeAll } from './helpers/studio.js';

let root: string;
let studio: Studio;
const strategyPath = (): string => path.join(root, 'data/strategy.yaml');
const STRATEGY = 'data/strategy.yaml';

beforeAll(async () => {
  root = projectCopy();
  studio = await startStudio({ root });
});
afterAll(async () => {
  await studio.close();
  removeAll(root);
});

type Plain = Record<string, unknown> & { actionPlan: Array<Record<string, string>>; profile: string[] };
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const plainOf = (text: string): Plain => parseDocument(text).toJS() as Plain;

describe('a save from an older version is merged, or refused field by field, never lost', () => {
  it("keeps a text editor's change and comments made meanwhile beside the page's edit", async () => {
    const loaded = await loadedFile(studio, STRATEGY);
    // The editor: another plan row changed, ten comments appended.
    const before = readFileSync(strategyPath(), 'utf8');
    const comments = Array.from({ length: 10 }, (_, i) => `# kommentar ${i + 1} fra tekstprogrammet`);
    const edited = before.replace('Møter i enhetene', 'Møter i alle enheter');
    writeFileSync(strategyPath(), `${edited}${comments.join('\n')}\n`);
    // The page: a profile point, from the version it loaded.
    const mine = copy(loaded.value) as Plain;
    mine.profile[0] = 'Samarbeidet skal synes';
    const saved = await call(studio, 'POST', '/api/save', { file: STRATEGY, version: loaded.version, value: mine });
    expect(saved.json).toMatchObject({ saved: true, merged: true });
    const now = readFileSync(strategyPath(), 'utf8');
    expect(plainOf(now).profile[0]).toBe('Samarbeidet skal synes');
    expect(plainOf(now).actionPlan[0]!.activity).toBe('Møter i alle enheter');
    for (const line of comments) expect(now).toContain(line);
    // Only the page's line differs from what the editor wrote.
    const lines = now.split('\n');
    const editorLines = `${edited}${comments.join('\n')}\n`.split('\n');
    expect(lines.filter((l, i) => l !== editorLines[i])).toEqual(['  - Samarbeidet skal synes']);
  });

  it('keeps a Windows file Windows: CRLF on every line and the BOM after a save (issue #26)', async () => {
    const lf = readFileSync(strategyPath(), 'utf8')
      .replace(/^\uFEFF/, '')
      .replace(/\r\n/g, '\n');
    writeFileSync(strategyPath(), `\uFEFF${lf.replace(/\n/g, '\r\n')}`);
    const loaded = await loadedFile(studio, STRATEGY);
    const mine = copy(loaded.value) as Plain;
    mine.profile[0] = 'Samarbeidet skal synes på Windows';
    const saved = await call(studio, 'POST', '/api/save', { file: STRATEGY, version: loaded.version, value: mine });
    expect(saved.json).toMatchObject({ saved: true });
    const now = readFileSync(strategyPath(), 'utf8');
    expect(now.startsWith('\uFEFF')).toBe(true);
    expect(now.replace(/\r\n/g, '').includes('\n')).toBe(false);
    expect(plainOf(now.slice(1)).profile[0]).toBe('Samarbeidet skal synes på Windows');
    writeFileSync(strategyPath(), lf);
  });

  it('refuses a save that changes a field someone else changed, naming the field and both values', async () => {
    const loaded = await loadedFile(studio, STRATEGY);
    writeFileSync(strategyPath(), readFileSync(strategyPath(), 'utf8').replace('Enhetsledere', 'Avdelingsledere'));
    const mine = copy(loaded.value) as Plain;
    mine.actionPlan[0]!.responsible = 'Rådmannen';
    const answer = await call(studio, 'POST', '/api/save', { file: STRATEGY, version: loaded.version, value: mine });
    expect(answer.json).toMatchObject({
      saved: false,
      conflicts: [{ field: 'actionPlan[0].responsible', mine: 'Rådmannen', theirs: 'Avdelingsledere' }],
    });
    expect(plainOf(readFileSync(strategyPath(), 'utf8')).actionPlan[0]!.responsible).toBe('Avdelingsledere');
  });

  it('of 30 concurrent saves from one base, each is kept or refused: nothing answered "saved" is lost', async () => {
    const loaded = await loadedFile(studio, STRATEGY);
    const base = loaded.value as Plain;
    const distinct = base.actionPlan.flatMap((_, row) =>
      (['activity', 'purpose', 'responsible'] as const).map((key) => ({ row, key })),
    );
    expect(distinct.length).toBeGreaterThanOrEqual(20);
    // 20 saves to different fields, 10 to the same one.
    const edits = [
      ...distinct.slice(0, 20).map(({ row, key }, i) => ({ row, key, text: `Felt ${i}` })),
      ...Array.from({ length: 10 }, (_, i) => ({ row: 0, key: 'when' as const, text: `Uke ${i + 10}` })),
    ];
    const answers = await Promise.all(
      edits.map(({ row, key, text }) => {
        const mine = copy(base);
        mine.actionPlan[row]![key] = text;
        return call(studio, 'POST', '/api/save', { file: STRATEGY, version: loaded.version, value: mine });
      }),
    );
    const final = plainOf(readFileSync(strategyPath(), 'utf8'));
    const outcomes = answers.map((a, i) => {
      const { row, key, text } = edits[i]!;
      if (a.json.saved === true) {
        expect(final.actionPlan[row]![key], `save ${i} said saved`).toBe(text);
        return 'kept';
      }
      expect(a.json.conflicts, `save ${i}: ${a.body.slice(0, 200)}`).toEqual([
        expect.objectContaining({ field: `actionPlan[${row}].${key}`, mine: text }),
      ]);
      return 'refused';
    });
    expect(outcomes.slice(0, 20)).toEqual(Array(20).fill('kept'));
    expect(outcomes.slice(20).filter((o) => o === 'kept')).toHaveLength(1);
  });

  it('tells every open page about every save, its own and the disk’s', async () => {
    const events = await listenToEvents();
    const loaded = await loadedFile(studio, STRATEGY);
    const mine = copy(loaded.value) as Plain;
    mine.profile[1] = 'Hørt av alle sider';
    const saved = await call(studio, 'POST', '/api/save', { file: STRATEGY, version: loaded.version, value: mine });
    writeFileSync(path.join(root, 'data/theme.yaml'), `${readFileSync(path.join(root, 'data/theme.yaml'), 'utf8')}\n`);
    await expect.poll(() => events.text, { timeout: 10_000 }).toContain('data/theme.yaml');
    expect(events.text).toContain(`event: saved\ndata: {"file":"${STRATEGY}","version":"${saved.json.version}"}`);
    events.close();
  });
});

/** The studio's event stream as text, as it arrives. */
async function listenToEvents(): Promise<{ text: string; close(): void }> {
  const { request } = await import('node:http');
  const state = { text: '', close: (): void => undefined };
  await new Promise<void>((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: studio.port,
        path: `/api/events?token=${tokenOf(studio)}`,
        headers: { Host: `127.0.0.1:${studio.port}` },
      },
      (res) => {
        res.setEncoding('utf8');
        res.on('data', (c: string) => (state.text += c));
        resolve();
      },
    );
    req.on('error', () => undefined);
    req.end();
    state.close = () => req.destroy();
  });
  return state;
}

describe('the CLI’s input rules for every file the studio reads', () => {
  it('refuses a FIFO named *.yaml in data/decks at once and keeps answering', async () => {
    const fifo = path.join(root, 'data/decks/ror.yaml');
    execFileSync('mkfifo', [fifo]);
    try {
      const project = await call(studio, 'GET', '/api/project');
      expect(project.status).toBe(200);
      const pipe = (project.json.files as Array<{ file: string; problem?: string }>).find(
        (f) => f.file === 'data/decks/ror.yaml',
      );
      expect(pipe?.problem).toMatch(/ror\.yaml er ikke en vanlig fil/);
      const render = await call(studio, 'POST', '/api/render', { edits: {} });
      expect(render.status).toBe(200);
      expect(JSON.stringify(render.json.issues)).toContain('data/decks/ror.yaml');
    } finally {
      rmSync(fifo);
    }
  });

  it('refuses a 30 MB deck file without reading it', async () => {
    const big = path.join(root, 'data/decks/stor.yaml');
    writeFileSync(big, `id: stor\n${`# ${'x'.repeat(1021)}\n`.repeat(30 * 1024)}`);
    try {
      const started = process.cpuUsage();
      const project = await call(studio, 'GET', '/api/project');
      const used = process.cpuUsage(started);
      const file = (project.json.files as Array<{ file: string; problem?: string }>).find(
        (f) => f.file === 'data/decks/stor.yaml',
      );
      expect(file?.problem).toMatch(/over grensen på 2\.0 MB/);
      // CPU time, not wall time: the machine is shared. Reading and parsing 30 MB takes seconds.
      expect((used.user + used.system) / 1000).toBeLessThan(1500);
    } finally {
      rmSync(big);
    }
  });

  it('shows a data file that links out of the project but never replaces it', async () => {
    const outside = mkdirTemp();
    const target = path.join(outside, 'ute.yaml');
    const deckText = readFileSync(path.join(root, 'data/decks/strategi.yaml'), 'utf8').replace(/^id: .*$/m, 'id: ute');
    writeFileSync(target, deckText);
    const link = path.join(root, 'data/decks/ute.yaml');
    symlinkSync(target, link);
    try {
      const loaded = await loadedFile(studio, 'data/decks/ute.yaml');
      expect(loaded).toMatchObject({ readOnly: true, problem: expect.stringContaining('lenke') });
      const value = { ...loaded.value, title: 'Endret' };
      const answer = await call(studio, 'POST', '/api/save', {
        file: 'data/decks/ute.yaml',
        version: loaded.version,
        value,
      });
      expect(answer.json.saved).toBe(false);
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readFileSync(target, 'utf8')).toBe(deckText);
    } finally {
      rmSync(link);
      removeAll(outside);
    }
  });

  it('does not follow a link in output/ named like a built deck', async () => {
    const outDir = path.join(root, 'output');
    mkdirSync(path.join(outDir, 'strategi'), { recursive: true });
    const file = 'strategi/strategi-0.2.pptx';
    symlinkSync('/etc/passwd', path.join(outDir, file));
    const entry = {
      deckId: 'strategi',
      version: '0.2',
      file,
      sha256: '0'.repeat(64),
      inputsHash: '0'.repeat(64),
      slides: 1,
      status: 'draft',
    };
    writeFileSync(
      path.join(outDir, 'manifest.json'),
      JSON.stringify({ format: 'trappa-manifest-1', entries: { 'strategi@0.2': entry } }),
    );
    try {
      const answer = await call(studio, 'GET', `/api/download?file=${encodeURIComponent(file)}`);
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain('root:');
    } finally {
      removeAll(outDir);
    }
  });

  it('serves no picture that is a FIFO or a link out of the project, and keeps answering', async () => {
    const fifo = path.join(root, 'assets/ror.png');
    const link = path.join(root, 'assets/ut.png');
    execFileSync('mkfifo', [fifo]);
    symlinkSync('/etc/passwd', link);
    try {
      for (const file of ['ror.png', 'ut.png']) {
        const answer = await call(studio, 'GET', `/asset?file=${file}`);
        expect(answer.status, file).toBe(404);
        expect(answer.body).not.toContain('root:');
      }
      expect((await call(studio, 'GET', '/api/project')).status).toBe(200);
    } finally {
      rmSync(fifo);
      rmSync(link);
    }
  });

  it.each([
    ['a bell', 'Ny versjon\u0007', /kontrolltegn \(U\+0007\)/],
    ['a NUL', 'Ny\u0000versjon', /kontrolltegn \(U\+0000\)/],
    ['3 MB', 'x'.repeat(3 * 1024 * 1024), /skriv det kortere/],
  ])('refuses a bump note with %s in words, without writing strategy.yaml', async (_, note, message) => {
    const before = readFileSync(strategyPath(), 'utf8');
    const answer = await call(studio, 'POST', '/api/action', { action: 'bump', version: '9.0', note });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ code: 1, refusal: expect.stringMatching(message) });
    expect(readFileSync(strategyPath(), 'utf8')).toBe(before);
  });
});

function mkdirTemp(): string {
  const dir = path.join(os.tmpdir(), `trappa-outside-${process.pid}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir);
  return dir;
}

describe('messages in Norwegian', () => {
  it('the CLI refuses a bump note with a control character, and explains the exit code in the chosen language', async () => {
    const before = readFileSync(strategyPath(), 'utf8');
    const run = await runMain(['--lang', 'nn', 'bump', '9.0', '--note', 'Ny\u0007versjon'], root);
    expect(run.status).toBe(1);
    // The refusal itself in nynorsk too (it was English until the stages' refusals joined the catalogue).
    expect(run.stderr).toContain('--note har eit usynleg kontrollteikn (U+0007)');
    // The explanation comes first, the message it points to under it.
    expect(run.stderr.trim().split('\n')[0]).toBe(
      'trappa: Det lét seg ikkje gjere slik det vart bede om. Les meldinga under.',
    );
    expect(readFileSync(strategyPath(), 'utf8')).toBe(before);
  });

  it('the CLI words located messages in the chosen language: a wrong date and an empty field', async () => {
    const before = readFileSync(strategyPath(), 'utf8');
    try {
      writeFileSync(
        strategyPath(),
        before.replace(/^date: .*$/m, 'date: 2027-02-31').replace(/^name: .*$/m, 'name: ""'),
      );
      // Asynchronously: two builds under load could block this worker for tens of seconds.
      const run = await runCliAsync(['--lang', 'nb', 'build', '--all'], root);
      expect(run.status).toBe(2);
      const lines = run.stderr.trim().split('\n');
      expect(lines[0]).toMatch(/^trappa: .*Meldingen under viser fil, linje og felt\.$/);
      expect(lines).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^data\/strategy\.yaml:\d+:\d+ date «Dato»: '2027-02-31' er ikke en gyldig dato; skriv datoen/,
          ),
          // The field by its label in the form too (issue 25).
          expect.stringMatching(/^data\/strategy\.yaml:\d+:\d+ name «Navn»: må fylles ut$/),
        ]),
      );
      // English stays English.
      const english = await runCliAsync(['--lang', 'en', 'build', '--all'], root);
      expect(english.stderr).toContain('must not be empty');
      expect(english.stderr).not.toContain('må fylles ut');
    } finally {
      writeFileSync(strategyPath(), before);
    }
  });

  it('words a wrong date and an empty field in bokmål, at the field', async () => {
    const loaded = await loadedFile(studio, STRATEGY);
    const value = { ...copy(loaded.value), date: '2027-02-31', name: '' };
    const render = await call(studio, 'POST', '/api/render', { edits: { [STRATEGY]: value } });
    const issues = render.json.issues as Array<{ field: string; message: string; original?: string }>;
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'date',
          message: expect.stringMatching(/^'2027-02-31' er ikke en gyldig dato/),
        }),
        expect.objectContaining({ field: 'name', message: 'må fylles ut', original: 'must not be empty' }),
      ]),
    );
  });

  it('refuses a control character in a field, in bokmål at that field, and saves nothing', async () => {
    const loaded = await loadedFile(studio, STRATEGY);
    const before = readFileSync(strategyPath(), 'utf8');
    const value = { ...copy(loaded.value), name: 'Navn\u0007med bjelle' };
    const render = await call(studio, 'POST', '/api/render', { edits: { [STRATEGY]: value } });
    expect(render.json.issues).toEqual([
      expect.objectContaining({
        field: 'name',
        message: expect.stringMatching(/^har et tegn som et lysbilde ikke kan vise \(U\+0007/),
      }),
    ]);
    const saved = await call(studio, 'POST', '/api/save', { file: STRATEGY, version: loaded.version, value });
    expect(saved.json.saved).toBe(false);
    expect(readFileSync(strategyPath(), 'utf8')).toBe(before);
  });
});

describe('a token no other port sees', () => {
  it('is not valid at another studio, and is never put in a cookie', async () => {
    const second = await startStudio({ root });
    try {
      expect((await call(second, 'GET', '/api/project')).status).toBe(200);
      expect((await call(second, 'GET', '/api/project', undefined, { 'X-Trappa-Token': tokenOf(studio) })).status).toBe(
        403,
      );
      expect((await call(studio, 'GET', '/api/project')).status).toBe(200);
      const page = await call(studio, 'GET', `/?token=${tokenOf(studio)}`);
      expect(page.headers['set-cookie']).toBeUndefined();
    } finally {
      await second.close();
    }
  });
});
