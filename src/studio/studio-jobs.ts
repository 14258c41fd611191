/**
 * The studio's heavy work, as plain data in and out: reading a data file's value, the live
 * slides, the live check and the preparation of a save. It runs in the studio's worker thread
 * (studio-worker.ts), so a 2 MB strategy being parsed, laid out or merged never holds up the
 * request loop: the page's script, another page's event stream or a download keep answering.
 * Caches (parses by text, validated saved files) live here, in the worker, one per studio.
 */
import path from 'node:path';
import { parsedOf } from '../data/yaml-splice.js';
import type { ProjectPaths } from '../data/load-project.js';
import type { Lang } from '../messages/catalogue.js';
import { translateIssues } from '../messages/issue-text.js';
import { fieldPath } from './client/paths.js';
import { checkLive } from './live-check.js';
import { type Edited, liveContext, pageValue, renderLive } from './live-render.js';
import type { PageChange } from './client/page-changes.js';
import { ok, type Result } from '../errors.js';
import { plainText } from './plain-text.js';
import { jsonParts, RawJson } from './raw-json.js';
import { changesBetween } from '../data/value-merge.js';
import { planSave, plainValue } from './save-merge.js';
import { editYamlText } from '../data/yaml-edit.js';
import { previewTemplates, type TemplateAsk } from './template-preview.js';
import { HeapBound } from './heap-release.js';
import { forgetParagraphMeasures } from '../layout/measure-text.js';
import { sha256Hex } from '../sha256.js';
import { HeldTexts, type Texts, type Version } from './job-texts.js';

/**
 * An edited file: the version of its saved text and the page's value of it, or the fields the
 * page changed since the version it loaded (`base`: that version, when someone saved meanwhile).
 * Texts are named by version: the job brings those the worker does not hold (job-texts.ts).
 */
export type EditInput =
  | { abs: string; saved: Version; value: unknown }
  | { abs: string; saved: Version; base?: Version; changes: PageChange[] };

export type Job =
  /** A data file's plain value, answered as JSON text (raw-json.ts). */
  | { kind: 'value'; version: Version; file: string }
  | { kind: 'text'; file: string; bytes: Uint8Array }
  | {
      kind: 'render';
      paths: ProjectPaths;
      edits: EditInput[];
      decks?: string[];
      /** Hashes of the slides the page holds: their SVG is not sent again. @default none */
      have?: string[];
    }
  | { kind: 'check'; paths: ProjectPaths; edits: EditInput[] }
  | { kind: 'templates'; paths: ProjectPaths; edits: EditInput[]; ask: TemplateAsk }
  | {
      kind: 'save';
      paths: ProjectPaths;
      abs: string;
      /** The version of the file's text now, and the version the page loaded. */
      currentVersion: Version;
      version: Version;
      /** Whether the text of `version` is known (the job brings it, or the worker holds it); else it is forgotten. */
      knownBase: boolean;
      /** The page's value, or the fields it changed since `version` (applied to `base`). */
      value?: unknown;
      changes?: PageChange[];
      others: EditInput[];
    };

/** What a save may write, or why not. */
export type PreparedSave =
  /** `same`: the written text reads back as the page's value, so the page keeps its form (and is not sent `value`). */
  | {
      kind: 'write';
      text: string;
      /** The text's version: the worker holds it, so the edits after the save need not bring it. */
      version: Version;
      merged: boolean;
      /**
       * The file's value as written, as JSON text (raw-json.ts), only when it is not the page's own:
       * copied to the request thread as objects, a 2 MB value took that thread's loop for the copy.
       */
      value?: string;
      same: boolean;
    }
  | { kind: 'unknown-version' }
  | { kind: 'conflict'; conflicts: unknown[]; current: { version: string; value: unknown } }
  | { kind: 'issues'; issues: unknown[] };

/**
 * This studio's caches, kept between jobs (the worker is the studio's own): saved files parsed
 * only when they change, edited files read from their saved parse, slides laid out only when
 * their inputs change.
 */
// A long job (the first render of a large deck) is collected as it goes, so its heap stays near what it holds.
const bound = new HeapBound();
const context = liveContext(() => {
  // A slide's measures (the lines of every size its text was tried at) serve its own layout only:
  // kept for the whole first render of a 2 MB strategy they were ~35 MB of its live heap.
  forgetParagraphMeasures();
  bound.step();
});
const held = new HeldTexts();

/** Whether the last job laid out or drew many slides (the first render of a large deck): a burst to give back. */
export const wasLongJob = (): boolean => bound.long;

