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
import { visit } from 'yaml';
import type { z } from 'zod';
import { BoundedCache } from '../bounded-cache.js';
import { ok, type Result } from '../errors.js';
import { parseYaml, type YamlSource } from '../data/load-yaml.js';
import { changesBetween, type Change } from '../data/value-merge.js';
import { xmlTextProblem } from '../data/xml-text.js';
import { validatedChanges } from '../data/validate-changes.js';
import { validateYaml, type Validated } from '../data/yaml-cache.js';
import { editYamlText } from '../data/yaml-edit.js';
import { keepParse, scalarSplices, type Splice } from '../data/yaml-splice.js';
import { mergeSplices, splicedSource, withChanges } from './spliced-source.js';
import { sha256Hex } from '../sha256.js';

/** A saved text's parse, kept for the edits made against it. */
interface Kept {
  parsed: Result<YamlSource>;
  plain: unknown;
  /** A file with `*alias` nodes repeats a value elsewhere: a splice would not change the copies. */
  aliases: boolean;
  validated: Map<z.ZodType, Result<Validated<unknown>>>;
  /**
   * The parsed text this one is spliced from (itself, with no splices, when it was parsed): an
   * edit's splices are found in the root's nodes, so a text written by a save needs no parse.
   */
  root?: { source: YamlSource; splices: Splice[] };
}

/** An edit written as splices of a kept text: its text, and what it would be kept as once saved. */
interface SplicedEdit {
  display: string;
  text: string;
  kept: Kept;
}

/** Saved texts kept, by the weight of their text (a parse weighs some 40 times its text): a 2 MB strategy before and after a save. */
const KEPT_TEXT = 4 * 1024 * 1024;

export class EditedSources {
  readonly #kept = new BoundedCache<string, Kept>(KEPT_TEXT, (key) => Number(key.split('\0')[2]));
  /** The last edit spliced: a save writes this very text, which is then kept without a parse. */
  #last: SplicedEdit | undefined;
  /** Edits read from a kept parse and edits that were parsed again (tests, the bench). */
  readonly stats = { spliced: 0, parsed: 0 };
  /** Whole texts parsed: kept ones (saved files) and spliced ones a stage walked the nodes of. */
  readonly parses = { kept: 0, lazy: 0 };
  /** Spliced edits validated against a schema (zod: ~100 ms for 2 MB); the same edit again is not. */
  validations = 0;
  /** Of those, the ones validated in their changed fields only (validate-changes.ts). */
  validatedInPart = 0;

  /** The file `display` as edited: `saved` is its text on disk, `value` the page's value of it. */
  load<S extends z.ZodType>(display: string, saved: string, value: unknown, schema: S): Result<Validated<z.output<S>>> {
    const kept = this.#keptOf(display, saved);
    if (!kept.parsed.ok || kept.aliases) return this.#parsed(display, saved, value, schema);
    const base = this.#validated(kept, kept.parsed.value, schema);
    if (!base.ok) return this.#parsed(display, saved, value, schema);
    const changes = changesBetween(kept.plain, value);
    if (changes.length === 0) return base as Result<Validated<z.output<S>>>;
    const edit = this.#spliced(display, kept, changes);
    if (!edit) return this.#parsed(display, saved, value, schema);
    const validated = edit.kept.validated.get(schema) ?? this.#validatedEdit(edit, schema, base.value.value, changes);
    // A refused value: the messages come from a parse of the text, as a build gives them.
    if (!validated.ok) return this.#parsed(display, saved, value, schema);
    this.#last = edit;
    this.stats.spliced++;
    return validated as Result<Validated<z.output<S>>>;
  }

  /** `saved` with `value` written in (a save), when that is a splice of its kept parse; else undefined. */
  written(display: string, saved: string, value: unknown): string | undefined {
    const kept = this.#keptOf(display, saved);
    if (!kept.parsed.ok || kept.aliases) return undefined;
    const changes = changesBetween(kept.plain, value);
    if (changes.length === 0) return saved;
    const edit = this.#spliced(display, kept, changes);
    if (edit) this.#last = edit;
    return edit?.text;
  }

