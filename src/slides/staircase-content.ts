/** What the staircase slide says, before any layout: the base, the steps with their question, the top. */
import type { SlideInput } from './types.js';

export interface Step {
  label: string;
  question: string;
  points: string[];
  outcome?: string;
}

export interface StaircaseContent {
  title: string;
  base: string;
  steps: Step[];
  top: string;
  explanation: string[];
}

export function staircaseContent(input: SlideInput): StaircaseContent {
  const s = input.plan.strategy.staircase;
  return {
    title: input.title('staircase.title'),
    base: s.base,
    steps: s.steps.map((step, i) => ({
      label: input.text('staircase.step', { number: i + 1 }),
      question: input.text('staircase.question', { question: step.question, number: i + 1 }),
      points: step.points,
      outcome: step.outcome,
    })),
    top: s.top.join(' · '),
    explanation: s.explanation,
  };
}
