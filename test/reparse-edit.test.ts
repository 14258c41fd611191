import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { random, writeSyntheticProject } from '../scripts/bench/synthetic.js';
import { locateKept, positionsOf } from '../src/data/kept-positions.js';
import { parseYaml, peekPlain, type YamlSource } from '../src/data/load-yaml.js';
import { offsetIn } from '../src/data/locate.js';
import { type KeptParse, reparseEdit } from '../src/data/reparse-edit.js';
import { REPO } from './helpers/project.js';
import { pathsOf } from './helpers/yaml-paths.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-reparse-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A parse as the store keeps it (through JSON, as read back from disk), or undefined when it would not be kept. */
function keptParseOf(source: YamlSource): KeptParse | undefined {
  const positions = positionsOf(source.doc);
  const json = JSON.stringify(peekPlain(source));
  if (!positions || json === undefined) return undefined;
  const plain: unknown = JSON.parse(json);
  if (!isDeepStrictEqual(plain, peekPlain(source))) return undefined;
  return {
    text: source.text,
    plain,
    positions: JSON.parse(JSON.stringify(positions)),
    lineStarts: source.lineCounter.lineStarts,
  };
}

type Edit = (lines: string[], pick: <T>(list: readonly T[]) => T, at: number) => void;

const indentOf = (line: string): string => /^ */.exec(line)?.[0] ?? '';
const WORDS = [
  'ny tekst',
  '12',
  '-3.5',
  'true',
  'null',
  '~',
  "'sitert: tekst'",
  '"dobbel \\"x\\""',
  '',
  'a: b',
  'x # y',
];

/** [first, after last] line of the first sequence item from line `at` on. */
function itemLines(lines: readonly string[], at: number): [number, number] | undefined {
  const i = lines.findIndex((l, j) => j >= at && /^ *- /.test(l));
  if (i < 0) return undefined;
  const indent = indentOf(lines[i] ?? '').length;
  let end = i + 1;
  while (end < lines.length && (indentOf(lines[end] ?? '').length > indent || lines[end]?.trim() === '')) end++;
  return [i, end];
}

/** Edits as users make them, right or wrong; each changes `lines` in place around line `at`. */
const EDITS: Record<string, Edit> = {
  scalar(lines, pick, at) {
    const line = lines[at] ?? '';
    const colon = line.indexOf(': ');
    if (colon > 0) lines[at] = `${line.slice(0, colon + 2)}${pick(WORDS)}`;
    else if (/^ *- /.test(line)) lines[at] = `${line.replace(/^( *- ).*/, '$1')}${pick(WORDS)}`;
  },
  insertItem(lines, pick, at) {
    const i = lines.findIndex((l, j) => j >= at && /^ *- /.test(l));
    if (i >= 0) lines.splice(i + pick([0, 1]), 0, `${indentOf(lines[i] ?? '')}- ${pick(WORDS)}`);
  },
  duplicateItem(lines, _pick, at) {
    const item = itemLines(lines, at);
    if (item) lines.splice(item[1], 0, ...lines.slice(...item));
  },
  deleteItem(lines, _pick, at) {
    const item = itemLines(lines, at);
    if (item) lines.splice(item[0], item[1] - item[0]);
  },
  topLevel(lines, pick) {
    const tops = lines.flatMap((l, j) => (/^\w+:/.test(l) ? [j] : []));
    const j = pick(tops);
    lines[j] = `${(lines[j] ?? '').replace(/:.*/, ':')} ${pick(WORDS)}`;
  },
  addKey(lines, pick, at) {
    lines.splice(at, 0, `${indentOf(lines[at] ?? '')}${pick(['nyNøkkel', 'id', 'name'])}: ${pick(WORDS)}`);
  },
  renameKey(lines, _pick, at) {
    lines[at] = (lines[at] ?? '').replace(/^( *(?:- )?)(\w+):/, '$1$2x:');
  },
  comment(lines, pick, at) {
    lines.splice(at, 0, `${pick(['', '  ', '    ', indentOf(lines[at] ?? '')])}# ${pick(WORDS)}`);
  },
  trailingComment(lines, _pick, at) {
    lines[at] = `${lines[at] ?? ''} # merknad`;
  },
  indentation(lines, pick, at) {
    const line = lines[at] ?? '';
    lines[at] = pick([`${line.slice(1)}`, ` ${line}`, `   ${line}`, line.trimStart()]);
  },
  tab(lines, pick, at) {
    const line = lines[at] ?? '';
    const i = pick([0, indentOf(line).length, line.length]);
    lines[at] = `${line.slice(0, i)}\t${line.slice(i)}`;
  },
  alias(lines, pick, at) {
    const line = lines[at] ?? '';
    lines[at] = pick([
      line.replace(/: (.+)$/, ': &x $1'),
      line.replace(/: .+$/, ': *x'),
      line.replace(/- /, '- !!str '),
    ]);
  },
  firstLine(lines, pick) {
    lines[0] = pick([`${lines[0]} endret`, '# topp', `  ${lines[0]}`, 'name: Annet navn', '%YAML 1.1\n---']);
  },
  lastLine(lines, pick) {
    const last = lines.length - 1 - [...lines].reverse().findIndex((l) => l.trim() !== '');
    lines[last] = pick([`${lines[last]} endret`, `${lines[last]}\n`, `${indentOf(lines[last] ?? '')}- siste`, 'ny: 1']);
  },
  blockScalar(lines, pick, at) {
    const line = lines[at] ?? '';
    const inner = `${indentOf(line)}  ${/^ *- /.test(line) ? '  ' : ''}`;
    const head = line.replace(/(: |- ).*$/, '$1');
    if (head !== line)
      lines[at] = `${head}${pick(['|', '>', '|-', '|2'])}\n${inner}første linje\n\n${inner}andre: linje`;
  },
  multiLinePlain(lines, pick, at) {
    const line = lines[at] ?? '';
    if (/: \S/.test(line)) lines[at] = `${line}\n${indentOf(line)}${pick(['  ', '    ', ''])}fortsetter her`;
  },
  flow(lines, pick, at) {
    const line = lines[at] ?? '';
    lines[at] = line.replace(
      /(: |- ).*$/,
      `$1${pick(['[a, b]', '{ x: 1, y: [2] }', '[a,', '{x: 1}}', '[\n  a, b ]', '{}'])}`,
    );
  },
  char(lines, pick, at) {
    const line = lines[at] ?? '';
    const i = pick([...Array(line.length + 1).keys()]);
    lines[at] =
      `${line.slice(0, i)}${pick([':', '-', '#', "'", '"', '[', '{', ' ', '\n', '&', '*', '!', '|', '>', '?', '%', ',', ''])}${line.slice(i + pick([0, 1]))}`;
  },
  deleteLine(lines, _pick, at) {
    lines.splice(at, 1);
  },
  duplicateLine(lines, _pick, at) {
    lines.splice(at, 0, lines[at] ?? '');
  },
};

