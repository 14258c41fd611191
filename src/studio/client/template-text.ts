/**
 * Wording keys and Handlebars texts as a non-programmer meets them: a text written with
 * `{{strategy.organisation.shortName}}` is shown as what it becomes on the slides ("ISK –
 * profil"), a wording key such as `model.title` by what it is ("Tittel på lysbildet «Bilde av
 * samkommunen»"),
 * and the code behind each stays one «Vis mal» away. The server makes the texts with the
 * deck's own renderer (template-preview.ts) from the data as edited.
 */
import { kindLabel } from '../../kinds/index.js';
import { pageLanguage, word } from './page-language.js';
import { postJson } from './api.js';
import { h, type Json } from './form-util.js';

interface Produced {
  text?: string;
}

/** Fields whose code the user asked to see, kept across redraws of the form. */
const showingCode = new Set<string>();

const PARTS: Record<string, string> = {
  title: 'Tittel',
  subtitle: 'Undertittel',
  body: 'Tekst',
  empty: 'Tekst når lista er tom',
  none: 'Tekst når det ikke er noe',
};

/** `model.title` → "Tittel på lysbildet «Bilde av samkommunen»"; an unknown key is shown as written. */
function keyDescription(key: string): string {
  const [slide, part] = key.split('.', 2);
  if (!slide || !part) return key;
  const name = PARTS[part];
  return word('{part} på lysbildet «{slide}»', {
    part: name === undefined ? part : word(name),
    slide: kindLabel(slide, pageLanguage()),
  });
}

function codeToggle(key: string, controls: HTMLElement[], produced: HTMLElement): HTMLButtonElement {
  const toggle = h('button', { type: 'button', class: 'small code-toggle' }, word('Vis mal')) as HTMLButtonElement;
  const set = (on: boolean): void => {
    toggle.setAttribute('aria-expanded', String(on));
    toggle.textContent = word(on ? 'Skjul mal' : 'Vis mal');
    for (const c of controls) c.hidden = !on;
    produced.classList.toggle('with-code', on);
  };
  set(showingCode.has(key));
  toggle.setAttribute('aria-controls', controls.map((c) => c.id).join(' '));
  toggle.addEventListener('click', () => {
    const on = !showingCode.has(key);
    if (on) showingCode.add(key);
    else showingCode.delete(key);
    set(on);
    if (on) controls[0]?.focus();
  });
  return toggle;
}

let refreshTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * The line under a control: what it becomes, and the toggle; made once, its text updated after.
 * Typing in the template asks for its text again when typing pauses (not on every render: for a
 * 2 MB strategy each ask loads the project once more).
 */
function producedLine(
  control: HTMLElement,
  key: string,
  refresh: () => void,
  hideAlso: HTMLElement[] = [],
): HTMLElement {
  const id = `${control.id}__produced`;
  let line = document.getElementById(id);
  if (!line) {
    line = h('p', { class: 'produced', id }, h('span', { class: 'produced-text' }));
    line.append(' ', codeToggle(key, [control, ...hideAlso], line));
    control.after(line);
    control.addEventListener('input', () => {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(refresh, 400);
    });
  }
  return line;
}

/** Finds the template texts and wording keys in the form of `file` and shows what they become. */
export async function showTemplates(form: HTMLElement, file: string, edits: () => Record<string, Json>): Promise<void> {
  const refresh = (): void => void showTemplates(form, file, edits);
  const texts = [...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[type=text], textarea')].filter(
    (c) => c.value.includes('{{') || document.getElementById(`${c.id}__produced`) !== null,
  );
  const keyInputs = [...form.querySelectorAll<HTMLInputElement>('[data-field$="wording"] input[id*="__key"]')];
  if (texts.length === 0 && keyInputs.length === 0) return;
  const fieldOf = (c: HTMLElement): string => c.closest<HTMLElement>('[data-field]')?.dataset.field ?? '';
  const answer = await postJson<{ texts: Produced[] } | null>('/api/templates', {
    changes: edits(),
    file,
    texts: texts.map((c) => ({ field: fieldOf(c), source: c.value })),
  }).catch(() => null);
  if (!answer) return;
  texts.forEach((control, i) => {
    const line = producedLine(control, fieldOf(control), refresh);
    const made = answer.texts[i]?.text;
    line.querySelector('.produced-text')!.textContent = control.value.includes('{{')
      ? word('Blir: {text}', { text: made ?? word('(fylles inn på hvert lysbilde)') })
      : word('Blir: {text}', { text: control.value });
  });
  keyInputs.forEach((input, i) => {
    const label = form.querySelector<HTMLElement>(`label[for="${CSS.escape(input.id)}"]`);
    const line = producedLine(input, `${fieldOf(input)}#key${i}`, refresh, label ? [label] : []);
    line.querySelector('.produced-text')!.textContent = keyDescription(input.value);
    // The text beside the key is named by what it is, not by the key again.
    const row = input.closest('.record-row');
    const valueLabel = row?.querySelector<HTMLElement>(`label:not([for="${CSS.escape(input.id)}"])`);
    if (valueLabel) valueLabel.textContent = word('Tekst');
  });
}
