/**
 * What the changes slide lists for a deck that asks for `changes: since-sent`: the texts that
 * differ from the version last sent to the deck's audience. Plain data, computed before layout
 * (diff/sent-changes.ts reads the send records and the sent file, which layout cannot do).
 */

export interface SentTextChange {
  /** `moved`: the same text in another place on the slide (another list, another order). */
  kind: 'changed' | 'added' | 'removed' | 'moved';
  before?: string;
  after?: string;
}

export interface SentSlideChange {
  /** The slide's title (the sent one for a slide taken out). */
  title: string;
  status: 'changed' | 'added' | 'removed';
  changes: SentTextChange[];
}

export type SentChanges =
  /** Nothing of this deck has been sent to its audience before this version. */
  | { sent: false }
  | {
      sent: true;
      /** The version the audience last received (the highest sent version below the current one). */
      version: string;
      /** Day of the first confirmed delivery, YYYY-MM-DD (UTC). */
      sentAt: string;
      /** Slides that differ, in the current deck's order; empty when the texts are the same. */
      slides: SentSlideChange[];
    };
