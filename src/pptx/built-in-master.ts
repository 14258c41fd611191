/**
 * Trappa's own design as PowerPoint builds one: a theme (theme colours and fonts from
 * theme.yaml), one slide master with title, body, date, footer and slide-number
 * placeholders and the text styles, and the named layouts the slides use. The result
 * has the same shape as a template's parts, so both go through the same finishing stage.
 */
import { strToU8 } from 'fflate';
import {
  GROUP_START,
  NS,
  XML_DECLARATION,
  placeholderShape,
  slideNumberField,
  textParagraph,
  type PlaceholderShape,
} from './placeholder-xml.js';
import { body, type BuiltInDesign, LAYOUTS, type LayoutSpec } from './built-in-layouts.js';
import { builtInTheme, schemeSlots } from './theme-xml.js';
import { escapeXml } from './xml-edit.js';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MASTER = 'ppt/slideMasters/slideMaster1.xml';

function footerShapes(d: BuiltInDesign, first: number, master: boolean): PlaceholderShape[] {
  const lang = escapeXml(d.language);
  const rPr = `<a:rPr lang="${lang}"/>`;
  return [
    {
      id: first,
      name: 'Date Placeholder',
      ph: { type: 'dt', sz: 'half', idx: master ? '2' : '10' },
      box: d.boxes.date,
      bodyPr: 'anchor="ctr"',
      paragraphs: textParagraph(d.dateText, d.language),
    },
    {
      id: first + 1,
      name: 'Footer Placeholder',
      ph: { type: 'ftr', sz: 'quarter', idx: master ? '3' : '11' },
      box: d.boxes.footer,
      bodyPr: 'anchor="ctr"',
      paragraphs: textParagraph(d.footerText, d.language),
    },
    {
      id: first + 2,
      name: 'Slide Number Placeholder',
      ph: { type: 'sldNum', sz: 'quarter', idx: master ? '4' : '12' },
      box: d.boxes.number,
      bodyPr: 'anchor="ctr"',
      lstStyle: '<a:lvl1pPr algn="r"><a:defRPr/></a:lvl1pPr>',
      paragraphs: `<a:p><a:pPr algn="r"/>${slideNumberField('‹#›', rPr)}<a:endParaRPr lang="${lang}"/></a:p>`,
    },
  ];
}

function titleShape(d: BuiltInDesign, cover: boolean): PlaceholderShape {
  return {
    id: 2,
    name: 'Title 1',
    ph: { type: cover ? 'ctrTitle' : 'title' },
    box: cover ? d.boxes.coverTitle : d.boxes.title,
    bodyPr: 'anchor="b"',
    ...(cover
      ? {
          lstStyle:
            `<a:lvl1pPr><a:defRPr sz="${(d.sizes.title + 12) * 100}">` +
            '<a:solidFill><a:schemeClr val="accent6"/></a:solidFill></a:defRPr></a:lvl1pPr>',
        }
      : {}),
  };
}

function layoutXml(d: BuiltInDesign, spec: LayoutSpec): string {
  const content = spec.content(d);
  const shapes = [titleShape(d, spec.cover ?? false), ...content, ...footerShapes(d, 3 + content.length, false)];
  const bg = spec.cover
    ? '<p:bg><p:bgPr><a:solidFill><a:schemeClr val="accent1"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>'
    : '';
  return (
    `${XML_DECLARATION}<p:sldLayout ${NS} type="${spec.type}" preserve="1">` +
    `<p:cSld name="${escapeXml(spec.name)}">${bg}` +
    `<p:spTree>${GROUP_START}${shapes.map(placeholderShape).join('')}</p:spTree></p:cSld>` +
    '<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>'
  );
}

function level(n: number, attributes: string, inner: string, run: string): string {
  return `<a:lvl${n}pPr ${attributes}>${inner}<a:defRPr ${run}</a:defRPr></a:lvl${n}pPr>`;
}

