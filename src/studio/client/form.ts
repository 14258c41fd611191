/**
 * A form for one data file, built from its JSON Schema (generated from the zod schemas the
 * CLI validates with, so the form offers exactly what the CLI accepts). It edits the file's
 * plain value in place; `changed(structural)` tells the page to re-render the slides, and
 * for a structural change (an item added, removed or moved) to rebuild the form.
 */
import { fieldLabel, itemNoun, valueLabel } from './labels.js';
import { word } from './page-language.js';
import { convert, matches, variantLabel } from './form-variants.js';
import { defaultFor, getAt, h, isObject, pathId, setAt, type Json, type Path, type Schema } from './form-util.js';
import { fieldPath } from './paths.js';
import { type Section, sectioned } from './form-sections.js';
import { type ColourContext, colourExtras } from './colour-field.js';
import { linkIdToName, namingKey } from './id-from-name.js';
import { isTranslatable, type TranslationContext, translationField } from './translation-field.js';

export interface FormContext {
  file: string;
  /** Holds the file's value; the form edits it in place. */
  holder: { value: Json };
  idPrefix: string;
  /** `focus`: after a rebuild, the field whose first control gets the focus. */
  changed(structural: boolean, focus?: Path): void;
  /** The theme's colours: a picker and their contrast beside each (colour-field.ts). */
  colours?: ColourContext;
  /** The strategy's language and the page's: its texts may carry translations (translation-field.ts). */
  languages?: TranslationContext;
  /** A section of a large file was built when it opened (form-sections.ts). */
  built?(body: HTMLElement): void;
}

export function buildForm(schema: Schema, ctx: FormContext): HTMLElement {
  const form = h('div', { class: 'form', 'data-file': ctx.file });
  const props = schema.properties ?? {};
  // The file's own fields (name, version, date) first, then each part with fields of its own as a section.
  const general = h('div', { class: 'group' });
  const sections: Section[] = [{ key: 'general', label: word('Generelt'), build: () => general }];
  for (const [key, sub] of Object.entries(props)) {
    if (key === '$schema') continue;
    const required = (schema.required ?? []).includes(key);
    if (sub.type !== 'object' && sub.type !== 'array') general.append(field(sub, [key], required, ctx));
    else sections.push({ key, label: fieldLabel([key]), build: () => field(sub, [key], required, ctx, true) });
  }
  const shown = general.childElementCount > 0 ? sections : sections.slice(1);
  const lazy = valueSize(ctx.holder.value, LAZY_VALUES) >= LAZY_VALUES;
  form.append(...sectioned(ctx.file, ctx.idPrefix, shown, { lazy, built: ctx.built }));
  return form;
}

/**
 * Above this many values (a 2 MB strategy has ~100,000) a file's sections are built when they
 * open (form-sections.ts); the bundled strategy has some 600 and is built whole.
 */
const LAZY_VALUES = 5000;

/** How many values `value` holds, counted up to `limit`. */
function valueSize(value: Json, limit: number): number {
  let n = 0;
  const stack: Json[] = [value];
  while (stack.length > 0 && n < limit) {
    const at = stack.pop();
    n++;
    if (Array.isArray(at)) stack.push(...at);
    else if (isObject(at)) stack.push(...Object.values(at));
  }
  return n;
}

function field(schema: Schema, path: Path, required: boolean, ctx: FormContext, bare = false): HTMLElement {
  if (ctx.languages && isTranslatable(schema)) return translated(path, required, ctx, ctx.languages);
  if (schema.anyOf || schema.oneOf) return union(schema.anyOf ?? schema.oneOf ?? [], path, ctx);
  if (schema.type === 'array') return list(schema, path, ctx, bare);
  if (schema.type === 'object' && schema.properties) return object(schema, path, ctx, bare);
  if (schema.type === 'object') return record(schema, path, ctx, bare);
  return scalar(schema, path, required, ctx);
}

function mark(el: HTMLElement, path: Path, ctx: FormContext): HTMLElement {
  el.dataset.file = ctx.file;
  el.dataset.field = fieldPath(path);
  return el;
}

function object(schema: Schema, path: Path, ctx: FormContext, bare: boolean): HTMLElement {
  const box = mark(bare ? h('div', { class: 'group' }) : h('fieldset', { class: 'group' }), path, ctx);
  if (!bare) box.append(h('legend', {}, legendOf(path)));
  for (const [key, sub] of Object.entries(schema.properties ?? {})) {
    if (key === '$schema') continue;
    box.append(field(sub, [...path, key], (schema.required ?? []).includes(key), ctx));
  }
  // A list item with an id and a name: the id is made from the name (id-from-name.ts).
  const nameKey = typeof path.at(-1) === 'number' ? namingKey(schema.properties ?? {}) : undefined;
  const nameInput = nameKey ? box.querySelector(`#${CSS.escape(pathId(ctx.idPrefix, [...path, nameKey]))}`) : null;
  const idInput = box.querySelector(`#${CSS.escape(pathId(ctx.idPrefix, [...path, 'id']))}`);
  if (nameKey && idInput instanceof HTMLInputElement && nameInput instanceof HTMLElement)
    linkIdToName(ctx.holder, path, nameKey, nameInput as HTMLInputElement, idInput);
  return box;
}