/**
 * The incremental parse of `edited` from `kept` must be the whole parse's: the same value, the
 * same offset for every path (found or not, key and value) and the same line starts; and none
 * when the whole parse has a problem or would not be kept. Returns the parse the store would keep.
 */
function expectSameAsWhole(
  kept: KeptParse,
  edited: string,
  what: string,
  everyPath: boolean,
): { next?: KeptParse; incremental: boolean } {
  const whole = parseYaml('s.yaml', edited);
  const wholeKept = whole.ok ? keptParseOf(whole.value) : undefined;
  const incremental = reparseEdit(structuredClone(kept), edited, (chunk) => parseYaml('s.yaml', chunk));
  if (!incremental) return { next: wholeKept, incremental: false };
  const issues = whole.ok ? 'not kept' : JSON.stringify(whole.issues);
  expect(wholeKept, `${what}: spliced, but the whole parse has ${issues}`).toBeDefined();
  if (!whole.ok || !wholeKept) throw new Error('unreachable');
  expect(incremental.plain, what).toEqual(wholeKept.plain);
  expect(incremental.lineStarts, what).toEqual(wholeKept.lineStarts);
  // The same tree of places is the same place for every path (locateKept reads nothing else);
  // every path is looked up through the parse too, now and then (slower).
  if (!isDeepStrictEqual(incremental.positions, wholeKept.positions))
    expect(incremental.positions, what).toEqual(wholeKept.positions);
  if (everyPath) {
    const misplaced: string[] = [];
    for (const at of pathsOf(wholeKept.plain))
      for (const where of ['value', 'key'] as const) {
        const [spliced, parsed] = [locateKept(incremental.positions, at, where), offsetIn(whole.value, at, where)];
        if (spliced !== parsed) misplaced.push(`${at.join('.')} ${where}: ${spliced}, not ${parsed}`);
      }
    expect(misplaced, what).toEqual([]);
  }
  return { next: incremental, incremental: true };
}

async function strategies(): Promise<[string, string][]> {
  const synthetic = await writeSyntheticProject(REPO, path.join(work, 'rows20'), 20);
  return [
    ['bundled', readFileSync(path.join(REPO, 'data/strategy.yaml'), 'utf8')],
    ['20 rows', readFileSync(path.join(synthetic.root, 'data/strategy.yaml'), 'utf8')],
  ];
}

