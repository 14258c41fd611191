#!/usr/bin/env node
/**
 * The import graph of src/ against the intended layers (README, "Layers"): a module imports
 * only from its own layer or the layers below it, and no module reaches itself again through
 * its imports (no cycles, type-only imports included, because a cycle of types is still two
 * modules that cannot be understood apart).
 *
 *   node scripts/check-layers.mjs [--src DIR]   prints every problem; exit 1 if there is one
 *
 * The graph comes from a real parser (oxc, the one knip uses), not a pattern over the text, so
 * a multi-line import with comments, `import type`, `import('…')` in a type, a dynamic
 * `import()` with a template string (every module its fixed parts can match), and a
 * `createRequire` require all count. An import whose target cannot be read (a computed
 * specifier) or found (no such module) is a problem too: nothing passes by being unreadable.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync } from 'oxc-parser';

/** Bottom to top. A path ending in '/' is a folder under src/; otherwise a file. */
export const LAYERS = [
  [
    'ground',
    [
      'exit-codes.ts',
      'debug-log.ts',
      'errors.ts',
      'sha256.ts',
      'bounded-cache.ts',
      'project-paths.ts',
      'user-folders.ts',
      'heap-growth.ts',
      'units.ts',
      'contrast.ts',
      'io/',
      'fonts/',
      'ooxml/',
      'messages/',
    ],
  ],
  // The slide kinds' declarations: plain data the schema, the layout, the finishing stage and the Studio read.
  ['kinds', ['kinds/']],
  ['render', ['render/']],
  ['data', ['data/']],
  ['plan', ['plan/']],
  ['layout', ['layout/']],
  ['slides', ['slides/']],
  ['images', ['images/']],
  // Version state (manifest, release records, the output lock, the save stage, bump) is the
  // record of what exists, not a step of drawing a deck: check/ reads it to find the built decks,
  // mail shares its lock, and only the pipeline above calls the save stage. So it sits below
  // every stage that reads it, just above images/ (the input hash covers the assets).
  ['versions', ['versions/']],
  ['deck', ['deck/']],
  ['preview-svg', ['preview-svg/']],
  ['pptx', ['pptx/']],
  ['check', ['check/']],
  ['template', ['template/']],
  // After the build, two separate rooms: PDF and previews (LibreOffice), and mail, which may
  // attach a PDF. The more specific folder wins (see layerOf).
  ['pdf', ['post/']],
  ['mail', ['post/email/']],
  ['pipeline', ['build-deck.ts']],
  // After the build: edited decks back into the data, and what changed between versions.
  ['absorb', ['absorb/', 'diff/']],
  ['studio', ['studio/']],
  ['commands', ['commands/']],
  ['cli', ['cli.ts']],
];

/** The layer index of a module path relative to src/ (forward slashes), or -1; the longest matching member wins. */
export function layerOf(rel) {
  let best = -1;
  let length = -1;
  LAYERS.forEach(([, members], index) => {
    for (const m of members) {
      const hit = m.endsWith('/') ? rel.startsWith(m) : rel === m;
      if (hit && m.length > length) [best, length] = [index, m.length];
    }
  });
  return best;
}

/** The specifiers a module names, as written: strings, or templates with `*` for their computed parts. */
function specifiersOf(file, text) {
  const { program, errors } = parseSync(file, text);
  if (errors.length > 0) return { found: [], unreadable: [`cannot be parsed: ${errors[0].message}`] };
  const found = [];
  const unreadable = [];
  const requires = new Set(['require']);
  /** `'x'`, `` `x` `` or `` `x/${y}.js` `` (→ 'x/*.js'); anything else cannot be read. */
  const take = (node, how) => {
    if (isBesideBundle(node)) return;
    if (node?.type === 'Literal' && typeof node.value === 'string') found.push(node.value);
    else if (node?.type === 'TemplateLiteral') found.push(node.quasis.map((q) => q.value.cooked).join('*'));
    else unreadable.push(`${how} with a computed specifier (line ${lineOf(text, node?.start ?? 0)})`);
  };
  const isRequire = (callee) =>
    (callee.type === 'Identifier' && requires.has(callee.name)) ||
    (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && requires.has(callee.object.name)) ||
    (callee.type === 'CallExpression' && callee.callee.type === 'Identifier' && callee.callee.name === 'createRequire');
  walk(program, (node) => {
    switch (node.type) {
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
      case 'ExportNamedDeclaration':
        if (node.source) take(node.source, 'an import');
        break;
      case 'TSImportType':
        take(node.source ?? node.argument?.literal, 'an import type');
        break;
      case 'ImportExpression':
        take(node.source, 'import()');
        break;
      case 'VariableDeclarator':
        // `const req = createRequire(import.meta.url)`: calls of `req` are imports.
        if (
          node.init?.type === 'CallExpression' &&
          node.init.callee.name === 'createRequire' &&
          node.id.type === 'Identifier'
        )
          requires.add(node.id.name);
        break;
      case 'CallExpression':
        if (isRequire(node.callee)) take(node.arguments[0], 'a require');
        break;
    }
  });
  return { found, unreadable };
}

