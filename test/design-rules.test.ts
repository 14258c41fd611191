/**
 * The design rules of `trappa check` (src/check/rules/design.ts, legend.ts), each on a
 * small laid-out deck that breaks it, written by the real writer and finisher; each
 * finding names the slide, the element and the data field.
 */
import { describe, expect, it } from 'vitest';
import { checkDeck, type Finding } from '../src/check/check-deck.js';
import type { DeckProperties, LaidOutDeck, LaidOutSlide, SlideElement, TextElement } from '../src/layout/types.js';
import { finishPackage } from '../src/pptx/finish-package.js';
import { writePptx } from '../src/pptx/write-pptx.js';

const PROPS: DeckProperties = {
  title: 'Prøve',
  subject: 'Sjekk',
  author: 'Trappa',
  company: 'VFS',
  version: '1.0',
  revision: 1,
  date: '2026-01-01',
  language: 'nb-NO',
};
const STYLE = {
  fontFace: 'Calibri',
  fontSize: 20,
  color: '1F1F1F',
  align: 'left' as const,
  valign: 'top' as const,
  lineSpacing: 1,
  insets: { left: 0.08, right: 0.08, top: 0.05, bottom: 0.05 },
};

function text(name: string, box: TextElement['box'], words: string, extra: Partial<TextElement> = {}): TextElement {
  return { type: 'text', name, role: 'body', box, paragraphs: [{ runs: [{ text: words }] }], style: STYLE, ...extra };
}
function slide(title: string, elements: SlideElement[]): LaidOutSlide {
  return {
    title,
    background: 'FFFFFF',
    elements: [text('Title', { x: 0.6, y: 0.35, w: 12.1, h: 0.95 }, title, { role: 'title' }), ...elements],
  };
}
async function check(...slides: LaidOutSlide[]): Promise<Finding[]> {
  const deck: LaidOutDeck = { properties: PROPS, size: { w: 13.333, h: 7.5 }, slides };
  const bytes = finishPackage(await writePptx(deck), PROPS);
  return checkDeck(bytes, { minBodySize: 12, minTableSize: 10, bodySize: 20 }).filter(
    // These slides are sparse on purpose; `sparse` has its own test below.
    (f) => f.rule !== 'title' && (f.rule !== 'sparse' || sparseToo),
  );
}
let sparseToo = false;
const BODY = { x: 0.6, y: 1.6, w: 12.1, h: 5.15 };
const LINE = 'Effektiv kommunikasjon krever at vi jobber planmessig og målrettet.';

