/**
 * The same content as Trappa's full strategy deck, as pandoc Markdown (one `#` heading per
 * slide), so pandoc's markdown → pptx can be timed on it. Pandoc neither measures nor
 * continues text: a 1,000-row plan stays one (overflowing) slide, where Trappa lays it out
 * on as many slides as it needs. Both get every word.
 */
import type { PlanRowDoc, StrategyDoc } from './synthetic.js';

type Point = string | { text: string; sub: string[] };

interface Loose {
  staircase?: { base: string; steps: { question: string; points: string[] }[]; top: string[]; explanation?: string[] };
  mainMessage?: { what: string; why: string };
  model?: { summary: string; tasks?: string; outcome: string; emphasis?: string };
  organisation?: { name: string; shortName?: string; members: { name: string }[] };
  profile?: Point[];
  otherMessages?: Point[];
  history?: { version: string; date: string; changes: string[] }[];
}

const MONTHS = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
];

const longDate = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}. ${MONTHS[(m ?? 1) - 1]} ${y}`;
};
const shortDate = (iso: string): string => {
  const [, m, d] = iso.split('-').map(Number);
  return `${d}.${m}.`;
};

/** Pipe-table cells cannot hold `|` or newlines. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

const bullets = (points: Point[] = []): string[] =>
  points.flatMap((p) => (typeof p === 'string' ? [`- ${p}`] : [`- ${p.text}`, ...p.sub.map((s) => `    - ${s}`)]));

function when(row: PlanRowDoc): string {
  if (row.when) return row.when;
  if (row.dates) return row.dates.map(shortDate).join(' / ');
  return row.date ? shortDate(row.date) : '';
}

function dateText(value: unknown): string {
  // yaml parses an unquoted date as text (YAML 1.2 core schema); a Date only from other parsers.
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

/** The deck's slides in Markdown. `slides` lists the built-in slide kinds to include, as in a deck file. */
export function strategyToMarkdown(strategy: StrategyDoc, slides: readonly string[]): string {
  const s = strategy as StrategyDoc & Loose;
  const wanted = new Set(slides);
  const out: string[] = [
    '---',
    `title: "${s.name.replace(/"/g, '\\"')}"`,
    `subtitle: "Versjon ${s.version}"`,
    `date: "${longDate(dateText(s.date))}"`,
    '---',
    '',
  ];
  const slide = (title: string, ...body: string[]) => out.push(`# ${title}`, '', ...body, '');
  const want = (kind: string): boolean => wanted.has(kind);

  if (want('staircase') && s.staircase) {
    const st = s.staircase;
    slide(
      'Kommunikasjonstrappa',
      `**${st.top.join(' · ')}**`,
      '',
      ...[...st.steps]
        .reverse()
        .flatMap((step, i) => [
          `- Trinn ${st.steps.length - i} ${step.question}`,
          ...step.points.map((p) => `    - ${p}`),
        ]),
      `- ${st.base}`,
      '',
      ...(st.explanation ?? []).flatMap((p) => [p, '']),
    );
  }
  if (want('what-why') && s.mainMessage)
    slide('Hva? – Hvorfor?', `**HVA?** ${s.mainMessage.what}`, '', `**HVORFOR?** ${s.mainMessage.why}`);
  if (want('model') && s.model && s.organisation) {
    slide(
      'Bilde av samkommunen',
      ...s.organisation.members.map((m) => `- ${m.name} → ${s.model!.tasks ?? ''} → ${s.organisation!.name}`),
      `- ${s.model.outcome}`,
      '',
      s.model.summary,
      '',
      ...(s.model.emphasis ? [`**${s.model.emphasis}**`] : []),
    );
  }
  const groups = s.targetGroups.groups;
  if (want('target-groups'))
    slide(
      `Målgrupper${s.targetGroups.period ? ` – ${s.targetGroups.period}` : ''}`,
      ':::::: {.columns}',
      '::: {.column}',
      '**HØYEST PRIORITERTE**',
      '',
      ...groups.filter((g) => g.priority === 'high').map((g) => `- ${g.name}`),
      ':::',
      '::: {.column}',
      '**ANDRE MÅLGRUPPER**',
      '',
      ...groups.filter((g) => g.priority !== 'high').map((g) => `- ${g.name}`),
      ':::',
      '::::::',
    );
  if (want('profile')) slide(`Morkommunene og ${s.organisation?.shortName ?? ''} – profil`, ...bullets(s.profile));
  if (want('messages') && s.mainMessage) {
    slide(
      'Viktige budskap',
      '**HOVEDBUDSKAP**',
      '',
      `- HVA? ${s.mainMessage.what}`,
      `- HVORFOR? ${s.mainMessage.why}`,
      '',
      '**ANDRE VIKTIGE BUDSKAP**',
      '',
      ...bullets(s.otherMessages),
    );
  }
  if (want('plan'))
    slide(
      'Arbeidet med kommunikasjonsplan – nærmeste tid',
      '| Målgruppe | Aktivitet | Hensikt | Ansvar | Tid |',
      '|---|---|---|---|---|',
      ...s.actionPlan.map(
        (r) => `| ${[r.audience, r.activity, r.purpose ?? '', r.responsible ?? '', when(r)].map(cell).join(' | ')} |`,
      ),
    );
  if (want('changes') && s.history && s.history.length > 0) {
    const last = s.history[s.history.length - 1]!;
    slide(
      'Endringer siden forrige versjon',
      `**Versjon ${last.version} (${longDate(dateText(last.date))})**`,
      '',
      ...last.changes.map((c) => `- ${c}`),
    );
  }
  return out.join('\n');
}
