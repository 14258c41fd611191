/**
 * Parsed YAML + zod schema → typed value, or every problem at once with
 * `file:line:col field: message` in plain words. Pure; schema-agnostic.
 *
 * Messages come from `plainMessage` (an error map passed to `safeParse`), so a
 * message written into the schema itself (`{ error: '…' }`) always wins. After
 * parsing, issues are placed in the file: unknown keys at the key, missing
 * fields at the map that lacks them, everything else at the value.
 */
import type { z } from 'zod';
import { fail, type Issue, ok, type Result, sortIssues } from '../errors.js';
import { formatPath, locateIn } from './locate.js';
import { plainOf, type YamlSource } from './load-yaml.js';
import { isRecord, objectKeysAt, type Path, valueAt } from './schema-walk.js';
import { plainMessage, suggest } from './plain-messages.js';
import {
  commaInFlowMap,
  fieldsForText,
  isKindIssue,
  readAsField,
  textOrFieldsHint,
  unionMessage,
  type Context,
} from './validation-hints.js';

/** Checks a parsed file against a schema and returns the parsed value or all issues, sorted. */
export function validateSource<S extends z.ZodType>(source: YamlSource, schema: S): Result<z.output<S>> {
  let data: unknown;
  try {
    data = plainOf(source);
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
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
}

export { formatPath, locateIn } from './locate.js';
export { suggest };

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
      iss.expected === 'string' && isRecord(input)
        ? readAsField(context, path)
        : iss.expected === 'object' && typeof input === 'string'
          ? fieldsForText(context, path, input)
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
  const guess = suggest(
    key,
    allowed.filter((k) => !present.includes(k)),
  );
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
