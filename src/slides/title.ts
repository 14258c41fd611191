/** Title slide: strategy (or deck) title, the meeting and its date, version, presenter, logos. */
import { title as titleKind } from '../kinds/title.js';
import { commonParts } from '../kinds/common-parts.js';
import type { Page } from '../layout/page.js';
import type { SourceLocation } from '../errors.js';
import { fitBox, textStyle } from '../layout/text-box.js';
import type { Box, LaidOutSlide, PendingImageElement, SlideElement } from '../layout/types.js';
import type { SlideInput, SlideKind } from './types.js';

interface TitleContent {
  title: string;
  lines: string[];
  /** Where the title and the meeting lines were written, for "too long" errors. */
  titleSource: SourceLocation;
  linesSource: SourceLocation;
  logos: PendingImageElement[];
}

/** Logos are wide marks (about 5:1); each gets a 4:1 box and keeps its aspect ratio inside it (contain). */
const LOGO_ASPECT = 4;
/** The largest logo box's width, in inches, and the gap between boxes as a share of a box's width. */
const LOGO_MAX_W = 2.8;
const LOGO_GAP = 0.45 / LOGO_MAX_W;
/** Below this box width (inches) one row gets cramped, so the logos go on two rows. */
const LOGO_MIN_ROW_W = 1.5;
/** Space above, below and between rows inside the band, in inches. */
const BAND_PADDING = 0.12;
const ROW_GAP = 0.15;

/**
 * Logo boxes right-aligned in the band, as large as fit (at most 2.8 × 0.7 in):
 * one row while the boxes stay at least 1.5 in wide, else two rows (the first
 * row takes the odd one). Nothing leaves the band, whatever the count.
 */
function logoBoxes(count: number, band: Box): Box[] {
  if (count === 0) return [];
  const widthFor = (rows: number): number => {
    const perRow = Math.ceil(count / rows);
    const rowH = (band.h - 2 * BAND_PADDING - (rows - 1) * ROW_GAP) / rows;
    return Math.min(LOGO_MAX_W, band.w / (perRow + LOGO_GAP * (perRow - 1)), rowH * LOGO_ASPECT);
  };
  const rows = widthFor(1) >= LOGO_MIN_ROW_W || count === 1 ? 1 : 2;
  const w = widthFor(rows);
  const h = w / LOGO_ASPECT;
  const gap = w * LOGO_GAP;
  const perRow = Math.ceil(count / rows);
  const blockH = rows * h + (rows - 1) * ROW_GAP;
  const top = band.y + (band.h - blockH) / 2;
  return Array.from({ length: count }, (_, i) => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, count - row * perRow);
    const rowW = inRow * w + (inRow - 1) * gap;
    return { x: band.x + band.w - rowW + (i - row * perRow) * (w + gap), y: top + row * (h + ROW_GAP), w, h };
  });
}

function logoRow(input: SlideInput, band: Box): PendingImageElement[] {
  const org = input.plan.strategy.organisation;
  const owners = [
    { name: org.name, logo: org.logo, at: ['organisation', 'logo', 'file'] },
    ...org.members.map((m, i) => ({ name: m.name, logo: m.logo, at: ['organisation', 'members', i, 'logo', 'file'] })),
  ].filter((o) => o.logo);
  const boxes = logoBoxes(owners.length, band);
  return owners.map((owner, i) => ({
    type: 'pending-image',
    name: commonParts.logo.name(owner.name),
    box: boxes[i]!,
    ref: owner.logo!,
    location: input.plan.locateStrategy(owner.at),
  }));
}

function compose(input: SlideInput, band: Box): TitleContent {
  const lines = [
    input.text('title.meeting'),
    `${input.text('title.date')} · ${input.text('title.version')}`,
    input.text('title.presenter'),
  ];
  const { plan } = input;
  return {
    title: input.title('title.title'),
    lines: lines.filter((l) => l.length > 0),
    titleSource: plan.deck.title ? plan.locateDeck(['title']) : plan.locateStrategy(['name']),
    linesSource: plan.deck.meeting ? plan.locateDeck(['meeting']) : plan.locateStrategy(['date']),
    logos: logoRow(input, band),
  };
}

/**
 * The title block (title, rule, meeting lines) sits above the logo band; without logos
 * there is no band, and the block is centred on the slide instead of leaving its lower
 * half an empty field of colour.
 */
