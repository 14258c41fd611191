/**
 * A text of the strategy with its translations (`{ nb: …, nn: …, en: … }`, data/localize.ts),
 * edited side by side: one column per language the text has, the strategy's own language
 * first, a button to add each language it lacks and one to remove a translation. A plain
 * text (the same in every deck) becomes a map when a translation is added. A removed
 * translation leaves a map, never plain text: a deck in that language then says the text
 * lacks it (a located error) instead of silently showing the other language.
 */
import { getAt, h, isObject, pathId, setAt, type Json, type Path, type Schema } from './form-util.js';
import { word } from './page-language.js';
import { fieldPath } from './paths.js';

export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The languages a translatable text is edited in: the strategy's (first) and the page's words. */
export interface TranslationContext {
  own: Language;
  page: Language;
}

/** `anyOf: [text, $ref translations]`, as data/translatable-schema.ts writes a text that may be translated. */
export const isTranslatable = (schema: Schema): boolean =>
  (schema.anyOf ?? []).length === 2 &&
  schema.anyOf!.some((v) => v.type === 'string') &&
  schema.anyOf!.some((v) => v.$ref === '#/definitions/translations');

/** A map whose keys are all language codes (the same test as localize.ts). */
export const isTranslationMap = (value: Json): value is Partial<Record<Language, string>> =>
  isObject(value) &&
  Object.keys(value).length > 0 &&
  Object.keys(value).every((k) => (LANGUAGES as readonly string[]).includes(k));

const WORDS: Record<
  Language,
  {
    names: Record<Language, string>;
    own: string;
    add: (lang: string, field: string) => string;
    remove: (lang: string, field: string) => string;
    removeText: string;
  }
> = {
  nb: {
    names: { nb: 'bokmål', nn: 'nynorsk', en: 'engelsk' },
    own: 'strategiens språk',
    add: (lang, field) => `Legg til ${lang} oversettelse av ${field}`,
    remove: (lang, field) => `Fjern ${lang} oversettelse av ${field}`,
    removeText: 'Fjern',
  },
  nn: {
    names: { nb: 'bokmål', nn: 'nynorsk', en: 'engelsk' },
    own: 'språket til strategien',
    add: (lang, field) => `Legg til ${lang} omsetjing av ${field}`,
    remove: (lang, field) => `Fjern ${lang} omsetjing av ${field}`,
    removeText: 'Fjern',
  },
  en: {
    names: { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' },
    own: 'the strategy’s language',
    add: (lang, field) => `Add the ${lang} translation of ${field}`,
    remove: (lang, field) => `Remove the ${lang} translation of ${field}`,
    removeText: 'Remove',
  },
};

/** The page's words for the translation editor (exported for the test that all three have them). */
export const translationWords = WORDS;

/** The languages in the order they are shown: the strategy's own first, then nb, nn, en. */
const languageOrder = (own: Language): Language[] => [own, ...LANGUAGES.filter((l) => l !== own)];

export interface TranslationFieldArgs {
  path: Path;
  label: string;
  required: boolean;
  holder: { value: Json };
  idPrefix: string;
  languages: TranslationContext;
  /** The field's box marked with its file and path (form.ts `mark`). */
  mark(el: HTMLElement, path: Path): HTMLElement;
  changed(structural: boolean, focus?: Path): void;
}

/** A text control sized for its text; side by side, a column is narrower, so texts wrap sooner. */
function textControl(id: string, value: string, lang: Language | undefined, narrow: boolean): HTMLInputElement {
  const perLine = narrow ? 35 : 70;
  const control = (
    value.length > perLine
      ? h('textarea', { id, rows: String(Math.min(8, Math.ceil(value.length / perLine) + 1)) })
      : h('input', { id, type: 'text' })
  ) as HTMLInputElement;
  control.value = value;
  if (lang) control.setAttribute('lang', lang);
  return control;
}

export function translationField(args: TranslationFieldArgs): HTMLElement {
  const value = getAt(args.holder.value, args.path);
  return isTranslationMap(value) ? sideBySide(args, value) : plain(args, value);
}

/** One text, the same in every language, with buttons to add a translation. */
function plain(args: TranslationFieldArgs, value: Json): HTMLElement {
  const { path, languages } = args;
  const id = pathId(args.idPrefix, path);
  const text = typeof value === 'string' ? value : '';
  const wrap = args.mark(h('div', { class: 'field' }), path);
  const control = textControl(id, text, undefined, false);
  if (args.required) control.setAttribute('aria-required', 'true');
  control.addEventListener('input', () => {
    setAt(args.holder.value, path, control.value === '' && !args.required ? undefined : control.value);
    args.changed(false);
  });
  const label = h('label', { for: id }, args.label + (args.required ? '' : word(' (valgfri)')));
  const others = languageOrder(languages.own).filter((l) => l !== languages.own);
  const add = (lang: Language) => {
    const current = getAt(args.holder.value, path);
    const own = typeof current === 'string' && current !== '' ? { [languages.own]: current } : {};
    setAt(args.holder.value, path, { ...own, [lang]: '' });
    args.changed(true, [...path, lang]);
  };
  wrap.append(label, control, addButtons(args, others, add));
  return wrap;
}

/** The text in each of its languages, one column each, the strategy's language first. */
function sideBySide(args: TranslationFieldArgs, map: Partial<Record<Language, string>>): HTMLElement {
  const { path, languages } = args;
  const words = WORDS[languages.page];
  const box = args.mark(h('fieldset', { class: 'translations' }), path);
  box.append(h('legend', {}, args.label + (args.required ? '' : word(' (valgfri)'))));
  const order = languageOrder(languages.own);
  const present = order.filter((l) => map[l] !== undefined);
  const narrow = present.length > 1;
  const columns = h('div', { class: 'languages' });
  for (const lang of present) {
    const id = pathId(args.idPrefix, [...path, lang]);
    const column = args.mark(h('div', { class: 'field language', 'data-lang': lang }), [...path, lang]);
    const name = words.names[lang] + (lang === languages.own ? ` (${words.own})` : '');
    const control = textControl(id, String(map[lang] ?? ''), lang, narrow);
    control.setAttribute('aria-required', 'true');
    control.addEventListener('input', () => {
      setAt(args.holder.value, [...path, lang], control.value);
      args.changed(false);
    });
    column.append(h('label', { for: id }, `${args.label} – ${name}`), control);
    if (present.length > 1) {
      const remove = h(
        'button',
        { type: 'button', class: 'small', 'aria-label': words.remove(words.names[lang], args.label) },
        words.removeText,
      );
      remove.addEventListener('click', () => {
        setAt(args.holder.value, path, Object.fromEntries(Object.entries(map).filter(([k]) => k !== lang)));
        args.changed(true, path);
      });
      column.append(remove);
    }
    columns.append(column);
  }
  box.append(columns);
  const missing = order.filter((l) => map[l] === undefined);
  box.append(
    addButtons(args, missing, (lang) => {
      setAt(args.holder.value, [...path, lang], '');
      args.changed(true, [...path, lang]);
    }),
  );
  return box;
}

function addButtons(args: TranslationFieldArgs, langs: Language[], add: (lang: Language) => void): HTMLElement {
  const words = WORDS[args.languages.page];
  const row = h('div', { class: 'add-translation', 'data-for': fieldPath(args.path) });
  for (const lang of langs) {
    const b = h(
      'button',
      { type: 'button', class: 'small', 'data-lang': lang, 'aria-label': words.add(words.names[lang], args.label) },
      `+ ${words.names[lang]}`,
    );
    b.addEventListener('click', () => add(lang));
    row.append(b);
  }
  return row;
}
