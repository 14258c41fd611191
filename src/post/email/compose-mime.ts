/**
 * The MIME bytes of a message or draft, built by nodemailer's MailComposer. Every line ends
 * in CRLF as RFC 5322 asks (the text is normalised first: quoted-printable keeps a bare LF).
 */
import type { OutgoingMail } from './mail-sender.js';
import type { Recipient } from './types.js';

export interface MimeInput extends Omit<OutgoingMail, 'from' | 'recipients'> {
  from?: Recipient;
  /** Only for drafts: Outlook keeps Bcc in a draft it opens, a sent message never shows it. */
  bcc?: Recipient[];
  /** `X-Unsent: 1`, so Outlook opens the file as a draft to send. */
  draft?: boolean;
}

const address = (r: Recipient) => ({ name: r.name ?? '', address: r.email });

export async function composeMime(mail: MimeInput): Promise<Buffer> {
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer');
  const node = new MailComposer({
    ...(mail.from ? { from: address(mail.from) } : {}),
    ...(mail.to.length ? { to: mail.to.map(address) } : {}),
    ...(mail.cc.length ? { cc: mail.cc.map(address) } : {}),
    ...(mail.bcc?.length ? { bcc: mail.bcc.map(address) } : {}),
    ...(mail.replyTo ? { replyTo: address(mail.replyTo) } : {}),
    subject: mail.subject,
    text: mail.text.replace(/\r?\n/g, '\r\n'),
    ...(mail.draft ? {} : { messageId: mail.messageId }),
    headers: { ...(mail.draft ? { 'X-Unsent': '1' } : {}), 'X-Trappa-Deck': `${mail.deckId}; version=${mail.version}` },
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      content: a.content,
      contentType: a.contentType,
    })),
    newline: 'windows',
  }).compile();
  if (mail.bcc?.length) node.keepBcc = true;
  return node.build();
}
