/** The PDF check's rules on models (pure), and the reader on a PDF that is only a picture of a page. */
import { describe, expect, it } from 'vitest';
import { checkPdf } from '../src/check/pdf/check-pdf.js';
import { declaration } from '../src/check/pdf/index.js';
import { readPdf } from '../src/check/pdf/read-pdf.js';
import type { PdfExpectation, PdfModel, PdfStructNode } from '../src/check/pdf/types.js';
import { finishXmp } from '../src/post/pdf-finish/xmp.js';

/** The XMP packet LibreOffice 7.4 writes for PDF/A-2b with PDF/UA (abridged): pdfuaid without its extension schema. */
const LIBREOFFICE_XMP =
  '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n<x:xmpmeta xmlns:x="adobe:ns:meta/">\n' +
  ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n' +
  '  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">' +
  '<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>\n' +
  '  <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>1</pdfuaid:part></rdf:Description>\n' +
  '  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdf:Keywords>ISK, strategi</pdf:Keywords></rdf:Description>\n' +
  ' </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end="w"?>';

const node = (role: string, text: string, extra: Partial<PdfStructNode> = {}): PdfStructNode => ({
  role,
  text,
  children: [],
  ...extra,
});

const expected: PdfExpectation = {
  language: 'nb-NO',
  otherLanguages: ['en-GB'],
  title: 'Kommunikasjonsstrategi',
  slides: [
    {
      texts: ['Målgrupper', 'Ansatte i ISK', 'Media', 'Målgruppe', 'Tid'],
      title: 'Målgrupper',
      lists: ['Ansatte i ISK Media'],
      tables: ['Målgruppe Tid'],
      pictures: ['Logo for Innherred Samkommune'],
      regions: {
        footers: [{ x0: 40, y0: 10, x1: 700, y1: 36 }],
        headings: [{ box: { x0: 40, y0: 400, x1: 400, y1: 430 }, text: 'HØYEST PRIORITERTE' }],
      },
    },
  ],
};

function goodPdf(): PdfModel {
  const list = node('L', '• Ansatte i ISK\n• Media', {
    children: [node('LI', '• Ansatte i ISK'), node('LI', '• Media')],
  });
  return {
    version: '1.6',
    title: 'Kommunikasjonsstrategi',
    lang: 'nb-NO',
    displayDocTitle: true,
    marked: true,
    xmp: { pdfaPart: '2', pdfaConformance: 'B', pdfuaPart: '1', raw: finishXmp(LIBREOFFICE_XMP, {}) },
    pages: [
      {
        number: 1,
        text: 'Målgrupper\n• Ansatte i\nISK\n• Media\nMålgruppe Tid\nside 1',
        textOps: 9,
        imageOps: 1,
        untaggedText: 0,
        size: { width: 960, height: 540 },
        painting: { untagged: 0, tagged: [{ tag: 'P', mcid: 1, box: { x0: 50, y0: 410, x1: 50, y1: 422 } }] },
        fonts: [{ name: 'Carlito', embedded: true }],
        structure: node('Root', '', {
          children: [
            node('H1', 'Målgrupper'),
            node('H2', 'HØYEST PRIORITERTE'),
            list,
            node('Table', 'Målgruppe\nTid'),
            node('Figure', '', { alt: 'Logo for Innherred Samkommune' }),
          ],
        }),
      },
    ],
  };
}

const rules = (pdf: PdfModel): string[] => checkPdf(pdf, expected).map((f) => `${f.slide} ${f.rule}: ${f.message}`);

