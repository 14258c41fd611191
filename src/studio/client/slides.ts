/**
 * The live slides of every deck, and the CLI's messages on the slides they concern.
 * A slide is redrawn only when its SVG changed, so typing does not flicker the others.
 */
import { kindsShowing } from '../../kinds/index.js';
import { word } from './page-language.js';
import { withToken } from './api.js';
import { h } from './form-util.js';
import { parseField, placeLabel } from './labels.js';

export interface Issue {
  file: string;
  line?: number;
  col?: number;
  field?: string;
  message: string;
  severity?: 'error' | 'warning';
  /** A finding of `trappa check`'s rules: the slide (1-based) it is on. */
  slide?: number;
}

export interface LiveSlide {
  /** Left out by the server when the page holds a slide of this hash already (`have`). */
  svg?: string;
  /** Names the SVG: the page keeps slides by it and tells the server which it holds. */
  hash: string;
  title: string;
  field?: string;
  kind?: string;
}

export interface LiveDeck {
  id: string;
  file: string;
  slides: LiveSlide[];
  issues: Issue[];
}

/** As the CLI prints it (errors.ts formatIssue), but the field by its label: `data/strategy.yaml:12:7 Versjon: …`. */
export function formatIssue(issue: Issue): string {
  let place = issue.file;
  if (issue.line !== undefined) place += `:${issue.line}`;
  if (issue.line !== undefined && issue.col !== undefined) place += `:${issue.col}`;
  return `${place}${issue.field ? ` ${placeLabel(parseField(issue.field))}:` : ''} ${issue.message}`;
}

