import { z } from 'zod';
import { id } from './fields.js';

/**
 * A member's personal data erased: on the member's request, or because their membership lapsed
 * longer ago than the club keeps personal data. Their personal fields read as ERASED_MEMBER from
 * then on (src-shared/personal-data.ts); their key is destroyed; entries written in the clear
 * before sealing existed are rewritten (`redacted`, in the log's order, each with the SHA-256 of
 * what it holds once rewritten: the chain no longer vouches for that content, this entry does).
 * Money records stay.
 */
export const memberEraseV1 = z
  .object({
    kind: z.literal('member.erase'),
    version: z.literal(1),
    memberId: id,
    reason: z.enum(['request', 'retention']),
    redacted: z.array(z.object({ seq: z.number().int().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict()),
  })
  .strict();
