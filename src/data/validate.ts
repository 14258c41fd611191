/**
 * Parsed YAML + zod schema → typed value, or every problem at once with
 * `file:line:col field: message` in plain words. Pure; schema-agnostic.
 *
 * Messages come from `plainMessage` (an error map passed to `safeParse`), so a
 * message written into the schema itself (`{ error: '…' }`) always wins. After
 * parsing, issues are placed in the file: unknown keys at the key, missing
 * fields at the map that lacks them, everything else at the value.
 */
import { isMap, isScalar, type Node } from 'yaml';
import type { z } from 'zod';
import { fail, type Issue, ok, type Result, type SourceLocation, sortIssues } from '../errors.js';
import { quoteForYaml, type YamlSource } from './load-yaml.js';
import { describeFound, quote } from './schema-helpers.js';
import { fieldsAt, findNode, isRecord, objectKeysAt, type Path, valueAt } from './schema-walk.js';
import { kindName, plainMessage, suggest } from './plain-messages.js';

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

export { suggest };

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
    const hint = textOrFieldsHint(context, iss.errors, path);
    if (hint) return [issueAt(context, path, hint)];
    const branch = pickBranch(iss.errors);
    if (branch) return branch.flatMap((inner) => collectIssues(context, inner, path));
    return [issueAt(context, path, unionMessage(iss.errors, valueAt(context.data, path), path))];
  }
  if (iss.code === 'invalid_type') {
    const input = valueAt(context.data, path);
    const hint =
      iss.expected === 'string' && isRecord(input) ? readAsField(context, path)
      : iss.expected === 'object' && typeof input === 'string' ? fieldsForText(context, path, input)
      : undefined;
    if (hint) return [issueAt(context, path, hint)];
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
  const comma = commaInFlowMap(context, path, key);
  if (comma) return { issue: comma };
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
function unionMessage(branches: z.core.$ZodIssue[][], input: unknown, path: Path): string {
  const expected = new Set<string>();
  const choices: string[] = [];
  for (const iss of branches.flat()) {
    if (iss.path.length > 0) continue;
    if (iss.code === 'invalid_type') expected.add(kindName(iss.expected));
    if (iss.code !== 'invalid_value') continue;
    choices.push(...iss.values.map(String));
    for (const choice of iss.values) expected.add(`'${String(choice)}'`);
  }
  // `- modell` among `- model`, `- slide: plan`, …: a typo of a short form.
  const guess = typeof input === 'string' ? suggest(input, choices) : undefined;
  if (guess) return `unknown ${itemNoun(path)} ${quote(String(input))}; did you mean '${guess}'?`;
  const list = [...expected].join(' or ') || 'another kind of value';
  const key = path.at(-1);
  if (input === undefined) return typeof key === 'string' ? `missing field '${key}'` : 'missing value';
  if (input === null) return `is empty; expected ${list}`;
  return `expected ${list}, found ${typeof input === 'string' ? quote(input) : describeFound(input)}`;
}

/** What one item of a list is called, from the list's name: `slides[3]` → "slide". */
function itemNoun(path: Path): string {
  const [list, index] = path.slice(-2);
  return typeof index === 'number' && typeof list === 'string' && /\p{Ll}s$/u.test(list) ? list.slice(0, -1) : 'value';
}

/**
 * A map given where a union also takes plain text (`- Frist: 11. februar`, or
 * `- text: X` without its `sub`): says which form to write instead.
 */
function textOrFieldsHint(context: Context, branches: z.core.$ZodIssue[][], path: Path): string | undefined {
  const input = valueAt(context.data, path);
  const takesText = (branch: z.core.$ZodIssue[]) =>
    branch.some((i) => i.path.length === 0 && i.code === 'invalid_type' && i.expected === 'string');
  if (!isRecord(input) || !branches.some(takesText)) return undefined;
  const keys = Object.keys(input);
  const [only] = keys;
  if (only === undefined || keys.length > 1) return undefined;
  // The key is no field of any branch: YAML read the text's ': ' as a field.
  const unknownKey = branches.every(
    (branch) =>
      branch.some((i) => i.path.length === 0 && isKindIssue(i)) ||
      branch.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0 && i.keys.includes(only)),
  );
  if (unknownKey) return readAsField(context, path);
  // The key is right but other fields are missing: the text alone is probably what was meant.
  const missing = branches.find((b) => b.length > 0 && b.every((i) => isMissingField(i, input)));
  if (!missing || typeof input[only] !== 'string') return undefined;
  const example = (i: z.core.$ZodIssue) =>
    `${String(i.path[0])}: ${i.code === 'invalid_type' && i.expected === 'array' ? '[...]' : '…'}`;
  return `write it as plain text without '${only}:', or add ${missing.map(example).join(' and ')}`;
}

