/**
 * The finishing stage's per-slide memo (pptx/finish-memo.ts), as watch mode keeps it between
 * builds: a deck finished through it is byte for byte the deck finished without it, also when
 * one input of its key changes while the slide's XML stays as pptxgenjs wrote it. Each case
 * changes one input only; a key that left it out would hand back the slide as finished before.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject, type Project } from '../src/data/load-project.js';
import { deckPage, layoutDeck } from '../src/deck/layout-deck.js';
import { placeImages } from '../src/deck/place-images.js';
import type { DeckProperties, LaidOutDeck } from '../src/layout/types.js';
import { resolveDeck } from '../src/plan/resolve-deck.js';
import { FinishMemo } from '../src/pptx/finish-memo.js';
import { finishDeck } from '../src/pptx/finish-package.js';
import type { PackageParts } from '../src/pptx/package-parts.js';
import type { DeckStructure } from '../src/pptx/slide-structure.js';
import { writePptx } from '../src/pptx/write-pptx.js';
import { sha256Hex } from '../src/sha256.js';
import { builtInDesign, deckStructure, footerText, prepareDesign } from '../src/template/deck-design.js';
import { REPO } from './helpers/project.js';

interface Inputs {
  deck: LaidOutDeck;
  props: DeckProperties;
  structure: DeckStructure;
}

/** The strategi deck laid out, as finishing takes it (a fresh pptxgenjs write for each finishing). */
async function inputsOf(project: Project, id: string): Promise<Inputs> {
  const source = project.decks.find((d) => d.deck.id === id)!;
  const prepared = await prepareDesign(project.root, resolveDeck(project, source));
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
  const { plan, place } = prepared.value;
  const laid = layoutDeck(plan, place);
  if (!laid.ok) throw new Error(JSON.stringify(laid.issues));
  const placed = await placeImages(laid.value, { projectRoot: project.root });
  if (!placed.ok) throw new Error(JSON.stringify(placed.issues));
  const deck = placed.value.deck;
  const design = builtInDesign(plan.theme, deckPage(plan), {
    footerText: footerText(deck),
    date: plan.properties.date,
  });
  return { deck, props: plan.properties, structure: deckStructure(design, deck) };
}

/** The deck's bytes finished from a fresh write, through `memo` when given; `edit` changes the written parts first. */
async function finished(
  { deck, props, structure }: Inputs,
  memo?: FinishMemo,
  edit?: (parts: PackageParts) => void,
): Promise<string> {
  const parts = await writePptx(deck);
  edit?.(parts);
  return sha256Hex(finishDeck(parts, props, structure, { memo }).bytes);
}

/** A copy of the structure whose plan of slide `n` (0-based) is changed by `change`. */
function withSlidePlan(structure: DeckStructure, n: number, change: (plan: DeckStructure['slides'][number]) => void) {
  const slides = structure.slides.map((s) => structuredClone(s));
  change(slides[n]!);
  return { ...structure, slides };
}

describe('FinishMemo', () => {
  let inputs: Inputs;
  let cold: string;

  beforeAll(async () => {
    const loaded = await loadProject({ root: REPO });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    inputs = await inputsOf(loaded.value, 'strategi');
    cold = await finished(inputs);
  });

  /** A memo that has finished the deck as it is, so that every slide would be found in it. */
  async function filled(): Promise<FinishMemo> {
    const memo = new FinishMemo();
    expect(await finished(inputs, memo)).toBe(cold);
    expect(memo.stats).toEqual({ applied: inputs.deck.slides.length, reused: 0 });
    return memo;
  }

  it('gives the bytes of a finishing without it, every slide reused the second time', async () => {
    const memo = await filled();
    expect(await finished(inputs, memo)).toBe(cold);
    expect(memo.stats.reused).toBe(inputs.deck.slides.length);
  });

  it('finishes a slide again when its plan changed (a shape named otherwise, a source, a panel)', async () => {
    const memo = await filled();
    const renamed = withSlidePlan(inputs.structure, 2, (plan) => {
      plan.shapes[0]!.name = `${plan.shapes[0]!.name} (renamed)`;
    });
    const resourced = withSlidePlan(inputs.structure, 3, (plan) => {
      const shape = plan.shapes.find((s) => s.source)!;
      shape.source = `${shape.source}.moved`;
    });
    for (const structure of [renamed, resourced]) {
      const changed = { ...inputs, structure };
      const expected = await finished(changed);
      expect(expected).not.toBe(cold);
      expect(await finished(changed, memo)).toBe(expected);
    }
  });

  it("finishes the slides again when the deck's scheme colours changed", async () => {
    const memo = await filled();
    const schemeColors = new Map(inputs.structure.schemeColors);
    const [hex] = [...schemeColors.keys()];
    schemeColors.set(hex!, '<a:schemeClr val="accent6"/>');
    const changed = { ...inputs, structure: { ...inputs.structure, schemeColors } };
    const expected = await finished(changed);
    expect(expected).not.toBe(cold);
    expect(await finished(changed, memo)).toBe(expected);
  });

  it("follows the slide's relationships as written, and the deck's language in the repairs", async () => {
    const memo = await filled();
    // A relationship of the source tags' own kind already there: the tags number theirs after it.
    const rels = 'ppt/slides/_rels/slide2.xml.rels';
    const extraRel = (parts: PackageParts) =>
      parts.setText(
        rels,
        parts
          .text(rels)!
          .replace(
            '</Relationships>',
            '<Relationship Id="rIdSrc1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/tags" Target="../tags/tag99.xml"/></Relationships>',
          ),
      );
    const expected = await finished(inputs, undefined, extraRel);
    expect(expected).not.toBe(cold);
    expect(await finished(inputs, memo, extraRel)).toBe(expected);

    const nynorsk = { ...inputs, props: { ...inputs.props, language: 'nn-NO' } };
    const inNynorsk = await finished(nynorsk);
    expect(inNynorsk).not.toBe(cold);
    expect(await finished(nynorsk, memo)).toBe(inNynorsk);
  });

  it('follows the XML pptxgenjs wrote, and the part it is in', async () => {
    const memo = await filled();
    const slide = 'ppt/slides/slide3.xml';
    const edited = (parts: PackageParts) => parts.setText(slide, parts.text(slide)!.replace(/<a:t>([^<])/, '<a:t>Å$1'));
    const expected = await finished(inputs, undefined, edited);
    expect(expected).not.toBe(cold);
    expect(await finished(inputs, memo, edited)).toBe(expected);

    // Two slides swapped, each with its plan: the same XML, each in the other's part.
    const swapped = { ...inputs, deck: { ...inputs.deck, slides: [...inputs.deck.slides] } };
    const slides = [...inputs.structure.slides];
    [swapped.deck.slides[3], swapped.deck.slides[4]] = [swapped.deck.slides[4]!, swapped.deck.slides[3]!];
    [slides[3], slides[4]] = [slides[4]!, slides[3]!];
    const inOrder = { ...swapped, structure: { ...inputs.structure, slides } };
    const expectedSwapped = await finished(inOrder);
    expect(await finished(inOrder, memo)).toBe(expectedSwapped);
  });
});
