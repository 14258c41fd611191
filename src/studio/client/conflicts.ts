/**
 * A save refused because someone else changed the same fields: each field with both
 * values, and for each the user's choice (keep mine / take the saved one). The choice is
 * applied with the server's own merge rules (value-merge.ts) on top of the file as it is
 * now, so the next save is from the newest version and writes exactly what was chosen.
 */
import { changesBetween, type Conflict, mergeChanges, withoutFields } from '../../data/value-merge.js';
import { word } from './page-language.js';
import { h, type Json } from './form-util.js';
import { placeLabel } from './labels.js';

export interface ConflictAnswer {
  conflicts: Array<Conflict & { field: string }>;
  current: { version: string; value: Json };
}

const shown = (value: unknown): string =>
  value === undefined ? '(fjernet)' : typeof value === 'string' ? value : JSON.stringify(value, null, 1);

/**
 * The conflict panel. `resolve` gets the page's new value (on top of `current`) once the
 * user has chosen.
 */
export function conflictPanel(
  answer: ConflictAnswer,
  base: Json,
  mine: Json,
  resolve: (value: Json, current: ConflictAnswer['current']) => void,
): HTMLElement {
  const rows = answer.conflicts.map((c, i) => {
    const name = `conflict-${i}`;
    const option = (value: string, label: string, text: string, checked: boolean): HTMLElement => {
      const input = h('input', { type: 'radio', name, value, id: `${name}-${value}` });
      (input as HTMLInputElement).checked = checked;
      return h('div', { class: 'choice' }, input, h('label', { for: `${name}-${value}` }, label, h('q', {}, text)));
    };
    return h(
      'fieldset',
      { class: 'conflict', 'data-field': c.field },
      h('legend', {}, placeLabel(c.path)),
      option('mine', word('Behold min: '), shown(c.mine), true),
      option('theirs', word('Bruk den som er lagret: '), shown(c.theirs), false),
    );
  });
  const apply = h('button', { type: 'button', class: 'primary' }, word('Bruk valgene og lagre'));
  const panel = h(
    'section',
    { class: 'conflicts', role: 'alert', 'aria-labelledby': 'conflicts-h' },
    h('h3', { id: 'conflicts-h' }, word('Noen andre har lagret de samme feltene')),
    h('p', {}, word('Ingenting er lagret ennå. Velg for hvert felt hvilken tekst som skal gjelde.')),
    ...rows,
    apply,
  );
  apply.addEventListener('click', () => {
    const theirs = answer.conflicts.filter((_, i) => {
      const picked = panel.querySelector<HTMLInputElement>(`input[name="conflict-${i}"]:checked`);
      return picked?.value === 'theirs';
    });
    const keep = withoutFields(
      changesBetween(base, mine),
      theirs.map((c) => c.path),
    );
    const fresh = JSON.parse(JSON.stringify(answer.current.value)) as Json;
    const { merged } = mergeChanges(answer.current.value, fresh, keep);
    resolve(merged, answer.current);
  });
  return panel;
}
