/**
 * Trappa's own design as PowerPoint builds one: a theme (theme colours and fonts from
 * theme.yaml), one slide master with title, body, date, footer and slide-number
 * placeholders and the text styles, and the named layouts the slides use. The result
 * has the same shape as a template's parts, so both go through the same finishing stage.
 */
import { strToU8 } from 'fflate';
import type { Theme } from '../data/schema.js';
import type { Box } from '../layout/types.js';
import {
  GROUP_START,
  NS,
  XML_DECLARATION,
  placeholderShape,
  slideNumberField,
  textParagraph,
  type PlaceholderShape,
} from './placeholder-xml.js';
import { builtInTheme, schemeSlots } from './theme-xml.js';
import { escapeXml } from './xml-edit.js';

export interface BuiltInDesign {
  size: { w: number; h: number };
  colors: Theme['colors'];
  fonts: { heading: string; body: string };
  sizes: { title: number; subtitle: number; body: number; footer: number };
  boxes: { title: Box; body: Box; footer: Box; number: Box; date: Box; coverTitle: Box; coverSubtitle: Box };
  /** The deck's footer text and date, so Insert › Header & Footer starts from them. */
  footerText: string;
  dateText: string;
  language: string;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MASTER = 'ppt/slideMasters/slideMaster1.xml';

interface LayoutSpec {
  name: string;
  type: string;
  /** Placeholders between the title and the footer ones. */
  content: (d: BuiltInDesign) => PlaceholderShape[];
  cover?: boolean;
}

const body = (id: number, idx: string, box: Box, name = `Content Placeholder ${id}`): PlaceholderShape => ({
  id,
  name,
  ph: { idx },
  box,
  bodyPr: 'lIns="73152" tIns="45720" rIns="73152" bIns="45720"',
});

function halves(box: Box, gap: number): [Box, Box] {
  const w = (box.w - gap) / 2;
  return [
    { ...box, w },
    { ...box, x: box.x + w + gap, w },
  ];
}

/** Comparison: a heading row over each half, as PowerPoint's own layout. */
function comparison(d: BuiltInDesign): PlaceholderShape[] {
  const [left, right] = halves(d.boxes.body, 0.4);
  const head = 0.5;
  const below = (b: Box): Box => ({ ...b, y: b.y + head + 0.1, h: b.h - head - 0.1 });
  return [
    {
      id: 3,
      name: 'Text Placeholder 2',
      ph: { type: 'body', idx: '1', sz: 'quarter' },
      box: { ...left, h: head },
      bodyPr: 'anchor="b"',
    },
    body(4, '2', below(left)),
    {
      id: 5,
      name: 'Text Placeholder 4',
      ph: { type: 'body', idx: '3', sz: 'quarter' },
      box: { ...right, h: head },
      bodyPr: 'anchor="b"',
    },
    body(6, '4', below(right)),
  ];
}

const LAYOUTS: LayoutSpec[] = [
  {
    name: 'Title Slide',
    type: 'title',
    cover: true,
    content: (d) => [
      {
        id: 3,
        name: 'Subtitle 2',
        ph: { type: 'subTitle', idx: '1' },
        box: d.boxes.coverSubtitle,
        bodyPr: 'anchor="t"',
      },
    ],
  },
  { name: 'Title and Content', type: 'obj', content: (d) => [body(3, '1', d.boxes.body)] },
  {
    name: 'Two Content',
    type: 'twoObj',
    content: (d) => halves(d.boxes.body, 0.4).map((b, i) => body(3 + i, String(i + 1), b)),
  },
  { name: 'Comparison', type: 'twoTxTwoObj', content: comparison },
  { name: 'Title Only', type: 'titleOnly', content: () => [] },
  {
    name: 'Section Header',
    type: 'secHead',
    content: (d) => [
      {
        id: 3,
        name: 'Text Placeholder 2',
        ph: { type: 'body', idx: '1' },
        box: { ...d.boxes.body, y: d.boxes.body.y + 2.2, h: 1.2 },
      },
    ],
  },
];

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
