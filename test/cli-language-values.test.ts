/**
 * Messages the sweep brought into the catalogue last (test/message-sweep.test.ts), end to end:
 * `trappa --lang nn|nb list` on data with a choice misspelt, an id with capitals, a number where
 * text belongs, and a theme whose white text on the main colour is
 * unreadable. Each line in Norwegian, with the list, the advice and the found value in the
 * reader's words; in English the same lines are caught by the word check.
 */
import { describe, expect, it } from 'vitest';
import { englishLines } from './helpers/english-words.js';
import { runMain } from './helpers/in-process.js';
import { copyProject, editFile } from './helpers/project.js';

async function listWithBadValues(lang: string): Promise<{ status: number | null; text: string }> {
  const root = copyProject();
  editFile(root, 'data/strategy.yaml', 'name: Media, priority: other', 'name: Media, priority: othr');
  editFile(root, 'data/strategy.yaml', '{ id: tillitsvalgte,', '{ id: Tillitsvalgte Ås,');
  editFile(root, 'data/theme.yaml', 'primary: "1F4E79"', 'primary: "9FC5E8"');
  editFile(root, 'data/decks/ansatte.yaml', '  name: Ansatte i ISK og morkommunene', '  name: 12');
  const result = await runMain(['--lang', lang, 'list'], root, {}, { withoutOwnSettings: true });
  return { status: result.status, text: `${result.stdout}\n${result.stderr}`.trim() };
}

describe('values, choices and contrast in the reader’s language', () => {
  it('nynorsk: every line Norwegian, each form said in nynorsk', async () => {
    const { status, text } = await listWithBadValues('nn');
    expect(status, text).toBe(2);
    expect(englishLines(text), text).toEqual([]);
    expect(text).toContain("skal vere eitt av: high, other; står 'othr' (meinte du 'other'?)");
    expect(text).toContain(
      "skal vere ein ID av små bokstavar a-z, siffer og '-' (ingen mellomrom, ingen æøå), men står 'Tillitsvalgte Ås'; prøv 'tillitsvalgte-as'",
    );
    expect(text).toContain('skal vere tekst, men er eit tal; set verdien i hermeteikn for å halde han som tekst');
    expect(text).toMatch(
      /tekst \(«Tekst på hovudfargen» FFFFFF, kvit\) på «Hovudfarge» 9FC5E8 har kontrast [\d.]+:1, men må ha minst 4\.5:1 for å kunne lesast av alle \(WCAG AA\) — gjer fargen «Hovudfarge» mørkare/,
    );
  });

  it('bokmål: the same lines in bokmål', async () => {
    const { text } = await listWithBadValues('nb');
    expect(englishLines(text), text).toEqual([]);
    expect(text).toContain("skal være ett av: high, other; står 'othr' (mente du 'other'?)");
    expect(text).toContain('skal være tekst, men er et tall; sett verdien i anførselstegn for å beholde den som tekst');
    expect(text).toMatch(
      /har kontrast [\d.]+:1, men må ha minst 4\.5:1 for å kunne leses av alle \(WCAG AA\) — gjør fargen «Hovedfarge» mørkere/,
    );
  });

  it('English: the same run is English, and the word check sees it', async () => {
    const { text } = await listWithBadValues('en');
    expect(text).toContain("expected one of: high, other; found 'othr' (did you mean 'other'?)");
    expect(text).toMatch(
      /white text \("Text on the main colour" FFFFFF\) on "Main colour" 9FC5E8 has contrast [\d.]+:1; WCAG AA needs 4\.5:1 — use a darker "Main colour"/,
    );
    expect(englishLines(text).length).toBeGreaterThan(2);
  });
});
