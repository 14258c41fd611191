#!/usr/bin/env node
/**
 * Bundles src/cli.ts into dist/cli-main.cjs with esbuild, for a fast cold start: one file to read
 * and compile instead of ~90 TypeScript modules through tsx. dist/cli.js (scripts/cli-entry.mjs)
 * runs it with V8's code cache of an earlier run.
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
 * - nodemailer, pdf.js and LibreOffice code are reached through dynamic import() only. In the one
 *   CommonJS file, a module reached so is wrapped in a function that runs on the import(): its
 *   text is read with the rest, but it is compiled and evaluated only on use.
 * - One CommonJS file, not ES module chunks: V8 takes a code cache made after a run (the functions
 *   the run called included) only for a script (scripts/cli-entry.mjs says what it saves).
 */
import { build } from 'esbuild';
import { readdir, readFile, rm } from 'node:fs/promises';
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
function sourceRewritePlugin(outdir, { script = false } = {}) {
  // The bundle's own URL: import.meta in an ES module, the loader's __trappaUrl in the script.
  const base = script ? '__trappaUrl' : 'import.meta.url';
  return {
    name: 'trappa-source-rewrites',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        let contents = text.replace(/^import \{ z \} from 'zod';$/gm, "import * as z from 'zod';");
        if (contents.includes('import.meta.url')) {
          const rel = path.relative(outdir, args.path).split(path.sep).join('/');
          contents = contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, ${base}).href`);
        }
        if (script) contents = scriptRewrites(contents);
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
 * What differs in the CommonJS script from an ES module, for src/ (node_modules' few dynamic
 * imports are of Node's built-ins, which esbuild turns into require()):
 * - import.meta.dirname is the script's __dirname;
 * - import() of a package left outside the bundle goes through the loader's own import()
 *   (`__trappaImport`), so sharp, nodemailer and pdf.js load as the ES modules they are, as before.
 * A type (`typeof import('…')`) is left alone.
 */
function scriptRewrites(text) {
  const packages = alwaysExternal.map((name) => name.replace(/[/.]/g, '\\$&')).join('|');
  return text
    .replaceAll('import.meta.dirname', '__dirname')
    .replace(
      new RegExp(`(?<!typeof )\\bimport\\((['"])((?:${packages})(?:/[^'"]*)?)\\1\\)`, 'g'),
      '__trappaImport($1$2$1)',
    );
}

/**
 * A hash of what the bundle is made from (src/, package.json, package-lock.json), as
 * `process.env.TRAPPA_BUILD_ID`: what a store of Trappa's own work keys by (src/template/template-store.ts),
 * so that a changed Trappa never takes an earlier one's results for its own while the version stays the same.
 */
async function buildId() {
  const { createHash } = await import('node:crypto');
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

/** Native, or big and needed by only some commands: never inlined. esbuild: only the studio's page script. */
const alwaysExternal = ['sharp', 'nodemailer', 'pdfjs-dist', '@napi-rs/keyring', 'esbuild'];

/**
 * The CLI's commands (`program.command('build')` in src/commands/): the loader keeps a code cache
 * per command. test/code-cache.test.ts checks the list against the program's own.
 */
export async function commandNames() {
  const dir = path.join(root, 'src/commands');
  const names = new Set();
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.ts')).sort()) {
    for (const m of (await readFile(path.join(dir, file), 'utf8')).matchAll(/\.command\('([a-z-]+)'\)/g))
      names.add(m[1]);
  }
  return [...names].sort();
}

export async function buildDist({
  external = false,
  outdir = path.join(root, 'dist'),
  meta = false,
  entry = 'src/cli.ts',
} = {}) {
  await rm(outdir, { recursive: true, force: true });
  const define = {
    'process.env.TRAPPA_STUDIO_WORKER_BUNDLE': JSON.stringify('studio-worker.js'),
    'process.env.TRAPPA_HYPHEN_PATTERNS': JSON.stringify(HYPHEN_PATTERNS),
    'process.env.TRAPPA_BUILD_ID': JSON.stringify(await buildId()),
    'process.env.TRAPPA_PRECOMPILED_TEMPLATES': JSON.stringify(PRECOMPILED_TEMPLATES),
  };
  const shared = {
    absWorkingDir: root,
    define,
    outdir,
    entryNames: '[name]',
    bundle: true,
    platform: 'node',
    target: 'node22',
    packages: external ? 'external' : undefined,
    external: alwaysExternal,
    // Unminified: readable stack traces, and --cpu-prof profiles can be mapped back to modules
    // (scripts/bench/profile.ts). Minifying (1.9 → 1.0 MB) made no difference beyond noise to start-up.
    minify: false,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  };
  // The CLI: one CommonJS script, run by cli.js (scripts/cli-entry.mjs) with its arguments.
  const result = await build({
    ...shared,
    entryPoints: { [MAIN]: entry },
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    // node_modules' import() of Node's built-ins (pptxgenjs: node:fs) becomes require();
    // src/'s of external packages went to __trappaImport (scriptRewrites).
    supported: { 'dynamic-import': false },
    // A function of CommonJS's arguments and the loader's own, which the loader compiles as it
    // is: no wrapper joined to 4 MB of text (a second copy of it at start).
    banner: { js: `(function (${SCRIPT_PARAMETERS.join(', ')}) {` },
    footer: { js: '})' },
    metafile: true,
    plugins: [sourceRewritePlugin(outdir, { script: true })],
  });
  // The studio's worker thread (src/studio/studio-thread.ts): an ES module of its own.
  await build({
    ...shared,
    entryPoints: { 'studio-worker': 'src/studio/studio-worker.ts' },
    format: 'esm',
    // jszip (inside pptxgenjs) and handlebars are CommonJS and call require('stream') etc.;
    // in an ESM bundle esbuild's require shim needs a real `require` to hand those to.
    banner: {
      js:
        "import { createRequire as __trappaCreateRequire } from 'node:module';\nconst require = " +
        '__trappaCreateRequire(import.meta.url);',
    },
    plugins: [sourceRewritePlugin(outdir)],
  });
  await escapeToAscii(path.join(outdir, `${MAIN}.cjs`));
  await writeEntry(outdir);
  await buildStudioClient(outdir);
  await writeHyphenPatterns(outdir);
  await writePrecompiledTemplates(outdir);
  if (meta) {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(outdir, 'meta.json'), JSON.stringify(result.metafile));
  }
  return result;
}

/**
 * esbuild writes strings ASCII-only but leaves comments and regular expressions as they are
 * (`/^(«.*») → («.*»)/`): one such character makes the whole 4 MB script a two-byte string,
 * decoded from UTF-8 in ~11 ms instead of read in ~1. A \uXXXX escape means the same character
 * in a regular expression, and nothing in a comment.
 */
async function escapeToAscii(file) {
  const { writeFile } = await import('node:fs/promises');
  const text = await readFile(file, 'utf8');
  // `\«` (an escaped character) would become `\\u00ab`, a backslash and letters: not written so.
  if (/\\[^\0-\x7f]/.test(text)) throw new Error(`build-dist: ${file} escapes a non-ASCII character`);
  const ascii = text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) await writeFile(file, ascii);
}

/** The bundle of src/cli.ts (or --entry), beside the cli.js that starts it. */
const MAIN = 'cli-main';

/** What scripts/cli-entry.mjs calls the bundle's function with, in this order. */
const SCRIPT_PARAMETERS = ['exports', 'require', 'module', '__filename', '__dirname', '__trappaUrl', '__trappaImport'];

/**
 * dist/cli.js: scripts/cli-entry.mjs, told the bundle's hash (what its code cache is kept under)
 * and the commands. `node dist/cli.js` (npm start, the tests' CLI, the bench's `trappa` rows) and
 * bin/trappa.js start the CLI through it.
 */
async function writeEntry(outdir) {
  const { createHash } = await import('node:crypto');
  const bundle = await readFile(path.join(outdir, `${MAIN}.cjs`));
  await build({
    absWorkingDir: root,
    entryPoints: { cli: 'scripts/cli-entry.mjs' },
    define: {
      'process.env.TRAPPA_BUNDLE_HASH': JSON.stringify(createHash('sha256').update(bundle).digest('hex')),
      'process.env.TRAPPA_COMMANDS': JSON.stringify((await commandNames()).join(',')),
    },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
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
