/**
 * Bilde av samkommunen: the member municipalities hand some tasks to the joint
 * body, which produces services for citizens and business in all of them.
 * Drawn for any number of members: members in a row, arrows down to the joint
 * body (from three members on, straight down from each member into a joint body
 * that spans them), an arrow down to the services, the key sentence under the
 * diagram. The tasks label goes where no shape lies under it.
 */
import { columns, type Page } from '../layout/page.js';
import { fitBox, fittedShape, textHeight, textStyle, titleElements } from '../layout/text-box.js';
import type { Box, LaidOutSlide, Paragraph, SlideElement } from '../layout/types.js';
import { markedRuns } from './markup.js';
import { jointHeight, NAME_H, serviceShapes } from './model-services.js';
import type { SlideInput, SlideKind } from './types.js';

interface Member {
  name: string;
}

interface ModelContent {
  title: string;
  summary: string;
  members: Member[];
  jointBody: string;
  tasks?: string;
  /** Set by the layout when the tasks label found no place on the slide (it goes to the notes). */
  unplaced?: string;
  /** The joint body's services, drawn as boxes inside it. */
  services: string[];
  outcome: string;
  emphasis?: Paragraph;
}

/** The key sentence, stressed where the data marks it with `**…**` (see markup.ts). */
export function emphasisParagraph(text: string): Paragraph {
  return { runs: markedRuns(text), align: 'center' };
}

function compose(input: SlideInput): ModelContent {
  const { strategy } = input.plan;
  const org = strategy.organisation;
  return {
    title: input.title('model.title'),
    summary: strategy.model.summary,
    members: org.members.map((m) => ({ name: m.name })),
    jointBody: input.text('model.body', { organisation: org }),
    tasks: strategy.model.tasks,
    services: strategy.model.services,
    outcome: strategy.model.outcome,
    emphasis: strategy.model.emphasis ? emphasisParagraph(strategy.model.emphasis) : undefined,
  };
}

/** Arrow width and the clearance kept between the tasks label and the arrows, in inches. */
const ARROW_W = 0.5;
const CLEAR = 0.1;

const centreX = (box: Box): number => box.x + box.w / 2;

function arrow(name: string, box: Box, fill: string): SlideElement {
  return { type: 'shape', name, shape: 'downArrow', box, fill };
}

/** One member: a box as wide as the joint body. More: a row across the diagram, its gaps narrowing as members are added. */
function memberBoxes(area: Box, count: number, rowH: number, jointW: number): Box[] {
  if (count === 1) return [{ x: area.x + (area.w - jointW) / 2, y: area.y, w: jointW, h: rowH }];
  const row: Box = { x: area.x + 0.6, y: area.y, w: area.w - 1.2, h: rowH };
  return columns(
    row,
    Array.from({ length: count }, () => 1),
    Math.min(0.9, (row.w * 0.25) / (count - 1)),
  );
}

/**
 * Up to two members the joint body is a centred 6 in box. From three on it spans
 * every member's centre (plus a margin), so each arrow drops straight into it.
 */
function jointBox(area: Box, members: Box[], y: number, rowH: number): Box {
  const jointW = Math.min(area.w * 0.5, 6);
  if (members.length <= 2) return { x: area.x + (area.w - jointW) / 2, y, w: jointW, h: rowH };
  const centres = members.map(centreX);
  const pad = Math.max(ARROW_W / 2 + 0.3, members[0]!.w / 4);
  const left = Math.min(...centres) - pad;
  return { x: left, y, w: Math.max(...centres) + pad - left, h: rowH };
}

/** Centre x of each member's arrow. Two members (the seed) keep their arrows leaning in toward the joint body. */
function arrowCentres(members: Box[], joint: Box): number[] {
  return members.map((box) => {
    const cx = centreX(box);
    if (members.length !== 2) return cx;
    const toward = Math.max(joint.x + 0.3, Math.min(joint.x + joint.w - 0.3, cx));
    return (cx + toward) / 2;
  });
}

interface Slot {
  box: Box;
  align: 'left' | 'center' | 'right';
}

