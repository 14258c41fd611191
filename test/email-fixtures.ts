/** Decks, files and settings shared by the e-mail tests. */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { loadSmtpConfig, type SmtpConfig } from '../src/post/email/smtp-config.js';
import type { Distribution, OutgoingDeck } from '../src/post/email/types.js';
import type { TestCertificate } from './email-test-server.js';

export const TEMPLATES_DIR = path.resolve(import.meta.dirname, '..', 'templates');
export const USER = 'kommunikasjon@innherred-samkommune.no';
/** Non-ASCII on purpose: the tests also look for its base64 forms. */
export const PASSWORD = 'Hemmelig-Pål-trapp-2004!';
export const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'trappa-email-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export const sha256 = (bytes: Buffer | Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export const storledermoteDistribution: Distribution = {
  to: [
    { name: 'Ola Nordmann', email: 'ola.nordmann@levanger.kommune.no' },
    { name: 'Åse Ødegård', email: 'ase.odegard@verdal.kommune.no' },
  ],
  cc: [{ email: 'tillitsvalgt@levanger.kommune.no' }],
  bcc: [{ email: 'arkiv@innherred-samkommune.no' }],
  replyTo: { name: 'Kari Nordmann', email: 'kari.nordmann@innherred-samkommune.no' },
};

export interface DeckFixture {
  deckId?: string;
  version?: string;
  audienceLabel?: string;
  meeting?: { name: string; date: string; place?: string };
  distribution?: Distribution;
  withPdf?: boolean;
  pptxBytes?: number;
  language?: string;
}

/** Writes a .pptx-like file (and a PDF) into dir and returns the deck that sends them. */
export async function makeDeck(dir: string, fixture: DeckFixture = {}): Promise<OutgoingDeck> {
  const deckId = fixture.deckId ?? 'storledermote';
  const version = fixture.version ?? '0.2';
  const meeting = fixture.meeting ?? { name: 'Storledermøte', date: '2004-02-04', place: 'Levanger rådhus' };
  const label = fixture.audienceLabel ?? 'storledermøte';
  const base = `Kommunikasjonsstrategi – ${label} – v${version} – ${meeting.date}`;
  const pptxPath = path.join(dir, `${deckId}-${version}.pptx`);
  // Any bytes do for the sha256 check; start like a zip so it looks the part.
  await writeFile(pptxPath, Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(fixture.pptxBytes ?? 24_000)]));
  const attachments = [{ path: pptxPath, filename: `${base}.pptx`, contentType: PPTX }];
  if (fixture.withPdf ?? true) {
    const pdfPath = path.join(dir, `${deckId}-${version}.pdf`);
    await writeFile(pdfPath, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(9_000)]));
    attachments.push({ path: pdfPath, filename: `${base}.pdf`, contentType: 'application/pdf' });
  }
  return {
    deckId,
    version,
    context: {
      title: 'Kommunikasjonsstrategi Innherred Samkommune',
      strategy: 'Innherred Samkommune',
      audience: 'ledere og tillitsvalgte i Levanger og Verdal',
      purpose: 'Presentasjonen gir lederne det de trenger for å orientere egne ansatte om strategien.',
      meeting,
      presenter: 'Kari Nordmann, kommunikasjonsrådgiver',
      contact: { name: 'Kari Nordmann', email: 'kari.nordmann@innherred-samkommune.no', phone: '74 05 28 00' },
      version,
      language: fixture.language ?? 'nb',
    },
    attachments,
    distribution: fixture.distribution ?? storledermoteDistribution,
    location: { file: 'data/distribution.yaml', line: 3, col: 1, field: `${deckId}` },
  };
}

/** SMTP settings as the CLI would read them: from the environment, CA file included. */
export async function smtpEnv(
  dir: string,
  port: number,
  certificate: TestCertificate,
  password = PASSWORD,
): Promise<NodeJS.ProcessEnv> {
  const caFile = path.join(dir, 'test-ca.pem');
  await writeFile(caFile, certificate.cert);
  return {
    HOME: dir, // keep the developer's own ~/.config/trappa/smtp.yaml out of the tests
    TRAPPA_SMTP_HOST: '127.0.0.1',
    TRAPPA_SMTP_PORT: String(port),
    TRAPPA_SMTP_SECURITY: 'starttls',
    TRAPPA_SMTP_USER: USER,
    TRAPPA_SMTP_PASSWORD: password,
    TRAPPA_SMTP_FROM: 'Kommunikasjon Innherred Samkommune <kommunikasjon@innherred-samkommune.no>',
    TRAPPA_SMTP_CA_FILE: caFile,
  };
}

export async function smtpConfig(
  dir: string,
  port: number,
  certificate: TestCertificate,
  password = PASSWORD,
): Promise<SmtpConfig> {
  return loadSmtpConfig({ env: await smtpEnv(dir, port, certificate, password) });
}

/** Every form the password could leak in: plain, and base64 as AUTH LOGIN and AUTH PLAIN send it. */
export function passwordForms(password = PASSWORD): string[] {
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  return [password, b64(password), b64(`\u0000${USER}\u0000${password}`), encodeURIComponent(password)];
}
