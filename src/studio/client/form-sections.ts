/**
 * A long file's form split by its sections, with a table of contents above it: one section
 * is open at a time (the one last chosen in this file, else the first), so a strategy is a
 * page of one part instead of 22,000 px of all of them. A section can still be opened by
 * its own heading, and a field that must be shown (a message, a new row) opens its section.
 */
import { h } from './form-util.js';
import { word } from './page-language.js';

export interface Section {
  key: string;
  label: string;
  body: HTMLElement;
}

/** The section last chosen per file, kept while the page lives (a rebuild of the form keeps it). */
const chosen = new Map<string, string>();

export function sectioned(file: string, idPrefix: string, sections: Section[]): HTMLElement[] {
  if (sections.length < 2) return sections.map((s) => s.body);
  const open = sections.some((s) => s.key === chosen.get(file)) ? chosen.get(file) : sections[0]!.key;
  const parts = sections.map((s) => {
    const details = h('details', { class: 'section', id: `${idPrefix}-sec-${s.key}` }) as HTMLDetailsElement;
    details.open = s.key === open;
    details.append(h('summary', {}, s.label), s.body);
    details.addEventListener('toggle', () => {
      if (details.open) chosen.set(file, s.key);
    });
    return { section: s, details };
  });
  const links = parts.map(({ section, details }) => {
    const link = h('a', { href: `#${details.id}` }, section.label);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      for (const other of parts) other.details.open = other.details === details;
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
