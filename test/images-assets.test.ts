import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { prepareImages } from '../src/images/prepare-image.js';

const projectRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const logos = ['levanger', 'verdal', 'isk'].map((name) => `logos/${name}.svg`);
const photos = ['photos/fjord.jpg', 'photos/town.jpg'];

describe('placeholder assets', () => {
  it.each(logos)('%s is small and marked as a placeholder', (file) => {
    const text = readFileSync(path.join(projectRoot, 'assets', file), 'utf8');
    expect(text.length).toBeLessThan(5 * 1024);
    expect(text).toContain('PLASSHOLDER');
  });

  it.each(photos)('%s is a 2400 × 1600 JPEG of a few hundred KB', async (file) => {
    const full = path.join(projectRoot, 'assets', file);
    expect(await sharp(full).metadata()).toMatchObject({ format: 'jpeg', width: 2400, height: 1600 });
    expect(statSync(full).size).toBeLessThan(600 * 1024);
  });

  it('prepares all of them without issues', async () => {
    const requests = [...logos, ...photos].map((file) => ({
      ref: { file, alt: 'Plassholder' },
      box: { x: 0, y: 0, w: 6, h: 4 },
      location: { file: 'test' },
    }));
    const { images, issues } = await prepareImages(requests, { projectRoot });
    expect(issues).toEqual([]);
    expect(images.map((i) => i.mime)).toEqual(['image/png', 'image/png', 'image/png', 'image/jpeg', 'image/jpeg']);
  });
});
