/**
 * The package check's facts of a part (src/ooxml/part-facts.ts) are gathered while the part is
 * parsed, by the quick scan or by saxes: both must give what a walk over the finished tree gives.
 */
import { describe, expect, it } from 'vitest';
import { partFacts, partRoot, type OpcPackage } from '../src/ooxml/package.js';
import { attr, descendants } from '../src/ooxml/xml.js';

const NS =
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';

const shape = (id: number, name: string) =>
  `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr></p:sp>`;

/** A slide with a picture's embed, a link, a group, and a shape written as a choice and its fallback. */
function slide(extra = ''): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:sld ${NS}><p:cSld><p:spTree>${extra}` +
    shape(1, 'Title') +
    `<p:pic><p:nvPicPr><p:cNvPr id="2" name="Photo"><a:hlinkClick r:id="rId9"/></p:cNvPr></p:nvPicPr>` +
    `<p:blipFill><a:blip r:embed="rId2"/></p:blipFill></p:pic>` +
    `<p:grpSp>${shape(3, 'Inner')}</p:grpSp>` +
    `<mc:AlternateContent><mc:Choice Requires="p14">${shape(4, 'Choice')}</mc:Choice>` +
    `<mc:Fallback>${shape(4, 'Fallback')}</mc:Fallback></mc:AlternateContent>` +
    `${extra}</p:spTree></p:cSld><p:clrMapOvr r:id=""/></p:sld>`
  );
}

const factsIn = (text: string) => {
  const pkg: OpcPackage = { parts: ['ppt/slides/slide1.xml'], xml: new Map([['ppt/slides/slide1.xml', text]]) };
  const facts = partFacts(pkg, 'ppt/slides/slide1.xml');
  // The very elements of the tree the package holds, not of one built and dropped on the way.
  const inTree = new Set(descendants(partRoot(pkg, 'ppt/slides/slide1.xml'), 'p:cNvPr'));
  expect(facts.shapeProperties.every((e) => inTree.has(e))).toBe(true);
  return {
    ids: [...facts.relationshipIds].sort(),
    shapes: facts.shapeProperties.map((e) => `${attr(e, 'id')} ${attr(e, 'name')}`),
  };
};

describe('a part’s facts, gathered as it is parsed', () => {
  const expected = { ids: ['rId2', 'rId9'], shapes: ['1 Title', '2 Photo', '3 Inner', '4 Fallback'] };

  it('by the quick scan', () => {
    expect(factsIn(slide())).toEqual(expected);
  });

  it('by saxes, for a part the quick scan leaves to it (a comment after the shapes), without what the scan saw first', () => {
    expect(factsIn(slide('<!-- by hand -->'))).toEqual(expected);
  });

  it('none for a part that is not well-formed, or missing', () => {
    expect(factsIn(slide('<p:sp>'))).toEqual({ ids: [], shapes: [] });
    const pkg: OpcPackage = { parts: [], xml: new Map() };
    expect(partFacts(pkg, 'ppt/slides/slide9.xml').shapeProperties).toEqual([]);
  });
});
