/**
 * `changes: since-sent` on a deck's changes slide: the slide lists what differs from the version
 * last sent to that audience. Sent for real (`trappa send` to an SMTP server on 127.0.0.1), the
 * data changed, built again: the slide's XML lists exactly those changes. Never sent: it says so.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { readDeckTexts } from '../src/absorb/read-texts.js';
import { renderDeck } from '../src/build-deck.js';
import { loadProject } from '../src/data/load-project.js';
import { findDeck, resolveDeck } from '../src/plan/resolve-deck.js';
import type { SentChanges } from '../src/plan/sent-changes.js';
import { PASSWORD, smtpEnv, USER } from './email-fixtures.js';
import { generateCertificate, startTestServer, type TestCertificate } from './email-test-server.js';
import { runMain } from './helpers/in-process.js';
import { missingValidator, validatePptx } from './helpers/ooxml.js';
import { copyProject, editFile } from './helpers/project.js';

const DECK = 'samkommunestyre';
const OPT_IN = (root: string) =>
  editFile(root, `data/decks/${DECK}.yaml`, /^ {2}- changes$/m, '  - slide: changes\n    changes: since-sent');

/** Every paragraph of the deck's last slide (the changes slide), footer and slide number left out. */
function changesSlide(root: string, version: string): string[] {
  const bytes = readFileSync(path.join(root, `output/${DECK}-v${version}-2004-01-29.pptx`));
  const slide = readDeckTexts(new Uint8Array(bytes)).slides.at(-1)!;
  return slide.elements
    .filter((e) => !/^(ftr|sldNum)/.test(e.placeholder ?? ''))
    .flatMap((e) => (e.kind === 'text' ? e.paragraphs : []));
}

let certificate: TestCertificate;
beforeAll(async () => {
  certificate = await generateCertificate();
});

