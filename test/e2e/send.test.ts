/**
 * `trappa send` and `trappa draft` as a user runs them: the real CLI, the bundled
 * decks, a real SMTP server on 127.0.0.1 with STARTTLS and AUTH.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it, onTestFinished } from 'vitest';
import { PASSWORD, passwordForms, USER } from '../email-fixtures.js';
import { generateCertificate, startTestServer } from '../email-test-server.js';
import { smtpEnv } from '../email-fixtures.js';
import { copyProject, editFile } from '../helpers/project.js';
import { runMain } from '../helpers/in-process.js';

const sha256 = (b: Buffer | Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe('trappa send', () => {
  it('sends the built deck to its list, logs it, freezes the version, and never sends twice', async () => {
    const root = copyProject();
    expect((await runMain(['build', '--deck', 'storledermote'], root)).status).toBe(0);
    const deckFile = path.join(root, 'output/storledermote-v0.2-2004-02-04.pptx');

    const certificate = await generateCertificate();
    const server = await startTestServer({ certificate, user: USER, password: PASSWORD });
    onTestFinished(() => server.close());
    const env = await smtpEnv(root, server.port, certificate);

    // A PDF that is not the accessible one of this deck (here: not a PDF at all) stays home, with a warning.
    writeFileSync(path.join(root, 'output/storledermote-v0.2-2004-02-04.pdf'), '%PDF-1.4 not really\n');
    const dry = await runMain(['send', '--deck', 'storledermote', '--dry-run'], root, env);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('ledere@levanger.kommune.no');
    expect(dry.stderr).toMatch(/storledermote-v0\.2-2004-02-04\.pdf is left out of storledermote's e-mail: /);
    expect(server.connections).toBe(0);

    const sent = await runMain(['send', '--deck', 'storledermote'], root, env);
    expect(sent.status, sent.stderr).toBe(0);
    expect(server.messages).toHaveLength(1);
    const mail = server.messages[0]!;
    expect(mail.secure).toBe(true);
    expect(mail.envelopeTo.sort()).toEqual([
      'ledere@levanger.kommune.no',
      'ledere@verdal.kommune.no',
      'tillitsvalgte@innherred-samkommune.no',
    ]);
    expect(mail.parsed.subject).toContain('Storledermøte 4. februar 2004');
    expect(mail.parsed.text).toContain('Levanger rådhus');
    expect(mail.parsed.attachments.map((a) => a.filename?.slice(-4))).toEqual(['pptx']);
    const attachment = mail.parsed.attachments.find((a) => a.filename?.endsWith('.pptx'))!;
    expect(attachment.filename).toBe('Kommunikasjonsstrategi Innherred Samkommune – Storledermøte – v0.2.pptx');
    expect(attachment.contentType).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    expect(sha256(attachment.content)).toBe(sha256(readFileSync(deckFile)));

    const log = readFileSync(path.join(root, 'output/send-log.jsonl'), 'utf8');
    expect(log).toContain('"storledermote"');
    for (const secret of passwordForms()) {
      for (const text of [dry.stdout, dry.stderr, sent.stdout, sent.stderr, log]) expect(text).not.toContain(secret);
    }

    // Sending froze 0.2: different content under the same version is refused.
    const manifest = JSON.parse(readFileSync(path.join(root, 'output/manifest.json'), 'utf8')) as {
      entries: Record<string, { sentAt?: string }>;
    };
    expect(manifest.entries['storledermote@0.2']?.sentAt).toBeTruthy();
    editFile(root, 'data/decks/storledermote.yaml', 'place: Levanger rådhus', 'place: Verdal rådhus');
    const rebuilt = await runMain(['build', '--deck', 'storledermote'], root);
    expect(rebuilt.status).toBe(3);
    expect(sha256(readFileSync(deckFile))).toBe(sha256(attachment.content));

    // Back to the data that was sent: a second send of the same version reaches nobody twice.
    editFile(root, 'data/decks/storledermote.yaml', 'place: Verdal rådhus', 'place: Levanger rådhus');
    const again = await runMain(['send', '--deck', 'storledermote'], root, env);
    expect(again.status, again.stderr).toBe(0);
    expect(server.messages).toHaveLength(1);
  });
});

describe('trappa send refuses a deck that is not the current build', () => {
  it('names the file and says to build first when the data changed after the build', async () => {
    const root = copyProject();
    expect((await runMain(['build', '--deck', 'ansatte'], root)).status).toBe(0);
    editFile(root, 'data/decks/ansatte.yaml', '- Din tillitsvalgte', '- Din tillitsvalgte eller verneombud');
    const run = await runMain(['send', '--deck', 'ansatte', '--dry-run'], root);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      'output/ansatte-v0.2-2004-01-28.pptx is older than its data or templates; run: trappa build --deck ansatte before sending',
    );
  });

  it('refuses a file changed by hand after the build', async () => {
    const root = copyProject();
    expect((await runMain(['build', '--deck', 'ansatte'], root)).status).toBe(0);
    writeFileSync(path.join(root, 'output/ansatte-v0.2-2004-01-28.pptx'), 'x', { flag: 'a' });
    const run = await runMain(['draft', '--deck', 'ansatte'], root);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/is not the file trappa built for ansatte v0\.2/);
  });
});

describe('trappa draft', () => {
  it('writes an .eml Outlook opens as an unsent draft, with the deck attached', async () => {
    const root = copyProject();
    expect((await runMain(['build', '--deck', 'ansatte'], root)).status).toBe(0);
    const run = await runMain(['draft', '--deck', 'ansatte'], root);
    expect(run.status, run.stderr).toBe(0);
    const dir = path.join(root, 'output/drafts');
    const [eml] = readdirSync(dir).filter((f) => f.endsWith('.eml'));
    const parsed = await simpleParser(readFileSync(path.join(dir, eml!)));
    expect(parsed.headers.get('x-unsent')).toBe('1');
    expect(parsed.subject).toContain('Allmøte for ansatte');
    const attachment = parsed.attachments.find((a) => a.filename?.endsWith('.pptx'))!;
    expect(sha256(attachment.content)).toBe(
      sha256(readFileSync(path.join(root, 'output/ansatte-v0.2-2004-01-28.pptx'))),
    );
  });
});
