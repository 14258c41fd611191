/**
 * The data field each named element is made from, so a finding says where to change
 * the text. Element names are set by the slide kinds (src/slides/*); a name not listed
 * here (a deck's own slide, a list whose source depends on the slide) gets no field.
 */
const FIELDS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^Explanation$/, () => 'strategy.yaml staircase.explanation'],
  [/^Step (\d+)$/, (m) => `strategy.yaml staircase.steps[${Number(m[1]) - 1}]`],
  [/^Step (\d+) outcome$/, (m) => `strategy.yaml staircase.steps[${Number(m[1]) - 1}].outcome`],
  [/^Base$/, () => 'strategy.yaml staircase.base'],
  [/^Top$/, () => 'strategy.yaml staircase.top'],
  [/^Summary$/, () => 'strategy.yaml model.summary'],
  [/^Tasks label$/, () => 'strategy.yaml model.tasks'],
  [/^Service /, () => 'strategy.yaml model.services'],
  [/^Outcome$/, () => 'strategy.yaml model.outcome'],
  [/^Emphasis$/, () => 'strategy.yaml model.emphasis'],
  [/^Member /, () => 'strategy.yaml organisation.members'],
  [/^Joint body$/, () => 'strategy.yaml organisation.name'],
  [/^Action plan$/, () => 'strategy.yaml actionPlan'],
  [/^Heading \d+$|list$/, () => 'strategy.yaml targetGroups.groups'],
  [/^Legend$/, () => 'decks/<deck>.yaml audience.groups'],
  [/^Subtitle$/, () => 'decks/<deck>.yaml meeting'],
];

export function fieldOf(element: string): string | undefined {
  for (const [pattern, field] of FIELDS) {
    const m = pattern.exec(element);
    if (m) return field(m);
  }
  return undefined;
}
