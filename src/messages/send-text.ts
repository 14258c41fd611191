/** What `trappa send` reports per deck and recipient, in bokmål, nynorsk and English. */
import { t } from './entry.js';

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
