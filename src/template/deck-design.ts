/**
 * The design a deck is built on: the built-in master set (from theme.yaml and the page
 * geometry) or a template's, with the layout chosen for each kind of slide; and the
 * per-slide structure the finishing stage applies (pptx/slide-structure.ts).
 */
import { rasterCacheDir } from '../images/decode-raster.js';
import { commonParts } from '../kinds/common-parts.js';
import type { Theme } from '../data/schema.js';
import type { Page } from '../layout/page.js';
import type { LaidOutDeck } from '../layout/types.js';
import { builtInMasterParts } from '../pptx/built-in-master.js';
import type { BuiltInDesign } from '../pptx/built-in-layouts.js';
import type { LayoutInfo, LayoutRole, MasterSet, PlaceholderRef } from '../pptx/master-set.js';
import { layoutLook } from './layout-looks.js';
import type { LayoutLook } from './legible-colors.js';
import { inheritTitleColors } from '../pptx/layout-title-color.js';
import { panelsAlike } from '../pptx/panels-alike.js';
import { sharedTitlePanel } from '../pptx/titles-alike.js';
import { planSlide, schemeColors, type DeckStructure, type TextPlace } from '../pptx/slide-structure.js';
import { fail, ok, type Result } from '../errors.js';
import { resolveFontFace } from '../fonts/fonts.js';
import type { DeckPlan } from '../plan/resolve-deck.js';
import { chooseLayouts, LAYOUT_ROLES } from './choose-layouts.js';
import {
  builtInStoreKey,
  keptChoice,
  keptGround,
  storedDesign,
  storeDesign,
  type StoredDesign,
} from './template-store.js';
import { loadTemplate, templateEntryOf } from './load-template.js';
import { readMasterSet } from './read-master-set.js';
import { templatePictures } from './template-pictures.js';
import { templateContentArea, templatePage, templateTheme } from './template-design.js';
import { BoundedCache } from '../bounded-cache.js';

export interface DeckDesign {
  set: MasterSet;
  layouts: Record<LayoutRole, LayoutInfo>;
  /** Built on an organisation's template (its placeholders' styles and background rule). */
  template: boolean;
  theme: Theme;
}

/** Where the title slide's title and subtitle sit in the built-in design (see slides/title.ts). */
function coverBoxes(page: Page) {
  const left = 0.9;
  const w = page.size.w - 2 * left;
  return { coverTitle: { x: left, y: 1.2, w, h: 2.4 }, coverSubtitle: { x: left, y: 3.95, w, h: 2.0 } };
}

/** Footer, date and slide-number boxes of the built-in design (as layout-deck.ts places them). */
function footerBoxes(page: Page) {
  const f = page.footer;
  return {
    footer: { ...f, w: f.w - 2.7 },
    date: { x: f.x + f.w - 2.55, y: f.y, w: 1.5, h: f.h },
    number: { x: f.x + f.w - 0.9, y: f.y, w: 0.9, h: f.h },
  };
}

/** The deck's footer text as laid out (the master and layouts show it too). */
export function footerText(deck: LaidOutDeck): string {
  for (const slide of deck.slides) {
    for (const e of slide.elements) {
      if (e.type === 'text' && commonParts.footer.match(e.name) !== undefined)
        return e.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join(' ');
    }
  }
  return '';
}

function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/**
 * Built-in master sets by what they are made from: the decks of a build (and every rebuild in
 * watch mode) share theme, page and footer, and writing, parsing and reading the set again was
 * ~5 % of a watch rebuild. A set is not changed after it is read (a template's is shared the same way).
 */
/** The theme slots a title's inherited colour may be named by, in schemeColors' order. */
const TITLE_SLOTS = ['tx1', 'bg1', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'tx2', 'bg2'];

const builtInSets = new BoundedCache<string, Omit<DeckDesign, 'theme'>>(8);

/**
 * Trappa's own design for a deck: made once per process for what it is made of, and kept in the
 * project's `storeDir` (template-store.ts) for the next build when one is given.
 */
export function builtInDesign(
  theme: Theme,
  page: Page,
  deck: { footerText: string; date: string },
  storeDir?: string,
): DeckDesign {
  const design: BuiltInDesign = {
    size: page.size,
    colors: theme.colors,
    fonts: theme.fonts,
    sizes: { title: theme.sizes.title, subtitle: theme.sizes.subtitle, body: theme.sizes.body, footer: 12 },
    boxes: { title: page.title, body: page.body, ...footerBoxes(page), ...coverBoxes(page) },
    footerText: deck.footerText,
    dateText: formatDate(deck.date),
    language: page.language,
  };
  const key = JSON.stringify(design);
  let made = builtInSets.get(key);
  if (!made) {
    made = { ...storedOrMade(design, key, storeDir), template: false };
    builtInSets.set(key, made);
  }
  return { ...made, theme };
}

/** The built-in set for `design` (`key` is its JSON) from the store when it holds it, else made and kept there. */
function storedOrMade(design: BuiltInDesign, key: string, storeDir: string | undefined): StoredDesign {
  const storeKey = storeDir === undefined ? undefined : builtInStoreKey(key);
  const stored = storeKey === undefined ? undefined : storedDesign(storeDir!, storeKey, LAYOUT_ROLES);
  if (stored) return stored;
  const set = readMasterSet(builtInMasterParts(design), ['ppt/slideMasters/slideMaster1.xml'], design.size, 'built-in');
  const chosen = chooseLayouts(set, {}, { file: 'built-in' });
  if (!chosen.ok) throw new Error(`built-in master: ${chosen.issues.map((i) => i.message).join('; ')}`);
  const made = { set, layouts: chosen.value.layouts };
  if (storeKey !== undefined) storeDesign(storeDir!, storeKey, made);
  return made;
}

