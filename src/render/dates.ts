/** Norwegian (and other) date formats from ISO dates (YYYY-MM-DD), without time zones. */

function parts(iso: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** "26. januar 2004" (Norwegian style: day, period, month name, year). */
export function formatLongDate(iso: string, months: readonly string[]): string {
  const { year, month, day } = parts(iso);
  return `${day}. ${months[month - 1] ?? month} ${year}`;
}

/** "28.1." as the seed's action plan writes dates. */
export function formatShortDate(iso: string): string {
  const { month, day } = parts(iso);
  return `${day}.${month}.`;
}
