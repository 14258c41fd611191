/**
 * «Ta inn fra PowerPoint»: drop (or choose) a deck edited in PowerPoint; every change is
 * listed field by field with its slide, to accept or reject, and a conflict (the field also
 * changed in the data since the build) with both values and a choice. Self-contained: the
 * page only places `element` and shows it.
 */
import { postJson } from './api.js';
import { word } from './page-language.js';
import { h } from './form-util.js';
import { parseField, placeLabel } from './labels.js';

interface Change {
  file: string;
  field: string;
  slides: number[];
  built: unknown;
  data: unknown;
  deck: unknown;
  conflict: boolean;
}

interface Result {
  error?: string;
  deckId: string;
  version: string;
  changes: Change[];
  unmapped: { slide: number; what: string }[];
  open: Change[];
  written: boolean;
  frozen?: { next: string; currentVersion: string };
}

const shown = (v: unknown): string =>
  typeof v === 'string'
    ? v
    : Array.isArray(v)
      ? v.map(shown).join(' · ')
      : v === undefined
        ? '(ingenting)'
        : JSON.stringify(v);

/**
 * The panel's own look, set through the CSSOM (element.style): the page's policy allows no
 * inline <style>, and styles.css belongs to the page.
 */
function paint<T extends HTMLElement>(el: T, look: Partial<CSSStyleDeclaration>): T {
  Object.assign(el.style, look);
  return el;
}
const gone = (text: string): HTMLElement => paint(h('del', {}, text), { background: '#fbd3d3', color: '#8a1010' });
const come = (text: string): HTMLElement =>
  paint(h('ins', {}, text), { background: '#cdeccf', color: '#0d5a18', textDecoration: 'none' });

export class AbsorbPanel {
  readonly element = h('section', { class: 'absorb', 'aria-labelledby': 'absorb-h' });
  readonly #list = h('div', { class: 'absorb-list' });
  readonly #status = h('p', { role: 'status' });
  #data = '';

  /** @param onDeck shows the slides of the dropped deck beside the list */
  constructor(private readonly onDeck: (deckId: string) => void = () => {}) {
    const input = h('input', { type: 'file', id: 'absorb-file', accept: '.pptx' }) as HTMLInputElement;
    const drop = h(
      'label',
      { class: 'drop', for: 'absorb-file' },
      word('Slipp en .pptx her, eller velg en fil. Trappa viser hva som er endret i PowerPoint, felt for felt.'),
      input,
    );
    input.addEventListener('change', () => void this.#read(input.files?.[0]));
    drop.addEventListener('dragover', (e) => e.preventDefault());
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      void this.#read((e as DragEvent).dataTransfer?.files[0]);
    });
    paint(drop, { display: 'block', border: '2px dashed #8a99ad', padding: '1rem', margin: '.5rem 0' });
    this.element.append(
      h('h2', { id: 'absorb-h' }, word('Ta inn endringer fra PowerPoint')),
      drop,
      this.#status,
      this.#list,
    );
  }

  async #read(file: File | undefined): Promise<void> {
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    this.#data = btoa(binary);
    this.#status.textContent = word('Leser {file} …', { file: file.name });
    this.#draw(await postJson<Result>('/api/absorb', { data: this.#data }));
  }

  #draw(result: Result): void {
    if (result.error) {
      this.#status.textContent = result.error;
      this.#list.replaceChildren();
      return;
    }
    this.onDeck(result.deckId);
    this.#status.textContent =
      result.changes.length === 0
        ? word('{deck} v{version}: ingen endringer å ta inn.', { deck: result.deckId, version: result.version })
        : word('{deck} v{version}: {n} endrede felt.', {
            deck: result.deckId,
            version: result.version,
            n: result.changes.length,
          });
    const rows = result.changes.map((c) => this.#row(c));
    const notes = result.unmapped.map((u) => h('li', {}, word('Lysbilde {n}: {what}', { n: u.slide, what: u.what })));
    const apply = h('button', { type: 'button', class: 'primary' }, word('Ta inn de valgte')) as HTMLButtonElement;
    apply.addEventListener('click', () => void this.#apply(result.changes));
    this.#list.replaceChildren(
      ...rows,
      ...(notes.length > 0 ? [h('h3', {}, word('Kan ikke tas inn (gjør det i dataene)')), h('ul', {}, ...notes)] : []),
      ...(result.changes.length > 0 ? [apply] : []),
    );
  }

  #row(c: Change): HTMLElement {
    const id = `absorb-${c.file}#${c.field}`;
    const accept = h('input', { type: 'checkbox', id, 'data-key': `${c.file}#${c.field}` }) as HTMLInputElement;
    accept.checked = !c.conflict;
    const values = c.conflict
      ? [
          h('p', {}, word('I dataene nå: '), gone(shown(c.data))),
          h('p', {}, word('I PowerPoint: '), come(shown(c.deck))),
          h('p', { class: 'hint' }, word('Feltet er endret begge steder. Kryss av for å ta PowerPoint-teksten.')),
        ]
      : [h('p', {}, gone(shown(c.built))), h('p', {}, come(shown(c.deck)))];
    const row = h(
      'div',
      { class: c.conflict ? 'absorb-change conflict' : 'absorb-change' },
      accept,
      // The field by its labels in the form («Hovedbudskap › Hvorfor»), not its path in the file.
      h(
        'label',
        { for: id },
        `${word('Lysbilde')} ${c.slides.join(', ')} · ${c.file} · ${placeLabel(parseField(c.field))}`,
      ),
      ...values,
    );
    return paint(row, {
      borderTop: '1px solid #ccc',
      padding: '.4rem 0',
      ...(c.conflict ? { borderLeft: '4px solid #b35c00', paddingLeft: '.5rem' } : {}),
    });
  }

  async #apply(changes: Change[]): Promise<void> {
    const boxes = [...this.#list.querySelectorAll<HTMLInputElement>('input[data-key]')];
    const accept = boxes.filter((b) => b.checked).map((b) => b.dataset.key!);
    const take = changes
      .filter((c) => c.conflict && accept.includes(`${c.file}#${c.field}`))
      .map((c) => `${c.field}=deck`);
    const result = await postJson<Result>('/api/absorb', { data: this.#data, write: true, accept, take });
    if (result.error) {
      this.#status.textContent = result.error;
      return;
    }
    const next = result.frozen
      ? word(' Versjon {version} er frigitt: endringene hører til neste versjon ({next}).', {
          version: result.version,
          next: result.frozen.next,
        })
      : '';
    this.#status.textContent = result.written ? word('Tatt inn i dataene.') + next : word('Ingenting ble skrevet.');
    this.#list.replaceChildren();
  }
}
