/**
 * Labels for the schema's field names and values, written in bokmål and shown in the page's
 * language (page-language.ts, messages/page-text.ts). The schema's own
 * descriptions are English (they serve editors' autocompletion), so the page names fields
 * from this map; a field it does not know is shown by its YAML name, never hidden.
 * A key "parent.field" wins over "field" where one name means two things.
 */
import { kindLabel } from '../../kinds/index.js';
import { pageLanguage, word } from './page-language.js';

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
  footer: 'Bunntekst',
  slideNumbers: 'Lysbildenummer',
  meeting: 'Møte',
  place: 'Sted',
  presenter: 'Presentert av',
  planRow: 'Rad i handlingsplanen (ID)',
  language: 'Språk',
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

const VALUES: Record<string, string> = {
  high: 'Høyest prioritert',
  other: 'Andre målgrupper',
  nb: 'Bokmål',
  nn: 'Nynorsk',
  en: 'Engelsk',
  all: 'Alle rader',
  mark: 'Publikums egne rader markert og først',
  only: 'Bare publikums egne rader',
  draft: 'Utkast',
  released: 'Frigitt',
  contain: 'Hele bildet',
  cover: 'Fyll feltet',
};

export function fieldLabel(path: ReadonlyArray<string | number>): string {
  const named = path.filter((p): p is string => typeof p === 'string');
  const key = named.at(-1) ?? '';
  const parent = named.at(-2);
  const label = (parent && FIELDS[`${parent}.${key}`]) ?? FIELDS[key];
  return label === undefined ? key : word(label);
}

/** A value's name on the page; a slide kind's comes from its declaration (kinds/). */
export function valueLabel(value: string): string {
  const label = VALUES[value];
  return label === undefined ? kindLabel(value, pageLanguage()) : word(label);
}

/** One item of a list, for buttons and legends: "Punkt 3", "Rad 2". */
export function itemNoun(listPath: ReadonlyArray<string | number>): string {
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
  return word(nouns[key] ?? 'Element');
}

/** Where a field is, in the form's words: "Handlingsplan › Rad 4 › Aktivitet". */
export function placeLabel(path: ReadonlyArray<string | number>): string {
  return path
    .map((segment, i) =>
      typeof segment === 'number' ? `${itemNoun(path.slice(0, i))} ${segment + 1}` : fieldLabel(path.slice(0, i + 1)),
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
