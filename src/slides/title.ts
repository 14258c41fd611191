/** Title slide: strategy (or deck) title, the meeting and its date, version, presenter, logos. */
import { title as titleKind } from '../kinds/title.js';
import { commonParts } from '../kinds/common-parts.js';
import type { Page } from '../layout/page.js';
import type { SourceLocation } from '../errors.js';
import { fitBox, textStyle, type FitRequest } from '../layout/text-box.js';
import type { Box, LaidOutSlide, PendingImageElement, SlideElement } from '../layout/types.js';
import { logoBoxes, planCover, type CoverPlan } from './cover-plan.js';
import type { SlideInput, SlideKind } from './types.js';

interface TitleContent {
  title: string;
  lines: string[];
  /** Where the title and the meeting lines were written, for "too long" errors. */
  titleSource: SourceLocation;
  linesSource: SourceLocation;
  logos: PendingImageElement[];
}

/** The logos, each with an empty box: the cover places them once it knows their row. */
function logoRow(input: SlideInput): PendingImageElement[] {
  const org = input.plan.strategy.organisation;
  const owners = [
    { name: org.name, logo: org.logo, at: ['organisation', 'logo', 'file'] },
    ...org.members.map((m, i) => ({ name: m.name, logo: m.logo, at: ['organisation', 'members', i, 'logo', 'file'] })),
  ].filter((o) => o.logo);
  return owners.map((owner) => ({
    type: 'pending-image',
    name: commonParts.logo.name(owner.name),
    box: { x: 0, y: 0, w: 0, h: 0 },
    ref: owner.logo!,
    location: input.plan.locateStrategy(owner.at),
  }));
}

function compose(input: SlideInput): TitleContent {
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
    logos: logoRow(input),
  };
}

/** The title as the cover sets it, in `box`. */
function titleRequest(content: TitleContent, page: Page, box: Box): FitRequest {
  const { colors, sizes } = page.theme;
  return {
    name: commonParts.title.name(),
    role: 'title' as const,
    box,
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
}

/**
 * A title too long for the template's cover place even at its least size rises into the free room
 * above the place, as far as the cover lets the title block rise for the logos (half the free
 * height above it, off the art: template-design.ts liftRoom), its last line where the template
 * puts it; only then is the deck refused. A 117-character strategy name on Pencil needed 1.12 in
 * of the place's 1.08 in with 1.77 in free above it. A title on the master's band stays on it.
 */
function risenTitle(page: Page, asked: FitRequest): FitRequest {
  const cover = page.template?.cover;
  const lift = cover && !cover.onBand ? (cover.lift ?? 0) : 0;
  if (lift <= 0 || fitBox(page, { ...asked, source: undefined }).fits) return asked;
  return { ...asked, box: { ...asked.box, y: asked.box.y - lift, h: asked.box.h + lift } };
}

/** The meeting lines as the cover sets them, in `box`. */
function detailsRequest(content: TitleContent, page: Page, box: Box): FitRequest {
  const { colors, sizes } = page.theme;
  return {
    name: titleKind.parts.subtitle.name(),
    box,
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
}

/** Trappa's own cover: the title block above the logos' light band across the foot. */
const BUILT_IN_BAND = (page: Page): Box => ({ x: 0.9, y: 6.1, w: page.size.w - 1.8, h: 1.4 });

/**
 * Where the cover's texts and logos go. Trappa's design: the title block above the logo band,
 * or without logos centred on the slide. A template's: its places, planned with the logos'
 * row (cover-plan.ts); without logos, its places as they are.
 */
function placesOf(content: TitleContent, page: Page): CoverPlan | undefined {
  const cover = page.template?.cover;
  if (!cover) return undefined;
  if (content.logos.length === 0 || !cover.logos)
    return { logos: { band: BUILT_IN_BAND(page), backing: false }, title: cover.title, details: cover.subtitle };
  return planCover(
    page,
    titleRequest(content, page, cover.title),
    detailsRequest(content, page, cover.subtitle),
    content.logos.length,
  );
}

/**
 * The title block (title, rule, meeting lines) sits above the logo band; without logos
 * there is no band, and the block is centred on the slide instead of leaving its lower
 * half an empty field of colour.
 */
function layout(content: TitleContent, page: Page): LaidOutSlide {
  const { colors } = page.theme;
  const plan = placesOf(content, page);
  const band = plan?.logos.band ?? BUILT_IN_BAND(page);
  const left = 0.9;
  const width = page.size.w - 2 * left;
  const hasLogos = content.logos.length > 0;
  const bottom = hasLogos ? band.y : page.size.h - 0.6;
  const titleAsked = risenTitle(
    page,
    titleRequest(content, page, plan?.title ?? { x: left, y: 1.2, w: width, h: 2.4 }),
  );
  const title = fitBox(page, plan?.titleSize ? { ...titleAsked, maxSize: plan.titleSize } : titleAsked);
  const detailsAsked = detailsRequest(content, page, plan?.details ?? { x: left, y: 3.95, w: width, h: bottom - 4.1 });
  const details = fitBox(page, plan?.linesSize ? { ...detailsAsked, maxSize: plan.linesSize } : detailsAsked);
  // Centre what is drawn: from the title's first line to the last meeting line.
  const top = 1.2 + 2.4 - title.height;
  const end = 3.95 + Math.min(details.height, detailsAsked.box.h);
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
    // A template's cover centres its row (the template's texts are centred, or its art is).
    const boxes = logoBoxes(content.logos.length, band, page.template ? page.size.w / 2 : undefined);
    const logos = content.logos.map((logo, i) => ({ ...logo, box: boxes[i]! }));
    elements.push({
      type: 'shape',
      name: commonParts.logoBand.name(),
      shape: 'rect',
      box: { x: 0, y: band.y, w: page.size.w, h: page.size.h - band.y },
      fill: colors.background,
    });
    // On a template the band is left out (its design is its own); where the ground there is not
    // light, or the logos stand on its art, they get a light backing hugging their row instead.
    if (plan?.logos.backing) elements.push(logoBacking(logos));
    elements.push(...logos);
  }
  return {
    title: content.title,
    background: colors.primary,
    elements,
    ...(plan?.adapted ? { adapted: plan.adapted } : {}),
  };
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
  build: (input) => [layout(compose(input), input.page)],
};
