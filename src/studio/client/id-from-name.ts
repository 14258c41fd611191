/**
 * Ids made from names: a new target group or plan row gets its id from what the user types
 * as its name ("Ledere i helse" → `ledere-i-helse`), unique among its list, so nobody has to
 * invent one. The id follows the name while it is still the one made from it; once the user
 * writes an id of their own, or the item had one when the form was drawn, it is left alone
 * (other files refer to it).
 */
import { getAt, type Json, type Path, setAt } from './form-util.js';

/** The item field that names it, in the order looked for. */
const NAMING = ['name', 'activity', 'title'] as const;

export function namingKey(properties: Record<string, unknown>): string | undefined {
  return 'id' in properties ? NAMING.find((k) => k in properties) : undefined;
}

/** `ledere-i-helse-og-omsorg`: lower case, Norwegian letters spelt out, anything else a dash. */
function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3` … whichever no other item of the list has. */
function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The id a name gives item `path` (a list item), unique among the list's other ids. */
function idFor(root: Json, path: Path, name: string): string {
  const list = getAt(root, path.slice(0, -1));
  const index = path.at(-1);
  const taken = new Set<string>(
    (Array.isArray(list) ? list : [])
      .filter((_, i) => i !== index)
      .map((item: Json) => item?.id)
      .filter((id: unknown): id is string => typeof id === 'string'),
  );
  const base = slugOf(name);
  return base === '' ? '' : uniqueId(base, taken);
}

/**
 * Keeps the id of item `path` made from its name while the user has not written one of their own.
 * `changed` is told after the id was set, so the slides show the new id at once.
 */
export function linkIdToName(
  holder: { value: Json },
  path: Path,
  nameKey: string,
  nameInput: HTMLInputElement | HTMLTextAreaElement,
  idInput: HTMLInputElement,
): void {
  const name = (): string => String(getAt(holder.value, [...path, nameKey]) ?? '');
  const initial = String(getAt(holder.value, [...path, 'id']) ?? '');
  // A new item (no id, no name yet), or one whose id is still the one its name makes. An item that
  // was written without an id keeps having none: typing its name must not add one to the file.
  let auto = initial === '' ? name() === '' : initial === idFor(holder.value, path, name());
  idInput.addEventListener('input', () => {
    auto = idInput.value === '';
  });
  nameInput.addEventListener('input', () => {
    if (!auto) return;
    const id = idFor(holder.value, path, nameInput.value);
    idInput.value = id;
    setAt(holder.value, [...path, 'id'], id === '' ? undefined : id);
  });
  if (auto) idInput.setAttribute('placeholder', 'lages av navnet');
}
