/**
 * `trappa absorb`: each kind of edit made in PowerPoint goes back into the field it came
 * from (the decks are edited in their slide XML as PowerPoint writes an edit), what cannot
 * be mapped is listed, conflicts stop the write, and the YAML keeps its comments, CRLF and BOM.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  addParagraph,
  addSlide,
  deleteSlide,
  editRun,
  openDeck,
  removeParagraph,
  saveDeck,
  type Parts,
} from './helpers/edit-pptx.js';
import { runMain } from './helpers/in-process.js';
import { readDeckTexts } from '../src/absorb/read-texts.js';
import { copyBuiltProject, editFile, REPO } from './helpers/project.js';

const DECK = 'output/storledermote-v0.2-2004-02-04.pptx';

/** A built copy of the bundled project and an edited copy of its storledermote deck. */
async function editedDeck(edit: (parts: Parts) => void): Promise<string> {
  const root = await copyBuiltProject(['storledermote']);
  const parts = openDeck(readFileSync(path.join(root, DECK)));
  edit(parts);
  writeFileSync(path.join(root, 'edited.pptx'), saveDeck(parts));
  return root;
}

const read = (root: string, file: string): string => readFileSync(path.join(root, file), 'utf8');
const yaml = (root: string, file: string) => parse(read(root, file));

