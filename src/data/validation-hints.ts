/**
 * The plain-words hints of validation: what a user most likely meant when a value has the
 * wrong shape (text where fields belong, a YAML `: ` read as a field, a comma in `{ }`,
 * a typo of a short form). validate.ts decides where an issue goes; this says what it says.
 */
import { isMap, isScalar, type Node } from 'yaml';
import type { z } from 'zod';
import type { Issue } from '../errors.js';
import { quoteForYaml } from './describe-yaml-error.js';
import type { YamlSource } from './load-yaml.js';
import { describeFound, quote } from './schema-helpers.js';
import { fieldsAt, findNode, isRecord, type Path, valueAt } from './schema-walk.js';
import { kindName, suggest } from './plain-messages.js';
import { locateIn } from './locate.js';
import { english, said } from '../messages/catalogue.js';

export interface Context {
  source: YamlSource;
  schema: z.ZodType;
  data: unknown;
}

export function isKindIssue(iss: z.core.$ZodIssue): boolean {
  return iss.code === 'invalid_type' || iss.code === 'invalid_value' || iss.code === 'invalid_union';
}

/** Every branch rejected the kind of value: list what would have been accepted. */
export function unionMessage(branches: z.core.$ZodIssue[][], input: unknown, path: Path): string {
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
export function textOrFieldsHint(context: Context, branches: z.core.$ZodIssue[][], path: Path): string | undefined {
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
  return english(said('in.plainOrAdd', { key: only, fieldsAndList: missing.map(example).join(' and ') }));
}

function isMissingField(iss: z.core.$ZodIssue, input: Record<string, unknown>): boolean {
  return iss.code === 'invalid_type' && iss.path.length === 1 && input[String(iss.path[0])] === undefined;
}

/** `- Frist: 11. februar` where text is expected: a list item YAML reads as one field. */
export function readAsField(context: Context, path: Path): string | undefined {
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
export function fieldsForText(context: Context, path: Path, input: string): string | undefined {
  const fields = fieldsAt(context.schema, path, context.data);
  if (!fields || fields.length === 0) return undefined;
  if (fields.length > 4) {
    const names = fields.filter((f) => !f.optional).map((f) => f.name);
    const some = names.length > 4 ? [...names.slice(0, 4), '…'] : names;
    return some.length > 0
      ? english(said('in.fieldsSuchAs', { names: some.join(', ') }))
      : 'expected fields (key: value), found text';
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
export function commaInFlowMap(context: Context, path: Path, key: string): Issue | undefined {
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
