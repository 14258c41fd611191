/**
 * Trappa's messages in the form: each at the field it names (or the nearest enclosing
 * one), marked for assistive technology (aria-invalid, aria-describedby), and all of them,
 * worded as the CLI prints them, in a list above the form.
 */
import { h } from './form-util.js';
import { word } from './page-language.js';
import { fieldAndParents } from './paths.js';
import { formatIssue, type Issue } from './slides.js';

/** The CLI's messages at the fields they name (or the nearest enclosing one), and as a list above the form. */
export function showMessages(main: HTMLElement, summary: HTMLElement, issues: Issue[], view: string): void {
  for (const old of main.querySelectorAll('.issue')) old.remove();
  for (const el of main.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    el.removeAttribute('aria-describedby');
  }
  issues.forEach((issue, n) => {
    if (issue.file !== view) return;
    const target = fieldAndParents(issue.field ?? '')
      .map((f) => main.querySelector<HTMLElement>(`.form [data-field="${CSS.escape(f)}"]`))
      .find((el) => el !== null);
    if (!target) return;
    const id = `issue-${n}`;
    const control = target.querySelector<HTMLElement>(':scope > input, :scope > select, :scope > textarea');
    const note = h('p', { class: 'issue', id }, issue.message);
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', id);
      control.after(note);
    } else {
      // In a group (a text's translations side by side), the message goes under its name.
      const legend = target.querySelector(':scope > legend');
      if (legend) legend.after(note);
      else target.prepend(note);
    }
  });
  summary.replaceChildren();
  if (issues.length > 0) {
    summary.append(h('h3', {}, word('{n} {n|melding|meldinger} fra Trappa', { n: issues.length })));
    summary.append(h('ul', {}, ...issues.map((issue) => h('li', {}, formatIssue(issue)))));
  }
}
