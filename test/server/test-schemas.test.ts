import { describe, expect, it } from 'vitest';
import { isStaleTestSchema } from '../global-setup.js';
import { testSchemaName } from './harness.js';

describe('the PostgreSQL schemas tests leave behind', () => {
  const hours = (n: number) => n * 60 * 60 * 1000;

  it('are dropped by a later run only once they are hours old, so two runs at once keep each other’s', () => {
    const name = testSchemaName();
    expect(name).toMatch(/^t_[0-9a-z]+_[0-9a-f]{8}$/);
    expect(isStaleTestSchema(name)).toBe(false);
    expect(isStaleTestSchema(name, Date.now() + hours(1))).toBe(false);
    expect(isStaleTestSchema(name, Date.now() + hours(7))).toBe(true);
  });

  it('are dropped whatever their age when named before names carried their time', () => {
    expect(isStaleTestSchema('t_9f3a1c2b4d5e')).toBe(true);
    expect(isStaleTestSchema('t_1764601234567')).toBe(true);
  });
});
