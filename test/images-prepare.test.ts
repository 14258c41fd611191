import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pngClaiming } from './helpers/images.js';
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { SourceLocation } from '../src/errors.js';
import { prepareImages, toImageElement, type ImageRequest } from '../src/images/prepare-image.js';

/** A throwaway project folder with an empty assets/, removed when the test ends. */
function makeProject(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'trappa-images-'));
  mkdirSync(path.join(root, 'assets', 'photos'), { recursive: true });
  mkdirSync(path.join(root, 'assets', 'logos'), { recursive: true });
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

const at: SourceLocation = { file: 'data/decks/storledermote.yaml', line: 12, col: 11, field: 'slides[3].image.file' };
const request = (file: string, box = { x: 1, y: 1, w: 5, h: 3.3 }, fit?: 'contain' | 'cover'): ImageRequest => ({
  ref: { file, alt: 'Bilde av fjorden' },
  box,
  location: at,
  ...(fit && { fit }),
});

/** A smooth, photo-like JPEG: noise scaled up, so it compresses like a real photo. */
async function photo(width: number, height: number): Promise<Sharp> {
  const noise = await sharp({
    create: {
      width: 60,
      height: 40,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 128, sigma: 50 },
    },
  })
    .png()
    .toBuffer();
  return sharp(noise).resize(width, height, { fit: 'fill' });
}

