/**
 * What a Graph send records is what happened (issue #26, the red team's findings), against the
 * stand-in Microsoft 365 on 127.0.0.1: a send Graph throttled to the end froze the version but
 * records no `sentAt`; Retry-After is waited for, within a bound; a token with a CR-LF is refused
 * before any request and never shown or logged; a token answer of 600 MB is not read past the limit.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadMailConfig } from '../src/post/email/mail-config.js';
import { MailLoginError } from '../src/post/email/oauth-token.js';
import { sendDecks, type SendDecksOptions } from '../src/post/email/send-decks.js';
import { readSendLog } from '../src/post/email/send-log.js';
import type { AttachmentInfo } from '../src/post/email/types.js';
import { freezeBeforeSending, recordSent } from '../src/versions/freeze.js';
import { loadManifest } from '../src/versions/manifest.js';
import { makeDeck, tempDir, TEMPLATES_DIR } from './email-fixtures.js';
import { CLIENT_ID, CLIENT_SECRET, startFakeM365, TENANT } from './m365-fake.js';

const MAILBOX = 'kommunikasjon@innherred-samkommune.no';

/** A Graph send as `trappa send` wires it: freeze before the hand-over, `sentAt` after a confirmed one. */
async function setup() {
  const dir = await tempDir();
  const m365 = await startFakeM365(MAILBOX);
  onTestFinished(() => m365.close());
  const mail = await loadMailConfig({
    env: {
      TRAPPA_MAIL_TRANSPORT: 'graph',
      TRAPPA_GRAPH_URL: m365.graphUrl,
      TRAPPA_SMTP_FROM: MAILBOX,
      TRAPPA_OAUTH_TENANT: TENANT,
      TRAPPA_OAUTH_CLIENT_ID: CLIENT_ID,
      TRAPPA_OAUTH_CLIENT_SECRET: CLIENT_SECRET,
      TRAPPA_OAUTH_TOKEN_URL: m365.tokenUrl,
    },
  });
  const waits: number[] = [];
  const version = (deckId: string, v: string, attachments: readonly AttachmentInfo[]) => ({
    deckId,
    version: v,
    file: attachments[0]!.path,
    sha256: attachments[0]!.sha256,
  });
  const options: SendDecksOptions = {
    mail,
    logFile: path.join(dir, 'send-log.jsonl'),
    templatesDir: TEMPLATES_DIR,
    retry: { sleep: async (ms) => void waits.push(ms) },
    freeze: (deckId, v, attachments) => freezeBeforeSending(dir, version(deckId, v, attachments)),
    sent: (deckId, v, attachments) => recordSent(dir, version(deckId, v, attachments)),
  };
  const deck = await makeDeck(dir);
  const entry = async () => (await loadManifest(dir)).manifest.entries[`${deck.deckId}@${deck.version}`];
  return { dir, m365, options, deck, waits, entry };
}

const statuses = (report: Awaited<ReturnType<typeof sendDecks>>) =>
  report.decks.flatMap((d) => d.recipients.map((r) => r.status));

describe('Graph outcomes recorded truthfully', () => {
  it('429 to all four tries: nothing delivered, the version frozen, no sentAt; a later send records it', async () => {
    const { m365, options, deck, waits, entry } = await setup();
    m365.throttle = { count: 4 };
    const report = await sendDecks([deck], options);
    expect(m365.throttled).toBe(4);
    expect(m365.sent).toHaveLength(0);
    expect(statuses(report)).toEqual(['failed', 'failed', 'failed', 'failed']);
    expect(waits).toEqual([2000, 4000, 8000]);
    const frozen = await entry();
    expect(frozen?.frozenAt).toBeDefined();
    expect(frozen?.sentAt).toBeUndefined();

    const later = await sendDecks([deck], options);
    expect(statuses(later)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(m365.sent).toHaveLength(1);
    expect((await entry())?.sentAt).toBeDefined();
    expect((await entry())?.frozenAt).toBe(frozen?.frozenAt);
  });

  it('Retry-After: 30 is waited for, then the message goes once', async () => {
    const { m365, options, deck, waits } = await setup();
    m365.throttle = { count: 1, retryAfter: '30' };
    expect(statuses(await sendDecks([deck], options))).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(waits).toEqual([30_000]);
    expect(m365.sent).toHaveLength(1);
  });

  it('a Retry-After beyond the bound is not cut short: no early retry, the recipients fail saying so', async () => {
    const { m365, options, deck, waits, entry } = await setup();
    m365.throttle = { count: 1, retryAfter: '400' };
    const report = await sendDecks([deck], options);
    expect(waits).toEqual([]);
    expect(m365.throttled).toBe(1);
    expect(statuses(report)).toEqual(['failed', 'failed', 'failed', 'failed']);
    expect(report.decks[0]!.recipients[0]!.detail).toMatch(/the server asked to wait 400 s more; send again later/);
    expect((await entry())?.sentAt).toBeUndefined();
  });

  it('a token with a CR-LF is refused before any request, and is in no message and no log', async () => {
    const { dir, m365, options, deck, entry } = await setup();
    m365.tokenValue = 'eyJ0eXAi.1.graph\r\nX-Injected: stolen-header';
    const error = await sendDecks([deck], options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailLoginError);
    expect((error as Error).message).toMatch(/answered with an access token that is not a bearer token/);
    expect(String((error as Error).message)).not.toMatch(/Injected|stolen|eyJ0eXAi/);
    expect(m365.sent).toHaveLength(0);
    // Nothing was frozen or logged: the run stopped at the login, before any hand-over.
    expect(await entry()).toBeUndefined();
    const log = path.join(dir, 'send-log.jsonl');
    if (existsSync(log)) expect(readFileSync(log, 'utf8')).not.toMatch(/Injected|eyJ0eXAi/);
    expect((await readSendLog(log)).lines).toEqual([]);
  });

  it('a token answer of 600 MB is read no further than the limit', async () => {
    const { m365, options, deck } = await setup();
    m365.tokenAnswerBytes = 600 * 1024 * 1024;
    const error = await sendDecks([deck], options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailLoginError);
    expect((error as Error).message).toMatch(/answered with more than 1 MB; reading stopped there/);
    // What the server got onto the wire before the client stopped: the limit plus socket buffers.
    console.info(
      `600 MB token answer: ${(m365.tokenBytesWritten / 1024 / 1024).toFixed(1)} MB written before the stop`,
    );
    expect(m365.tokenBytesWritten).toBeLessThan(32 * 1024 * 1024);
    expect(m365.sent).toHaveLength(0);
  });
});
