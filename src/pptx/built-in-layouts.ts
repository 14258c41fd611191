/**
 * The built-in design's named layouts (Title Slide, Title and Content, Two Content, …): which
 * placeholders each has between its title and its footer, and where.
 */
import type { Theme } from '../data/schema.js';
import type { Box } from '../layout/types.js';
import type { PlaceholderShape } from './placeholder-xml.js';

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
export interface LayoutSpec {
  name: string;
  type: string;
  /** Placeholders between the title and the footer ones. */
  content: (d: BuiltInDesign) => PlaceholderShape[];
  cover?: boolean;
}

export const body = (id: number, idx: string, box: Box, name = `Content Placeholder ${id}`): PlaceholderShape => ({
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

export const LAYOUTS: LayoutSpec[] = [
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
