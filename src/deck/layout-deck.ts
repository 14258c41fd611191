/**
 * Layout of a whole deck: every planned slide through its kind, then notes and
 * footers. Pure: the images are still pending; template problems come back as issues.
 */
import { debugLog } from '../debug-log.js';
import { withFonts } from '../fonts/fonts.js';
import { commonParts } from '../kinds/common-parts.js';
import { fail, ok, type Issue, type Result, type SourceLocation } from '../errors.js';
import { createPage, type Page } from '../layout/page.js';
import { fitBox, LayoutIssue, textHeight, textStyle } from '../layout/text-box.js';
import type { LaidOutDeck, LaidOutSlide, SlideElement, TextElement } from '../layout/types.js';
import { createRenderer, TemplateIssue, type Renderer } from '../render/render-text.js';
import { slideKind, slideKinds } from '../slides/index.js';
import type { SlideInput } from '../slides/types.js';
import { withSources } from './element-sources.js';
import { onBodyOrFreeArea } from './free-area.js';
import { titlesOffStrokes } from '../layout/title-strokes.js';
import type { DeckPlan, PlannedSlide } from '../plan/resolve-deck.js';

const log = debugLog('layout');

/** The names templates may use. Optional fields are present as null, because strict templates reject absent keys. */
export function templateContext(plan: DeckPlan): Record<string, unknown> {
  const { deck, strategy } = plan;
  const meeting = deck.meeting ? { place: null, presenter: null, planRow: null, ...deck.meeting } : null;
  // Templates may always use the short name; it falls back to the full name.
  const organisation = {
    ...strategy.organisation,
    shortName: strategy.organisation.shortName ?? strategy.organisation.name,
  };
  return {
    strategy: { ...strategy, organisation },
    organisation,
    deck: { ...deck, title: deck.title ?? null },
    audience: deck.audience,
    meeting,
    version: strategy.version,
  };
}

function slideInput(
  plan: DeckPlan,
  slide: PlannedSlide,
  page: Page,
  renderer: Renderer,
  used: { titleKey?: string },
): SlideInput {
  return {
    plan,
    slide,
    page,
    text: renderer.text,
    title: (key) => {
      used.titleKey = key;
      return slide.title ? renderer.inline(slide.title.source, slide.title.location) : renderer.text(key);
    },
  };
}

/** Where a slide's title was written: the deck's own title, its wording override, or the language's template. */
function titleSource(plan: DeckPlan, slide: PlannedSlide, key: string | undefined): SourceLocation | undefined {
  if (slide.title) return slide.title.location;
  if (!key) return undefined;
  return (plan.wording.get(key) ?? plan.templates.templates.get(key))?.location;
}

/**
 * A footer text in a template's footer box: smaller until it fits (footers have no floor, 7 pt
 * at least), then without inner margins above and below (a thin footer place); a box too low
 * even then grows down from its top, and up only as far as the slide's foot makes it (so it
 * keeps a position of its own). Not around its middle: the content above is laid out to the
 * place's top, and a footer grown up by 0.02 in overlapped a legend there (a long strategy name
 * on Nature_Illustration).
 */
function fitFooter(page: Page, text: TextElement): TextElement {
  const { source: _source, ...request } = text;
  const fitted = fitBox(page, { ...request, minSize: 7 });
  if (fitted.fits) return { ...fitted.element, role: 'footer' };
  const insets = { ...request.style.insets, top: 0, bottom: 0 };
  const thin = fitBox(page, { ...request, style: { ...request.style, insets }, minSize: 7 });
  if (thin.fits) return { ...thin.element, role: 'footer' };
  const { box } = text;
  const h = Math.min(fitted.height + 0.02, page.size.h);
  const y = Math.max(0, Math.min(page.size.h - h, box.y));
  return { ...fitted.element, role: 'footer', box: { ...box, y, h } };
}

