/** Norwegian (and other) date formats from ISO dates (YYYY-MM-DD), without time zones. */

function parts(iso: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/**
 * "26. januar 2004" by default (Norwegian: day, period, month name, year).
 * `pattern` comes from the language's labels, e.g. "{day} {month} {year}" for English.
 */
export function formatLongDate(iso: string, months: readonly string[], pattern = '{day}. {month} {year}'): string {
  const { year, month, day } = parts(iso);
  return pattern
    .replace('{day}', String(day))
    .replace('{month}', months[month - 1] ?? String(month))
    .replace('{year}', String(year));
}

/** "28.1." as the seed's action plan writes dates. */
export function formatShortDate(iso: string): string {
  const { month, day } = parts(iso);
  return `${day}.${month}.`;
}
