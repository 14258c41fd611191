/**
 * Issue #20 (tenth round): a list that goes on from an earlier slide («Viktige budskap (forts.)»)
 * starts at the top of the body, as the first slide's list does; it was grown and centred as a short
 * list of its own, so it began halfway down the slide (read from the bundled decks' XML).
 */
import { rmSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDecks } from '../src/build-deck.js';
import { copyProjectToTemp } from './helpers/project-copy.js';

const EMU_PER_INCH = 914400;
/** The body's top on every content slide of the built-in design (src/layout/page.ts), inches. */
const BODY_TOP = 1.6;

/** Per slide whose title ends in «(forts.)»: the top of its highest text below the title, inches. */
function continuedTops(bytes: Uint8Array): { slide: number; top: number }[] {
  const parts = unzipSync(bytes);
  const out: { slide: number; top: number }[] = [];
  for (let n = 1; parts[`ppt/slides/slide${n}.xml`]; n++) {
    const xml = strFromU8(parts[`ppt/slides/slide${n}.xml`]!);
    const shapes = [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].map(([s]) => s);
    const title = shapes.find((s) => /name="Title"/.test(s));
    if (!title || !/\(forts\.\)<\/a:t>/.test(title)) continue;
    const tops = shapes
      .filter((s) => /name="(Intro|List)"/.test(s))
      .map((s) => Number(/<a:off x="\d+" y="(\d+)"/.exec(s)![1]) / EMU_PER_INCH);
    out.push({ slide: n, top: Math.min(...tops) });
  }
  return out;
}

describe('a continued list', () => {
  it('starts at the top of the body on the built-in design, as on its first slide', async () => {
    const root = copyProjectToTemp(undefined, 'trappa-continued-');
    const result = await buildDecks({ root, dryRun: true }).finally(() =>
      rmSync(root, { recursive: true, force: true }),
    );
    const tops = result.decks.flatMap((d) => continuedTops(d.bytes).map((t) => ({ deck: d.deckId, ...t })));
    // Every bundled deck continues its other messages on a «Viktige budskap (forts.)» slide.
    expect(tops.length).toBeGreaterThanOrEqual(4);
    for (const t of tops) expect(t.top, `${t.deck} slide ${t.slide}`).toBeCloseTo(BODY_TOP, 2);
  });
});
