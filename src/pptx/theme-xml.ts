/**
 * theme1.xml of the built-in design: theme.yaml's colours in the colour scheme's slots,
 * its fonts as the major (headings) and minor (body) theme fonts. Shapes then refer to
 * `accent1`, `+mj-lt` …, so changing the theme in PowerPoint changes the deck.
 */
import type { Theme } from '../data/schema.js';
import { escapeXml } from './xml-edit.js';

export const SCHEME_SLOTS = [
  'dk1',
  'lt1',
  'dk2',
  'lt2',
  'accent1',
  'accent2',
  'accent3',
  'accent4',
  'accent5',
  'accent6',
  'hlink',
  'folHlink',
] as const;

/**
 * Which theme.yaml colour sits in which slot. dk1/lt1 are text and background (the master
 * maps tx1/bg1 to them); accent6 is the text on primary fills (the title slide's title).
 */
export function schemeSlots(colors: Theme['colors']): Record<(typeof SCHEME_SLOTS)[number], string> {
  return {
    dk1: colors.text,
    lt1: colors.background,
    dk2: colors.primary,
    lt2: colors.secondary,
    accent1: colors.primary,
    accent2: colors.accent,
    accent3: colors.secondary,
    accent4: colors.muted,
    accent5: colors.highlight ?? colors.accent,
    accent6: colors.onPrimary,
    hlink: colors.primary,
    folHlink: colors.muted,
  };
}

const phFill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>';
const FORMAT_SCHEME =
  '<a:fmtScheme name="Trappa">' +
  `<a:fillStyleLst>${phFill.repeat(3)}</a:fillStyleLst>` +
  '<a:lnStyleLst>' +
  [6350, 12700, 19050]
    .map((w) => `<a:ln w="${w}" cap="flat" cmpd="sng" algn="ctr">${phFill}<a:prstDash val="solid"/></a:ln>`)
    .join('') +
  '</a:lnStyleLst>' +
  `<a:effectStyleLst>${'<a:effectStyle><a:effectLst/></a:effectStyle>'.repeat(3)}</a:effectStyleLst>` +
  `<a:bgFillStyleLst>${phFill.repeat(3)}</a:bgFillStyleLst>` +
  '</a:fmtScheme>';

export function builtInTheme(slots: Record<string, string>, fonts: { heading: string; body: string }): string {
  const colors = SCHEME_SLOTS.map((slot) => `<a:${slot}><a:srgbClr val="${slots[slot]}"/></a:${slot}>`).join('');
  const font = (face: string) => `<a:latin typeface="${escapeXml(face)}"/><a:ea typeface=""/><a:cs typeface=""/>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Trappa"><a:themeElements>' +
    `<a:clrScheme name="Trappa">${colors}</a:clrScheme>` +
    `<a:fontScheme name="Trappa"><a:majorFont>${font(fonts.heading)}</a:majorFont>` +
    `<a:minorFont>${font(fonts.body)}</a:minorFont></a:fontScheme>` +
    `${FORMAT_SCHEME}</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`
  );
}
