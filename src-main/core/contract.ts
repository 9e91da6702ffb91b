import type { z } from 'zod';
import type { Role } from '../../src-shared/words.js';
import type { CardTerminal } from '../payments/terminal.js';
import type { Desk } from './desk/desk.js';
import type { Actor } from './ledger/write.js';

/**
 * How each domain declares its part of the UI contract: every method with a zod input schema,
 * a zod output schema and a handler. src-main/api/contract.ts joins the slices into the one
 * contract both shells carry (Actual Budget joins its domains' handlers the same way).
 */
export type MethodSpec = {
  input: z.ZodType;
  output: z.ZodType;
} & (
  | {
      /** Callable without a signed-in volunteer (the sign-in screen's methods only). */
      public: true;
    }
  | {
      /** The roles that may call it (core/roles.ts; docs/ROLES.md): any other is refused. */
      roles: readonly Role[];
    }
);

export type ContractSlice = Record<string, MethodSpec>;

/** What a handler works with: the desk, who calls (an empty id on public methods), the ports. */
export interface Caller {
  desk: Desk;
  actor: Actor;
  terminal: CardTerminal;
}

/** A handler receives its input already checked and normalized by the method's schema. */
export type SliceHandlers<S extends ContractSlice> = {
  [M in keyof S]: (input: z.output<S[M]['input']>, caller: Caller) => z.input<S[M]['output']> | Promise<z.input<S[M]['output']>>;
};
