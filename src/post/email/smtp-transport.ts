/**
 * SMTP through nodemailer's SMTPConnection, in four plain steps:
 * - connection: one logged-in connection kept for the whole run (smtp-session.ts), because
 *   logging in for every message costs ~100 ms and counts against Microsoft 365's connection
 *   limits; any failure drops it, and the next message opens a new one;
 * - envelope: the sender and every recipient of one message;
 * - batch: the message's bytes handed over after 354, with the moment marked: `beforeHandOver`
 *   runs at the first read of the bytes, so the send log records the intent first;
 * - outcome: what the server's answer (or its silence) means for each recipient.
 * The state between messages is the one kept connection (`Run`); the state of one attempt is how
 * far its hand-over got (`HandOver`). Both are values, not flags shared by closures.
 */
import { Readable } from 'node:stream';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import { composeMime } from './compose-mime.js';
import { type AttemptResult, type MailSender, normalizeAddress, type OutgoingMail } from './mail-sender.js';
import { MailLoginError } from './oauth-token.js';
import { type ConnectionClass, openSession, phase, type SmtpSenderOptions } from './smtp-session.js';
import { classify, type NodemailerLikeError, redactor, rejections } from './smtp-errors.js';

/** The run's kept connection, if one is open. */
interface Run {
  live?: SMTPConnection;
}

/** How far one attempt's hand-over got: the basis of its outcome. */
interface HandOver {
  /** The attempt used the run's kept connection (which the server may have closed while it was idle). */
  reused: boolean;
  /** `beforeHandOver` ran: the message can no longer be withdrawn quietly. */
  started: boolean;
  /** Every byte of the message went out. */
  ended: boolean;
}

type Envelope = { from: string; to: string[] };

export async function createSmtpSender(options: SmtpSenderOptions): Promise<MailSender> {
  const { default: Connection } = await import('nodemailer/lib/smtp-connection');
  const redact = redactor(options);
  const run: Run = {};
  return {
    async verify() {
      run.live = await openSession(Connection, options).catch((error: unknown) => {
        throw asLoginError(error, options, redact);
      });
    },
    async send(mail, beforeHandOver) {
      const bytes = await composeMime(mail);
      const envelope = envelopeOf(mail);
      const first = await attempt(run, Connection, options, envelope, bytes, beforeHandOver);
      if (first.kind === 'done') return first.result;
      if (!retryable(first.error, first.handOver)) return failedOutcome(first.error, first.handOver, redact);
      const second = await attempt(run, Connection, options, envelope, bytes, beforeHandOver);
      return second.kind === 'done' ? second.result : failedOutcome(second.error, second.handOver, redact);
    },
    close() {
      run.live?.quit();
      run.live = undefined;
    },
  };
}

/** The envelope: who the server is told the message is from and for (Bcc included, unlike the headers). */
function envelopeOf(mail: OutgoingMail): Envelope {
  return { from: mail.from.email, to: mail.recipients.map((r) => r.email) };
}

type Attempt =
  | { kind: 'done'; result: AttemptResult }
  | { kind: 'failed'; error: NodemailerLikeError; handOver: HandOver };

/**
 * One try at one message on the run's connection (opened when there is none). A failure drops
 * the connection; a refused login and a send log that could not be written end the run instead.
 */
async function attempt(
  run: Run,
  Connection: ConnectionClass,
  options: SmtpSenderOptions,
  envelope: Envelope,
  bytes: Buffer,
  beforeHandOver: () => Promise<void>,
): Promise<Attempt> {
  const handOver: HandOver = { reused: run.live !== undefined, started: false, ended: false };
  try {
    run.live ??= await openSession(Connection, options);
    const connection = run.live;
    const info = await phase<SMTPConnection.SentMessageInfo>(connection, (done) =>
      connection.send(envelope, messageStream(bytes, handOver, beforeHandOver), done),
    );
    return { kind: 'done', result: acceptedOutcome(info, redactor(options)) };
  } catch (error) {
    run.live?.close();
    run.live = undefined;
    if (error instanceof MailLoginError) throw error;
    const err = error as NodemailerLikeError;
    // ESTREAM: `beforeHandOver` failed, i.e. the send log could not be written.
    if (err.code === 'ESTREAM') throw (err as { cause?: unknown }).cause ?? err;
    return { kind: 'failed', error: err, handOver };
  }
}

/**
 * The server closed the kept connection while it was idle: worth once more on a new one, as
 * long as nothing was handed over and the server gave no answer of its own.
 */
function retryable(error: NodemailerLikeError, handOver: HandOver): boolean {
  return handOver.reused && !handOver.started && error.responseCode === undefined;
}

/** The server's answer to a message it took: whom it accepted, whom it refused. */
function acceptedOutcome(info: SMTPConnection.SentMessageInfo, redact: (s: string) => string): AttemptResult {
  return {
    accepted: new Set(info.accepted.map(String).map(normalizeAddress)),
    rejected: rejections((info as { rejectedErrors?: NodemailerLikeError[] }).rejectedErrors, redact),
  };
}

/** A failed attempt: handed over completely but unanswered, the server may have the message (uncertain). */
function failedOutcome(error: NodemailerLikeError, handOver: HandOver, redact: (s: string) => string): AttemptResult {
  return {
    accepted: new Set(),
    rejected: rejections(error.rejectedErrors, redact),
    error: classify(error, redact),
    uncertain: handOver.ended && error.responseCode === undefined,
  };
}

/** The message bytes, released only after `beforeHandOver` has run; records in `handOver` how far they got. */
function messageStream(bytes: Buffer, handOver: HandOver, beforeHandOver: () => Promise<void>): Readable {
  const stream = new Readable({
    read() {
      if (handOver.started) return;
      handOver.started = true;
      beforeHandOver().then(
        () => {
          this.push(bytes);
          this.push(null);
        },
        (error: Error) => this.destroy(error),
      );
    },
  });
  stream.on('end', () => {
    handOver.ended = true;
  });
  return stream;
}

/** A failure to connect or log in before anything is sent, as the one line the run stops with. */
function asLoginError(error: unknown, options: SmtpSenderOptions, redact: (s: string) => string): Error {
  if (error instanceof MailLoginError) return error;
  const failure = classify(error as NodemailerLikeError, redact);
  return new MailLoginError(
    `Cannot reach the SMTP server ${options.smtp.host}:${options.smtp.port}: ${failure.detail}`,
    { cause: error },
  );
}
