/**
 * The build's check reads each slide as the finishing stage parses it, and the slide's tree is let
 * go at once (ooxml/package.ts readPartsOnce, check/read-deck.ts slideReader): what the check
 * then reads and finds must be what it reads and finds in the deck's bytes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDecks } from '../src/build-deck.js';
import { backdropPictures } from '../src/check/backdrop-pictures.js';
import { checkDeck } from '../src/check/check-deck.js';
import { readDeck, slideReader } from '../src/check/read-deck.js';
import {
  type OpcPackage,
  type PartReader,
  partFacts,
  partRoot,
  partSyntaxError,
  readPackage,
  readPartsOnce,
  relationships,
} from '../src/ooxml/package.js';
import { REPO } from './helpers/project.js';

const SLIDE = 'ppt/slides/slide1.xml';

/** A background of its own on the deck's first slide, which the slides of the bundled decks do not have. */
function withOwnBackground(bytes: Uint8Array): OpcPackage {
  const pkg = readPackage(bytes);
  const background = '<p:bg><p:bgPr><a:solidFill><a:srgbClr val="123456"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>';
  pkg.xml.set(SLIDE, pkg.xml.get(SLIDE)!.replace(/(<p:cSld\b[^>]*>)(?:<p:bg>.*?<\/p:bg>)?/, `$1${background}`));
  return pkg;
}

/** A deck's package as the build hands it to the check: every part parsed once, each slide read and let go. */
function readOnce(pkg: OpcPackage): OpcPackage {
  expect(readPartsOnce(pkg, slideReader, { releaseTexts: true }).size).toBe(0);
  return pkg;
}

const modelOf = (source: OpcPackage) => {
  const { package: _, ...model } = readDeck(source);
  return model;
};

describe('slides read as they are parsed', () => {
  let decks: Uint8Array[] = [];
  beforeAll(async () => {
    decks = (await buildDecks({ root: REPO, dryRun: true })).decks.map((d) => d.bytes);
  }, 60_000);

  it('give the check the model it reads from the deck’s bytes, and the same findings', () => {
    expect(decks.length).toBeGreaterThan(1);
    for (const bytes of decks) {
      expect(modelOf(readOnce(readPackage(bytes)))).toEqual(modelOf(readPackage(bytes)));
      expect(modelOf(readOnce(withOwnBackground(bytes)))).toEqual(modelOf(withOwnBackground(bytes)));
      const options = { minBodySize: 18, minTableSize: 12 };
      expect(checkDeck(readOnce(readPackage(bytes)), options)).toEqual(checkDeck(bytes, options));
    }
    // And the slide's own background is read (both ways above read it with the same code).
    const first = modelOf(readOnce(withOwnBackground(decks[0]!))).slides[0]!;
    expect(first.background).toBe('123456');
    expect(first.backdrop?.[0]?.paint).toEqual({ kind: 'solid', color: '123456', alpha: 1 });
  });

  it('give the contrast rule the logos to measure, as the deck read from its bytes does', async () => {
    // The logos' media parts, from the deck's bytes.
    const logos = decks.flatMap((bytes) => {
      const pkg = readPackage(bytes);
      return readDeck(pkg).slides.flatMap((slide) =>
        slide.elements.flatMap((e) =>
          e.kind === 'picture' && e.name.startsWith('Logo ') && e.paint?.kind === 'picture'
            ? [{ bytes, media: relationships(pkg, slide.part).get(e.paint.embed)!.target }]
            : [],
        ),
      );
    });
    expect(logos.length).toBeGreaterThan(0);
    for (const { bytes, media } of logos) {
      const fromBytes = await backdropPictures(bytes);
      const asBuilt = await backdropPictures(bytes, { pkg: readOnce(readPackage(bytes)) });
      expect(fromBytes(media), media).toBeDefined();
      expect(asBuilt(media), media).toEqual(fromBytes(media));
    }
  });

  it('let their trees go, keeping whether they were well-formed and their facts', () => {
    const pkg = readOnce(readPackage(decks[0]!));
    expect(() => partRoot(pkg, SLIDE)).toThrow(/let go/);
    expect(partSyntaxError(pkg, SLIDE)).toBeUndefined();
    expect(partFacts(pkg, SLIDE).shapeProperties.length).toBeGreaterThan(0);
    // Parts the reader does not want keep their trees.
    expect(partRoot(pkg, 'ppt/presentation.xml')?.name).toBe('p:presentation');
  });

  it('are not read when they are not well-formed, and are named as such', () => {
    const pkg = readPackage(decks[0]!);
    pkg.xml.set(SLIDE, `${pkg.xml.get(SLIDE)!}<p:sld>`);
    const read: string[] = [];
    const reader: PartReader = { wants: slideReader.wants, read: (_, part) => void read.push(part) };
    const bad = readPartsOnce(pkg, reader);
    expect([...bad.keys()]).toEqual([SLIDE]);
    expect(read).not.toContain(SLIDE);
    expect(read.length).toBeGreaterThan(0);
  });
});
