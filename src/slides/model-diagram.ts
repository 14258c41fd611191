/**
 * The model diagram: members in a row (or two), arrows down to the joint body with its
 * services, an arrow down to the outcome, and the tasks label where no shape lies under it.
 */
import { model } from '../kinds/model.js';
import { columns, type Page } from '../layout/page.js';
import { fittedShape, textHeight, textStyle, wordsFit } from '../layout/text-box.js';
import type { Box, SlideElement } from '../layout/types.js';
import type { ModelContent } from './model-content.js';
import { chooseServiceGrid, type Density, jointHeight, nameHeight, serviceShapes } from './model-services.js';
import { centreX, labelSlots, tasksLabel } from './tasks-label.js';
import type { SlideInput } from './types.js';

/** Arrow width, in inches. */
const ARROW_W = 0.5;

function arrow(name: string, box: Box, fill: string): SlideElement {
  return { type: 'shape', name, shape: 'downArrow', box, fill };
}

/**
 * One member: a box as wide as the joint body. More: a row across the diagram, its gaps narrowing as members are added.
 */
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

/** Shortest arrow between the rows, inches. */
const MIN_ARROW_H = 0.35;
/** Space between two rows of members, inches. */
const MEMBER_GAP = 0.1;
const OUTCOME_RADIUS = 0.1;

/** Height a row of boxes needs for its longest text at the floor (bold, centred), inches. */
function needAtFloor(page: Page, texts: string[], width: number): number {
  const style = textStyle(page, { size: page.theme.sizes.minBody, bold: true, align: 'center' });
  return Math.max(0, ...texts.map((text) => textHeight([{ runs: [{ text }] }], style, width, page.language)));
}

/** The diagram's rows and gaps, inches, for one way of drawing it. */
interface Plan {
  density: Density;
  servicesInset: number;
  servicesW: number;
  /** Height of the joint body's name band over its services. */
  band: number;
  perRowServices: number;
  servicesH: number;
  rowH: number;
  jointH: number;
  perRow: number;
  memberH: number;
  blockH: number;
  /** 0 when the outcome is not drawn (it is in the speaker notes). */
  outcomeH: number;
  arrowH: number;
  /** Everything, with the arrows at their shortest, stays within the area. */
  fits: boolean;
}

/** Shortest arrow the diagram is drawn with when space is short, inches. */
const FLOOR_ARROW_H = 0.2;

/** What of the diagram is drawn: the outcome under it, the services inside the joint body. */
interface Drawn {
  outcome: boolean;
  services: boolean;
  density: Density;
}

function plan(page: Page, content: ModelContent, area: Box, servicesInset: number, drawn: Drawn): Plan {
  const withOutcome = drawn.outcome;
  const services = drawn.services ? content.services : [];
  const servicesW = area.w - 2 * servicesInset;
  const unit = area.h / 5.2;
  const arrows = withOutcome ? 2 : 1;
  // The joint body's name over its services: a band as tall as the name needs at the floor, at least the usual one.
  const band = Math.max(nameHeight(drawn.density), needAtFloor(page, [content.jointBody], servicesW));
  // Services in rows whose boxes hold every word whole, within 42 % of the diagram's height where one does.
  const perRowServices = chooseServiceGrid(page, services, servicesW, area.h * 0.42, drawn.density, band);
  const servicesH = jointHeight(page, services, servicesW, perRowServices, drawn.density, band);
  const rowH = Math.max(
    0.45,
    Math.min(1.0, unit * 1.15, servicesH > 0 ? (area.h - servicesH - arrows * MIN_ARROW_H) / arrows : Infinity),
  );
  // Many members, or long names, make the member boxes taller rather than the text smaller than the floor.
  const names = content.members.map((m) => m.name);
  const width = (perRow: number): number => memberBoxes(area, perRow, rowH, Math.min(area.w * 0.5, 6))[0]!.w;
  const need = (perRow: number): number => needAtFloor(page, names, width(perRow));
  // Many members with long names, or a name with a word no box of one row holds whole, go on two
  // rows (one column per pair) rather than into tall slivers.
  const twoRows =
    names.length > 2 && (need(names.length) > Math.max(rowH, 1.0) || !wholeAtFloor(page, names, width(names.length)));
  const perRow = twoRows ? Math.ceil(names.length / 2) : names.length;
  // Without services the joint body is one box holding its name: as tall as a row, or as the name needs at the floor.
  const jointH =
    servicesH > 0
      ? Math.max(rowH, servicesH)
      : Math.max(rowH, needAtFloor(page, [content.jointBody], bareJointW(area, perRow, rowH)));
  // The outcome is a rounded box: its text area is inset by 29.3 % of the corner radius on each side.
  const outcomeNeed = needAtFloor(page, [content.outcome], area.w - 0.3) + 2 * 0.29289 * OUTCOME_RADIUS;
  const rows = twoRows ? 2 : 1;
  const usualOutcome = withOutcome ? Math.max(Math.min(rowH, 0.6), outcomeNeed) : 0;
  const roomy = rows * Math.max(rowH, need(perRow)) + jointH + usualOutcome + arrows * MIN_ARROW_H <= area.h;
  // When the rows at their usual height leave the arrows no room, boxes are only as tall as their text needs.
  const memberH = roomy ? Math.max(rowH, need(perRow)) : Math.max(0.45, need(perRow));
  const blockH = twoRows ? 2 * memberH + MEMBER_GAP : memberH;
  const outcomeH = !withOutcome ? 0 : roomy ? usualOutcome : Math.max(0.45, outcomeNeed);
  const free = area.h - blockH - jointH - outcomeH;
  const arrowH = Math.max(FLOOR_ARROW_H, free / arrows);
  return {
    density: drawn.density,
    servicesInset,
    servicesW,
    band,
    perRowServices,
    servicesH,
    rowH,
    jointH,
    perRow,
    memberH,
    blockH,
    outcomeH,
    arrowH,
    fits: free >= arrows * FLOOR_ARROW_H - 0.01,
  };
}

