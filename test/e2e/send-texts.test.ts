/**
 * The e-mail texts for strategies other than the seed, through the bundled CLI's `draft`:
 * no contact, a name in «», a deck for no meeting. The .eml bytes are read as they are:
 * every line ends in CRLF and From is there when a sender is configured.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCliClean } from '../helpers/dist-cli.js';
import { REPO } from '../helpers/project.js';
import { copyProjectToTemp } from '../helpers/project-copy.js';

let root: string;

beforeAll(() => {
  root = copyProjectToTemp(REPO, 'trappa-texts-');
  const edit = (file: string, change: (text: string) => string) => {
    const full = path.join(root, file);
    const before = readFileSync(full, 'utf8');
    const after = change(before);
    if (after === before) throw new Error(`no change in ${file}`);
    writeFileSync(full, after);
  };
  edit('data/strategy.yaml', (t) =>
    t
      .replace('name: Kommunikasjonsstrategi Innherred Samkommune', 'name: Strategien «Innherred 2004»')
      .replace(/\n {2}contact:\n(?: {4}.*\n)+/, '\n'),
  );
  edit(
    'data/decks/strategi.yaml',
    (t) => `${t}distribution:\n  to:\n    - { name: Rådmann, email: radmann@verdal.kommune.no }\n`,
  );
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

it('reads well without a contact, with «» in the name, and for a deck without a meeting; CRLF; From', async () => {
  const build = await runCliClean(['build', '--deck', 'strategi', 'storledermote'], root);
  expect(build.status, build.stderr).toBe(0);
  const from = 'Kommunikasjon Innherred <kommunikasjon@innherred-samkommune.no>';
  const run = await runCliClean(['draft', '--deck', 'strategi', 'storledermote'], root, {
    TRAPPA_SMTP_FROM: from,
  });
  expect(run.status, run.stderr).toBe(0);
  const dir = path.join(root, 'output/drafts');
  const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
  expect(files).toHaveLength(2);
  for (const file of files) {
    const raw = readFileSync(path.join(dir, file));
    // Every line ends in CRLF: no LF without a CR before it.
    expect(raw.toString('latin1')).not.toMatch(/(?<!\r)\n/);
    const mail = await simpleParser(raw);
    expect(mail.from?.value).toEqual([
      { name: 'Kommunikasjon Innherred', address: 'kommunikasjon@innherred-samkommune.no' },
    ]);
    const text = mail.text ?? '';
    expect(text).not.toMatch(/\(\s*\)|\(\s*,|,\s*\)/); // no empty or half-empty brackets
    expect(text).not.toContain('rettes til');
    expect(text).toContain('Vedlagt er presentasjonen «Strategien ‘Innherred 2004’», versjon 0.2');
    expect(text).not.toMatch(/«[^»]*«/);
    // The signature names the organisation once.
    expect(text.trimEnd().split(/\r?\n/).slice(-2)).toEqual(['Vennlig hilsen', 'Innherred Samkommune']);
    expect(text.match(/Innherred Samkommune/g)).toHaveLength(1);
  }
  const subjects = await Promise.all(
    files.map(async (f) => (await simpleParser(readFileSync(path.join(dir, f)))).subject),
  );
  expect(subjects.sort()).toEqual([
    'Storledermøte 4. februar 2004: Strategien «Innherred 2004» (versjon 0.2)',
    'Strategien «Innherred 2004» (versjon 0.2)',
  ]);
  const strategi = await simpleParser(readFileSync(path.join(dir, files.find((f) => !f.includes('Storleder'))!)));
  expect(strategi.text).not.toContain('Møte:');
  expect(strategi.text).not.toContain('Dato:');
});
