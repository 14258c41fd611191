import { mkdir } from 'node:fs/promises';
import { saveAtomically } from '../../io/save-file.js';
import path from 'node:path';
import { TrappaError } from '../../errors.js';
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
  const messages = await prepareMessages(decks, options);
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer');
  await mkdir(options.outDir, { recursive: true });
  const files = draftFileNames(messages, options.outDir);
  for (const [i, message] of messages.entries()) {
    const address = (r: Recipient) => ({ name: r.name ?? '', address: r.email });
    const { distribution } = message;
    const node = new MailComposer({
      ...(options.from ? { from: address(options.from) } : {}),
      to: distribution.to.map(address),
      ...(distribution.cc?.length ? { cc: distribution.cc.map(address) } : {}),
      ...(distribution.bcc?.length ? { bcc: distribution.bcc.map(address) } : {}),
      ...(distribution.replyTo ? { replyTo: address(distribution.replyTo) } : {}),
      subject: message.subject,
      text: message.text,
      headers: { 'X-Unsent': '1', 'X-Trappa-Deck': `${message.deck.deckId}; version=${message.deck.version}` },
      attachments: message.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
    }).compile();
    node.keepBcc = true;
    await saveAtomically(files[i]!, await node.build());
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
    if (other) throw new TrappaError(`Decks "${other}" and "${deck.deckId}" would both write the draft ${name}; give their attachments different names.`);
    seen.set(name, deck.deckId);
    return path.join(outDir, name);
  });
}

