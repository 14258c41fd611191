/** Which layout of a template each kind of slide uses, and what is reported when one is missing. */
import { describe, expect, it } from 'vitest';
import type { LayoutInfo, MasterSet } from '../src/pptx/master-set.js';
import { chooseLayouts } from '../src/template/choose-layouts.js';

const ph = (type: string, idx?: string) => ({ type, name: type, ...(idx ? { idx } : {}) });
const footers = [ph('dt', '10'), ph('ftr', '11'), ph('sldNum', '12')];
const layout = (name: string, type: string, placeholders: LayoutInfo['placeholders']): LayoutInfo => ({
  name,
  type,
  part: `ppt/slideLayouts/${name}.xml`,
  placeholders,
});

function set(layouts: LayoutInfo[]): MasterSet {
  return {
    parts: new Map(),
    masters: [],
    layouts,
    size: { w: 13.333, h: 7.5 },
    scheme: new Map(),
    fonts: { major: 'Calibri', minor: 'Calibri' },
    origin: 'assets/templates/t.potx',
  };
}

const where = { file: 'data/theme.yaml', line: 30, col: 11, field: 'template' };

describe('chooseLayouts', () => {
  const standard = [
    layout('Tittellysbilde', 'title', [ph('ctrTitle'), ph('subTitle', '1'), ...footers]),
    layout('Tittel og innhold', 'obj', [ph('title'), ph('obj', '1'), ...footers]),
    layout('To innholdsdeler', 'twoObj', [ph('title'), ph('obj', '1'), ph('obj', '2'), ...footers]),
    layout('Bare tittel', 'titleOnly', [ph('title'), ...footers]),
  ];

  it("finds PowerPoint's Norwegian names; optional layouts fall back", () => {
    const chosen = chooseLayouts(set(standard), {}, where);
    expect(chosen.ok).toBe(true);
    if (!chosen.ok) return;
    const names = Object.fromEntries(Object.entries(chosen.value.layouts).map(([role, l]) => [role, l.name]));
    expect(names).toEqual({
      title: 'Tittellysbilde',
      content: 'Tittel og innhold',
      two: 'To innholdsdeler',
      comparison: 'To innholdsdeler',
      titleOnly: 'Bare tittel',
      section: 'Bare tittel',
    });
  });

  it('takes names from theme.yaml over the standard ones', () => {
    const custom = [...standard, layout('Innhold med logo', 'cust', [ph('title'), ph('body', '13'), ...footers])];
    const chosen = chooseLayouts(set(custom), { content: 'innhold med logo' }, where);
    expect(chosen.ok && chosen.value.layouts.content.name).toBe('Innhold med logo');
  });

  it('uses a layout without a slide number (issue #20: the number is simply absent, no refusal)', () => {
    const noNumber = standard.map((l) =>
      l.name === 'Tittel og innhold'
        ? { ...l, type: 'cust', placeholders: l.placeholders.filter((p) => p.type !== 'sldNum') }
        : l,
    );
    const chosen = chooseLayouts(set(noNumber), {}, where);
    expect(chosen.ok && chosen.value.layouts.content.name).toBe('Tittel og innhold');
  });

  it('prefers a master whose layouts hold a slide number for content slides, when numbers are wished (issue #20, gallery 8 defect 6)', () => {
    // LibreOffice's Beehive: master 1 without footer places (first), master 2 with them, same names.
    const bare = [
      layout('Title Slide', 'tx', [ph('title'), ph('subTitle')]),
      layout('Title, Content', 'obj', [ph('title'), ph('obj')]),
      layout('Title, 2 Content', 'twoObj', [ph('title'), ph('obj'), ph('obj', '10')]),
      layout('Title Only', 'titleOnly', [ph('title')]),
    ];
    const numbered = bare.map((l) => ({ ...l, part: `${l.part}-2`, placeholders: [...l.placeholders, ...footers] }));
    const chosen = chooseLayouts(set([...bare, ...numbered]), {}, where);
    expect(chosen.ok).toBe(true);
    if (!chosen.ok) return;
    const { layouts } = chosen.value;
    // The title slide keeps the first master's cover; every other role takes the numbered master.
    expect(layouts.title.part).toBe(bare[0]!.part);
    for (const role of ['content', 'two', 'comparison', 'titleOnly', 'section'] as const)
      expect(
        layouts[role].placeholders.some((p) => p.type === 'sldNum'),
        role,
      ).toBe(true);
    // Without the wish, the master order decides as before.
    const plain = chooseLayouts(set([...bare, ...numbered]), {}, where, { numbers: false });
    expect(plain.ok && plain.value.layouts.content.part).toBe(bare[1]!.part);
  });

  it('maps layouts by their placeholders when no name is known, and falls back as PowerPoint users do', () => {
    const own = [
      layout('Forside', 'cust', [ph('ctrTitle'), ph('subTitle', '1')]),
      layout('Tekst', 'cust', [ph('title'), ph('body', '1'), ph('ftr', '11')]),
      layout('Sammen', 'cust', [ph('title'), ph('body', '1'), ph('body', '2')]),
      layout('Blank', 'blank', []),
    ];
    const chosen = chooseLayouts(set(own), {}, where);
    expect(chosen.ok).toBe(true);
    if (!chosen.ok) return;
    const names = Object.fromEntries(Object.entries(chosen.value.layouts).map(([role, l]) => [role, l.name]));
    expect(names).toEqual({
      title: 'Forside',
      content: 'Tekst',
      two: 'Sammen',
      comparison: 'Sammen',
      // No title-only layout: title and content with the body left out.
      titleOnly: 'Tekst',
      section: 'Tekst',
    });
  });

  it('takes a custom layout for lists by its room, not by master order (issue #20: PowerPoint writes no type for a layout its user made)', () => {
    const at = (type: string, idx: string | undefined, x: number, y: number, w: number, h: number) => ({
      ...ph(type, idx),
      box: { x, y, w, h },
    });
    const own = [
      layout('Forside', 'cust', [at('ctrTitle', undefined, 1, 2, 11, 1.5), at('subTitle', '1', 1, 3.6, 11, 1)]),
      // A divider before the content layouts: its body is the line under a mid-slide title.
      layout('Kapittel', 'cust', [at('title', undefined, 0.8, 3, 11.7, 1.2), at('body', '1', 0.8, 4.3, 11.7, 0.8)]),
      layout('Section Header', 'cust', [
        at('title', undefined, 0.8, 1.7, 11.7, 2.9),
        at('body', '1', 0.8, 4.6, 11.7, 1.5),
      ]),
      // A picture with a caption: one body, as a list wants, but the picture takes the room.
      layout('Bilde', 'cust', [
        at('title', undefined, 0.8, 0.5, 4, 1.5),
        at('pic', '1', 5, 0.5, 7.5, 6),
        at('body', '2', 0.8, 2.2, 4, 4),
      ]),
      layout('Innhold', 'cust', [
        at('title', undefined, 0.8, 0.4, 11.7, 1.4),
        at('body', '1', 0.8, 2, 11.7, 4.4),
        ...footers,
      ]),
      layout('To spalter', 'cust', [
        at('title', undefined, 0.8, 0.4, 11.7, 1.4),
        at('body', '1', 0.8, 2, 5.7, 4.4),
        at('body', '2', 6.8, 2, 5.7, 4.4),
        ...footers,
      ]),
      layout('Tekst og bildetekst', 'cust', [
        at('title', undefined, 0.8, 0.4, 11.7, 1.4),
        at('body', '1', 0.8, 2, 8.7, 4.4),
        at('body', '2', 9.8, 2, 2.7, 1),
        ...footers,
      ]),
    ];
    const chosen = chooseLayouts(set(own), {}, where, { numbers: false });
    expect(chosen.ok).toBe(true);
    if (!chosen.ok) return;
    const names = Object.fromEntries(Object.entries(chosen.value.layouts).map(([role, l]) => [role, l.name]));
    expect(names).toMatchObject({ title: 'Forside', content: 'Innhold', two: 'To spalter' });
  });

  it('never uses a layout for vertical text; without a body, text slides take the title-only layout, not the cover', () => {
    const vertical = { ...ph('body', '1'), vertical: true as const };
    const bare = [
      layout('Title Slide', 'title', [ph('ctrTitle'), ph('subTitle', '1'), ...footers]),
      layout('Title and Content', 'obj', [ph('title'), ...footers]),
      layout('Two Content', 'twoObj', [ph('title'), ...footers]),
      layout('Title Only', 'titleOnly', [ph('title'), ...footers]),
      layout('Title and Vertical Text', 'vertTx', [ph('title'), vertical, ...footers]),
      layout('Vertical Title and Text', 'vertTitleAndTx', [{ ...ph('title'), vertical: true as const }, vertical]),
    ];
    const chosen = chooseLayouts(set(bare), {}, where);
    expect(chosen.ok).toBe(true);
    if (!chosen.ok) return;
    const names = Object.fromEntries(Object.entries(chosen.value.layouts).map(([role, l]) => [role, l.name]));
    expect(names).toMatchObject({
      title: 'Title Slide',
      content: 'Title Only',
      two: 'Title Only',
      comparison: 'Title Only',
      titleOnly: 'Title Only',
    });
    expect(names.section).not.toMatch(/Vertical/);
  });

  it('refuses only a template with no layout holding a title, listing its layouts', () => {
    const chosen = chooseLayouts(set([layout('Blank', 'blank', [ph('body', '1')])]), {}, where);
    expect(chosen.ok).toBe(false);
    if (chosen.ok) return;
    expect(chosen.issues).toEqual([
      {
        ...where,
        message:
          "the template assets/templates/t.potx has no layout with a title placeholder, so no slide can have a title; its layouts: 'Blank' (body#1)",
      },
    ]);
  });

  it("refuses a theme.yaml layout name the template does not have, naming the template's layouts", () => {
    const chosen = chooseLayouts(set(standard), { two: 'To kolonner' }, where);
    expect(chosen.ok).toBe(false);
    if (chosen.ok) return;
    expect(chosen.issues[0]?.message).toMatch(
      /^the template assets\/templates\/t\.potx has no layout 'To kolonner' with a title placeholder for two slides; its layouts: 'Tittellysbilde' .*Name one of them under layouts\.two in theme\.yaml/,
    );
  });
});
