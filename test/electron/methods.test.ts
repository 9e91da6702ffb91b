import { describe, expect, it } from 'vitest';
import { contract } from '../../src-main/api/contract.js';
import { METHOD_NAMES } from '../../src-main/api/methods.js';

describe('the method names the preload exposes', () => {
  it('are exactly the contract’s methods, each once', () => {
    expect(new Set(METHOD_NAMES).size).toBe(METHOD_NAMES.length);
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(contract).sort());
  });
});
