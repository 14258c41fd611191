/**
 * Each rule of `trappa check` against a small deck that breaks it: written with pptxgenjs
 * and finished like a built deck, or a finished deck whose XML is then broken on purpose.
 */
import pptxgenjs from 'pptxgenjs';
import { messagesIn } from '../src/messages/catalogue.js';
import { describe, expect, it } from 'vitest';
import { checkDeck, type Finding } from '../src/check/check-deck.js';
import { contrastRatio } from '../src/contrast.js';
import type { DeckProperties } from '../src/layout/types.js';
import { finishPackage } from '../src/pptx/finish-package.js';
import { PackageParts } from '../src/pptx/package-parts.js';

const PptxGenJS = pptxgenjs as unknown as typeof pptxgenjs.default;
type Pptx = InstanceType<typeof PptxGenJS>;
type Slide = ReturnType<Pptx['addSlide']>;

const PROPS: DeckProperties = {
  title: 'Prøve',
  subject: 'Sjekk',
  author: 'Trappa',
  company: 'ISK',
  version: '0.2',
  revision: 2,
  date: '2004-01-26',
  language: 'nb-NO',
};
const OPTIONS = { minBodySize: 12, minTableSize: 10 };
/** A 4 × 4 px red PNG. */
const PNG =
  'image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAQAAAAEAQMAAACTPww9AAAAA1BMVEX/AAAZ4gk3AAAAC0lEQVR4nGNgQAcAAAwAAXrHuEcAAAAASUVORK5CYII=';
const LONG =
  'Innherred Samkommune er et omfattende og forpliktende samarbeid mellom nabokommunene Levanger og Verdal, ' +
  'for å gi innbyggerne og næringslivet bedre tjenester. ';

/** A slide with a title, as the writer makes it (a text box named "Title"). */
function titled(pptx: Pptx, title: string): Slide {
  const slide = pptx.addSlide();
  slide.addText(title, {
    x: 0.6,
    y: 0.35,
    w: 12,
    h: 0.95,
    fontSize: 30,
    bold: true,
    color: '1F4E79',
    objectName: 'Title',
  });
  return slide;
}

/** Writes slides with pptxgenjs; `finish` runs the finishing stage, as a build does. */
async function deck(build: (pptx: Pptx) => void, finish = true): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  build(pptx);
  const out = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  const raw = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  return finish ? finishPackage(raw, PROPS) : raw;
}

/** Edits one part of a package: the seam for breaking a finished deck. */
function mutate(bytes: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const parts = PackageParts.read(bytes);
  const before = parts.text(part);
  if (before === undefined) throw new Error(`no part ${part}`);
  const after = edit(before);
  if (after === before) throw new Error(`the edit changed nothing in ${part}`);
  parts.setText(part, after);
  return parts.toZip(new Date(2004, 0, 26, 12));
}

/**
 * The findings of one rule as plain English findings; a finding said as a key and values
 * (messages/check-text.ts) must say the same English as its message.
 */
const ofRule = (findings: Finding[], rule: string): Finding[] =>
  findings
    .filter((f) => f.rule === rule)
    .map(({ said, ...f }) => {
      if (said) expect(messagesIn('en').tell(said)).toBe(f.message);
      return f;
    });

describe('a clean deck', () => {
  it('has no findings', async () => {
    const bytes = await deck((pptx) => {
      const slide = titled(pptx, 'Status');
      slide.addText('Kort tekst.', { x: 0.6, y: 1.6, w: 12, h: 1, fontSize: 20, objectName: 'Body' });
      slide.addImage({ data: PNG, x: 1, y: 3, w: 1, h: 1, altText: 'Kommunevåpen for Verdal', objectName: 'Logo' });
      slide.addTable(
        [
          [{ text: 'Målgruppe' }, { text: 'Tid' }],
          [{ text: 'Ansatte' }, { text: '28.1.' }],
        ],
        { x: 0.6, y: 4.5, w: 8, fontSize: 14, objectName: 'Plan' },
      );
    });
    expect(checkDeck(bytes, OPTIONS)).toEqual([]);
  });
});

