import * as z from 'zod';

/*
 * Distribution lists as people write them in data/*.yaml:
 *
 *   to:
 *     - { name: Ola Nordmann, email: ola.nordmann@levanger.kommune.no }
 *   cc:
 *     - email: post@verdal.kommune.no
 *   replyTo: { name: Kommunikasjon, email: kommunikasjon@innherred-samkommune.no }
 */

// RFC 5322 dot-atom for the local part (ASCII only: SMTPUTF8 is rarely supported end to end).
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
// Domain labels may be Unicode (IDN, e.g. "bø.kommune.no"); nodemailer punycodes them.
const DOMAIN_LABEL = /^[\p{L}\p{N}]([\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LEVEL = /^(\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;

/**
 * Says in plain words what is wrong with an e-mail address, or returns undefined when it is
 * a usable address. Stricter than RFC 5322 on purpose: quoted local parts, IP literals and
 * dotless domains are legal there but are always typos in a distribution list.
 */
export function describeAddressProblem(address: string): string | undefined {
  if (address.trim() === '') return 'the e-mail address is empty';
  if (/\s/.test(address)) return `"${address}" contains a space; an e-mail address has none`;
  const at = address.lastIndexOf('@');
  if (at < 0) return `"${address}" has no "@"; write it like ola.nordmann@levanger.kommune.no`;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local === '') return `"${address}" has nothing before the "@"`;
  if (domain === '') return `"${address}" has nothing after the "@"`;
  if (local.includes('@')) return `"${address}" has more than one "@"`;
  if (local.length > 64 || address.length > 254) return `"${address}" is too long for an e-mail address`;
  if (!LOCAL_PART.test(local)) return `"${address}" has characters before the "@" that e-mail does not allow`;
  const labels = domain.split('.');
  if (labels.length < 2) return `"${address}" has no top-level domain such as ".no" after "${domain}"`;
  if (labels.some((label) => !DOMAIN_LABEL.test(label))) return `"${address}" has a malformed domain "${domain}"`;
  if (!TOP_LEVEL.test(labels.at(-1) ?? ''))
    return `"${address}" ends in "${labels.at(-1)}", which is not a top-level domain`;
  return undefined;
}

const emailAddressSchema = z.string().superRefine((value, ctx) => {
  const problem = describeAddressProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const recipientSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'the name is empty; leave it out or write the name').optional(),
    email: emailAddressSchema,
  })
  .describe('A person or mailbox: { name?, email }.');

const recipientListSchema = z.array(recipientSchema);

export const distributionSchema = z
  .strictObject({
    to: recipientListSchema.min(1, 'a distribution list needs at least one "to" recipient'),
    cc: recipientListSchema.optional(),
    bcc: recipientListSchema.optional(),
    replyTo: recipientSchema.optional(),
  })
  .superRefine((list, ctx) => {
    // The same person twice (say in to and bcc) is a mistake: which one did the author mean?
    const seen = new Map<string, string>();
    for (const field of ['to', 'cc', 'bcc'] as const) {
      (list[field] ?? []).forEach((recipient, index) => {
        const key = recipient.email.toLowerCase();
        const first = seen.get(key);
        if (first) {
          ctx.addIssue({
            code: 'custom',
            path: [field, index, 'email'],
            message: `${recipient.email} is already listed at ${first}`,
          });
        } else {
          seen.set(key, `${field}[${index}]`);
        }
      });
    }
  })
  .describe('Who gets a deck by e-mail: to (at least one), cc, bcc, replyTo.');