describe('trappa absorb', () => {
  it('writes a changed statement into strategy.yaml, keeping every other line, and the dry run writes nothing', async () => {
    const root = await editedDeck((p) => editRun(p, 3, 'Levanger og Verdal', 'Levanger og Verdal kommuner'));
    const before = read(root, 'data/strategy.yaml');
    const dry = await runMain(['absorb', 'edited.pptx', '--dry-run'], root);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(
      '+  what: Innherred Samkommune er et omfattende og forpliktende samarbeid mellom nabokommunene Levanger og Verdal kommuner',
    );
    expect(read(root, 'data/strategy.yaml')).toBe(before);
    const run = await runMain(['absorb', 'edited.pptx'], root);
    expect(run.status, run.stderr).toBe(0);
    const after = read(root, 'data/strategy.yaml');
    const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
    expect(changed).toEqual([
      '  what: Innherred Samkommune er et omfattende og forpliktende samarbeid mellom nabokommunene Levanger og Verdal kommuner',
    ]);
    // The next build shows the edit wherever the field is shown: on the statement slide and the messages slide.
    expect((await runMain(['build', '--deck', 'storledermote'], root)).status).toBe(0);
    const rebuilt = readDeckTexts(readFileSync(path.join(root, DECK)));
    const shows = rebuilt.slides.filter((s) => JSON.stringify(s.elements).includes('Levanger og Verdal kommuner'));
    expect(shows.map((s) => s.number)).toEqual([3, 7]);
  });

  it('an edit after bold words keeps the ** marks of the data text', async () => {
    const root = await editedDeck((p) => editRun(p, 4, 'et bedre tilbud', 'et enda bedre tilbud'));
    const run = await runMain(['absorb', 'edited.pptx'], root);
    expect(run.status, run.stderr).toBe(0);
    expect(yaml(root, 'data/strategy.yaml').model.emphasis).toBe(
      '**ISK ER ET VERKTØY** for å gi innbyggerne og næringslivet et enda bedre tilbud',
    );
  });

  it('a plan cell goes into its row of the action plan', async () => {
    const root = await editedDeck((p) => editRun(p, 9, 'Storledermøte', 'Storledermøte med gruppearbeid'));
    const run = await runMain(['absorb', 'edited.pptx'], root);
    expect(run.status, run.stderr).toBe(0);
    const rows = yaml(root, 'data/strategy.yaml').actionPlan as { id?: string; activity: string }[];
    expect(rows.find((r) => r.id === 'storledermote')?.activity).toBe('Storledermøte med gruppearbeid');
    expect(rows.filter((r) => r.activity.includes('gruppearbeid'))).toHaveLength(1);
  });

  it('a bullet added and one removed change the list they are in', async () => {
    const root = await editedDeck((p) => {
      addParagraph(p, 11, 'Ta budskapene med inn i møtene i egen enhet', 'Del lysarkene med egne ansatte');
      removeParagraph(p, 11, 'Gi innspill til strategien innen 11. februar');
    });
    const run = await runMain(['absorb', 'edited.pptx'], root);
    expect(run.status, run.stderr).toBe(0);
    expect(yaml(root, 'data/decks/storledermote.yaml').slides[9].points).toEqual([
      'Ta budskapene med inn i møtene i egen enhet',
      'Del lysarkene med egne ansatte',
      'Meld fra om spørsmål dere får fra ansatte og brukere',
    ]);
  });

  it('a deleted slide leaves the deck, an added one becomes an own slide at its place', async () => {
    const root = await editedDeck((p) => {
      deleteSlide(p, 3);
      addSlide(p, 5, 'Spørsmål fra salen', ['Hva betyr dette for min enhet?', 'Når kommer neste versjon?']);
    });
    const run = await runMain(['absorb', 'edited.pptx'], root);
    expect(run.status, run.stderr).toBe(0);
    const slides = yaml(root, 'data/decks/storledermote.yaml').slides as unknown[];
    expect(slides.some((s) => JSON.stringify(s).includes('what-why'))).toBe(false);
    // Slide 5 of the edited deck was the profile (5 of the original, 6 before the deletion).
    const at = slides.findIndex((s) => JSON.stringify(s).includes('profile'));
    expect(slides[at + 1]).toEqual({
      kind: 'bullets',
      title: 'Spørsmål fra salen',
      points: ['Hva betyr dette for min enhet?', 'Når kommer neste versjon?'],
    });
    const deckText = read(root, 'data/decks/storledermote.yaml');
    expect(deckText).toContain('# yaml-language-server: $schema=../../schema/deck.schema.json');
    expect(deckText).toContain('    notes: Avslutt med konkrete oppgaver og frist.');
  });

  it("a title from a wording template becomes the deck's wording override; the shared template stays", async () => {
    const root = await editedDeck((p) => editRun(p, 3, 'Hva? – Hvorfor?', 'Hva og hvorfor?'));
    const templates = read(root, 'templates/nb/slides.yaml');
    const run = await runMain(['absorb', 'edited.pptx'], root);
    expect(run.status, run.stderr).toBe(0);
    expect(yaml(root, 'data/decks/storledermote.yaml').wording['what-why.title']).toBe('Hva og hvorfor?');
    expect(read(root, 'templates/nb/slides.yaml')).toBe(templates);
  });

  it('a text that comes from no field is listed with its slide: exit 0 and a warning', async () => {
    const root = await editedDeck((p) => editRun(p, 2, 'Trinn 1', 'Steg 1'));
    const before = read(root, 'data/strategy.yaml');
    const run = await runMain(['absorb', 'edited.pptx'], root);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/warning: slide 2: «Trinn 1» → «Steg 1»: a label or computed text/);
    expect(read(root, 'data/strategy.yaml')).toBe(before);
  });

  it('a field changed in the YAML since a release and in the deck is a conflict: both shown, nothing written until --take', async () => {
    const root = await editedDeck((p) => editRun(p, 3, 'bedre tjenester', 'bedre og billigere tjenester'));
    expect((await runMain(['release'], root)).status).toBe(0);
    editFile(root, 'data/strategy.yaml', 'bedre tjenester', 'gode tjenester');
    const before = read(root, 'data/strategy.yaml');
    const run = await runMain(['absorb', 'edited.pptx'], root);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('compared with a rebuild from its release snapshot');
    expect(run.stdout).toMatch(
      /mainMessage\.why CONFLICT\n.*built: «For å gi innbyggerne og næringslivet i Levanger og Verdal bedre tjenester»\n.*data: {2}«.*gode tjenester»\n.*deck: {2}«.*bedre og billigere tjenester»/,
    );
    expect(run.stderr).toContain('nothing was written');
    expect(read(root, 'data/strategy.yaml')).toBe(before);
    const taken = await runMain(['absorb', 'edited.pptx', '--take', 'mainMessage.why=deck'], root);
    expect(taken.status, taken.stderr).toBe(0);
    expect(yaml(root, 'data/strategy.yaml').mainMessage.why).toContain('bedre og billigere tjenester');
    expect(taken.stdout).toContain(
      'was released: these edits belong to the next version; bump it with: trappa bump 0.3',
    );
  });

  it('a file that is not a Trappa deck: one located line, exit 2', async () => {
    const root = await copyBuiltProject(['storledermote']);
    const foreign = path.join(REPO, 'test/fixtures/templates/pptxgenjs-4x3.pptx');
    const run = await runMain(['absorb', foreign], root);
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/pptxgenjs-4x3\.pptx is not a Trappa deck: it has no TrappaDeck\/TrappaVersion property/);
    writeFileSync(path.join(root, 'notes.pptx'), 'plain text');
    const text = await runMain(['absorb', 'notes.pptx'], root);
    expect(text.status).toBe(2);
    expect(text.stderr.trim()).toMatch(/^notes\.pptx is not a PowerPoint file/);
  });

  it('keeps CRLF line endings, the byte-order mark and comments of strategy.yaml', async () => {
    const root = await copyBuiltProject(['storledermote']);
    const file = path.join(root, 'data/strategy.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, `\uFEFF${original.replace(/\n/g, '\r\n')}`);
    // The input hash reads the parsed data: the CRLF+BOM file builds the same deck.
    const parts = openDeck(readFileSync(path.join(root, DECK)));
    editRun(parts, 4, 'uten å miste ansvaret', 'uten å miste det politiske ansvaret');
    writeFileSync(path.join(root, 'edited.pptx'), saveDeck(parts));
    const run = await runMain(['absorb', 'edited.pptx'], root);
    expect(run.status, run.stderr).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith('\uFEFF')).toBe(true);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    const lines = (t: string) => t.replace(/^\uFEFF/, '').split('\r\n');
    const diff = lines(after).filter((l, i) => l !== lines(`\uFEFF${original.replace(/\n/g, '\r\n')}`)[i]);
    expect(diff).toHaveLength(1);
    expect(diff[0]).toContain('uten å miste det politiske ansvaret');
    expect(after).toContain('# yaml-language-server');
  });
});
