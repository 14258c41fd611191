import type { SourceLocation } from '../../errors.js';

export interface Recipient {
  name?: string;
  email: string;
}

export interface Distribution {
  to: Recipient[];
  cc?: Recipient[];
  bcc?: Recipient[];
  replyTo?: Recipient;
}

export interface OutgoingDeck {
  deckId: string;
  version: string;
  /**
   * Everything the subject/body templates may use: deck title, audience, meeting {name, date (ISO),
   * place}, presenter, contact {name, email, phone}, version, strategy name, language.
   * The fields the shipped templates read are listed in {@link EmailContext}.
   */
  context: Record<string, unknown>;
  attachments: { path: string; filename: string; contentType: string }[];
  distribution: Distribution;
  /** Where the distribution list was defined, for located errors. */
  location?: SourceLocation;
}

/**
 * The context the shipped templates in `templates/<lang>/email/` read. Required fields are
 * required because the templates run in Handlebars strict mode: a missing one is an error.
 * @public documentation for template writers, referenced from OutgoingDeck.context
 */
export interface EmailContext {
  /** Deck title, e.g. "Kommunikasjonsstrategi Innherred Samkommune". */
  title: string;
  /** Name of the strategy, used in the signature. */
  strategy: string;
  /** Who the deck is for, e.g. "ledere og tillitsvalgte". */
  audience: string;
  /** What the deck is for: one or two sentences, shown as their own paragraph. */
  purpose?: string;
  /** Left out for a deck that is not for a meeting: the texts then name no meeting or date. */
  meeting?: { name: string /** ISO date, `2004-02-04` */; date: string; place?: string };
  /** Who presents at the meeting. */
  presenter?: string;
  /** Left out when the strategy names no contact; any part may be missing. */
  contact?: { name?: string; email?: string; phone?: string };
  /** Filled from `OutgoingDeck.version` when missing. */
  version?: string;
  /** `nb` (default), `nn` or `en`: picks `templates/<language>/email/`. */
  language?: string;
}

/** Where a recipient stands in the message's headers. */
export type RecipientField = 'to' | 'cc' | 'bcc';

/**
 * - `planned`: a dry run would send to this recipient.
 * - `skipped`: this recipient already got this version with these attachments.
 * - `refused`: this recipient got this version with *different* attachments; sending again
 *   would silently replace a released version (`--resend` overrides).
 * - `uncertain`: the message was handed over and no answer came (a crash, a lost connection);
 *   it may have arrived. Re-sent only with `--resend-uncertain`, with the same Message-ID.
 */
export type DeliveryStatus = 'planned' | 'sent' | 'skipped' | 'failed' | 'refused' | 'uncertain';

export interface RecipientOutcome {
  email: string;
  name?: string;
  field: RecipientField;
  status: DeliveryStatus;
  /** Why it was skipped, refused or failed (SMTP reply, never credentials). */
  detail?: string;
  /** SMTP reply code of a failure, e.g. 550. */
  smtpCode?: number;
}

export interface AttachmentInfo {
  path: string;
  filename: string;
  contentType: string;
  /** Bytes on disk. */
  size: number;
  /** Hex sha256 of the bytes sent. */
  sha256: string;
}

export interface DeckOutcome {
  deckId: string;
  version: string;
  subject: string;
  attachments: AttachmentInfo[];
  recipients: RecipientOutcome[];
  /** Message-ID of the (first) message sent for this deck, when one was sent. */
  messageId?: string;
  /** SMTP attempts made for this deck (0 in a dry run or when nothing was due). */
  attempts: number;
}

export interface SendReport {
  dryRun: boolean;
  /** The From address, when SMTP settings were given. */
  from?: string;
  decks: DeckOutcome[];
  counts: Record<DeliveryStatus, number>;
  /** True when no recipient failed, was refused or is uncertain. */
  ok: boolean;
  /** Why the run stopped early (login refused, TLS, server out of reach), one line. */
  fatal?: string;
}
