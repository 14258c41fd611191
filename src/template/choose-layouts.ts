/**
 * Which layout of a master set each kind of slide uses, chosen by what the layout holds
 * (a title; one, two or four bodies; a subtitle), with names as hints: theme.yaml's
 * `layouts` first, then PowerPoint's standard names (English, Norwegian) and LibreOffice's,
 * then the layout's type. A role without a layout of its own falls back the way PowerPoint
 * users do: title-only → title and content with the body left out, comparison → two
 * content → title and content. Footer and slide-number placeholders are optional: a layout
 * without them simply shows none; but where the deck wants slide numbers, a content slide
 * prefers a layout that has a number place (LibreOffice's templates often carry a first
 * master without footer places and a second, never used otherwise, with them) — a layout of
 * the same ground as the one it replaces (what covers the slide: Candy's numbered white masters
 * and Midnightblue's dark one are another design than the first master's). Where the template
 * carries slides of its own, they say which masters its designer meant for content (`Shown`): the
 * content slides prefer the masters its later slides put text on, where those give the text more
 * room. Only a template with no layout holding a title, or a name in theme.yaml that names no
 * usable layout, is an issue.
 */
import type { Issue, SourceLocation } from '../errors.js';
import type { LayoutInfo, LayoutRole, MasterSet } from '../pptx/master-set.js';
import { english, said } from '../messages/catalogue.js';
import { layoutLook } from './layout-looks.js';
import { targets } from './read-master-set.js';

export const LAYOUT_ROLES: readonly LayoutRole[] = ['title', 'content', 'two', 'comparison', 'titleOnly', 'section'];

/** Standard names: PowerPoint English, PowerPoint Norwegian (bokmål, nynorsk), LibreOffice Impress. */
const DEFAULT_LAYOUT_NAMES: Record<LayoutRole, string[]> = {
  title: ['Title Slide', 'Tittellysbilde', 'Tittellysbilete'],
  content: ['Title and Content', 'Tittel og innhold', 'Title, Content'],
  two: ['Two Content', 'To innholdsdeler', 'Title, 2 Content', 'Title and 2 Content'],
  comparison: ['Comparison', 'Sammenligning', 'Samanlikning'],
  titleOnly: ['Title Only', 'Bare tittel', 'Berre tittel'],
  section: ['Section Header', 'Inndelingsoverskrift', 'Deloverskrift'],
};

const LAYOUT_TYPES: Record<LayoutRole, string[]> = {
  title: ['title'],
  content: ['obj', 'tx'],
  two: ['twoObj', 'twoTxTwoObj'],
  comparison: ['twoTxTwoObj'],
  titleOnly: ['titleOnly'],
  section: ['secHead'],
};

const BODY = ['obj', 'body'];
const TITLE = ['title', 'ctrTitle'];

/** Bodies a role's slide fills at most, and at least, in a layout it may use. */
const BODIES: Record<LayoutRole, { min: number; best: number }> = {
  title: { min: 0, best: 1 },
  content: { min: 1, best: 1 },
  two: { min: 2, best: 2 },
  comparison: { min: 4, best: 4 },
  titleOnly: { min: 0, best: 0 },
  section: { min: 0, best: 0 },
};

const bodyPlaces = (l: LayoutInfo, role: LayoutRole) =>
  l.placeholders.filter((p) => BODY.includes(p.type) || (role === 'title' && p.type === 'subTitle'));
const bodies = (l: LayoutInfo, role: LayoutRole) => bodyPlaces(l, role).length;
const hasTitle = (l: LayoutInfo) => l.placeholders.some((p) => TITLE.includes(p.type));
const masterHasTitle = (l: LayoutInfo) => (l.masterPlaces ?? []).some((p) => p.type === 'title' && p.box);
/** The roles that may take a layout without a title place, its master's title place standing in (chooseAnew). */
const BORROWING: readonly LayoutRole[] = ['content', 'two', 'comparison', 'titleOnly'];
// A layout for vertical text (Title and Vertical Text) is for no slide of Trappa's: text set in its
// place runs top to bottom. A template whose only body left was vertical had every text slide put
// there; counted as a title-only layout, its empty vertical place took the diagrams.
const vertical = (l: LayoutInfo) => l.placeholders.some((p) => p.vertical);
const hasNumber = (l: LayoutInfo) => l.placeholders.some((p) => p.type === 'sldNum');

