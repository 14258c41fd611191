/**
 * A titled list: profile statements, a deck's own slides ("Saker til beslutning"),
 * the version history. Long lists shrink to the theme's floor, then continue on
 * further slides titled "… (forts.)".
 */
import { commonParts } from '../kinds/common-parts.js';
import { balancedTop, below, comfortOnPage, type Page, READABLE, SHORT_SHARE } from '../layout/page.js';
import {
  continuedTitle,
  type Fitted,
  fitBox,
  splitToFit,
  textHeight,
  textStyle,
  titleElements,
} from '../layout/text-box.js';
import type { LaidOutSlide, Paragraph, SlideElement, TextElement } from '../layout/types.js';
import { pointParagraphs } from './points.js';
import { sentChangesList } from './sent-changes.js';
import type { SlideInput, SlideKind } from './types.js';

export interface ListContent {
  title: string;
  intro?: string;
  items: Paragraph[];
}

/**
 * `firstIndex` > 0 when the list itself continues another slide, so every slide is titled "(forts.)".
 * On a template whose body place is small, a list that continues takes the free room below it
 * too (down to the footer places) when that saves a slide: a slide more only for what the room holds.
 */
export function layoutList(page: Page, content: ListContent, firstIndex = 0): LaidOutSlide[] {
  const slides = listSlides(page, content, firstIndex);
  if (!page.template || slides.length === 1) return slides;
  // The room below first, then the points closer together (a little space between points, none before a
  // sub-point), each only where it saves a slide. Closer points keep a list in the template's place; on the
  // free area under the title (deck/free-area.ts) the list has a position of its own already, and a deck with
  // a few such slides would keep too little of the template's places.
  const room = page.template.slots?.room;
  const inPlace = page.body !== page.template.free;
  const closer = { ...content, items: content.items.map(closerItem) };
  const options = [
    ...(room ? [listSlides({ ...page, body: room }, content, firstIndex)] : []),
    ...(inPlace ? [listSlides(page, closer, firstIndex)] : []),
    ...(room && inPlace ? [listSlides({ ...page, body: room }, closer, firstIndex)] : []),
  ];
  return options.reduce((best, option) => (option.length < best.length ? option : best), slides);
}

/** Points of a closer list: at most CLOSER_SPACE before a point, nothing before a sub-point. */
const CLOSER_SPACE = 2;
const closerItem = (item: Paragraph): Paragraph =>
  item.spaceBefore === undefined
    ? item
    : { ...item, spaceBefore: item.level ? 0 : Math.min(item.spaceBefore, CLOSER_SPACE) };

function listSlides(page: Page, content: ListContent, firstIndex: number): LaidOutSlide[] {
  const { colors, sizes } = page.theme;
  const introParagraphs: Paragraph[] = content.intro ? [{ runs: [{ text: content.intro }] }] : [];
  const introAt = (size: number) => {
    const introStyle = textStyle(page, { size, bold: true, color: colors.primary });
    const introH = content.intro ? textHeight(introParagraphs, introStyle, page.body.w) : 0;
    return { introStyle, introH, listBox: content.intro ? below(page.body, introH, INTRO_GAP) : page.body };
  };
  const style = textStyle(page, { size: sizes.body });
  // A list that continues anyway may take one slide more to stay at a comfortable size (floor + 4 pt, as it looks
  // on a 7.5-in-high slide: comfortOnPage).
  const comfort = comfortOnPage(page, Math.min(sizes.body, sizes.minBody + 4), sizes.minBody, READABLE.body);
  let { introStyle, introH, listBox } = introAt(sizes.body);
  let chunks = splitToFit(page, content.items, style, listBox, undefined, comfort);
  if (content.intro && page.template && chunks.length > 1) {
    // On a template's small body place the intro is set at the list's comfortable size where that saves a slide,
    // as the first line of the list's text (withIntro: one text, its insets once).
    const at = introAt(comfort);
    const line = at.introH - style.insets.top - style.insets.bottom;
    const small = { ...at, listBox: { ...page.body, y: page.body.y + line, h: page.body.h - line } };
    const fewer = splitToFit(page, content.items, style, small.listBox, undefined, comfort);
    if (fewer.length < chunks.length) ({ introStyle, introH, listBox, chunks } = { ...small, chunks: fewer });
  }
  // Short lists may grow a little, so a slide with three points does not look empty;
  // a continued list keeps one size on all its slides (the smallest any of them needs).
  const fitChunk = (chunk: Paragraph[], i: number, maxSize: number) =>
    fitBox(page, {
      name: commonParts.list.name(),
      box: content.intro && i === 0 ? listBox : page.body,
      paragraphs: chunk,
      style,
      maxSize,
    });
  // A list that goes on from an earlier slide is read as the rest of that list: it starts at the body's top, as
  // there, at no more than the body size, never grown and centred as a short list of its own.
  const alone = chunks.length === 1 && firstIndex === 0;
  const common = alone
    ? sizes.body + 4
    : Math.min(...chunks.map((chunk, i) => fitChunk(chunk, i, sizes.body).element.style.fontSize));
  return chunks.map((chunk, i): LaidOutSlide => {
    const title = continuedTitle(page, content.title, i + firstIndex);
    const elements: SlideElement[] = [...titleElements(page, title)];
    let list = alone ? composed(page, fitChunk(chunk, i, common)) : fitChunk(chunk, i, common).element;
    let introY = page.body.y;
    if (content.intro && i === 0 && list.style.valign === 'middle') {
      // The intro goes with its short list («Versjon 1.0» over one change): balanced as one block.
      const listH = textHeight(list.paragraphs, list.style, list.box.w, page.language);
      introY = balancedTop(page.body, introH + INTRO_GAP + listH);
      const box = { ...list.box, y: introY + introH + INTRO_GAP, h: listH + INTRO_GAP };
      list = { ...list, box, style: { ...list.style, valign: 'top' } };
    }
    const joined =
      content.intro && i === 0 && page.template
        ? withIntro(page, introParagraphs, chunk, common, introStyle.fontSize)
        : undefined;
    if (joined) return { title, background: colors.background, elements: [...elements, joined] };
    if (content.intro && i === 0) {
      elements.push({
        type: 'text',
        name: commonParts.intro.name(),
        box: { ...page.body, y: introY, h: introH },
        paragraphs: introParagraphs,
        style: introStyle,
      });
    }
    elements.push(list);
    return { title, background: colors.background, elements };
  });
}

