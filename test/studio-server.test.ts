/**
 * Trappa Studio's server without a browser: who may talk to it (token, Host, Origin),
 * that nothing a request names reaches a file outside the project, that secrets stay on
 * the server; and the YAML editing that saving relies on, and `preview --fast`.
 */
import { request } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../src/data/load-project.js';
import { layoutDeck } from '../src/deck/layout-deck.js';
import { resolveDeck } from '../src/plan/resolve-deck.js';
import { previewFast } from '../src/preview-svg/preview-fast.js';
import { redact, secretValues } from '../src/studio/actions.js';
import { startStudio, type Studio } from '../src/studio/server.js';
import { editYamlText } from '../src/data/yaml-edit.js';
import { projectCopy, removeAll } from './helpers/studio.js';
import { parseDocument } from 'yaml';

let root: string;
let studio: Studio;
let token: string;
const SECRET = 'pw-studio-test-7d1e';

beforeAll(async () => {
  root = projectCopy();
  process.env.TRAPPA_SMTP_PASS = SECRET;
  studio = await startStudio({ root });
  token = new URL(studio.url).searchParams.get('token')!;
});
afterAll(async () => {
  delete process.env.TRAPPA_SMTP_PASS;
  await studio.close();
  removeAll(root);
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so tests can send any Host, Origin or cookie (fetch would not let them). */
function call(method: string, target: string, headers: Record<string, string> = {}, body?: unknown): Promise<Answer> {
  const host = `127.0.0.1:${studio.port}`;
  const all = {
    Host: host,
    ...(body !== undefined ? { 'Content-Type': 'application/json', Origin: `http://${host}` } : {}),
    ...headers,
  };
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: studio.port, method, path: target, headers: all }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const withToken = (extra: Record<string, string> = {}) => ({ 'X-Trappa-Token': token, ...extra });

describe('who may talk to the studio', () => {
  it('listens on 127.0.0.1 and prints an address with its token', () => {
    expect(studio.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${studio.port}/\\?token=[\\w-]{32}$`));
  });

  it('says so in plain words when the port is taken', async () => {
    await expect(startStudio({ root, port: studio.port })).rejects.toThrow(
      `port ${studio.port} is in use; choose another with --port`,
    );
  });

  it('refuses requests without the token or with a wrong one', async () => {
    expect((await call('GET', '/api/project')).status).toBe(403);
    expect((await call('GET', '/asset?file=photos%2Ftown.jpg')).status).toBe(403);
    expect((await call('GET', '/?token=wrong')).status).toBe(403);
    expect((await call('GET', '/api/project', { 'X-Trappa-Token': 'wrong' })).status).toBe(403);
    // A cookie is no way in (the browser would send it to every port of 127.0.0.1).
    expect((await call('GET', '/api/project', { Cookie: `trappa_studio=${token}` })).status).toBe(403);
    // A token in the address is for reading only: a change must carry the header.
    expect((await call('POST', `/api/render?token=${token}`, {}, { edits: {} })).status).toBe(403);
  });

  it('serves the page with the token in the address, sets no cookie, and serves the bare page on reload', async () => {
    const first = await call('GET', `/?token=${token}`);
    expect(first.status).toBe(200);
    expect(first.headers['set-cookie']).toBeUndefined();
    expect(first.body).toContain('<html lang="nb">');
    expect(first.headers['content-security-policy']).toContain("default-src 'none'");
    const reload = await call('GET', '/');
    expect(reload.status).toBe(200);
    expect(reload.body).not.toContain(token);
  });

  it('refuses a foreign Host (DNS rebinding), even with the token', async () => {
    expect((await call('GET', '/api/project', withToken({ Host: `evil.example:${studio.port}` }))).status).toBe(403);
    expect((await call('GET', '/api/project', withToken({ Host: '127.0.0.1:1' }))).status).toBe(403);
    expect((await call('GET', '/api/project', withToken({ Host: `localhost:${studio.port}` }))).status).toBe(200);
  });

  it('refuses a foreign Origin, a change without Origin, and cross-site requests', async () => {
    const edits = { edits: {} };
    expect((await call('POST', '/api/render', withToken({ Origin: 'http://evil.example' }), edits)).status).toBe(403);
    expect((await call('POST', '/api/render', withToken({ Origin: '' }), edits)).status).toBe(403);
    expect((await call('POST', '/api/render', withToken({ 'Sec-Fetch-Site': 'cross-site' }), edits)).status).toBe(403);
    expect(
      (await call('GET', '/api/project', withToken({ Origin: `http://127.0.0.1:${studio.port + 1}` }))).status,
    ).toBe(403);
    expect((await call('POST', '/api/render', withToken(), edits)).status).toBe(200);
  });
});

describe('nothing from the browser reaches a path outside the project', () => {
  const outside = ['../outside.yaml', '/etc/passwd', 'data/../../etc/passwd', 'data/strategy.yaml/../../../x.yaml'];

  it.each(outside)('save and render refuse %s', async (file) => {
    expect((await call('POST', '/api/save', withToken(), { file, value: { a: 1 } })).status).toBe(400);
    expect((await call('POST', '/api/render', withToken(), { edits: { [file]: { a: 1 } } })).status).toBe(400);
  });

  it.each(outside)('downloads, assets and fonts refuse %s', async (file) => {
    const q = encodeURIComponent(file);
    for (const target of [`/api/download?file=${q}`, `/asset?file=${q}`, `/font?name=${q}`]) {
      expect((await call('GET', target, withToken())).status, target).toBe(404);
    }
  });

  it("serves a project asset and Trappa's own font", async () => {
    expect((await call('GET', '/asset?file=photos%2Ftown.jpg', withToken())).headers['content-type']).toBe(
      'image/jpeg',
    );
    expect((await call('GET', '/font?name=Carlito-Regular.ttf', withToken())).status).toBe(200);
  });
});

describe('secrets stay on the server', () => {
  it('sends no secret from the environment to the page', async () => {
    const project = await call('GET', '/api/project', withToken());
    expect(project.body).not.toContain(SECRET);
    expect(secretValues(process.env)).toContain(SECRET);
    expect(redact(`login with ${SECRET} failed`, secretValues(process.env))).toBe('login with •••• failed');
  });
});

describe('saving edits the YAML document, not the file as a whole', () => {
  const text =
    '# top comment\nname: A   # keep me\nlist: [a, b]\nmap: { x: 1, y: "two" }\nitems:\n  - one\n  - two # second\n';

  it('changes only the edited line, keeping comments, quotes and flow style', () => {
    const value = parseDocument(text).toJS();
    value.items[0] = 'uno';
    expect(editYamlText(text, value)).toBe(text.replace('  - one', '  - uno'));
    value.map.y = 'zwei';
    expect(editYamlText(text, value)).toBe(text.replace('  - one', '  - uno').replace('"two"', '"zwei"'));
  });

  it('adds, removes and reorders list items', () => {
    const value = parseDocument(text).toJS();
    value.items = ['two', 'three'];
    delete value.list;
    const out = editYamlText(text, value);
    expect(parseDocument(out).toJS()).toEqual(value);
    expect(out).toContain('# top comment\nname: A   # keep me\n');
    expect(out).toContain('map: { x: 1, y: "two" }');
  });
});

describe('trappa preview --fast', () => {
  it('writes an SVG and a PNG of every slide, without LibreOffice', async () => {
    const outDir = path.join(root, 'output');
    const loaded = await loadProject({ root });
    if (!loaded.ok) throw new Error('project does not load');
    const laid = layoutDeck(resolveDeck(loaded.value, loaded.value.decks.find((d) => d.deck.id === 'strategi')!));
    if (!laid.ok) throw new Error('layout failed');
    const count = laid.value.slides.length;
    const [deck] = await previewFast({ root, outDir, decks: ['strategi'], dpi: 30 });
    expect(deck!.svgs).toHaveLength(count);
    expect(deck!.pngs).toHaveLength(count);
    const texts = deck!.svgs.map((file) => readFileSync(file, 'utf8'));
    expect(texts.some((svg) => svg.includes('Arbeidet med kommunikasjonsplan'))).toBe(true);
    const png = await sharp(deck!.pngs[0]!).metadata();
    const { w, h } = laid.value.size;
    expect(png.width).toBe(Math.round(w * 30));
    expect(png.height).toBeCloseTo((h / w) * Math.round(w * 30), -0.5);
    const next = `slide-${String(count + 1).padStart(2, '0')}.svg`;
    expect(existsSync(path.join(outDir, 'preview-fast', 'strategi', next))).toBe(false);
  });
});

describe('the SVG renderer reads only what it knows of the laid-out deck', () => {
  it('skips elements of unknown kinds and ignores unknown fields', async () => {
    const { renderSlideSvg } = await import('../src/preview-svg/render-slide.js');
    const style = {
      fontFace: 'Calibri',
      fontSize: 20,
      color: '1F1F1F',
      insets: { left: 0.1, right: 0.1, top: 0.05, bottom: 0.05 },
    };
    const slide = {
      title: 'Tittel',
      background: 'FFFFFF',
      placeholder: { idx: 1 },
      elements: [
        {
          type: 'text',
          name: 'Title',
          role: 'title',
          placeholderRole: 'title',
          source: 'strategy.name',
          box: { x: 1, y: 1, w: 5, h: 1 },
          paragraphs: [{ runs: [{ text: 'Hei & <hallo>' }] }],
          style,
        },
        { type: 'chart', name: 'Future chart', box: { x: 0, y: 0, w: 1, h: 1 } },
        { type: 'shape', name: 'Blob', shape: 'cloud', box: { x: 2, y: 3, w: 2, h: 1 }, fill: 'not-a-colour' },
      ],
    };
    const svg = renderSlideSvg(slide as never, { w: 13.333, h: 7.5 });
    expect(svg).toContain('Hei &#38; &#60;hallo&#62;');
    expect(svg).not.toContain('Future chart');
    expect(svg).toContain('data-name="Blob"');
    expect(svg).toContain('fill="#000000"');
    expect(svg.match(/<svg/g)).toHaveLength(1);
  });
});