function textStyles(d: BuiltInDesign): string {
  const fill = (slot: string) => `<a:solidFill><a:schemeClr val="${slot}"/></a:solidFill>`;
  const font = (f: 'mj' | 'mn') =>
    `<a:latin typeface="+${f}-lt"/><a:ea typeface="+${f}-ea"/><a:cs typeface="+${f}-cs"/>`;
  const title = level(
    1,
    'algn="l" rtl="0"',
    '<a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:spcBef><a:spcPct val="0"/></a:spcBef><a:buNone/>',
    `sz="${d.sizes.title * 100}" b="1" kern="1200">${fill('accent1')}${font('mj')}`,
  );
  const bullet = (n: number) =>
    level(
      n,
      `marL="${228600 * n}" indent="-228600" algn="l" rtl="0"`,
      '<a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:spcBef><a:spcPts val="600"/></a:spcBef>' +
        '<a:buFont typeface="Arial"/><a:buChar char="•"/>',
      `sz="${d.sizes.body * 100}" kern="1200">${fill('tx1')}${font('mn')}`,
    );
  const other = level(1, 'algn="l" rtl="0"', '', `sz="1800" kern="1200">${fill('tx1')}${font('mn')}`);
  return (
    `<p:txStyles><p:titleStyle>${title}</p:titleStyle><p:bodyStyle>${[1, 2, 3].map(bullet).join('')}</p:bodyStyle>` +
    `<p:otherStyle>${other}</p:otherStyle></p:txStyles>`
  );
}

function masterXml(d: BuiltInDesign): string {
  const shapes = [
    titleShape(d, false),
    { ...body(3, '1', d.boxes.body, 'Text Placeholder 2'), ph: { type: 'body', idx: '1' } },
    ...footerShapes(d, 4, true),
  ];
  const layoutIds = LAYOUTS.map((_, i) => `<p:sldLayoutId id="${2147483649 + i}" r:id="rId${i + 1}"/>`).join('');
  return (
    `${XML_DECLARATION}<p:sldMaster ${NS}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg>` +
    `<p:spTree>${GROUP_START}${shapes.map(placeholderShape).join('')}</p:spTree></p:cSld>` +
    '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3"' +
    ' accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>' +
    `<p:sldLayoutIdLst>${layoutIds}</p:sldLayoutIdLst>${textStyles(d)}</p:sldMaster>`
  );
}

function rels(targets: [type: string, target: string][]): string {
  const items = targets.map(
    ([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${REL}/${type}" Target="${target}"/>`,
  );
  const ns = 'http://schemas.openxmlformats.org/package/2006/relationships';
  return `${XML_DECLARATION}<Relationships xmlns="${ns}">${items.join('')}</Relationships>`;
}

/** The built-in master set's parts: theme1, slideMaster1 and one layout per entry of LAYOUTS. */
export function builtInMasterParts(d: BuiltInDesign): Map<string, Uint8Array> {
  const parts = new Map<string, string>();
  parts.set('ppt/theme/theme1.xml', builtInTheme(schemeSlots(d.colors), d.fonts));
  parts.set(MASTER, masterXml(d));
  parts.set(
    'ppt/slideMasters/_rels/slideMaster1.xml.rels',
    rels([
      ...LAYOUTS.map((_, i): [string, string] => ['slideLayout', `../slideLayouts/slideLayout${i + 1}.xml`]),
      ['theme', '../theme/theme1.xml'],
    ]),
  );
  LAYOUTS.forEach((spec, i) => {
    parts.set(`ppt/slideLayouts/slideLayout${i + 1}.xml`, layoutXml(d, spec));
    parts.set(
      `ppt/slideLayouts/_rels/slideLayout${i + 1}.xml.rels`,
      rels([['slideMaster', '../slideMasters/slideMaster1.xml']]),
    );
  });
  return new Map([...parts].map(([name, xml]) => [name, strToU8(xml)]));
}
