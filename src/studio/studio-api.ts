/**
 * What the page can ask for. Every handler runs after the guard (server.ts); names of
 * files always go through an allow-list (project-files.ts, the manifest, assets/).
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { deckSchema, strategySchema, themeSchema } from '../data/schema.js';
import { toJsonSchema } from '../data/json-schema.js';
import { withTranslations } from '../data/translatable-schema.js';
import { COLOR_PAIRS } from '../data/check-theme.js';
import { listEntries, readManifest } from '../versions/manifest.js';
import { resolveAssetPath } from '../images/asset-path.js';
import { cliArgs, runCli, type ActionRequest } from './actions.js';
import type { Edits } from './live-render.js';
import { ProjectFiles } from './project-files.js';
import { clientCss, clientScript, fontFaceCss, fontFile } from './static-files.js';
import { HttpError } from './http-error.js';
import { InputError } from '../errors.js';
import { confinePath } from '../io/confine.js';
import { readInputFile } from '../io/read-input.js';
import type { Messages } from '../messages/catalogue.js';
import { translateIssues } from '../messages/issue-text.js';
import { pageWord } from '../messages/page-text.js';
import type { Lang } from '../messages/entry.js';
import { StudioThread } from './studio-thread.js';
import type { EditInput, PreparedSave } from './studio-jobs.js';
import type { Version } from './job-texts.js';
import { absorbDropped } from './absorb-route.js';
import { deckTitle } from './client/state.js';
import { parsedOf } from '../data/yaml-splice.js';
import { changesProblem, type PageChange } from './client/page-changes.js';
import { jsonParts, plainOf, RawJson } from './raw-json.js';
import { loopProbe } from './loop-probe.js';
import { plainText } from './plain-text.js';
import { CHECK_BOUNDS, type CheckAnswer, type CheckBounds, checkedWithin } from './live-check-bounds.js';

export interface StudioOptions {
  root: string;
  dataDir?: string;
  templatesDir?: string;
  outDir?: string;
  /** The CLI the studio runs from (process.argv[1]) and node's flags, for the actions. */
  cliEntry?: string;
  execArgv?: string[];
  /** --root/--data/--templates/--out as given, passed on to the actions. */
  globalArgs?: string[];
  /** Bounds of the live check (live-check-bounds.ts). @default CHECK_BOUNDS */
  checkBounds?: CheckBounds;
}

interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  body: unknown;
}

type Route = (ctx: RouteContext) => Promise<void>;

/** What a save brings of the file saved: the page's whole value, or its changes since its version. */
type SavedPage = { value: unknown } | { changes: PageChange[] };

/** The page's other edited files beside a save, whole (`edits`) or as changes. */
interface Others {
  edits: Record<string, unknown>;
  changes: Record<string, unknown>;
}

