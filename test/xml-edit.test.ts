/**
 * The finishing stage's one-walk editors give what one pass per edit gave (issue #27): the
 * drawing repairs, theme fonts and the app properties' font list walk a part once instead of
 * once per tag name. Checked against the plain regex passes they replace, on generated
 * drawing XML with the tags in any order, attributes in either quote, and near misses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editStartTags, editStartTagsOf, replaceEachFrom, replaceFrom } from '../src/pptx/xml-edit.js';
import { schemeColors, themeFonts } from '../src/pptx/apply-structure.js';
import { languageKept, setTextLanguage } from '../src/pptx/repair-drawing.js';
import type { ShapePlan } from '../src/pptx/slide-structure.js';

const attribute = fc
  .tuple(
    fc.constantFrom('id', 'lang', 'sz', 'typeface', 'name'),
    fc.constantFrom('"1"', "'x>y'", '"a b"', '"+mn-lt"', "'a b'"),
  )
  .map(([name, value]) => ` ${name}=${value}`);
const tag = fc
  .tuple(
    fc.constantFrom(
      'p:cNvPr',
      'a:rPr',
      'a:endParaRPr',
      'a:defRPr',
      'a:tblPr',
      'a:latin',
      'a:ea',
      'a:cs',
      'a:rPrX',
      'a:t',
    ),
    fc.array(attribute, { maxLength: 3 }),
    fc.boolean(),
  )
  .map(([name, attributes, empty]) => `<${name}${attributes.join('')}${empty ? '/>' : '>'}`);
const xml = fc
  .array(fc.oneof(tag, fc.constantFrom('text', ' ', '</a:rPr>', '<a:p>', '&amp;')), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('one walk for several edits', () => {
  it('editStartTagsOf gives what editStartTags gives one qname after another, counting in document order', () => {
    fc.assert(
      fc.property(xml, (text) => {
        const numbered = (): ((t: { attributes: [string, string][] }) => void) => {
          let next = 1;
          return (t) => void t.attributes.push(['n', String(next++)]);
        };
        const lang = (t: { attributes: [string, string][] }) => void t.attributes.unshift(['lang', 'nb-NO']);
        // The counter sees the tables' tags in document order, between the other qnames' edits.
        const counter = numbered();
        const together = editStartTagsOf(
          text,
          new Map([
            ['a:rPr', lang],
            ['a:endParaRPr', lang],
            ['a:tblPr', counter],
          ]),
        );
        let oneByOne = editStartTags(text, 'a:rPr', lang);
        oneByOne = editStartTags(oneByOne, 'a:endParaRPr', lang);
        oneByOne = editStartTags(oneByOne, 'a:tblPr', numbered());
        expect(together).toBe(oneByOne);
      }),
      { numRuns: 300, seed: 27 },
    );
  });

  it('replaceEachFrom gives what replaceFrom gives for each script in turn (theme fonts)', () => {
    const scripts = ['latin', 'ea', 'cs'].map((script) => ({
      literal: `<a:${script}`,
      pattern: new RegExp(`<a:${script}\\b([^>]*?)\\/>`, 'y'),
      replace: ([match, attributes = '']: RegExpExecArray) =>
        attributes.includes("'x>y'") ? match : `<a:${script} typeface="+mn-${script}"/>`,
    }));
    fc.assert(
      fc.property(xml, (text) => {
        const oneByOne = scripts.reduce((out, s) => replaceFrom(out, s.literal, s.pattern, s.replace), text);
        expect(replaceEachFrom(text, scripts)).toBe(oneByOne);
        // And both are what the global regexes make.
        const global = ['latin', 'ea', 'cs'].reduce(
          (out, script, i) =>
            out.replace(new RegExp(`<a:${script}\\b([^>]*?)\\/>`, 'g'), (...m) =>
              scripts[i]!.replace(m.slice(0, -2) as unknown as RegExpExecArray),
            ),
          text,
        );
        expect(oneByOne).toBe(global);
      }),
      { numRuns: 300, seed: 27 },
    );
  });

  it('a start tag languageKept passes is one the language edit writes back as it is', () => {
    const languageAttribute = fc
      .tuple(
        fc.constantFrom('lang', 'altLang', 'sz', 'b', 'xlang'),
        fc.constantFrom('"nb-NO"', "'nb-NO'", '"en-US"', '"1"', '"a>b"', '""'),
        fc.constantFrom(' ', ' ', ' ', '  ', '\n'),
      )
      .map(([name, value, space]) => `${space}${name}=${value}`);
    const start = fc
      .tuple(
        fc.constantFrom('a:rPr', 'a:endParaRPr', 'a:defRPr', 'p:cNvPr', 'a:rPrX'),
        fc.constantFrom(' lang="nb-NO"', ''),
        fc.array(languageAttribute, { maxLength: 3 }),
        fc.constantFrom('>', '/>', ' />', ' >'),
      )
      .map(([name, first, attributes, end]) => `<${name}${first}${attributes.join('')}${end}`);
    const kept = languageKept('nb-NO');
    let passed = 0;
    fc.assert(
      fc.property(start, (tag) => {
        if (!kept.test(tag)) return;
        passed++;
        expect(setTextLanguage(tag, 'nb-NO')).toBe(tag);
      }),
      { numRuns: 3000, seed: 27 },
    );
    expect(passed).toBeGreaterThan(20);
  });

  it('schemeColors gives what a pattern over every srgbClr gave, highlights kept', () => {
    const colors = new Map([
      ['1F4E79', '<a:schemeClr val="accent1"/>'],
      ['FFFFFF', '<a:schemeClr val="bg1"/>'],
    ]);
    const color = fc
      .tuple(
        fc.constantFrom('1F4E79', '1f4e79', 'FFFFFF', '000000', '1F4E7', 'GGGGGG'),
        fc.constantFrom('"/>', '" />', '"/'),
      )
      .map(([hex, end]) => `<a:srgbClr val="${hex}${end}`);
    const highlighted = color.map((c) => `<a:highlight>${c}</a:highlight>`);
    const text = fc
      .array(fc.oneof(color, highlighted, fc.constantFrom('<a:r>', 'x', '<a:srgbClr val="', '<a:highlight>')), {
        maxLength: 20,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (xml) => {
        const highlights: string[] = [];
        const kept = xml.replace(
          /<a:highlight>[\s\S]*?<\/a:highlight>/g,
          (h) => `\u0000${highlights.push(h) - 1}\u0000`,
        );
        const mapped = kept.replace(
          /<a:srgbClr val="([0-9A-Fa-f]{6})"\/>/g,
          (match, hex: string) => colors.get(hex.toUpperCase()) ?? match,
        );
        const expected = mapped.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => highlights[Number(i)] ?? '');
        expect(schemeColors(xml, colors)).toBe(expected);
      }),
      { numRuns: 1000, seed: 27 },
    );
  });

  it('themeFonts gives what a pass over every font tag gave', () => {
    const plan = { name: 'x', font: { face: 'a b', theme: 'mn' } } as ShapePlan;
    const typeface = 'typeface="a b"';
    fc.assert(
      fc.property(xml, (text) => {
        const everyTag = text.replace(/<a:(latin|ea|cs)\b([^>]*?)\/>/g, (match, script: string, attributes: string) =>
          attributes.includes(typeface) ? `<a:${script} typeface="+mn-${script === 'latin' ? 'lt' : script}"/>` : match,
        );
        expect(themeFonts(text, plan)).toBe(everyTag);
      }),
      { numRuns: 1000, seed: 27 },
    );
  });
});
