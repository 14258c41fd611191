import { createHash } from 'node:crypto';
import pptxgenjs from 'pptxgenjs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { DeckProperties } from '../src/layout/types.js';
import { finishPackage } from '../src/pptx/finish-package.js';
import { PackageParts } from '../src/pptx/package-parts.js';
import { PARTS_TYPE, type RawParts } from '../src/pptx/pptx-parts.js';

// pptxgenjs's .d.ts is read as CommonJS under nodenext; at run time the default export is the class.
const PptxGenJS = pptxgenjs as unknown as typeof pptxgenjs.default;

const PROPS: DeckProperties = {
  title: 'Deler',
  subject: 'Uten zip',
  author: 'Åse',
  company: 'Firma',
  version: '0.1',
  revision: 1,
  date: '2024-05-17',
  language: 'nb-NO',
};

/** A deck whose texts are what a zip round trip could change: non-ASCII, an emoji, a lone surrogate, a BOM. */
async function deck(): Promise<InstanceType<typeof PptxGenJS>> {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
    .png()
    .toBuffer();
  const pptx = new PptxGenJS();
  const plain = pptx.addSlide();
  plain.addText('Blåbær & <tyttebær> «sitat»', { x: 1, y: 1, w: 6, h: 1, objectName: 'Title' });
  plain.addImage({ data: `data:image/png;base64,${png.toString('base64')}`, x: 1, y: 3, w: 1, h: 1 });
  plain.addNotes('Notater\nto linjer');
  const odd = pptx.addSlide();
  odd.addText('Smil 😀 og en halv \uD83D her, \uFEFF midt i', { x: 1, y: 1, w: 6, h: 1 });
  odd.addTable([[{ text: 'æ' }, { text: '\uDE00' }]], { x: 1, y: 3, w: 6 });
  return pptx;
}

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('pptxgenjs parts without the zip', () => {
  it('are the parts its zip holds, byte for byte and in its order, and finish to the same deck', async () => {
    const zip = (await (await deck()).write({ outputType: 'nodebuffer' })) as Uint8Array;
    const raw = (await (await deck()).write({ outputType: PARTS_TYPE as 'nodebuffer' })) as unknown as RawParts;
    expect(raw).toBeInstanceOf(Map);

    const fromZip = PackageParts.read(zip);
    const fromParts = PackageParts.fromRaw(raw);
    expect(fromParts.names()).toEqual(fromZip.names());
    expect(fromParts.names().filter((n) => n.endsWith('.png'))).toHaveLength(1);
    // docProps/core.xml holds the second each deck was written (the finishing stage replaces it).
    const written = /<dcterms:(created|modified)[^<]*<\/dcterms:\1>/g;
    for (const name of fromZip.names()) {
      if (name === 'docProps/core.xml')
        expect(fromParts.text(name)?.replace(written, '')).toBe(fromZip.text(name)?.replace(written, ''));
      else expect([name, fromParts.bytesOf(name)]).toEqual([name, fromZip.bytesOf(name)]);
    }
    expect(fromParts.text('ppt/slides/slide2.xml')).toContain('\uFFFD');

    const finished = finishPackage(PackageParts.fromRaw(raw), PROPS);
    expect(sha(finished)).toBe(sha(finishPackage(zip, PROPS)));
  });

  it('leaves every other output type to JSZip', async () => {
    const zip = (await (await deck()).write({ outputType: 'uint8array' })) as Uint8Array;
    expect([...zip.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });
});
