/**
 * A theme colour as a non-programmer meets it: a colour picker beside the hex text, and the
 * contrast of every pair the slides draw with it (the same pairs `trappa check` judges,
 * sent by the server from data/check-theme.ts), each as a ratio with a plain pass or fail
 * against WCAG AA. Every colour's pairs are worked out again when any colour changes.
 */
import { contrastRatio } from '../../contrast.js';
import { word } from './page-language.js';
import { fieldLabel } from './labels.js';
import { getAt, h, type Json } from './form-util.js';

/** A text colour drawn on a fill colour, and the ratio WCAG AA asks of it there. */
export interface ColourPair {
  text: string;
  on: string;
  min: number;
}

const HEX = /^#?([0-9a-fA-F]{6})$/;

/** The colours as they would be built: the file's value, else the schema's default. */
function colours(value: Json, defaults: Record<string, string | undefined>): Record<string, string | undefined> {
  const given = (getAt(value, ['colors']) ?? {}) as Record<string, unknown>;
  const out: Record<string, string | undefined> = {};
  for (const name of new Set([...Object.keys(defaults), ...Object.keys(given)])) {
    const raw = typeof given[name] === 'string' ? (given[name] as string) : defaults[name];
    out[name] = raw === undefined ? undefined : HEX.exec(raw)?.[1]?.toUpperCase();
  }
  return out;
}

const ratioText = (r: number): string => `${r.toFixed(1).replace('.', ',')}:1`;

/** The pairs with `name` in them, each as one line: "Tekst mot bakgrunn: 16,5:1 – godkjent (krav 4,5:1)". */
function contrastLines(name: string, all: Record<string, string | undefined>, pairs: ColourPair[]): HTMLElement[] {
  return pairs
    .filter((p) => p.text === name || p.on === name)
    .flatMap((p) => {
      const [text, on] = [all[p.text], all[p.on]];
      if (!text || !on) return [];
      const ratio = contrastRatio(text, on);
      const pass = ratio >= p.min - 1e-9;
      const what = word('{text} mot {on}', {
        text: fieldLabel(['colors', p.text]),
        on: fieldLabel(['colors', p.on]).toLowerCase(),
      });
      const verdict = word(pass ? 'godkjent' : 'for svak');
      return [
        h(
          'li',
          { class: pass ? 'pass' : 'fail' },
          word('{what}: {ratio} – {verdict} (krav {min})', {
            what,
            ratio: ratioText(ratio),
            verdict,
            min: ratioText(p.min),
          }),
        ),
      ];
    });
}

export interface ColourContext {
  holder: { value: Json };
  defaults: Record<string, string | undefined>;
  pairs: ColourPair[];
}

/** The picker and contrast list for colour `name`, beside its text input `text`. */
export function colourExtras(name: string, id: string, text: HTMLInputElement, ctx: ColourContext): HTMLElement[] {
  const picker = h('input', { type: 'color', id: `${id}__picker` }) as HTMLInputElement;
  const label = h(
    'label',
    { for: picker.id, class: 'picker-label' },
    word('Velg {colour}', { colour: fieldLabel(['colors', name]).toLowerCase() }),
  );
  const list = h('ul', { class: 'contrast', 'data-colour': name, 'aria-live': 'polite' });
  const sync = (): void => {
    const hex = HEX.exec(text.value)?.[1] ?? ctx.defaults[name];
    if (hex) picker.value = `#${hex.toLowerCase()}`;
  };
  sync();
  picker.addEventListener('input', () => {
    text.value = picker.value.slice(1).toUpperCase();
    text.dispatchEvent(new Event('input', { bubbles: true }));
  });
  text.addEventListener('input', sync);
  list.append(...contrastLines(name, colours(ctx.holder.value, ctx.defaults), ctx.pairs));
  return [h('span', { class: 'picker' }, label, picker), list];
}

/** After any change: every colour's contrast lines in `root` from the value as it is now. */
export function refreshContrast(root: ParentNode, ctx: ColourContext): void {
  const all = colours(ctx.holder.value, ctx.defaults);
  for (const list of root.querySelectorAll<HTMLElement>('ul.contrast'))
    list.replaceChildren(...contrastLines(list.dataset.colour ?? '', all, ctx.pairs));
}