/** What the deck wants of a layout besides what its slides hold. */
export interface LayoutWishes {
  /** theme.yaml's footer.slideNumbers: content slides then prefer a layout with a number place. */
  numbers: boolean;
}

/** Whether a layout counts as numbered for a role: it has a number place, and the wish is for one. */
type Numbered = (l: LayoutInfo) => boolean;

/**
 * What the template's own slides say of its masters. Its first slide is its cover; the masters its
 * later slides put text on (a layout with a body) are its content masters, and their layouts its
 * content layouts: the content slides prefer those — where that gives their text more room
 * (`heeded`). LibreOffice's templates carry a sample slide per master page: Vintage's first, on a
 * master whose title stands mid-slide over a 9.7 × 2.2-in body, then three on masters with the
 * title at the top over 9.7 × 4.8 in. Where the content masters' places are the first master's and
 * only their art differs, the art decided for the worse as often as not (Focus's coloured wedges
 * left a narrow column, 15 slides for 11; Candy's purple footer band failed contrast; Lights'
 * bright centre needed a panel under every text), so their places must say so. The cover keeps
 * its layout: on the first slide's master where that is not the first (Midnightblue, Growing
 * Liberty) the cover's texts ran onto the art (`trappa check`: art). A template of one master, or
 * without slides, says nothing here.
 */
interface Shown {
  masters: Set<string>;
  layouts: Set<string>;
  /** Each layout's master, by layout part. */
  masterOf: Map<string, string>;
}

function shownBy(set: MasterSet): Shown {
  const masterOf = new Map(set.layouts.map((l) => [l.part, targets(set.parts, l.part, '/slideMaster')[0] ?? '']));
  const later = (set.shown ?? []).slice(1).flatMap((part) => set.layouts.find((l) => l.part === part) ?? []);
  const content = later.filter((l) => l.placeholders.some((p) => BODY.includes(p.type)));
  return {
    masters: new Set(content.map((l) => masterOf.get(l.part)!)),
    layouts: new Set(content.map((l) => l.part)),
    masterOf,
  };
}

/** How much larger the body place of a content master's layout must be to be preferred to the one chosen without it. */
const ROOMIER = 1.25;

/** What the slides say, heeded where the content layout on their masters has a clearly larger body place than `silent`'s. */
function heeded(set: MasterSet, shown: Shown, silent: Shown): Shown {
  if (shown.masters.size === 0) return silent;
  const none = () => false;
  const was = best(set, 'content', none, silent);
  const now = best(set, 'content', none, shown);
  return was && now && area(now) >= ROOMIER * area(was) ? shown : silent;
}

/** How far a layout is from what the template's slides show for a content role: 0 (shown) to 160. */
function unshown(l: LayoutInfo, role: LayoutRole, shown: Shown): number {
  const master = shown.masterOf.get(l.part);
  if (role === 'title' || role === 'section' || shown.masters.size === 0) return 0;
  return (master && shown.masters.has(master) ? 0 : 150) + (shown.layouts.has(l.part) ? 0 : 10);
}

const named = (l: LayoutInfo, role: LayoutRole) =>
  DEFAULT_LAYOUT_NAMES[role].some((name) => name.toLowerCase() === l.name.trim().toLowerCase());
const typed = (l: LayoutInfo, role: LayoutRole) => LAYOUT_TYPES[role].includes(l.type);

