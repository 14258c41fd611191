/**
 * Reads a V8 .cpuprofile (from `node --cpu-prof`) and says where the time went:
 * self time per source (a package in node_modules, a folder of src/, or node's internals),
 * and inclusive time of the heaviest functions.
 *
 *   npx tsx scripts/bench/profile.ts output/bench/cold.cpuprofile
 */
import { readFileSync } from 'node:fs';

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

/** `node_modules/zod/...` → `zod`; `src/layout/x.ts` → `src/layout`; dist chunks are mapped by the caller's `locate`. */
export function sourceOf(url: string): string {
  if (url === '') return '(native / gc / idle)';
  if (url.startsWith('node:')) return 'node internals';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const src = url.indexOf('/src/');
  if (src >= 0) return url.slice(src + 1).split('/').slice(0, 2).join('/');
  return url.replace(/^file:\/\//, '');
}

/**
 * @param locate maps a frame to a source name; defaults to its URL. A bundle has one URL for
 * everything, so the benchmark passes a locator that looks the line up in esbuild's output.
 */
export function summarizeProfile(profile: CpuProfile, locate: (frame: CallFrame) => string = (f) => sourceOf(f.url), top = 15): ProfileSummary {
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
    const source = name === '(garbage collector)' ? '(garbage collector)' : name === '(program)' || name === '(idle)' ? `(${name.replace(/[()]/g, '')})` : locate(node.callFrame);
    bySource.set(source, (bySource.get(source) ?? 0) + us);
    // Inclusive: every distinct function on the stack gets the sample once.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${locate(f)}:${f.lineNumber + 1}`;
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
      .filter(([k]) => !k.startsWith('(root)'))
      .slice(0, top)
      .map(([fn, us]) => ({ fn, ms: us / 1000 })),
  };
}

/**
 * A locator for an esbuild bundle built without minification: esbuild starts every module
 * with a `// node_modules/zod/v4/core/schemas.js` comment, so a frame's line says whose code it is.
 */
export function bundleLocator(): (frame: CallFrame) => string {
  const cache = new Map<string, { line: number; source: string }[]>();
  const marks = (url: string) => {
    let m = cache.get(url);
    if (!m) {
      m = [];
      try {
        const lines = readFileSync(new URL(url), 'utf8').split('\n');
        lines.forEach((text, i) => {
          const hit = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(text);
          if (hit) m!.push({ line: i, source: sourceOf(hit[1]!) });
        });
      } catch {
        // not a file URL we can read: fall back to the URL itself
      }
      cache.set(url, m);
    }
    return m;
  };
  return (frame) => {
    if (!frame.url.startsWith('file://') || frame.url.includes('/node_modules/')) return sourceOf(frame.url);
    const m = marks(frame.url);
    let found: string | undefined;
    for (const mark of m) {
      if (mark.line > frame.lineNumber) break;
      found = mark.source;
    }
    return found ?? `${sourceOf(frame.url)} (bundle runtime)`;
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