/** The most of its box a short list is grown to: air around it, and room for its intro within SHORT_SHARE. */
const GROW_SHARE = 1 / 2;

/**
 * On an organisation's template: the intro as the list's first line (bold, unbulleted) in one
 * text filling the body's top, as a PowerPoint user writes it, so the slide inherits the
 * layout's body box; undefined when the two do not fit there together (they then stay apart).
 */
function withIntro(
  page: Page,
  intro: Paragraph[],
  chunk: Paragraph[],
  size: number,
  introSize: number,
): TextElement | undefined {
  const paragraphs = [
    ...intro.map((p) => ({ ...p, runs: p.runs.map((r) => ({ ...r, bold: true, size: introSize })) })),
    ...chunk,
  ];
  const fitted = fitBox(page, {
    name: commonParts.list.name(),
    box: page.body,
    paragraphs,
    style: textStyle(page, { size }),
  });
  const { box } = fitted.element;
  return fitted.fits && box.y === page.body.y && box.h === page.body.h ? fitted.element : undefined;
}

/** Inches between a list's intro and the list. */
const INTRO_GAP = 0.05;

/**
 * A short list alone on its slide (a one-line profile, three decisions, "no activities"):
 * set larger, up to the title size or body + 8 pt, whichever is smaller, as long as it
 * still fills at most GROW_SHARE of its box, and centred in it, so the slide is composed
 * rather than a few lines at the top of an empty page.
 */
export function composed(page: Page, fitted: Fitted): TextElement {
  const { element, height } = fitted;
  if (height >= element.box.h * SHORT_SHARE) return element;
  const { sizes } = page.theme;
  const larger = fitBox(page, {
    name: element.name,
    box: { ...element.box, h: element.box.h * GROW_SHARE },
    paragraphs: element.paragraphs,
    style: element.style,
    maxSize: Math.max(element.style.fontSize, Math.min(sizes.title, sizes.body + 8)),
  }).element;
  return { ...larger, box: element.box, style: { ...larger.style, valign: 'middle' } };
}

/** Profile statements of the strategy. */
export const profileSlide: SlideKind = {
  build: (input) =>
    layoutList(input.page, {
      title: input.title('profile.title'),
      items: pointParagraphs(input.plan.strategy.profile),
    }),
};

/** A deck's own list slide (kind: bullets). */
export const bulletsSlide: SlideKind = {
  build(input: SlideInput) {
    const ref = input.slide.ref;
    const points = 'points' in ref ? ref.points : [];
    const intro = 'intro' in ref ? ref.intro : undefined;
    return layoutList(input.page, { title: input.title(''), intro, items: pointParagraphs(points) });
  },
};

/**
 * "Endringer siden forrige versjon": only what changed in the current version, i.e. its own
 * history entry (the newest entry when the current version has none yet). Earlier
 * versions' changes are history, not news; they stay in strategy.yaml. With
 * `changes: since-sent`, the texts that differ from the version the audience last received.
 */
export const changesSlide: SlideKind = {
  build(input) {
    const { strategy, sentChanges } = input.plan;
    const ref = input.slide.ref;
    if (sentChanges && 'slide' in ref && ref.changes === 'since-sent')
      return layoutList(input.page, sentChangesList(input, sentChanges));
    const entry = strategy.history.find((h) => h.version === strategy.version) ?? strategy.history.at(-1);
    if (!entry) {
      return layoutList(input.page, {
        title: input.title('changes.title'),
        items: [{ runs: [{ text: input.text('changes.none') }] }],
      });
    }
    const items = entry.changes.map(
      (text): Paragraph => ({ runs: [{ text }], bullet: true, level: 0, spaceBefore: 4 }),
    );
    return layoutList(input.page, {
      title: input.title('changes.title'),
      intro: input.text('changes.entry', { ...entry }),
      items,
    });
  },
};