/**
 * Where the tasks label may go, best first: the widest gap between two arrows
 * (nearest the middle on a tie), then beside the outer arrows, then beside the
 * joint body. None of them has a shape under it.
 */
function labelSlots(band: Box, arrows: Box[], joint: Box, area: Box): Slot[] {
  const sorted = [...arrows].sort((a, b) => a.x - b.x);
  const mid = band.x + band.w / 2;
  const inner = sorted.slice(1).map((next, i): Slot => {
    const x = sorted[i]!.x + sorted[i]!.w + CLEAR;
    return { box: { ...band, x, w: next.x - CLEAR - x }, align: 'center' };
  });
  inner.sort(
    (a, b) => Math.round((b.box.w - a.box.w) * 100) || Math.abs(centreX(a.box) - mid) - Math.abs(centreX(b.box) - mid),
  );
  const first = sorted[0];
  const last = sorted.at(-1);
  const right = last ? last.x + last.w + CLEAR : band.x;
  const outer: Slot[] = [
    { box: { ...band, x: right, w: band.x + band.w - right }, align: 'left' },
    ...(first ? [{ box: { ...band, w: first.x - CLEAR - band.x }, align: 'right' } satisfies Slot] : []),
    { box: { ...joint, x: area.x, w: joint.x - CLEAR - area.x }, align: 'right' },
    { box: { ...joint, x: joint.x + joint.w + CLEAR, w: area.x + area.w - joint.x - joint.w - CLEAR }, align: 'left' },
  ];
  return [...inner, ...outer].filter((slot) => slot.box.w > 0.3);
}

/** The tasks label, measured into the first slot where it fits whole (a single word is never broken). */
function tasksLabel(page: Page, text: string, slots: Slot[]): SlideElement | undefined {
  const { colors, sizes } = page.theme;
  const size = Math.max(sizes.minBody, 14);
  const paragraphs: Paragraph[] = [{ runs: [{ text, italic: true }] }];
  const oneLine = textHeight(paragraphs, textStyle(page, { size }), 100);
  for (const slot of slots) {
    const h = /\s/.test(text.trim()) ? slot.box.h : Math.min(slot.box.h, oneLine);
    const box = { ...slot.box, y: slot.box.y + (slot.box.h - h) / 2, h };
    // Narrow side insets: the label floats free, and gaps between many arrows are narrow.
    const style = textStyle(page, {
      size,
      color: colors.muted,
      align: slot.align,
      valign: 'middle',
      insets: { ...page.insets, left: 0.02, right: 0.02 },
    });
    const fitted = fitBox(page, {
      name: 'Tasks label',
      box,
      paragraphs: [{ ...paragraphs[0]!, align: slot.align }],
      style,
    });
    if (fitted.fits) return fitted.element;
  }
  return undefined;
}

/** Shortest arrow between the rows, inches. */
const MIN_ARROW_H = 0.35;
/** Space between two rows of members, inches. */
const MEMBER_GAP = 0.1;

/** Height a row of boxes needs for its longest text at the floor (bold, centred), inches. */
function needAtFloor(page: Page, texts: string[], width: number): number {
  const style = textStyle(page, { size: page.theme.sizes.minBody, bold: true, align: 'center' });
  return Math.max(0, ...texts.map((text) => textHeight([{ runs: [{ text }] }], style, width)));
}

