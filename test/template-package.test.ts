/**
 * The template reader on damaged bytes, in process (issue #20): a flipped byte, a cut, a wrong
 * checksum is a problem naming the part or the zip, never an exception (which the CLI would
 * report as a bug, exit 70).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTemplatePackage } from '../src/template/read-template-package.js';
import { REPO } from './helpers/project-copy.js';

const BASE = new Uint8Array(readFileSync(path.join(REPO, 'test/fixtures/templates/impress.potx')));
const LIMIT = 20 << 20;

describe('readTemplatePackage on damaged templates', () => {
  it('reads the intact template: its masters and only the parts they reach', () => {
    const read = readTemplatePackage(BASE, LIMIT) as Exclude<
      ReturnType<typeof readTemplatePackage>,
      { problem: string }
    >;
    expect(read).not.toHaveProperty('problem');
    expect(read.masters).toEqual(['ppt/slideMasters/slideMaster1.xml']);
    expect([...read.parts.keys()].filter((n) => /slides\/|presentation|docProps/.test(n))).toEqual([]);
  });

  it('a changed byte inside a compressed part is found by its checksum, and named', () => {
    const bytes = BASE.slice();
    const at = Buffer.from(bytes).indexOf('ppt/slideLayouts/slideLayout3.xml') + 40;
    bytes[at] = bytes[at]! ^ 0xff;
    const read = readTemplatePackage(bytes, LIMIT);
    expect(read).toMatchObject({
      part: 'ppt/slideLayouts/slideLayout3.xml',
      problem: expect.stringMatching(/damaged/),
    });
  });

  it('never throws on flipped bytes or cuts anywhere (200 cases)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(BASE.length - 1), value: fc.nat(255) }), { minLength: 1, maxLength: 4 }),
        fc.nat(BASE.length),
        (flips, cut) => {
          const bytes = BASE.slice(0, Math.max(cut, BASE.length - 2000));
          for (const f of flips) if (f.at < bytes.length) bytes[f.at] = f.value;
          expect(() => readTemplatePackage(bytes, LIMIT)).not.toThrow();
        },
      ),
      { numRuns: 200, seed: 20 },
    );
  });
});
