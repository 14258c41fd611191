import { makeFolder, saveAtomically } from '../../io/save-file.js';
import path from 'node:path';
import { TrappaError } from '../../errors.js';
import { dropInaccessiblePdfs } from '../pdf-attachment.js';
import { composeMime } from './compose-mime.js';
import { prepareMessages, type PreparedMessage } from './prepare-messages.js';
import type { OutgoingDeck, Recipient } from './types.js';

export interface WriteDraftsOptions {
  /** Where the .eml files go, e.g. `output/drafts`. */
  outDir: string;
  templatesDir: string;
  /** Sender; leave out to let Outlook fill in the account that opens the draft. */
  from?: Recipient;
  /** @default 10 MiB, as for sending */
  sizeLimitBytes?: number;
  /** Told about each PDF left out because it is not the deck's accessible PDF (see post/pdf-attachment.ts). */
  onPdfLeftOut?: (deckId: string, file: string, reason: string) => void;
}

/**
 * Writes one .eml per deck with `X-Unsent: 1`, so Outlook opens it as a draft ready to send.
 * Named after the first attachment: `Kommunikasjonsstrategi – storledermøte – v0.2 – 2004-02-04.eml`.
 *
 * Bcc is kept as a header in the file. A draft is the sender's own working copy: without the
 * header Outlook would open the draft with the Bcc recipients silently gone. Outlook drops Bcc
 * from what it transmits, as for any message; do not forward the .eml file itself.
 *
 * Drafts are not recorded in the send log: nothing has been sent.
 */
export async function writeDrafts(decks: readonly OutgoingDeck[], options: WriteDraftsOptions): Promise<string[]> {
  // Only the accessible PDF (it passes the PDF check against its deck) goes into a draft; the body lists its size.
  const checked = [];
  for (const deck of decks) {
    const { kept, dropped } = await dropInaccessiblePdfs(deck.attachments);
    for (const d of dropped) options.onPdfLeftOut?.(deck.deckId, d.attachment.path, d.reason);
    checked.push({ ...deck, attachments: kept });
  }
  const messages = await prepareMessages(checked, options);
  await makeFolder(options.outDir);
  const files = draftFileNames(messages, options.outDir);
  for (const [i, message] of messages.entries()) {
    const { distribution, deck } = message;
    const bytes = await composeMime({
      deckId: deck.deckId,
      version: deck.version,
      messageId: '',
      ...(options.from ? { from: options.from } : {}),
      to: distribution.to,
      cc: distribution.cc ?? [],
      bcc: distribution.bcc ?? [],
      ...(distribution.replyTo ? { replyTo: distribution.replyTo } : {}),
      subject: message.subject,
      text: message.text,
      attachments: message.attachments,
      draft: true,
    });
    await saveAtomically(files[i]!, bytes);
  }
  return files;
}

function draftFileNames(messages: readonly PreparedMessage[], outDir: string): string[] {
  const seen = new Map<string, string>();
  return messages.map(({ deck, attachments }) => {
    const first = attachments[0]?.filename;
    const base = first ? path.basename(first, path.extname(first)) : `${deck.deckId}-v${deck.version}`;
    // Keep æøå and dashes; drop what Windows forbids in file names.
    const name = `${base.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_')}.eml`;
    const other = seen.get(name);
    if (other)
      throw new TrappaError(
        `Decks "${other}" and "${deck.deckId}" would both write the draft ${name}; give their attachments different ` +
          `names.`,
      );
    seen.set(name, deck.deckId);
    return path.join(outDir, name);
  });
}
