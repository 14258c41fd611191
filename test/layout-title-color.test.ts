/**
 * A title colour set once on the deck's copy of a layout (issue #20): the layout's title
 * placeholder gets it in its list style's first level, in schema order, whatever the
 * template's placeholder already holds; and the titles that would name that colour inherit it.
 */
import { describe, expect, it } from 'vitest';
import { inheritTitleColors, setLayoutTitleColor } from '../src/pptx/layout-title-color.js';
import type { LayoutInfo } from '../src/pptx/master-set.js';
import type { ShapePlan, SlidePlan } from '../src/pptx/slide-structure.js';
import { parseXml } from '../src/ooxml/xml.js';

const FILL = '<a:solidFill><a:schemeClr val="bg1"/></a:solidFill>';
const layoutWith = (title: string) =>
  `<p:sldLayout xmlns:a="a" xmlns:p="p"><p:cSld><p:spTree>` +
  `<p:sp><p:nvSpPr><p:cNvPr id="3" name="Body"/><p:cNvSpPr/><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p/></p:txBody></p:sp>` +
  `<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title"/><p:cNvSpPr/><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>${title}</p:sp>` +
  `</p:spTree></p:cSld></p:sldLayout>`;
const titleOf = (xml: string) => /<p:sp>(?:(?!<\/p:sp>).)*type="title"(?:(?!<\/p:sp>).)*<\/p:sp>/s.exec(xml)![0];

describe('setLayoutTitleColor', () => {
  it.each([
    ['no text body', '<p:spPr/>', '<p:txBody><a:bodyPr/><a:lstStyle><a:lvl1pPr><a:defRPr>'],
    [
      'an empty list style',
      '<p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p/></p:txBody>',
      '<a:lstStyle><a:lvl1pPr><a:defRPr>',
    ],
    [
      'a first level with its own colour and outline',
      '<p:spPr/><p:txBody><a:bodyPr/><a:lstStyle><a:defPPr/><a:lvl1pPr algn="l"><a:defRPr sz="4400"><a:ln w="1"/><a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:latin typeface="+mj-lt"/></a:defRPr></a:lvl1pPr></a:lstStyle><a:p/></p:txBody>',
      '<a:lstStyle><a:defPPr/><a:lvl1pPr algn="l"><a:defRPr sz="4400"><a:ln w="1"/>',
    ],
    [
      'a list style without a first level',
      '<p:spPr/><p:txBody><a:bodyPr/><a:lstStyle><a:defPPr/><a:lvl2pPr/></a:lstStyle><a:p/></p:txBody>',
      '<a:lstStyle><a:defPPr/><a:lvl1pPr><a:defRPr>',
    ],
  ])('%s: the title placeholder alone gets the colour, well formed', (_, title, start) => {
    const xml = setLayoutTitleColor(layoutWith(title), 'bg1');
    const sp = titleOf(xml);
    expect(sp).toContain(`${start}${FILL}`);
    expect(sp.match(/<a:solidFill>/g)).toHaveLength(1);
    expect(xml).toContain('<p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>');
    expect(() => parseXml(xml)).not.toThrow();
  });
});

const layout = (part: string): LayoutInfo =>
  ({ part, name: part, placeholders: [{ type: 'title', name: 'Title' }] }) as unknown as LayoutInfo;
const title = (color?: string): ShapePlan => ({
  name: 'Title',
  placeholder: { type: 'title' },
  inheritColor: true,
  ...(color ? { color } : {}),
});
const slide = (part: string, ...shapes: ShapePlan[]): SlidePlan => ({
  layout: layout(part),
  shapes,
  keepBackground: false,
});

describe('inheritTitleColors', () => {
  it('sets the colour most titles on a layout name once, and a title that differs names its own', () => {
    const { slides, layoutColors } = inheritTitleColors(
      [
        slide('L1', title('bg1')),
        slide('L1', title('bg1')),
        slide('L1', title('bg1')),
        slide('L1', title('tx1')),
        slide('L1', title()),
      ],
      () => 'tx2',
    );
    expect(layoutColors).toEqual(new Map([['L1', 'bg1']]));
    expect(slides.map((s) => s.shapes[0]!.color)).toEqual([undefined, undefined, undefined, 'tx1', 'tx2']);
  });

  it('leaves a layout alone where most titles read in the template’s colour, or that colour is no theme colour', () => {
    const most = [slide('L1', title('bg1')), slide('L1', title()), slide('L1', title())];
    expect(inheritTitleColors(most, () => 'tx1').layoutColors.size).toBe(0);
    const notTheme = [slide('L2', title('bg1')), slide('L2', title('bg1')), slide('L2', title())];
    const { slides, layoutColors } = inheritTitleColors(notTheme, () => undefined);
    expect(layoutColors.size).toBe(0);
    expect(slides).toBe(notTheme);
  });
});