/** A text that may be written in several languages, edited side by side. */
function translated(path: Path, required: boolean, ctx: FormContext, languages: TranslationContext): HTMLElement {
  return translationField({
    path,
    label: legendOf(path),
    required,
    holder: ctx.holder,
    idPrefix: ctx.idPrefix,
    languages,
    mark: (el, at) => mark(el, at, ctx),
    changed: (structural, focus) => ctx.changed(structural, focus),
  });
}

function legendOf(path: Path): string {
  const last = path.at(-1);
  return typeof last === 'number' ? `${itemNoun(path.slice(0, -1))} ${last + 1}` : fieldLabel(path);
}

function scalar(schema: Schema, path: Path, required: boolean, ctx: FormContext): HTMLElement {
  const id = pathId(ctx.idPrefix, path);
  const value = getAt(ctx.holder.value, path);
  const wrap = mark(h('div', { class: 'field' }), path, ctx);
  const label = h('label', { for: id }, legendOf(path) + (required ? '' : word(' (valgfri)')));
  let control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  if (schema.enum) {
    const select = h('select', { id }) as HTMLSelectElement;
    if (!required) select.append(h('option', { value: '' }, '—'));
    for (const option of schema.enum) select.append(h('option', { value: String(option) }, valueLabel(String(option))));
    select.value = value === undefined ? '' : String(value);
    control = select;
  } else if (schema.type === 'boolean') {
    const box = h('input', { id, type: 'checkbox' }) as HTMLInputElement;
    box.checked = value === true || (value === undefined && schema.default === true);
    control = box;
  } else if (schema.type === 'number' || schema.type === 'integer') {
    control = h('input', { id, type: 'number', step: 'any', inputmode: 'decimal' }) as HTMLInputElement;
    control.value = value === undefined ? '' : String(value);
  } else {
    const long = typeof value === 'string' && value.length > 70;
    control = (
      long
        ? h('textarea', { id, rows: String(Math.min(6, Math.ceil(value.length / 70) + 1)) })
        : h('input', { id, type: 'text' })
    ) as HTMLInputElement;
    control.value = value === undefined || value === null ? '' : String(value);
    if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$') control.setAttribute('placeholder', 'ÅÅÅÅ-MM-DD');
  }
  if (required) control.setAttribute('aria-required', 'true');
  const extras =
    ctx.colours && path.length === 2 && path[0] === 'colors' && control instanceof HTMLInputElement
      ? colourExtras(String(path[1]), id, control, ctx.colours)
      : [];
  control.addEventListener(
    control instanceof HTMLSelectElement || schema.type === 'boolean' ? 'change' : 'input',
    () => {
      setAt(ctx.holder.value, path, readControl(control, schema, required));
      ctx.changed(false);
    },
  );
  wrap.append(label, control, ...extras);
  return wrap;
}

function readControl(
  control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  schema: Schema,
  required: boolean,
): Json {
  if (control instanceof HTMLInputElement && control.type === 'checkbox') return control.checked;
  const raw = control.value;
  if (raw === '' && !required) return undefined;
  if ((schema.type === 'number' || schema.type === 'integer') && raw !== '') return Number(raw);
  return raw;
}

