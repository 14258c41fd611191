/**
 * The data's fields by their labels in the form, written in bokmål and said in the reader's
 * language (page-text.ts): the Studio's form and the CLI's located messages name a field the
 * same way (`Hovedbudskap › Hvorfor?` for `mainMessage.why`). A field the map does not know is
 * shown by its YAML name, never hidden. A key "parent.field" wins over "field" where one name
 * means two things.
 */
import type { Lang } from './entry.js';
import { pageWord } from './page-text.js';

const FIELDS: Record<string, string> = {
  name: 'Navn',
  version: 'Versjon',
  date: 'Dato',
  status: 'Status',
  history: 'Versjonshistorikk',
  changes: 'Endringer',
  organisation: 'Organisasjon',
  shortName: 'Kortnavn',
  logo: 'Logo',
  file: 'Fil (i assets/)',
  alt: 'Alternativ tekst',
  decorative: 'Bare pynt (ingen alternativ tekst)',
  members: 'Medlemskommuner',
  id: 'ID (brukes i andre filer)',
  contact: 'Kontaktperson',
  email: 'E-post',
  phone: 'Telefon',
  staircase: 'Kommunikasjonstrappa',
  base: 'Grunnmur',
  steps: 'Trinn',
  question: 'Spørsmål',
  label: 'Merkelapp',
  points: 'Punkter',
  outcome: 'Resultat',
  top: 'Toppen av trappa',
  explanation: 'Forklaring',
  mainMessage: 'Hovedbudskap',
  what: 'Hva?',
  why: 'Hvorfor?',
  model: 'Modell av samkommunen',
  summary: 'Sammendrag',
  tasks: 'Oppgaver (på pilene)',
  emphasis: 'Nøkkelsetning',
  services: 'Tjenester',
  targetGroups: 'Målgrupper',
  'targetGroups.groups': 'Grupper',
  period: 'Periode',
  groups: 'Målgrupper (ID-er)',
  priority: 'Prioritet',
  profile: 'Profil',
  otherMessages: 'Andre viktige budskap',
  actionPlan: 'Handlingsplan',
  audience: 'Publikum',
  'actionPlan.audience': 'Målgruppe',
  activity: 'Aktivitet',
  purpose: 'Hensikt',
  responsible: 'Ansvar',
  dates: 'Datoer',
  when: 'Tid (fritekst)',
  wording: 'Egne formuleringer',
  text: 'Tekst',
  sub: 'Underpunkter',
  colors: 'Farger',
  primary: 'Hovedfarge',
  secondary: 'Lys følgefarge',
  accent: 'Aksentfarge',
  background: 'Bakgrunn',
  muted: 'Dempet tekst',
  onPrimary: 'Tekst på hovedfargen',
  highlight: 'Markering av publikums egne rader',
  fonts: 'Skrift',
  heading: 'Overskrifter',
  body: 'Brødtekst',
  files: 'Skriftfiler',
  regular: 'Vanlig',
  bold: 'Fet',
  italic: 'Kursiv',
  boldItalic: 'Fet kursiv',
  sizes: 'Skriftstørrelser (punkt)',
  title: 'Tittel',
  subtitle: 'Undertittel',
  table: 'Tabell',
  notesMin: 'Minste notattekst',
  minBody: 'Minste brødtekst',
  minTable: 'Minste tabelltekst',
  sizeBudgetMB: 'Største filstørrelse (MB)',
  template: 'PowerPoint-mal (i assets/)',
  layouts: 'Oppsett i PowerPoint-malen',
  // PowerPoint's own names of its standard layouts, as a Norwegian PowerPoint shows them.
  'layouts.title': 'Tittellysbilde',
  'layouts.content': 'Tittel og innhold',
  'layouts.two': 'To innholdsdeler',
  'layouts.comparison': 'Sammenligning',
  titleOnly: 'Bare tittel',
  'layouts.section': 'Inndelingsoverskrift',
  footer: 'Bunntekst',
  slideNumbers: 'Lysbildenummer',
  meeting: 'Møte',
  place: 'Sted',
  presenter: 'Presentert av',
  planRow: 'Rad i handlingsplanen (ID)',
  language: 'Språk',
  fallbackLanguage: 'Reservespråk',
  slides: 'Lysbilder',
  slide: 'Lysbilde',
  notes: 'Talenotater',
  plan: 'Rader i handlingsplanen',
  kind: 'Type',
  intro: 'Innledning',
  image: 'Bilde',
  fit: 'Tilpasning',
  distribution: 'Distribusjonsliste',
  to: 'Til',
  cc: 'Kopi',
  bcc: 'Blindkopi',
  replyTo: 'Svar til',
  subject: 'Emne',
};

