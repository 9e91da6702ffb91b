import { describe, expect, it } from 'vitest';
import { StandaloneTerminal } from '../../src-main/payments/standalone.js';

describe('the standalone card terminal', () => {
  it('records what the volunteer typed from the slip, and nothing more', async () => {
    const approval = await new StandaloneTerminal().collect(
      { amountCents: 2500, reference: 'A-000012' },
      { authCode: ' 0a12bc ', brand: 'visa', last4: '4242' },
    );
    expect(approval).toEqual({ terminal: 'standalone', authCode: '0A12BC', brand: 'visa', last4: '4242', transactionId: null });
  });

  it('refuses a slip without an approval code or with a full card number, in French', async () => {
    const terminal = new StandaloneTerminal();
    await expect(terminal.collect({ amountCents: 2500, reference: 'A-1' }, {})).rejects.toThrow(/« Code d'autorisation » est obligatoire/);
    await expect(
      terminal.collect({ amountCents: 2500, reference: 'A-1' }, { authCode: 'OK12', last4: '4242424242424242' }),
    ).rejects.toThrow(/« 4 derniers chiffres » doit contenir exactement 4 chiffres/);
  });
});
