/**
 * A deck's content titles alike (issue #20). On a template whose ground fails the title's colour
 * only under a long title (Focus' «Arbeidet med kommunikasjonsplan – nærmeste tid» reaches its
 * purple; Grey_Elegant's and Blueprint_Plans' long titles their darker blocks), one or two titles
 * of nine stood on a panel and the rest on the ground: the deck read as pasted together. Where
 * some content titles need a panel and others do not, every content title takes one alike (the
 * title slide's layout has its own design, and keeps its own).
 */
import type { LayoutInfo } from './master-set.js';
import type { SlidePlan, TitlePanel } from './slide-structure.js';

/** The panel of the deck's first content title on one, where some content titles are on one and some are not. */
export function sharedTitlePanel(plans: readonly SlidePlan[], cover: LayoutInfo): TitlePanel | undefined {
  const titles = plans
    .filter((p) => p.layout !== cover)
    .flatMap((p) => p.shapes.filter((s) => s.placeholder?.type === 'title'));
  const panelled = titles.filter((t) => t.panel);
  if (panelled.length === 0 || panelled.length === titles.length) return undefined;
  return { slot: panelled[0]!.panel!, alpha: panelled[0]!.panelAlpha ?? 1 };
}
