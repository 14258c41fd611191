/**
 * The import graph of src/ follows the layers in README "How it works": nothing imports
 * a layer above its own, and no module reaches itself through its imports.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { cycles, readGraph, upwardImports } from '../scripts/check-layers.mjs';
import { REPO } from './helpers/project.js';

type Graph = Map<string, string[]>;
const src = path.join(REPO, 'src');
const graph = readGraph(src) as Graph;

describe('layers', () => {
  it('reads every relative import the sources contain (the pattern misses none)', () => {
    for (const [file, imports] of graph) {
      const text = readFileSync(path.join(src, file), 'utf8');
      const written = (text.match(/\bfrom\s+['"]\.|\bimport\(\s*['"]\.|^import\s+['"]\./gm) ?? []).length;
      expect(imports.length, file).toBe(written);
    }
  });

  it('has no import that runs up the layers', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('has no cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds an upward import and a cycle when there is one', () => {
    const broken: Graph = new Map([
      ['data/schema.ts', ['check/colors.ts']],
      ['check/colors.ts', ['data/schema.ts']],
    ]);
    expect(upwardImports(broken)).toEqual([
      expect.stringContaining('data/schema.ts (data) imports check/colors.ts (check)'),
    ]);
    expect(cycles(broken)).toEqual([['check/colors.ts', 'data/schema.ts']]);
  });
});