/** The text fits its box at its own size, as laid out (the built-in design's footer line). */
const fitsAsSet = (text: TextElement): boolean =>
  textHeight(text.paragraphs, text.style, text.box.w) <= text.box.h + 0.005;

function footerElements(plan: DeckPlan, page: Page, renderer: Renderer, number: number): SlideElement[] {
  const { footer, colors, sizes } = plan.theme;
  const style = textStyle(page, {
    size: Math.max(10, Math.min(12, sizes.minBody)),
    color: colors.muted,
    valign: 'middle',
  });
  const elements: SlideElement[] = [];
  // On a template its footer and slide-number places hold the texts, and its own logos replace Trappa's.
  const places = page.template;
  // A template layout without a footer or slide-number place simply shows none (as PowerPoint does).
  if (footer.text && (!places || places.footer)) {
    const text = renderer.inline(footer.text, plan.locateTheme(['footer', 'text']));
    const box = places?.footer ?? { ...page.footer, w: page.footer.w - 2.7 };
    const footerText: TextElement = {
      type: 'text',
      name: commonParts.footer.name(),
      role: 'footer',
      box,
      paragraphs: [{ runs: [{ text }] }],
      style: { ...style, align: places?.align.footer ?? 'left' },
      source: plan.locateTheme(['footer', 'text']),
    };
    // A template's footer box may be narrower than Trappa's, and a long footer text (a long strategy name)
    // may not fit on the built-in design's line: the text gets smaller to fit it (footers have no floor).
    const fitted = places?.footer || !fitsAsSet(footerText) ? fitFooter(page, footerText) : footerText;
    elements.push({ ...fitted, source: footerText.source });
  }
  const logo = plan.strategy.organisation.logo;
  if (footer.logo && logo && !places) {
    elements.push({
      type: 'pending-image',
      name: commonParts.footerLogo.name(),
      box: { x: page.footer.x + page.footer.w - 2.55, y: page.footer.y + 0.02, w: 1.5, h: page.footer.h - 0.04 },
      ref: logo,
      location: plan.locateStrategy(['organisation', 'logo', 'file']),
    });
  }
  if (footer.slideNumbers && (!places || places.number)) {
    const numberText: TextElement = {
      type: 'text',
      name: commonParts.slideNumber.name(),
      role: 'footer',
      box: places?.number ?? { x: page.footer.x + page.footer.w - 0.9, y: page.footer.y, w: 0.9, h: page.footer.h },
      paragraphs: [{ runs: [{ text: String(number) }] }],
      style: { ...style, align: places?.align.number ?? 'right' },
    };
    elements.push(places?.number ? fitFooter(page, numberText) : numberText);
  }
  return elements;
}

function buildSlides(
  plan: DeckPlan,
  page: Page,
  renderer: Renderer,
  slide: PlannedSlide,
  planned: number,
): LaidOutSlide[] {
  const { slides: laid, used } = onBodyOrFreeArea(page, (on) => {
    const used: { titleKey?: string } = {};
    // One planned slide's slides are one series: their titles keep off a template's line art together.
    return {
      slides: titlesOffStrokes(on, slideKind(slide.kind).build(slideInput(plan, slide, on, renderer, used))),
      used,
    };
  });
  const built = withSources(plan, slide, laid, titleSource(plan, slide, used.titleKey));
  const notes = slide.notes ? renderer.inline(slide.notes.source, slide.notes.location) : undefined;
  // The deck's notes come first; a kind's own notes (an explanation moved off the slide) follow.
  return built.map((s, i) => ({
    ...s,
    planned,
    ...(notes && i === 0 ? { notes: [notes, s.notes].filter(Boolean).join('\n\n') } : {}),
  }));
}

/** The page geometry every slide of the deck shares; `place` moves it onto an organisation's template. */
export function deckPage(plan: DeckPlan, place?: (page: Page) => Page): Page {
  const { labels } = plan.templates;
  const page = createPage(
    plan.theme,
    labels.language,
    labels.continued,
    typeof labels.continuedNumbered === 'string' ? labels.continuedNumbered : undefined,
  );
  return place ? place(page) : page;
}

