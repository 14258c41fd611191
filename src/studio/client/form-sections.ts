/**
 * A long file's form split by its sections, with a table of contents above it: one section
 * is open at a time (the one last chosen in this file, else the first), so a strategy is a
 * page of one part instead of 22,000 px of all of them. A section can still be opened by
 * its own heading, and a field that must be shown (a message, a new row) opens its section.
 *
 * A large file's sections are built when they open, not before: a 2 MB strategy is 5,700 rows,
 * tens of seconds of the browser's time to build at once, of which the user sees one part. A
 * small file's are built at once, so the browser's own search finds a field in a closed one.
 */
import { h } from './form-util.js';
import { word } from './page-language.js';

export interface Section {
  key: string;
  label: string;
  /** The section's fields; called once, when it is first shown (or at once for a small file). */
  build(): HTMLElement;
}

export interface SectionOptions {
  /** Build each section when it opens. @default false */
  lazy?: boolean;
  /** A section was built after the form was shown: its fields may take messages, previews. */
  built?(body: HTMLElement): void;
}

/** The section last chosen per file, kept while the page lives (a rebuild of the form keeps it). */
const chosen = new Map<string, string>();

/** How each section not yet built gets its fields. */
const builders = new WeakMap<HTMLDetailsElement, () => void>();

export function sectioned(
  file: string,
  idPrefix: string,
  sections: Section[],
  options: SectionOptions = {},
): HTMLElement[] {
  if (sections.length < 2) return sections.map((s) => s.build());
  const open = sections.some((s) => s.key === chosen.get(file)) ? chosen.get(file) : sections[0]!.key;
  const parts = sections.map((s) => {
    const details = h('details', { class: 'section', id: `${idPrefix}-sec-${s.key}` }) as HTMLDetailsElement;
    details.append(h('summary', {}, s.label));
    const build = () => {
      builders.delete(details);
      const body = s.build();
      details.append(body);
      if (options.lazy) options.built?.(body);
    };
    if (options.lazy && s.key !== open) builders.set(details, build);
    else details.append(s.build());
    details.open = s.key === open;
    details.addEventListener('toggle', () => {
      if (!details.open) return;
      chosen.set(file, s.key);
      builders.get(details)?.();
    });
    return { section: s, details };
  });
  const links = parts.map(({ section, details }) => {
    const link = h('a', { href: `#${details.id}` }, section.label);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      for (const other of parts) other.details.open = other.details === details;
      builders.get(details)?.();
      chosen.set(file, section.key);
      details.querySelector('summary')?.focus();
      details.scrollIntoView({ block: 'start' });
    });
    return h('li', {}, link);
  });
  const contents = h('nav', { class: 'contents', 'aria-label': word('Innhold i skjemaet') }, h('ol', {}, ...links));
  return [contents, ...parts.map((p) => p.details)];
}

/** Opens the sections around `el`, so a field named by a message or just added can be seen and focused. */
export function reveal(el: Element | null | undefined): void {
  for (let at = el?.closest('details'); at; at = at.parentElement?.closest('details')) at.open = true;
}

/**
 * Opens the section of the field at `path` (its first key names it; a field of the file's own
 * is under "general"), building it first if it was not: the field then exists to be found.
 */
export function revealSection(root: ParentNode, idPrefix: string, path: ReadonlyArray<string | number>): void {
  const byKey = root.querySelector<HTMLDetailsElement>(`#${CSS.escape(`${idPrefix}-sec-${String(path[0])}`)}`);
  const section = byKey ?? root.querySelector<HTMLDetailsElement>(`#${CSS.escape(`${idPrefix}-sec-general`)}`);
  if (!section) return;
  builders.get(section)?.();
  section.open = true;
}
