/**
 * Viktige budskap: the main message (what/why) in an emphasised panel, the other
 * messages listed beside it. If the list does not fit, it continues full width.
 */
import { messages } from '../kinds/messages.js';
import { english, said } from '../messages/catalogue.js';
import { below, columns, comfortOnPage, type Page } from '../layout/page.js';
import { continuedTitle, fitBox, splitToFit, textHeight, textStyle, titleElements } from '../layout/text-box.js';
import type { Box, LaidOutSlide, Paragraph, SlideElement, TextStyle } from '../layout/types.js';
import { fitText, paragraphGroups } from '../layout/fit-text.js';
import { layoutList } from './bullets.js';
import { pointParagraphs } from './points.js';
import type { SlideInput, SlideKind } from './types.js';
import { mainInPlace, messagesInSlots, type SlotMessages } from './messages-slots.js';
import { ownOrSlots } from './own-or-slots.js';

/** What the messages slide says, whether it is laid out in the template's places or in Trappa's own. */
type MessagesContent = SlotMessages;

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

/** The main message in its panel (heading and text) in `box`; undefined when it does not fit at the floor. */
function mainPanel(
  page: Page,
  content: MessagesContent,
  box: Box,
  main: Paragraph[],
  size: number,
  strict: boolean,
): SlideElement[] | undefined {
  const { colors } = page.theme;
  const hStyle = headingStyle(page);
  const headH = textHeight([{ runs: [{ text: content.mainHeading }] }], hStyle, box.w);
  const panelInsets = { left: 0.2, right: 0.2, top: 0.15, bottom: 0.15 };
  const fitted = fitBox(page, {
    name: messages.parts.main.name(),
    box: below(box, headH + 0.2, 0),
    paragraphs: main,
    style: textStyle(page, { size, insets: panelInsets }),
    // Only the last place tried refuses, naming the field.
    ...(strict ? { source: content.mainSource } : {}),
  });
  if (!fitted.fits) return undefined;
  // On a template the text may have grown below its place (fitBox): the panel grows with it.
  const bottom = Math.max(box.y + box.h, fitted.element.box.y + fitted.element.box.h);
  return [
    {
      type: 'shape',
      name: messages.parts.panel.name(),
      shape: 'rect',
      box: { ...box, h: bottom - box.y },
      fill: colors.secondary,
      line: { color: colors.primary, width: 1 },
    },
    {
      type: 'text',
      name: messages.parts.mainHeading.name(),
      box: { ...box, h: headH + 0.2 },
      paragraphs: [{ runs: [{ text: content.mainHeading }] }],
      style: { ...hStyle, insets: panelInsets },
    },
    fitted.element,
  ];
}

/**
 * The other messages beside the panel, at a size a meeting room reads (body − 2 pt, never
 * under the theme's floor): when they do not all fit at it, about half go beside the panel
 * and the rest continue on a slide of their own, rather than all of them small and dense.
 * Only a box too small for even one message at that size falls back to the floor.
 */
export function othersChunks(page: Page, others: Paragraph[], style: TextStyle, box: Box): Paragraph[][] {
  const { sizes } = page.theme;
  const comfort = comfortOnPage(page, Math.min(sizes.body, Math.max(sizes.minBody, sizes.body - 2)), sizes.minBody);
  const fitsAt = (paragraphs: Paragraph[]) =>
    fitText({ paragraphs, style, box, maxSize: comfort, minSize: comfort }).fits;
  if (fitsAt(others)) return [others];
  const groups = paragraphGroups(others);
  let fits = 0;
  while (fits < groups.length && fitsAt(others.slice(0, groups[fits]!.end))) fits++;
  if (fits === 0) return splitToFit(page, others, style, box);
  // A fair share on each slide: the continuation never holds only a message or two of many.
  const end = groups[Math.min(fits, Math.ceil(groups.length / 2)) - 1]!.end;
  return [others.slice(0, end), others.slice(end)];
}

function layout(page: Page, content: MessagesContent): LaidOutSlide[] {
  // On a template, its two columns first: the slide then inherits both boxes; Trappa's own panel
  // and list instead where the template's columns take more slides.
  const inSlots = messagesInSlots(page, content);
  if (!inSlots) return ownLayout(page, content);
  if (inSlots.length === 1) return inSlots;
  return ownOrSlots(ownLayout(page, content), inSlots);
}

function ownLayout(page: Page, content: MessagesContent): LaidOutSlide[] {
  const { colors, sizes } = page.theme;
  const hasOthers = content.others.length > 0;
  const [left, right] = hasOthers ? columns(page.body, [32, 68], 0.4) : [page.body];
  const hStyle = headingStyle(page);
  const style = textStyle(page, { size: sizes.body });
  const othersHeadH = right ? textHeight([{ runs: [{ text: content.othersHeading }] }], hStyle, right.w) : 0;
  const listBox = right ? below(right, othersHeadH, 0.05) : page.body;
  const [first = [], ...rest] = hasOthers ? othersChunks(page, content.others, style, listBox) : [[]];
  const others = fitBox(page, { name: messages.parts.others.name(), box: listBox, paragraphs: first, style });
  // The panel's text stays close to the list's size, so neither looks out of place.
  const mainSize = hasOthers ? Math.min(sizes.body, others.element.style.fontSize + 2) : sizes.body + 4;
  const panel = mainPanel(page, content, left!, content.main, mainSize, !page.template);
  if (!panel) return adapted(page, content);
  const elements: SlideElement[] = [...titleElements(page, content.title), ...panel];
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

/**
 * On an organisation's template whose body area is too small for the panel beside the list:
 * the main message fills a slide of its own (what and why on one, else on a slide each), and
 * the other messages follow as a list. Refused only when a half does not fit a slide alone.
 */
function adapted(page: Page, content: MessagesContent): LaidOutSlide[] {
  const { colors, sizes } = page.theme;
  const halves = [content.main.slice(0, 2), content.main.slice(2)].filter((h) => h.length > 0);
  const parts = [content.main, ...halves.map((half) => [{ ...half[0]!, spaceBefore: 0 }, ...half.slice(1)])];
  // One text in the layout's place (its heading the first line, the text filled as the panel) before
  // a panel of Trappa's own; a slide for the whole message before a slide for each half.
  const inPlace = (part: Paragraph[]) => mainInPlace(page, content, page.body, part);
  const wholeInPlace = inPlace(content.main);
  const whole = wholeInPlace ? [wholeInPlace] : mainPanel(page, content, page.body, content.main, sizes.body, false);
  const halvesInPlace = whole ? [] : parts.slice(1).map(inPlace);
  const panels: SlideElement[][] = whole
    ? [whole]
    : halvesInPlace.every((e) => e !== undefined)
      ? halvesInPlace.map((e) => [e])
      : // Strict: a half that does not fit a slide alone is refused (fitBox throws), naming the field.
        parts.slice(1).map((part) => mainPanel(page, content, page.body, part, sizes.body, true)!);
  const oneSlide = panels.length === 1;
  const slides: LaidOutSlide[] = panels.map((panel, i) => ({
    title: continuedTitle(page, content.title, i),
    background: colors.background,
    elements: [...titleElements(page, continuedTitle(page, content.title, i)), ...panel],
    adapted: english(said(oneSlide ? 'adapt.ownSlide' : 'adapt.whatWhy')),
  }));
  if (content.others.length === 0) return slides;
  return [
    ...slides,
    ...layoutList(page, { title: content.title, intro: content.othersHeading, items: content.others }, slides.length),
  ];
}

export const messagesSlide: SlideKind = {
  build: (input) => layout(input.page, compose(input)),
};
