import { describe, expect, it } from 'vitest';
import { checkSizeBudget, formatBytes } from '../src/images/size-budget.js';

const MB = 1024 * 1024;

describe('checkSizeBudget', () => {
  it('says nothing under budget', () => {
    expect(checkSizeBudget([{ sourceFile: 'assets/photos/a.jpg', bytes: 3 * MB }], 200_000)).toBeUndefined();
  });

  it('names the total and the largest images when over budget', () => {
    const images = [
      { sourceFile: 'assets/logos/isk.svg', bytes: 9_000 },
      { sourceFile: 'assets/photos/fjord.jpg', bytes: 2.4 * MB },
      { sourceFile: 'assets/photos/town.jpg', bytes: 3.1 * MB },
      { sourceFile: 'assets/photos/fjord.jpg', bytes: 2.4 * MB },
      { sourceFile: 'assets/photos/hall.jpg', bytes: 1.5 * MB },
      { sourceFile: 'assets/photos/tiny.jpg', bytes: 0.5 * MB },
    ];

    expect(checkSizeBudget(images, 0.6 * MB)).toEqual({
      file: 'assets/photos/fjord.jpg',
      severity: 'error',
      message:
        'the deck is 10.5 MB, over the e-mail limit of 10 MB; largest images: assets/photos/fjord.jpg 4.8 MB ×2, ' +
        'assets/photos/town.jpg 3.1 MB, assets/photos/hall.jpg 1.5 MB. Use fewer or smaller photos',
    });
  });

  it('reports at the given location and budget', () => {
    const issue = checkSizeBudget([{ sourceFile: 'assets/photos/a.jpg', bytes: 600_000 }], 0, 500_000, {
      file: 'data/decks/stab.yaml',
      line: 1,
    });
    expect(issue).toMatchObject({
      file: 'data/decks/stab.yaml',
      line: 1,
      message: expect.stringMatching(/^the deck is 586 KB, over the e-mail limit of 488 KB/),
    });
  });

  it.each([
    [830, '830 B'],
    [421_888, '412 KB'],
    [2.4 * MB, '2.4 MB'],
  ])('formatBytes(%d) = %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