/**
 * How a layout that neither its name nor its type marks for a content role ranks among such
 * layouts (PowerPoint writes no type for a layout its user made, so a template of custom layouts
 * named "Forside", "Innhold", "Kapittel" has only these): 0 for another layout; else 300 when its
 * name or type says it is for another role (a section header, whose body is a subtitle line), plus
 * up to 60 by how little room its bodies give — the `best`-th largest body's share of the slide —
 * which outweighs a body more or less than the role fills (20 each): a picture layout's caption is
 * a body of the right count but no place for a list.
 * Before, master order decided: a custom "Section Header" before "Text page" took every list, and
 * its title in mid-slide ran into them (`trappa check`: overlap, 4 decks refused). The cover keeps
 * its own choice (cover-plan.ts).
 */
function unmarked(l: LayoutInfo, role: LayoutRole, slide: { w: number; h: number }): number {
  if (role === 'title' || named(l, role) || typed(l, role)) return 0;
  const other = LAYOUT_ROLES.some((r) => named(l, r) || typed(l, r)) ? 300 : 0;
  const areas = bodyPlaces(l, role)
    .map((p) => (p.box ? p.box.w * p.box.h : 0))
    .sort((a, b) => b - a);
  const room = areas[Math.min(BODIES[role].best, areas.length) - 1] ?? 0;
  return other + 60 * (1 - Math.min(1, room / (slide.w * slide.h)));
}

/**
 * Lower is better: name hint, then type, then a centred title (cover) or not, then the master the
 * template's slides show for the role, then a number place where one is wished, then how closely
 * the bodies match, then (for a layout neither named nor typed for the role) its room, then a layout
 * the slides use, then master order. A title slide shows no number,
 * so it keeps its layout (often the first master's, with the cover art). A section slide, a
 * divider, is left as it was (chooseAnew): no sample slide says where one goes.
 */
function score(
  l: LayoutInfo,
  role: LayoutRole,
  index: number,
  numbered: Numbered,
  shown: Shown,
  slide: { w: number; h: number },
  borrow = false,
): number | undefined {
  if (!(hasTitle(l) || (borrow && masterHasTitle(l))) || vertical(l)) return undefined;
  const n = bodies(l, role);
  const need = BODIES[role];
  if (n < need.min) return undefined;
  const centred = l.placeholders.some((p) => p.type === 'ctrTitle');
  // A cover is a layout with a centred title; a content slide rather not.
  const kind = role === 'title' ? (centred ? 0 : 1) : centred ? 1 : 0;
  const unnumbered = role !== 'title' && !numbered(l) ? 1 : 0;
  return (
    (named(l, role) ? 0 : 1000) +
    (typed(l, role) ? 0 : 500) +
    kind * 200 +
    unshown(l, role, shown) +
    unnumbered * 100 +
    Math.abs(n - need.best) * 20 +
    unmarked(l, role, slide) +
    index / 1000
  );
}

/** Every layout taken as numbered: a score no lower than the layout's own. */
const allNumbered: Numbered = () => true;

/** `borrow`: a layout without a title place may be taken where its master has one. */
function best(
  set: MasterSet,
  role: LayoutRole,
  numbered: Numbered,
  shown: Shown,
  borrow = false,
): LayoutInfo | undefined {
  let found: { layout: LayoutInfo; score: number } | undefined;
  set.layouts.forEach((layout, i) => {
    // A layout that cannot win even if numbered is not asked whether it is: that reads its art and its
    // master's (Yellow Idea's 108 layouts were read for a choice most of them could not win).
    if (found && (score(layout, role, i, allNumbered, shown, set.size, borrow) ?? Infinity) >= found.score) return;
    const s = score(layout, role, i, numbered, shown, set.size, borrow);
    if (s !== undefined && (!found || s < found.score)) found = { layout, score: s };
  });
  return found?.layout;
}

/**
 * Numbered layouts worth preferring: those with a number place on the same kind of ground as
 * the content layout chosen without the wish (none when numbers are not wished, or already there).
 */