/** Width of the joint body without services (jointBox: it spans the members' row of `perRow`). */
const bareJointW = (area: Box, perRow: number, rowH: number): number =>
  jointBox(area, memberBoxes(area, perRow, rowH, Math.min(area.w * 0.5, 6)), 0, rowH).w;

/** Every word of every name fits one line of a box `width` wide at the floor (bold), so none is broken. */
function wholeAtFloor(page: Page, texts: string[], width: number): boolean {
  const style = textStyle(page, { size: page.theme.sizes.minBody, bold: true, align: 'center' });
  return wordsFit(
    texts.map((text) => ({ runs: [{ text }] })),
    style,
    width,
    page.theme.sizes.minBody,
  );
}

/**
 * The first way of drawing the diagram that fits its area: as usual; the services' grid across
 * the whole area (more boxes per row); the grid compact (its boxes measured at the floor, a
 * lower name band); then, where the caller allows it, without the outcome, and last without
 * the services too (both go to the speaker notes). None fits: the last, and the caller's check
 * sees it overflow.
 */
function planDiagram(page: Page, content: ModelContent, area: Box, outcomeStays: boolean): Plan {
  // Insets of the services' joint body from the area's sides: under the member row, then across the area.
  const insets = [0.6, 0.1];
  const ways: Drawn[] = [
    { outcome: true, services: true, density: 'usual' },
    { outcome: true, services: true, density: 'compact' },
    ...(outcomeStays ? [] : [{ outcome: false, services: true, density: 'compact' } as const]),
  ];
  // The last resort: the joint body as one box, its services listed in the speaker notes.
  const bare: Drawn = { outcome: false, services: false, density: 'usual' };
  const tries = [
    ...ways.flatMap((way) => insets.map((inset) => () => plan(page, content, area, inset, way))),
    ...(outcomeStays ? [] : [() => plan(page, content, area, 0.6, bare)]),
  ];
  let last: Plan | undefined;
  for (const attempt of tries) {
    last = attempt();
    if (last.fits) return last;
  }
  return last!;
}

/**
 * The diagram in `area`. `outcomeMayMove` lets it leave the outcome off the slide when it does
 * not fit otherwise (`content.outcomeMoved`), and then the services (`content.servicesMoved`): they go to the speaker notes.
 */
export function modelDiagram(
  input: SlideInput,
  content: ModelContent,
  area: Box,
  options: { outcomeMayMove: boolean } = { outcomeMayMove: false },
): SlideElement[] {
  const page = input.page;
  const { colors, sizes } = page.theme;
  const {
    density,
    servicesInset,
    servicesW,
    band,
    perRowServices,
    servicesH,
    jointH,
    perRow,
    memberH,
    blockH,
    outcomeH,
    arrowH,
  } = planDiagram(page, content, area, !options.outcomeMayMove);
  content.outcomeMoved = outcomeH === 0;
  content.servicesMoved = content.services.length > 0 && servicesH === 0;
  const services = content.servicesMoved ? [] : content.services;
  const names = content.members.map((m) => m.name);
  const boxStyle = (color: string) =>
    textStyle(page, { size: Math.min(sizes.body, 20), bold: true, color, align: 'center', valign: 'middle' });
  const cols = memberBoxes(area, perRow, memberH, Math.min(area.w * 0.5, 6));
  const members = names.map(
    (_, i): Box => ({ ...cols[i % perRow]!, y: area.y + Math.floor(i / perRow) * (memberH + MEMBER_GAP) }),
  );
  const y = area.y + blockH + arrowH;
  const joint =
    servicesH > 0 ? { x: area.x + servicesInset, y, w: servicesW, h: jointH } : jointBox(area, cols, y, jointH);
  const arrowW = Math.min(ARROW_W, cols[0]!.w * 0.4);
  const arrows = arrowCentres(cols, joint).map(
    (cx): Box => ({ x: cx - arrowW / 2, y: area.y + blockH + 0.04, w: arrowW, h: arrowH - 0.08 }),
  );
  const arrowName = (col: number): string =>
    model.parts.tasksArrow.name(names.filter((_, i) => i % perRow === col).join(' / '));
  const elements: SlideElement[] = [];
  const memberShapes = content.members.map((member, i) =>
    fittedShape(page, {
      name: model.parts.member.name(member.name),
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
  const nameBox = servicesH > 0 ? { ...joint, h: band } : joint;
  const jointName = fittedShape(page, {
    name: model.parts.jointBody.name(),
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
  elements.push(...serviceShapes(page, services, joint, perRowServices, density, band));
  if (content.outcomeMoved) return elements;
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
      name: model.parts.outcome.name(),
      shape: 'roundRect',
      radius: OUTCOME_RADIUS,
      box: { x: area.x, y: below + arrowH, w: area.w, h: outcomeH },
      fill: colors.accent,
      paragraphs: [{ runs: [{ text: content.outcome }] }],
      style: boxStyle(colors.text),
    }),
  );
  return elements;
}
