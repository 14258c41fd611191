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

  it('reports a layout without a slide number, naming what it lacks and listing the layouts', () => {
    const noNumber = standard.map((l) =>
      l.name === 'Tittel og innhold'
        ? { ...l, type: 'cust', placeholders: l.placeholders.filter((p) => p.type !== 'sldNum') }
        : l,
    );
    const chosen = chooseLayouts(set(noNumber), {}, where);
    expect(chosen.ok).toBe(false);
    if (chosen.ok) return;
    expect(chosen.issues).toHaveLength(1);
    expect(chosen.issues[0]).toMatchObject({ file: 'data/theme.yaml', line: 30, field: 'template' });
    expect(chosen.issues[0]?.message).toBe(
      "the template assets/templates/t.potx cannot hold content slides: its layout 'Tittel og innhold' lacks a slide-number " +
        "placeholder; its layouts: 'Tittellysbilde' (ctrTitle, subTitle#1, dt#10, ftr#11, sldNum#12); 'Tittel og innhold' " +
        "(title, obj#1, dt#10, ftr#11); 'To innholdsdeler' (title, obj#1, obj#2, dt#10, ftr#11, sldNum#12); 'Bare tittel' " +
        '(title, dt#10, ftr#11, sldNum#12). Name the layout to use under layouts.content in theme.yaml',
    );
  });
});