/**
 * `path.join(import.meta.dirname, …)`: a file build-dist writes beside the bundle (run from source
 * there is none), not a module of src/, so it belongs to no layer.
 */
function isBesideBundle(node) {
  const callee = node?.type === 'CallExpression' ? node.callee : undefined;
  const first = node?.arguments?.[0];
  return (
    callee?.type === 'MemberExpression' &&
    callee.object.type === 'Identifier' &&
    callee.object.name === 'path' &&
    callee.property.name === 'join' &&
    first?.type === 'MemberExpression' &&
    first.object.type === 'MetaProperty' &&
    first.property.name === 'dirname'
  );
}

/** Visits every node in source order (variables are declared before they are called). */
function walk(node, visit) {
  if (Array.isArray(node)) for (const child of node) walk(child, visit);
  else if (node && typeof node === 'object') {
    if (typeof node.type === 'string') visit(node);
    for (const key in node) if (key !== 'parent' && typeof node[key] === 'object') walk(node[key], visit);
  }
}

const lineOf = (text, offset) => text.slice(0, offset).split('\n').length;

const escapeRegExp = (text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/**
 * The modules of `files` a relative specifier names, as TypeScript resolves them here
 * ('./x.js' is ./x.ts, a folder is its index.ts); a template names every module its fixed
 * parts match (`../commands/${name}.js` → every module in commands/).
 */
function resolve(from, spec, files) {
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  const written = (file) => [
    file,
    file.replace(/\.ts$/, '.js'),
    file.replace(/\.ts$/, ''),
    file.replace(/\/index\.ts$/, ''),
  ];
  const pattern = new RegExp(`^${joined.split('*').map(escapeRegExp).join('[^/]*')}$`);
  return files.filter((file) => written(file).some((name) => pattern.test(name)));
}

/**
 * Every source module of `srcDir` (tests excluded) with the modules it imports (paths relative
 * to src/, forward slashes), and the imports that could not be read or found.
 */
export function readGraph(srcDir) {
  const files = readdirSync(srcDir, { recursive: true })
    .map((f) => String(f).split(path.sep).join('/'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'));
  const graph = new Map();
  const problems = [];
  for (const file of files) {
    const { found, unreadable } = specifiersOf(file, readFileSync(path.join(srcDir, file), 'utf8'));
    problems.push(...unreadable.map((u) => `${file}: ${u}; write the path out so the layers can be checked`));
    const imports = [];
    for (const spec of found.filter((s) => s.startsWith('.'))) {
      const targets = resolve(file, spec, files);
      if (targets.length === 0 && !existsSync(path.join(srcDir, path.dirname(file), spec)))
        problems.push(`${file}: imports ${spec}, which is no module of src/`);
      imports.push(...targets);
    }
    graph.set(file, imports);
  }
  return { graph, problems };
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
  const at = process.argv.indexOf('--src');
  const src =
    at > 0 ? path.resolve(process.argv[at + 1]) : path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');
  const { graph, problems: unread } = readGraph(src);
  const problems = [...unread, ...upwardImports(graph), ...cycles(graph).map((c) => `cycle: ${c.join(' → ')}`)];
  for (const p of problems) console.log(p);
  console.log(
    problems.length === 0
      ? `layers: ${graph.size} modules, no upward import, no cycle`
      : `layers: ${problems.length} problem(s)`,
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
}