function layoutDiagram(input: SlideInput, content: ModelContent, area: Box): SlideElement[] {
  const page = input.page;
  const { colors, sizes } = page.theme;
  const unit = area.h / 5.2;
  // With services the joint body spans the member row, and is as tall as its grid needs.
  const servicesW = area.w - 1.2;
  // Two rows of services unless that leaves the rest too little room; then one row of narrower boxes.
  const twoRowsH = jointHeight(page, content.services, servicesW);
  const oneRow = twoRowsH > area.h * 0.42 && jointHeight(page, content.services, servicesW, true) < twoRowsH;
  const servicesH = jointHeight(page, content.services, servicesW, oneRow);
  const rowH = Math.max(
    0.45,
    Math.min(1.0, unit * 1.15, servicesH > 0 ? (area.h - servicesH - 2 * MIN_ARROW_H) / 2 : Infinity),
  );
  const jointH = Math.max(rowH, servicesH);
  // Many members, or long names, make the member boxes taller rather than the text smaller than the floor.
  const names = content.members.map((m) => m.name);
  const need = (perRow: number): number =>
    needAtFloor(page, names, memberBoxes(area, perRow, rowH, Math.min(area.w * 0.5, 6))[0]!.w);
  // Many members with long names go on two rows (one column per pair) rather than into tall slivers.
  const twoRows = names.length > 2 && need(names.length) > Math.max(rowH, 1.0);
  const perRow = twoRows ? Math.ceil(names.length / 2) : names.length;
  const outcomeNeed = needAtFloor(page, [content.outcome], area.w - 0.3);
  const rows = twoRows ? 2 : 1;
  const roomy =
    rows * Math.max(rowH, need(perRow)) + jointH + Math.max(Math.min(rowH, 0.6), outcomeNeed) + 2 * MIN_ARROW_H <=
    area.h;
  // When the rows at their usual height leave the arrows no room, boxes are only as tall as their text needs.
  const memberH = roomy ? Math.max(rowH, need(perRow)) : Math.max(0.45, need(perRow));
  const blockH = twoRows ? 2 * memberH + MEMBER_GAP : memberH;
  const outcomeH = roomy ? Math.max(Math.min(rowH, 0.6), outcomeNeed) : Math.max(0.45, outcomeNeed);
  const arrowH = Math.max(0.2, (area.h - blockH - jointH - outcomeH) / 2);
  const boxStyle = (color: string) =>
    textStyle(page, { size: Math.min(sizes.body, 20), bold: true, color, align: 'center', valign: 'middle' });
  const cols = memberBoxes(area, perRow, memberH, Math.min(area.w * 0.5, 6));
  const members = names.map(
    (_, i): Box => ({ ...cols[i % perRow]!, y: area.y + Math.floor(i / perRow) * (memberH + MEMBER_GAP) }),
  );
  const y = area.y + blockH + arrowH;
  const joint = servicesH > 0 ? { x: area.x + 0.6, y, w: servicesW, h: jointH } : jointBox(area, cols, y, rowH);
  const arrowW = Math.min(ARROW_W, cols[0]!.w * 0.4);
  const arrows = arrowCentres(cols, joint).map(
    (cx): Box => ({ x: cx - arrowW / 2, y: area.y + blockH + 0.04, w: arrowW, h: arrowH - 0.08 }),
  );
  const arrowName = (col: number): string => `Tasks from ${names.filter((_, i) => i % perRow === col).join(' / ')}`;
  const elements: SlideElement[] = [];
  const memberShapes = content.members.map((member, i) =>
    fittedShape(page, {
      name: `Member ${member.name}`,
      shape: 'rect',
      box: members[i]!,
      fill: colors.secondary,
      line: { color: colors.primary, width: 1.25 },
      paragraphs: [{ runs: [{ text: member.name }] }],
      style: boxStyle(colors.primary),
    }),
  );
  // All member names at one size (the smallest any box needs), so no member looks lesser.
  const memberSize = Math.min(...memberShapes.map((m) => m.style?.fontSize ?? sizes.body));
  memberShapes.forEach((shape) => elements.push({ ...shape, style: { ...shape.style!, fontSize: memberSize } }));
  arrows.forEach((box, col) => elements.push(arrow(arrowName(col), box, colors.accent)));
  if (content.tasks) {
    const band: Box = { x: area.x, y: area.y + blockH, w: area.w, h: arrowH };
    const label = tasksLabel(page, content.tasks, labelSlots(band, arrows, joint, area));
    // No free place between the arrows wide enough for it: the label goes to the speaker notes.
    if (label) elements.push(label);
    else content.unplaced = content.tasks;
  }
  const nameBox = servicesH > 0 ? { ...joint, h: NAME_H } : joint;
  const jointName = fittedShape(page, {
    name: 'Joint body',
    shape: 'rect',
    box: nameBox,
    paragraphs: [{ runs: [{ text: content.jointBody }] }],
    style: boxStyle(colors.onPrimary),
  });
  elements.push({
    ...jointName,
    box: joint,
    fill: colors.primary,
    style: { ...jointName.style!, valign: servicesH > 0 ? 'top' : 'middle' },
  });
  elements.push(...serviceShapes(page, content.services, joint, oneRow));
  const below = joint.y + joint.h;
  elements.push(
    arrow(
      'Services',
      { x: area.x + area.w / 2 - ARROW_W / 2, y: below + 0.04, w: ARROW_W, h: arrowH - 0.08 },
      colors.accent,
    ),
  );
  elements.push(
    fittedShape(page, {
      name: 'Outcome',
      shape: 'roundRect',
      radius: 0.1,
      box: { x: area.x, y: below + arrowH, w: area.w, h: outcomeH },
      fill: colors.accent,
      paragraphs: [{ runs: [{ text: content.outcome }] }],
      style: boxStyle(colors.text),
    }),
  );
  return elements;
}