export function deckStructure(design: DeckDesign, deck: LaidOutDeck): DeckStructure {
  const { colors } = design.theme;
  const layoutBackground = (role: LayoutRole) => (role === 'title' ? colors.primary : colors.background);
  const looks = new Map<string, LayoutLook>();
  const lookOf = (layout: LayoutInfo) => {
    let look = looks.get(layout.part);
    if (!look) looks.set(layout.part, (look = layoutLook(design.set, layout)));
    return look;
  };
  const textSlot = (layout: LayoutInfo, ph: PlaceholderRef, at?: TextPlace) => lookOf(layout).textSlot(ph, at);
  const options = { template: design.template, ...(design.template ? { textSlot } : { layoutBackground }) };
  const slots = schemeColors(design.set);
  const first = deck.slides.map((slide) => planSlide(slide, design.layouts, design.set, options));
  if (!design.template) return { set: design.set, slides: first, schemeColors: slots };
  // Content titles alike: where some need a panel, the others are planned again on one (titles-alike.ts).
  const titlePanel = sharedTitlePanel(first, design.layouts.title);
  const planned = titlePanel
    ? deck.slides.map((slide, i) =>
        first[i]!.layout === design.layouts.title
          ? first[i]!
          : planSlide(slide, design.layouts, design.set, { ...options, titlePanel }),
      )
    : first;
  // The scheme slot of the colour the template gives the layout's title, where it is a theme colour.
  // A slot's name, not the `a:schemeClr` the map gives for it (a title named that wrote `val="<a:schemeClr …/>"`).
  const original = (layout: LayoutInfo) => {
    const ph = layout.placeholders.find((p) => p.type === 'title' || p.type === 'ctrTitle');
    const hex = ph && lookOf(layout).inheritedColor(ph).toUpperCase();
    return hex ? TITLE_SLOTS.find((slot) => design.set.scheme.get(slot)?.toUpperCase() === hex) : undefined;
  };
  // Body cards at one place one width across the deck (panels-alike.ts).
  const carded = panelsAlike(planned, deck.slides, design.set.size);
  const { slides, layoutColors } = inheritTitleColors(carded, original);
  return { set: design.set, slides, schemeColors: slots, layoutTitleColors: layoutColors, coverOnLayout: true };
}

export interface PreparedDesign {
  /** The plan, with the template's colours and fonts in its theme when there is a template. */
  plan: DeckPlan;
  /** Moves the page onto the template's places. */
  place?: (page: Page) => Page;
  /** Warnings for the user, one line each (fonts measured with a stand-in). */
  notes: string[];
  /** The template's design; absent for the built-in one, which is made from the laid-out deck. */
  design?: DeckDesign;
}

/** theme.yaml's own fonts, when one is measured with a stand-in. */
function themeFontNotes(theme: Theme): string[] {
  const notes = [...new Set([theme.fonts.heading, theme.fonts.body])].map((face) => resolveFontFace(face).warning);
  return notes.filter((n): n is string => n !== undefined).map((n) => `data/theme.yaml: ${n}`);
}

/**
 * The colours most of the content layout's content area lies on, which text colours are chosen for;
 * from the template store when an earlier build worked them out (template-store.ts keptGround): a
 * build whose decks are all reused needs nothing else of the layout's look.
 */
function contentGround(set: MasterSet, content: LayoutInfo): string[] | undefined {
  const entry = templateEntryOf(set);
  const kept = entry && keptGround(entry.dir, entry.key, content.part, set.pictures);
  const earlier = kept?.get();
  if (earlier) return earlier.behind ?? undefined;
  const look = layoutLook(set, content);
  const area = templateContentArea(set, content, look);
  const behind = area ? look.backgroundIn(area) : look.background ? [look.background] : undefined;
  kept?.keep({ behind: behind ?? null });
  return behind;
}

/** Loads theme.yaml's `template`, if any, and checks that it has what the slides need. */
export async function prepareDesign(root: string, plan: DeckPlan): Promise<Result<PreparedDesign>> {
  const file = plan.theme.template;
  if (!file) return ok({ plan, notes: themeFontNotes(plan.theme) });
  const where = plan.locateTheme(['template']);
  const loaded = await loadTemplate(root, file, where);
  if (!loaded.ok) return fail(loaded.issues);
  const set = loaded.value;
  const names = plan.theme.layouts ?? {};
  const numbers = plan.theme.footer.slideNumbers;
  const entry = templateEntryOf(set);
  const kept = entry && keptChoice(entry.dir, entry.key, names, numbers, LAYOUT_ROLES);
  const at = plan.theme.layouts ? plan.locateTheme(['layouts']) : where;
  const chosen = chooseLayouts(set, names, at, { numbers }, kept);
  if (!chosen.ok) return fail(chosen.issues);
  set.pictures = await templatePictures(set, Object.values(chosen.value.layouts), rasterCacheDir(root));
  const { theme, notes, tints } = templateTheme(set, plan.theme, contentGround(set, chosen.value.layouts.content));
  set.tints = tints;
  const { layouts } = chosen.value;
  return ok({
    notes,
    plan: { ...plan, theme },
    place: (page) => templatePage(page, set, layouts),
    design: { set, layouts, template: true, theme },
  });
}
