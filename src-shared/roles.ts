import type { Role } from './words.js';

/**
 * Who may do what, in the club's terms (docs/ROLES.md is this, as a table). Each contract method
 * names one of these; the service refuses any other role before the handler runs, and the core's
 * writes check the same lists again, whoever calls them (the command line, an import).
 */
export const ROLES = {
  /** Everyone signed in: looking members and activities up, printing. */
  everyone: ['volunteer', 'leader', 'treasurer', 'admin'],
  /** Those who work the desk's cash drawer: selling, the drawer, new members. */
  desk: ['volunteer', 'treasurer', 'admin'],
  /** Registering members to an activity: the desk, and a leader for their own activities. */
  registrations: ['volunteer', 'leader', 'treasurer', 'admin'],
  /** Money given back after the fact, cash taken out of a drawer, an email sent anywhere. */
  treasury: ['treasurer', 'admin'],
  /** The club's settings, its people and its activities. */
  administration: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type RoleSet = (typeof ROLES)[keyof typeof ROLES];

/** Whether a role is among those allowed. */
export function isAllowed(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}