  /**
   * The edit validated: only its changed fields where the schema allows (validate-changes.ts),
   * from `last`, the saved text's validated value; else, or when a changed field is refused, whole.
   */
  #validatedEdit(
    edit: SplicedEdit,
    schema: z.ZodType,
    last: unknown,
    changes: readonly Change[],
  ): Result<Validated<unknown>> {
    this.validations++;
    const parsed = edit.kept.parsed;
    const quick = parsed.ok ? validatedChanges(schema, last, edit.kept.plain, changes) : undefined;
    if (quick) this.validatedInPart++;
    const validated =
      quick && parsed.ok ? ok({ value: quick.value, source: parsed.value }) : validateYaml(parsed, schema);
    if (validated.ok) edit.kept.validated.set(schema, validated);
    return validated;
  }

  /**
   * The edit as splices of the root's scalars, or undefined when it is more than typing. The
   * last edit again (a save of what the page just rendered, its check like a build) is that
   * edit, with what was validated of it: a save then validates nothing again.
   */
  #spliced(display: string, kept: Kept, changes: readonly Change[]): SplicedEdit | undefined {
    const edit = this.#splicedAnew(display, kept, changes);
    const last = this.#last;
    return edit && last && sameSplices(last, edit) ? last : edit;
  }

  #splicedAnew(display: string, kept: Kept, changes: readonly Change[]): SplicedEdit | undefined {
    const root = kept.root;
    if (!root) return undefined;
    const splices = scalarSplices(root.source.doc, changes);
    const simple =
      splices !== undefined &&
      // A value that spanned lines would move every line after it.
      !splices.some((s) => root.source.text.slice(s.at, s.end).includes('\n')) &&
      !changes.some((c) => typeof c.value === 'string' && xmlTextProblem(c.value) !== undefined);
    if (!simple) return undefined;
    const all = mergeSplices(root.splices, splices);
    const plain = withChanges(kept.plain, changes);
    const source = splicedSource(root.source, all, plain, (text) => this.#reparsed(display, text));
    const next: Kept = {
      parsed: ok(source),
      plain,
      aliases: false,
      validated: new Map(),
      root: { source: root.source, splices: all },
    };
    return { display, text: source.text, kept: next };
  }

  #reparsed(display: string, text: string): YamlSource {
    this.parses.lazy++;
    const parsed = parseYaml(display, text);
    if (!parsed.ok) throw new Error(`${display}: a spliced edit no longer parses`);
    return parsed.value;
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

  /** The last texts hashed: each keystroke names its file's saved text two or three times (2 MB: ~5 ms a hash). */
  readonly #hashes: Array<{ text: string; hash: string }> = [];

  #hashOf(text: string): string {
    const known = this.#hashes.find((h) => h.text === text);
    if (known) return known.hash;
    const hash = sha256Hex(text);
    this.#hashes.unshift({ text, hash });
    this.#hashes.length = Math.min(this.#hashes.length, 2);
    return hash;
  }

  #keptOf(display: string, text: string): Kept {
    const key = `${display}\0${this.#hashOf(text)}\0${text.length}`;
    const hit = this.#kept.get(key);
    if (hit) return hit;
    // The text a save just wrote from the last edit: kept as that edit, not parsed.
    const last = this.#last;
    if (last?.display === display && last.text === text) {
      this.#kept.set(key, last.kept);
      return last.kept;
    }
    this.parses.kept++;
    const parsed = parseYaml(display, text);
    let aliases = false;
    const plain = parsed.ok ? parsed.value.doc.toJS({ maxAliasCount: 100 }) : undefined;
    // Writing an edit of this text (a save, an edit more than typing) starts from this parse too.
    if (parsed.ok) keepParse(text, parsed.value.doc, plain);
    // An alias needs an anchor (`&name`); without any `&` in the text no walk of 2 MB of nodes (~130 ms).
    if (parsed.ok && text.includes('&'))
      visit(parsed.value.doc, {
        Alias() {
          aliases = true;
          return visit.BREAK;
        },
      });
    const root = parsed.ok ? { source: parsed.value, splices: [] } : undefined;
    const kept: Kept = { parsed, plain, aliases, validated: new Map(), ...(root ? { root } : {}) };
    this.#kept.set(key, kept);
    return kept;
  }

  #validated(kept: Kept, source: YamlSource, schema: z.ZodType): Result<Validated<unknown>> {
    let result = kept.validated.get(schema);
    if (!result) kept.validated.set(schema, (result = validateYaml(ok(source), schema)));
    return result;
  }
}

/**
 * Whether two edits are the same splices of the same parsed text, hence the same text. Not by
 * comparing the texts: a spliced text is a rope, and comparing two of equal length (typing over a
 * letter, or the bench's Benk0x … Benk9x) flattens both. Each flat copy of a 2 MB strategy with
 * one character beyond Latin-1 is 3.8 MB in V8's large-object space; kept as the last edit, it
 * outlived a scavenge and stayed until a full collection: RSS rose by 8 MB every two keystrokes.
 */
function sameSplices(a: SplicedEdit, b: SplicedEdit): boolean {
  const [x, y] = [a.kept.root, b.kept.root];
  if (a.display !== b.display || !x || !y || x.source !== y.source || x.splices.length !== y.splices.length)
    return false;
  return x.splices.every(
    (s, i) => s.at === y.splices[i]!.at && s.end === y.splices[i]!.end && s.text === y.splices[i]!.text,
  );
}
