/**
 * The actions screen: build, check, release, bump, Outlook draft and send through the CLI
 * (the server runs it), with its output as progress, refusals in plain words, downloads
 * and the version history from output/manifest.json.
 */
import { download, getJson, postJson } from './api.js';
import { word } from './page-language.js';
import { h } from './form-util.js';
import { valueLabel } from './labels.js';
import type { DeckChoice } from './state.js';

interface ActionResult {
  code: number;
  output: string[];
  refusal?: string;
}

interface Entry {
  deckId: string;
  version: string;
  file: string;
  status: string;
  slides: number;
  releasedAt?: string;
  sentAt?: string;
  exists: boolean;
  pdf: string | null;
}

export class ActionsPanel {
  readonly element = h('section', { class: 'actions', 'aria-labelledby': 'actions-h' });
  readonly #log = h('pre', {
    class: 'log',
    role: 'log',
    'aria-live': 'polite',
    'aria-label': word('Utskrift fra Trappa'),
    tabindex: '0',
  });
  readonly #refusal = h('div', { class: 'refusal', role: 'alert' });
  readonly #progress = h('p', { class: 'progress', role: 'status' });
  readonly #confirm = h('div', { class: 'confirm' });
  readonly #versions = h('div', { class: 'versions' });
  readonly #deck = h('select', { id: 'action-deck' }) as HTMLSelectElement;
  readonly #pdf = h('input', { id: 'action-pdf', type: 'checkbox' }) as HTMLInputElement;
  #buttons: HTMLButtonElement[] = [];

  /** Deck titles by id: the user knows a deck by its meeting, the CLI by its id. */
  #titles = new Map<string, string>();

  constructor(decks: DeckChoice[]) {
    this.setDecks(decks);
    const version = h('input', {
      id: 'bump-version',
      type: 'text',
      inputmode: 'decimal',
      placeholder: 'f.eks. 0.3',
    }) as HTMLInputElement;
    const note = h('textarea', { id: 'bump-note', rows: '2' }) as HTMLTextAreaElement;
    const act = (label: string, action: string, extra: () => Record<string, unknown> = () => ({})) => {
      const b = h('button', { type: 'button' }, label) as HTMLButtonElement;
      b.addEventListener('click', () => void this.run(action, extra()));
      this.#buttons.push(b);
      return b;
    };
    this.element.append(
      h('h2', { id: 'actions-h' }, word('Bygg, kontroller og send')),
      h(
        'div',
        { class: 'row' },
        h('div', { class: 'field' }, h('label', { for: 'action-deck' }, word('Presentasjon')), this.#deck),
        h('div', { class: 'field inline' }, this.#pdf, h('label', { for: 'action-pdf' }, word('Lag også PDF'))),
      ),
      h(
        'div',
        { class: 'row buttons' },
        act(word('Bygg'), 'build', () => ({ pdf: this.#pdf.checked })),
        act(word('Kontroller'), 'check'),
        act(word('Frigi versjonen'), 'release'),
        act(word('Lag Outlook-utkast'), 'draft'),
        act(word('Send …'), 'send-dry-run'),
      ),
      h(
        'fieldset',
        { class: 'bump' },
        h('legend', {}, word('Ny versjon av strategien')),
        h('div', { class: 'field' }, h('label', { for: 'bump-version' }, word('Ny versjon')), version),
        h('div', { class: 'field' }, h('label', { for: 'bump-note' }, word('Hva er endret')), note),
        act(word('Lag ny versjon'), 'bump', () => ({ version: version.value.trim(), note: note.value })),
      ),
      this.#progress,
      this.#refusal,
      this.#confirm,
      h('h3', {}, word('Utskrift')),
      this.#log,
      h('h2', { id: 'versions-h' }, word('Versjoner og nedlasting')),
      this.#versions,
    );
  }

  /** The decks to choose from; the choice stays when its deck is still there. */
  setDecks(decks: DeckChoice[]): void {
    const chosen = this.#deck.value;
    this.#titles = new Map(decks.map((d) => [d.id, d.title]));
    this.#deck.replaceChildren(
      h('option', { value: '' }, word('Alle presentasjoner')),
      ...decks.map((d) => h('option', { value: d.id }, d.title)),
    );
    this.#deck.value = this.#titles.has(chosen) ? chosen : '';
  }

  /** A line of the running job's output (server-sent events). */
  onJob(event: { state: string; line?: string; code?: number }): void {
    if (event.state === 'start') this.#log.textContent = '';
    if (event.state === 'line' && event.line !== undefined) this.#log.textContent += `${event.line}\n`;
  }

  async run(action: string, extra: Record<string, unknown> = {}): Promise<ActionResult> {
    const deck = this.#deck.value || undefined;
    this.#refusal.replaceChildren();
    this.#confirm.replaceChildren();
    this.#busy(true, action);
    try {
      const result = await postJson<ActionResult>('/api/action', { action, deck, ...extra });
      this.#log.textContent = result.output.join('\n');
      if (result.refusal) this.#refuse(result);
      else if (action === 'send-dry-run') this.#askToSend(deck);
      this.#progress.textContent = result.code === 0 ? word('Ferdig.') : word('Stoppet.');
      await this.refreshVersions();
      return result;
    } finally {
      this.#busy(false, action);
    }
  }

  #busy(on: boolean, action: string): void {
    for (const b of this.#buttons) b.disabled = on;
    if (on)
      this.#progress.replaceChildren(
        h('progress', { 'aria-label': word('Arbeider') }),
        word(' Arbeider: {action} …', { action }),
      );
  }

  #refuse(result: ActionResult): void {
    const last = result.output.filter((l) => l.trim()).slice(-3);
    this.#refusal.replaceChildren(
      h('p', { class: 'why' }, result.refusal ?? ''),
      ...last.map((l) => h('p', { class: 'detail' }, l)),
    );
  }

  #askToSend(deck: string | undefined): void {
    const yes = h('button', { type: 'button', class: 'danger' }, word('Send nå')) as HTMLButtonElement;
    const no = h('button', { type: 'button' }, word('Avbryt')) as HTMLButtonElement;
    yes.addEventListener('click', () => {
      this.#deck.value = deck ?? '';
      void this.run('send');
    });
    no.addEventListener('click', () => this.#confirm.replaceChildren());
    this.#confirm.replaceChildren(
      h('p', {}, word('Over står hvem som får hva. Ingenting er sendt ennå. Sende nå?')),
      yes,
      no,
    );
    yes.focus();
  }

  async refreshVersions(): Promise<void> {
    const { entries, drafts } = await getJson<{ entries: Entry[]; drafts: string[] }>('/api/versions').catch(() => ({
      entries: [] as Entry[],
      drafts: [] as string[],
    }));
    const draftList = draftsList(drafts ?? []);
    if (entries.length === 0) {
      this.#versions.replaceChildren(h('p', {}, word('Ingen presentasjoner er bygget ennå.')), ...draftList);
      return;
    }
    const table = h('table', {}, h('caption', {}, word('Bygde versjoner (fra output/manifest.json)')));
    table.append(
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Presentasjon', 'Versjon', 'Status', 'Lysbilder', 'Frigitt', 'Sendt', 'Last ned'].map((t) =>
            h('th', { scope: 'col' }, word(t)),
          ),
        ),
      ),
    );
    const body = h('tbody', {});
    for (const e of entries) {
      const links = h('td', {});
      if (e.exists) links.append(downloadLink(e.file, e.file));
      if (e.pdf) links.append(' · ', downloadLink(e.pdf, 'PDF'));
      body.append(
        h(
          'tr',
          {},
          h('td', {}, this.#titles.get(e.deckId) ?? e.deckId),
          h('td', {}, e.version),
          h('td', {}, valueLabel(e.status)),
          h('td', {}, String(e.slides)),
          h('td', {}, e.releasedAt?.slice(0, 10) ?? ''),
          h('td', {}, e.sentAt?.slice(0, 10) ?? ''),
          links,
        ),
      );
    }
    table.append(body);
    this.#versions.replaceChildren(table, ...draftList);
  }
}

/** The Outlook drafts in output/drafts/, each a link to download and open in Outlook. */
function draftsList(drafts: string[]): HTMLElement[] {
  if (drafts.length === 0) return [];
  return [
    h('h3', { id: 'drafts-h' }, word('E-postutkast (åpnes i Outlook)')),
    h(
      'ul',
      { class: 'drafts', 'aria-labelledby': 'drafts-h' },
      ...drafts.map((d) => h('li', {}, downloadLink(d, d.replace(/^drafts\//, '')))),
    ),
  ];
}

/** A link that fetches the file with the token (api.ts download) instead of navigating to it. */
function downloadLink(file: string, label: string): HTMLElement {
  const link = h('a', { href: `/api/download?file=${encodeURIComponent(file)}`, download: '' }, label);
  link.addEventListener('click', (event) => {
    event.preventDefault();
    void download(`/api/download?file=${encodeURIComponent(file)}`, file.split('/').pop() ?? file);
  });
  return link;
}