/** The page in the Studio's language (its words come with the script, messages/page-text.ts). */
const page = (lang: Lang): string => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trappa Studio</title><link rel="stylesheet" href="/app.css"><script src="/app.js" defer></script></head>
<body><div id="app"><p>${pageWord(lang, 'Laster Trappa Studio …')}</p></div></body></html>`;

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': type, ...extra });
  res.end(body);
}

/**
 * A JSON answer made for this request alone (a render's, up to 10 MB of SVG moved from the
 * worker): its bytes are released once they are sent (not when the connection breaks off
 * first). The request thread allocates little, so a collection that would free them could be
 * many seconds away, with the bytes of the first render still held at the next save, the
 * studio's peak of memory.
 */
function sendOnce(res: ServerResponse, parts: Uint8Array[]): void {
  res.once('finish', () => {
    for (const bytes of new Set(parts.map((p) => p.buffer as ArrayBuffer))) releaseBytes(bytes);
  });
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(parts.reduce((sum, p) => sum + p.length, 0)),
  });
  // A render's answer in parts, views of the slabs moved from the worker (studio-jobs.ts RenderAnswer).
  res.cork();
  for (const part of parts) res.write(part);
  res.uncork();
  res.end();
}

/** Frees an ArrayBuffer's memory now (Node 22+: transfer to none detaches it); on older Node, at the next collection. */
const releaseBytes = (bytes: ArrayBuffer): void => {
  (bytes as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer }).transfer?.(0);
};

/** A JSON answer in parts (raw-json.ts jsonParts): each written as it is, large ones as bytes. */
function sendJson(res: ServerResponse, value: unknown): void {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  for (const part of jsonParts(value)) res.write(part);
  res.end();
}

const json = (res: ServerResponse, value: unknown, status = 200): void =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
const notFound = (res: ServerResponse): void => send(res, 404, 'text/plain; charset=utf-8', 'Not found.\n');

/**
 * Up to this many characters a data file is parsed on the request thread (the bundled strategy,
 * 15 KB: a few ms); above it, in the worker. A YAML parse costs ~1 ms per 1–2 KB: at the earlier
 * 256 KB a 170 KB strategy held the loop for 150–330 ms of its own CPU.
 */
const SMALL_FILE = 32 * 1024;

/** A built deck or PDF may be large (pictures), but not without bound. */
const DOWNLOAD_LIMIT = 512 * 1024 * 1024;

/** The Outlook drafts `trappa draft` wrote (output/drafts/*.eml), as paths relative to output/. */
async function draftFiles(outDir: string): Promise<string[]> {
  const names = await readdir(path.join(outDir, 'drafts')).catch(() => [] as string[]);
  return names
    .filter((n) => n.endsWith('.eml'))
    .sort()
    .map((n) => `drafts/${n}`);
}

/** The colour pairs `trappa check` judges, with the ratio each needs in this theme. */
function colourPairs(theme: Record<string, unknown>) {
  const subtitle = Number(record(theme.sizes).subtitle ?? themeSchema.shape.sizes.parse({}).subtitle);
  const sized = { sizes: { subtitle } } as Parameters<Exclude<(typeof COLOR_PAIRS)[number]['min'], number>>[0];
  return COLOR_PAIRS.map((p) => ({ text: p.text, on: p.on, min: typeof p.min === 'number' ? p.min : p.min(sized) }));
}

function record(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

export function createApi(options: StudioOptions, messages: Messages) {
  const { say } = messages;
  // Parsing, laying out and merging run in this worker, so no request waits for another's (studio-thread.ts).
  const thread = new StudioThread(messages.lang);
  // The live check builds every deck in memory (seconds for a large strategy): in a worker of its
  // own, at low priority, so the slides of the next keystroke and a save never wait for one that is running.
  const bounds = options.checkBounds ?? CHECK_BOUNDS;
  const checks = new StudioThread(messages.lang, true, bounds.heapMb);
  // A file of ordinary size is read here (a few ms), so the page's project and another page's news
  // never wait behind a running live check; a large one is parsed in the worker.
  const files = new ProjectFiles(
    { root: options.root, dataDir: options.dataDir, templatesDir: options.templatesDir, outDir: options.outDir },
    async (text, file, version) =>
      text.length <= SMALL_FILE
        ? (parsedOf(text)?.value ?? null)
        : new RawJson(
            ...(await thread.run<[string | Buffer, string | Buffer]>(
              { kind: 'value', version, file },
              new Map([[version, text]]),
            )),
          ),
    messages,
    // Decoding, splitting and hashing 2 MB took the request loop for 0.2–0.3 s: a large file's bytes go to the worker.
    async (file, bytes) =>
      bytes.length <= SMALL_FILE ? plainText(file, bytes) : thread.run({ kind: 'text', file, bytes }),
  );
  const projectPaths = { root: files.paths.root, dataDir: files.paths.dataDir, templatesDir: files.paths.templatesDir };
  const listeners = new Set<ServerResponse>();
  let busy = false;
  const loopDelay = loopProbe();

  const broadcast = (event: string, data: unknown): void => {
    for (const res of listeners) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  /**
   * The edited files' saved texts and the page's values (`edits`: whole values) or changes
   * (`changes`: per file the version the page loaded and the fields it changed since,
   * page-changes.ts); a name that is not one of the project's data files is refused. The texts
   * are named by version, and given beside (`texts`) for the worker, which holds them after the
   * first job that brings them.
   */
  const editInputs = async (
    edits: unknown,
    changes?: unknown,
  ): Promise<{ inputs: EditInput[]; texts: Map<Version, string> }> => {
    const allowedFiles = new Set((await files.list()).map((f) => files.rel(f.abs)));
    const whole = record(edits) as Edits;
    const changed = record(changes);
    const foreign = [...Object.keys(whole), ...Object.keys(changed)].find((rel) => !allowedFiles.has(rel));
    if (foreign !== undefined) throw new HttpError(400, say('notDataFile', { file: foreign }));
    const texts = new Map<Version, string>();
    const saved = async (rel: string) => {
      const abs = path.resolve(files.paths.root, rel);
      const read = await files.read(abs);
      if (!read.ok) throw new InputError(read.issues);
      const version = files.versionOf(read.value);
      texts.set(version, read.value);
      return { abs, saved: version };
    };
    const asChanges = async ([rel, entry]: [string, unknown]): Promise<EditInput> => {
      const { version, changes: list } = record(entry);
      const problem = changesProblem(list);
      if (problem !== undefined) throw new HttpError(400, `${rel}: ${problem}`);
      const now = await saved(rel);
      if (version === now.saved) return { ...now, changes: list as PageChange[] };
      // Saved meanwhile by someone else: the changes apply to the version the page loaded.
      const base = files.textOf(version);
      if (base === undefined) throw new HttpError(409, say('unknownVersion'));
      texts.set(version as Version, base);
      return { ...now, base: version as Version, changes: list as PageChange[] };
    };
    const inputs = await Promise.all([
      ...Object.entries(whole).map(async ([rel, value]) => ({ ...(await saved(rel)), value })),
      ...Object.entries(changed).map(asChanges),
    ]);
    return { inputs, texts };
  };

  /**
   * One save, run while no other save of the file runs (ProjectFiles.exclusive): merged with
   * what changed since the page's version, checked like a build, written atomically. Should the
   * file change on disk while this runs, it starts again from the new text.
   */
  const saveOne = async (abs: string, page: SavedPage, version: string, others: Others) => {
    const target = await files.writable(abs);
    if (!target.ok) return { saved: false as const, issues: translateIssues(target.issues, messages.lang) };
    for (let attempt = 0; ; attempt++) {
      const now = await files.read(abs);
      if (!now.ok) return { saved: false as const, issues: translateIssues(now.issues, messages.lang) };
      const currentVersion = files.versionOf(now.value);
      const { inputs, texts } = await editInputs(others.edits, others.changes);
      texts.set(currentVersion, now.value);
      // The text of the page's version, when someone saved meanwhile and it is still known.
      const base = version === currentVersion ? now.value : files.textOf(version);
      if (base !== undefined) texts.set(version, base);
      const job = { currentVersion, version, knownBase: base !== undefined, ...page, others: inputs };
      const plan = await thread.run<PreparedSave>({ kind: 'save', paths: projectPaths, abs, ...job }, texts);
      if (plan.kind === 'unknown-version') return { saved: false as const, reload: say('unknownVersion') };
      if (plan.kind === 'conflict') return { saved: false as const, conflicts: plan.conflicts, current: plan.current };
      if (plan.kind === 'issues') return { saved: false as const, issues: plan.issues };
      const again = await files.read(abs);
      if (attempt < 3 && again.ok && again.value !== now.value) continue;
      const written = await files.save(abs, target.value, plan.text, plan.version);
      // The page's own value, saved as it is: it keeps its form, so 2 MB need not come back (nor be drawn again).
      const fresh = plan.same ? { same: true as const } : { value: new RawJson(plan.value ?? 'null'), text: plan.text };
      return { saved: true as const, version: written, merged: plan.merged, ...fresh };
    }
  };

  const schemas = {
    // Its texts may carry translations: the form edits them side by side (client/translation-field.ts).
    strategy: withTranslations(toJsonSchema(strategySchema, { title: 'Strategi', id: 'strategy' })),
    theme: toJsonSchema(themeSchema, { title: 'Tema', id: 'theme' }),
    deck: toJsonSchema(deckSchema, { title: 'Presentasjon', id: 'deck' }),
  };

  const routes: Record<string, Route> = {
    'GET /': async ({ res }) => send(res, 200, 'text/html; charset=utf-8', page(messages.lang)),
    'GET /favicon.ico': async ({ res }) => send(res, 204, 'image/x-icon', ''),
    'GET /app.js': async ({ res }) =>
      send(res, 200, 'text/javascript; charset=utf-8', await clientScript(options.cliEntry)),
    'GET /app.css': async ({ res }) => send(res, 200, 'text/css; charset=utf-8', fontFaceCss() + (await clientCss())),
    'GET /font': async ({ res, url }) => {
      const font = await fontFile(url.searchParams.get('name') ?? '');
      if (font) send(res, 200, 'font/ttf', font);
      else notFound(res);
    },
    'GET /asset': async ({ res, url }) => {
      const asset = resolveAssetPath(files.paths.root, url.searchParams.get('file') ?? '');
      const type = asset.ok ? TYPES[path.extname(asset.path).toLowerCase()] : undefined;
      if (!asset.ok || !type) return notFound(res);
      // An SVG logo is shown as a picture only; the sandbox keeps any script in it inert.
      const read = await readInputFile(asset.path, asset.path, DOWNLOAD_LIMIT);
      if (!read.ok) return notFound(res);
      send(res, 200, type, read.value, {
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      });
    },
    // The bench's probe of the request loop (loop-probe.ts); not there unless asked for.
    'GET /api/loop': async ({ res }) => (loopDelay ? json(res, loopDelay()) : notFound(res)),
    'GET /api/project': async ({ res }) => {
      // The page asks for this first: the worker loads meanwhile, so its first live slides do not wait for it.
      thread.start();
      const loaded = await files.load();
      const decks = loaded
        .filter((f) => f.kind === 'deck')
        .map((f) => ({
          file: f.file,
          id: (record(plainOf(f.value)).id as string | undefined) ?? f.file,
          title: deckTitle(plainOf(f.value), f.file),
        }));
      const theme = record(plainOf(loaded.find((f) => f.kind === 'theme')?.value));
      // A large file's text comes as JSON made in the worker with its value (RawJson.source).
      const sent = loaded.map((f) =>
        f.value instanceof RawJson && f.value.source ? { ...f, text: new RawJson(f.value.source) } : f,
      );
      sendJson(res, {
        root: path.basename(files.paths.root),
        lang: messages.lang,
        files: sent,
        decks,
        schemas,
        colourPairs: colourPairs(theme),
      });
    },
    'POST /api/render': async ({ res, body }) => {
      const { edits, changes, decks, have } = record(body);
      const only = Array.isArray(decks) ? decks.filter((d): d is string => typeof d === 'string') : undefined;
      const held = Array.isArray(have) ? have.filter((h): h is string => typeof h === 'string') : undefined;
      const { inputs, texts } = await editInputs(edits, changes);
      const answer = await thread.run<Uint8Array[]>(
        { kind: 'render', paths: projectPaths, edits: inputs, decks: only, have: held },
        texts,
      );
      sendOnce(res, answer);
    },
    'POST /api/check': async ({ res, body }) => {
      const { edits, changes } = record(body);
      const check = async () => {
        const { inputs, texts } = await editInputs(edits, changes);
        return checks.run<CheckAnswer>({ kind: 'check', paths: projectPaths, edits: inputs }, texts);
      };
      json(res, await checkedWithin(bounds, files, messages, check));
    },
    'POST /api/templates': async ({ res, body }) => {
      const { edits, changes, file, texts } = record(body);
      const ask = {
        file: String(file ?? ''),
        texts: (Array.isArray(texts) ? texts : []).slice(0, 500).map((t) => ({
          field: String(record(t).field ?? ''),
          source: String(record(t).source ?? ''),
        })),
      };
      const edited = await editInputs(edits, changes);
      json(res, await thread.run({ kind: 'templates', paths: projectPaths, edits: edited.inputs, ask }, edited.texts));
    },
    'POST /api/save': async ({ res, body }) => {
      const { file, value, changes, version, edits, others: otherChanges } = record(body);
      const abs = await files.allowed(file);
      if (!abs) return json(res, { error: say('notDataFile', { file: String(file) }) }, 400);
      // The page's value of the file, or (as the page sends it) the fields it changed since its version.
      const problem = changes === undefined ? undefined : changesProblem(changes);
      if (problem !== undefined) return json(res, { error: `${String(file)}: ${problem}` }, 400);
      const page = changes === undefined ? { value } : { changes: changes as PageChange[] };
      const without = (named: unknown) =>
        Object.fromEntries(Object.entries(record(named)).filter(([rel]) => rel !== file));
      const others = { edits: without(edits), changes: without(otherChanges) };
      const outcome = await files.exclusive(abs, () => saveOne(abs, page, String(version ?? ''), others));
      if (outcome.saved) broadcast('saved', { file, version: outcome.version });
      sendJson(res, outcome);
    },
    'GET /api/events': async ({ req, res }) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
    },
    'POST /api/action': async ({ res, body }) => {
      const request = record(body) as unknown as ActionRequest;
      const known = (await files.load())
        .filter((f) => f.kind === 'deck')
        .map((f) => String(record(plainOf(f.value)).id ?? ''));
      const args = cliArgs(request, known, messages);
      if (typeof args === 'string') return json(res, { code: 1, output: [args], refusal: args });
      if (busy) return json(res, { code: 1, output: [], refusal: say('busy') });
      busy = true;
      broadcast('job', { state: 'start', action: request.action, deck: request.deck ?? null });
      try {
        const result = await runCli(args, {
          entry: options.cliEntry ?? process.argv[1] ?? '',
          execArgv: options.execArgv ?? process.execArgv,
          globalArgs: options.globalArgs ?? ['--root', files.paths.root],
          cwd: files.paths.root,
          onLine: (line) => broadcast('job', { state: 'line', line }),
          messages,
        });
        broadcast('job', { state: 'end', code: result.code });
        json(res, result);
      } finally {
        busy = false;
      }
    },
    'POST /api/absorb': async ({ res, body }) =>
      json(res, await absorbDropped({ ...projectPaths, outDir: files.paths.outDir }, record(body), messages)),
    'GET /api/versions': async ({ res }) => {
      const manifest = await readManifest(files.paths.outDir, files.paths.root);
      const entries = listEntries(manifest).map((e) => {
        const pdf = e.file.replace(/\.pptx$/, '.pdf');
        return {
          ...e,
          exists: existsSync(path.join(files.paths.outDir, e.file)),
          pdf: existsSync(path.join(files.paths.outDir, pdf)) ? pdf : null,
        };
      });
      json(res, { entries, drafts: await draftFiles(files.paths.outDir) });
    },
    'GET /api/download': async ({ res, url }) => {
      const wanted = url.searchParams.get('file') ?? '';
      const manifest = await readManifest(files.paths.outDir, files.paths.root);
      // Only files the manifest records (and the PDF beside each), never a path from the browser as such.
      const known = [
        ...Object.values(manifest.entries).flatMap((e) => [e.file, e.file.replace(/\.pptx$/, '.pdf')]),
        ...(await draftFiles(files.paths.outDir)),
      ];
      if (!known.includes(wanted)) return notFound(res);
      // The CLI's confinement and reader: no link out of output/, only ordinary files, no FIFO to hang on.
      const confined = confinePath(files.paths.outDir, wanted);
      if (!confined.ok) return notFound(res);
      const read = await readInputFile(confined.path, wanted, DOWNLOAD_LIMIT);
      if (!read.ok) return notFound(res);
      const bytes = read.value;
      const type = wanted.endsWith('.pdf')
        ? 'application/pdf'
        : wanted.endsWith('.eml')
          ? 'message/rfc822'
          : 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
      send(res, 200, type, bytes, {
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(path.basename(wanted))}`,
      });
    },
  };

  return {
    routes,
    watch: () => files.watch((file) => broadcast('changed', { file })),
    closeEvents: () => {
      for (const res of listeners) res.end();
      listeners.clear();
    },
    stopThread: async () => {
      await Promise.all([thread.close(), checks.close()]);
    },
  };
}
