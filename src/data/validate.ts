/**
 * Parsed YAML + zod schema → typed value, or every problem at once with
 * `file:line:col field: message` in plain words. Pure; schema-agnostic.
 *
 * Messages come from `plainMessage` (an error map passed to `safeParse`), so a
 * message written into the schema itself (`{ error: '…' }`) always wins. After
 * parsing, issues are placed in the file: unknown keys at the key, missing
 * fields at the map that lacks them, everything else at the value.
 */
import { distance } from 'fastest-levenshtein';
import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { z } from 'zod';
import { fail, type Issue, ok, type Result, type SourceLocation, sortIssues } from '../errors.js';
import type { YamlSource } from './load-yaml.js';
import { describeFound, quote } from './schema-helpers.js';

type Path = readonly PropertyKey[];

/** Checks a parsed file against a schema and returns the parsed value or all issues, sorted. */
export function validateSource<S extends z.ZodType>(source: YamlSource, schema: S): Result<z.output<S>> {
  let data: unknown;
  try {
    data = source.doc.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    return fail([{ file: source.file, line: 1, col: 1, message: `cannot read the file: ${(cause as Error).message}` }]);
  }
  const result = schema.safeParse(data, { error: plainMessage });
  if (result.success) return ok(result.data);
  const context: Context = { source, schema, data };
  const found = result.error.issues.flatMap((iss) => collectIssues(context, iss, []));
  // `aktivitett: …` gives "unknown field 'aktivitett'; did you mean 'aktivitet'?" and
  // "missing field 'aktivitet'": one mistake, so only the first is kept.
  const typos = new Set(found.flatMap((f) => (f.guess ? [`${f.issue.field}.${f.guess}`] : [])));
  const issues = found.filter((f) => !(f.missing && typos.has(`${f.issue.field}.${f.missing}`))).map((f) => f.issue);
  const seen = new Set<string>();
  return fail(
    sortIssues(issues).filter((issue) => {
      const key = `${issue.line}:${issue.col}:${issue.field}:${issue.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    }),
  );
}

/**
 * Where a value sits in a file, for checks that run after validation
 * (e.g. "deck refers to unknown slide id 'x'"). Falls back to the nearest
 * enclosing node when the path does not exist.
 * @param at `'key'` points at the key of the last path element instead of its value.
 */
export function locateIn(source: YamlSource, path: Path, at: 'value' | 'key' = 'value'): SourceLocation {
  const { node, key, complete } = findNode(source, path);
  // An empty value (`tid:`) has no text of its own; its key is what the user sees.
  const emptyValue = isScalar(node) && node.value === null && !node.source;
  const target = complete && key && (at === 'key' || emptyValue || !node) ? key : node;
  const offset = (target as Node | undefined)?.range?.[0] ?? 0;
  const field = formatPath(path);
  return { file: source.file, ...source.lineCounter.linePos(offset), ...(field ? { field } : {}) };
}

/** Formats a data path the way users see it: `actionPlan[3].tid`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[\p{L}\p{N}_-]+$/u.test(String(segment))) out += `${out ? '.' : ''}${String(segment)}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** The candidate closest to a misspelt word, if it is close enough to be a likely typo. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

interface Context {
  source: YamlSource;
  schema: z.ZodType;
  data: unknown;
}

/** An issue, plus what it takes to see that a missing field and an unknown key are one typo. */
interface Found {
  issue: Issue;
  /** Name of the missing field. */
  missing?: string;
  /** Field an unknown key was probably meant to be. */
  guess?: string;
}

/** Turns one zod issue into user issues: one per unknown key, the best branch of a union. */
function collectIssues(context: Context, iss: z.core.$ZodIssue, prefix: Path): Found[] {
  const path = [...prefix, ...iss.path];
  if (iss.code === 'unrecognized_keys') return iss.keys.map((key) => unknownKeyIssue(context, path, key));
  if (iss.code === 'invalid_union' && iss.errors.length > 0) {
    const branch = pickBranch(iss.errors);
    if (branch) return branch.flatMap((inner) => collectIssues(context, inner, path));
    return [issueAt(context, path, unionMessage(iss.errors, valueAt(context.data, path), path.at(-1)))];
  }
  return [issueAt(context, path, iss.message)];
}

function issueAt(context: Context, path: Path, message: string): Found {
  const parentPath = path.slice(0, -1);
  const parent = valueAt(context.data, parentPath);
  const last = path.at(-1);
  if (isRecord(parent) && typeof last === 'string' && !(last in parent)) {
    // A missing field: point at the map that should hold it.
    return { issue: { ...locateIn(context.source, parentPath), message }, missing: last };
  }
  return { issue: { ...locateIn(context.source, path), message } };
}

function unknownKeyIssue(context: Context, path: Path, key: string): Found {
  const object = valueAt(context.data, path);
  const present = isRecord(object) ? Object.keys(object) : [];
  const allowed = objectKeysAt(context.schema, path, context.data) ?? [];
  const guess = suggest(key, allowed.filter((k) => !present.includes(k)));
  let message = `unknown field '${key}'`;
  if (guess) message += `; did you mean '${guess}'?`;
  else if (allowed.length > 0 && allowed.length <= 8) message += `; allowed here: ${allowed.join(', ')}`;
  const location = locateIn(context.source, [...path, key], 'key');
  const field = formatPath(path);
  return { issue: { ...location, field: field || undefined, message }, ...(guess ? { guess } : {}) };
}

/** The union branch the user most likely meant: the right kind of value, fewest problems. */
function pickBranch(branches: z.core.$ZodIssue[][]): z.core.$ZodIssue[] | undefined {
  const fitting = branches.filter((issues) => !issues.some((i) => i.path.length === 0 && isKindIssue(i)));
  // An unknown key counts once per key, so `{ image, alte }` fits the image option better than the text one.
  const weight = (issues: z.core.$ZodIssue[]) =>
    issues.reduce((sum, i) => sum + (i.code === 'unrecognized_keys' ? i.keys.length : 1), 0);
  return fitting.sort((a, b) => weight(a) - weight(b))[0];
}

function isKindIssue(iss: z.core.$ZodIssue): boolean {
  return iss.code === 'invalid_type' || iss.code === 'invalid_value' || iss.code === 'invalid_union';
}

/** Every branch rejected the kind of value: list what would have been accepted. */
function unionMessage(branches: z.core.$ZodIssue[][], input: unknown, key: PropertyKey | undefined): string {
  const expected = new Set<string>();
  for (const iss of branches.flat()) {
    if (iss.path.length > 0) continue;
    if (iss.code === 'invalid_type') expected.add(kindName(iss.expected));
    if (iss.code === 'invalid_value') for (const v of iss.values) expected.add(`'${String(v)}'`);
  }
  const list = [...expected].join(' or ') || 'another kind of value';
  if (input === undefined) return typeof key === 'string' ? `missing field '${key}'` : 'missing value';
  if (input === null) return `is empty; expected ${list}`;
  return `expected ${list}, found ${typeof input === 'string' ? quote(input) : describeFound(input)}`;
}

const KIND_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'fields (key: value)',
  record: 'fields (key: value)',
  date: 'a date',
  null: 'nothing',
};

function kindName(expected: string): string {
  return KIND_NAMES[expected] ?? expected;
}

/** Error map for `safeParse`: plain, short English that says what is expected. */
function plainMessage(iss: z.core.$ZodRawIssue): string | undefined {
  const input = iss.input;
  const key = iss.path?.at(-1);
  const missing = typeof key === 'string' ? `missing field '${key}'` : 'missing value';
  switch (iss.code) {
    case 'invalid_type': {
      const expected = kindName(iss.expected);
      if (input === undefined) return missing;
      if (input === null) return `is empty; expected ${expected}`;
      if (iss.expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) {
        return `expected text, found ${describeFound(input)}; put the value in quotes to keep it as text`;
      }
      if (iss.expected === 'array' && typeof input !== 'object') {
        return `expected a list, found ${describeFound(input)}; write each item on its own line starting with '- '`;
      }
      return `expected ${expected}, found ${describeFound(input)}`;
    }
    case 'invalid_value':
      return choiceMessage(iss.values, input, missing);
    case 'invalid_union':
      if (iss.discriminator && Array.isArray(iss.options) && isRecord(input)) {
        const found = input[iss.discriminator];
        return choiceMessage(iss.options as unknown[], found, `missing field '${iss.discriminator}'`);
      }
      return 'does not match any of the allowed forms';
    case 'too_small':
      return sizeMessage('at least', iss.origin, Number(iss.minimum), iss.inclusive);
    case 'too_big':
      return sizeMessage('at most', iss.origin, Number(iss.maximum), iss.inclusive);
    case 'invalid_format':
      return formatMessage(iss.format, String(input), iss);
    case 'not_multiple_of':
      return `must be a multiple of ${iss.divisor}`;
    case 'unrecognized_keys':
      return `unknown field ${iss.keys.map((k) => `'${k}'`).join(', ')}`;
    case 'invalid_key':
      return 'has a key that is not allowed';
    case 'invalid_element':
      return 'has an item that is not allowed';
    case 'custom':
      return 'is not valid';
  }
  return undefined;
}

function choiceMessage(values: readonly unknown[], input: unknown, missing: string): string {
  const list = values.map(String);
  if (input === undefined) return `${missing}; expected one of: ${list.join(', ')}`;
  const expected = list.length === 1 ? `'${list[0]}'` : `one of: ${list.join(', ')}`;
  if (input === null) return `is empty; expected ${expected}`;
  const found = typeof input === 'string' ? quote(input) : describeFound(input);
  const guess = typeof input === 'string' ? suggest(input, list) : undefined;
  return `expected ${expected}; found ${found}${guess ? ` (did you mean '${guess}'?)` : ''}`;
}

function sizeMessage(bound: 'at least' | 'at most', origin: string, n: number, inclusive = true): string {
  if (origin === 'string') {
    if (bound === 'at least' && n <= 1) return 'must not be empty';
    return `must be ${bound} ${n} characters long`;
  }
  if (origin === 'array' || origin === 'set') {
    const items = `${n} item${n === 1 ? '' : 's'}`;
    return bound === 'at least' ? `needs at least ${items}` : `can have at most ${items}`;
  }
  if (!inclusive) return `must be ${bound === 'at least' ? 'more' : 'less'} than ${n}`;
  return `must be ${bound} ${n}`;
}

function formatMessage(format: string, input: string, iss: Record<string, unknown>): string {
  const found = quote(input);
  switch (format) {
    case 'email':
      return `expected an e-mail address, found ${found}`;
    case 'url':
      return `expected a web address like https://example.no, found ${found}`;
    case 'starts_with':
      return `must start with '${String(iss.prefix)}'`;
    case 'ends_with':
      return `must end with '${String(iss.suffix)}'`;
    case 'includes':
      return `must contain '${String(iss.includes)}'`;
    case 'regex':
      return `${found} is not in the expected form`;
  }
  return `expected ${format}, found ${found}`;
}

/** Walks the YAML nodes along a data path; stops at the deepest node that exists. */
function findNode(source: YamlSource, path: Path): { node: unknown; key: unknown; complete: boolean } {
  let node: unknown = source.doc.contents;
  let key: unknown;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(source.doc);
    let next: { node: unknown; key: unknown } | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      next = pair && { node: pair.value, key: pair.key };
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      next = { node: node.items[segment], key: undefined };
    }
    if (!next) return { node, key, complete: false };
    ({ node, key } = next);
  }
  return { node, key, complete: true };
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const segment of path) {
    if (!isRecord(value) && !Array.isArray(value)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Schema = z.core.$ZodType;

/** Field names the schema allows in the object at `path`, or `undefined` when that cannot be told. */
function objectKeysAt(root: Schema, path: Path, data: unknown): string[] | undefined {
  let value = data;
  let schema = unwrapSchema(root, value);
  for (const segment of path) {
    if (!schema) return undefined;
    value = valueAt(value, [segment]);
    const def = (schema as z.core.$ZodTypes)._zod.def;
    let next: Schema | undefined;
    if (def.type === 'object') next = def.shape[String(segment)] ?? def.catchall;
    else if (def.type === 'array') next = def.element;
    else if (def.type === 'record') next = def.valueType;
    else if (def.type === 'tuple') next = def.items[Number(segment)] ?? def.rest ?? undefined;
    schema = next && unwrapSchema(next, value);
  }
  const def = schema && (schema as z.core.$ZodTypes)._zod.def;
  if (def?.type === 'object') return Object.keys(def.shape);
  if (def?.type === 'intersection') {
    const sides = [objectKeysAt(def.left, [], value), objectKeysAt(def.right, [], value)];
    return sides.every((side) => side === undefined) ? undefined : sides.flatMap((side) => side ?? []);
  }
  return undefined;
}

/** Looks through wrappers (optional, default, pipe, lazy …) and picks the union option `value` is meant for. */
function unwrapSchema(schema: Schema, value: unknown): Schema | undefined {
  let current: Schema = schema;
  for (let depth = 0; depth < 100; depth++) {
    const def = (current as z.core.$ZodTypes)._zod.def;
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'nonoptional':
      case 'readonly':
      case 'catch':
      case 'success':
        current = def.innerType;
        break;
      case 'pipe':
        current = (def.in as z.core.$ZodTypes)._zod.def.type === 'transform' ? def.out : def.in;
        break;
      case 'lazy':
        current = def.getter();
        break;
      case 'union': {
        const option = pickOption(def.options, 'discriminator' in def ? String(def.discriminator) : undefined, value);
        if (!option) return undefined;
        current = option;
        break;
      }
      default:
        return current;
    }
  }
  return undefined;
}

/** The union option for `value`: by discriminator, else the object option sharing most keys with it. */
function pickOption(options: readonly Schema[], discriminator: string | undefined, value: unknown): Schema | undefined {
  if (!isRecord(value)) return undefined;
  if (discriminator !== undefined) {
    return options.find((option) => option._zod.propValues?.[discriminator]?.has(value[discriminator] as never));
  }
  let best: Schema | undefined;
  let bestScore = -1;
  for (const option of options) {
    const keys = objectKeysAt(option, [], value);
    const score = keys ? Object.keys(value).filter((k) => keys.includes(k)).length : -1;
    if (score > bestScore) [best, bestScore] = [option, score];
  }
  return best;
}