describe('checkPdf', () => {
  it('finds nothing wrong with a PDF that has it all', () => {
    expect(rules(goodPdf())).toEqual([]);
    expect(declaration(goodPdf())).toBe('PDF/A-2b, PDF/UA-1');
  });

  it("lets an element carry another language that the deck's text is tagged with", () => {
    const pdf = goodPdf();
    pdf.pages[0]!.structure!.children[2]!.lang = 'en-GB';
    expect(rules(pdf)).toEqual([]);
  });

  it.each<[string, (pdf: PdfModel) => void, RegExp]>([
    [
      'wrong document language',
      (p) => (p.lang = 'en-US'),
      /^0 pdf-lang: the document language \(\/Lang\) is en-US, expected nb-NO/,
    ],
    ['no document language', (p) => delete p.lang, /^0 pdf-lang: .* is missing/],
    [
      'an element in another language',
      (p) => (p.pages[0]!.structure!.children[0]!.lang = 'en-US'),
      /^1 pdf-lang: a H1 element has \/Lang en-US/,
    ],
    [
      'a figure without /Alt',
      (p) => delete p.pages[0]!.structure!.children[4]!.alt,
      /^1 pdf-alt: 1 of 1 figures have no alternative text/,
    ],
    [
      'a file name as /Alt',
      (p) => (p.pages[0]!.structure!.children[4]!.alt = 'logo.png'),
      /^1 pdf-alt: a figure's alternative text is a file name/,
    ],
    ['a font not embedded', (p) => (p.pages[0]!.fonts[0]!.embedded = false), /^1 pdf-fonts: the font is not embedded/],
    [
      'text out of order',
      (p) => (p.pages[0]!.text = 'Media\nMålgrupper Ansatte i ISK Målgruppe Tid'),
      /^1 pdf-text: the text "Media" is out of reading order/,
    ],
    [
      'text missing',
      (p) => (p.pages[0]!.text = 'Målgrupper Ansatte i ISK Målgruppe Tid'),
      /^1 pdf-text: the text "Media" cannot be extracted/,
    ],
    [
      'the title not a heading',
      (p) => (p.pages[0]!.structure!.children[0]!.role = 'P'),
      /^1 pdf-structure: the title "Målgrupper" is not tagged as a heading/,
    ],
    [
      'the table not a Table',
      (p) => (p.pages[0]!.structure!.children[3]!.role = 'Div'),
      /^1 pdf-structure: a table is not tagged as a Table/,
    ],
    [
      'the list not an L',
      (p) => (p.pages[0]!.structure!.children[2]!.role = 'Div'),
      /^1 pdf-structure: the list .* is not tagged as a list/,
    ],
    [
      'no tags',
      (p) => {
        p.marked = false;
        delete p.pages[0]!.structure;
      },
      /^0 pdf-structure: the PDF is not marked as tagged/,
    ],
    [
      'text outside the tags',
      (p) => {
        p.pages[0]!.untaggedText = 2;
      },
      /^1 pdf-structure: 2 pieces of text are neither tagged nor artifacts/,
    ],
    [
      'another title',
      (p) => (p.title = 'PptxGenJS Presentation'),
      /^0 pdf-title: the title is "PptxGenJS Presentation"/,
    ],
    [
      'PDF/A-1 claimed for a PDF 1.6 file',
      (p) => (p.xmp.pdfaPart = '1'),
      /^0 pdf-claims: PDF\/A-1 allows PDF 1.4 at most/,
    ],
    [
      'PDF/A-1u, which does not exist',
      (p) => {
        Object.assign(p, { version: '1.4' });
        Object.assign(p.xmp, { pdfaPart: '1', pdfaConformance: 'U' });
      },
      /^0 pdf-claims: .*invalid conformance level "U"/,
    ],
    ['PDF/UA without DisplayDocTitle', (p) => (p.displayDocTitle = false), /^0 pdf-claims: the XMP declares PDF\/UA/],
    [
      'painting outside tags and artifacts (an untagged rule)',
      (p) => (p.pages[0]!.painting.untagged = 3),
      /^1 pdf-artifacts: 3 painting operations are neither tagged nor artifacts/,
    ],
    [
      'the slide number tagged as content',
      (p) => p.pages[0]!.painting.tagged.push({ tag: 'P', mcid: 9, box: { x0: 650, y0: 20, x1: 650, y1: 32 } }),
      /^1 pdf-artifacts: 1 pieces of the footer are tagged as content \(P\)/,
    ],
    [
      'a panel heading tagged P',
      (p) => (p.pages[0]!.structure!.children[1]!.role = 'P'),
      /^1 pdf-structure: the heading "HØYEST PRIORITERTE" is not tagged as a heading/,
    ],
    [
      'a title that is an H holding a P',
      (p) => (p.pages[0]!.structure!.children[0]!.children = [node('P', 'Målgrupper')]),
      /^1 pdf-structure: a heading \(H1\) holds a paragraph \(P\)/,
    ],
    [
      'a heading level skipped',
      (p) => (p.pages[0]!.structure!.children[1]!.role = 'H3'),
      /^1 pdf-structure: a heading after an H1 is H3/,
    ],
    [
      'pdfuaid in a PDF/A file without its extension schema',
      (p) => (p.xmp.raw = LIBREOFFICE_XMP),
      /^0 pdf-claims: the XMP property pdfuaid:part is in a schema the packet does not declare/,
    ],
    [
      'a property its extension schema does not declare',
      (p) =>
        (p.xmp.raw = p.xmp.raw!.replace(
          '<pdfuaid:part>1</pdfuaid:part>',
          '<pdfuaid:part>1</pdfuaid:part><pdfuaid:rev>2024</pdfuaid:rev>',
        )),
      /^0 pdf-claims: the XMP property pdfuaid:rev is not among its schema's declared properties/,
    ],
    [
      'a page for no slide',
      (p) => p.pages.push({ ...p.pages[0]!, number: 2 }),
      /^0 pdf-pages: the PDF has 2 pages for 1 slides/,
    ],
  ])('%s', (_name, spoil, message) => {
    const pdf = goodPdf();
    spoil(pdf);
    expect(
      rules(pdf).some((line) => message.test(line)),
      rules(pdf).join('\n'),
    ).toBe(true);
  });
});

/** A PDF/A-1a claim around a page that is one image: what `build --pdf` wrote before. */
function rasterPdf(): Uint8Array {
  const xmp =
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">' +
    '<pdfaid:part>1</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance></rdf:Description></rdf:RDF></x:xmpmeta>';
  const content = 'q 960 0 0 540 0 0 cm /Im1 Do Q';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /Lang (en-US) /Metadata 6 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 960 540] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\x7f\x7f\xff\nendstream',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Type /Metadata /Subtype /XML /Length ${xmp.length} >>\nstream\n${xmp}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(pdf, (c) => c.charCodeAt(0));
}

describe('readPdf + checkPdf on a page drawn as one picture', () => {
  it('sees no text, no fonts and no tags, whatever the file claims', async () => {
    const model = await readPdf(rasterPdf());
    expect(model.xmp).toMatchObject({ pdfaPart: '1', pdfaConformance: 'A' });
    expect(model.marked).toBe(true);
    expect(model.pages[0]).toMatchObject({ textOps: 0, imageOps: 1, fonts: [] });
    expect(model.pages[0]!.structure).toBeUndefined();
    const found = rules(model);
    expect(found).toContain('1 pdf-text: the page holds no text (it is drawn as a picture)');
    expect(found).toContain('0 pdf-structure: the PDF has no structure tree (no tags)');
    expect(found).toContain('0 pdf-lang: the document language (/Lang) is en-US, expected nb-NO');
  });
});
