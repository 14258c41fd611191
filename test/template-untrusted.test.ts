/**
 * A template from outside is untrusted input (issue #20): built through the CLI on templates
 * derived from a real .potx. Macros, OLE parts and links that point outside (http, \\host\share)
 * are left out of the deck, which stays valid; a UTF-16 layout is read; a broken part, a DTD, a
 * truncated zip and a zip bomb are one located line with exit 2, and the bomb costs no more
 * memory than the template limit allows.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { missingValidator, validatePptx } from './helpers/ooxml.js';
import { runCliAsync } from './helpers/project.js';
import { copyProjectInto } from './helpers/project-copy.js';
import {
  bodylessTemplate,
  coverTitleOnlyTemplate,
  brokenPartTemplate,
  dtdTemplate,
  externalLinksTemplate,
  LAYOUT,
  macroTemplate,
  movedPartsTemplate,
  titlePlacesApartTemplate,
  utf16Template,
  zipBombTemplate,
} from './helpers/red-team-templates.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-untrusted-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * Prints the process's peak resident memory (KB) on its way out: VmHWM, the peak of this
 * program's own memory. Not resourceUsage().maxRSS: on Linux that keeps the peak from before
 * exec, i.e. the test worker's size at the fork (500 MB in a full run, where a worker has
 * run many files), which made this test fail for memory the CLI never used.
 */
const PEAK_HOOK = path.join(work, 'peak.cjs');
writeFileSync(
  PEAK_HOOK,
  [
    "const { readFileSync } = require('node:fs');",
    'function peakKb() {',
    "  try { return Number(/VmHWM:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))[1]); }",
    '  catch { return process.resourceUsage().maxRSS; }',
    '}',
    "process.on('exit', () => process.stderr.write('peak-rss-kb=' + peakKb() + '\\n'));",
    '',
  ].join('\n'),
);
const LIMIT_MB = 20;

interface Built {
  status: number | null;
  /** stderr without warnings and the memory line. */
  errors: string[];
  peakMb: number;
  deck?: Record<string, Uint8Array>;
  file?: string;
}

/** A copy of the bundled project on `bytes` as assets/templates/`name`, one deck built through the CLI. */
async function buildOn(name: string, bytes: Uint8Array): Promise<Built> {
  const root = copyProjectInto(mkdtempSync(path.join(work, 'p-')));
  mkdirSync(path.join(root, 'assets/templates'), { recursive: true });
  writeFileSync(path.join(root, 'assets/templates', name), bytes);
  const theme = path.join(root, 'data/theme.yaml');
  writeFileSync(theme, `${readFileSync(theme, 'utf8')}template: templates/${name}\n`);
  const run = await runCliAsync(['--lang', 'en', 'build', '--deck', 'samkommunestyre'], root, {
    NODE_OPTIONS: `--require ${PEAK_HOOK}`,
    TRAPPA_MAX_TEMPLATE_MB: String(LIMIT_MB),
  });
  const lines = run.stderr.split('\n').filter((l) => l.trim() !== '');
  const peak = Number(/peak-rss-kb=(\d+)/.exec(run.stderr)?.[1] ?? Number.NaN);
  const out = path.join(root, 'output');
  const file = existsSync(out) ? readdirSync(out).find((f) => f.endsWith('.pptx')) : undefined;
  return {
    status: run.status,
    errors: lines.filter((l) => !l.startsWith('peak-rss-kb=') && !/warning:/.test(l)),
    peakMb: peak / 1024,
    ...(file ? { file: path.join(out, file), deck: unzipSync(readFileSync(path.join(out, file))) } : {}),
  };
}

