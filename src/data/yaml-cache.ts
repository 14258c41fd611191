/**
 * Parsed and validated YAML files kept between loads in one process (watch mode), so a
 * rebuild parses and validates only the files that changed. Each file is still read on
 * every load and its bytes compared with the cached copy: for files of a few KB that is far
 * cheaper than parsing, and unlike (mtime, size) it cannot miss an edit that keeps the
 * length within the file system's mtime granularity (1 s on some), or be fooled by a
 * restored mtime (git checkout, rsync -t).
 */
import { readInputFileSync } from '../io/read-input.js';
import type { z } from 'zod';
import { fail, ok, type Result } from '../errors.js';
import { decodeUtf8 } from './decode-utf8.js';
import { parseYaml, type YamlSource } from './load-yaml.js';
import { validateSource } from './validate.js';
import { withXmlLineBreaks, xmlTextIssues } from './xml-text.js';

/** A file's validated value, with its parsed source for locating later issues. */
export interface Validated<T> {
  value: T;
  source: YamlSource;
}

interface Entry {
  display: string;
  schema: z.ZodType;
  bytes: Buffer;
  result: Result<Validated<unknown>>;
}

/** Parse + validate + text a slide can hold (xml-text.ts), the same for a cached and an uncached load. */
export function validateYaml<S extends z.ZodType>(
  loaded: Result<YamlSource>,
  schema: S,
): Result<Validated<z.output<S>>> {
  if (!loaded.ok) return loaded;
  const validated = validateSource(loaded.value, schema);
  const unsafe = xmlTextIssues(loaded.value);
  if (!validated.ok || unsafe.length > 0) return fail([...(validated.ok ? [] : validated.issues), ...unsafe]);
  return ok({ value: withXmlLineBreaks(validated.value), source: loaded.value });
}

/**
 * One per watch session, passed to `loadProject(paths, { cache })`. Failures are cached
 * too (an unchanged broken file reports the same located issues); a file that cannot be
 * read is dropped; files no longer read (a deleted deck) stay, at a few KB each. Cached
 * values are shared between loads, so nothing may mutate them.
 */
export class YamlCache {
  readonly #entries = new Map<string, Entry>();
  readonly #parse: (display: string, text: string) => Result<YamlSource>;

  /** @param parse how a changed file's text is parsed (the Studio shares its parses with its edits); parseYaml by default */
  constructor(parse: (display: string, text: string) => Result<YamlSource> = parseYaml) {
    this.#parse = parse;
  }

  /** Files parsed and files served from the cache since the cache was made (tests, benchmark). */
  readonly stats = { parsed: 0, reused: 0 };

  async load<S extends z.ZodType>(
    absPath: string,
    display: string,
    schema: S,
  ): Promise<Result<Validated<z.output<S>>>> {
    const read = readInputFileSync(absPath, display);
    if (!read.ok) {
      this.#entries.delete(absPath);
      return read;
    }
    const bytes = read.value;
    const hit = this.#entries.get(absPath);
    if (hit && hit.schema === schema && hit.display === display && hit.bytes.equals(bytes)) {
      this.stats.reused++;
      return hit.result as Result<Validated<z.output<S>>>;
    }
    this.stats.parsed++;
    // As loadYamlFile does, from the bytes compared above rather than a second read.
    const text = decodeUtf8(display, bytes);
    const result = validateYaml(text.ok ? this.#parse(display, text.value.replace(/^\uFEFF/, '')) : text, schema);
    this.#entries.set(absPath, { display, schema, bytes, result });
    return result;
  }
}
