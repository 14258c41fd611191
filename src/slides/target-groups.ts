/**
 * Målgrupper: highest-priority groups, then the others, flowing through balanced columns
 * (column-flow.ts). The audience's own groups are marked, and the legend names exactly
 * the groups that are marked, so it cannot say one thing while the slide shows another.
 */
import type { Paragraph } from '../layout/types.js';
import { layoutList } from './bullets.js';
import { layoutFlow } from './column-flow.js';
import type { SlideInput, SlideKind } from './types.js';

function groupParagraphs(input: SlideInput, priority: 'high' | 'other'): Paragraph[] {
  const { strategy, audienceGroups, theme } = input.plan;
  return strategy.targetGroups.groups
    .filter((g) => g.priority === priority)
    .map((g): Paragraph => {
      const own = audienceGroups.has(g.id);
      return {
        runs: [
          own
            ? { text: g.name, bold: true, highlight: theme.colors.highlight ?? theme.colors.secondary }
            : { text: g.name },
        ],
        bullet: true,
        level: 0,
        spaceBefore: 3,
      };
    });
}

export const targetGroupsSlide: SlideKind = {
  build(input) {
    const { strategy, audienceGroups } = input.plan;
    // In the slide's order: highest priority first.
    const marked = [
      ...strategy.targetGroups.groups.filter((g) => g.priority === 'high'),
      ...strategy.targetGroups.groups.filter((g) => g.priority !== 'high'),
    ]
      .filter((g) => audienceGroups.has(g.id))
      .map((g) => g.name);
    if (strategy.targetGroups.groups.length === 0) {
      return layoutList(input.page, {
        title: input.title('target-groups.title'),
        items: [{ runs: [{ text: input.text('target-groups.none') }] }],
      });
    }
    return layoutFlow(input.page, {
      title: input.title('target-groups.title'),
      lists: [
        { heading: input.text('target-groups.high'), items: groupParagraphs(input, 'high') },
        { heading: input.text('target-groups.other'), items: groupParagraphs(input, 'other') },
      ],
      note: marked.length > 0 ? input.text('target-groups.own', { groups: marked }) : undefined,
      marked: (p) => p.runs.some((r) => r.bold === true),
    });
  },
};