/** Lays out one planned slide with this plan (or a stand-in for it) and renderer. */
export type SlideBuild = (plan: DeckPlan, renderer: Renderer) => LaidOutSlide[];

/**
 * Remembers laid-out slides between layouts of a deck being edited (the Studio's
 * studio/slide-memo.ts): a planned slide whose inputs did not change is not laid out again.
 */
export interface SlideMemo {
  /** Planned slide `index`'s slides: `build`'s, or what it built before from the same inputs. */
  slides(plan: DeckPlan, index: number, build: SlideBuild): LaidOutSlide[];
  /** `numbered` is `built` with the footer elements `footer` added (for a key of the finished slide). */
  numbered?(built: LaidOutSlide, numbered: LaidOutSlide, footer: readonly SlideElement[]): void;
}

/** Lays out every slide of `plan`, its text measured with the project's own faces. */
export function layoutDeck(plan: DeckPlan, place?: (page: Page) => Page, memo?: SlideMemo): Result<LaidOutDeck> {
  return withFonts(plan.fonts, () => layoutSlides(plan, place, memo));
}

function layoutSlides(plan: DeckPlan, place?: (page: Page) => Page, memo?: SlideMemo): Result<LaidOutDeck> {
  const renderer = createRenderer(plan.templates, templateContext(plan), plan.wording);
  const page = deckPage(plan, place);
  const issues: Issue[] = [];
  const slides: LaidOutSlide[] = [];
  const footed = new Set<LaidOutSlide>();
  /** One warning per planned slide whose text the layout adapted to a template's boxes. */
  const notes: string[] = [];
  for (const [index, slide] of plan.slides.entries()) {
    if (!Object.hasOwn(slideKinds, slide.kind)) {
      // The schema should have caught it; a plan built another way must still get a located error, not a crash.
      issues.push({
        ...slide.location,
        message: `unknown slide kind '${slide.kind}'; known kinds: ${Object.keys(slideKinds).join(', ')}`,
      });
      continue;
    }
    try {
      const built = memo
        ? memo.slides(plan, index, (p, r) => buildSlides(p, page, r, slide, index))
        : buildSlides(plan, page, renderer, slide, index);
      if (log.enabled && built.length > 1)
        log('%s slide %d (%s): continued on %d more slide(s)', plan.deck.id, index + 1, slide.kind, built.length - 1);
      slides.push(...built);
      const adapted = [...new Set(built.flatMap((s) => (s.adapted ? [s.adapted] : [])))];
      if (adapted.length > 0)
        notes.push(`deck ${plan.deck.id}, slide ${index + 1} (${slide.kind}): ${adapted.join('; ')}`);
      if (slide.kind !== 'title') built.forEach((s) => footed.add(s));
    } catch (error) {
      if (!(error instanceof TemplateIssue || error instanceof LayoutIssue)) throw error;
      // Which deck and slide: the same text may fit one deck's slide and not another's.
      const where = `deck ${plan.deck.id}, slide ${index + 1} (${slide.kind}): `;
      issues.push(
        error instanceof LayoutIssue ? { ...error.issue, message: where + error.issue.message } : error.issue,
      );
    }
  }
  if (issues.length > 0) return fail(issues);
  try {
    const numbered = slides.map((s, i) => {
      if (!footed.has(s)) return s;
      const footer = footerElements(plan, page, renderer, i + 1);
      const withFooter = { ...s, elements: [...s.elements, ...footer] };
      memo?.numbered?.(s, withFooter, footer);
      return withFooter;
    });
    return ok({
      properties: plan.properties,
      size: page.size,
      slides: numbered,
      ...(notes.length > 0 ? { notes } : {}),
    });
  } catch (error) {
    if (error instanceof TemplateIssue) return fail([error.issue]);
    throw error;
  }
}
