/**
 * An edited text known from a kept parse of another text and the scalar splices between
 * them (edited-source.ts): its value and the places in it, without parsing it. The splices
 * are all relative to that one parsed text (the root), so a text saved from an edit is the
 * root of the next edit's splices too, and a save need not parse what it wrote.
 */
import { LineCounter } from 'yaml';
import type { Change } from '../data/value-merge.js';
import type { YamlSource } from '../data/load-yaml.js';
import { offsetIn } from '../data/locate.js';
import { applySplices, type Splice } from '../data/yaml-splice.js';

/** `plain` with each change's field set, sharing every part the changes do not touch. */
export function withChanges(plain: unknown, changes: readonly Change[]): unknown {
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

/**
 * The splices of an earlier edit with those of a new one, all at the root text's scalars: a
 * scalar spliced again takes its newest text. Ranges of different scalars never overlap.
 */
export function mergeSplices(before: readonly Splice[], now: readonly Splice[]): Splice[] {
  const byStart = new Map(before.map((s) => [s.at, s]));
  for (const s of now) byStart.set(s.at, s);
  return [...byStart.values()].sort((a, b) => a.at - b.at);
}

/** An offset of the root text → the same place in the spliced text. */
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
 * The spliced text's source: its value and places from the root's parse. Its `doc` parses the
 * text on first use (for a stage that walks the nodes itself, e.g. a message's hint).
 */
export function splicedSource(
  root: YamlSource,
  splices: readonly Splice[],
  plain: unknown,
  parse: (text: string) => YamlSource,
): YamlSource {
  const text = applySplices(root.text, splices);
  let reparsed: YamlSource | undefined;
  const doc = (): YamlSource => (reparsed ??= parse(text));
  let lines: LineCounter | undefined;
  const lineCounter = (): LineCounter => {
    if (lines) return lines;
    lines = new LineCounter();
    for (const start of root.lineCounter.lineStarts) lines.addNewLine(moved(start, splices));
    return lines;
  };
  return {
    file: root.file,
    text,
    get doc() {
      return doc().doc;
    },
    get lineCounter() {
      return lineCounter();
    },
    spliced: {
      plain,
      textsSafe: true,
      locate: (path, at) => lineCounter().linePos(moved(offsetIn(root, path, at), splices)),
    },
  };
}