const bottomOf = (elements: SlideElement[]): number => Math.max(...elements.map((e) => e.box.y + e.box.h));

/**
 * Summary above the diagram, the key sentence under it. When the diagram cannot fit
 * between them even with its boxes only as tall as their text (many members, long names,
 * many services), the summary and then the key sentence move to the speaker notes.
 */
function layout(input: SlideInput, content: ModelContent): LaidOutSlide {
  const attempts: Array<{ summary: boolean; emphasis: boolean }> = [
    { summary: true, emphasis: true },
    { summary: false, emphasis: true },
    { summary: false, emphasis: false },
  ];
  let slide: LaidOutSlide | undefined;
  for (const shown of attempts) {
    const unplaced = content.unplaced;
    const { slide: laid, fits } = layoutWith(input, content, shown);
    slide = laid;
    if (fits) break;
    content.unplaced = unplaced;
  }
  return slide!;
}

function layoutWith(
  input: SlideInput,
  content: ModelContent,
  shown: { summary: boolean; emphasis: boolean },
): { slide: LaidOutSlide; fits: boolean } {
  const page = input.page;
  const { colors, sizes } = page.theme;
  const body = page.body;
  const summaryStyle = textStyle(page, { size: Math.min(sizes.body, 20) });
  const summaryParas: Paragraph[] = [{ runs: [{ text: content.summary }] }];
  const summaryH = shown.summary ? Math.min(body.h * 0.25, textHeight(summaryParas, summaryStyle, body.w)) : -0.2;
  const emphasisStyle = textStyle(page, { size: sizes.body + 2, color: colors.primary, align: 'center' });
  const emphasis = shown.emphasis ? content.emphasis : undefined;
  const emphasisH = emphasis ? Math.min(body.h * 0.18, textHeight([emphasis], emphasisStyle, body.w)) : 0;
  const diagram: Box = { x: body.x, y: body.y + summaryH + 0.2, w: body.w, h: body.h - summaryH - emphasisH - 0.45 };
  const drawn = layoutDiagram(input, content, diagram);
  const elements: SlideElement[] = [...titleElements(page, content.title)];
  if (shown.summary)
    elements.push(
      fitBox(page, { name: 'Summary', box: { ...body, h: summaryH }, paragraphs: summaryParas, style: summaryStyle })
        .element,
    );
  elements.push(...drawn);
  if (emphasis) {
    elements.push(
      fitBox(page, {
        name: 'Emphasis',
        box: { x: body.x, y: body.y + body.h - emphasisH, w: body.w, h: emphasisH },
        paragraphs: [emphasis],
        style: emphasisStyle,
      }).element,
    );
  }
  const moved = [
    shown.summary ? '' : content.summary,
    emphasis || !content.emphasis ? '' : content.emphasis.runs.map((r) => r.text).join(''),
    content.unplaced ?? '',
  ];
  const notes = moved.filter(Boolean).join('\n\n');
  const slide = { title: content.title, background: colors.background, elements, ...(notes ? { notes } : {}) };
  return { slide, fits: bottomOf(drawn) <= diagram.y + diagram.h + 0.01 };
}

export const modelSlide: SlideKind = {
  build: (input) => [layout(input, compose(input))],
};