/** A field's label in `lang`: its YAML name when the map has none. */
export function fieldLabel(path: ReadonlyArray<string | number>, lang: Lang): string {
  const named = path.filter((p): p is string => typeof p === 'string');
  const key = named.at(-1) ?? '';
  const parent = named.at(-2);
  const label = (parent && FIELDS[`${parent}.${key}`]) ?? FIELDS[key];
  return label === undefined ? key : pageWord(lang, label);
}

/** One item of a list, for buttons and legends: "Punkt 3", "Rad 2". */
export function itemNoun(listPath: ReadonlyArray<string | number>, lang: Lang): string {
  const key = String(listPath.filter((p) => typeof p === 'string').at(-1) ?? '');
  const nouns: Record<string, string> = {
    points: 'Punkt',
    sub: 'Underpunkt',
    profile: 'Punkt',
    otherMessages: 'Budskap',
    actionPlan: 'Rad',
    groups: 'Gruppe',
    steps: 'Trinn',
    members: 'Kommune',
    history: 'Versjon',
    changes: 'Endring',
    slides: 'Lysbilde',
    explanation: 'Avsnitt',
    top: 'Ord',
    to: 'Mottaker',
    cc: 'Mottaker',
    bcc: 'Mottaker',
    dates: 'Dato',
  };
  return pageWord(lang, nouns[key] ?? 'Element');
}

/** Where a field is, in the form's words: "Handlingsplan › Rad 4 › Aktivitet". */
export function placeLabel(path: ReadonlyArray<string | number>, lang: Lang): string {
  return path
    .map((segment, i) =>
      typeof segment === 'number'
        ? `${itemNoun(path.slice(0, i), lang)} ${segment + 1}`
        : fieldLabel(path.slice(0, i + 1), lang),
    )
    .join(' › ');
}

/** A field as the CLI prints it (`actionPlan[3].activity`) → its path. */
export function parseField(field: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const m of field.matchAll(/\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|([^.[\]]+)/g)) {
    if (m[1] !== undefined) out.push(Number(m[1]));
    else if (m[2] !== undefined) out.push(JSON.parse(`"${m[2]}"`) as string);
    else if (m[3] !== undefined) out.push(m[3]);
  }
  return out;
}

/**
 * A file of templates/ (slides.yaml, the e-mail's .hbs): its fields are a template's keys
 * (`title.title`: the title slide's title), not fields of the data, so the data's labels
 * would name them wrongly («Tittel › Tittel»); they stay as the file has them.
 */
const isTemplateFile = (file: string | undefined): boolean =>
  file !== undefined && /(^|[\\/])templates[\\/]/.test(file);

/**
 * A located message's field named by its label too, for a reader of `lang` (not English):
 * `organisation.logo.file «Organisasjon › Logo › Fil (i assets/)»`. The path stays first, for
 * the reader who opens the file in a text editor.
 */
export function withFieldLabel<T extends { field?: string; file?: string }>(issue: T, lang: Lang): T {
  if (lang === 'en' || !issue.field || isTemplateFile(issue.file)) return issue;
  const label = placeLabel(parseField(issue.field), lang);
  return label === issue.field ? issue : { ...issue, field: `${issue.field} «${label}»` };
}
