/**
 * The named parts a slide kind places (shape names in PowerPoint's selection pane), each with
 * the strategy field its text shows. The name is written from a template and read back with
 * the same template, so the slide module that writes "Step 2" and the source tags that read it
 * cannot drift apart: there is no second spelling to keep in step.
 */

/** A path below the strategy's root, as `locateStrategy` takes it: ['staircase', 'steps', 1]. */
export type DataPath = readonly (string | number)[];

/** The few fields of the strategy a part's path may need to look up (structurally, to stay below data/). */
export interface StrategyShape {
  organisation: { members: readonly { name: string }[] };
}

/**
 * What a part is on the slide beyond its text, declared with it: the check, the PDF's tags
 * and the structure writer ask the registry (kinds/index.ts `partRole`), never the name's wording.
 * - heading: a heading over a panel, column or list (an H2 under the slide's title in the PDF);
 * - decoration: Trappa's own ornament, left out on an organisation's template and not content;
 * - label: a label that belongs to a figure (the model's tasks label, a legend under marked
 *   lists): on an organisation's template a text box beside the figure, not a text place of the
 *   slide's layout (the layout has no place for it, and *Reset slide* has nothing to move it to).
 */
export type PartRole = 'heading' | 'decoration' | 'label';

export interface Part {
  /** The name template; `{}` stands for the part's argument (a number or a name). */
  readonly template: string;
  /** Its role, when it has one beyond carrying text. */
  readonly role?: PartRole;
  /** The shape name for `arg` ("Step 2" for 2). */
  name(arg?: string | number): string;
  /** The argument a shape name was written with, or undefined when the name is not this part's. */
  match(name: string): string | undefined;
  /** The strategy field the part's text shows, when it shows one. */
  path?(arg: string, strategy: StrategyShape): DataPath | undefined;
}

const literal = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A part named by `template` ("Step {}", "Summary"); `path` maps its argument to the field
 * its text shows.
 */
export function part(
  template: string,
  path?: (arg: string, strategy: StrategyShape) => DataPath | undefined,
  role?: PartRole,
): Part {
  const [before, after] = template.split('{}') as [string, string | undefined];
  const pattern = new RegExp(`^${literal(before)}${after === undefined ? '' : `(.+)${literal(after)}`}$`, 's');
  return {
    template,
    name: (arg) => (after === undefined ? before : `${before}${arg ?? ''}${after}`),
    match: (name) => {
      const m = pattern.exec(name);
      return m ? (m[1] ?? '') : undefined;
    },
    ...(path ? { path } : {}),
    ...(role ? { role } : {}),
  };
}

/** A heading part: "Heading {}" over a column, "{} heading" beside a statement. */
export const heading = (template: string): Part => part(template, undefined, 'heading');

/** A figure's label: its text belongs to the figure beside it. */
export const label = (template: string, path?: Part['path']): Part => part(template, path, 'label');

/** A part of Trappa's own decoration (the rule under a title, the band behind logos). */
export const decoration = (template: string): Part => part(template, undefined, 'decoration');
