/**
 * A parsed tree holds strings of its own (src/ooxml/xml-tree.ts ownCopy): the finishing stage
 * lets each part's text go once its tree is built, and a tree whose values were views into that
 * text kept the whole text alive (a 1,000-row deck: 27 MB of slide texts held at the check).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parseXml, parseXmlWithSaxes, type XmlElement } from '../src/ooxml/xml.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** ~4 MB of text, of which a tree keeps ~80 KB of strings: 2,000 values and texts, each after 2,000 spaces inside its tag. */
function paddedDocument(seed: number): string {
  const padding = ' '.repeat(2000);
  const elements = Array.from(
    { length: 2000 },
    (_, i) =>
      `<e${padding}v="value-${seed}-${String(i).padStart(8, '0')}">text-${seed}-${String(i).padStart(8, '0')}</e>`,
  );
  return `<r>${elements.join('')}</r>`;
}

function heapAfterGc(): number {
  gc();
  gc();
  return v8.getHeapStatistics().used_heap_size;
}

describe('parsed trees', () => {
  it.each([
    ['the quick scan', parseXml],
    ['saxes', parseXmlWithSaxes],
  ])('do not keep their document alive (%s)', (_, parse) => {
    const kept: XmlElement[] = [];
    const before = heapAfterGc();
    for (let seed = 0; seed < 8; seed++) {
      kept.push(parse(paddedDocument(seed)) as XmlElement);
    }
    const grown = heapAfterGc() - before;
    // The eight texts are ~32 MB, the trees a few MB. V8 may hold on to the last text it worked
    // on (a rope on its stack, ~4 MB): one text, not every text a tree was built from. Measured:
    // ~36 MB kept before trees held strings of their own, 8–10 MB after.
    expect(kept.every((tree) => tree.children.length === 2000)).toBe(true);
    expect(grown).toBeLessThan(20 * 2 ** 20);
  });
});
