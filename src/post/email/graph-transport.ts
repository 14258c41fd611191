/**
 * Microsoft Graph as a transport: POST /users/{sender}/sendMail with the message as JSON.
 * Attachments over Graph's inline limit go into a draft through an upload session
 * (createUploadSession, then PUT in pieces) and the draft is sent with POST …/send.
 */
import {
  escapeControl,
  withoutNodeAdvice,
  type AttemptResult,
  type MailFailure,
  type MailSender,
  type OutgoingMail,
} from './mail-sender.js';
import type { MailTimeouts } from './mail-config.js';
import type { PreparedAttachment } from './prepare-messages.js';
import { graphAccessDeniedMessage, type OAuthConfig, type TokenSource } from './oauth-token.js';
import { normalizeAddress } from './mail-sender.js';
import { readJsonLimited } from './read-limited.js';
import type { Recipient } from './types.js';

export interface GraphSenderOptions {
  graphUrl: string;
  from: Recipient;
  oauth: OAuthConfig;
  timeouts: MailTimeouts;
}

/**
 * A Graph request may carry at most 4 MB (4,194,304 bytes). Base64 makes 3,000,000 bytes of
 * attachments 4,000,000, which leaves room for the rest of the JSON; more goes by upload session.
 */
const GRAPH_INLINE_LIMIT = 3_000_000;
/** Upload pieces must be multiples of 320 KiB and under 4 MiB. */
const CHUNK = 10 * 320 * 1024;
const NOT_REACHED = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH/;
const TLS_PROBLEM = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME|SSL|TLS/i;

/** A request that failed, with what it means for delivery. */
class GraphFailure extends Error {
  constructor(
    readonly failure: MailFailure,
    readonly uncertain = false,
  ) {
    super(failure.detail);
  }
}

export function createGraphSender(options: GraphSenderOptions, tokens: TokenSource): MailSender {
  // Signed in as oneself, one sends from one's own mailbox; an app names the mailbox it sends as.
  const mailbox =
    options.oauth.flow === 'delegated'
      ? `${options.graphUrl}/me`
      : `${options.graphUrl}/users/${encodeURIComponent(options.from.email)}`;
  const call = (method: string, url: string, body: unknown, handOver = false) =>
    request(options, tokens, method, url, body, handOver);
  return {
    async verify() {
      await tokens.get();
    },
    async send(mail, beforeHandOver) {
      const message = graphMessage(mail);
      const total = mail.attachments.reduce((sum, a) => sum + a.size, 0);
      try {
        if (total <= GRAPH_INLINE_LIMIT) {
          await beforeHandOver();
          await call(
            'POST',
            `${mailbox}/sendMail`,
            { message: { ...message, attachments: mail.attachments.map(fileAttachment) }, saveToSentItems: true },
            true,
          );
        } else {
          const draft = (await call('POST', `${mailbox}/messages`, message)) as { id?: string };
          if (typeof draft.id !== 'string')
            throw new GraphFailure({ transient: true, fatal: false, detail: 'Graph created no draft id' });
          const draftUrl = `${mailbox}/messages/${encodeURIComponent(draft.id)}`;
          try {
            for (const attachment of mail.attachments) {
              if (attachment.size <= GRAPH_INLINE_LIMIT)
                await call('POST', `${draftUrl}/attachments`, fileAttachment(attachment));
              else await upload(options, call, draftUrl, attachment);
            }
          } catch (error) {
            // Leave no half-built draft in the mailbox's Drafts folder (best effort).
            await call('DELETE', draftUrl, undefined).catch(() => undefined);
            throw error;
          }
          await beforeHandOver();
          await call('POST', `${draftUrl}/send`, undefined, true);
        }
        return { accepted: new Set(mail.recipients.map((r) => normalizeAddress(r.email))), rejected: new Map() };
      } catch (error) {
        if (!(error instanceof GraphFailure)) throw error;
        const failure =
          error.failure.code === 403
            ? { ...error.failure, detail: graphAccessDeniedMessage(options.from.email, options.oauth) }
            : error.failure;
        return {
          accepted: new Set(),
          rejected: new Map(),
          error: failure,
          uncertain: error.uncertain,
        } satisfies AttemptResult;
      }
    },
    close: () => undefined,
  };
}

/** To and Cc as the headers should show them (only people this message goes to); everyone else in Bcc. */
function graphMessage(mail: OutgoingMail): Record<string, unknown> {
  const due = new Set(mail.recipients.map((r) => normalizeAddress(r.email)));
  const shown = new Set([...mail.to, ...mail.cc].map((r) => normalizeAddress(r.email)));
  const list = (rs: readonly Recipient[]) =>
    rs.map((r) => ({ emailAddress: { address: r.email, ...(r.name ? { name: r.name } : {}) } }));
  const onlyDue = (rs: readonly Recipient[]) => rs.filter((r) => due.has(normalizeAddress(r.email)));
  return {
    subject: mail.subject,
    body: { contentType: 'Text', content: mail.text.replace(/\r?\n/g, '\r\n') },
    toRecipients: list(onlyDue(mail.to)),
    ccRecipients: list(onlyDue(mail.cc)),
    bccRecipients: list(mail.recipients.filter((r) => !shown.has(normalizeAddress(r.email)))),
    ...(mail.replyTo ? { replyTo: list([mail.replyTo]) } : {}),
    internetMessageId: mail.messageId,
    internetMessageHeaders: [{ name: 'X-Trappa-Deck', value: `${mail.deckId}; version=${mail.version}` }],
  };
}

