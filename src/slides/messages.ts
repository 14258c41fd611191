/**
 * Viktige budskap: the main message (what/why) in an emphasised panel, the other
 * messages listed beside it. If the list does not fit, it continues full width.
 */
import { messages } from '../kinds/messages.js';
import { below, columns, type Page } from '../layout/page.js';
import { fitBox, splitToFit, textHeight, textStyle, titleElements } from '../layout/text-box.js';
import type { LaidOutSlide, Paragraph, SlideElement } from '../layout/types.js';
import { layoutList } from './bullets.js';
import { pointParagraphs } from './points.js';
import type { SourceLocation } from '../errors.js';
import type { SlideInput, SlideKind } from './types.js';

interface MessagesContent {
  title: string;
  mainSource: SourceLocation;
  mainHeading: string;
  main: Paragraph[];
  othersHeading: string;
  others: Paragraph[];
}

function compose(input: SlideInput): MessagesContent {
  const { mainMessage, otherMessages } = input.plan.strategy;
  return {
    title: input.title('messages.title'),
    mainSource: input.plan.locateStrategy(['mainMessage']),
    mainHeading: input.text('messages.main'),
    main: [
      { runs: [{ text: input.text('messages.what'), bold: true }] },
      { runs: [{ text: mainMessage.what }] },
      { runs: [{ text: input.text('messages.why'), bold: true }], spaceBefore: 14 },
      { runs: [{ text: mainMessage.why }] },
    ],
    othersHeading: input.text('messages.others'),
    others: pointParagraphs(otherMessages, 4),
  };
}

function headingStyle(page: Page) {
  const { colors, sizes } = page.theme;
  return textStyle(page, { heading: true, size: Math.min(sizes.body - 2, 18), bold: true, color: colors.primary });
}

function layout(page: Page, content: MessagesContent): LaidOutSlide[] {
  const { colors, sizes } = page.theme;
  const hasOthers = content.others.length > 0;
  const [left, right] = hasOthers ? columns(page.body, [32, 68], 0.4) : [page.body];
  const hStyle = headingStyle(page);
  const headH = textHeight([{ runs: [{ text: content.mainHeading }] }], hStyle, left!.w);
  const panelInsets = { left: 0.2, right: 0.2, top: 0.15, bottom: 0.15 };
  const style = textStyle(page, { size: sizes.body });
  const othersHeadH = right ? textHeight([{ runs: [{ text: content.othersHeading }] }], hStyle, right.w) : 0;
  const listBox = right ? below(right, othersHeadH, 0.05) : page.body;
  const [first = [], ...rest] = hasOthers ? splitToFit(page, content.others, style, listBox) : [[]];
  const others = fitBox(page, { name: messages.parts.others.name(), box: listBox, paragraphs: first, style });
  // The panel's text stays close to the list's size, so neither looks out of place.
  const mainSize = hasOthers ? Math.min(sizes.body, others.element.style.fontSize + 2) : sizes.body + 4;
  const elements: SlideElement[] = [
    ...titleElements(page, content.title),
    {
      type: 'shape',
      name: messages.parts.panel.name(),
      shape: 'rect',
      box: left!,
      fill: colors.secondary,
      line: { color: colors.primary, width: 1 },
    },
    {
      type: 'text',
      name: messages.parts.mainHeading.name(),
      box: { ...left!, h: headH + 0.2 },
      paragraphs: [{ runs: [{ text: content.mainHeading }] }],
      style: { ...hStyle, insets: panelInsets },
    },
    fitBox(page, {
      name: messages.parts.main.name(),
      box: below(left!, headH + 0.2, 0),
      paragraphs: content.main,
      style: textStyle(page, { size: mainSize, insets: panelInsets }),
      source: content.mainSource,
    }).element,
  ];
  if (!hasOthers || !right) return [{ title: content.title, background: colors.background, elements }];

  elements.push({
    type: 'text',
    name: messages.parts.othersHeading.name(),
    box: { ...right, h: othersHeadH },
    paragraphs: [{ runs: [{ text: content.othersHeading }] }],
    style: hStyle,
  });
  elements.push(others.element);
  const slides: LaidOutSlide[] = [{ title: content.title, background: colors.background, elements }];
  if (rest.length > 0) {
    slides.push(...layoutList(page, { title: content.title, intro: content.othersHeading, items: rest.flat() }, 1));
  }
  return slides;
}

export const messagesSlide: SlideKind = {
  build: (input) => layout(input.page, compose(input)),
};
