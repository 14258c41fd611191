/**
 * The image pass between layout and writing: every pending picture is prepared
 * by sharp at the size it is placed at, and the deck is checked against its
 * e-mail size budget.
 */
import path from 'node:path';
import { fail, ok, type Issue, type Result, type SourceLocation } from '../errors.js';
import { prepareImages, toImageElement, type ImageStats, type PreparedImage } from '../images/prepare-image.js';
import { checkSizeBudget } from '../images/size-budget.js';
import type { LaidOutDeck, PendingImageElement, SlideElement } from '../layout/types.js';

export interface PlaceImagesOptions {
  projectRoot: string;
  stats?: ImageStats;
  /** @default "<projectRoot>/.cache/images" */
  cacheDir?: string;
  /** See PrepareImagesOptions.onRender. */
  onRender?: () => void;
}

function pendingImages(deck: LaidOutDeck): PendingImageElement[] {
  return deck.slides.flatMap((s) => s.elements.filter((e): e is PendingImageElement => e.type === 'pending-image'));
}

export async function placeImages(
  deck: LaidOutDeck,
  options: PlaceImagesOptions,
): Promise<Result<{ deck: LaidOutDeck; images: PreparedImage[] }>> {
  const pending = pendingImages(deck);
  if (pending.length === 0) return ok({ deck, images: [] });
  const { images, issues } = await prepareImages(
    pending.map((p) => ({ ref: p.ref, box: p.box, location: p.location, fit: p.fit })),
    {
      projectRoot: options.projectRoot,
      cacheDir: options.cacheDir ?? path.join(options.projectRoot, '.cache', 'images'),
      stats: options.stats,
      onRender: options.onRender,
    },
  );
  if (issues.length > 0) return fail(dedupe(issues));
  const byElement = new Map<PendingImageElement, PreparedImage>();
  // prepareImages keeps the order of its requests, one result per request.
  pending.forEach((p, i) => byElement.set(p, images[i]!));
  const place = (e: SlideElement): SlideElement => {
    if (e.type !== 'pending-image') return e;
    return toImageElement(byElement.get(e)!, e.name);
  };
  return ok({ deck: { ...deck, slides: deck.slides.map((s) => ({ ...s, elements: s.elements.map(place) })) }, images });
}

/** The same broken logo on ten slides is one problem, not ten. */
function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.file}:${i.line}:${i.col}:${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Fails when the written deck is over the theme's budget, naming the largest images. */
export function checkBudget(
  images: PreparedImage[],
  totalBytes: number,
  budgetMB: number,
  location: SourceLocation,
): Issue | undefined {
  const imageBytes = images.reduce((sum, i) => sum + i.bytes, 0);
  return checkSizeBudget(images, Math.max(0, totalBytes - imageBytes), budgetMB * 1024 * 1024, location);
}
