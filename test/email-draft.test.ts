import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { expect, it } from 'vitest';
import { writeDrafts } from '../src/post/email/write-draft.js';
import { makeDeck, passwordForms, PPTX, sha256, tempDir, TEMPLATES_DIR } from './email-fixtures.js';

it('writes an .eml per deck that Outlook opens as an unsent draft, attachments intact', async () => {
  const dir = await tempDir();
  const outDir = path.join(dir, 'output', 'drafts');
  const decks = [
    await makeDeck(dir),
    await makeDeck(dir, { deckId: 'samkommunestyre', audienceLabel: 'samkommunestyre', language: 'nn' }),
  ];
  const leftOut: string[] = [];
  const files = await writeDrafts(decks, {
    outDir,
    templatesDir: TEMPLATES_DIR,
    from: { name: 'Kommunikasjon ISK', email: 'kommunikasjon@innherred-samkommune.no' },
    onPdfLeftOut: (deckId, file) => leftOut.push(`${deckId} ${path.basename(file)}`),
  });
  // The fixture's PDFs are random bytes, not the decks' accessible PDFs: left out (test/pdf-accessible.test.ts attaches a real one).
  expect(leftOut).toEqual(['storledermote storledermote-0.2.pdf', 'samkommunestyre samkommunestyre-0.2.pdf']);

  expect(files.map((f) => path.basename(f))).toEqual([
    'Kommunikasjonsstrategi – storledermøte – v0.2 – 2004-02-04.eml',
    'Kommunikasjonsstrategi – samkommunestyre – v0.2 – 2004-02-04.eml',
  ]);
  expect((await readdir(outDir)).sort()).toEqual(files.map((f) => path.basename(f)).sort()); // no temp files left

  const raw = await readFile(files[0]!);
  expect(raw.toString('latin1')).toMatch(/^X-Unsent: 1\r$/m);
  const mail = await simpleParser(raw);
  expect(mail.headers.get('x-unsent')).toBe('1');
  expect(mail.subject).toBe('Storledermøte 4. februar 2004: Kommunikasjonsstrategi Innherred Samkommune (versjon 0.2)');
  expect(mail.text).toContain('Vennlig hilsen');
  // Bcc is kept in the draft on purpose (see writeDrafts), so Outlook shows it before sending.
  expect([mail.bcc].flat().map((a) => a?.text)).toEqual(['arkiv@innherred-samkommune.no']);
  expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
    ['Kommunikasjonsstrategi – storledermøte – v0.2 – 2004-02-04.pptx', PPTX],
  ]);
  for (const [i, attachment] of mail.attachments.entries()) {
    expect(sha256(attachment.content)).toBe(sha256(await readFile(decks[0]!.attachments[i]!.path)));
  }
  const nynorsk = await simpleParser(await readFile(files[1]!));
  expect(nynorsk.text).toContain('Venleg helsing');
  for (const form of passwordForms()) expect(raw.toString('latin1')).not.toContain(form);
});
