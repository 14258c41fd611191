/** What the model slide says, before any layout: members, joint body, tasks, services, outcome. */
import type { Paragraph } from '../layout/types.js';
import { markedRuns } from './markup.js';
import type { SlideInput } from './types.js';

interface Member {
  name: string;
}

export interface ModelContent {
  title: string;
  summary: string;
  members: Member[];
  jointBody: string;
  tasks?: string;
  /** Set by the layout when the tasks label found no place on the slide (it goes to the notes). */
  unplaced?: string;
  /** The joint body's services, drawn as boxes inside it. */
  services: string[];
  outcome: string;
  /** Set by the layout when the outcome did not fit under the diagram (it goes to the notes). */
  outcomeMoved?: boolean;
  /** Set by the layout when the services did not fit in the joint body (they go to the notes). */
  servicesMoved?: boolean;
  emphasis?: Paragraph;
}

/** The key sentence, stressed where the data marks it with `**…**` (see markup.ts). */
function emphasisParagraph(text: string): Paragraph {
  return { runs: markedRuns(text), align: 'center' };
}

export function modelContent(input: SlideInput): ModelContent {
  const { strategy } = input.plan;
  const org = strategy.organisation;
  return {
    title: input.title('model.title'),
    summary: strategy.model.summary,
    members: org.members.map((m) => ({ name: m.name })),
    jointBody: input.text('model.body', { organisation: org }),
    tasks: strategy.model.tasks,
    services: strategy.model.services,
    outcome: strategy.model.outcome,
    emphasis: strategy.model.emphasis ? emphasisParagraph(strategy.model.emphasis) : undefined,
  };
}
