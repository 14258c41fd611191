/**
 * An edit made to a text as the slide shows it, applied to the text as the data writes it:
 * only the changed middle is replaced, so `**` marks elsewhere in the text stay where they were.
 */

/** The data text `raw` (shown on the slide as `was`) after the slide's text became `now`. */
export function applyTextEdit(raw: string, was: string, now: string): string {
  // Where each shown character sits in the raw text; a text that does not show as `was` is replaced whole.
  const at: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw.startsWith('**', i)) i++;
    else at.push(i);
  }
  if (at.map((i) => raw[i]).join('') !== was) return now;
  let prefix = 0;
  while (prefix < was.length && prefix < now.length && was[prefix] === now[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < was.length - prefix &&
    suffix < now.length - prefix &&
    was[was.length - 1 - suffix] === now[now.length - 1 - suffix]
  )
    suffix++;
  const start = prefix < at.length ? at[prefix]! : raw.length;
  const end = was.length - suffix > prefix ? at[was.length - suffix - 1]! + 1 : start;
  return raw.slice(0, start) + now.slice(prefix, now.length - suffix) + raw.slice(end);
}
