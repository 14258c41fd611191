/**
 * Whole-process measurements: the bundle variants, cold `trappa build`, pandoc on the same
 * content, what each dependency costs to import, and which optional modules a build loads.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleLocator, readProfile, summarizeProfile, type ProfileSummary } from './profile.js';
import type { DeckStageTimes } from './stages.js';
import { runInterleaved, runOnce, sampleStats, stats, type Command, type SampleStats, type Stats } from './run.js';

export interface Paths {
  /** The Trappa checkout. */
  root: string;
  /** output/bench. */
  benchDir: string;
}

const node = process.execPath;

export interface BundleInfo {
  variant: 'bundled' | 'external';
  outdir: string;
  buildMs: number;
  /** Bytes of cli.js plus the chunks it imports statically (what a build parses). */
  startupBytes: number;
  /** Bytes of every file, lazily loaded chunks included. */
  totalBytes: number;
}

/**
 * An entry file and every file it loads at start: ES module chunks it imports statically
 * (`import … from "./chunk-….js"`), and the CommonJS bundle dist/cli.js runs through vm.Script
 * (`new URL('./cli-main.cjs', import.meta.url)`, scripts/cli-entry.mjs): what a build reads.
 */
function staticClosure(dir: string, entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const text = readFileSync(path.join(dir, entry), 'utf8');
  for (const m of text.matchAll(/^import [^;]*? from "\.\/([^"]+)";$/gm)) staticClosure(dir, m[1]!, seen);
  for (const m of text.matchAll(/new URL\("\.\/([^"]+\.cjs)", import\.meta\.url\)/g)) staticClosure(dir, m[1]!, seen);
  return seen;
}

const staticClosureBytes = (dir: string, entry: string): number =>
  [...staticClosure(dir, entry)].reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);

/**
 * Packages inlined in the files a build loads at start (esbuild marks each module with a
 * `// node_modules/…` line).
 */
export function bundledAtStart(dir: string): string[] {
  const found = new Set<string>();
  for (const file of staticClosure(dir, 'cli.js')) {
    for (const m of readFileSync(path.join(dir, file), 'utf8').matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm))
      found.add(m[1]!);
  }
  return [...found].sort();
}

export function buildBundle(paths: Paths, variant: BundleInfo['variant']): BundleInfo {
  const outdir = variant === 'bundled' ? path.join(paths.root, 'dist') : path.join(paths.benchDir, 'dist-external');
  const args = [
    'scripts/build-dist.mjs',
    '--quiet',
    '--outdir',
    outdir,
    ...(variant === 'external' ? ['--external'] : []),
  ];
  const { wallMs } = runOnce({ name: `build:dist ${variant}`, command: node, args, cwd: paths.root });
  const files = readdirSync(outdir).filter((f) => /\.c?js$/.test(f));
  const totalBytes = files.reduce((sum, f) => sum + statSync(path.join(outdir, f)).size, 0);
  return { variant, outdir, buildMs: wallMs, startupBytes: staticClosureBytes(outdir, 'cli.js'), totalBytes };
}

export interface ProbeResult {
  boot: number;
  modules: number;
  load: number;
  decks: DeckStageTimes[];
  total: number;
  maxRssMB: number;
}

/**
 * scripts/bench/cold-probe.ts bundled like dist/cli.js, run `runs` times in fresh processes:
 * a cold build split into node start, module loading, project loading and each deck's stages.
 */
export function probeCold(paths: Paths, runs: number): ProbeResult[] {
  const outdir = path.join(paths.benchDir, 'probe');
  runOnce({
    name: 'build probe',
    command: node,
    args: ['scripts/build-dist.mjs', '--quiet', '--entry', 'scripts/bench/cold-probe.ts', '--outdir', outdir],
    cwd: paths.root,
  });
  const results: ProbeResult[] = [];
  for (let i = 0; i < runs; i++) {
    const { stdout } = runOnce({
      name: 'cold probe',
      command: node,
      args: [path.join(outdir, 'cli.js'), paths.root],
      cwd: paths.root,
    });
    results.push(JSON.parse(stdout) as ProbeResult);
  }
  return results;
}

export interface ColdResult {
  name: string;
  command: string;
  stats: SampleStats;
}

/** Runs the commands interleaved; a command's label is its `name`. */
export function measureCommands(commands: Command[], runs: number, warmup = 1): ColdResult[] {
  const samples = runInterleaved(commands, runs, warmup);
  return commands.map((c) => ({
    name: c.name,
    command: [path.basename(c.command), ...c.args].join(' '),
    stats: sampleStats(samples.get(c.name)!),
  }));
}

export interface ImportCost {
  module: string;
  ms: Stats;
}

/** Time to import each package alone in a fresh node (median of `runs`), from inside the checkout. */
export function importCosts(root: string, modules: string[], runs: number): ImportCost[] {
  const samples = new Map<string, number[]>(modules.map((m) => [m, []]));
  for (let r = 0; r < runs; r++) {
    for (const module of modules) {
      const code =
        `const t = performance.now(); await import(${JSON.stringify(module)}); ` +
        `console.log(performance.now() - t);`;
      const { stdout } = runOnce({
        name: `import ${module}`,
        command: node,
        args: ['--input-type=module', '-e', code],
        cwd: root,
      });
      samples.get(module)!.push(Number(stdout.trim()));
    }
  }
  return modules.map((module) => ({ module, ms: stats(samples.get(module)!) }));
}

/**
 * Packages a command loads, seen by an ESM resolve hook (entry points only: what those
 * packages `require` internally is not listed, their entry is enough to tell).
 */
export function packagesLoaded(paths: Paths, args: string[]): string[] {
  const log = path.join(paths.benchDir, 'loaded-packages.txt');
  const hooks = path.join(paths.benchDir, 'loaded-hooks.mjs');
  const register = path.join(paths.benchDir, 'loaded-register.mjs');
  rmSync(log, { force: true });
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';\n` +
      `export async function resolve(specifier, context, next) {\n` +
      `  const r = await next(specifier, context);\n` +
      `  const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(r.url);\n` +
      `  if (m) appendFileSync(${JSON.stringify(log)}, m[1] + '\\n');\n` +
      `  return r;\n}\n`,
  );
  writeFileSync(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(new URL(`file://${hooks}`).href)});\n`,
  );
  runOnce({ name: 'packages loaded', command: node, args: ['--import', register, ...args], cwd: paths.root });
  let names: string[] = [];
  try {
    names = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  } catch {
    // no package resolved through ESM: nothing to list
  }
  for (const f of [log, hooks, register]) rmSync(f, { force: true });
  return [...new Set(names)].sort();
}

/** One `node --cpu-prof` run of `args`, summarized by module (the bundle is mapped back to its sources). */
export function profileRun(paths: Paths, name: string, args: string[]): ProfileSummary & { file: string } {
  const dir = path.join(paths.benchDir, 'profiles');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.cpuprofile`);
  rmSync(file, { force: true });
  runOnce({
    name: `profile ${name}`,
    command: node,
    args: ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-name', `${name}.cpuprofile`, ...args],
    cwd: paths.root,
  });
  return { ...summarizeProfile(readProfile(file), bundleLocator(), 25), file: path.relative(paths.root, file) };
}
