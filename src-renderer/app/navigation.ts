import { createContext, useContext } from 'react';
import { ROLES } from '../../src-shared/roles';
import type { Role } from '../../src-shared/words';
import type { Input, Output } from './api';

export type DeskState = Output<'desk.state'>;
export type CartLine = Input<'sales.checkout'>['lines'][number];
export type DayReport = Output<'reports.day'>;
export type CashSession = Output<'drawer.open'>;

/** Every screen the desk can show, with what it needs. Screens are state, not URLs. */
export type Screen =
  | { name: 'signIn' }
  | { name: 'openDrawer' }
  | { name: 'lookup' }
  | { name: 'member'; number: number }
  | { name: 'newMember'; firstName?: string; lastName?: string }
  | { name: 'checkout' }
  | { name: 'receipt'; receiptNumber: string; change?: Output<'sales.checkout'>['cash']; reprint?: boolean }
  | { name: 'activities'; memberNumber?: number }
  | { name: 'closeDrawer' }
  | { name: 'daySummary'; session: CashSession; day: DayReport; backupProblem?: string | null };

export interface Cart {
  memberNumber: number | null;
  lines: CartLine[];
}

export interface AppContextValue {
  state: DeskState;
  navigate(screen: Screen): void;
  /** Reads the desk state again (drawer, user) after a change. */
  refresh(): Promise<DeskState | null>;
  setState(state: DeskState): void;
  cart: Cart;
  setCart(cart: Cart): void;
  /** Starts a cart for a member with this line, or adds the line to the current one. */
  addToCart(memberNumber: number, line: CartLine): void;
}

/**
 * Whether the signed-in volunteer's role is among those allowed (src-shared/roles.ts): the
 * screens hide what the core would refuse, so nobody is offered a button that cannot work.
 */
export function may(state: DeskState, allowed: readonly Role[]): boolean {
  return state.user !== null && allowed.includes(state.user.role);
}

/** The screens that handle money: only the roles that work the drawer see them. */
export const MONEY_SCREENS: readonly Screen['name'][] = ['openDrawer', 'checkout', 'closeDrawer', 'daySummary', 'newMember'];

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
