import { z } from 'zod';

/**
 * The pieces every domain's views are made of. A view is what the core hands the UI: each is a
 * zod schema, its TypeScript type is inferred from it, and the contract checks every answer
 * against it before it leaves the core.
 */
export const nullableString = z.string().nullable();
/** Integer cents (CAD), signed: corrections are negative. */
export const cents = z.number().int();
export const count = z.number().int();
export const memberNumber = z.number().int();
export const orderKindSchema = z.enum(['sale', 'void', 'refund']);
export const lineKindSchema = z.enum(['membership', 'activity', 'donation', 'credit', 'rounding']);
export const paymentMethodSchema = z.enum(['cash', 'cheque', 'card', 'credit']);
