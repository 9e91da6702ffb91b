import { z } from 'zod';
import { nullableString } from '../views.js';

/** A volunteer, treasurer or administrator, as the sign-in screen lists them. */
export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(['volunteer', 'leader', 'treasurer', 'admin']),
  active: z.boolean(),
  lockedUntil: nullableString,
});
export type User = z.infer<typeof userSchema>;