function isMissingField(iss: z.core.$ZodIssue, input: Record<string, unknown>): boolean {
  return iss.code === 'invalid_type' && iss.path.length === 1 && input[String(iss.path[0])] === undefined;
}

/** `- Frist: 11. februar` where text is expected: a list item YAML reads as one field. */
function readAsField(context: Context, path: Path): string | undefined {
  const { node, complete } = findNode(context.source, path);
  if (!complete || !isMap(node) || node.flow || node.items.length !== 1) return undefined;
  const [pair] = node.items;
  if (!pair || !isScalar(pair.key) || !isScalar(pair.value) || pair.value.value === null) return undefined;
  const [start, end] = [pair.key.range?.[0], pair.value.range?.[1]];
  const { text } = context.source;
  if (start === undefined || end === undefined) return undefined;
  // Only a map on the dash's own line; one on lines of its own was meant as fields.
  if (!/^\s*(-\s+)+$/.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start))) return undefined;
  const line = text.slice(start, end).replace(/\s*\n\s*/g, ' ');
  return `this line is read as a field '${String(pair.key.value)}'; put the text in quotes: - ${quoteForYaml(line)}`;
}

/** Text where fields are expected: shows the fields, filled in from the text where that is clear. */
function fieldsForText(context: Context, path: Path, input: string): string | undefined {
  const fields = fieldsAt(context.schema, path, context.data);
  if (!fields || fields.length === 0) return undefined;
  if (fields.length > 4) {
    const names = fields.filter((f) => !f.optional).map((f) => f.name);
    const some = names.length > 4 ? [...names.slice(0, 4), '…'] : names;
    return `expected fields (key: value)${some.length > 0 ? ` such as ${some.join(', ')}` : ''}, found text`;
  }
  const values = new Map<string, string>();
  let rest = input.trim();
  // `Ola Nordmann <ola@levanger.kommune.no>`: the address goes to the field named email.
  const address = /<?([^\s<>@,;]+@[^\s<>@,;]+)>?/.exec(rest);
  if (address && fields.some((f) => f.name === 'email')) {
    values.set('email', address[1] ?? '');
    rest = rest.replace(address[0], '').replace(/^[\s,;]+|[\s,;]+$/g, '');
  }
  const first = fields.find((f) => !values.has(f.name));
  if (first && rest) values.set(first.name, /[,{}[\]#]|: /.test(rest) ? quoteForYaml(rest) : rest);
  const shown = fields.map((f) => `${f.name}: ${values.get(f.name) ?? '…'}`);
  return `expected fields, found text; write it as { ${shown.join(', ')} }`;
}

/** `{ name: Ledergruppen Verdal, Frosta og Inderøy, email: … }`: the comma split the name in two. */
function commaInFlowMap(context: Context, path: Path, key: string): Issue | undefined {
  const { node, complete } = findNode(context.source, path);
  if (!complete || !isMap(node) || !node.flow) return undefined;
  const index = node.items.findIndex((p) => isScalar(p.key) && String(p.key.value) === key);
  const [before, pair] = [node.items[index - 1], node.items[index]];
  if (!before || !pair || pair.value !== null || !isScalar(before.key) || !isScalar(before.value)) return undefined;
  const [start, end] = [before.value.range?.[0], (pair.key as Node).range?.[1]];
  if (start === undefined || end === undefined) return undefined;
  const name = String(before.key.value);
  const joined = quoteForYaml(context.source.text.slice(start, end));
  return {
    ...locateIn(context.source, [...path, name]),
    message: `a comma inside { … } starts a new field; put the text in quotes: ${name}: ${joined}`,
  };
}
