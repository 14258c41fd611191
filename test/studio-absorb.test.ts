/**
 * The Studio's «Ta inn fra PowerPoint»: a dropped deck's changes come back field by field,
 * nothing is written until the user accepts, and only the accepted changes are written.
 */
import { request } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chromium } from 'playwright-core';
import { startStudio } from '../src/studio/server.js';
import { axeOf } from './helpers/studio-page.js';
import { CHROMIUM_LAUNCH } from './helpers/studio-process.js';
import { addParagraph, editRun, openDeck, saveDeck } from './helpers/edit-pptx.js';
import { copyBuiltProject } from './helpers/project.js';
import { englishLines } from './helpers/english-words.js';

interface Answer {
  written?: boolean;
  error?: string;
  changes: { file: string; field: string; slides: number[] }[];
}

function post(port: number, token: string, target: string, body: unknown): Promise<{ status: number; json: Answer }> {
  const host = `127.0.0.1:${port}`;
  const headers = {
    Host: host,
    Origin: `http://${host}`,
    'Content-Type': 'application/json',
    // The token travels in a header, never a cookie (issue 25).
    'X-Trappa-Token': token,
  };
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: target, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('the Studio takes in a deck edited in PowerPoint', () => {
  it('lists each change with its slide, and writes only the accepted ones', async () => {
    const root = await copyBuiltProject(['storledermote']);
    const parts = openDeck(readFileSync(path.join(root, 'output/storledermote-v0.2-2004-02-04.pptx')));
    editRun(parts, 3, 'bedre tjenester', 'bedre og enklere tjenester');
    addParagraph(parts, 11, 'Ta budskapene med inn i møtene i egen enhet', 'Del foilene med egne ansatte');
    const data = Buffer.from(saveDeck(parts)).toString('base64');
    const strategyBefore = readFileSync(path.join(root, 'data/strategy.yaml'), 'utf8');
    const deckBefore = readFileSync(path.join(root, 'data/decks/storledermote.yaml'), 'utf8');
    const studio = await startStudio({ root });
    try {
      const token = new URL(studio.url).searchParams.get('token')!;
      const shown = await post(studio.port, token, '/api/absorb', { data });
      expect(shown.status).toBe(200);
      expect(shown.json.written).toBe(false);
      const fields = shown.json.changes.map((c: { file: string; field: string; slides: number[] }) => [
        c.file,
        c.field,
        c.slides,
      ]);
      expect(fields).toEqual([
        ['data/strategy.yaml', 'mainMessage.why', [3]],
        ['data/decks/storledermote.yaml', 'slides[9].points', [11]],
      ]);
      expect(readFileSync(path.join(root, 'data/strategy.yaml'), 'utf8')).toBe(strategyBefore);
      const taken = await post(studio.port, token, '/api/absorb', {
        data,
        write: true,
        accept: ['data/strategy.yaml#mainMessage.why'],
      });
      expect(taken.json.written).toBe(true);
      expect(parse(readFileSync(path.join(root, 'data/strategy.yaml'), 'utf8')).mainMessage.why).toContain(
        'bedre og enklere tjenester',
      );
      expect(readFileSync(path.join(root, 'data/decks/storledermote.yaml'), 'utf8')).toBe(deckBefore);
      const foreign = await post(studio.port, token, '/api/absorb', {
        data: Buffer.from('not a deck').toString('base64'),
      });
      // In the Studio's language (bokmål by default); it was English before issue 25's catalogue.
      expect(foreign.json.error).toMatch(/^filen er ikke en PowerPoint-fil/);
    } finally {
      await studio.close();
    }
  });

  it('in a real browser: choose the file, untick a change, take in the rest', async () => {
    const root = await copyBuiltProject(['storledermote']);
    const parts = openDeck(readFileSync(path.join(root, 'output/storledermote-v0.2-2004-02-04.pptx')));
    editRun(parts, 3, 'bedre tjenester', 'bedre og enklere tjenester');
    addParagraph(parts, 11, 'Ta budskapene med inn i møtene i egen enhet', 'Del foilene med egne ansatte');
    // A computed text (the version line): it cannot be taken in, and the page says why in Norwegian.
    editRun(parts, 1, 'Versjon 0.2', 'Versjon 0.3');
    const dropped = path.join(root, 'redigert.pptx');
    writeFileSync(dropped, saveDeck(parts));
    const strategyBefore = readFileSync(path.join(root, 'data/strategy.yaml'), 'utf8');
    const studio = await startStudio({ root });
    const browser = await chromium.launch(CHROMIUM_LAUNCH);
    try {
      const page = await browser.newPage();
      await page.goto(studio.url);
      await page.click('nav button:has-text("Ta inn fra PowerPoint")');
      await page.setInputFiles('#absorb-file', dropped);
      await page.waitForSelector('.absorb-change');
      // Fields by their labels in the form (they were shown as `mainMessage.why`, `slides[9].points`).
      expect(await page.locator('.absorb-change label').allTextContents()).toEqual([
        'Lysbilde 3 · data/strategy.yaml · Hovedbudskap › Hvorfor?',
        'Lysbilde 11 · data/decks/storledermote.yaml · Lysbilder › Lysbilde 10 › Punkter',
      ]);
      const notes = await page.locator('.absorb-list li').allTextContents();
      expect(notes).toEqual([
        expect.stringMatching(
          /^Lysbilde 1: «.*Versjon 0\.2» → «.*Versjon 0\.3»: en ledetekst eller utregnet tekst, ikke et felt i dataene$/,
        ),
      ]);
      expect(englishLines(notes.join('\n'))).toEqual([]);
      expect(await axeOf(page)).toEqual([]);
      await page.locator('.absorb-change input').first().uncheck();
      await page.click('button:has-text("Ta inn de valgte")');
      await page.waitForSelector('text=Tatt inn i dataene.');
      expect(readFileSync(path.join(root, 'data/strategy.yaml'), 'utf8')).toBe(strategyBefore);
      const points = parse(readFileSync(path.join(root, 'data/decks/storledermote.yaml'), 'utf8')).slides[9].points;
      expect(points).toContain('Del foilene med egne ansatte');
    } finally {
      await browser.close();
      await studio.close();
    }
  });
});
