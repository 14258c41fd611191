#!/usr/bin/env node
/**
 * Bundles src/cli.ts into dist/cli-main.js (and its chunks) with esbuild, for a fast cold start:
 * one file to read and compile instead of ~90 TypeScript modules through tsx. dist/cli.js starts
 * it, with Node's compile cache on (writeCompileCacheEntry).
 *
 *   node scripts/build-dist.mjs                  # dist/cli.js, dependencies bundled (the default)
 *   node scripts/build-dist.mjs --external       # dependencies left in node_modules (for comparison)
 *   node scripts/build-dist.mjs --outdir <dir>   # somewhere else (the benchmark builds both variants)
 *   node scripts/build-dist.mjs --meta           # also writes <outdir>/meta.json (what the bundle holds)
 *   node scripts/build-dist.mjs --entry <file>   # bundle another entry the same way (the benchmark's probe)
 *
 * Bundling the pure-JS dependencies (pptxgenjs + jszip, yaml, zod, handlebars, commander,
 * fflate) starts faster than resolving them from node_modules (`npm run bench`, 2 cores:
 * build --all 759 vs 851 ms, CPU 1045 vs 1160 ms). Whatever can stay out of a build stays out:
 * - sharp and @napi-rs/keyring are native and find their own binaries: always external.
 *   src/images/load-sharp.ts loads sharp with import() on the first picture, so a build without
 *   pictures never pays for it.
 * - nodemailer and LibreOffice code are reached through dynamic import() only; with
 *   `splitting` each such import() becomes its own chunk file in dist/, loaded on use.
 */
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const args = { external: false, outdir: path.join(root, 'dist'), meta: false, quiet: false, entry: 'src/cli.ts' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--external') args.external = true;
    else if (a === '--meta') args.meta = true;
    else if (a === '--quiet') args.quiet = true;
    else if (a === '--outdir') args.outdir = path.resolve(argv[++i] ?? 'dist');
    else if (a === '--entry') args.entry = argv[++i] ?? args.entry;
    else throw new Error(`build-dist: unknown argument ${a}`);
  }
  return args;
}

/**
 * Rewrites invisible to the code:
 * - import.meta.url: source modules find package files relative to themselves
 *   (`new URL('../../package.json', import.meta.url)` in src/versions/input-hash.ts, assets/fonts/
 *   from src/fonts/fonts.ts). In the bundle every module's import.meta.url would be
 *   dist/cli.js, so each one's is rewritten to the URL of its own source file, computed from
 *   where the bundle sits. That needs every output file directly in outdir (chunks included).
 * - `import { z } from 'zod'` → `import * as z from 'zod'`: the same namespace, but esbuild
 *   can then drop what is never used (the 40 locales, JSON-Schema import): zod goes from
 *   750 KB to 180 KB of bundle and its load from ~80 ms to ~35 ms (zod recommends the
 *   namespace import for this reason).
 */
