/**
 * Every English sentence written in src/ outside the catalogue: the string and template literals
 * of the stage modules that read as prose, found by a real parser (oxc, the one the layer check
 * uses), not a pattern over the text. test/message-sweep.test.ts holds each against the catalogue,
 * so a new English form a user could see fails a test until the catalogue knows it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSync } from 'oxc-parser';

/** One literal: where it is, its text with each `${…}` as a hole, and samples of what it says. */
export interface StageString {
  /** `src/x/y.ts:12`. */
  readonly at: string;
  /** The literal with each hole as `{}`. */
  readonly form: string;
  /** The literal filled in a few ways (holes as a number, a word, a ternary's own branches). */
  readonly samples: readonly string[];
}

/** Words English sentences are made of (one is enough, with at least three words in all). */
const PROSE =
  /\b(the|is|are|not|no|has|have|was|cannot|could|must|needs?|expected|found|run|use|add|give|write|this|its|of|to|in|or|and|with|without)\b/i;

/**
 * What a hole is filled with to make a sample: a count, a name, a code point, a path, a word of
 * the catalogue (an edge, an id's kind), a size in points, megabytes or inches, a quoted text, a character named.
 */
const FILLS = [
  '7',
  'x',
  'U+0007',
  'data/strategy.yaml',
  'right',
  'target group',
  '12 pt',
  '1.5 MB',
  '0.50 in',
  '«x»',
  'U+00A0 (a no-break space)',
];

interface Node {
  readonly type: string;
  readonly start: number;
  readonly [key: string]: unknown;
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/** A hole's candidates: a ternary between literals gives its branches, anything else the fills. */
function fillsOf(expression: Node): string[] {
  if (expression.type === 'ConditionalExpression') {
    const branches = [expression.consequent, expression.alternate].filter(isNode);
    if (branches.every((b) => b.type === 'Literal' && typeof b.value === 'string'))
      return branches.map((b) => b.value as string);
  }
  return FILLS;
}

/** A literal's fixed parts and the candidates of each hole between them. */
interface Parts {
  quasis: string[];
  holes: string[][];
}

/** The parts of a string literal, a template literal, or a `+` of them (a message split over lines). */
function partsOf(node: Node): Parts | undefined {
  if (node.type === 'Literal' && typeof node.value === 'string') return { quasis: [node.value], holes: [] };
  if (node.type === 'TemplateLiteral')
    return {
      quasis: (node.quasis as Array<{ value: { cooked: string } }>).map((q) => q.value.cooked),
      holes: (node.expressions as Node[]).map(fillsOf),
    };
  if (node.type !== 'BinaryExpression' || node.operator !== '+') return undefined;
  const [left, right] = [node.left as Node, node.right as Node].map(
    (side) => partsOf(side) ?? { quasis: ['', ''], holes: [fillsOf(side)] },
  );
  if (!partsOf(node.left as Node) && !partsOf(node.right as Node)) return undefined;
  const joined = `${left!.quasis.at(-1)}${right!.quasis[0]}`;
  return {
    quasis: [...left!.quasis.slice(0, -1), joined, ...right!.quasis.slice(1)],
    holes: [...left!.holes, ...right!.holes],
  };
}

/** The literal's text and samples, or undefined for a node that is not a string literal. */
function textOf(node: Node): { form: string; samples: string[] } | undefined {
  const parts = partsOf(node);
  if (!parts) return undefined;
  const { quasis, holes } = parts;
  const samples = FILLS.map((_, i) =>
    quasis.reduce((text, quasi, j) => text + (j > 0 ? holes[j - 1]![i % holes[j - 1]!.length] : '') + quasi, ''),
  );
  return { form: quasis.join('{}'), samples: [...new Set(samples)] };
}

/** A `new Error(…)` and its kin: a bug in Trappa, shown as a bug report with its stack, in English. */
const BUG_ERRORS = new Set(['Error', 'RangeError', 'TypeError']);

/** Nodes whose literals are not messages: imports, types, a bug's error, a debug line. */
function skipped(node: Node): boolean {
  if (['ImportDeclaration', 'ImportExpression', 'ExportAllDeclaration'].includes(node.type)) return true;
  if (node.type.startsWith('TS') && node.type !== 'TSAsExpression' && node.type !== 'TSSatisfiesExpression')
    return true;
  if (node.type === 'NewExpression') {
    const callee = node.callee as Node & { name?: string };
    return callee.type === 'Identifier' && BUG_ERRORS.has(callee.name ?? '');
  }
  if (node.type === 'CallExpression') {
    // A schema's `.describe(…)`: for editors' autocompletion (JSON Schema), never shown by Trappa.
    // A catalogue key (`say('absorb.was')`) names a message; a debug line is for developers.
    const callee = node.callee as Node & { name?: string; property?: { name?: string } };
    const name = callee.type === 'Identifier' ? callee.name : callee.property?.name;
    return ['debug', 'describe', 'say', 'said', 'tell', 'word'].includes(name ?? '');
  }
  // A text in the three languages (`{ nb, nn, en }`, a slide kind's label) is a catalogue of its own;
  // a JSON Schema's `description` serves editors' autocompletion, like `.describe(…)`.
  if (node.type === 'ObjectExpression') {
    const keys = (node.properties as Array<{ key?: { name?: string; value?: string } }>).map(
      (p) => p.key?.name ?? p.key?.value,
    );
    return ['nb', 'nn', 'en'].every((k) => keys.includes(k));
  }
  if (node.type === 'Property') {
    const key = node.key as { name?: string };
    return key.name === 'description';
  }
  return false;
}

const isProse = (form: string): boolean =>
  (form.match(/\b[a-z]{2,}\b/g) ?? []).length >= 2 && PROSE.test(form) && !/[<>]/.test(form);

/** The prose literals of one source file. */
export function stageStringsOf(file: string, text: string): StageString[] {
  const { program } = parseSync(file, text);
  const found: StageString[] = [];
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const visit = (node: Node) => {
    if (skipped(node)) return;
    const literal = textOf(node);
    if (literal && isProse(literal.form)) found.push({ at: `${file}:${lineOf(node.start)}`, ...literal });
    // A `+` of literals is one message: its pieces are not looked at again.
    if (literal && node.type === 'BinaryExpression') return;
    for (const [key, value] of Object.entries(node)) {
      // An export's `from '…'` is a module, not a message.
      if (key === 'parent' || (key === 'source' && node.type === 'ExportNamedDeclaration')) continue;
      for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) visit(child);
    }
  };
  visit(program as unknown as Node);
  return found;
}

/** The .ts files under `dir` (tests left out), relative to `root`. */
export function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

/** The prose literals of every file under `dirs`, but `except`'s folders. */
export function stageStrings(root: string, dirs: readonly string[], except: readonly string[]): StageString[] {
  return dirs
    .flatMap((dir) => sourceFiles(root, dir))
    .filter((file) => !except.some((folder) => file.startsWith(folder)))
    .flatMap((file) => stageStringsOf(file, readFileSync(path.join(root, file), 'utf8')));
}