/** Does `issue` concern slide `index` of `deck`? Messages that name no slide go on the deck's first. */
function concerns(issue: Issue, deck: LiveDeck, slide: LiveSlide, index: number): boolean {
  if (issue.slide !== undefined)
    return issue.file === deck.file && (issue.slide === index + 1 || (issue.slide === 0 && index === 0));
  const top = /^[^.[]+/.exec(issue.field ?? '')?.[0] ?? '';
  if (issue.file === deck.file) {
    const entry = /^slides\[\d+\]/.exec(issue.field ?? '')?.[0];
    return entry ? slide.field === entry : index === 0;
  }
  // Which slides show that part of the strategy: each kind declares it (kinds/<kind>.ts `shows`).
  const showing = kindsShowing(top);
  if (/strategy\.ya?ml$/.test(issue.file) && showing.length > 0)
    return (showing as string[]).includes(slide.kind ?? '');
  if (/decks\//.test(issue.file)) return false;
  return index === 0;
}

export class SlidesPanel {
  readonly element = h('div', { class: 'slides-panel' });
  /** The hash each shown slide (deck#index) was drawn from. */
  readonly #drawn = new Map<string, string>();
  /** The SVG of every slide shown, by hash: what a render answer names without sending. */
  #svgs = new Map<string, string>();
  #decks: LiveDeck[] = [];

  /** Hashes of the slides the page holds, sent with a render so that only new slides come back. */
  have(): string[] {
    return [...this.#svgs.keys()];
  }

  /** Does the page hold every slide `decks` name without their SVG? */
  complete(decks: LiveDeck[]): boolean {
    return decks.every((d) => d.slides.every((s) => s.svg !== undefined || this.#svgs.has(s.hash)));
  }

  /** `title`: how the user knows a deck (its meeting), for its heading. */
  constructor(readonly title: (deck: LiveDeck) => string = (deck) => deck.id) {}

  /**
   * Shows `decks` (replacing those with the same id); `issues` stop every deck, so the
   * slides shown are the last good ones.
   */
  show(given: LiveDeck[], issues: Issue[]): void {
    const decks = given.map((d) => ({
      ...d,
      slides: d.slides.map((s) => ({ ...s, svg: s.svg ?? this.#svgs.get(s.hash) })),
    }));
    for (const deck of decks) {
      const at = this.#decks.findIndex((d) => d.id === deck.id);
      // No slides (layout failed, or only findings came): the last slides stay, with the new messages.
      const keep = deck.slides.length === 0 && at >= 0 ? { ...this.#decks[at]!, issues: deck.issues } : deck;
      if (at >= 0) this.#decks[at] = keep;
      else this.#decks.push(keep);
    }
    this.#draw(issues);
    this.#keep();
  }

  /** The SVGs of the slides shown now, by hash (those of slides gone are let go). */
  #keep(): void {
    this.#svgs = new Map(
      this.#decks.flatMap((d) => d.slides.flatMap((s) => (s.svg === undefined ? [] : [[s.hash, s.svg] as const]))),
    );
  }

  /** After a render of every deck: a deck whose file is gone leaves the page. */
  retain(ids: string[]): void {
    for (const deck of this.#decks.filter((d) => !ids.includes(d.id))) this.#section(deck).remove();
    this.#decks = this.#decks.filter((d) => ids.includes(d.id));
    this.#keep();
  }

  /** The deck being edited comes first; the strategy and theme show every deck in file order. */
  focus(deckId: string | undefined): void {
    const wanted = [...this.#decks]
      .sort((a, b) => Number(b.id === deckId) - Number(a.id === deckId))
      .map((d) => this.#section(d));
    const current = [...this.element.querySelectorAll(':scope > section.deck')];
    // Moving nodes costs a reflow and the reader's scroll position: only when the order is new.
    if (wanted.some((section, i) => current[i] !== section)) for (const section of wanted) this.element.append(section);
  }

  #draw(global: Issue[]): void {
    const status = this.element.querySelector('.slides-status') ?? h('p', { class: 'slides-status', role: 'status' });
    status.textContent =
      global.length > 0 ? word('Lysbildene viser siste gyldige versjon til meldingene er rettet.') : '';
    if (!status.parentNode) this.element.prepend(status);
    for (const deck of this.#decks) {
      const section = this.#section(deck);
      const list = section.querySelector('ol')!;
      const issues = [...global, ...deck.issues];
      deck.slides.forEach((slide, i) => this.#slide(list, deck, slide, i, issues));
      while (list.children.length > deck.slides.length) list.lastElementChild!.remove();
      section.querySelector('h3')!.textContent = word('{title} – {n} lysbilder', {
        title: this.title(deck),
        n: deck.slides.length,
      });
    }
  }

  #section(deck: LiveDeck): HTMLElement {
    const id = `deck-${deck.id}`;
    let section = this.element.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    if (!section) {
      section = h(
        'section',
        { id, class: 'deck', 'aria-labelledby': `${id}-h` },
        h('h3', { id: `${id}-h` }),
        h('ol', { class: 'slides' }),
      );
      this.element.append(section);
    }
    return section;
  }

  #slide(list: Element, deck: LiveDeck, slide: LiveSlide, index: number, issues: Issue[]): void {
    let item = list.children[index] as HTMLElement | undefined;
    if (!item) {
      item = h('li', {}, h('figure', {}, h('div', { class: 'svg' }), h('figcaption', {})));
      list.append(item);
    }
    const key = `${deck.id}#${index}`;
    if (this.#drawn.get(key) !== slide.hash) {
      // Pictures come from /asset, which needs the token (api.ts); the server's SVG names the file only.
      item.querySelector('.svg')!.innerHTML = (slide.svg ?? '').replaceAll(
        'href="/asset?',
        `href="${withToken('/asset')}&amp;`,
      );
      this.#drawn.set(key, slide.hash);
    }
    const mine = issues.filter((issue) => concerns(issue, deck, slide, index));
    // Captions change rarely; rewriting 30-odd of them on every keystroke costs the page a relayout.
    const captionKey = JSON.stringify([slide.title, mine.map(formatIssue)]);
    if (item.dataset.caption === captionKey) return;
    item.dataset.caption = captionKey;
    item.dataset.slide = String(index + 1);
    item.dataset.deck = deck.id;
    const caption = item.querySelector('figcaption')!;
    caption.replaceChildren(`${index + 1}. ${slide.title}`);
    if (mine.length > 0) {
      const ul = h('ul', { class: 'issues' });
      for (const issue of mine) ul.append(h('li', {}, formatIssue(issue)));
      caption.append(ul);
    }
    item.classList.toggle('has-issue', mine.length > 0);
  }
}
