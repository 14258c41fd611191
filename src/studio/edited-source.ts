/**
 * An edited data file as the live stages read it, without parsing the file again per
 * keystroke. The page sends the whole value of each file it edits, against the file's saved
 * text. The saved text is parsed and validated once (kept by its sha256). Typing changes
 * field texts only, so the edited text is the saved text with those scalars written in place
 * (the very splices yaml-edit.ts writes), its value the kept value with those fields set, and
 * a place in it the kept parse's place moved by the splices before it. Only the new value is
 * validated (zod: tens of ms for 2 MB, where parsing takes seconds).
 *
 * Anything else — a row added or removed, a line break typed, a file with aliases, a value
 * the schema refuses — goes the way a build goes: the edited text parsed and validated, so
 * every message is the CLI's own, at the same line and column.
 */
import { LineCounter, visit } from 'yaml';
import type { z } from 'zod';
import { BoundedCache } from '../bounded-cache.js';
import { ok, type Result } from '../errors.js';
import { parseYaml, type YamlSource } from '../data/load-yaml.js';
import { offsetIn } from '../data/locate.js';
import { changesBetween, type Change } from '../data/value-merge.js';
import { xmlTextProblem } from '../data/xml-text.js';
import { validateYaml, type Validated } from '../data/yaml-cache.js';
import { editYamlText } from '../data/yaml-edit.js';
import { applySplices, keepParse, scalarSplices, type Splice } from '../data/yaml-splice.js';
import { sha256Hex } from '../sha256.js';

/** A saved text's parse, kept for the edits made against it. */
interface Kept {
  parsed: Result<YamlSource>;
  plain: unknown;
  /** A file with `*alias` nodes repeats a value elsewhere: a splice would not change the copies. */
  aliases: boolean;
  validated: Map<z.ZodType, Result<Validated<unknown>>>;
}

/** Saved texts kept, by the weight of their text (a parse weighs some 40 times its text): a 2 MB strategy before and after a save. */
const KEPT_TEXT = 4 * 1024 * 1024;

export class EditedSources {
  readonly #kept = new BoundedCache<string, Kept>(KEPT_TEXT, (key) => Number(key.split('\0')[2]));
  /** Edits read from a kept parse and edits that were parsed again (tests, the bench). */
  readonly stats = { spliced: 0, parsed: 0 };

  /** The file `display` as edited: `saved` is its text on disk, `value` the page's value of it. */
  load<S extends z.ZodType>(display: string, saved: string, value: unknown, schema: S): Result<Validated<z.output<S>>> {
    const kept = this.#keptOf(display, saved);
    if (!kept.parsed.ok || kept.aliases) return this.#parsed(display, saved, value, schema);
    const source = kept.parsed.value;
    const base = this.#validated(kept, source, schema);
    if (!base.ok) return this.#parsed(display, saved, value, schema);
    const changes = changesBetween(kept.plain, value);
    if (changes.length === 0) return base as Result<Validated<z.output<S>>>;
    const splices = scalarSplices(source.doc, changes);
    const simple =
      splices !== undefined &&
      // A value that spanned lines would move every line after it.
      !splices.some((s) => saved.slice(s.at, s.end).includes('\n')) &&
      !changes.some((c) => typeof c.value === 'string' && xmlTextProblem(c.value) !== undefined);
    if (!simple) return this.#parsed(display, saved, value, schema);
    const spliced = splicedSource(source, splices, withChanges(kept.plain, changes));
    const validated = validateYaml(ok(spliced), schema);
    // A refused value: the messages come from a parse of the text, as a build gives them.
    if (!validated.ok) return this.#parsed(display, saved, value, schema);
    this.stats.spliced++;
    return validated;
  }

  #parsed<S extends z.ZodType>(display: string, saved: string, value: unknown, schema: S) {
    this.stats.parsed++;
    return validateYaml(parseYaml(display, editYamlText(saved, value)), schema);
  }

  /** `text` parsed as parseYaml does, kept: the saved files' cache parses through here too. */
  parse(display: string, text: string): Result<YamlSource> {
    return this.#keptOf(display, text).parsed;
  }

  /** The plain value of a file's text (what the page edits), from the kept parse; undefined when it does not parse. */
  plainOf(display: string, text: string): unknown {
    const kept = this.#keptOf(display, text);
    return kept.parsed.ok ? kept.plain : undefined;
  }

  #keptOf(display: string, text: string): Kept {
    const key = `${display}\0${sha256Hex(text)}\0${text.length}`;
    const hit = this.#kept.get(key);
    if (hit) return hit;
    const parsed = parseYaml(display, text);
    let aliases = false;
    const plain = parsed.ok ? parsed.value.doc.toJS({ maxAliasCount: 100 }) : undefined;
    // Writing an edit of this text (a save, an edit more than typing) starts from this parse too.
    if (parsed.ok) keepParse(text, parsed.value.doc, plain);
    if (parsed.ok)
      visit(parsed.value.doc, {
        Alias() {
          aliases = true;
          return visit.BREAK;
        },
      });
    const kept: Kept = {
      parsed,
      plain,
      aliases,
      validated: new Map(),
    };
    this.#kept.set(key, kept);
    return kept;
  }

  #validated(kept: Kept, source: YamlSource, schema: z.ZodType): Result<Validated<unknown>> {
    let result = kept.validated.get(schema);
    if (!result) kept.validated.set(schema, (result = validateYaml(ok(source), schema)));
    return result;
  }
}

/** `plain` with each change's field set, sharing every part the changes do not touch. */
function withChanges(plain: unknown, changes: readonly Change[]): unknown {
  let out = plain;
  for (const change of changes) out = setAt(out, change.path, change.value);
  return out;
}

function setAt(node: unknown, path: Change['path'], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  if (Array.isArray(node)) {
    const copy = [...node];
    copy[head as number] = setAt(node[head as number], rest, value);
    return copy;
  }
  const record = node as Record<string, unknown>;
  return { ...record, [head]: setAt(record[head], rest, value) };
}

/** An offset of the saved text → the same place in the spliced text. */
function moved(offset: number, splices: readonly Splice[]): number {
  let delta = 0;
  for (const s of splices) {
    if (offset < s.at) break;
    if (offset < s.end) return s.at + delta;
    delta += s.text.length - (s.end - s.at);
  }
  return offset + delta;
}

/**
 * The spliced text's source: its value and places from the kept parse. Its `doc` parses the
 * text on first use (for a stage that walks the nodes itself, e.g. a message's hint).
 */
function splicedSource(kept: YamlSource, splices: readonly Splice[], plain: unknown): YamlSource {
  const text = applySplices(kept.text, splices);
  let reparsed: YamlSource | undefined;
  const parse = (): YamlSource => {
    if (reparsed) return reparsed;
    const parsed = parseYaml(kept.file, text);
    if (!parsed.ok) throw new Error(`${kept.file}: a spliced edit no longer parses`);
    return (reparsed = parsed.value);
  };
  let lines: LineCounter | undefined;
  const lineCounter = (): LineCounter => {
    if (lines) return lines;
    lines = new LineCounter();
    for (const start of kept.lineCounter.lineStarts) lines.addNewLine(moved(start, splices));
    return lines;
  };
  return {
    file: kept.file,
    text,
    get doc() {
      return parse().doc;
    },
    get lineCounter() {
      return lineCounter();
    },
    spliced: {
      plain,
      textsSafe: true,
      locate: (path, at) => lineCounter().linePos(moved(offsetIn(kept, path, at), splices)),
    },
  };
}
