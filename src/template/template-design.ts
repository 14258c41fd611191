/**
 * What a template decides for the layout stage: the theme's colours and fonts (so text
 * is measured with the template's fonts and diagrams wear its colours), and the page
 * geometry (slide size, title and body boxes of its content layout, the title slide's
 * title and subtitle boxes, its footer and slide-number boxes).
 */
import { clipped } from '../layout/segments.js';
import { contrastRatio } from '../contrast.js';
import type { Theme } from '../data/schema.js';
import { standInNote } from '../fonts/fonts.js';
import {
  belowTitle,
  contentArea,
  footerBesideArt,
  freeUnderTitle,
  layoutContentPlan,
  titleAcrossArt,
  titleBesideArt,
  union,
} from '../layout/content-area.js';
import { coverPlaces, linesOnTitleAxis } from './cover-places.js';
import { bestTextSlot, type LayoutLook } from './legible-colors.js';
import { layoutLook } from './layout-looks.js';
import { templateEntryOf } from './load-template.js';
import { keptPlaces, type TemplatePlaces } from './template-store.js';
import { logoRows } from './logo-band.js';
import { titleOnBand } from './title-band.js';
import { roomBelow, templateSlots } from './template-slots.js';
import { legible, mix } from './legible-theme.js';
import type { Alignment } from '../layout/line-span.js';
import type { Page } from '../layout/page.js';
import type { Box } from '../layout/types.js';
import type { LayoutInfo, LayoutRole, MasterSet } from '../pptx/master-set.js';

