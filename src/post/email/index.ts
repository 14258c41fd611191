export type * from './types.js';
export { parseMailbox } from './smtp-config.js';
export {
  loadMailConfig,
  describeMailConfig,
} from './mail-config.js';
export { sendDecks } from './send-decks.js';
export { formatSendReport, sendReportError } from './format-send-report.js';
export { writeDrafts } from './write-draft.js';
