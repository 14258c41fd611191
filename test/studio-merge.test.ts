/**
 * The pieces a studio save is made of, without a server: the line matching that keeps
 * untouched lines (as long a match as a full table finds, at a cost that grows with the
 * edit), the field-by-field merge of a page's changes, and the cost of editing a 2 MB file.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { matchLines } from '../src/data/line-diff.js';
import { changesBetween, mergeChanges } from '../src/data/value-merge.js';
import { editYamlText } from '../src/data/yaml-edit.js';

/** The longest common subsequence's length by the full table: the reference for small inputs. */
function lcsLength(a: string[], b: string[]): number {
  const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
  return t[0]![0]!;
}

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

describe('matching the lines of two texts', () => {
  it('finds a longest common subsequence of equal lines, in order', () => {
    const rnd = random(25);
    for (let run = 0; run < 300; run++) {
      const line = (): string => 'abcd'[Math.floor(rnd() * 4)]!;
      const a = Array.from({ length: Math.floor(rnd() * 30) }, line);
      const b = Array.from({ length: Math.floor(rnd() * 30) }, line);
      const pairs = matchLines(a, b, 100)!;
      expect(pairs.length).toBe(lcsLength(a, b));
      for (const [k, [i, j]] of pairs.entries()) {
        expect(a[i]).toBe(b[j]);
        if (k > 0) expect(i > pairs[k - 1]![0] && j > pairs[k - 1]![1]).toBe(true);
      }
    }
  });

  it('gives up past the limit of changed lines instead of working on', () => {
    const a = Array.from({ length: 500 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 500 }, (_, i) => `b${i}`);
    expect(matchLines(a, b, 100)).toBeUndefined();
  });
});

describe("merging a page's changes into a file someone else changed", () => {
  const base = { name: 'A', rows: [{ x: 1 }, { x: 2 }], list: ['a', 'b'] };

  it('takes both sides when they changed different fields, rows added at the end after theirs', () => {
    const mine = { name: 'B', rows: [{ x: 1 }, { x: 2 }], list: ['a', 'b', 'mine'] };
    const current = { name: 'A', rows: [{ x: 1 }, { x: 3 }], list: ['a', 'b', 'theirs'] };
    expect(mergeChanges(base, structuredClone(current), changesBetween(base, mine))).toEqual({
      merged: { name: 'B', rows: [{ x: 1 }, { x: 3 }], list: ['a', 'b', 'theirs', 'mine'] },
      conflicts: [],
    });
  });

  it('names each field both changed differently, and takes a change both made alike', () => {
    const mine = { name: 'B', rows: [{ x: 1 }, { x: 5 }], list: ['a', 'b'] };
    const current = { name: 'C', rows: [{ x: 1 }, { x: 5 }], list: ['a'] };
    const { conflicts } = mergeChanges(base, structuredClone(current), changesBetween(base, mine));
    expect(conflicts).toEqual([{ path: ['name'], mine: 'B', theirs: 'C' }]);
  });

  it('refuses an edit of a row the other side removed', () => {
    const mine = { ...base, rows: [{ x: 1 }, { x: 9 }] };
    const current = { ...base, rows: [{ x: 1 }] };
    expect(mergeChanges(base, structuredClone(current), changesBetween(base, mine)).conflicts).toEqual([
      { path: ['rows', 1, 'x'], mine: 9, theirs: undefined },
    ]);
  });
});

describe('editing a large file', () => {
  it('costs time in proportion to the file and the edit (a 2 MB strategy, one field)', () => {
    const rows = Array.from({ length: 14000 }, (_, i) => ({
      id: `rad-${i}`,
      activity: `Aktivitet nummer ${i} # med tegn`,
      purpose: 'Informere status, involvere',
      responsible: 'Kommunikasjonsrådgiver',
    }));
    const text = `# kommentar\n${stringify({ name: 'Stor', actionPlan: rows }, { lineWidth: 0 })}`;
    expect(text.length).toBeGreaterThan(1.9 * 1024 * 1024);
    const value = parseDocument(text).toJS();
    value.actionPlan[7000].activity = 'Endret';
    const started = process.cpuUsage();
    const out = editYamlText(text, value);
    const used = process.cpuUsage(started);
    const before = text.split('\n');
    const changed = out.split('\n').filter((line, i) => line !== before[i]);
    expect(changed).toEqual(['    activity: "Endret"']);
    // CPU time (the machine is shared). The full table took minutes and gigabytes here.
    expect((used.user + used.system) / 1e6).toBeLessThan(20);
    // The next keystroke on the same file: its parse is kept, the field written in place.
    value.actionPlan[7000].activity = 'Endret igjen';
    const again = process.cpuUsage();
    const second = editYamlText(text, value);
    const cost = process.cpuUsage(again);
    expect(second.length).toBe(text.length + 'Endret igjen'.length - 'Aktivitet nummer 7000 # med tegn'.length);
    expect((cost.user + cost.system) / 1000).toBeLessThan(300);
  });
});
