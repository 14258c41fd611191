/** `trappa list`: decks, audiences, meeting dates and the last built version of each. */
import { describe, expect, it } from 'vitest';
import { buildDecks } from '../src/build-deck.js';
import { formatDeckList, type DeckList } from '../src/commands/list.js';
import { releaseDecks } from '../src/commands/release.js';
import { bumpStrategy } from '../src/versions/bump.js';
import { copyProject } from './helpers/project.js';
import path from 'node:path';
import { runMain } from './helpers/in-process.js';

describe('trappa list', () => {
  it('lists every deck with audience and meeting before anything is built', async () => {
    const root = copyProject();
    const run = await runMain(['--root', root, 'list'], root);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Kommunikasjonsstrategi Innherred Samkommune: version 0.2 of 2004-01-26');
    expect(lines[2]).toMatch(/^DECK\s+AUDIENCE\s+MEETING\s+LAST BUILT$/);
    expect(lines.slice(3).map((l) => l.split(/\s{2,}/))).toEqual([
      [
        'ansatte',
        'Ansatte i ISK og morkommunene',
        'Allmøte for ansatte i Verdal og Levanger 2004-01-28',
        'not built yet',
      ],
      ['samkommunestyre', 'Samkommunestyret', 'Samkommunestyre 2004-01-29', 'not built yet'],
      ['storledermote', 'Ledere og tillitsvalgte i ISK og morkommunene', 'Storledermøte 2004-02-04', 'not built yet'],
      ['strategi', 'Alle', '–', 'not built yet'],
    ]);
  });

  it('shows the last built version, released or draft, and a newer version not built yet', async () => {
    const root = copyProject();
    await buildDecks({ root });
    await releaseDecks({ root, decks: ['storledermote'] });
    await bumpStrategy(path.join(root, 'data'), { version: '0.3', date: '2004-02-10', notes: ['Ny versjon'] }, root);
    await buildDecks({ root, decks: ['ansatte'] });
    const run = await runMain(['--root', root, 'list'], root);
    expect(run.status).toBe(0);
    const row = (id: string): string => run.stdout.split('\n').find((l) => l.startsWith(`${id} `)) ?? '';
    expect(row('ansatte')).toMatch(/v0\.3 draft {2}ansatte-v0\.3-2004-01-28\.pptx$/);
    expect(row('storledermote')).toMatch(
      /v0\.2 released \d{4}-\d{2}-\d{2} {2}storledermote-v0\.2-2004-02-04\.pptx {2}\(v0\.3 not built yet\)$/,
    );
    expect(row('strategi')).toMatch(/v0\.2 draft {2}strategi-v0\.2-2004-01-26\.pptx {2}\(v0\.3 not built yet\)$/);

    const json = JSON.parse((await runMain(['--root', root, 'list', '--json'], root)).stdout) as DeckList;
    expect(json.strategy).toEqual({
      name: 'Kommunikasjonsstrategi Innherred Samkommune',
      version: '0.3',
      date: '2004-02-10',
    });
    expect(json.decks.find((d) => d.deckId === 'storledermote')).toMatchObject({
      meeting: { name: 'Storledermøte', date: '2004-02-04' },
      lastBuilt: { version: '0.2', status: 'released', file: 'storledermote-v0.2-2004-02-04.pptx' },
    });
  });

  it('formats sent versions and pads columns', () => {
    const lines = formatDeckList({
      strategy: { name: 'S', version: '1.0', date: '2004-03-01' },
      decks: [
        {
          deckId: 'a',
          audience: 'Alle ansatte',
          lastBuilt: {
            deckId: 'a',
            version: '1.0',
            file: 'a-v1.0-2004-03-01.pptx',
            sha256: '0'.repeat(64),
            inputsHash: '0'.repeat(64),
            slides: 8,
            status: 'draft',
            sentAt: '2004-03-02T09:00:00.000Z',
          },
        },
        { deckId: 'bb', audience: 'X', meeting: { name: 'Møte', date: '2004-03-05' } },
      ],
    });
    expect(lines).toEqual([
      'S: version 1.0 of 2004-03-01',
      '',
      'DECK  AUDIENCE      MEETING          LAST BUILT',
      'a     Alle ansatte  –                v1.0 draft, sent 2004-03-02  a-v1.0-2004-03-01.pptx',
      'bb    X             Møte 2004-03-05  not built yet',
    ]);
  });
});