function list(schema: Schema, path: Path, ctx: FormContext, bare = false): HTMLElement {
  const items = getAt(ctx.holder.value, path);
  const values: Json[] = Array.isArray(items) ? items : [];
  // Directly under its section's heading a list needs no legend of its own, only a name.
  const box = mark(
    bare ? h('div', { class: 'list', role: 'group', 'aria-label': legendOf(path) }) : h('fieldset', { class: 'list' }),
    path,
    ctx,
  );
  if (!bare) box.append(h('legend', {}, legendOf(path)));
  const noun = itemNoun(path);
  const ol = h('ol', {});
  values.forEach((_, i) => {
    const li = h('li', { class: 'item' });
    const itemSchema = schema.items ?? { type: 'string' };
    li.append(field(itemSchema, [...path, i], true, ctx));
    const tools = h('div', { class: 'item-tools' });
    const move = (to: number) => () => {
      const next = [...values];
      const [moved] = next.splice(i, 1);
      next.splice(to, 0, moved);
      setAt(ctx.holder.value, path, next);
      ctx.changed(true, [...path, to]);
    };
    tools.append(
      button(word('Flytt {noun} {n} opp', { noun: noun.toLowerCase(), n: i + 1 }), '↑', move(i - 1), i === 0),
      button(
        word('Flytt {noun} {n} ned', { noun: noun.toLowerCase(), n: i + 1 }),
        '↓',
        move(i + 1),
        i === values.length - 1,
      ),
      button(word('Fjern {noun} {n}', { noun: noun.toLowerCase(), n: i + 1 }), word('Fjern'), () => {
        setAt(
          ctx.holder.value,
          path,
          values.filter((__, k) => k !== i),
        );
        ctx.changed(true, path);
      }),
    );
    li.append(tools);
    ol.append(li);
  });
  box.append(ol);
  box.append(
    button(
      word('Legg til {noun} i {list}', { noun: noun.toLowerCase(), list: fieldLabel(path).toLowerCase() }),
      word('+ Legg til {noun}', { noun: noun.toLowerCase() }),
      () => {
        setAt(ctx.holder.value, path, [...values, defaultFor(schema.items ?? { type: 'string' })]);
        ctx.changed(true, [...path, values.length]);
      },
    ),
  );
  return box;
}

function button(label: string, text: string, onClick: () => void, disabled = false): HTMLButtonElement {
  const b = h('button', { type: 'button', 'aria-label': label, class: 'small' }, text) as HTMLButtonElement;
  b.disabled = disabled;
  b.addEventListener('click', onClick);
  return b;
}

/** A map of free keys (wording overrides, font files): key and value in one row each. */
function record(schema: Schema, path: Path, ctx: FormContext, bare = false): HTMLElement {
  const current = getAt(ctx.holder.value, path);
  const entries = Object.entries(isObject(current) ? current : {});
  const box = mark(
    bare
      ? h('div', { class: 'record', role: 'group', 'aria-label': legendOf(path) })
      : h('fieldset', { class: 'record' }),
    path,
    ctx,
  );
  if (!bare) box.append(h('legend', {}, legendOf(path)));
  const valueSchema: Schema =
    typeof schema.additionalProperties === 'object' ? schema.additionalProperties : { type: 'string' };
  const rebuild = (next: Array<[string, Json]>, structural: boolean): void => {
    setAt(ctx.holder.value, path, next.length > 0 ? Object.fromEntries(next) : undefined);
    ctx.changed(structural);
  };
  entries.forEach(([key], i) => {
    const row = h('div', { class: 'record-row' });
    const keyId = `${pathId(ctx.idPrefix, path)}__key${i}`;
    const keyInput = h('input', { id: keyId, type: 'text' }) as HTMLInputElement;
    keyInput.value = key;
    keyInput.addEventListener('change', () =>
      rebuild(
        entries.map(([k, v], k2) => [k2 === i ? keyInput.value : k, v]),
        true,
      ),
    );
    row.append(
      h('label', { for: keyId }, word('Nøkkel {n}', { n: i + 1 })),
      keyInput,
      field(valueSchema, [...path, key], true, ctx),
    );
    row.append(
      button(word('Fjern nøkkel {key}', { key }), word('Fjern'), () =>
        rebuild(
          entries.filter((_, k) => k !== i),
          true,
        ),
      ),
    );
    box.append(row);
  });
  box.append(
    button(word('Legg til nøkkel i {list}', { list: fieldLabel(path).toLowerCase() }), word('+ Legg til'), () =>
      rebuild([...entries, [`ny-${entries.length + 1}`, defaultFor(valueSchema)]], true),
    ),
  );
  return box;
}

/** Either-or fields (a point as text or with sub-points; a built-in or an own slide). */
function union(variants: Schema[], path: Path, ctx: FormContext): HTMLElement {
  const value = getAt(ctx.holder.value, path);
  const chosen = Math.max(
    0,
    variants.findIndex((v) => matches(v, value)),
  );
  const id = `${pathId(ctx.idPrefix, path)}__kind`;
  const box = mark(h('div', { class: 'union' }), path, ctx);
  const select = h('select', { id }) as HTMLSelectElement;
  variants.forEach((v, i) => select.append(h('option', { value: String(i) }, variantLabel(v))));
  select.value = String(chosen);
  select.addEventListener('change', () => {
    setAt(ctx.holder.value, path, convert(value, variants[Number(select.value)]!));
    ctx.changed(true, path);
  });
  box.append(
    h(
      'div',
      { class: 'field' },
      h('label', { for: id }, word('Form på {field}', { field: legendOf(path).toLowerCase() })),
      select,
    ),
  );
  box.append(field(variants[chosen]!, path, true, ctx));
  return box;
}