describe('overflow', () => {
  it('reports text taller than its frame, with slide and shape name', async () => {
    const bytes = await deck((pptx) => {
      titled(pptx, 'Første');
      titled(pptx, 'Andre').addText(LONG.repeat(3), { x: 0.6, y: 1.6, w: 4, h: 0.8, fontSize: 20, objectName: 'Body' });
    });
    const [found, ...rest] = ofRule(checkDeck(bytes, OPTIONS), 'overflow');
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ severity: 'error', slide: 2, element: 'Body' });
    expect(found!.message).toMatch(
      /^the text needs [\d.]+ in at 20 pt but the frame has 0\.70 in; it runs [\d.]+ in out of its frame$/,
    );
  });

  it('accepts the same text in a frame tall enough for it', async () => {
    const bytes = await deck((pptx) => {
      titled(pptx, 'Første').addText(LONG.repeat(3), {
        x: 0.6,
        y: 1.6,
        w: 8,
        h: 5.5,
        fontSize: 20,
        objectName: 'Body',
      });
    });
    expect(ofRule(checkDeck(bytes, OPTIONS), 'overflow')).toEqual([]);
  });

  it('reports a table whose rows run below the slide', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [{ text: `Rad ${i + 1}` }, { text: LONG }]);
    const bytes = await deck((pptx) => {
      titled(pptx, 'Plan').addTable([[{ text: 'Hva' }, { text: 'Hvorfor' }], ...rows], {
        x: 0.6,
        y: 1.6,
        w: 12,
        colW: [2, 10],
        fontSize: 12,
        objectName: 'Action plan',
      });
    });
    expect(ofRule(checkDeck(bytes, OPTIONS), 'overflow')).toEqual([
      expect.objectContaining({
        severity: 'error',
        slide: 1,
        element: 'Action plan',
        message: expect.stringMatching(/31 rows end at [\d.]+ in, below the slide's bottom edge at 7\.50 in/),
      }),
    ]);
  });

  it('reports a text frame reaching past the slide edge', async () => {
    const bytes = await deck((pptx) => {
      titled(pptx, 'Kant').addText('Kort', { x: 12, y: 2, w: 3, h: 1, fontSize: 20, objectName: 'Aside' });
    });
    expect(ofRule(checkDeck(bytes, OPTIONS), 'overflow')).toEqual([
      {
        severity: 'error',
        rule: 'overflow',
        slide: 1,
        element: 'Aside',
        message: "the text frame reaches past the slide's right edge",
      },
    ]);
  });
});

describe('title', () => {
  it('reports a slide without a title', async () => {
    const bytes = await deck((pptx) => {
      titled(pptx, 'Første');
      pptx.addSlide().addText('Bare brødtekst', { x: 0.6, y: 1.6, w: 6, h: 1, fontSize: 20, objectName: 'Body' });
    });
    expect(ofRule(checkDeck(bytes, OPTIONS), 'title')).toEqual([
      {
        severity: 'error',
        rule: 'title',
        slide: 2,
        element: '(slide)',
        message: 'the slide has no title (no title placeholder)',
      },
    ]);
  });

  it('warns about a title used twice', async () => {
    const bytes = await deck((pptx) => {
      titled(pptx, 'Status');
      titled(pptx, 'Målgrupper');
      titled(pptx, 'status ');
    });
    expect(ofRule(checkDeck(bytes, OPTIONS), 'title')).toEqual([
      {
        severity: 'warning',
        rule: 'title',
        slide: 3,
        element: 'Title',
        message: `the title "status" is also slide 1's title`,
      },
    ]);
  });
});

