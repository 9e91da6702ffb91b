import type { z } from 'zod';
import { activitiesContract } from '../core/activities/api.js';
import { cashContract } from '../core/cash/api.js';
import { membersContract } from '../core/members/api.js';
import { salesContract } from '../core/sales/api.js';
import { privacyContract } from '../core/privacy/api.js';
import type { ContractSlice } from '../core/contract.js';
import { documentsContract } from './documents.js';
import type { MethodName } from './methods.js';
import { sessionContract } from './session.js';

/**
 * The one contract between the UI and the core: every method, its input and its answer. Each
 * domain declares its own slice (core/<domain>/api.ts); both transports (Electron IPC and the
 * loopback HTTP of the browser mode) carry exactly this, and the renderer's client is typed from it.
 */
export const contract = {
  ...sessionContract,
  ...cashContract,
  ...membersContract,
  ...activitiesContract,
  ...salesContract,
  ...documentsContract,
  ...privacyContract,
} satisfies ContractSlice;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export interface ApiError {
  code: string;
  message: string;
  details?: unknown;
}

/** Errors travel as data, never as thrown stack traces. */
export type Result<M extends Method> = { ok: true; value: Output<M> } | { ok: false; error: ApiError };

// Both lists name the same methods, or this does not compile.
const sameNames: [Method, MethodName] extends [MethodName, Method] ? true : never = true;
void sameNames;

export function isMethod(name: string): name is Method {
  return Object.hasOwn(contract, name);
}
