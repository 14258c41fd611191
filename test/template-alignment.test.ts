/**
 * Text alignment inherited from the template (issue #20: "inherit, then override only what must
 * change"). A paragraph aligned as its placeholder's layout and master align it writes no `algn`
 * of its own; Trappa aligns titles, subtitles, footers and slide numbers as the template shows
 * them. Two ways a template says it: PowerPoint's text styles (pptxgenjs' master centres titles in
 * `p:titleStyle`), and LibreOffice's export, which writes no text styles at all and keeps the
 * designer's alignment only on the prompt paragraphs of the master's places (Sunset's centred
 * titles): no viewer passes that on, so there the slide writes it. Decks built in process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDecks, type BuiltDeck } from '../src/build-deck.js';
import { readDeck } from '../src/check/read-deck.js';
import type { ShapeModel } from '../src/check/types.js';
import { copyProjectInto, copyProjectOnTemplate, REPO } from './helpers/project-copy.js';
import { readPptx } from './helpers/pptx-zip.js';
import { slideShapes, type SlideShape } from './helpers/structure.js';
import { libreOfficeTemplates } from './helpers/template-corpus.js';
import { hasSoffice } from './helpers/tools.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-align-'));
afterAll(() => rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));

async function strategi(template?: string, deck = 'strategi'): Promise<BuiltDeck> {
  const into = mkdtempSync(path.join(work, 'p-'));
  const root = template ? copyProjectOnTemplate(into, template) : copyProjectInto(into, REPO);
  return (await buildDecks({ root, decks: [deck], dryRun: true })).decks[0]!;
}

/** The deck's placeholders of `types` that hold text. */
function placeholders(deck: BuiltDeck, ...types: string[]): SlideShape[] {
  const pptx = readPptx(deck.bytes);
  const found: SlideShape[] = [];
  for (let n = 1; n <= pptx.slideCount(); n++)
    found.push(...slideShapes(pptx.slideXml(n)).filter((s) => types.includes(s.placeholder ?? '') && s.text));
  return found;
}

/** `algn` of each paragraph that holds text ('-' where it writes none). */
const aligns = (shapes: SlideShape[]): string[] =>
  shapes.flatMap((s) =>
    [...s.xml.matchAll(/<a:p>[\s\S]*?<\/a:p>/g)]
      .filter(([p]) => /<a:t>[^<]*\S/.test(p))
      .map(([p]) => /<a:pPr\b[^>]*\balgn="(\w+)"/.exec(p)?.[1] ?? '-'),
  );

describe('text alignment from the template', () => {
  it('a master that centres titles in its text styles: titles write no alignment and are read as centred', async () => {
    const deck = await strategi(path.join(REPO, 'test/fixtures/templates/pptxgenjs-4x3.pptx'));
    const master = readPptx(deck.bytes).text('ppt/slideMasters/slideMaster1.xml');
    expect(/<p:titleStyle>\s*<a:lvl1pPr\b[^>]*\balgn="ctr"/.test(master)).toBe(true);
    const titles = aligns(placeholders(deck, 'title', 'ctrTitle'));
    expect(titles.length).toBeGreaterThan(5);
    expect(new Set(titles)).toEqual(new Set(['-']));
    // `trappa check` reads the alignment the titles inherit (where their lines are).
    const model = readDeck(deck.bytes);
    const read = model.slides.flatMap((s) =>
      s.elements.filter((e): e is ShapeModel => e.kind === 'shape' && e.placeholder === 'title'),
    );
    expect(read.length).toBe(titles.length);
    for (const title of read) expect(title.text?.paragraphs[0]?.align).toBe('center');
  });

  it("the built-in design: texts aligned as its master aligns them write none; Trappa's centred ones keep theirs", async () => {
    const deck = await strategi();
    const fixed = placeholders(deck, 'title', 'subTitle', 'ftr', 'sldNum');
    expect(fixed.length).toBeGreaterThan(20);
    expect(new Set(aligns(fixed))).toEqual(new Set(['-']));
    // Bodies: the model's centred labels keep `ctr`; sub-levels keep theirs (their style may differ).
    const firstLevel = placeholders(deck, 'body', 'obj').map((s) => ({
      ...s,
      xml: s.xml.replace(/<a:p><a:pPr\b[^>]*\blvl="[1-8]"[\s\S]*?<\/a:p>/g, ''),
    }));
    const own = aligns(firstLevel);
    expect(own.filter((a) => a === '-').length).toBeGreaterThan(20);
    expect(new Set(own)).toEqual(new Set(['-', 'ctr']));
  });
});

describe.runIf(hasSoffice)("LibreOffice's templates: centring only on the master's prompt texts", async () => {
  const corpus = await libreOfficeTemplates();
  const named = (name: string) => corpus.find((f) => path.basename(f) === `${name}.potx`)!;
  const [deck, pencil] = await Promise.all([strategi(named('Sunset')), strategi(named('Pencil'), 'ansatte')]);

  it('titles and the subtitle are centred as the template shows them, footers inherit theirs', () => {
    const master = readPptx(deck.bytes).text('ppt/slideMasters/slideMaster1.xml');
    // The premise: no text styles, the centring on the title place's prompt paragraph.
    expect(master).not.toContain('<p:txStyles>');
    expect(aligns(placeholders(deck, 'title')).length).toBeGreaterThan(5);
    expect(new Set(aligns(placeholders(deck, 'title', 'ctrTitle', 'subTitle')))).toEqual(new Set(['ctr']));
    // The footer place's list style centres it, the slide number's sets it right: both inherited.
    expect(new Set(aligns(placeholders(deck, 'ftr', 'sldNum')))).toEqual(new Set(['-']));
  });

  it("Pencil: the cover's subtitle stays on the template's ground, with no panel over the pencil", () => {
    const cover = slideShapes(readPptx(pencil.bytes).slideXml(1));
    const subtitle = cover.filter((s) => s.placeholder === 'subTitle');
    expect(subtitle.length).toBe(1);
    // Once, centred in the content layout's places, its first line reached the pencil and a white
    // panel behind the lines cut the pencil off (so it was set left). The cover now takes the
    // master's own title places (src/template/cover-places.ts): the subtitle sits under the pencil's
    // line, centred as the template shows it, and still needs no panel.
    expect(new Set(aligns(subtitle))).toEqual(new Set(['ctr']));
    expect(subtitle[0]!.filled).toBe(false);
    expect(cover.filter((s) => s.name.startsWith('Panel'))).toEqual([]);
  });
});
