/** Logos and photos in built decks: sized for their placement, stripped, with the data's alt text. */
import { readdirSync, readFileSync, symlinkSync, truncateSync, statSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { buildDecks } from '../src/build-deck.js';
import type { ImageStats } from '../src/images/prepare-image.js';
import { pngClaiming } from './helpers/images.js';
import { copyBuiltProject, copyProject, editFile } from './helpers/project.js';
import { readPptx, type PptxParts } from './helpers/pptx-zip.js';
import { runMain } from './helpers/in-process.js';

const EMU = 914_400;

/** Every picture of a deck: its alt text, placed size (inches) and media part. */
function pictures(p: PptxParts): { slide: number; descr: string; w: number; h: number; media: string }[] {
  const out = [];
  for (let n = 1; n <= p.slideCount(); n++) {
    const rels = p.text(`ppt/slides/_rels/slide${n}.xml.rels`);
    for (const pic of p.slideXml(n).match(/<p:pic>[\s\S]*?<\/p:pic>/g) ?? []) {
      const descr = /descr="([^"]*)"/.exec(pic)?.[1] ?? '';
      const embed = /r:embed="([^"]+)"/.exec(pic)?.[1];
      const ext = /<a:ext cx="(\d+)" cy="(\d+)"/.exec(pic);
      const target =
        new RegExp(`Id="${embed}"[^>]*Target="\\.\\./media/([^"]+)"`).exec(rels)?.[1] ??
        new RegExp(`Target="\\.\\./media/([^"]+)"[^>]*Id="${embed}"`).exec(rels)?.[1];
      out.push({ slide: n, descr, w: Number(ext?.[1]) / EMU, h: Number(ext?.[2]) / EMU, media: `ppt/media/${target}` });
    }
  }
  return out;
}

describe('images in decks', () => {
  it("every picture is at most ~200 dpi of its placement and carries the data's alt text", async () => {
    const root = copyProject();
    const built = await buildDecks({ root, decks: ['ansatte'] });
    const p = readPptx(built.decks[0]!.file);
    const pics = pictures(p);
    expect(pics.length).toBeGreaterThanOrEqual(5);
    const alts = new Set(pics.map((x) => x.descr));
    expect(alts).toEqual(
      new Set([
        'Logo for Innherred Samkommune',
        'Logo for Verdal kommune',
        'Logo for Levanger kommune',
        'Gate med fargerike trehus og et kirketårn i bakgrunnen',
      ]),
    );
    for (const pic of pics) {
      const meta = await sharp(Buffer.from(p.files.get(pic.media)!)).metadata();
      expect(meta.width!, `${pic.media} on slide ${pic.slide}`).toBeLessThanOrEqual(Math.ceil(pic.w * 200) + 2);
      expect(meta.height!).toBeLessThanOrEqual(Math.ceil(pic.h * 200) + 2);
      expect(meta.exif).toBeUndefined();
    }
  });

  it('a 6000 × 4000 camera JPEG with GPS goes in under 500 KB, without EXIF', async () => {
    const root = copyProject();
    const exif = {
      IFD0: { Copyright: 'Trappa test camera' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '63/1 44/1 0/1' },
    };
    const noise = await sharp({
      create: {
        width: 6000,
        height: 4000,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 40 },
      },
    })
      .jpeg({ quality: 90 })
      .withExif(exif)
      .toBuffer();
    writeFileSync(path.join(root, 'assets/photos/town.jpg'), noise);
    const built = await buildDecks({ root, decks: ['ansatte'] });
    const p = readPptx(built.decks[0]!.file);
    const photo = pictures(p).find((x) => x.descr.startsWith('Gate med'))!;
    const media = Buffer.from(p.files.get(photo.media)!);
    expect(media.length).toBeLessThan(500 * 1024);
    const meta = await sharp(media).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.width).toBeLessThanOrEqual(Math.ceil(photo.w * 200) + 2);
    expect(media.includes(Buffer.from('Trappa test camera'))).toBe(false);
  });

  it('a second build with unchanged images does no image work', async () => {
    const root = copyProject();
    const first: ImageStats = { processed: 0, cacheHits: 0 };
    const cold = await buildDecks({ root, imageStats: first, dryRun: true });
    expect(first.processed).toBeGreaterThan(0);
    // A deck built while another waits for sharp (io/in-turn.ts) waits for the same picture
    // rather than rendering it again: each entry of the cache was rendered once.
    expect(first.processed).toBe(readdirSync(path.join(root, '.cache/images')).length);
    const second: ImageStats = { processed: 0, cacheHits: 0 };
    const warm = await buildDecks({ root, imageStats: second, dryRun: true });
    expect(second).toEqual({ processed: 0, cacheHits: first.processed + first.cacheHits });
    expect(warm.decks.map((d) => d.sha256)).toEqual(cold.decks.map((d) => d.sha256));
  });
});

interface BadImage {
  name: string;
  breakIt(root: string): void;
  error: RegExp;
}

const photo = 'assets/photos/fjord.jpg';
const badImages: BadImage[] = [
  {
    name: 'a text file named .jpg',
    breakIt: (root) => writeFileSync(path.join(root, photo), 'not a picture'),
    error: /photos\/fjord\.jpg/,
  },
  {
    name: 'a truncated JPEG',
    breakIt: (root) => truncateSync(path.join(root, photo), Math.floor(statSync(path.join(root, photo)).size / 3)),
    error: /photos\/fjord\.jpg.*(truncated|corrupt)/,
  },
  {
    name: 'a 20000 × 20000 PNG',
    breakIt: (root) => {
      writeFileSync(path.join(root, 'assets/photos/bomb.png'), pngClaiming(20_000));
      editFile(root, 'data/decks/storledermote.yaml', 'file: photos/fjord.jpg', 'file: photos/bomb.png');
    },
    error: /20000 × 20000 pixels/,
  },
  {
    name: 'a path outside assets/',
    breakIt: (root) =>
      editFile(root, 'data/decks/storledermote.yaml', 'file: photos/fjord.jpg', 'file: ../data/strategy.yaml'),
    error: /outside|assets/,
  },
  {
    name: 'an absolute path',
    breakIt: (root) => editFile(root, 'data/decks/storledermote.yaml', 'file: photos/fjord.jpg', 'file: /etc/hostname'),
    error: /absolute|assets/,
  },
  {
    name: 'a symlink pointing out of assets/',
    breakIt: (root) => {
      rmSync(path.join(root, photo));
      symlinkSync(path.join(root, 'data/strategy.yaml'), path.join(root, photo));
    },
    error: /outside|link/,
  },
  { name: 'a missing file', breakIt: (root) => rmSync(path.join(root, photo)), error: /not found/ },
];

describe('bad images', () => {
  it.each(badImages)('$name: one located line, exit 2, earlier output untouched', async ({ breakIt, error }) => {
    const root = await copyBuiltProject(['storledermote']);
    const file = path.join(root, 'output/storledermote-v0.2-2004-02-04.pptx');
    const before = readFileSync(file);
    breakIt(root);
    const run = await runMain(['build', '--deck', 'storledermote'], root);
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^data\/decks\/storledermote\.yaml:\d+:\d+ /);
    expect(lines[0]).toMatch(error);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
