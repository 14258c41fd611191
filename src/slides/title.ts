/** Title slide: strategy (or deck) title, the meeting and its date, version, presenter, logos. */
import type { Page } from '../layout/page.js';
import { fitBox, textStyle } from '../layout/text-box.js';
import type { Box, LaidOutSlide, PendingImageElement, SlideElement } from '../layout/types.js';
import type { SlideInput, SlideKind } from './types.js';

interface TitleContent {
  title: string;
  lines: string[];
  logos: PendingImageElement[];
}

function logoRow(input: SlideInput, band: Box): PendingImageElement[] {
  const org = input.plan.strategy.organisation;
  const owners = [
    { name: org.name, logo: org.logo, at: ['organisation', 'logo', 'file'] },
    ...org.members.map((m, i) => ({ name: m.name, logo: m.logo, at: ['organisation', 'members', i, 'logo', 'file'] })),
  ].filter((o) => o.logo);
  // Logos are wide marks (about 5:1); each gets a wide box and keeps its aspect ratio inside it.
  const size = { w: 2.8, h: 0.7 };
  const gap = 0.45;
  const total = owners.length * size.w + Math.max(0, owners.length - 1) * gap;
  let x = band.x + band.w - total;
  return owners.map((owner) => {
    const element: PendingImageElement = {
      type: 'pending-image',
      name: `Logo ${owner.name}`,
      box: { x, y: band.y + (band.h - size.h) / 2, ...size },
      ref: owner.logo!,
      location: input.plan.locateStrategy(owner.at),
    };
    x += size.w + gap;
    return element;
  });
}

function compose(input: SlideInput, band: Box): TitleContent {
  const lines = [input.text('title.meeting'), input.text('title.date') + ' · ' + input.text('title.version'), input.text('title.presenter')];
  return { title: input.title('title.title'), lines: lines.filter((l) => l.length > 0), logos: logoRow(input, band) };
}

function layout(content: TitleContent, page: Page, band: Box): LaidOutSlide {
  const { colors, sizes } = page.theme;
  const left = 0.9;
  const width = page.size.w - 2 * left;
  const title = fitBox(page, {
    name: 'Title',
    role: 'title',
    box: { x: left, y: 1.2, w: width, h: 2.4 },
    paragraphs: [{ runs: [{ text: content.title }] }],
    style: textStyle(page, { heading: true, size: sizes.title + 12, bold: true, color: colors.onPrimary, valign: 'bottom' }),
    minSize: sizes.title - 4,
  });
  const details = fitBox(page, {
    name: 'Subtitle',
    box: { x: left, y: 3.95, w: width, h: band.y - 4.1 },
    paragraphs: content.lines.map((text, i) => ({ runs: [{ text, bold: i === 0 && content.lines.length > 2 }], spaceBefore: i === 0 ? 0 : 6 })),
    style: textStyle(page, { size: sizes.subtitle, color: colors.secondary }),
  });
  const elements: SlideElement[] = [
    title.element,
    { type: 'shape', name: 'Title rule', shape: 'rect', box: { x: left + 0.08, y: 3.75, w: 1.6, h: 0.07 }, fill: colors.accent },
    details.element,
  ];
  if (content.logos.length > 0) {
    elements.push({ type: 'shape', name: 'Logo band', shape: 'rect', box: { x: 0, y: band.y, w: page.size.w, h: page.size.h - band.y }, fill: colors.background });
    elements.push(...content.logos);
  }
  return { title: content.title, background: colors.primary, elements };
}

export const titleSlide: SlideKind = {
  build(input) {
    const band: Box = { x: 0.9, y: 6.1, w: input.page.size.w - 1.8, h: 1.4 };
    return [layout(compose(input, band), input.page, band)];
  },
};
