/** What `trappa send` reports per deck and recipient, in bokmål, nynorsk and English. */
import { type Form, t } from './entry.js';

export const SEND_TEXT = {
  'sendReport.dryRun': t(
    'Prøvekjøring: ingenting sendes.',
    'Prøvekøyring: ingenting vert sendt.',
    'Dry run: nothing is sent.',
  ),
  'sendReport.from': t('Fra: {from}', 'Frå: {from}', 'From: {from}'),
  'sendReport.attachment': t(
    '  vedlegg {name} ({size}, {type})',
    '  vedlegg {name} ({size}, {type})',
    '  attachment {name} ({size}, {type})',
  ),
  'sendReport.planned': t('ville blitt sendt', 'ville vorte send', 'would send'),
  'sendReport.sent': t('sendt', 'send', 'sent'),
  'sendReport.skipped': t('hoppet over', 'hoppa over', 'skipped'),
  'sendReport.failed': t('FEILET', 'FEILA', 'FAILED'),
  'sendReport.refused': t('AVVIST', 'AVVIST', 'REFUSED'),
  'sendReport.uncertain': t('USIKKER', 'USIKKER', 'UNCERTAIN'),
  'sendReport.noneSent': t('ingen sendt', 'ingen sende', 'none sent'),
  'sendReport.wouldBeSent': t('{n} ville blitt sendt', '{n} ville vorte sende', '{n} would be sent'),
  'sendReport.sentCount': t('{n} sendt', '{n} sende', '{n} sent'),
  'sendReport.alreadySent': t('{n} sendt fra før', '{n} sende frå før', '{n} already sent'),
  'sendReport.failedCount': t('{n} feilet', '{n} feila', '{n} failed'),
  'sendReport.refusedCount': t('{n} avvist', '{n} avviste', '{n} refused'),
  'sendReport.uncertainCount': t('{n} usikre', '{n} usikre', '{n} uncertain'),
  'sendReport.recipients': t('Mottakere: {summary}.', 'Mottakarar: {summary}.', 'Recipients: {summary}.'),
};

/** A failed send's lines (format-send-report.ts sendReportError) and the sign-in prompt, by their English form. */
export const SEND_FORMS: readonly Form[] = [
  [
    /^(\d+) recipient\(s\) did not get their deck for certain:$/,
    {
      nb: '$1 mottaker(e) har ikke sikkert fått presentasjonen:',
      nn: '$1 mottakar(ar) har ikkje sikkert fått presentasjonen:',
    },
  ],
  ...(
    [
      ['failed', 'feilet', 'feila'],
      ['refused', 'avvist', 'avvist'],
      ['uncertain', 'usikker', 'usikker'],
    ] as const
  ).map(
    ([status, nb, nn]) =>
      [new RegExp(`^(\\S+ v\\S+ → \\S+): ${status}(.*)$`), { nb: `$1: ${nb}$2`, nn: `$1: ${nn}$2` }] as const,
  ),
  [
    /^… and (\d+) more \(see the report above\)$/,
    { nb: '… og $1 til (se rapporten over)', nn: '… og $1 til (sjå rapporten over)' },
  ],
  [
    /^Run the same command again to retry only the failed recipients\.$/,
    {
      nb: 'Kjør den samme kommandoen igjen; da prøves bare mottakerne det feilet for.',
      nn: 'Køyr den same kommandoen igjen; då vert berre mottakarane det feila for prøvde.',
    },
  ],
  [
    /^Refused recipients already have this version with other content: raise the version, or use --resend\.$/,
    {
      nb: 'Avviste mottakere har allerede denne versjonen med annet innhold: lag en ny versjon, eller bruk --resend.',
      nn: 'Avviste mottakarar har alt denne versjonen med anna innhald: lag ein ny versjon, eller bruk --resend.',
    },
  ],
  [
    /^Uncertain messages were handed to the server but no answer was recorded.*$/,
    {
      nb: 'Usikre meldinger ble levert til tjeneren, men svaret ble ikke registrert, så de kan ha kommet fram: sjekk med mottakerne eller tjenerens meldingslogg, og send dem så igjen med --resend-uncertain (samme Message-ID, så e-postprogrammene viser én kopi).',
      nn: 'Usikre meldingar vart leverte til tenaren, men svaret vart ikkje registrert, så dei kan ha kome fram: sjekk med mottakarane eller meldingsloggen til tenaren, og send dei så igjen med --resend-uncertain (same Message-ID, så e-postprogramma viser éin kopi).',
    },
  ],
  [
    /^To sign in, open (\S+) in a browser and enter the code (\S+)$/,
    {
      nb: 'For å logge inn: åpne $1 i en nettleser og skriv inn koden $2',
      nn: 'For å logge inn: opne $1 i ein nettlesar og skriv inn koden $2',
    },
  ],
];