/** theme.yaml's colour roles, taken from the template's colour scheme. */
function templateColors(set: MasterSet, own: Theme['colors'], behind?: string[]): Theme['colors'] {
  const get = (slot: string, fallback: string) => set.scheme.get(slot) ?? fallback;
  // What the content area lies on (a dark master under a light scheme, a gradient's darkest and
  // lightest point), the theme text colour that reads on all of it, and the background it reads worst on.
  const text = behind?.length ? bestTextSlot(set.scheme, behind).color : get('tx1', own.text);
  const background = behind?.length
    ? behind.reduce((a, b) => (contrastRatio(text, b) < contrastRatio(text, a) ? b : a))
    : get('bg1', own.background);
  // Theme colours first, so diagrams and tables name them (scheme references): the first
  // accent (or dark 2) that reads as titles on the background and carries light or dark text.
  const palette = ['accent1', 'tx2', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6']
    .map((slot) => set.scheme.get(slot))
    .filter((c): c is string => c !== undefined);
  const carries = (fill: string) => Math.max(contrastRatio(background, fill), contrastRatio(text, fill));
  const primary =
    palette.find((c) => contrastRatio(c, background) >= 3 && carries(c) >= 4.5) ?? get('accent1', own.primary);
  // Diagrams put body text on accent fills (the staircase's top, the model's outcome): an accent
  // that carries it, else accent 2 moved towards the background until it does (4.5:1).
  const readable = palette.filter((c) => c !== primary).find((c) => contrastRatio(text, c) >= 4.5);
  let accent = readable ?? get('accent2', own.accent);
  for (let share = 0.1; contrastRatio(text, accent) < 4.5 && share <= 1; share += 0.1)
    accent = mix(get('accent2', own.accent), background, share);
  // Panels: light 2 when it is a light of its own that carries text and headings.
  const light2 = set.scheme.get('bg2');
  const panel =
    light2 && light2 !== background && contrastRatio(text, light2) >= 4.5 && contrastRatio(primary, light2) >= 4.5
      ? light2
      : mix(background, primary, 0.15);
  return {
    primary,
    secondary: panel,
    accent,
    background,
    text,
    muted: mix(text, background, 0.25),
    onPrimary: contrastRatio(background, primary) >= contrastRatio(text, primary) ? background : text,
    highlight: mix(background, accent, 0.3),
  };
}

/**
 * The theme with the template's colours and fonts, and one line for each font measured with
 * a stand-in (a font is never a reason to refuse a build: see fonts/fonts.ts).
 */
export function templateTheme(
  set: MasterSet,
  theme: Theme,
  background?: string[],
): { theme: Theme; notes: string[]; tints: Map<string, string> } {
  const fonts = {
    ...theme.fonts,
    heading: set.fonts.major || theme.fonts.heading,
    body: set.fonts.minor || theme.fonts.body,
  };
  const notes: string[] = [];
  for (const face of new Set([fonts.heading, fonts.body])) {
    const note = standInNote(face);
    if (note) notes.push(`${set.origin}: ${note}`);
  }
  const { colors, tints } = legible(theme, templateColors(set, theme.colors, background), set.scheme);
  return { theme: { ...theme, colors, fonts }, notes, tints };
}

const boxOf = (layout: LayoutInfo, ...types: string[]): Box | undefined =>
  types.map((t) => layout.placeholders.find((p) => p.type === t && p.box)?.box).find((b) => b !== undefined);

/**
 * The content layout's title place; for a template that keeps a title place only on its cover
 * (none on any content layout), its master's title place, where PowerPoint puts a title the user
 * adds. Not the built-in page's 12.3-in title box: on a 10-in template every title ran past the
 * slide's right edge (4 decks refused).
 */
const contentTitle = (content: LayoutInfo): Box | undefined =>
  boxOf(content, 'title') ?? content.masterPlaces?.find((p) => p.type === 'title' && p.box)?.box;

/** The built-in page's title box scaled to the template's slide: for a master with no title place either. */
function scaledTitle(page: Page, size: { w: number; h: number }): Box {
  const [sx, sy] = [size.w / page.size.w, size.h / page.size.h];
  const { x, y, w, h } = page.title;
  return { x: x * sx, y: y * sy, w: w * sx, h: h * sy };
}

const ALIGNMENTS: Record<string, Alignment> = { ctr: 'center', r: 'right' };

/**
 * How the template shows the text of the layout's first place of `types` (PlaceAlign `shown`):
 * Trappa sets the texts it puts there so, where its own design would set them otherwise (most
 * templates centre their titles; many centre their footers or slide numbers). Left for left,
 * justified, and a place the layout lacks.
 */
function alignOf(layout: LayoutInfo, ...types: string[]): Alignment {
  const place = types.map((t) => layout.placeholders.find((p) => p.type === t)).find((p) => p !== undefined);
  return ALIGNMENTS[place?.align?.shown ?? ''] ?? 'left';
}

/**
 * The content layout's content area (contentArea), when it has body placeholders; `wide` as
 * contentArea's (1: the largest part off the art, full-width or not).
 */
export function templateContentArea(
  set: MasterSet,
  content: LayoutInfo,
  look = layoutLook(set, content),
  wide?: number,
): Box | undefined {
  const body = union(content.placeholders.filter((p) => p.type === 'obj' || p.type === 'body').map((p) => p.box));
  const footers = ['ftr', 'sldNum', 'dt'].map((t) => boxOf(content, t)).filter((b): b is Box => b !== undefined);
  const title = contentTitle(content);
  const places = body && { body, footers, ...(title ? { title } : {}) };
  return places && layoutContentPlan(places, set.size, look.art, look.inPicture, wide).area;
}

/**
 * The content area of a content layout without a body place (a template whose layouts lost theirs,
 * or has only vertical ones, so its title-only layout takes the texts): its master's body place,
 * else the slide under its title down to the footer places (above it, for a title in the slide's
 * lower half), inside the edge rule's 0.3 in — as
 * PowerPoint puts a text box the user adds. Not the built-in page's body (13.33 × 7.5-in slide):
 * on a 10-in template, texts ran 3.3 in past the right edge (4 decks refused).
 */
function areaWithoutBody(set: MasterSet, content: LayoutInfo, look: LayoutLook): Box {
  const edge = 0.3;
  const title = contentTitle(content);
  const footers = ['ftr', 'sldNum', 'dt'].map((t) => boxOf(content, t)).filter((b): b is Box => b !== undefined);
  // A title in the slide's lower half (set under the body, as pptxgenjs-4x3's) ends the room above
  // it: the room under it was 0.05 in or less, and every deck was refused ("needs 0.7 in of 0.0 in").
  const low = title !== undefined && title.y + title.h / 2 > set.size.h / 2;
  const top = title && !low ? title.y + title.h + 0.05 : edge;
  const foot = low ? title.y - 0.05 : set.size.h - edge;
  const free = { x: edge, y: top, w: set.size.w - 2 * edge, h: foot - top };
  const master = union(
    (content.masterPlaces ?? []).filter((p) => p.type === 'obj' || p.type === 'body').map((p) => p.box),
  );
  const places = { body: master ?? free, footers, ...(title ? { title } : {}) };
  return layoutContentPlan(places, set.size, look.art, look.inPicture).area;
}

/**
 * The tall part of an L-shaped body beside the template's art (Forestbird's trees stand at the
 * right foot of its body place): where the content area is the full-width part above the art,
 * the part beside it when that is at least TALLER higher. Undefined otherwise.
 */
function besideArt(set: MasterSet, content: LayoutInfo, look: LayoutLook, area: Box): Box | undefined {
  const beside = templateContentArea(set, content, look, 1);
  return beside && beside.w < area.w && beside.h >= TALLER * area.h ? beside : undefined;
}

/** How much higher than the full-width part the part beside the art must be to be offered. */
const TALLER = 1.2;

/** The share of a place's width left beside the art for it to count there: as much as contentArea's cuts keep (60 %). */
const BESIDE_SHARE = 0.6;

/**
 * How far (inches) the cover's title block may rise above its place to leave the logos a row
 * under the texts (slides/cover-plan.ts): half the free height above the title, off the art and
 * the slide's top edge (0.3 in), so the block keeps the template's weight low on the page.
 */
function liftRoom(title: Box, art: Box[]): number {
  const above = art.filter((a) => a.x < title.x + title.w && a.x + a.w > title.x && a.y + a.h <= title.y + 0.05);
  const limit = Math.max(0.3, ...above.map((a) => a.y + a.h + 0.1));
  return Math.max(0, (title.y - limit) / 2);
}

/** Trappa's footer band moved to the bottom of a template's slide (which has no footer places). */
function bottomBand(footer: Box, size: { w: number; h: number }): Box {
  const x = Math.min(footer.x, size.w * 0.05);
  return { x, y: size.h - footer.h - 0.18, w: size.w - 2 * x, h: footer.h };
}

/**
 * The template's places by the content layout's look (one per set and decoded pictures, layout-looks.ts),
 * then by the layouts and the page's own title, body and footer boxes, the only parts of the page they
 * depend on: every deck of a build asked again for the same places (Forestbird: ~6 ms of CPU a deck,
 * its art, cover places and title bands looked up anew). Shared, as the looks' boxes in them already were:
 * a page is never changed, only spread into new ones.
 */
const placesOf = new WeakMap<LayoutLook, Map<string, TemplatePlaces>>();

/** The page with the template's places; where a placeholder has no box, Trappa's stays. */
export function templatePage(page: Page, set: MasterSet, layouts: Record<LayoutRole, LayoutInfo>): Page {
  const look = layoutLook(set, layouts.content);
  let known = placesOf.get(look);
  if (!known) placesOf.set(look, (known = new Map()));
  const roles = Object.keys(layouts).sort() as LayoutRole[];
  const key = JSON.stringify([roles.map((r) => [r, layouts[r].part]), page.title, page.body, page.footer]);
  let places = known.get(key);
  if (!places) known.set(key, (places = keptOrWorkedOut(page, set, layouts, look, key)));
  return { ...page, ...places };
}

/** The places an earlier build worked out for these inputs (template-store.ts keptPlaces), else worked out and kept. */
function keptOrWorkedOut(
  page: Page,
  set: MasterSet,
  layouts: Record<LayoutRole, LayoutInfo>,
  look: LayoutLook,
  inputs: string,
): TemplatePlaces {
  const entry = templateEntryOf(set);
  const kept = entry && keptPlaces(entry.dir, entry.key, inputs, set.pictures);
  const earlier = kept?.get();
  if (earlier) return earlier;
  const places = templatePlaces(page, set, layouts, look);
  kept?.keep(places);
  return places;
}

function templatePlaces(
  page: Page,
  set: MasterSet,
  layouts: Record<LayoutRole, LayoutInfo>,
  look: LayoutLook,
): TemplatePlaces {
  const content = layouts.content;
  const cover = layouts.title;
  const footer = boxOf(content, 'ftr');
  const number = boxOf(content, 'sldNum');
  const coverFooters = ['ftr', 'sldNum', 'dt'].map((t) => boxOf(cover, t)).filter((b): b is Box => b !== undefined);
  const body = templateContentArea(set, content, look) ?? areaWithoutBody(set, content, look);
  const footers = ['ftr', 'sldNum', 'dt'].map((t) => boxOf(content, t)).filter((b): b is Box => b !== undefined);
  const title = contentTitle(content);
  // A title placed under the body (pptxgenjs-4x3) ends the room below it, as a footer place does.
  const room = roomBelow(body, set.size, title ? [...footers, title] : footers, look.art);
  const free = freeUnderTitle({ footers, ...(title ? { title } : {}) }, body, set.size, look.art, look.inPicture)?.area;
  const beside = free ? undefined : besideArt(set, content, look, body);
  // The template's places for two texts in the part beside the art: the one the art cuts into narrower, as tall.
  const besideSlots = beside && templateSlots(layouts.two, layouts.comparison, beside, BESIDE_SHARE);
  const band = titleOnBand(set, content, title);
  const coverBand = titleOnBand(set, cover, boxOf(cover, 'ctrTitle', 'title'));
  const coverLook = layoutLook(set, cover);
  const offArt = (area: Box) => contentArea(area, set.size, coverFooters, coverLook.art, coverLook.inPicture);
  const coverTitle = boxOf(cover, 'ctrTitle', 'title') ?? page.title;
  const own = {
    title: coverTitle,
    subtitle: offArt(belowTitle(boxOf(cover, 'subTitle', 'body', 'obj') ?? page.body, coverTitle)),
  };
  // A title set on a band the master draws for it stays there (Piano's grey bar, Inspiration's green one).
  const places = coverBand ? own : coverPlaces(cover, own, boxOf(content, 'title'), set.size, offArt);
  const coverTitleBox = titleBesideArt(coverBand ?? places.title, coverLook.art);
  const coverArt = () => ({
    boxes: [...coverLook.art, ...coverLook.inPicture, ...coverFooters],
    strokes: coverLook.strokes(),
  });
  const lines = linesOnTitleAxis(
    { box: coverTitleBox, align: alignOf(cover, 'ctrTitle', 'title') },
    { box: places.subtitle, align: alignOf(cover, 'subTitle', 'body', 'obj') },
    coverArt,
    set.size,
  );
  const titleBox = titleBesideArt(band ?? title ?? scaledTitle(page, set.size), look.art);
  // Line art in the title's place: only where the title is not set on a band of its own (it is centred there).
  const titleStrokes = band ? [] : look.strokes().filter((s) => clipped(s, titleBox));
  // The footer texts keep off the art and line art at their places' ends (Yellow_Idea's white triangle).
  const artAndLines = [...look.art, ...look.strokes().map((s) => s.box)];
  const footerPlace = footer && footerBesideArt(footer, artAndLines);
  const numberPlace = number && footerBesideArt(number, artAndLines);
  // A long title's wider place, off the art beside a narrow title place (Sunset's rules).
  const titleAcross = band ? undefined : titleAcrossArt(titleBox, body, [...artAndLines, ...look.rules()]);
  return {
    size: set.size,
    title: titleBox,
    // A content layout that is a two-content one (the template has no other) spans both bodies.
    body,
    footer: union([footer, number]) ?? bottomBand(page.footer, set.size),
    template: {
      cover: {
        title: coverTitleBox,
        ...(coverBand ? { onBand: true } : {}),
        subtitle: lines.box,
        align: { title: alignOf(cover, 'ctrTitle', 'title'), subtitle: lines.align },
        logos: logoRows(set, cover, coverTitleBox),
        ...(coverBand ? {} : { lift: liftRoom(coverTitleBox, coverLook.art) }),
      },
      art: look.art,
      ...(titleStrokes.length > 0 ? { titleStrokes: titleStrokes.map(({ from, to }) => ({ from, to })) } : {}),
      ...(free ? { free } : {}),
      ...(beside ? { beside, besideSlots: besideSlots ?? {} } : {}),
      ...(band ? { titleOnBand: true } : {}),
      ...(titleAcross ? { titleAcross } : {}),
      align: { title: alignOf(content, 'title'), footer: alignOf(content, 'ftr'), number: alignOf(content, 'sldNum') },
      ...(footerPlace ? { footer: footerPlace } : {}),
      ...(numberPlace ? { number: numberPlace } : {}),
      slots: { ...templateSlots(layouts.two, layouts.comparison, body), ...(room ? { room } : {}) },
    },
  };
}