describe('reparseEdit', () => {
  it('gives the whole parse of random edits: value, every place, or none when the edit is bad', async () => {
    for (const [name, base] of await strategies()) {
      const parsed = parseYaml('s.yaml', base);
      const baseKept = parsed.ok ? keptParseOf(parsed.value) : undefined;
      if (!baseKept) throw new Error(`${name} does not parse`);
      const next = random(name.length * 7919);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
      const kinds = Object.keys(EDITS);
      let kept = baseKept;
      const counts = { spliced: 0, whole: 0, bad: 0 };
      for (let i = 0; i < 600; i++) {
        // Half the edits go on from the last kept text (as a user's do), half start again from the file.
        if (next() < 0.5) kept = baseKept;
        const lines = kept.text.split('\n');
        const kind = pick(kinds);
        EDITS[kind]?.(lines, pick, Math.floor(next() * lines.length));
        const edited = lines.join('\n');
        if (edited === kept.text) continue;
        const result = expectSameAsWhole(kept, edited, `${name} #${i} ${kind}`, i % 10 === 0);
        if (result.incremental) counts.spliced++;
        else if (result.next) counts.whole++;
        else counts.bad++;
        if (result.next) kept = result.next;
      }
      // The edits reach every branch: spliced, parsed whole, and bad.
      const seen = `${name}: ${JSON.stringify(counts)}`;
      expect(counts.spliced, seen).toBeGreaterThan(150);
      expect(counts.whole, seen).toBeGreaterThan(25);
      expect(counts.bad, seen).toBeGreaterThan(50);
    }
  });
});

describe('reparseEdit of a deleted item', () => {
  /** The edit's parse, spliced or not, as the whole parse gives it. */
  const spliced = (before: string, after: string, what: string): boolean => {
    const parsed = parseYaml('s.yaml', before);
    const kept = parsed.ok ? keptParseOf(parsed.value) : undefined;
    if (!kept) throw new Error(`${what}: the text before does not parse`);
    const { next, incremental } = expectSameAsWhole(kept, after, what, true);
    const whole = parseYaml('s.yaml', after);
    // What the store keeps of the edit, spliced or parsed whole, is the whole parse's value.
    expect(next?.plain, what).toEqual(whole.ok ? peekPlain(whole.value) : undefined);
    return incremental;
  };

  it('leaves to the whole parse the lines a block scalar before it takes', () => {
    const cases: [string, string, string][] = [
      // The comment under `- b` is text of the `|` scalar once `- b` is gone.
      ['a comment', 'l:\n  - |\n    text\n  - b\n    # note\n  - c\n', 'l:\n  - |\n    text\n    # note\n  - c\n'],
      ['a blank line after |+', 'l:\n  - |+\n    text\n  - b\n\n  - c\n', 'l:\n  - |+\n    text\n\n  - c\n'],
      ['spaces after >+', 'l:\n  - >+\n    text\n  - b\n      \n  - c\n', 'l:\n  - >+\n    text\n      \n  - c\n'],
      ['the last item', 'l:\n  - |+\n    text\n  - b\n\nx: 1\n', 'l:\n  - |+\n    text\n\nx: 1\n'],
      [
        "a map item's scalar",
        'l:\n  - a: 1\n    t: |\n      text\n  - b\n      # note\n  - c\n',
        'l:\n  - a: 1\n    t: |\n      text\n      # note\n  - c\n',
      ],
    ];
    for (const [what, before, after] of cases) spliced(before, after, what);
  });

  it('is spliced when nothing of it is left, or only comments no more indented than the items', () => {
    expect(spliced('l:\n  - |+\n    text\n  - b\n\n  - c\n', 'l:\n  - |+\n    text\n  - c\n', 'all of it')).toBe(true);
    expect(
      spliced('l:\n  - |\n    text\n  - b\n  # c\n  - c\n', 'l:\n  - |\n    text\n  # c\n  - c\n', 'a comment'),
    ).toBe(true);
  });
});

describe('reparseEdit beside a key left empty', () => {
  it('places the key as the whole parse does when a comment above it goes (yaml puts it after what precedes it)', () => {
    const cases: [string, string, string][] = [
      ['a comment gone', 'a:\n  - x\n  - y\n  # c\n\n: 2\n', 'a:\n  - x\n  - y\n\n: 2\n'],
      ['a comment added', 'a:\n  - x\n  - y\n\n: 2\n', 'a:\n  - x\n  - y\n  # c\n\n: 2\n'],
    ];
    for (const [what, before, after] of cases) {
      const parsed = parseYaml('s.yaml', before);
      const kept = parsed.ok ? keptParseOf(parsed.value) : undefined;
      const whole = parseYaml('s.yaml', after);
      if (!kept || !whole.ok) throw new Error(`${what}: does not parse`);
      const edited =
        reparseEdit(structuredClone(kept), after, (chunk) => parseYaml('s.yaml', chunk)) ?? keptParseOf(whole.value);
      // Where the empty key is, as messages about it name its line.
      expect(locateKept(edited?.positions ?? {}, [''], 'key'), what).toBe(offsetIn(whole.value, [''], 'key'));
    }
  });
});