function fileAttachment(a: PreparedAttachment): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.fileAttachment',
    name: a.filename,
    contentType: a.contentType,
    contentBytes: a.content.toString('base64'),
  };
}

async function upload(
  options: GraphSenderOptions,
  call: (method: string, url: string, body: unknown) => Promise<unknown>,
  draftUrl: string,
  attachment: PreparedAttachment,
): Promise<void> {
  const item = {
    attachmentType: 'file',
    name: attachment.filename,
    size: attachment.size,
    contentType: attachment.contentType,
  };
  const session = (await call('POST', `${draftUrl}/attachments/createUploadSession`, { AttachmentItem: item })) as {
    uploadUrl?: string;
  };
  if (typeof session.uploadUrl !== 'string')
    throw new GraphFailure({ transient: true, fatal: false, detail: 'Graph opened no upload session' });
  for (let start = 0; start < attachment.size; start += CHUNK) {
    const piece = attachment.content.subarray(start, Math.min(attachment.size, start + CHUNK));
    // The upload URL carries its own authorisation; Graph refuses a bearer token on it.
    const response = await send(options, session.uploadUrl, {
      method: 'PUT',
      headers: {
        'content-type': 'application/octet-stream',
        'content-range': `bytes ${start}-${start + piece.length - 1}/${attachment.size}`,
      },
      body: new Uint8Array(piece),
    });
    if (response.status >= 300) throw new GraphFailure(await describe(response, false));
  }
}

async function request(
  options: GraphSenderOptions,
  tokens: TokenSource,
  method: string,
  url: string,
  body: unknown,
  handOver: boolean,
): Promise<unknown> {
  for (let renew = false; ; renew = true) {
    const token = await tokens.get(renew);
    const response = await send(
      options,
      url,
      {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      },
      handOver,
    );
    // An expired or revoked token: ask for a new one, once.
    if (response.status === 401 && !renew) continue;
    if (response.status >= 300)
      throw new GraphFailure(await describe(response, handOver), handOver && isAmbiguous(response.status));
    if (response.status === 202 || response.status === 204) return {};
    const read = await readJsonLimited(response, ANSWER_LIMIT);
    return 'json' in read && read.json !== undefined ? read.json : {};
  }
}

async function send(options: GraphSenderOptions, url: string, init: RequestInit, handOver = false): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(options.timeouts.commandMs) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    // A request fetch could not even build (a header value it refuses): nothing left this machine,
    // and the message, which may quote the header, is not shown.
    if (error instanceof TypeError && cause === undefined)
      throw new GraphFailure({ transient: false, fatal: true, detail: 'Trappa could not build the request to Graph' });
    const text = withoutNodeAdvice(`${cause?.code ?? ''} ${cause?.message ?? (error as Error).message}`);
    const tls = TLS_PROBLEM.test(text) && !NOT_REACHED.test(text);
    const reached = !NOT_REACHED.test(text) && !tls;
    const detail = escapeControl(
      (error as Error).name === 'TimeoutError'
        ? `no answer from Microsoft Graph within ${options.timeouts.commandMs / 1000} s`
        : text.trim(),
    );
    // Once the request may have arrived, an unanswered send may still have gone out.
    throw new GraphFailure({ transient: !tls, fatal: tls, detail }, handOver && reached);
  }
}

/** A gateway error after the send request may hide a message that went out anyway. */
function isAmbiguous(status: number): boolean {
  return status >= 500 && status !== 503;
}

/** Graph's answers are small (an error, a draft's id, an upload URL); more is not read. */
const ERROR_ANSWER_LIMIT = 256 * 1024;
const ANSWER_LIMIT = 4 * 1024 * 1024;
/** A Retry-After beyond a day is not a wait but a broken header. */
const LONGEST_RETRY_AFTER_MS = 86_400_000;

/** Retry-After in ms: seconds, or an HTTP date. */
function retryAfter(response: Response): number | undefined {
  const value = response.headers.get('retry-after')?.trim();
  if (!value) return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(0, ms), LONGEST_RETRY_AFTER_MS) : undefined;
}

async function describe(response: Response, handOver: boolean): Promise<MailFailure> {
  const read = await readJsonLimited(response, ERROR_ANSWER_LIMIT);
  const json = ('json' in read && read.json && typeof read.json === 'object' ? read.json : {}) as {
    error?: { code?: string; message?: string };
  };
  const what = [json.error?.code, json.error?.message].filter(Boolean).join(': ') || response.statusText;
  const status = response.status;
  const transient = status === 429 || status === 503 || (status >= 500 && !handOver);
  const fatal = status === 401 || status === 403 || status === 404;
  const wait = retryAfter(response);
  return {
    transient,
    fatal,
    code: status,
    detail: escapeControl(`Microsoft Graph ${status} ${what}`),
    ...(wait !== undefined ? { retryAfterMs: wait } : {}),
  };
}
