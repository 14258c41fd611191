/**
 * A YAML file's value kept on disk by its text (`<project>/.cache/yaml`), so the next build of an
 * unchanged file takes its value without parsing it: yaml's parse of a 1,000-row strategy (355 KB)
 * costs 0.3–0.9 s of CPU in a fresh process, reading the kept JSON ~2 ms. Small files too: in a
 * fresh process the parser's code is cold, and parsing the bundled project's eight files (23 KB)
 * was ~40 ms of a cold `build --all`'s ~800 ms of CPU (Node 24); with every file kept the parser
 * never runs on a good project. Only a file that parsed without a problem is kept, and only when
 * its value comes back from JSON exactly (no `.inf`, `.nan`, `-0`). The source taken from the
 * store parses its text on first use of `doc` or `lineCounter` (a problem to locate), which a good
 * file's load never needs. Best effort like the image caches: a folder that cannot be read or
 * written only means parsing.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { ok, type Result } from '../errors.js';
import { LineCounter } from 'yaml';
import { parseYaml, peekPlain, readYamlText, type YamlSource } from './load-yaml.js';
import { locateKept, positionsOf, type Positions } from './kept-positions.js';
import { type KeptParse, reparseEdit } from './reparse-edit.js';
import { xmlTextProblem } from './xml-text.js';
import { readProven, writeProven } from '../io/proven-store.js';
import { holdYoungGeneration } from '../heap-growth.js';
import { debugLog } from '../debug-log.js';

const log = debugLog('load');

/**
 * What a kept value depends on besides the text: this store's format and the yaml library's
 * version (test/parsed-yaml-store.test.ts fails when the installed one differs), with the
 * options `parseYaml` passes it.
 */
export const STORE_FORMAT = 'trappa-yaml-3 yaml-2.9.1';
type Parse = (text: string) => YamlSource | undefined;

/** `loadYamlFile`, with a large file's value taken from, or kept in, `dir`. */
export async function loadKeptYaml(absPath: string, display: string, dir: string): Promise<Result<YamlSource>> {
  const text = await readYamlText(absPath, display);
  if (!text.ok) return text;
  const parse: Parse = (again) => {
    const parsed = parseYamlCapped(display, again);
    return parsed.ok ? parsed.value : undefined;
  };
  const kept =
    (await keptSource(dir, display, text.value, parse)) ?? (await editedSource(dir, display, text.value, parse));
  if (kept) return ok(kept);
  const parsed = parseYamlCapped(display, text.value);
  const plain = parsed.ok ? peekPlain(parsed.value) : undefined;
  const keeping = parsed.ok && plain !== undefined ? keepable(parsed.value, plain) : undefined;
  if (!keeping) return parsed;
  await keepSource(dir, display, text.value, keeping);
  // The build goes on with the source the next build will read from the store, not with the parse:
  // yaml's Document of a 1,000-row strategy (~20 MB) was held to the end of a project's first build,
  // and only there (issue #27: the first build's peak RSS). It parses again only to locate a problem.
  return ok(sourceOf(display, text.value, keeping.json, plain, keeping.kept, parse));
}

/**
 * Characters of YAML from which a parse first stops the young generation's growth (heap-growth.ts):
 * yaml's Document and the value are ~50–80 times the text (a 1,000-row strategy, 355 KB: 18–28 MB),
 * so from ~100 KB one parse can double an 8 MB new space before the build's next check. The
 * bundled strategy (20 KB) stays below, and its builds keep the 16 MB cap.
 */
const LARGE_TEXT = 64 * 1024;

/**
 * `parseYaml`, with the young generation's growth stopped first when the text is large. An edit
 * of a kept file parses only its entry (editedSource): a chunk of a few hundred characters, and
 * the build after it keeps the 16 MB cap (round 18, 1,000 rows after an edit: see the note).
 */
