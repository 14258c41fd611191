/**
 * Viktige budskap in an organisation's two-content layout: the main message in the left
 * column (its heading as the first line, the column filled as the panel) and the other
 * messages under their heading in the right one, each in exactly its slot's box so the slide
 * inherits both. Other messages that do not fit the column continue as a list.
 */
import { messages } from '../kinds/messages.js';
import type { Page } from '../layout/page.js';
import { splitToFit, textStyle, titleElements } from '../layout/text-box.js';
import type { Box, LaidOutSlide, Paragraph, TextElement } from '../layout/types.js';
import type { SourceLocation } from '../errors.js';
import { layoutList } from './bullets.js';
import { fitInSlots } from './slot-text.js';

export interface SlotMessages {
  title: string;
  mainSource: SourceLocation;
  mainHeading: string;
  main: Paragraph[];
  othersHeading: string;
  others: Paragraph[];
}

const PANEL_INSETS = { left: 0.2, right: 0.2, top: 0.15, bottom: 0.15 };

const heading = (text: string): Paragraph => ({ runs: [{ text, bold: true }], heading: true });

/**
 * The main message (or a part of it) as one text in `box` with its heading as the first line,
 * filled as its panel, so the text can take the layout place whose box it is; undefined when it
 * does not fit there at the floor.
 */
export function mainInPlace(page: Page, content: SlotMessages, box: Box, main: Paragraph[]): TextElement | undefined {
  const { colors, sizes } = page.theme;
  return fitInSlots(
    page,
    [
      {
        name: messages.parts.main.name(),
        box,
        paragraphs: [heading(content.mainHeading), ...main],
        style: textStyle(page, { size: sizes.body, insets: PANEL_INSETS }),
        fill: colors.secondary,
        source: content.mainSource,
      },
    ],
    sizes.body,
  )?.[0];
}

/** The slides, or undefined when the template has no two columns or the main message does not fit its column. */
export function messagesInSlots(page: Page, content: SlotMessages): LaidOutSlide[] | undefined {
  const columns = page.template?.slots?.columns;
  if (!columns || content.others.length === 0) return undefined;
  const { colors, sizes } = page.theme;
  const [left, right] = columns;
  const style = textStyle(page, { size: sizes.body });
  // The right column's first slide holds the heading and as many messages as fit at the floor.
  const headed = [heading(content.othersHeading), ...content.others];
  const [first = [], ...rest] = splitToFit(page, headed, style, right);
  if (first.length < 2) return undefined;
  const placed = fitInSlots(
    page,
    [
      {
        name: messages.parts.main.name(),
        box: left,
        paragraphs: [heading(content.mainHeading), ...content.main],
        style: textStyle(page, { size: sizes.body, insets: PANEL_INSETS }),
        fill: colors.secondary,
        source: content.mainSource,
      },
      { name: messages.parts.others.name(), box: right, paragraphs: first, style },
    ],
    sizes.body,
  );
  if (!placed) return undefined;
  const slide: LaidOutSlide = {
    title: content.title,
    background: colors.background,
    elements: [...titleElements(page, content.title), ...placed],
  };
  const more = rest.flat();
  if (more.length === 0) return [slide];
  return [slide, ...layoutList(page, { title: content.title, intro: content.othersHeading, items: more }, 1)];
}
