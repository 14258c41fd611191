/** The finishing stage's reading of content streams: operators with their offsets, marked content, untagged runs. */
import { describe, expect, it } from 'vitest';
import { tokenizeContent } from '../src/post/pdf-finish/content-tokens.js';
import { walkContent } from '../src/post/pdf-finish/content-walk.js';

describe('tokenizeContent', () => {
  it('keeps strings with escaped and nested parentheses, hex strings, dictionaries and inline images whole', () => {
    const text = '/P<</MCID 3/Alt (a \\) (b))>>BDC BT [(x\\()-20<0041>]TJ ET BI /W 1 /H 1 ID \x00EI\x01 EI EMC';
    const ops = tokenizeContent(text);
    expect(ops.map((o) => o.operator)).toEqual(['BDC', 'BT', 'TJ', 'ET', 'BI', 'EMC']);
    expect(ops[0]!.operands).toEqual([
      { kind: 'name', value: 'P' },
      { kind: 'other', raw: '<</MCID 3/Alt (a \\) (b))>>' },
    ]);
    expect(text.slice(ops[0]!.start, ops[0]!.end)).toBe('/P<</MCID 3/Alt (a \\) (b))>>BDC');
    expect(text.slice(ops[2]!.start, ops[2]!.end)).toBe('[(x\\()-20<0041>]TJ');
  });
});

describe('walkContent', () => {
  it('finds painting outside marked content, splitting it at text objects, and where tagged content paints', () => {
    const ops = tokenizeContent(
      '1 0 0 rg 0 0 100 4 re f BT /F1 10 Tf 50 20 Td (x) Tj ET /P<</MCID 0>>BDC q 1 0 0 1 200 300 cm BT 0 0 Td (y) Tj ET Q EMC',
    );
    const { untagged, sequences, balanced } = walkContent(ops);
    expect(balanced).toBe(true);
    expect(untagged.map((r) => ops.slice(r.first, r.last + 1).map((o) => o.operator))).toEqual([['re', 'f'], ['Tj']]);
    expect(untagged[0]!.box).toEqual({ x0: 0, y0: 0, x1: 100, y1: 4 });
    expect(sequences).toEqual([
      expect.objectContaining({
        tag: 'P',
        mcid: 0,
        paints: { text: 1, image: 0, path: 0 },
        box: { x0: 200, y0: 300, x1: 200, y1: 310 },
      }),
    ]);
  });

  it('says when marked content does not nest (an EMC that closes nothing, a BDC never closed)', () => {
    expect(walkContent(tokenizeContent('EMC 0 0 1 1 re f')).balanced).toBe(false);
    expect(walkContent(tokenizeContent('/P<</MCID 0>>BDC 0 0 1 1 re f')).balanced).toBe(false);
  });
});
