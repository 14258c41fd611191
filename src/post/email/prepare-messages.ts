import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { InputError, type Issue } from '../../errors.js';
import {
  contentTypeFor,
  emailLanguage,
  formatSize,
  loadEmailTemplates,
  renderEmailText,
  type EmailTemplates,
} from './compose-message.js';
import { distributionSchema } from '../../data/distribution-schema.js';
import type { AttachmentInfo, Distribution, OutgoingDeck, Recipient, RecipientField } from './types.js';

/** 10 MiB: many mail servers refuse more once base64 has added its third. */
const DEFAULT_SIZE_LIMIT_BYTES = 10 * 1024 * 1024;

export interface PreparedAttachment extends AttachmentInfo {
  /** The bytes whose sha256 is logged: sent from memory so the log and the message cannot disagree. */
  content: Buffer;
}

interface AddressedRecipient extends Recipient {
  field: RecipientField;
}

/** A deck ready to be sent or drafted: checked, rendered, attachments read and hashed. */
export interface PreparedMessage {
  deck: OutgoingDeck;
  distribution: Distribution;
  subject: string;
  text: string;
  attachments: PreparedAttachment[];
  /** To, then Cc, then Bcc, each address once. */
  recipients: AddressedRecipient[];
}

export interface PrepareOptions {
  templatesDir: string;
  /** @default DEFAULT_SIZE_LIMIT_BYTES (10 MiB), for all attachments of one message together */
  sizeLimitBytes?: number;
}

/**
 * Checks every deck before anything is sent: distribution list, attachments present and
 * within the size limit, templates render. All problems are reported at once as an InputError.
 */
export async function prepareMessages(
  decks: readonly OutgoingDeck[],
  options: PrepareOptions,
): Promise<PreparedMessage[]> {
  const limit = options.sizeLimitBytes ?? DEFAULT_SIZE_LIMIT_BYTES;
  const issues: Issue[] = [];
  const templates = new Map<string, Promise<EmailTemplates>>();
  const prepared: PreparedMessage[] = [];
  for (const deck of decks) {
    const place = deck.location ?? { file: `deck ${deck.deckId}` };
    const parsed = distributionSchema.safeParse(deck.distribution);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = [place.field, ...issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))]
          .filter(Boolean)
          .join('.');
        issues.push({ ...place, field: field.replace(/\.\[/g, '['), message: issue.message });
      }
    }
    if (deck.attachments.length === 0)
      issues.push({ ...place, message: `deck "${deck.deckId}" has no attachment to send; build it first` });
    const attachments = await readAttachments(deck, issues);
    const total = attachments.reduce((sum, a) => sum + a.size, 0);
    if (total > limit) {
      issues.push({
        file: attachments[0]?.path ?? place.file,
        message:
          `deck "${deck.deckId}" attachments are ${formatSize(total, 'en')} together, over the ` +
          `${formatSize(limit, 'en')} limit; make the images smaller, or raise the limit with --max-size <MB> (or ` +
          `TRAPPA_MAIL_MAX_SIZE_MB) if the mail server takes bigger messages`,
      });
    }
    if (!parsed.success || attachments.length !== deck.attachments.length) continue;
    const language = emailLanguage(deck);
    let loading = templates.get(language);
    if (!loading) templates.set(language, (loading = loadEmailTemplates(options.templatesDir, language)));
    try {
      const { subject, text } = renderEmailText(deck, await loading, attachments);
      prepared.push({
        deck,
        distribution: parsed.data,
        subject,
        text,
        attachments,
        recipients: addressed(parsed.data),
      });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0) throw new InputError(issues);
  return prepared;
}

async function readAttachments(deck: OutgoingDeck, issues: Issue[]): Promise<PreparedAttachment[]> {
  const read: PreparedAttachment[] = [];
  for (const attachment of deck.attachments) {
    let content: Buffer;
    try {
      content = await readFile(attachment.path);
    } catch {
      issues.push({
        file: attachment.path,
        message: `attachment of deck "${deck.deckId}" is missing; build the deck first`,
      });
      continue;
    }
    read.push({
      path: attachment.path,
      filename: attachment.filename,
      contentType: contentTypeFor(attachment.filename, attachment.contentType),
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
    });
  }
  return read;
}

function addressed(distribution: Distribution): AddressedRecipient[] {
  const fields: RecipientField[] = ['to', 'cc', 'bcc'];
  return fields.flatMap((field) => (distribution[field] ?? []).map((r) => ({ ...r, field })));
}
