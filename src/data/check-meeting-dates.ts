/**
 * A deck's meeting and its row in the action plan should tell the same day: a meeting that
 * moved while its plan row kept the old date shows two dates to the same audience.
 * A warning (the build goes on), at the deck's meeting date, naming the row's place.
 */
import type { Issue } from '../errors.js';
import type { YamlSource } from './load-yaml.js';
import { locateIn } from './locate.js';
import type { Deck, Strategy } from './schema.js';

export function meetingDateNotices(
  strategy: { value: Strategy; source: YamlSource },
  decks: readonly { deck: Deck; source: YamlSource }[],
): Issue[] {
  return decks.flatMap(({ deck, source }) => {
    const meeting = deck.meeting;
    if (!meeting?.planRow) return [];
    const index = strategy.value.actionPlan.findIndex((row) => row.id === meeting.planRow);
    const row = strategy.value.actionPlan[index];
    if (!row || row.when || (!row.date && !row.dates)) return [];
    const days = row.dates ?? [row.date!];
    if (days.includes(meeting.date)) return [];
    const at = locateIn(strategy.source, ['actionPlan', index, row.dates ? 'dates' : 'date']);
    return [
      {
        ...locateIn(source, ['meeting', 'date']),
        message:
          `the meeting is on ${meeting.date}, but its plan row '${meeting.planRow}' says ${days.join(', ')} ` +
          `(${at.file}:${at.line}); change the one that is out of date`,
      },
    ];
  });
}