describe('changes: since-sent', () => {
  it('lists exactly what changed since the version the audience received by e-mail', async () => {
    const root = copyProject();
    OPT_IN(root);
    const first = await runMain(['build', '--deck', DECK], root);
    expect(first.status, first.stderr).toBe(0);
    expect(changesSlide(root, '0.2')).toEqual([
      'Endringer siden forrige versjon',
      'Ingen versjon er sendt til Samkommunestyret ennå. Dette er den første.',
    ]);

    const server = await startTestServer({ certificate, user: USER, password: PASSWORD });
    onTestFinished(() => server.close());
    const sent = await runMain(['send', '--deck', DECK], root, await smtpEnv(root, server.port, certificate));
    expect(sent.status, sent.stderr).toBe(0);
    expect(server.messages).toHaveLength(1);

    expect((await runMain(['bump', '0.3', '--note', 'Hensikten presisert'], root)).status).toBe(0);
    const why = 'For å gi innbyggerne og næringslivet i Levanger og Verdal bedre tjenester';
    editFile(root, 'data/strategy.yaml', `why: ${why}`, `why: ${why.replace('bedre', 'bedre og raskere')}`);
    editFile(
      root,
      'data/strategy.yaml',
      'purpose: Status, involvering, beslutninger\n    responsible: Rådmann',
      'purpose: Status, involvering, beslutninger\n    responsible: Ordfører',
    );
    editFile(root, 'data/strategy.yaml', /^otherMessages:\n/m, 'otherMessages:\n  - Samkommunen er åpen om arbeidet\n');
    const again = await runMain(['build', '--deck', DECK], root);
    expect(again.status, again.stderr).toBe(0);

    // The day of the confirmed delivery, as the slide writes dates (1. desember 2026).
    const day = new Date().toISOString().slice(0, 10);
    const months = [
      'januar',
      'februar',
      'mars',
      'april',
      'mai',
      'juni',
      'juli',
      'august',
      'september',
      'oktober',
      'november',
      'desember',
    ];
    const longDay = `${Number(day.slice(8))}. ${months[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
    const faster = why.replace('bedre', 'bedre og raskere');
    expect(changesSlide(root, '0.3')).toEqual([
      'Endringer siden forrige versjon',
      `Siden versjon 0.2 ble sendt ${longDay}:`,
      'Hva? – Hvorfor?',
      `«${faster}» (før: «${why}»)`,
      'Viktige budskap',
      `«${faster}» (før: «${why}»)`,
      'Nytt: «Samkommunen er åpen om arbeidet»',
      // The other messages continue on a slide of their own (issue #23); the one the new message
      // pushed onto it is one move, listed where it now is, not taken out and added again.
      'Viktige budskap (forts.)',
      'Flyttet: «Samkommunen gir mange av fordelene med kommunesammenslåing uten at kommunene slås sammen»',
      'Arbeidet med kommunikasjonsplan – nærmeste tid',
      'Politikere L. og V.: «Ordfører» (før: «Rådmann»)',
    ]);
    if (!missingValidator()) {
      const built = path.join(root, `output/${DECK}-v0.3-2004-01-29.pptx`);
      expect((await validatePptx(built)).filter((i) => i.severity === 'error')).toEqual([]);
    }

    // Built again: the same bytes (the base is the version sent before this one, not this one).
    const before = readFileSync(path.join(root, `output/${DECK}-v0.3-2004-01-29.pptx`));
    const third = await runMain(['build', '--deck', DECK], root);
    expect(third.status, third.stderr).toBe(0);
    expect(readFileSync(path.join(root, `output/${DECK}-v0.3-2004-01-29.pptx`)).equals(before)).toBe(true);

    // Absorb rebuilds the same slide (the fingerprint matches the current data), so an edit could be told apart.
    const absorbed = await runMain(['absorb', `output/${DECK}-v0.3-2004-01-29.pptx`, '--dry-run'], root);
    expect(absorbed.stdout).toBe(
      `${DECK} v0.3: compared with a rebuild from the current data\nno edits to bring back\n`,
    );

    // What the audience received is gone and was never released: a located error, nothing written.
    rmSync(path.join(root, `output/${DECK}-v0.2-2004-01-29.pptx`));
    editFile(root, 'data/strategy.yaml', 'Samkommunen er åpen om arbeidet', 'Samkommunen er åpen');
    const gone = await runMain(['build', '--deck', DECK], root);
    expect(gone.status).toBe(2);
    expect(gone.stderr).toMatch(/data\/decks\/samkommunestyre\.yaml:\d+.*changes: since-sent needs what/);
    expect(readFileSync(path.join(root, `output/${DECK}-v0.3-2004-01-29.pptx`)).equals(before)).toBe(true);
  });

  it('continues a long list on further slides, each slide’s changes kept under its title', async () => {
    const root = copyProject();
    OPT_IN(root);
    const loaded = await loadProject({ root });
    if (!loaded.ok) throw new Error('the bundled project loads');
    const plan = resolveDeck(loaded.value, findDeck(loaded.value, DECK)!);
    const sentChanges: SentChanges = {
      sent: true,
      version: '0.1',
      sentAt: '2004-01-22',
      slides: Array.from({ length: 6 }, (_, s) => ({
        title: `Lysbilde ${s + 1}`,
        status: 'changed' as const,
        changes: Array.from({ length: 4 }, (_, c) => ({
          kind: 'changed' as const,
          before: `Gammel tekst ${s + 1}.${c + 1} som var lang nok til å ta en hel linje på lysbildet`,
          after: `Ny tekst ${s + 1}.${c + 1} som er lang nok til å ta en hel linje på lysbildet`,
        })),
      })),
    };
    const rendered = await renderDeck(loaded.value, { ...plan, sentChanges }, { check: true });
    const all = readDeckTexts(rendered.bytes).slides;
    const first = all.findIndex((s) =>
      s.elements.some((e) => e.kind === 'text' && e.paragraphs[0] === 'Endringer siden forrige versjon'),
    );
    const slides = all.slice(first);
    expect(slides.length).toBeGreaterThan(1);
    const texts = slides.map((s) => s.elements.flatMap((e) => (e.kind === 'text' ? e.paragraphs : [])));
    expect(texts[1]![0]).toBe('Endringer siden forrige versjon (forts.)');
    const listed = texts.flat();
    for (let s = 1; s <= 6; s++)
      for (let c = 1; c <= 4; c++) expect(listed.join('\n')).toContain(`«Ny tekst ${s}.${c} `);
    // A slide's title is never the last line of a slide with its changes on the next.
    for (const t of texts) expect(t.filter((line) => /^(Lysbilde|«)/.test(line)).at(-1)).toMatch(/^«/);
  });

  it('speaks the deck’s language: nynorsk and English labels', async () => {
    const root = copyProject();
    OPT_IN(root);
    const said: string[] = [];
    for (const language of ['nn', 'en']) {
      editFile(root, `data/decks/${DECK}.yaml`, /^(language: \w+\n)?audience:/m, `language: ${language}\naudience:`);
      const loaded = await loadProject({ root });
      if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join('\n'));
      const plan = resolveDeck(loaded.value, findDeck(loaded.value, DECK)!);
      for (const sentChanges of [
        { sent: false } as const,
        {
          sent: true as const,
          version: '0.1',
          sentAt: '2004-01-22',
          slides: [
            { title: 'Plan', status: 'changed' as const, changes: [{ kind: 'moved' as const, after: 'Media' }] },
          ],
        },
      ]) {
        const rendered = await renderDeck(loaded.value, { ...plan, sentChanges }, { check: false });
        const last = readDeckTexts(rendered.bytes).slides.at(-1)!;
        said.push(
          ...last.elements
            .filter((e) => e.placeholder !== 'title' && !/^(ftr|sldNum)/.test(e.placeholder ?? ''))
            .flatMap((e) => (e.kind === 'text' ? e.paragraphs : [])),
        );
      }
    }
    expect(said).toEqual([
      'Ingen versjon er send til Samkommunestyret enno. Dette er den første.',
      'Sidan versjon 0.1 vart send 22. januar 2004:',
      'Plan',
      'Flytta: «Media»',
      'No version has been sent to Samkommunestyret yet. This is the first.',
      'Since version 0.1 was sent on 22 January 2004:',
      'Plan',
      'Moved: “Media”',
    ]);
  });

  it('a project whose wording predates the option still builds; asking for it names the key to add', async () => {
    const root = copyProject();
    editFile(
      root,
      'templates/nb/slides.yaml',
      /^ {2}(sinceSent|neverSent|sameAsSent|slideAdded|slideRemoved|changed|added|removed|moved):.*\n/gm,
      '',
    );
    const old = await runMain(['build', '--deck', DECK], root);
    expect(old.status, old.stderr).toBe(0);
    OPT_IN(root);
    const asked = await runMain(['build', '--deck', DECK], root);
    expect(asked.status).toBe(2);
    expect(asked.stderr).toContain('no template "changes.neverSent"');
  });
});
