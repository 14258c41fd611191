import type { Issue, SourceLocation } from '../errors.js';
import { english, said } from '../messages/catalogue.js';

/** 10 MB: an attachment most mail servers accept, even after base64 grows it by a third. */
const DEFAULT_BUDGET_BYTES = 10 * 1024 * 1024;

/** How many of the largest images the message names. */
const NAMED = 3;

/** Bytes as people read them: "830 B", "412 KB", "2.4 MB" (1 KB = 1024 B). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
}

/**
 * Checks that a deck fits in an e-mail. Images are summed as they are (JPEG and PNG
 * do not shrink in the .pptx zip); `otherBytes` is the rest of the package.
 * Returns one issue naming the total and the largest images when over budget.
 *
 * @param location where to report; defaults to the largest image's file, the first thing to shrink
 */
export function checkSizeBudget(
  images: readonly { sourceFile: string; bytes: number }[],
  otherBytes: number,
  budgetBytes: number = DEFAULT_BUDGET_BYTES,
  location?: SourceLocation,
): Issue | undefined {
  const total = images.reduce((sum, image) => sum + image.bytes, otherBytes);
  if (total <= budgetBytes) return undefined;

  // The same photo on three slides is embedded three times: count it once, with its uses.
  const byFile = new Map<string, { bytes: number; uses: number }>();
  for (const image of images) {
    const entry = byFile.get(image.sourceFile) ?? { bytes: 0, uses: 0 };
    byFile.set(image.sourceFile, { bytes: entry.bytes + image.bytes, uses: entry.uses + 1 });
  }
  const largest = [...byFile].sort((a, b) => b[1].bytes - a[1].bytes || a[0].localeCompare(b[0])).slice(0, NAMED);
  const named = largest.map(
    // `×2`: used twice, the same in every language.
    ([file, { bytes, uses }]) => `${file} ${formatBytes(bytes)}${uses > 1 ? ` ×${uses}` : ''}`,
  );
  const values = { deckSize: formatBytes(total), limitSize: formatBytes(budgetBytes), images: named.join(', ') };
  const message = english(said(named.length > 0 ? 'deck.overLimitImages' : 'deck.overLimit', values));
  return { file: largest[0]?.[0] ?? 'deck', ...location, message, severity: 'error' };
}
