/**
 * The quick XML scan (src/ooxml/xml-scan.ts) against saxes: for every document it answers,
 * the same tree saxes builds; for anything not well-formed, no answer (saxes then says why).
 * On the parts Trappa writes it must answer, or the finishing stage gains nothing from it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDecks } from '../src/build-deck.js';
import { isXmlPart } from '../src/ooxml/package.js';
import { parseXml, parseXmlWithSaxes, XmlSyntaxError } from '../src/ooxml/xml.js';
import { scanTree } from '../src/ooxml/xml-scan.js';
import { REPO } from './helpers/project.js';

function xmlParts(bytes: Uint8Array): [string, string][] {
  return Object.entries(unzipSync(bytes))
    .filter(([name]) => isXmlPart(name))
    .map(([name, data]) => [name, strFromU8(data)]);
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

describe('the quick XML scan', () => {
  it('answers every part of the bundled decks and the fixture templates, with the tree saxes builds', async () => {
    const built = await buildDecks({ root: REPO, dryRun: true });
    const templates = ['impress.potx', 'dark-dejavu.potx', 'pptxgenjs-4x3.pptx'].map((name) =>
      readFileSync(path.join(REPO, 'test/fixtures/templates', name)),
    );
    const parts = [...built.decks.map((d) => d.bytes), ...templates].flatMap(xmlParts);
    expect(parts.length).toBeGreaterThan(100);
    for (const [name, text] of parts) {
      const scanned = scanTree(text);
      expect(scanned, name).toBeDefined();
      expect(scanned, name).toStrictEqual(parseXmlWithSaxes(text));
    }
  });

  const same: [string, string][] = [
    ['references in text and values', '<a x="&quot;&amp;&#65;&#x42;" y=\'it&apos;s "so"\'>&lt;b&gt; &#xE5;&#229;</a>'],
    ['astral characters', '<a:t title="x">😀 Ω</a:t>'],
    ['space in tags', '<a  b = "1"\n c=\'2\'  ><c d="3" /></a >'],
    ['names with dots, dashes and colons', '<p:x.y-z _a="1"><p:x.y-z/></p:x.y-z>'],
    ['a table nested in a table', '<a:p><a:tbl><a:p><a:r/></a:p></a:tbl><a:p/></a:p>'],
    ['many children, trimmed below 16', `<r>${'<c/>'.repeat(3)}</r>`],
    ['whitespace-only text', '<r> <c>\n</c>\t</r>'],
    ['a lone ] and >', '<r>a ] b > c ]] d</r>'],
    ['no declaration', '<r/>'],
    ['a declaration in single quotes', "<?xml version='1.0'?><r/>"],
  ];
  it.each(same)('%s: the tree saxes builds', (_label, body) => {
    const text = body.startsWith('<?xml') ? body : DECLARATION + body;
    const scanned = scanTree(text);
    expect(scanned).toBeDefined();
    expect(scanned).toStrictEqual(parseXmlWithSaxes(text));
  });

  const unanswered: [string, string][] = [
    ['a comment', '<r><!-- c --></r>'],
    ['CDATA', '<r><![CDATA[x]]></r>'],
    ['a processing instruction', '<r><?pi x?></r>'],
    ['a DOCTYPE', '<!DOCTYPE r><r/>'],
    ['a byte-order mark', '\uFEFF<r/>'],
    ['a non-ASCII name', '<rø/>'],
    ['a carriage return in text', '<r>a\r\nb</r>'],
    ['a tab in a value', '<r a="x\ty"/>'],
    ['a line break in a value', '<r a="x\ny"/>'],
    ['an astral character in a value', '<r a="😀"/>'],
    ['XML 1.1', '<?xml version="1.1"?><r/>'],
    // saxes takes a high surrogate with whatever follows as one code point; the scan leaves it to saxes.
    ['a lone surrogate in text', '<r>a\uD800b</r>'],
  ];
  it.each(unanswered)('%s: left to saxes, which reads it the same through parseXml', (_label, body) => {
    expect(scanTree(body)).toBeUndefined();
    const saxes = parseXmlWithSaxes(body);
    if (saxes instanceof XmlSyntaxError) expect(() => parseXml(body)).toThrow(XmlSyntaxError);
    else expect(parseXml(body)).toStrictEqual(saxes);
  });

  const malformed: [string, string][] = [
    ['an unclosed element', '<r><c></r>'],
    ['a stray close', '<r></c></r>'],
    ['two roots', '<r/><s/>'],
    ['text outside the root', 'x<r/>'],
    ['text after the root', '<r/>x'],
    ['no root', '   '],
    ['a duplicate attribute', '<r a="1" a="2"/>'],
    ['no space between attributes', '<r a="1"b="2"/>'],
    ['an unquoted value', '<r a=1/>'],
    ['< in a value', '<r a="<"/>'],
    ['an undefined entity', '<r>&nbsp;</r>'],
    ['an entity named like an Object property', '<r>&constructor;</r>'],
    ['an unterminated reference', '<r>a & b</r>'],
    ['a reference to a forbidden character', '<r>&#0;</r>'],
    ['a reference to a surrogate', '<r a="&#xD800;"/>'],
    ['an upper-case X in a hex reference', '<r>&#X41;</r>'],
    [']]> in text', '<r>a]]>b</r>'],
    ['a control character in text', '<r>a\u0001b</r>'],
    ['a control character in a value', '<r a="\u0008"/>'],
    ['U+FFFE in text', '<r>\uFFFE</r>'],
    ['a declaration not at the start', ' <?xml version="1.0"?><r/>'],
    ['a self-closing slash apart from >', '<r/ >'],
  ];
  it.each(malformed)('%s: no answer, and saxes reports it', (_label, body) => {
    expect(scanTree(body)).toBeUndefined();
    expect(parseXmlWithSaxes(body)).toBeInstanceOf(XmlSyntaxError);
  });

  it('answers only what saxes accepts, with its tree (generated documents)', () => {
    const piece = fc.constantFrom(
      '<a>',
      '</a>',
      '<b x="1">',
      '</b>',
      '<c/>',
      "<d y='&amp;'/>",
      'text',
      ' ',
      '\n',
      '\r',
      '\t',
      '&lt;',
      '&#x41;',
      '&bogus;',
      '&',
      ']]>',
      ']',
      '>',
      '<!-- c -->',
      '<e z="a\nb"/>',
      '\u0001',
      '\uD83D',
      '\uDE00',
      'ø',
      '<f a="1" a="2"/>',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = `${DECLARATION}<r>${pieces.join('')}</r>`;
        const scanned = scanTree(text);
        if (scanned === undefined) return;
        expect(scanned).toStrictEqual(parseXmlWithSaxes(text));
      }),
      { seed: 27, numRuns: 3000 },
    );
  });
});
