import { z } from 'zod';
import { id } from './fields.js';

/**
 * A member's personal data erased: on the member's request, or because their membership lapsed
 * longer ago than the club keeps personal data. Their personal fields read as ERASED_MEMBER from
 * then on (src-shared/personal-data.ts); their key is destroyed; entries written in the clear
 * before sealing existed are rewritten (`redactedSeqs`, in the log's order). Money records stay.
 */
export const memberEraseV1 = z
  .object({
    kind: z.literal('member.erase'),
    version: z.literal(1),
    memberId: id,
    reason: z.enum(['request', 'retention']),
    redactedSeqs: z.array(z.number().int().min(1)),
  })
  .strict();