/** A valid PNG header claiming `size` × `size` pixels, with no real pixel data: a decompression bomb in 60 bytes. */
describe('prepareImages', () => {
  it('shrinks a 6000 × 4000 camera photo to 200 dpi of its box and strips EXIF and GPS', async () => {
    const root = makeProject();
    const exif = {
      IFD0: { Copyright: 'Trappa test camera' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '63/1 44/1 0/1' },
    };
    const source = await (await photo(6000, 4000)).jpeg({ quality: 92 }).withExif(exif).toBuffer();
    writeFileSync(path.join(root, 'assets/photos/camera.jpg'), source);
    expect((await sharp(source).metadata()).exif?.toString('latin1')).toContain('Trappa test camera');

    const { images, issues } = await prepareImages([request('photos/camera.jpg')], { projectRoot: root });

    expect(issues).toEqual([]);
    const [image] = images;
    expect(image).toMatchObject({
      mime: 'image/jpeg',
      pixelWidth: 990,
      pixelHeight: 660,
      sourceFile: 'assets/photos/camera.jpg',
    });
    expect(image?.bytes).toBeLessThan(500 * 1024);
    // contain: 4.95 × 3.3 in (the photo's 3:2), centred in the 5 × 3.3 in box
    expect(image?.box).toEqual({ x: 1.025, y: 1, w: 4.95, h: 3.3 });
    const meta = await sharp(image?.data).metadata();
    expect({ exif: meta.exif, xmp: meta.xmp, icc: meta.icc, iptc: meta.iptc }).toEqual({});
    expect(image?.data.toString('latin1')).not.toContain('Trappa test camera');
  });

  it('applies EXIF orientation', async () => {
    const root = makeProject();
    // Stored 60 × 40, left half red, right half blue, tagged "rotate 90° clockwise to display".
    const halves = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="40"><rect width="30" height="40" fill="#f00"/><rect x="30" width="30" height="40" fill="#00f"/></svg>',
    );
    const stored = await sharp(halves).flatten().jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer();
    writeFileSync(path.join(root, 'assets/photos/turned.jpg'), stored);

    const { images } = await prepareImages([request('photos/turned.jpg', { x: 0, y: 0, w: 2, h: 3 })], {
      projectRoot: root,
    });

    const image = images[0];
    expect(image).toMatchObject({ pixelWidth: 40, pixelHeight: 60 });
    const { data } = await sharp(image?.data).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * 40 + x) * 3, (y * 40 + x) * 3 + 3)];
    expect(pixel(20, 5)[0]).toBeGreaterThan(200); // top is red
    expect(pixel(20, 55)[2]).toBeGreaterThan(200); // bottom is blue
    expect((await sharp(image?.data).metadata()).orientation).toBeUndefined();
  });

  it('rasterises an SVG logo at box × 200 dpi, as PNG', async () => {
    const root = makeProject();
    writeFileSync(
      path.join(root, 'assets/logos/mark.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="25"><circle cx="12" cy="12" r="10" fill="#0b5d6b"/><text x="28" y="18" font-size="14">Mark</text></svg>',
    );

    const { images, issues } = await prepareImages([request('logos/mark.svg', { x: 0.5, y: 0.5, w: 3, h: 1 })], {
      projectRoot: root,
    });

    expect(issues).toEqual([]);
    expect(images[0]).toMatchObject({
      mime: 'image/png',
      pixelWidth: 600,
      pixelHeight: 150,
      box: { x: 0.5, y: 0.625, w: 3, h: 0.75 },
    });
    expect(await sharp(images[0]?.data).metadata()).toMatchObject({
      format: 'png',
      width: 600,
      height: 150,
      hasAlpha: true,
    });
  });

  it('never enlarges a bitmap, and crops for cover', async () => {
    const root = makeProject();
    writeFileSync(path.join(root, 'assets/photos/small.jpg'), await (await photo(300, 200)).jpeg().toBuffer());
    const box = { x: 0, y: 0, w: 4, h: 4 };

    const { images } = await prepareImages(
      [request('photos/small.jpg', box), request('photos/small.jpg', box, 'cover')],
      { projectRoot: root },
    );

    expect(images.map((i) => [i.pixelWidth, i.pixelHeight, i.box])).toEqual([
      [300, 200, { x: 0, y: 0.666667, w: 4, h: 2.666667 }],
      [200, 200, box],
    ]);
  });

  it.each([
    {
      name: 'flat art PNG → palette PNG',
      draw: () => sharp({ create: { width: 200, height: 100, channels: 3, background: '#0b5d6b' } }).png(),
      mime: 'image/png',
      palette: true,
    },
    {
      name: 'photo saved as PNG → JPEG',
      draw: async () => (await photo(800, 600)).png(),
      mime: 'image/jpeg',
      palette: false,
    },
    {
      name: 'photo with transparency → PNG',
      draw: async () => (await photo(400, 300)).ensureAlpha(0.5).png(),
      mime: 'image/png',
      palette: false,
    },
    { name: 'JPEG → JPEG', draw: async () => (await photo(400, 300)).jpeg(), mime: 'image/jpeg', palette: false },
  ])('format rule: $name', async ({ draw, mime, palette }) => {
    const root = makeProject();
    writeFileSync(path.join(root, 'assets/photos/in.img'), await (await draw()).toBuffer());

    const { images } = await prepareImages([request('photos/in.img')], { projectRoot: root });

    expect(images[0]?.mime).toBe(mime);
    // PNG colour type (byte 25 of the file): 3 = palette.
    if (mime === 'image/png') expect(images[0]?.data[25] === 3).toBe(palette);
  });

  it('gives the same bytes on every run', async () => {
    const root = makeProject();
    writeFileSync(path.join(root, 'assets/photos/a.jpg'), await (await photo(1200, 800)).jpeg().toBuffer());
    const requests = [request('photos/a.jpg'), request('logos/isk.svg')];
    writeFileSync(
      path.join(root, 'assets/logos/isk.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" rx="5" fill="#7a1f3d"/></svg>',
    );

    const first = await prepareImages(requests, { projectRoot: root });
    const second = await prepareImages(requests, { projectRoot: root });

    expect(first.images).toHaveLength(2);
    expect(second.images.map((i) => i.data)).toEqual(first.images.map((i) => i.data));
  });

  it('makes an image element with the alt text', async () => {
    const root = makeProject();
    writeFileSync(
      path.join(root, 'assets/logos/dot.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle cx="5" cy="5" r="5"/></svg>',
    );
    const decorative: ImageRequest = {
      ref: { file: 'logos/dot.svg', decorative: true },
      box: { x: 0, y: 0, w: 1, h: 1 },
      location: at,
    };

    const { images } = await prepareImages([request('logos/dot.svg', { x: 0, y: 0, w: 1, h: 1 }), decorative], {
      projectRoot: root,
    });

    expect(images.map((i) => toImageElement(i, 'Logo'))).toMatchObject([
      { type: 'image', name: 'Logo', altText: 'Bilde av fjorden', mime: 'image/png', box: { x: 0, y: 0, w: 1, h: 1 } },
      { type: 'image', name: 'Logo', altText: '', decorative: true },
    ]);
  });
});

describe('prepareImages with bad images', () => {
  const cases: {
    name: string;
    file: string;
    setup?: (root: string) => void | Promise<void>;
    message: RegExp;
    pixelLimit?: number;
  }[] = [
    {
      name: 'text file named .png',
      file: 'logos/fake.png',
      setup: (root) => writeFileSync(path.join(root, 'assets/logos/fake.png'), 'this is not a picture\n'),
      message: /^assets\/logos\/fake\.png is not an image Trappa can read; use PNG, JPEG or SVG$/,
    },
    {
      name: 'truncated JPEG',
      file: 'photos/cut.jpg',
      setup: async (root) => {
        const whole = await (await photo(600, 400)).jpeg().toBuffer();
        writeFileSync(path.join(root, 'assets/photos/cut.jpg'), whole.subarray(0, whole.length / 2));
      },
      message: /^assets\/photos\/cut\.jpg is not a readable image \(truncated or corrupt\)$/,
    },
    {
      name: '20000 × 20000 PNG (decompression bomb)',
      file: 'photos/bomb.png',
      setup: (root) => writeFileSync(path.join(root, 'assets/photos/bomb.png'), pngClaiming(20_000)),
      message: /^assets\/photos\/bomb\.png is 20000 × 20000 pixels \(400 megapixels\), over the limit of 50 megapixels/,
    },
    {
      name: 'real image over a lowered pixel limit',
      file: 'photos/big.jpg',
      setup: async (root) =>
        writeFileSync(path.join(root, 'assets/photos/big.jpg'), await (await photo(600, 400)).jpeg().toBuffer()),
      pixelLimit: 100_000,
      message: /^assets\/photos\/big\.jpg is 600 × 400 pixels/,
    },
    {
      name: 'absolute path',
      file: '/etc/passwd',
      message: /^\/etc\/passwd is an absolute path; write the path relative to assets\//,
    },
    { name: 'Windows absolute path', file: 'C:\\Users\\bilde.png', message: /is an absolute path/ },
    { name: '../ path', file: '../secret.jpg', message: /^\.\.\/secret\.jpg points outside assets\// },
    { name: '../ in the middle', file: 'photos/../../secret.jpg', message: /points outside assets\// },
    {
      name: 'symlink pointing outside assets',
      file: 'photos/link.jpg',
      setup: async (root) => {
        writeFileSync(path.join(root, 'secret.jpg'), await (await photo(60, 40)).jpeg().toBuffer());
        symlinkSync(path.join(root, 'secret.jpg'), path.join(root, 'assets/photos/link.jpg'));
      },
      message: /^assets\/photos\/link\.jpg is a link to a file outside assets\//,
    },
    { name: 'missing file', file: 'photos/missing.jpg', message: /^file not found: assets\/photos\/missing\.jpg$/ },
    { name: 'path starting with assets/', file: 'assets/photos/missing.jpg', message: /write photos\/missing\.jpg\)$/ },
    { name: 'directory', file: 'photos', message: /^assets\/photos is a folder, not an image file$/ },
  ];

  it.each(cases)('$name → one located issue', async ({ file, setup, message, pixelLimit }) => {
    const root = makeProject();
    await setup?.(root);

    const result = await prepareImages([request(file)], { projectRoot: root, ...(pixelLimit && { pixelLimit }) });

    expect(result.images).toEqual([]);
    expect(result.issues).toEqual([{ ...at, message: expect.stringMatching(message), severity: 'error' }]);
  });

  it('does not let an SVG pull in files from outside assets/', async () => {
    const root = makeProject();
    const secret = path.join(root, 'secret.jpg');
    writeFileSync(secret, await (await photo(60, 40)).jpeg().toBuffer());
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="60" height="40"><image xlink:href="file://${secret}" width="60" height="40"/></svg>`;
    writeFileSync(path.join(root, 'assets/logos/sneaky.svg'), svg);

    const { images } = await prepareImages([request('logos/sneaky.svg', { x: 0, y: 0, w: 0.3, h: 0.2 })], {
      projectRoot: root,
    });

    // The referenced file is not loaded: the picture stays fully transparent.
    const { data } = await sharp(images[0]?.data).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(data.filter((_, i) => i % 4 === 3).every((alpha) => alpha === 0)).toBe(true);
  });

  it('reports bad images without stopping the good ones', async () => {
    const root = makeProject();
    writeFileSync(
      path.join(root, 'assets/logos/ok.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    );
    const second = { ...request('photos/missing.jpg'), location: { ...at, line: 20 } };

    const result = await prepareImages([request('logos/ok.svg'), second, request('logos/ok.svg')], {
      projectRoot: root,
    });

    expect(result.images).toHaveLength(2);
    expect(result.issues.map((i) => i.line)).toEqual([20]);
  });
});

describe('image cache', () => {
  async function projectWithFourImages() {
    const root = makeProject();
    const svg = (fill: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="80" height="20"><rect width="20" height="20" fill="${fill}"/><text x="24" y="15">Navn</text></svg>`;
    writeFileSync(path.join(root, 'assets/logos/a.svg'), svg('#0b5d6b'));
    writeFileSync(path.join(root, 'assets/logos/b.svg'), svg('#7a1f3d'));
    writeFileSync(path.join(root, 'assets/photos/a.jpg'), await (await photo(1600, 1000)).jpeg().toBuffer());
    writeFileSync(path.join(root, 'assets/photos/b.jpg'), await (await photo(1000, 1600)).jpeg().toBuffer());
    const requests = ['logos/a.svg', 'logos/b.svg', 'photos/a.jpg', 'photos/b.jpg'].map((file) => request(file));
    return { root, cacheDir: path.join(root, '.cache/images'), requests };
  }

  it('does no image work on the second build', async () => {
    const { root, cacheDir, requests } = await projectWithFourImages();
    const cold = { processed: 0, cacheHits: 0 };
    const warm = { processed: 0, cacheHits: 0 };

    const first = await prepareImages(requests, { projectRoot: root, cacheDir, stats: cold });
    const second = await prepareImages(requests, { projectRoot: root, cacheDir, stats: warm });

    expect(cold).toEqual({ processed: 4, cacheHits: 0 });
    expect(warm).toEqual({ processed: 0, cacheHits: 4 });
    expect(second.images).toEqual(first.images);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('prepares an image used twice in one build once', async () => {
    const { root, cacheDir, requests } = await projectWithFourImages();
    const stats = { processed: 0, cacheHits: 0 };
    const logo = requests[0] as ImageRequest;

    const { images } = await prepareImages([logo, { ...logo, box: { ...logo.box, x: 7 } }], {
      projectRoot: root,
      cacheDir,
      stats,
    });

    expect(stats).toEqual({ processed: 1, cacheHits: 1 });
    expect(images.map((i) => i.box.x)).toEqual([logo.box.x, 7]);
  });

  it('re-prepares when the size changes or an entry is damaged', async () => {
    const { root, cacheDir, requests } = await projectWithFourImages();
    await prepareImages(requests, { projectRoot: root, cacheDir });
    const [entry] = readdirSync(cacheDir);
    writeFileSync(path.join(cacheDir, entry ?? ''), 'garbage');
    const bigger = requests.map((r) => ({ ...r, box: { ...r.box, w: 4 } }));
    const stats = { processed: 0, cacheHits: 0 };

    await prepareImages([...requests, ...bigger], { projectRoot: root, cacheDir, stats });

    expect(stats).toEqual({ processed: 5, cacheHits: 3 });
  });
});
