#!/usr/bin/env node
/**
 * The import graph of src/ against the intended layers (README, "How it works"):
 * a module imports only from its own layer or the layers below it, and no module reaches
 * itself again through its imports (no cycles, type-only imports included, because a
 * cycle of types is still two modules that cannot be understood apart).
 *
 *   node scripts/check-layers.mjs          prints every violation; exit 1 if there is one
 *
 * Imports are read with a pattern over `import … from '…'`, `export … from '…'` and
 * `import('…')`: the only forms this code base uses (checked by the test, which fails on
 * an import the pattern would miss). Only relative imports matter here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bottom to top. A path ending in '/' is a folder under src/; otherwise a file. */
export const LAYERS = [
  [
    'ground',
    [
      'errors.ts',
      'sha256.ts',
      'bounded-cache.ts',
      'project-paths.ts',
      'units.ts',
      'contrast.ts',
      'io/',
      'fonts/',
      'ooxml/',
      'messages/',
    ],
  ],
  ['render', ['render/']],
  ['data', ['data/']],
  ['plan', ['plan/']],
  ['layout', ['layout/']],
  ['slides', ['slides/']],
  ['images', ['images/']],
  // Version state (manifest, release records, the save stage): read by check/ and deck/bump.ts.
  ['versions', ['versions/']],
  ['deck', ['deck/']],
  ['preview-svg', ['preview-svg/']],
  ['pptx', ['pptx/']],
  ['check', ['check/']],
  ['template', ['template/']],
  ['post', ['post/']],
  ['pipeline', ['build-deck.ts']],
  ['studio', ['studio/']],
  ['commands', ['commands/']],
  ['cli', ['cli.ts']],
];

const IMPORT = new RegExp(
  [
    // `import … from '…'`, `export … from '…'`, `import '…'`
    String.raw`(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*${'$'}{},\s]+?\s+from\s+)?['"]([^'"]+)['"]`,
    // `import('…')`
    String.raw`\bimport\(\s*['"]([^'"]+)['"]\s*\)`,
  ].join('|'),
  'g',
);

/** The layer index of a module path relative to src/ (forward slashes), or -1. */
export function layerOf(rel) {
  return LAYERS.findIndex(([, members]) => members.some((m) => (m.endsWith('/') ? rel.startsWith(m) : rel === m)));
}

/** Every source module of src/ (tests excluded) with its relative imports resolved to src/-relative paths. */
export function readGraph(srcDir) {
  const files = readdirSync(srcDir, { recursive: true })
    .map((f) => String(f).split(path.sep).join('/'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'));
  const graph = new Map();
  for (const file of files) {
    const text = readFileSync(path.join(srcDir, file), 'utf8');
    const imports = [];
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2];
      if (!spec.startsWith('.')) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '.ts');
      imports.push(target);
    }
    graph.set(file, imports);
  }
  return graph;
}

export function upwardImports(graph) {
  const found = [];
  for (const [file, imports] of graph) {
    const own = layerOf(file);
    if (own < 0) {
      found.push(`${file}: in no layer; add its folder to LAYERS in scripts/check-layers.mjs`);
      continue;
    }
    for (const target of imports) {
      const theirs = layerOf(target);
      if (theirs > own)
        found.push(`${file} (${LAYERS[own][0]}) imports ${target} (${LAYERS[theirs][0]}), a layer above it`);
    }
  }
  return found;
}

/** Cycles as lists of files (Tarjan's strongly connected components of more than one file, or a self-import). */
export function cycles(graph) {
  let index = 0;
  const stack = [];
  const state = new Map();
  const result = [];
  const visit = (v) => {
    const s = { index, low: index, onStack: true };
    index++;
    state.set(v, s);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      const t = state.get(w);
      if (!t) {
        visit(w);
        s.low = Math.min(s.low, state.get(w).low);
      } else if (t.onStack) s.low = Math.min(s.low, t.index);
    }
    if (s.low === s.index) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        state.get(w).onStack = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) result.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!state.has(v)) visit(v);
  return result;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const src = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');
  const graph = readGraph(src);
  const problems = [...upwardImports(graph), ...cycles(graph).map((c) => `cycle: ${c.join(' → ')}`)];
  for (const p of problems) console.log(p);
  console.log(
    problems.length === 0
      ? `layers: ${graph.size} modules, no upward import, no cycle`
      : `layers: ${problems.length} problem(s)`,
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
}
