/** Målgrupper: highest-priority groups beside the others; the audience's own groups are marked. */
import type { Paragraph } from '../layout/types.js';
import { layoutTwoLists } from './two-lists.js';
import type { SlideInput, SlideKind } from './types.js';

function groupParagraphs(input: SlideInput, priority: 'high' | 'other'): Paragraph[] {
  const { strategy, audienceGroups, theme } = input.plan;
  return strategy.targetGroups.groups
    .filter((g) => g.priority === priority)
    .map((g): Paragraph => {
      const own = audienceGroups.has(g.id);
      return {
        runs: [own ? { text: g.name, bold: true, highlight: theme.colors.highlight } : { text: g.name }],
        bullet: true,
        level: 0,
        spaceBefore: 3,
      };
    });
}

export const targetGroupsSlide: SlideKind = {
  build(input) {
    const marked = input.plan.strategy.targetGroups.groups.some((g) => input.plan.audienceGroups.has(g.id));
    return layoutTwoLists(input.page, {
      title: input.title('target-groups.title'),
      columns: [
        { heading: input.text('target-groups.high'), items: groupParagraphs(input, 'high') },
        { heading: input.text('target-groups.other'), items: groupParagraphs(input, 'other') },
      ],
      note: marked ? input.text('target-groups.own') : undefined,
    });
  },
};
