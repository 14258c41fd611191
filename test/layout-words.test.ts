/** Words stay whole where they can: diagram boxes shrink their text rather than split a word. */
import { describe, expect, it } from 'vitest';
import { buildDecks } from '../src/build-deck.js';
import { measureWidth } from '../src/layout/measure-text.js';
import { copyProject, editFile } from './helpers/project.js';
import { readPptx, textsOf } from './helpers/pptx-zip.js';

const EMU = 914_400;

describe('whole words in diagrams', () => {
  it('a long staircase top fits its arrow, and five long member names are never split', async () => {
    const root = copyProject();
    editFile(
      root,
      'data/strategy.yaml',
      '  top: [Målretting, Innhold, Handling]',
      '  top: [Målretting av all kommunikasjon, Innhold som treffer mottakerne, Handling og endret atferd]',
    );
    const names = [
      'Klima- og miljøetaten',
      'Bymiljøetaten',
      'Utdanningsetaten',
      'Plan- og bygningsetaten',
      'Helseetaten',
    ];
    editFile(
      root,
      'data/strategy.yaml',
      / {2}members:\n( {4}- [\s\S]*?)\n {2}contact:/,
      `  members:\n${names.map((n, i) => `    - { id: m${i}, name: ${n} }`).join('\n')}\n  contact:`,
    );
    // The build runs its checks: an overflowing arrow would fail it.
    const built = await buildDecks({ root, decks: ['strategi'] });
    const p = readPptx(built.decks[0]!.file);
    const model = p.slideXml(4);
    const sizes = new Set<string>();
    for (const name of names) {
      const shape = new RegExp(`<p:sp>(?:(?!</p:sp>).)*?name="Member ${name}"[\\s\\S]*?</p:sp>`).exec(model)?.[0] ?? '';
      const cx = Number(/<a:ext cx="(\d+)"/.exec(shape)?.[1]) / EMU;
      const size = Number(/sz="(\d+)"/.exec(shape)?.[1]) / 100;
      sizes.add(String(size));
      const inner = (cx - 0.16) * 72;
      for (const word of textsOf(shape).join(' ').split(/\s+/)) {
        expect(measureWidth(word, { face: 'Calibri', size, bold: true }), `${word} in ${name}`).toBeLessThanOrEqual(
          inner,
        );
      }
    }
    expect(sizes.size).toBe(1);
  });
});
