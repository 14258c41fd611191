/**
 * Reads a V8 .cpuprofile (from `node --cpu-prof`) and says where the time went:
 * self time per source (a package in node_modules, a folder of src/, or node's internals),
 * and inclusive time of the heaviest functions.
 *
 *   npx tsx scripts/bench/profile.ts output/bench/cold.cpuprofile
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time by source, descending. */
  bySource: { source: string; ms: number }[];
  /** Inclusive time of the heaviest functions (recursion counted once), descending. */
  byFunction: { fn: string; ms: number }[];
}

/** A frame's module, as a path inside the project: `node_modules/zod/v4/core/core.js`, `src/layout/fonts.ts`. */
export function moduleOf(url: string): string {
  if (url === '') return '';
  if (url.startsWith('node:')) return url;
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm);
  const src = url.lastIndexOf('/src/');
  if (src >= 0) return url.slice(src + 1);
  return url.replace(/^file:\/\//, '');
}

/** A module's group in the summary: a package (`zod`), a folder of src/ (`src/layout`), or node's internals. */
export function sourceOf(module: string): string {
  if (module === '') return '(native / gc / idle)';
  if (module.startsWith('node:')) return 'node internals';
  if (module.startsWith('node_modules/')) {
    const rest = module.slice('node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (module.startsWith('src/')) return module.split('/').slice(0, 2).join('/');
  return module;
}

/**
 * @param locate maps a frame to its module (see `moduleOf`); defaults to its URL. A bundle has
 * one URL for everything, so for one the caller passes `bundleLocator()`.
 */
export function summarizeProfile(
  profile: CpuProfile,
  locate: (frame: CallFrame) => string = (f) => moduleOf(f.url),
  top = 15,
): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  const bySource = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    const name = node.callFrame.functionName;
    const source = /^\((garbage collector|program|idle)\)$/.test(name) ? name : sourceOf(locate(node.callFrame));
    bySource.set(source, (bySource.get(source) ?? 0) + us);
    // Inclusive: every distinct function on the stack gets the sample once.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      const module = locate(f).replace(/^node_modules\//, '');
      const key = `${f.functionName || '(anonymous)'} ${module || '(native)'}`;
      if (seen.has(key)) continue;
      seen.add(key);
      byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    }
  }
  const sorted = <K>(m: Map<K, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return {
    totalMs: (profile.endTime - profile.startTime) / 1000,
    bySource: sorted(bySource).map(([source, us]) => ({ source, ms: us / 1000 })),
    byFunction: sorted(byFunction)
      .filter(([k]) => !/^\((root|program|idle)\)/.test(k))
      .slice(0, top)
      .map(([fn, us]) => ({ fn, ms: us / 1000 })),
  };
}

/**
 * A locator for an esbuild bundle built without minification: esbuild starts every module
 * with a `// node_modules/zod/v4/core/schemas.js` comment, so a frame's line says whose code it is.
 * Frames outside a bundle are located by their URL.
 */
export function bundleLocator(): (frame: CallFrame) => string {
  const cache = new Map<string, { line: number; module: string }[]>();
  const marks = (url: string) => {
    let m = cache.get(url);
    if (!m) {
      m = [];
      try {
        readFileSync(url.startsWith('file://') ? new URL(url) : url, 'utf8')
          .split('\n')
          .forEach((text, i) => {
            const hit = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(text);
            if (hit) m!.push({ line: i, module: hit[1]! });
          });
      } catch {
        // not a file we can read: the URL will do
      }
      cache.set(url, m);
    }
    return m;
  };
  return (frame) => {
    // dist/cli-main.cjs runs as a script named by its path (scripts/cli-entry.mjs), the rest by URL.
    const inFile = frame.url.startsWith('file://') || path.isAbsolute(frame.url);
    if (!inFile || /\/(node_modules|src)\//.test(frame.url)) return moduleOf(frame.url);
    let found: string | undefined;
    for (const mark of marks(frame.url)) {
      if (mark.line > frame.lineNumber) break;
      found = mark.module;
    }
    return found ?? `${moduleOf(frame.url)} (bundle runtime)`;
  };
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}

const isEntry = process.argv[1] !== undefined && /profile\.(ts|js)$/.test(process.argv[1]);
if (isEntry) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: tsx scripts/bench/profile.ts <file.cpuprofile>');
  const s = summarizeProfile(readProfile(file), bundleLocator(), 30);
  console.log(`total ${s.totalMs.toFixed(0)} ms`);
  for (const r of s.bySource.slice(0, 20)) console.log(`${r.ms.toFixed(1).padStart(8)} ms  ${r.source}`);
  console.log('--- inclusive');
  for (const r of s.byFunction) console.log(`${r.ms.toFixed(1).padStart(8)} ms  ${r.fn}`);
}