function numberedLike(set: MasterSet, wishes: LayoutWishes, shown: Shown): Numbered {
  const none = () => false;
  if (!wishes.numbers) return none;
  const plain = best(set, 'content', none, shown);
  if (!plain) return none;
  // What covers the slide (background, or full-slide art: Midnightblue's masters differ only there).
  // Asked last: it reads the layout's and its master's art (Yellow Idea has 108 layouts).
  const ground = (l: LayoutInfo) => layoutLook(set, l).backdrop;
  return (l) => hasNumber(l) && samePlaces(l, plain) && ground(l) === ground(plain);
}

const boxesOf = (l: LayoutInfo, types: string[]) =>
  l.placeholders.flatMap((p) => (types.includes(p.type) && p.box ? [p.box] : []));
const area = (l: LayoutInfo) => boxesOf(l, BODY).reduce((sum, b) => sum + b.w * b.h, 0);

/**
 * A numbered layout with places like the plain one's: its title where the plain layout's is and
 * bodies of at least 60 % of its body area (Midnightblue's numbered masters keep a mid-slide title
 * over a 6.9 × 1.8-in body, its first master's content layout a title band over 10.2 × 4.1 in).
 */
function samePlaces(l: LayoutInfo, plain: LayoutInfo): boolean {
  const [title] = boxesOf(l, TITLE);
  const [own] = boxesOf(plain, TITLE);
  const meet =
    !title ||
    !own ||
    (Math.min(title.y + title.h, own.y + own.h) > Math.max(title.y, own.y) &&
      Math.min(title.x + title.w, own.x + own.w) > Math.max(title.x, own.x));
  return meet && (boxesOf(l, BODY).length === 0 || area(l) >= 0.6 * area(plain));
}

/** Where a role goes when no layout fits it: the roles tried next, in order. */
const FALLBACK: Record<LayoutRole, LayoutRole[]> = {
  title: ['section', 'content', 'titleOnly'],
  content: ['two', 'titleOnly'],
  two: ['content'],
  comparison: ['two', 'content'],
  titleOnly: ['content', 'section'],
  section: ['titleOnly', 'title', 'content'],
};

function describe(layout: LayoutInfo): string {
  const placeholders = layout.placeholders.map((p) => p.type + (p.idx ? `#${p.idx}` : '')).join(', ');
  return `'${layout.name}' (${placeholders || english(said('tpl.noPlaceholders'))})`;
}

export interface ChosenLayouts {
  layouts: Record<LayoutRole, LayoutInfo>;
}

/**
 * A choice kept between builds (template-store.ts): the layout part chosen for each role, for this
 * set, these names and these wishes. Choosing reads the art of many layouts and their masters
 * (Candy: ~80 ms of a build's CPU) for an answer that depends on nothing else.
 */
export interface KeptChoice {
  get(): Partial<Record<LayoutRole, string>> | undefined;
  keep(parts: Record<LayoutRole, string>): void;
}

/** The set's own layouts by part for every role, or undefined when a part is not one of its layouts. */
function keptLayouts(set: MasterSet, parts: Partial<Record<LayoutRole, string>>): ChosenLayouts | undefined {
  const layouts = {} as Record<LayoutRole, LayoutInfo>;
  for (const role of LAYOUT_ROLES) {
    const layout = set.layouts.find((l) => l.part === parts[role]);
    if (!layout) return undefined;
    layouts[role] = layout;
  }
  return { layouts };
}

const partsOf = (chosen: ChosenLayouts): Record<LayoutRole, string> =>
  Object.fromEntries(LAYOUT_ROLES.map((role) => [role, chosen.layouts[role].part])) as Record<LayoutRole, string>;

/**
 * @param names theme.yaml's `layouts` (role → the template's layout name), when given.
 * @param wishes theme.yaml's wish for slide numbers (default: wanted, as theme.yaml's default).
 */