/** Texts sent with a job, kept as they arrive: a job queued behind it may name them only. */
export const keepTexts = (texts: Iterable<readonly [Version, string]>): void => held.keep(texts);

/** Versions of the texts the worker made since the last call (a large file's text, a save's): it holds them. */
export const madeTexts = (): Version[] => held.made();

/** A text a job names: as it came with the job, or held from an earlier one (MissingText: neither). */
type TextOf = (version: Version) => string;

function edited(edits: readonly EditInput[], textOf: TextOf): Map<string, Edited> {
  return new Map(
    edits.map((e): [string, Edited] => [
      e.abs,
      'changes' in e
        ? { saved: textOf(e.saved), base: e.base === undefined ? undefined : textOf(e.base), changes: e.changes }
        : { saved: textOf(e.saved), value: e.value },
    ]),
  );
}

async function render(job: Extract<Job, { kind: 'render' }>, lang: Lang, textOf: TextOf): Promise<RenderAnswer> {
  // A slide the page holds is named by its hash only: typing in a 520-slide deck sends one SVG, not 520.
  const have = new Set(job.have);
  const wanted = (hash: string) => !have.has(hash);
  const bytes = new AnswerBytes();
  const writeSvg = (svg: string) => bytes.write(JSON.stringify(svg));
  const result = await renderLive(job.paths, edited(job.edits, textOf), context, {
    decks: job.decks,
    wanted,
    writeSvg,
  });
  const parts = jsonParts({
    ...result,
    issues: translateIssues(result.issues, lang),
    decks: result.decks.map((d) => ({
      ...d,
      issues: translateIssues(d.issues, lang),
      // Each SVG's JSON as written when it was drawn: a part of the answer as it is.
      slides: d.slides.map(({ json, ...slide }) => (json === undefined ? slide : { ...slide, svg: new RawJson(json) })),
    })),
  });
  return new RenderAnswer(
    parts.map((part) => (typeof part === 'string' ? bytes.write(part) : part)),
    bytes.slabs.map((slab) => slab.buffer as ArrayBuffer),
  );
}

/**
 * A render's answer: its JSON in parts, each a view of the slabs it was written to, in order.
 * The slabs are moved to the request thread, which writes the parts one after another and then
 * gives the slabs back (studio-api.ts sendOnce).
 */
export class RenderAnswer {
  constructor(
    readonly parts: Buffer[],
    readonly slabs: ArrayBuffer[],
  ) {}
}

/**
 * Slab size, bytes: 32 MB, glibc's largest threshold for mapping an allocation on its own, so a
 * slab is always mapped by itself (only the pages written become resident) and unmapped whole
 * once sent. In the heap of the thread's malloc arena, 10 MB of SVG in parts stayed resident
 * after they were freed, under every later edit and save.
 */
const SLAB = 32 * 1024 * 1024;

/**
 * A render's answer written as it is made: each slide's SVG as JSON as soon as it is drawn, then
 * the answer's own JSON around them. The first render of a 520-slide deck (10 MB of SVG) never
 * stands as SVG strings (18 MB of heap, two bytes a character where a dash or a bullet stands),
 * nor as one JSON string, nor as parts beside a copy they were joined into, at the studio's peak
 * of memory.
 */
class AnswerBytes {
  readonly slabs: Buffer[] = [];
  #at = 0;