describe('design rules', () => {
  it('near-empty-continuation: a "(forts.)" slide holding one line, named with slide, element and field', async () => {
    const found = await check(
      slide('Kommunikasjonstrappa', [text('List', BODY, `${LINE} `.repeat(20))]),
      slide('Kommunikasjonstrappa (forts.)', [text('Explanation', BODY, LINE)]),
    );
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'near-empty-continuation',
        slide: 2,
        element: 'Explanation',
        field: 'strategy.yaml staircase.explanation',
      }),
    ]);
    // A continuation that carries a real share passes.
    expect(
      await check(
        slide('Profil', [text('List', BODY, LINE)]),
        slide('Profil (forts.)', [text('List', BODY, `${LINE} `.repeat(8))]),
      ),
    ).toEqual([]);
  });

  it('sparse: one line left at the top of an empty slide (a warning naming the slide); set large and centred it passes', async () => {
    sparseToo = true;
    try {
      const found = await check(slide('Profil', [text('List', BODY, LINE, { style: { ...STYLE, fontSize: 24 } })]));
      expect(found).toEqual([
        expect.objectContaining({ severity: 'warning', rule: 'sparse', slide: 1, element: 'List' }),
      ]);
      expect(found[0]!.message).toMatch(/% of the slide's content area is empty in one stretch/);
      const centred = { ...STYLE, fontSize: 28, valign: 'middle' as const };
      expect(await check(slide('Profil', [text('List', BODY, LINE, { style: centred })]))).toEqual([]);
    } finally {
      sparseToo = false;
    }
  });

  it('sparse-shrunk: shrunk text on a slide it leaves mostly empty (a warning)', async () => {
    const found = await check(slide('Profil', [text('List', BODY, LINE, { style: { ...STYLE, fontSize: 12 } })]));
    expect(found).toEqual([
      expect.objectContaining({ severity: 'warning', rule: 'sparse-shrunk', slide: 1, element: 'List' }),
    ]);
  });

  it('overlap: two shapes that overlap without one holding the other; a held shape is fine', async () => {
    const rect = (name: string, box: TextElement['box']): SlideElement => ({
      type: 'shape',
      name,
      shape: 'rect',
      box,
      fill: 'DCE8F5',
    });
    const found = await check(
      slide('Modell', [
        rect('Member A', { x: 1, y: 2, w: 3, h: 1 }),
        rect('Member B', { x: 3.5, y: 2.5, w: 3, h: 1 }),
        rect('Joint body', { x: 1, y: 4, w: 8, h: 2 }),
        rect('Service PPT', { x: 1.5, y: 4.6, w: 2, h: 0.8 }),
      ]),
    );
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'overlap',
        slide: 1,
        element: 'Member B',
        field: 'strategy.yaml organisation.members',
      }),
    ]);
    expect(found[0]!.message).toMatch(/overlaps Member A by 0\.50 in × 0\.50 in/);
  });

  it('edge: text closer to the slide edge than 0.3 in; footers are exempt', async () => {
    const found = await check(
      slide('Modell', [
        text('Summary', { x: 0.05, y: 1.6, w: 6, h: 1 }, LINE),
        text('Footer', { x: 0.6, y: 7.1, w: 6, h: 0.34 }, 'Vestfjord', {
          role: 'footer',
          style: { ...STYLE, fontSize: 10 },
        }),
      ]),
    );
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'edge',
        slide: 1,
        element: 'Summary',
        field: 'strategy.yaml model.summary',
      }),
    ]);
  });

  it('row-height: a table row drawn taller than its text (a warning)', async () => {
    const table: SlideElement = {
      type: 'table',
      name: 'Action plan',
      box: { ...BODY, h: 2 },
      columnWidths: [6.05, 6.05],
      header: [
        { text: 'Målgruppe', bold: true },
        { text: 'Aktivitet', bold: true },
      ],
      rows: [[{ text: 'Ledere' }, { text: 'Ledersamling' }]],
      rowHeights: [0.42, 1.5],
      style: { ...STYLE, fontSize: 16 },
      headerFill: '1F4E79',
      headerColor: 'FFFFFF',
      borderColor: 'BFC7D1',
    };
    const found = await check(slide('Plan', [table]));
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'warning',
        rule: 'row-height',
        slide: 1,
        element: 'Action plan',
        field: 'strategy.yaml actionPlan',
      }),
    ]);
  });

  it('legend: a marked group the legend does not name, and a legend with nothing marked', async () => {
    const list = (marked: boolean): TextElement => ({
      ...text('Andre list', { x: 0.6, y: 2.2, w: 5.9, h: 2 }, ''),
      paragraphs: [
        { runs: [{ text: 'Tillitsvalgte', bold: marked, ...(marked ? { highlight: 'FFF1D6' } : {}) }], bullet: true },
        { runs: [{ text: 'Ledere' }], bullet: true },
      ],
    });
    const legend = text('Legend', { x: 0.6, y: 6.2, w: 12, h: 0.4 }, 'Markert: Ledersamlingen', {
      style: { ...STYLE, fontSize: 14 },
    });
    const wrong = await check(slide('Målgrupper', [list(true), legend]));
    expect(wrong).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'legend',
        slide: 1,
        element: 'Legend',
        field: 'decks/<deck>.yaml audience.groups',
      }),
    ]);
    expect(wrong[0]!.message).toContain('does not name "Tillitsvalgte"');
    expect(await check(slide('Målgrupper', [list(false), legend]))).toEqual([
      expect.objectContaining({ rule: 'legend', message: expect.stringContaining('nothing on the slide is marked') }),
    ]);
    expect(
      await check(
        slide('Målgrupper', [list(true), { ...legend, paragraphs: [{ runs: [{ text: 'Markert: Tillitsvalgte' }] }] }]),
      ),
    ).toEqual([]);
  });
});