export function chooseLayouts(
  set: MasterSet,
  names: Partial<Record<LayoutRole, string>>,
  where: SourceLocation,
  wishes: LayoutWishes = { numbers: true },
  kept?: KeptChoice,
): { ok: true; value: ChosenLayouts } | { ok: false; issues: Issue[] } {
  // Once per process for a set and the same wishes: every deck of a build asks (issues are not kept: they name a place).
  let known = chosenFor.get(set);
  if (!known) chosenFor.set(set, (known = new Map()));
  const key = JSON.stringify([names, wishes.numbers]);
  const found = known.get(key);
  if (found) return { ok: true, value: { layouts: { ...found.layouts } } };
  const stored = kept?.get();
  const earlier = stored && keptLayouts(set, stored);
  const chosen = earlier ? { ok: true as const, value: earlier } : chooseAnew(set, names, where, wishes);
  if (chosen.ok) {
    known.set(key, { layouts: { ...chosen.value.layouts } });
    if (!earlier) kept?.keep(partsOf(chosen.value));
  }
  return chosen;
}

const chosenFor = new WeakMap<MasterSet, Map<string, ChosenLayouts>>();

function chooseAnew(
  set: MasterSet,
  names: Partial<Record<LayoutRole, string>>,
  where: SourceLocation,
  wishes: LayoutWishes,
): { ok: true; value: ChosenLayouts } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const own: Partial<Record<LayoutRole, LayoutInfo>> = {};
  const read = shownBy(set);
  // Nothing shown: how layouts were chosen before the template's slides were read.
  const silent: Shown = { ...read, masters: new Set(), layouts: new Set() };
  const shown = heeded(set, read, silent);
  const numbered = numberedLike(set, wishes, shown);
  // A section slide is chosen as without them: its number place judged against the content layout chosen so.
  const numberedSilent = shown === silent ? numbered : numberedLike(set, wishes, silent);
  const layouts = () => set.layouts.map(describe).join('; ');
  for (const role of LAYOUT_ROLES) {
    const wanted = names[role];
    if (wanted) {
      const named = set.layouts.find((l) => l.name.trim().toLowerCase() === wanted.trim().toLowerCase());
      if (named && hasTitle(named)) own[role] = named;
      else
        issues.push({
          ...where,
          message: english(said('out.noRoleLayout', { origin: set.origin, name: wanted, role, layouts: layouts() })),
        });
      continue;
    }
    const found = role === 'section' ? best(set, role, numberedSilent, silent) : best(set, role, numbered, shown);
    if (found) own[role] = found;
  }
  if (issues.length > 0) return { ok: false, issues };
  // No layout but the cover holds a title (a template that keeps its title place only there): every
  // content slide went on the cover layout (4 decks refused). Its layouts without a title whose
  // master has one take the slides instead: the title goes in the master's place (template-design.ts).
  if (BORROWING.every((role) => !own[role] || own[role] === own.title))
    for (const role of BORROWING) {
      const found = best(set, role, numbered, shown, true);
      if (found) own[role] = found;
    }
  if (!Object.values(own).some(Boolean)) {
    return {
      ok: false,
      issues: [
        {
          ...where,
          message: english(said('out.noTitleLayout', { origin: set.origin, layouts: layouts() })),
        },
      ],
    };
  }
  const chosen = {} as Record<LayoutRole, LayoutInfo>;
  for (const role of LAYOUT_ROLES) chosen[role] = (fallenBack(role, own) ?? Object.values(own).find(Boolean))!;
  return { ok: true, value: { layouts: chosen } };
}

/**
 * The role's own layout, else its fallbacks' in order, each with its own fallbacks in turn: two
 * content → title and content → title only. Only one step was taken before, so a template with no
 * layout holding a body (all deleted, or only vertical ones) put every two-text slide on its cover
 * layout, the first found, and the texts ran past its edges (4 decks refused).
 */
function fallenBack(
  role: LayoutRole,
  own: Partial<Record<LayoutRole, LayoutInfo>>,
  tried: Set<LayoutRole> = new Set(),
): LayoutInfo | undefined {
  if (tried.has(role)) return undefined;
  tried.add(role);
  return (
    own[role] ?? FALLBACK[role].reduce<LayoutInfo | undefined>((f, r) => f ?? fallenBack(r, own, tried), undefined)
  );
}