/** What must never reach a deck: macros, OLE parts, links out of the package but web and mail ones. */
function leaks(deck: Record<string, Uint8Array>): string[] {
  const found = Object.keys(deck).filter((n) => /vbaProject|oleObject|embeddings\//i.test(n));
  for (const [name, data] of Object.entries(deck)) {
    const xml = /\.(xml|rels)$/.test(name) ? strFromU8(data) : '';
    for (const m of xml.matchAll(/<Relationship\b[^>]*TargetMode="External"[^>]*>/g))
      if (!/Target="(https?:|mailto:)/.test(m[0])) found.push(`${name}: ${m[0]}`);
    if (/vbaProject|\\\\|r:link=/.test(xml)) found.push(`${name}: ${/vbaProject|\\\\|r:link=/.exec(xml)![0]}`);
  }
  return found;
}

describe('templates Trappa accepts, and what it leaves behind', () => {
  it.skipIf(missingValidator())(
    'a macro-enabled .potm builds without its macros or OLE part',
    async () => {
      const built = await buildOn('makro.potm', macroTemplate());
      expect(built.errors).toEqual([]);
      expect(built.status).toBe(0);
      expect(leaks(built.deck!)).toEqual([]);
      const types = strFromU8(built.deck!['[Content_Types].xml']!);
      expect(types).not.toMatch(/macroEnabled|vbaProject|Extension="bin"/);
      expect((await validatePptx(built.file!)).filter((i) => i.severity === 'error')).toEqual([]);
    },
    240_000,
  );

  it.skipIf(missingValidator())(
    'pictures linked from http and \\\\host\\share, and a hyperlink to a share, are left out; the web link stays',
    async () => {
      const built = await buildOn('lenker.potx', externalLinksTemplate());
      expect(built.errors).toEqual([]);
      expect(built.status).toBe(0);
      expect(leaks(built.deck!)).toEqual([]);
      const rels = Object.entries(built.deck!)
        .filter(([n]) => n.endsWith('.rels'))
        .map(([, d]) => strFromU8(d))
        .join('');
      expect(rels).not.toMatch(/tracker\.example|host|server/);
      expect(rels).toContain('https://kommune.example/');
      expect((await validatePptx(built.file!)).filter((i) => i.severity === 'error')).toEqual([]);
    },
    240_000,
  );

  it.skipIf(missingValidator())(
    'a layout in UTF-16 is read, used, and written as UTF-8',
    async () => {
      const built = await buildOn('utf16.potx', utf16Template());
      expect(built.errors).toEqual([]);
      expect(built.status).toBe(0);
      const layouts = Object.entries(built.deck!).filter(([n]) => /^ppt\/slideLayouts\/[^/]+\.xml$/.test(n));
      const titleSlide = layouts.find(([, d]) => strFromU8(d).includes('<p:cSld name="Title Slide"'));
      expect(titleSlide?.[1][0]).toBe('<'.charCodeAt(0));
      expect(strFromU8(titleSlide![1])).toMatch(/^<\?xml [^>]*encoding="UTF-8"/);
      const used = Object.entries(built.deck!)
        .filter(([n]) => /^ppt\/slides\/_rels\//.test(n))
        .map(([, d]) => strFromU8(d));
      expect(used.some((r) => r.includes(path.basename(titleSlide![0])))).toBe(true);
      expect((await validatePptx(built.file!)).filter((i) => i.severity === 'error')).toEqual([]);
    },
    240_000,
  );

  it.skipIf(missingValidator())(
    'a master and layouts under other part names (ppt/design/layouts/L1.XML) are found by their relationships',
    async () => {
      const built = await buildOn('flyttet.potx', movedPartsTemplate());
      expect(built.errors).toEqual([]);
      expect(built.status).toBe(0);
      const names = Object.keys(built.deck!);
      const layoutsUsed = names
        .filter((n) => /^ppt\/slides\/_rels\//.test(n))
        .flatMap((n) => [...strFromU8(built.deck![n]!).matchAll(/Target="\.\.\/slideLayouts\/([^"]+)"/g)])
        .map((m) => `ppt/slideLayouts/${m[1]}`);
      expect(layoutsUsed.length).toBeGreaterThan(0);
      expect(layoutsUsed.filter((l) => !names.includes(l))).toEqual([]);
      expect(names.filter((n) => /design|\.XML$/.test(n))).toEqual([]);
      expect((await validatePptx(built.file!)).filter((i) => i.severity === 'error')).toEqual([]);
    },
    240_000,
  );

  it('a template without any body place: texts go under the title of its title-only layout, inside the slide', async () => {
    const built = await buildOn('uten-tekstfelt.potx', bodylessTemplate());
    expect(built.errors).toEqual([]);
    expect(built.status).toBe(0);
    const offs = Object.entries(built.deck!)
      .filter(([n]) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
      .flatMap(([, d]) => [...strFromU8(d).matchAll(/<a:off x="(\d+)" y="\d+"\/><a:ext cx="(\d+)"/g)])
      .map((m) => Number(m[1]) + Number(m[2]));
    expect(offs.length).toBeGreaterThan(0);
    // 10 in less the 0.3-in edge, in EMU.
    expect(Math.max(...offs)).toBeLessThanOrEqual((10 - 0.3) * 914400);
  }, 240_000);

  it('a template without any body place and its title at the foot: texts go above the title', async () => {
    const built = await buildOn('tittel-nederst.potx', bodylessTemplate(true));
    expect(built.errors).toEqual([]);
    expect(built.status).toBe(0);
    // The content slides' texts (the cover, slide 1, keeps its own title): all above the title, at 5.47 in.
    const feet = Object.entries(built.deck!)
      .filter(([n]) => /^ppt\/slides\/slide\d+\.xml$/.test(n) && n !== 'ppt/slides/slide1.xml')
      .flatMap(([, d]) => [...strFromU8(d).matchAll(/<a:off x="\d+" y="(\d+)"\/><a:ext cx="\d+" cy="(\d+)"/g)])
      .map((m) => Number(m[1]) + Number(m[2]));
    expect(feet.length).toBeGreaterThan(0);
    expect(Math.max(...feet)).toBeLessThanOrEqual(5000000);
  }, 240_000);

  it.skipIf(missingValidator())(
    "a title fitted in the content layout's place and written in a title-only place 0.015 in lower keeps its frame",
    async () => {
      const built = await buildOn('titler.potx', titlePlacesApartTemplate());
      // Before: "slide 6 · Title · error overflow: the text needs 1.00 in at 20 pt but the frame has 0.99 in".
      expect(built.errors).toEqual([]);
      expect(built.status).toBe(0);
      const deck = built.deck!;
      const onTitleOnly = Object.keys(deck)
        .filter((n) => /^ppt\/slides\/_rels\/slide\d+\.xml\.rels$/.test(n))
        .filter((n) => strFromU8(deck[n]!).includes('slideLayouts/slideLayout5.xml'))
        .map((n) => n.replace('_rels/', '').replace('.rels', ''));
      expect(onTitleOnly.length).toBeGreaterThan(0);
      for (const slide of onTitleOnly) {
        const title = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:ph type="title"[\s\S]*?<\/p:sp>/.exec(
          strFromU8(deck[slide]!),
        )![0];
        expect(title, slide).not.toContain('<a:xfrm>');
        const bodyPr = /<a:bodyPr\b[^>]*>/.exec(title)![0];
        const inset = (name: string) => Number(new RegExp(`${name}="(-?\\d+)"`).exec(bodyPr)![1]);
        // The 994 000-EMU place less the written insets: the 1 008 000-EMU place it was fitted in, less 2 × 0.05 in.
        expect(994_000 - inset('tIns') - inset('bIns'), slide).toBeGreaterThanOrEqual(1_008_000 - 91_440 - 1);
      }
      expect((await validatePptx(built.file!)).filter((i) => i.severity === 'error')).toEqual([]);
    },
    240_000,
  );

  it.skipIf(missingValidator())(
    "no title place on any layout but the cover: content slides take the other layouts, their titles the master's place",
    async () => {
      const built = await buildOn('bare-forside.potx', coverTitleOnlyTemplate());
      // Before: "slide 2 · Title · error overflow: the text frame reaches past the slide's right edge", every slide.
      expect(built.errors).toEqual([]);
      expect(built.status).toBe(0);
      const deck = built.deck!;
      const slides = Object.keys(deck).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
      const layoutOf = (slide: string) =>
        /slideLayouts\/([^"]+)"/.exec(strFromU8(deck[slide.replace('slides/', 'slides/_rels/') + '.rels']!))![1];
      const content = slides.filter((n) => n !== 'ppt/slides/slide1.xml');
      expect(content.length).toBeGreaterThan(0);
      expect(content.filter((n) => layoutOf(n) === path.basename(LAYOUT))).toEqual([]);
      for (const slide of content) {
        const title = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:ph type="title"[\s\S]*?<\/p:sp>/.exec(
          strFromU8(deck[slide]!),
        )![0];
        const [, x, cx] = /<a:off x="(\d+)" y="\d+"\/><a:ext cx="(\d+)"/.exec(title)!;
        // The master's title place (0.75 × 540 000 EMU in, 0.75 × 11 088 000 wide), inside the 10-in slide.
        expect(Number(x) + Number(cx), slide).toBeLessThanOrEqual(0.75 * (540_000 + 11_088_000) + 1);
      }
      expect((await validatePptx(built.file!)).filter((i) => i.severity === 'error')).toEqual([]);
    },
    240_000,
  );
});

describe('templates Trappa refuses: one located line, exit 2', () => {
  const located = (built: Built, file: string, part: string, what: RegExp) => {
    expect(built.errors).toHaveLength(1);
    expect(built.errors[0]).toContain(`assets/templates/${file}`);
    expect(built.errors[0]).toContain(part);
    expect(built.errors[0]).toMatch(what);
    expect(built.errors[0]).toMatch(/^data\/theme\.yaml:\d+/);
    expect(built.status).toBe(2);
    expect(built.deck).toBeUndefined();
  };

  it('a layout cut off in the middle of its XML', async () => {
    located(await buildOn('brutt.potx', brokenPartTemplate()), 'brutt.potx', LAYOUT, /not well-formed XML \(line \d+/);
  }, 240_000);

  it('a layout with a DTD that declares entities', async () => {
    located(await buildOn('dtd.potx', dtdTemplate()), 'dtd.potx', LAYOUT, /DTD/);
  }, 240_000);

  it('a zip cut short', async () => {
    const whole = macroTemplate();
    const built = await buildOn('kuttet.potx', whole.subarray(0, Math.floor(whole.length * 0.6)));
    expect(built.errors).toHaveLength(1);
    expect(built.errors[0]).toMatch(/assets\/templates\/kuttet\.potx .*not a PowerPoint file/);
    expect(built.status).toBe(2);
  }, 240_000);

  it.each([
    ['declares its size', false],
    ['declares a small size', true],
  ])(
    'a zip bomb: a layout that inflates to 1 GB and %s, refused within the template limit of memory',
    async (_, lying) => {
      const built = await buildOn('bombe.potx', zipBombTemplate(1024, lying));
      located(built, 'bombe.potx', LAYOUT, /inflates past the limit of 20 MB/);
      // Node and the CLI's modules take ~50-70 MB before a template is read; the template adds at most its limit.
      expect(built.peakMb).toBeLessThan(100 + LIMIT_MB);
    },
    240_000,
  );
});
