import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, formatIssue } from '../src/errors.js';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { labelsSchema } from '../src/render/labels.js';
import { formatDate } from '../src/render/dates.js';
import { loadEmailTemplates, renderEmailText } from '../src/post/email/compose-message.js';
import { prepareMessages } from '../src/post/email/prepare-messages.js';
import { makeDeck, tempDir, TEMPLATES_DIR } from './email-fixtures.js';

/** The label files the e-mail and the slides share (templates/<lang>/labels.yaml). */
const labels = (language: string) =>
  labelsSchema.parse(parse(readFileSync(path.join(TEMPLATES_DIR, language, 'labels.yaml'), 'utf8')));

describe('dates in the words of templates/<lang>/labels.yaml', () => {
  it.each([
    ['2004-02-04', 'nb', {}, '4. februar 2004'],
    ['2004-01-26', 'nb', { weekday: true }, 'mandag 26. januar 2004'],
    ['2004-02-07', 'nn', { weekday: true }, 'laurdag 7. februar 2004'],
    ['2004-02-04T09:00:00+01:00', 'en', { weekday: true }, 'Wednesday 4 February 2004'],
  ] as const)('%s %s %j → %s', (iso, language, options, expected) => {
    expect(formatDate(iso, labels(language), options)).toBe(expected);
  });

  it.each(['2004-02-30', '4.2.2004', ''])('rejects %j', (iso) => {
    expect(() => formatDate(iso, labels('nb'))).toThrow(/not a date in the form 2004-02-04/);
  });
});

describe('e-mail templates', () => {
  it('renders nynorsk and English from the same context', async () => {
    const dir = await tempDir();
    for (const [language, subject, line] of [
      [
        'nn',
        'Storledermøte 4. februar 2004: Kommunikasjonsstrategi Innherred Samkommune (versjon 0.2)',
        'Venleg helsing',
      ],
      [
        'en',
        'Storledermøte 4 February 2004: Kommunikasjonsstrategi Innherred Samkommune (version 0.2)',
        'Date: Wednesday 4 February 2004',
      ],
    ] as const) {
      const deck = await makeDeck(dir, { language });
      const [message] = await prepareMessages([deck], { templatesDir: TEMPLATES_DIR });
      expect(message!.subject).toBe(subject);
      expect(message!.text).toContain(line);
    }
  });

  it('leaves out optional lines (place, presenter, purpose, phone) cleanly', async () => {
    const dir = await tempDir();
    const deck = await makeDeck(dir, { withPdf: false, meeting: { name: 'Samkommunestyret', date: '2004-01-29' } });
    const { presenter: _, purpose: __, ...context } = deck.context;
    const templates = await loadEmailTemplates(TEMPLATES_DIR, 'nb');
    const { text } = renderEmailText(
      { ...deck, context: { ...context, contact: { name: 'Kari Nordmann', email: 'kari@isk.no' } } },
      templates,
      [{ path: '', filename: 'a.pptx', contentType: '', size: 1_234_567, sha256: '' }],
    );
    expect(text).toBe(
      [
        'Hei,',
        '',
        'Vedlagt er presentasjonen «Kommunikasjonsstrategi Innherred Samkommune», versjon 0.2, for ledere og tillitsvalgte i Levanger og Verdal.',
        '',
        'Møte: Samkommunestyret',
        'Dato: torsdag 29. januar 2004',
        '',
        'Vedlegg:',
        '- a.pptx (PowerPoint, 1,2 MB)',
        '',
        'Spørsmål om presentasjonen kan rettes til Kari Nordmann (kari@isk.no).',
        '',
        'Vennlig hilsen',
        'Kari Nordmann',
        'Innherred Samkommune',
        '',
      ].join('\n'),
    );
  });

  it('reports a missing field as a located issue in the template', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'nb', 'email'), { recursive: true });
    await writeFile(path.join(dir, 'nb', 'email', 'subject.hbs'), '{{meeting.name}}');
    await writeFile(path.join(dir, 'nb', 'email', 'body.hbs'), 'Hei\n\n{{meeting.room}}\n');
    await writeFile(path.join(dir, 'nb', 'labels.yaml'), readFileSync(path.join(TEMPLATES_DIR, 'nb', 'labels.yaml')));
    const attempt = prepareMessages([await makeDeck(dir)], { templatesDir: dir });
    await expect(attempt).rejects.toBeInstanceOf(InputError);
    const error = (await attempt.catch((e: unknown) => e)) as InputError;
    expect(error.issues.map(formatIssue)).toEqual([
      `${path.join(dir, 'nb', 'email', 'body.hbs')}:3:3 uses {{meeting.room}}, which deck "storledermote" does not have`,
    ]);
  });

  it('reports a malformed address in a deck at the distribution list, and a missing attachment', async () => {
    const dir = await tempDir();
    const deck = await makeDeck(dir);
    deck.distribution = { to: [{ email: 'ola@' }], cc: [{ email: 'ola nordmann@x.no' }] };
    deck.location = { file: 'data/decks.yaml', line: 12, col: 5, field: 'decks.storledermote.distribution' };
    deck.attachments[1]!.path = path.join(dir, 'missing.pdf');
    const error = (await prepareMessages([deck], { templatesDir: TEMPLATES_DIR }).catch(
      (e: unknown) => e,
    )) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.issues.map(formatIssue)).toEqual([
      'data/decks.yaml:12:5 decks.storledermote.distribution.to[0].email: "ola@" has nothing after the "@"',
      'data/decks.yaml:12:5 decks.storledermote.distribution.cc[0].email: "ola nordmann@x.no" contains a space; an e-mail address has none',
      `${path.join(dir, 'missing.pdf')} attachment of deck "storledermote" is missing; build the deck first`,
    ]);
  });
});