describe('alt-text', () => {
  it('reports a picture without alt text that is not marked decorative', async () => {
    const finished = await deck((pptx) => {
      titled(pptx, 'Bilde').addImage({ data: PNG, x: 1, y: 2, w: 2, h: 2, altText: 'Fjorden', objectName: 'Photo' });
    });
    const bytes = mutate(finished, 'ppt/slides/slide1.xml', (xml) => xml.replace('descr="Fjorden"', 'descr=""'));
    expect(ofRule(checkDeck(bytes, OPTIONS), 'alt-text')).toEqual([
      {
        severity: 'error',
        rule: 'alt-text',
        slide: 1,
        element: 'Photo',
        message: 'the picture has no alt text and is not marked decorative',
      },
    ]);
  });

  it('reports a file name as alt text (pptxgenjs falls back to one)', async () => {
    const bytes = await deck((pptx) => {
      titled(pptx, 'Bilde').addImage({ data: PNG, x: 1, y: 2, w: 2, h: 2, objectName: 'Photo' });
    }, false);
    expect(ofRule(checkDeck(bytes, OPTIONS), 'alt-text')).toEqual([
      expect.objectContaining({
        severity: 'error',
        slide: 1,
        element: 'Photo',
        message: expect.stringMatching(/alt text is a file name \("[^"]+\.png"\)/),
      }),
    ]);
  });

  it('accepts a picture marked decorative', async () => {
    const bytes = await deck((pptx) => {
      titled(pptx, 'Bilde').addImage({ data: PNG, x: 1, y: 2, w: 2, h: 2, altText: '', objectName: 'decorative:Band' });
    });
    expect(ofRule(checkDeck(bytes, OPTIONS), 'alt-text')).toEqual([]);
  });
});

describe('table-header', () => {
  it('reports a table without a header row', async () => {
    const finished = await deck((pptx) => {
      titled(pptx, 'Plan').addTable([[{ text: 'Målgruppe' }], [{ text: 'Ansatte' }]], {
        x: 0.6,
        y: 1.6,
        w: 6,
        fontSize: 14,
        objectName: 'Action plan',
      });
    });
    const bytes = mutate(finished, 'ppt/slides/slide1.xml', (xml) => xml.replace(' firstRow="1"', ''));
    expect(ofRule(checkDeck(bytes, OPTIONS), 'table-header')).toEqual([
      {
        severity: 'error',
        rule: 'table-header',
        slide: 1,
        element: 'Action plan',
        message: 'the table has no header row (a:tblPr firstRow="1" is not set)',
      },
    ]);
  });
});

describe('contrast', () => {
  it('computes WCAG 2.1 ratios', () => {
    expect(contrastRatio('000000', 'FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('767676', 'FFFFFF')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('FFFFFF', 'FFFFFF')).toBe(1);
  });

  it('reports light text on the slide background, and allows 3:1 for large text', async () => {
    const bytes = await deck((pptx) => {
      const slide = titled(pptx, 'Kontrast');
      slide.addText('Lys grå brødtekst', {
        x: 0.6,
        y: 1.6,
        w: 6,
        h: 0.6,
        fontSize: 14,
        color: '999999',
        objectName: 'Pale',
      });
      slide.addText('Stor overskrift', {
        x: 0.6,
        y: 2.6,
        w: 6,
        h: 0.8,
        fontSize: 24,
        color: '949494',
        objectName: 'Large',
      });
      slide.addText('Halvstor fet', {
        x: 0.6,
        y: 3.6,
        w: 6,
        h: 0.6,
        fontSize: 14,
        bold: true,
        color: '949494',
        objectName: 'Bold',
      });
    });
    expect(ofRule(checkDeck(bytes, OPTIONS), 'contrast')).toEqual([
      {
        severity: 'error',
        rule: 'contrast',
        slide: 1,
        element: 'Pale',
        message: 'contrast 2.85:1 (text 999999 on FFFFFF, "Lys grå brødtekst") is below 4.5:1',
      },
    ]);
  });

  it('measures text against its own fill, a shape under it, the slide background and a cell fill', async () => {
    const bytes = await deck((pptx) => {
      const slide = titled(pptx, 'Fyll');
      slide.background = { color: '1F1F1F' };
      slide.addText('Hvit på gult', {
        x: 0.6,
        y: 1.6,
        w: 4,
        h: 0.6,
        fontSize: 16,
        color: 'FFFFFF',
        fill: { color: 'FFD700' },
        objectName: 'Badge',
      });
      slide.addShape('rect', { x: 5, y: 1.5, w: 6, h: 2, fill: { color: '1F4E79' }, objectName: 'Panel' });
      slide.addText('Mørk blå på panelet', {
        x: 5.2,
        y: 1.8,
        w: 5,
        h: 0.6,
        fontSize: 16,
        color: '2F5597',
        objectName: 'On panel',
      });
      slide.addText('Mørk på mørk bakgrunn', {
        x: 0.6,
        y: 4,
        w: 4,
        h: 0.6,
        fontSize: 16,
        color: '333333',
        objectName: 'On background',
      });
      slide.addTable(
        [
          [{ text: 'Hode', options: { color: 'FFFFFF', fill: { color: '1F4E79' } } }],
          [{ text: 'Gult på hvitt', options: { color: 'FFD700', fill: { color: 'FFFFFF' } } }],
        ],
        { x: 0.6, y: 5, w: 4, fontSize: 14, objectName: 'Table' },
      );
    });
    const found = ofRule(checkDeck(bytes, OPTIONS), 'contrast');
    expect(found.map((f) => [f.slide, f.element])).toEqual([
      [1, 'Title'],
      [1, 'Badge'],
      [1, 'On panel'],
      [1, 'On background'],
      [1, 'Table'],
    ]);
    expect(found[2]!.message).toContain('text 2F5597 on 1F4E79');
    expect(found[3]!.message).toContain('text 333333 on 1F1F1F');
    expect(found[4]!.message).toMatch(/^row 2, column 1: contrast [\d.]+:1 \(text FFD700 on FFFFFF/);
  });

  it('measures the text over its whole box, not only at its centre (issue #20)', async () => {
    const bytes = await deck((pptx) => {
      const slide = titled(pptx, 'Halvt på mørkt');
      // The text box's left part lies on a dark shape, its centre on the white slide.
      slide.addShape('rect', { x: 0.6, y: 1.5, w: 3, h: 1, fill: { color: '1F1F1F' }, objectName: 'Dark' });
      slide.addText('Mørk tekst som begynner på det mørke feltet', {
        x: 0.6,
        y: 1.6,
        w: 9,
        h: 0.6,
        fontSize: 16,
        color: '222222',
        objectName: 'Straddling',
      });
    });
    expect(ofRule(checkDeck(bytes, OPTIONS), 'contrast')).toEqual([
      expect.objectContaining({ element: 'Straddling', message: expect.stringContaining('text 222222 on 1F1F1F') }),
    ]);
  });

  it('uses the highlight behind a run', async () => {
    const bytes = await deck((pptx) => {
      titled(pptx, 'Markert').addText([{ text: 'Uthevet', options: { highlight: '000000', color: '333333' } }], {
        x: 0.6,
        y: 1.6,
        w: 4,
        h: 0.6,
        fontSize: 16,
        objectName: 'Legend',
      });
    });
    expect(ofRule(checkDeck(bytes, OPTIONS), 'contrast')).toEqual([
      expect.objectContaining({
        slide: 1,
        element: 'Legend',
        message: expect.stringContaining('text 333333 on 000000'),
      }),
    ]);
  });
});

describe('min-size', () => {
  it('reports body and table text below the theme minimum, but not footers', async () => {
    const bytes = await deck((pptx) => {
      const slide = titled(pptx, 'Små bokstaver');
      slide.addText('Liten tekst', { x: 0.6, y: 1.6, w: 6, h: 0.6, fontSize: 10, objectName: 'Body' });
      slide.addText('Strategi · versjon 0.2', { x: 0.6, y: 7, w: 6, h: 0.3, fontSize: 9, objectName: 'Footer' });
      slide.addText('2', { x: 12, y: 7, w: 0.8, h: 0.3, fontSize: 9, objectName: 'Slide number' });
      slide.addTable([[{ text: 'Hode' }], [{ text: 'Bitte liten' }]], {
        x: 0.6,
        y: 3,
        w: 4,
        fontSize: 8,
        objectName: 'Plan',
      });
    });
    expect(ofRule(checkDeck(bytes, OPTIONS), 'min-size')).toEqual([
      {
        severity: 'error',
        rule: 'min-size',
        slide: 1,
        element: 'Body',
        message: `text is 10 pt ("Liten tekst"); the theme's minimum is 12 pt`,
      },
      {
        severity: 'error',
        rule: 'min-size',
        slide: 1,
        element: 'Plan',
        message: `row 1, column 1: text is 8 pt ("Hode"); the theme's table minimum is 10 pt`,
      },
    ]);
  });
});

describe('language', () => {
  it('reports text without a language tag', async () => {
    const finished = await deck((pptx) => {
      titled(pptx, 'Språk').addText('Tekst uten språk', {
        x: 0.6,
        y: 1.6,
        w: 6,
        h: 0.6,
        fontSize: 20,
        objectName: 'Body',
      });
    });
    const bytes = mutate(finished, 'ppt/slides/slide1.xml', (xml) =>
      xml.replace(/(name="Body"[\s\S]*?)<a:rPr lang="nb-NO"/, '$1<a:rPr'),
    );
    expect(ofRule(checkDeck(bytes, OPTIONS), 'language')).toEqual([
      {
        severity: 'error',
        rule: 'language',
        slide: 1,
        element: 'Body',
        message: '1 run of text has no language tag (first: "Tekst uten språk")',
      },
    ]);
  });

  it("warns about text tagged with another language than the deck's", async () => {
    const bytes = await deck((pptx) => {
      titled(pptx, 'Språk');
    }, false);
    expect(ofRule(checkDeck(bytes, { ...OPTIONS, language: 'nb-NO' }), 'language')).toEqual([
      {
        severity: 'warning',
        rule: 'language',
        slide: 1,
        element: 'Title',
        message: 'text is tagged en-US, not nb-NO ("Språk")',
      },
    ]);
  });
});

describe('package', () => {
  const base = () =>
    deck((pptx) => {
      const slide = titled(pptx, 'Pakke');
      slide.addImage({ data: PNG, x: 1, y: 2, w: 2, h: 2, altText: 'Rødt kvadrat', objectName: 'Photo' });
    });

  it('reports a relationship to a missing part', async () => {
    const bytes = mutate(await base(), 'ppt/slides/_rels/slide1.xml.rels', (xml) =>
      xml.replace(
        '</Relationships>',
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/gone.png"/></Relationships>',
      ),
    );
    expect(ofRule(checkDeck(bytes, OPTIONS), 'package')).toEqual([
      {
        severity: 'error',
        rule: 'package',
        slide: 1,
        element: 'ppt/slides/_rels/slide1.xml.rels',
        message: 'relationship rId99 points to ppt/media/gone.png, which is not in the package',
      },
    ]);
  });

  it('reports a relationship id the part does not define', async () => {
    const bytes = mutate(await base(), 'ppt/slides/slide1.xml', (xml) =>
      xml.replace(/r:embed="[^"]*"/, 'r:embed="rId42"'),
    );
    expect(ofRule(checkDeck(bytes, OPTIONS), 'package')).toEqual([
      {
        severity: 'error',
        rule: 'package',
        slide: 1,
        element: 'ppt/slides/slide1.xml',
        message: 'uses relationship rId42, which its .rels does not define',
      },
    ]);
  });

  it('reports a part without a content type', async () => {
    const bytes = mutate(await base(), '[Content_Types].xml', (xml) =>
      xml.replace(/<Default Extension="png"[^>]*\/>/, ''),
    );
    expect(ofRule(checkDeck(bytes, OPTIONS), 'package')).toEqual([
      expect.objectContaining({
        severity: 'error',
        slide: 0,
        element: expect.stringMatching(/^ppt\/media\/.+\.png$/),
        message: 'the part has no content type in [Content_Types].xml',
      }),
    ]);
  });

  it('reports duplicate shape ids', async () => {
    const bytes = mutate(await base(), 'ppt/slides/slide1.xml', (xml) =>
      xml.replace(/(<p:cNvPr id=")3(" name="Photo")/, '$12$2'),
    );
    expect(ofRule(checkDeck(bytes, OPTIONS), 'package')).toEqual([
      {
        severity: 'error',
        rule: 'package',
        slide: 1,
        element: 'Photo',
        message: 'shape id 2 is used by 2 shapes in ppt/slides/slide1.xml ("Title", "Photo")',
      },
    ]);
  });
});
