import { createContext, useContext } from 'react';
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

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside the app');
  return value;
}
