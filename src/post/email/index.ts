export type * from './types.js';
export {
  distributionSchema,
  recipientSchema,
  emailAddressSchema,
  describeAddressProblem,
  type DistributionInput,
} from '../../data/distribution-schema.js';
export {
  loadSmtpConfig,
  describeSmtpConfig,
  parseMailbox,
  SmtpConfigError,
  type SmtpConfig,
  type SmtpSecurity,
  type LoadSmtpConfigOptions,
} from './smtp-config.js';
export { Secret } from './secret.js';
export {
  loadMailConfig,
  describeMailConfig,
  DEFAULT_BATCH_SIZE,
  type MailConfig,
  type MailTimeouts,
} from './mail-config.js';
export { MailLoginError } from './oauth-token.js';
export {
  loadEmailTemplates,
  renderEmailText,
  contentTypeFor,
  type EmailTemplates,
} from './compose-message.js';
export { prepareMessages, DEFAULT_SIZE_LIMIT_BYTES, type PreparedMessage } from './prepare-messages.js';
export {
  readSendLog,
  appendSendLog,
  SentIndex,
  deliveryKey,
  type SendLogEntry,
  type SendLogIntent,
  type SendLogRecipient,
} from './send-log.js';
export { sendDecks, type SendDecksOptions, type RetryOptions } from './send-decks.js';
export { formatSendReport, sendReportError } from './format-send-report.js';
export { writeDrafts, type WriteDraftsOptions } from './write-draft.js';
