/** What docProps/core.xml and app.xml say about a deck: decided when the deck is planned. */
export interface DeckProperties {
  title: string;
  subject: string;
  author: string;
  company: string;
  /** Strategy version, e.g. "0.2". */
  version: string;
  /** Integer revision, counted from the version history. */
  revision: number;
  /** ISO date (YYYY-MM-DD) used for created/modified, so builds are deterministic. */
  date: string;
  /** BCP 47 tag for every text run, e.g. "nb-NO". */
  language: string;
  keywords?: string;
  /** The deck's id, recorded in docProps/custom.xml so `trappa absorb` knows the file (none: no custom.xml). */
  deckId?: string;
}
