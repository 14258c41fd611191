/**
 * DrawingML colour transforms as PowerPoint draws them (ooxml/color-transforms.ts): a
 * template made in PowerPoint names its lighter and darker theme colours as a scheme colour
 * with lumMod/lumOff, tint or shade, and the backdrop is sampled with the colour shown.
 * Known values: PowerPoint's own "Lighter 40 %" / "Darker 25 %" of the Office theme's
 * accent 1 (4472C4), and ECMA-376's examples for tint and shade.
 */
import { describe, expect, it } from 'vitest';
import { colorIn, fillIn } from '../src/ooxml/colors.js';
import { paintIn } from '../src/ooxml/paint.js';
import { parseXml } from '../src/ooxml/xml.js';

const scheme = new Map([
  ['accent1', '4472C4'],
  ['tx1', '000000'],
  ['bg1', 'FFFFFF'],
]);
const fill = (inner: string) =>
  parseXml(`<a:solidFill xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${inner}</a:solidFill>`);

describe('colour transforms when sampling theme colours', () => {
  it.each([
    [
      'accent 1, Lighter 40 % (lumMod 60 %, lumOff 40 %)',
      '<a:schemeClr val="accent1"><a:lumMod val="60000"/><a:lumOff val="40000"/></a:schemeClr>',
      '8FAADC',
    ],
    [
      'accent 1, Lighter 80 %',
      '<a:schemeClr val="accent1"><a:lumMod val="20000"/><a:lumOff val="80000"/></a:schemeClr>',
      'DAE3F3',
    ],
    [
      'accent 1, Darker 25 % (lumMod 75 %)',
      '<a:schemeClr val="accent1"><a:lumMod val="75000"/></a:schemeClr>',
      '2F5597',
    ],
    ['white, Darker 15 % (bg1 lumMod 85 %)', '<a:schemeClr val="bg1"><a:lumMod val="85000"/></a:schemeClr>', 'D9D9D9'],
    ['ECMA-376: 00FF00 with a 50 % tint', '<a:srgbClr val="00FF00"><a:tint val="50000"/></a:srgbClr>', 'BCFFBC'],
    ['ECMA-376: 00FF00 with a 50 % shade', '<a:srgbClr val="00FF00"><a:shade val="50000"/></a:srgbClr>', '00BC00'],
    ['no saturation left (satMod 0)', '<a:srgbClr val="4472C4"><a:satMod val="0"/></a:srgbClr>', '848484'],
    [
      'a grey has no saturation to double (satMod 200 %)',
      '<a:srgbClr val="808080"><a:satMod val="200000"/></a:srgbClr>',
      '808080',
    ],
    ['alpha changes no colour', '<a:srgbClr val="4472C4"><a:alpha val="50000"/></a:srgbClr>', '4472C4'],
    ['no transform', '<a:schemeClr val="accent1"/>', '4472C4'],
  ])('%s', (_, inner, hex) => {
    expect(colorIn(fill(inner), scheme)).toBe(hex);
    expect(
      fillIn(parseXml(`<p:spPr xmlns:p="p" xmlns:a="a"><a:solidFill>${inner}</a:solidFill></p:spPr>`), scheme),
    ).toBe(hex);
  });

  it('applies transforms in document order (lumOff then lumMod is not lumMod then lumOff)', () => {
    const a = colorIn(
      fill('<a:srgbClr val="4472C4"><a:lumMod val="50000"/><a:lumOff val="50000"/></a:srgbClr>'),
      scheme,
    );
    const b = colorIn(
      fill('<a:srgbClr val="4472C4"><a:lumOff val="50000"/><a:lumMod val="50000"/></a:srgbClr>'),
      scheme,
    );
    // L 0.518 → 0.259 → 0.759, and → 1 (clipped) → 0.5: the same hue and saturation, other lightness.
    expect(a).toBe('A2B8E2');
    expect(b).toBe('3D6DC2');
  });

  it('reads the opacity from alpha, alphaMod and alphaOff in order, the colour with its transforms', () => {
    const spPr = (inner: string) =>
      parseXml(`<p:spPr xmlns:p="p" xmlns:a="a"><a:solidFill>${inner}</a:solidFill></p:spPr>`);
    expect(
      paintIn(spPr('<a:schemeClr val="accent1"><a:lumMod val="75000"/><a:alpha val="50000"/></a:schemeClr>'), scheme),
    ).toEqual({
      kind: 'solid',
      color: '2F5597',
      alpha: 0.5,
    });
    const faded = spPr(
      '<a:srgbClr val="FFFFFF"><a:alpha val="80000"/><a:alphaMod val="50000"/><a:alphaOff val="-10000"/></a:srgbClr>',
    );
    const paint = paintIn(faded, scheme);
    expect(paint?.kind === 'solid' && paint.alpha).toBeCloseTo(0.3, 6);
  });
});