function sourceRewritePlugin(outdir) {
  return {
    name: 'trappa-source-rewrites',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        let contents = text.replace(/^import \{ z \} from 'zod';$/gm, "import * as z from 'zod';");
        if (contents.includes('import.meta.url')) {
          const rel = path.relative(outdir, args.path).split(path.sep).join('/');
          contents = contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`);
        }
        return contents === text ? undefined : { contents, loader: 'ts' };
      });
      // Handlebars tries require('source-map') for templates compiled with `srcName` (Trappa never
      // does) and has its own fallback without it: 62 KB less to load.
      b.onResolve({ filter: /^source-map$/ }, (args) =>
        /[\\/]handlebars[\\/]/.test(args.importer) ? { path: 'source-map', namespace: 'trappa-empty' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'trappa-empty' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
      // pptxgenjs imports node:https on every write, for pictures given as a URL; Trappa gives every
      // picture as data (src/pptx/write-pptx.ts), so it is never used. Loading it (tls, http, net's
      // agents) cost ~10 ms of each build's CPU. The stand-in fails loudly should that ever change.
      b.onResolve({ filter: /^node:https$/ }, (args) =>
        /[\\/]pptxgenjs[\\/]/.test(args.importer) ? { path: 'https', namespace: 'trappa-no-https' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'trappa-no-https' }, () => ({
        contents: 'export default { get() { throw new Error("Trappa gives pptxgenjs pictures as data, not URLs"); } };',
        loader: 'js',
      }));
    },
  };
}

/**
 * A hash of what the bundle is made from (src/, package.json, package-lock.json), as
 * `process.env.TRAPPA_BUILD_ID`: what a store of Trappa's own work keys by (src/template/template-store.ts),
 * so that a changed Trappa never takes an earlier one's results for its own while the version stays the same.
 */
async function buildId() {
  const { createHash } = await import('node:crypto');
  const { readdir } = await import('node:fs/promises');
  const hash = createHash('sha256');
  const sources = (await readdir(path.join(root, 'src'), { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) =>
      path
        .relative(root, path.join(e.parentPath ?? e.path, e.name))
        .split(path.sep)
        .join('/'),
    );
  // This script too: its bundling options (stand-ins, defines) shape the code that reads templates.
  for (const file of [...sources.sort(), 'package.json', 'package-lock.json', 'scripts/build-dist.mjs']) {
    const bytes = await readFile(path.join(root, file)).catch(() => Buffer.alloc(0));
    hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

/** Native, or big and needed by only some commands: never inlined. */
const alwaysExternal = ['sharp', 'nodemailer', 'pdfjs-dist', '@napi-rs/keyring'];

export async function buildDist({
  external = false,
  outdir = path.join(root, 'dist'),
  meta = false,
  entry = 'src/cli.ts',
} = {}) {
  await rm(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    // The CLI is cli-main.js, started by cli.js (writeCompileCacheEntry). The studio's worker
    // thread (src/studio/studio-thread.ts) is its own entry beside them.
    entryPoints: { [MAIN]: entry, 'studio-worker': 'src/studio/studio-worker.ts' },
    define: {
      'process.env.TRAPPA_STUDIO_WORKER_BUNDLE': JSON.stringify('studio-worker.js'),
      'process.env.TRAPPA_HYPHEN_PATTERNS': JSON.stringify(HYPHEN_PATTERNS),
      'process.env.TRAPPA_BUILD_ID': JSON.stringify(await buildId()),
      'process.env.TRAPPA_PRECOMPILED_TEMPLATES': JSON.stringify(PRECOMPILED_TEMPLATES),
    },
    outdir,
    entryNames: '[name]',
    // Next to cli.js, not in a subfolder: see sourceRewritePlugin.
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: external ? 'external' : undefined,
    external: alwaysExternal,
    // jszip (inside pptxgenjs) and handlebars are CommonJS and call require('stream') etc.;
    // in an ESM bundle esbuild's require shim needs a real `require` to hand those to.
    banner: {
      js:
        "import { createRequire as __trappaCreateRequire } from 'node:module';\nconst require = " +
        '__trappaCreateRequire(import.meta.url);',
    },
    // Unminified: readable stack traces, and --cpu-prof profiles can be mapped back to modules
    // (scripts/bench/profile.ts). Minifying (1.9 → 1.0 MB) made no difference beyond noise to start-up.
    minify: false,
    sourcemap: false,
    legalComments: 'none',
    // Always: writeCompileCacheEntry reads the CLI's exports from it.
    metafile: true,
    logLevel: 'warning',
    plugins: [sourceRewritePlugin(outdir)],
  });
  await writeCompileCacheEntry(outdir, result.metafile);
  await buildStudioClient(outdir);
  await writeHyphenPatterns(outdir);
  await writePrecompiledTemplates(outdir);
  if (meta) {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(outdir, 'meta.json'), JSON.stringify(result.metafile));
  }
  return result;
}

/** The bundle of src/cli.ts (or --entry), beside the cli.js that starts it. */
const MAIN = 'cli-main';

/**
 * dist/cli.js: turns on Node's compile cache (22.1+; bin/trappa.js does the same), then loads the
 * bundle. `node dist/cli.js` (npm start, the tests' CLI, the bench's `trappa` rows) compiled the
 * bundle's ~2 MB from scratch on every start: a module's static imports are compiled before any
 * of its code runs, so the bundle cannot turn the cache on for its own chunks; this entry does,
 * and imports it dynamically. Re-exports the bundle's exports (bin/trappa.js calls main).
 */
async function writeCompileCacheEntry(outdir, metafile) {
  const { writeFile } = await import('node:fs/promises');
  const [, output] = Object.entries(metafile.outputs).find(([file]) => path.basename(file) === `${MAIN}.js`);
  const names = output.exports.toSorted();
  const text = [
    "// Turns on Node's compile cache before the bundle is compiled (scripts/build-dist.mjs writeCompileCacheEntry).",
    "import module from 'node:module';",
    'module.enableCompileCache?.();',
    `const cli = await import('./${MAIN}.js');`,
    ...(names.length > 0 ? [`export const { ${names.join(', ')} } = cli;`] : []),
    '',
  ].join('\n');
  await writeFile(path.join(outdir, 'cli.js'), text);
}

/** The folder beside the bundle with the hyphenation patterns as JSON (src/layout/hyphenate.ts). */
const HYPHEN_PATTERNS = 'hyphen-patterns';

/**
 * The `hyphen` package's patterns that src/layout/hyphenate.ts loads, as JSON named by the
 * package's version: V8 compiles the 570 KB JavaScript literal in ~140 ms, JSON.parse reads it
 * in ~20 ms. Written only when the JSON gives back exactly the package's data.
 */
async function writeHyphenPatterns(outdir) {
  const { createRequire } = await import('node:module');
  const { deepStrictEqual } = await import('node:assert');
  const { mkdir, writeFile } = await import('node:fs/promises');
  const require = createRequire(path.join(root, 'src/layout/hyphenate.ts'));
  const { version } = require('hyphen/package.json');
  await mkdir(path.join(outdir, HYPHEN_PATTERNS), { recursive: true });
  for (const name of ['nb', 'nn', 'en-gb']) {
    const patterns = require(`hyphen/patterns/${name}.js`);
    const json = JSON.stringify(patterns);
    deepStrictEqual(JSON.parse(json), patterns);
    await writeFile(path.join(outdir, HYPHEN_PATTERNS, `${version}-${name}.json`), json);
  }
}

/** The wording templates compiled at bundling, beside the bundle (src/render/precompiled-templates.ts). */
const PRECOMPILED_TEMPLATES = 'wording-templates.cjs';

/**
 * Every Handlebars template in templates/<language>/*.yaml (the wording a project starts from),
 * compiled as src/render/precompiled-templates.ts compiles them at run time, keyed by its source
 * text: a build then parses and compiles only the wording someone wrote or changed. The file names
 * the Handlebars version and the options; a bundle run with other ones compiles everything.
 */
async function writePrecompiledTemplates(outdir) {
  const { createRequire } = await import('node:module');
  const { readdir, writeFile } = await import('node:fs/promises');
  const { parse } = await import('yaml');
  const require = createRequire(path.join(root, 'src/render/precompiled-templates.ts'));
  const Handlebars = require('handlebars');
  // As COMPILE_OPTIONS in src/render/precompiled-templates.ts; the file says which were used.
  // Each compile gets a copy: Handlebars adds its defaults to the object it is given (compile copies first).
  const options = { strict: true, noEscape: true };
  const sources = new Set();
  const collect = (value) => {
    if (typeof value === 'string') {
      if (value.includes('{{')) sources.add(value);
    } else if (value && typeof value === 'object') for (const v of Object.values(value)) collect(v);
  };
  const files = (await readdir(path.join(root, 'templates'), { recursive: true })).filter((f) => f.endsWith('.yaml'));
  for (const file of files.sort()) collect(parse(await readFile(path.join(root, 'templates', file), 'utf8')));
  const entries = [...sources].map(
    (source) => `  [${JSON.stringify(source)}, ${Handlebars.precompile(source, { ...options })}],`,
  );
  const text = [
    '// Wording templates compiled when Trappa was bundled (scripts/build-dist.mjs writePrecompiledTemplates).',
    "'use strict';",
    `module.exports = { version: ${JSON.stringify(Handlebars.VERSION)}, options: ${JSON.stringify(options)}, templates: new Map([`,
    ...entries,
    ']) };',
    '',
  ].join('\n');
  await writeFile(path.join(outdir, PRECOMPILED_TEMPLATES), text);
}

/**
 * Trappa Studio's page script (src/studio/client), for the browser, beside cli.js: the studio
 * serves it from there (src/studio/static-files.ts), so the page works offline and starts fast.
 */
async function buildStudioClient(outdir) {
  await build({
    absWorkingDir: root,
    entryPoints: ['src/studio/client/main.ts'],
    outfile: path.join(outdir, 'studio-app.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  await buildDist(args);
  if (!args.quiet) {
    const rel = path.relative(process.cwd(), path.join(args.outdir, 'cli.js'));
    console.log(
      `built ${rel} (${args.external ? 'dependencies external' : 'dependencies bundled'}) in ` +
        `${Math.round(performance.now() - started)} ms`,
    );
  }
}
