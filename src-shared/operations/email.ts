import { z } from 'zod';
import { id } from './fields.js';

/**
 * The emails the club's server sends for the desks (docs/SYNC.md, Email): a receipt a volunteer
 * asked to email (`receipt.email`), and the confirmation of a membership sold to a member with an
 * address on file (the member guide: « vous recevrez un message de confirmation »).
 */
export const EMAIL_KINDS = ['receipt', 'membership'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/**
 * Why an email was not delivered: the recipient's mail server refused it for good (`rejected`),
 * it kept failing until the server gave up (`gave_up`), the member was erased first (`erased`),
 * the member has no address any more (`no_address`), the sale was voided first (`voided`), or
 * the receipt's PDF never reached the server (`no_attachment`).
 */
export const EMAIL_FAILURES = ['rejected', 'gave_up', 'erased', 'no_address', 'voided', 'no_attachment'] as const;
export type EmailFailure = (typeof EMAIL_FAILURES)[number];

/**
 * What became of an email, written by the server on its own chain so every desk can show it.
 * Never the address nor the mail server's words (they may name the member): only what happened,
 * the SMTP reply code when there was one, and how many tries it took.
 */
export const emailDeliveryV1 = z
  .object({
    kind: z.literal('email.delivery'),
    version: z.literal(1),
    emailId: id,
    emailKind: z.enum(EMAIL_KINDS),
    orderId: id,
    status: z.enum(['sent', 'failed']),
    failure: z.enum(EMAIL_FAILURES).nullable(),
    smtpCode: z.number().int().min(200).max(599).nullable(),
    attempts: z.number().int().min(0),
  })
  .strict();