  /** `text`'s UTF-8 bytes, written after what was written before. */
  write(text: string): Buffer {
    const length = Buffer.byteLength(text);
    let slab = this.slabs.at(-1);
    if (!slab || this.#at + length > slab.length) {
      // Bytes of their own (not of Node's pool): moved to the request thread, not copied.
      slab = Buffer.allocUnsafeSlow(Math.max(SLAB, length));
      this.slabs.push(slab);
      this.#at = 0;
    }
    const start = this.#at;
    this.#at += slab.write(text, start);
    return slab.subarray(start, this.#at);
  }
}

/** The value a save writes: the page's, or its changes applied to the version it loaded; undefined when that version is forgotten. */
function savedValue(job: Extract<Job, { kind: 'save' }>, base: string | undefined): Result<unknown> | undefined {
  if (!job.changes) return ok(job.value);
  if (base === undefined) return undefined;
  const display = path.relative(path.resolve(job.paths.root), job.abs);
  return pageValue(context.sources, display, { saved: base, changes: job.changes });
}

async function check(job: Extract<Job, { kind: 'check' }>, lang: Lang, textOf: TextOf) {
  const result = await checkLive(job.paths, edited(job.edits, textOf), context);
  return {
    issues: translateIssues(result.issues, lang),
    decks: result.decks.map((d) => ({ ...d, findings: translateIssues(d.findings, lang) })),
  };
}

/** Merged with what changed since the page's version, then checked like a build: nothing is written here. */
async function save(job: Extract<Job, { kind: 'save' }>, lang: Lang, textOf: TextOf): Promise<PreparedSave> {
  const current = textOf(job.currentVersion);
  const base = job.knownBase ? textOf(job.version) : undefined;
  const value = savedValue(job, base);
  if (value === undefined) return { kind: 'unknown-version' };
  if (!value.ok) return { kind: 'issues', issues: translateIssues(value.issues, lang) };
  const display = path.relative(path.resolve(job.paths.root), job.abs);
  // Typing written as splices of the kept parse: the saved text is then kept without parsing it again.
  const write = (text: string, next: unknown) =>
    context.sources.written(display, text, next) ?? editYamlText(text, next);
  const { currentVersion, version } = job;
  const baseOf = (v: string) => (v === version ? base : undefined);
  const plan = planSave({ current, currentVersion, version, value: value.value, textOf: baseOf, write });
  if (plan.kind === 'unknown-version') return plan;
  if (plan.kind === 'conflict')
    return { ...plan, conflicts: plan.conflicts.map((c) => ({ ...c, field: fieldPath(c.path) })) };
  const files = new Map<string, Edited>(edited(job.others, textOf));
  // Unmerged, the text is the page's value written into the current text: checked as an edit of it (no parse).
  files.set(job.abs, plan.merged ? { text: plan.text } : { saved: current, value: value.value });
  // Only its messages count: no slide's SVG is unpacked for it.
  const result = await renderLive(job.paths, files, context, { wanted: () => false });
  const issues = [...result.issues, ...result.decks.flatMap((d) => d.issues)];
  // Nothing is saved while any message stands: the CLI would refuse to build it.
  if (issues.length > 0) return { kind: 'issues', issues: translateIssues(issues, lang) };
  // Parsed and kept here: the next keystroke's edit starts from the saved text.
  const saved = context.sources.plainOf(display, plan.text) ?? plainValue(plan.text);
  const same = !plan.merged && changesBetween(saved, value.value).length === 0;
  const written = sha256Hex(plan.text);
  held.add(written, plan.text);
  return {
    kind: 'write',
    text: plan.text,
    version: written,
    merged: plan.merged,
    same,
    ...(same ? {} : { value: JSON.stringify(saved) }),
  };
}

/**
 * Runs one job; its messages in `lang`, the language of the Studio that asked. `texts`: those
 * the job came with (job-texts.ts); the others it names the worker holds.
 */
export async function runJob(job: Job, lang: Lang, texts: Texts = new Map()): Promise<unknown> {
  bound.start();
  try {
    return await run(job, lang, (version: Version) => texts.get(version) ?? held.text(version));
  } finally {
    // What a job measured stays with the slides it laid out, as garbage once they are kept (measure-text.ts).
    forgetParagraphMeasures();
  }
}

async function run(job: Job, lang: Lang, textOf: TextOf): Promise<unknown> {
  switch (job.kind) {
    case 'text': {
      const read = plainText(job.file, job.bytes);
      // Held here: the file's value and its edits name it by version only.
      if (read.ok) held.add(read.value.version, read.value.text);
      return read;
    }
    case 'value': {
      const text = textOf(job.version);
      // The parse is kept for the renders and edits that follow (edited-source.ts): one parse of a large
      // file. Answered as JSON text: the request thread holds and sends it as it is (raw-json.ts).
      // The text itself as JSON too: escaping 2 MB for /api/project would otherwise hold the request loop.
      return [
        JSON.stringify(context.sources.plainOf(job.file, text) ?? parsedOf(text)?.value ?? null),
        JSON.stringify(text),
      ];
    }
    case 'render':
      // As JSON bytes: the first render of a 520-slide deck is 10 MB of SVG, which the request
      // thread would otherwise take apart and stringify again while others wait.
      return render(job, lang, textOf);
    case 'check':
      return check(job, lang, textOf);
    case 'templates':
      return (await previewTemplates(job.paths, edited(job.edits, textOf), context, job.ask)) ?? null;
    case 'save':
      return save(job, lang, textOf);
  }
}