function layout(content: TitleContent, page: Page, band: Box): LaidOutSlide {
  const { colors, sizes } = page.theme;
  const left = 0.9;
  const width = page.size.w - 2 * left;
  const hasLogos = content.logos.length > 0;
  const bottom = hasLogos ? band.y : page.size.h - 0.6;
  const titleRequest = {
    name: commonParts.title.name(),
    role: 'title' as const,
    box: page.template?.cover.title ?? { x: left, y: 1.2, w: width, h: 2.4 },
    paragraphs: [{ runs: [{ text: content.title }] }],
    style: textStyle(page, {
      heading: true,
      size: sizes.title + 12,
      bold: true,
      color: colors.onPrimary,
      valign: page.template?.cover.onBand ? 'middle' : 'bottom',
      ...(page.template ? { align: page.template.cover.align.title } : {}),
    }),
    // The deck's name may shrink further than slide titles do, but not below the body floor.
    minSize: Math.min(sizes.title - 4, Math.max(sizes.minBody, 20)),
    source: content.titleSource,
  };
  const title = fitBox(page, titleRequest);
  const detailsRequest = {
    name: titleKind.parts.subtitle.name(),
    box: coverDetails(page, hasLogos) ?? { x: left, y: 3.95, w: width, h: bottom - 4.1 },
    paragraphs: content.lines.map((text, i) => ({
      runs: [{ text, bold: i === 0 && content.lines.length > 2 }],
      spaceBefore: i === 0 ? 0 : 6,
    })),
    style: textStyle(page, {
      size: sizes.subtitle,
      color: colors.secondary,
      ...(page.template ? { align: page.template.cover.align.subtitle } : {}),
    }),
    source: content.linesSource,
  };
  const details = fitBox(page, detailsRequest);
  // Centre what is drawn: from the title's first line to the last meeting line.
  const top = 1.2 + 2.4 - title.height;
  const end = 3.95 + Math.min(details.height, detailsRequest.box.h);
  // An organisation's template places the texts itself.
  const shift = hasLogos || page.template ? 0 : Math.max(0, (page.size.h - end - top) / 2);
  const down = (box: Box): Box => ({ ...box, y: box.y + shift });
  const elements: SlideElement[] = [
    { ...title.element, box: down(title.element.box) },
    {
      type: 'shape',
      name: commonParts.titleRule.name(),
      shape: 'rect',
      box: down({ x: left + 0.08, y: 3.75, w: 1.6, h: 0.07 }),
      fill: colors.accent,
    },
    shift > 0
      ? {
          ...details.element,
          box: {
            ...down(details.element.box),
            h: Math.max(details.height, Math.min(details.element.box.h, page.size.h - 0.3 - shift - 3.95)),
          },
        }
      : details.element,
  ];
  if (hasLogos) {
    elements.push({
      type: 'shape',
      name: commonParts.logoBand.name(),
      shape: 'rect',
      box: { x: 0, y: band.y, w: page.size.w, h: page.size.h - band.y },
      fill: colors.background,
    });
    // On a template the band is left out (its design is its own); where the ground there is not
    // light, the logos get a light backing hugging their row instead.
    if (page.template?.cover.logos?.backing) elements.push(logoBacking(content.logos));
    elements.push(...content.logos);
  }
  return { title: content.title, background: colors.primary, elements };
}

/** A template's subtitle place, ending above the logos' band where that rises into it (logo-band.ts). */
function coverDetails(page: Page, hasLogos: boolean): Box | undefined {
  const cover = page.template?.cover;
  if (!cover) return undefined;
  const band = cover.logos?.band;
  const sub = cover.subtitle;
  if (!hasLogos || !band || band.y >= sub.y + sub.h) return sub;
  return { ...sub, h: Math.max(0.5, band.y - 0.05 - sub.y) };
}

/** Padding of the logos' backing around their row, in inches. */
const BACKING_PAD = 0.12;

function logoBacking(logos: PendingImageElement[]): SlideElement {
  const x = Math.min(...logos.map((l) => l.box.x)) - BACKING_PAD;
  const y = Math.min(...logos.map((l) => l.box.y)) - BACKING_PAD;
  const right = Math.max(...logos.map((l) => l.box.x + l.box.w)) + BACKING_PAD;
  const bottom = Math.max(...logos.map((l) => l.box.y + l.box.h)) + BACKING_PAD;
  return {
    type: 'shape',
    name: commonParts.logoBacking.name(),
    shape: 'rect',
    box: { x, y, w: right - x, h: bottom - y },
    fill: 'FFFFFF',
  };
}

export const titleSlide: SlideKind = {
  build(input) {
    const band: Box = input.page.template?.cover.logos?.band ?? { x: 0.9, y: 6.1, w: input.page.size.w - 1.8, h: 1.4 };
    return [layout(compose(input, band), input.page, band)];
  },
};
