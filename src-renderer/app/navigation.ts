import { createContext, useContext } from 'react';
import { ROLES } from '../../src-shared/roles';
import type { Role } from '../../src-shared/words';
import type { Input, Output } from './api';

export type DeskState = Output<'desk.state'>;
export type CartLine = Input<'sales.checkout'>['lines'][number];
export type DayReport = Output<'reports.day'>;
export type CashSession = Output<'drawer.open'>;

/** Why the sign-in screen shows: the volunteer asked, or the desk signed them out after idle minutes. */
export type SignOutReason = 'asked' | 'idle';

/** Every screen the desk can show, with what it needs. Screens are state, not URLs. */
export type Screen =
  | { name: 'signIn'; reason?: SignOutReason; cartKept?: boolean }
  | { name: 'openDrawer' }
  | { name: 'lookup' }
  | { name: 'member'; number: number }
  | { name: 'newMember'; firstName?: string; lastName?: string }
  | { name: 'checkout' }
  | { name: 'receipt'; receiptNumber: string; change?: Output<'sales.checkout'>['cash']; reprint?: boolean }
  | { name: 'activities'; memberNumber?: number }
  | { name: 'closeDrawer' }
  | { name: 'daySummary'; session: CashSession; day: DayReport; backupProblem?: string | null }
  | { name: 'dayReports'; date?: string }
  | { name: 'sync' };

/** Someone the cart is for, named so every screen can say whose cart it is. */
export interface CartPerson {
  number: number;
  name: string;
}

/**
 * The sale being put together. It belongs to one member (the receipt is made out to them) and
 * takes lines for their household without asking; anyone else needs the volunteer's say-so
 * (App's CartOwnerDialog), so a cart left waiting never silently takes in the next member.
 */
export interface Cart {
  /** Whose cart it is; null while it is empty. */
  owner: CartPerson | null;
  /** Member numbers of the owner's household (the owner included). */
  household: number[];
  lines: CartLine[];
  /** A sale to nobody on file (a walk-in's donation): the receipt names no member. */
  walkIn?: boolean;
}

/** A member as the screens that sell hold them: enough to name them and know their household. */
export interface CartMember {
  number: number;
  firstName: string;
  lastName: string;
  household?: { members: readonly { number: number }[] } | null;
}

export const EMPTY_CART: Cart = { owner: null, household: [], lines: [] };

/** The member a line is for: its own member number, or the cart's owner. */
export function lineMember(cart: Cart, line: CartLine): number | null {
  return typeof line.memberNumber === 'number' ? line.memberNumber : (cart.owner?.number ?? null);
}

export interface AppContextValue {
  state: DeskState;
  navigate(screen: Screen): void;
  /** Reads the desk state again (drawer, user) after a change. */
  refresh(): Promise<DeskState | null>;
  setState(state: DeskState): void;
  cart: Cart;
  setCart(cart: Cart): void;
  /**
   * Starts a cart for a member with this line, or adds the line to the current one when it is
   * theirs or their household's; for anyone else it asks first (keep, start over, or go pay).
   * `then` is where to go once the line is in (at once, or after the volunteer's answer).
   */
  addToCart(member: CartMember, line: CartLine, then?: Screen): void;
}

/**
 * Whether the signed-in volunteer's role is among those allowed (src-shared/roles.ts): the
 * screens hide what the core would refuse, so nobody is offered a button that cannot work.
 */
export function may(state: DeskState, allowed: readonly Role[]): boolean {
  return state.user !== null && allowed.includes(state.user.role);
}

/** The screens that handle money: only the roles that work the drawer see them. */
export const MONEY_SCREENS: readonly Screen['name'][] = ['openDrawer', 'checkout', 'closeDrawer', 'daySummary', 'newMember', 'dayReports'];

/**
 * Whether this volunteer can sell right now: a role that works the drawer, and an open drawer.
 * Without one, looking members up and reading profiles still work; selling waits for the drawer.
 */
export function sells(state: DeskState): boolean {
  return may(state, ROLES.desk) && state.drawer !== null;
}

/**
 * Where a volunteer lands: sign in, then open the drawer, then look members up. An activity
 * leader, who handles no money, goes straight to the search.
 */
export function homeFor(state: DeskState): Screen {
  if (!state.user) return { name: 'signIn' };
  if (!state.drawer && may(state, ROLES.desk)) return { name: 'openDrawer' };
  return { name: 'lookup' };
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside the app');
  return value;
}
