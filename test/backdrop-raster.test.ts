/**
 * A template's pictures are decoded once and kept in the project's cache folder
 * (images/decode-raster.ts), so a later build of a photo template does not load sharp.
 * Each test decodes pictures made here with random colours: no other test has them in the
 * per-process cache, so what is read below really comes from the folder.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeRaster, rasterKey, type Raster } from '../src/images/decode-raster.js';
import { under } from '../src/check/backdrop.js';
import type { Layer } from '../src/check/types.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const cacheDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'trappa-raster-'));
  dirs.push(dir);
  return path.join(dir, '.cache', 'backdrops');
};

/** A 640 × 360 PNG of one random colour (so its bytes are new to this process). */
async function picture(): Promise<{ png: Uint8Array; rgb: number[] }> {
  const rgb = [...randomBytes(3)];
  const png = await sharp({
    create: { width: 640, height: 360, channels: 3, background: { r: rgb[0]!, g: rgb[1]!, b: rgb[2]! } },
  })
    .png()
    .toBuffer();
  return { png: new Uint8Array(png), rgb };
}

describe('decoded template pictures in the cache folder', () => {
  it('keeps a decoded picture as <key>.rgba: a header line with its size, then its RGBA pixels', async () => {
    const dir = cacheDir();
    const { png, rgb } = await picture();
    const raster = await decodeRaster(png, dir);
    expect(raster).toMatchObject({ width: 128, height: 72 });
    expect([...raster!.data.subarray(0, 4)]).toEqual([...rgb, 255]);
    expect(readdirSync(dir)).toEqual([`${rasterKey(png)}.rgba`]);
    const file = readFileSync(path.join(dir, `${rasterKey(png)}.rgba`));
    const newline = file.indexOf(0x0a);
    expect(JSON.parse(file.subarray(0, newline).toString())).toEqual({ width: 128, height: 72 });
    expect(file.length - newline - 1).toBe(128 * 72 * 4);
  });

  it('reads a picture it has not decoded in this process from the folder, not from the picture', async () => {
    const dir = cacheDir();
    const { png } = await picture();
    // A kept entry saying 2 × 1 pixels, red and blue: only the folder can say that.
    const kept = Buffer.concat([
      Buffer.from('{"width":2,"height":1}\n'),
      Buffer.from([255, 0, 0, 255, 0, 0, 255, 255]),
    ]);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${rasterKey(png)}.rgba`), kept);
    const raster = await decodeRaster(png, dir);
    expect(raster).toEqual({ width: 2, height: 1, data: new Uint8Array([255, 0, 0, 255, 0, 0, 255, 255]) });
  });

  it('decodes again when the kept entry is damaged, and keeps what cannot be decoded as such', async () => {
    const dir = cacheDir();
    const { png, rgb } = await picture();
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${rasterKey(png)}.rgba`), '{"width":128,"height":72}\nshort');
    const raster = await decodeRaster(png, dir);
    expect([...raster!.data.subarray(0, 3)]).toEqual(rgb);
    expect(readFileSync(path.join(dir, `${rasterKey(png)}.rgba`)).length).toBeGreaterThan(128 * 72 * 4);

    const garbage = new Uint8Array(randomBytes(4096));
    expect(await decodeRaster(garbage, dir)).toBeUndefined();
    expect(readFileSync(path.join(dir, `${rasterKey(garbage)}.rgba`), 'utf8')).toBe('{"width":0,"height":0}\n');
  });
});

describe('what lies under a text over a picture, kept per process (check/backdrop.ts under)', () => {
  /** A 2 × 1 raster: left pixel `left`, right pixel `right` (RGB). */
  const raster = (left: number[], right: number[]): Raster => ({
    width: 2,
    height: 1,
    data: new Uint8Array([...left, 255, ...right, 255]),
  });
  const photo = (crop: [number, number, number, number] = [0, 0, 0, 0]): Layer => ({
    box: { x: 0, y: 0, w: 10, h: 5 },
    paint: { kind: 'picture', embed: 'rId2', crop },
    media: 'ppt/media/image1.png',
  });
  const box = { x: 1, y: 1, w: 2, h: 1 };

  it('gives what sampling gives for the same layers, box and decoded picture, and samples anew where any differs', () => {
    const red = raster([255, 0, 0], [0, 0, 255]);
    const green = raster([0, 255, 0], [0, 0, 255]);
    const ofRed = () => red;
    expect(under([photo()], box, ofRed)).toEqual({ darkest: 'FF0000', lightest: 'FF0000', unknown: 0 });
    // Asked again: the same answer, and a copy the caller may change.
    const again = under([photo()], box, ofRed)!;
    expect(again).toEqual({ darkest: 'FF0000', lightest: 'FF0000', unknown: 0 });
    again.darkest = '000000';
    expect(under([photo()], box, ofRed)!.darkest).toBe('FF0000');
    // Another picture for the same media part, another crop, another box, a picture not decoded.
    expect(under([photo()], box, () => green)!.darkest).toBe('00FF00');
    expect(under([photo([0.5, 0, 0, 0])], box, ofRed)!.darkest).toBe('0000FF');
    expect(under([photo()], { ...box, x: 6 }, ofRed)!.darkest).toBe('0000FF');
    expect(under([photo()], box, () => undefined)).toBeUndefined();
  });
});