function parseYamlCapped(display: string, text: string): Result<YamlSource> {
  if (text.length >= LARGE_TEXT) holdYoungGeneration();
  return parseYaml(display, text);
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * `<file>.<text>.json`: the file's path names the entry's family, so keeping a new text of a file
 * removes the one kept before (each edit of a large strategy would otherwise leave ~2 × its size).
 */
const familyOf = (file: string): string => `${sha256(file).slice(0, 16)}.`;
const nameOf = (file: string, text: string): string => `${familyOf(file)}${sha256(`${STORE_FORMAT}\0${text}`)}.json`;

/**
 * A kept file holds three lines: the value as JSON (what the input hash reads), then where every
 * node and key starts and where each line starts, for `locateIn` without a parse (the source
 * tags on every slide name the line of their field), then the text as JSON: what an edit of the
 * file is compared with, to parse only the entry it changed (reparse-edit.ts).
 */
interface Kept {
  lineStarts: number[];
  positions: Positions;
}

/** A kept parse is a few times its YAML (inputs are at most a few MB): a larger file is not one Trappa wrote. */
const MAX_KEPT_BYTES = 256 * 1024 * 1024;

/**
 * The kept files are proven this user's Trappa's (io/proven-store.ts, under the user's key), like
 * every store whose content goes into decks: a value kept under a text's hash is built as that
 * text's, so a project received with a `.cache/yaml` file planted beside its strategy (a value
 * that is not its text's) would have built decks from words nobody sees in the YAML. The value
 * depends on the yaml library, not on Trappa's build, so the store's format stands where the
 * other stores name the build: an upgrade of Trappa keeps the parses.
 */
const PROVEN_FORMAT = 'trappa-yaml-store';
const readKept = (file: string): Buffer | undefined => readProven(file, PROVEN_FORMAT, STORE_FORMAT, MAX_KEPT_BYTES);

/** The kept value of `text` as a source, or undefined when none is kept (or it cannot be read). */
async function keptSource(dir: string, file: string, text: string, parse: Parse): Promise<YamlSource | undefined> {
  let plain: unknown;
  let json: string;
  let kept: Kept;
  try {
    // One synchronous read: through fs/promises each kept file was four trips through libuv's
    // pool (open, stat, read, close), ~1 ms of main-thread CPU per file in a fresh process.
    // A regular file within the limit only: `.cache` may hold a link to /dev/zero or a FIFO (io/read-bounded.ts).
    const bytes = readKept(path.join(dir, nameOf(file, text)));
    if (!bytes) return undefined;
    const stored = bytes.toString('utf8');
    const newline = stored.indexOf('\n');
    json = stored.slice(0, newline);
    plain = JSON.parse(json);
    // The text (the third line) is not read: it is the one the file's name is the hash of.
    kept = JSON.parse(stored.slice(newline + 1, stored.indexOf('\n', newline + 1))) as Kept;
  } catch {
    return undefined;
  }
  return textsSafe(plain) ? sourceOf(file, text, json, plain, kept, parse) : undefined;
}

interface Keepable {
  json: string;
  kept: Kept;
}

/** A good parse's value as JSON and its positions, as the store keeps them; undefined when it cannot be kept. */
function keepable(source: YamlSource, plain: unknown): Keepable | undefined {
  const json = JSON.stringify(plain);
  if (json === undefined || !isDeepStrictEqual(JSON.parse(json), plain) || !textsSafe(plain)) return undefined;
  const positions = positionsOf(source.doc);
  if (!positions) return undefined;
  return { json, kept: { lineStarts: source.lineCounter.lineStarts, positions } };
}

/** Keeps the value and positions of `display`'s `text` (`keepable`); never fails. */
async function keepSource(dir: string, display: string, text: string, { json, kept }: Keepable): Promise<void> {
  const name = nameOf(display, text);
  const file = path.join(dir, name);
  try {
    // Whole or not at all: a reader never sees half a value.
    if (
      !writeProven(
        file,
        PROVEN_FORMAT,
        STORE_FORMAT,
        Buffer.from(`${json}\n${JSON.stringify(kept)}\n${JSON.stringify(text)}`),
      )
    )
      return;
    const family = familyOf(display);
    const earlier = (await readdir(dir)).filter((n) => n.startsWith(family) && n.endsWith('.json') && n !== name);
    await Promise.all(earlier.map((n) => rm(path.join(dir, n), { force: true })));
  } catch {
    // Best effort: the next build parses again.
  }
}

/**
 * `text`'s value made from the kept parse of the file's earlier text, parsing only the entry the
 * edit changed (reparse-edit.ts), and kept; undefined when none is kept or the edit needs the
 * whole parse. Issue #27: after an edit of one sentence of a 1,000-row strategy (355 KB), yaml's
 * parse was 275–500 ms of CPU, and being large it held the young generation small for the rest of
 * the build (garbage collection 719 ms of 2,588); the chunk is a few hundred bytes.
 */
async function editedSource(dir: string, file: string, text: string, parse: Parse): Promise<YamlSource | undefined> {
  const earlier = readEarlier(dir, file, text);
  const edited = earlier && reparseSafely(earlier, text, (chunk) => parseYamlCapped(file, chunk));
  if (earlier && edited) log("%s: parsed the edit's %d of %d characters", file, edited.reparsed, text.length);
  else if (earlier) log('%s: parsing the edit whole', file);
  if (!edited || !textsSafe(edited.plain)) return undefined;
  const keeping = {
    json: JSON.stringify(edited.plain),
    kept: { lineStarts: edited.lineStarts, positions: edited.positions },
  };
  await keepSource(dir, file, text, keeping);
  return sourceOf(file, text, keeping.json, edited.plain, keeping.kept, parse);
}

/**
 * `reparseEdit`, or undefined when it throws: like every store here it only saves work, and the
 * whole parse it falls back to is what a build without `.cache` does, so a bug in the splicing
 * costs a parse, not the build (the differential test in test/reparse-edit.test.ts finds it).
 */
function reparseSafely(...args: Parameters<typeof reparseEdit>): ReturnType<typeof reparseEdit> {
  try {
    return reparseEdit(...args);
  } catch (cause) {
    log('splicing the edit failed, parsing it whole: %s', (cause as Error).message);
    return undefined;
  }
}

/** The kept parse of another text of `file` (keepSource leaves one), or undefined. */
function readEarlier(dir: string, file: string, text: string): KeptParse | undefined {
  try {
    const family = familyOf(file);
    const name = readdirSync(dir).find((n) => n.startsWith(family) && n.endsWith('.json') && n !== nameOf(file, text));
    const bytes = name && readKept(path.join(dir, name));
    if (!bytes) return undefined;
    const [json, kept, earlierText] = bytes.toString('utf8').split('\n');
    const old = {
      text: JSON.parse(earlierText ?? '') as unknown,
      plain: JSON.parse(json ?? '') as unknown,
      ...(JSON.parse(kept ?? '') as Kept),
    };
    // The name is the text's hash: a file whose text is not its name's is not one keepSource wrote.
    return typeof old.text === 'string' && nameOf(file, old.text) === name && textsSafe(old.plain)
      ? { ...old, text: old.text }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Every string (keys too) is text a slide can hold; otherwise the parse is needed to say where one is not. */
function textsSafe(value: unknown): boolean {
  if (typeof value === 'string') return xmlTextProblem(value) === undefined;
  if (Array.isArray(value)) return value.every(textsSafe);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).every(([key, v]) => xmlTextProblem(key) === undefined && textsSafe(v));
  return true;
}

function sourceOf(file: string, text: string, json: string, plain: unknown, kept: Kept, parse: Parse): YamlSource {
  let parsed: YamlSource | undefined;
  const reparsed = (): YamlSource => {
    parsed ??= parse(text);
    if (!parsed) throw new Error(`${file}: a kept parse no longer parses`);
    return parsed;
  };
  let lines: LineCounter | undefined;
  const lineCounter = (): LineCounter => {
    if (lines) return lines;
    lines = new LineCounter();
    for (const start of kept.lineStarts) lines.addNewLine(start);
    return lines;
  };
  return {
    file,
    text,
    get doc() {
      return reparsed().doc;
    },
    get lineCounter() {
      return lineCounter();
    },
    spliced: {
      plain,
      json,
      textsSafe: true,
      locate: (at, where) => lineCounter().linePos(locateKept(kept.positions, at, where)),
    },
  };
}
