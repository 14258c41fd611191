/**
 * The target-group slide takes a third column when that makes its text clearly larger on no
 * more slides (many short names), and keeps the seed deck's two columns otherwise.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDecks } from '../src/build-deck.js';
import { readDeck } from '../src/check/read-deck.js';
import type { ShapeModel, SlideModel } from '../src/check/types.js';
import { copyProject } from './helpers/project.js';

const LAST_GROUP = '    - { id: lag-organisasjoner, name: Lag og organisasjoner, priority: other }\n';

/** The target-group slides of the strategi deck of a project copy with `extra` more groups. */
async function targetGroupSlides(extra: number): Promise<{ slides: SlideModel[]; minBody: number }> {
  const root = copyProject();
  const file = path.join(root, 'data/strategy.yaml');
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(LAST_GROUP);
  const added = Array.from(
    { length: extra },
    (_, i) => `    - { id: ekstra-${i}, name: Ekstra målgruppe ${i + 1} i regionen, priority: other }\n`,
  ).join('');
  writeFileSync(file, text.replace(LAST_GROUP, LAST_GROUP + added));
  const { decks, project } = await buildDecks({ root, decks: ['strategi'], dryRun: true });
  const slides = readDeck(decks[0]!.bytes).slides.filter((s) => s.elements.some((e) => e.name === 'Heading 1'));
  return { slides, minBody: project.theme.sizes.minBody };
}

const columnsOf = (slide: SlideModel): number =>
  new Set(slide.elements.filter((e) => /^Heading \d$/.test(e.name)).map((e) => e.box!.x.toFixed(2))).size;

const listSize = (slide: SlideModel): number => {
  const list = slide.elements.find((e) => e.name.endsWith(' list')) as ShapeModel;
  return list.text!.paragraphs[0]!.runs[0]!.size!;
};

describe('target groups in columns', () => {
  it('the bundled 18 groups keep two columns', async () => {
    const { slides } = await targetGroupSlides(0);
    expect(slides).toHaveLength(1);
    expect(columnsOf(slides[0]!)).toBe(2);
  });

  it('32 short groups take three columns on one slide, well above the floor', async () => {
    const { slides, minBody } = await targetGroupSlides(14);
    expect(slides).toHaveLength(1);
    expect(columnsOf(slides[0]!)).toBe(3);
    // In two columns they were at the floor (12 pt).
    expect(listSize(slides[0]!)).toBeGreaterThanOrEqual(minBody + 2);
  });
});
