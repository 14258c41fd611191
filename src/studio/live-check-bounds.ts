/**
 * How much the live check may do. It builds every deck in memory and runs `trappa check`'s
 * rules on the bytes: on a 2 MB strategy (a 520-slide deck) some 100 s of CPU and 1.3 GB
 * after every pause in typing, which ate the machine the user types on. So a project whose
 * data files together pass `bytes` is not checked while editing, and a check that needs more
 * heap than `heapMb` ends its worker (not the Studio). Either way the page is told, in its
 * language and at the largest data file, to run `trappa check` instead; the slides still
 * follow every edit (they lay out only the slides whose inputs changed).
 */
import type { Issue } from '../errors.js';
import type { Messages } from '../messages/catalogue.js';
import type { ProjectFiles } from './project-files.js';
import { WorkerOutOfMemory } from './studio-thread.js';

export interface CheckBounds {
  /** The data files' size (strategy, theme, decks) above which the check waits for `trappa check`. */
  bytes: number;
  /** The check worker's heap (V8's old generation), MB. */
  heapMb: number;
}

/**
 * 256 KB of data is some 700 plan rows (~10 s of niced CPU for the check, 2 cores); the bundled
 * project is 15 KB. A check of up to that size stays well inside 256 MB of heap.
 */
export const CHECK_BOUNDS: CheckBounds = { bytes: 256 * 1024, heapMb: 256 };

/** The live check's answer (live-check.ts, translated); `skipped` when it was left to the CLI. */
export interface CheckAnswer {
  decks: Array<{ id: string; findings: Issue[] }>;
  issues: Issue[];
  skipped?: boolean;
}

const skipped = (file: string, message: string): CheckAnswer => ({
  decks: [],
  issues: [{ file, message, severity: 'warning' }],
  skipped: true,
});

/** `bytes` as people read it: 15 KB, 1,9 MB (nb, nn), 1.9 MB (en). */
function sizeText(bytes: number, lang: Messages['lang']): string {
  const number = new Intl.NumberFormat(lang === 'en' ? 'en' : 'nb', { maximumFractionDigits: 1 });
  return bytes < 2 ** 20 ? `${Math.ceil(bytes / 1024)} KB` : `${number.format(bytes / 2 ** 20)} MB`;
}

/** `check()`'s answer, or the page told why the project is not checked while editing. */
export async function checkedWithin(
  bounds: CheckBounds,
  files: ProjectFiles,
  messages: Messages,
  check: () => Promise<CheckAnswer>,
): Promise<CheckAnswer> {
  const size = await files.dataBytes();
  if (size.total > bounds.bytes) {
    return skipped(size.largest, messages.say('checkTooLarge', { size: sizeText(size.total, messages.lang) }));
  }
  try {
    return await check();
  } catch (error) {
    if (!(error instanceof WorkerOutOfMemory)) throw error;
    return skipped(size.largest, messages.say('checkOutOfMemory', { limit: error.limitMb }));
  }
}
