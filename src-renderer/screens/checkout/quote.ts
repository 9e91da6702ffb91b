import { useCallback, useEffect, useRef, useState } from 'react';
import { call, type Input, type Output } from '../../app/api';

export type Quote = Output<'sales.quote'>;
export type SaleInput = Input<'sales.checkout'>;

/** The quote answers the exact input it was asked for: stale answers never enable « Encaisser ». */
export interface QuoteState {
  key: string;
  value: Quote | null;
  error: string | null;
}

/**
 * The cart priced by the core: `sales.quote` again each time `key` (the cart and its payments as
 * JSON) changes. `askQuote` asks at once, for the moment a sale must not wait for the next answer.
 */
export function useQuote(key: string, hasLines: boolean): { quote: QuoteState | null; askQuote: (wanted: SaleInput) => Promise<QuoteState> } {
  const [quote, setQuote] = useState<QuoteState | null>(null);
  const ticket = useRef(0);

  const askQuote = useCallback(async (wanted: SaleInput): Promise<QuoteState> => {
    const wantedKey = JSON.stringify(wanted);
    const mine = ++ticket.current;
    const result = await call('sales.quote', wanted);
    const next = result.ok ? { key: wantedKey, value: result.value, error: null } : { key: wantedKey, value: null, error: result.error.message };
    // Answers can cross while typing: only the newest question's answer is kept.
    if (mine === ticket.current) setQuote(next);
    return next;
  }, []);

  useEffect(() => {
    if (!hasLines) return;
    void askQuote(JSON.parse(key) as SaleInput);
  }, [key, askQuote, hasLines]);

  return { quote, askQuote };
}

/** Nothing left to pay: exactly, or with cash that covers the rest (the core then knows the change). */
export function isSettled(quote: Quote | null, hasCash: boolean): boolean {
  return quote !== null && (hasCash ? quote.changeCents !== null : quote.remainingCents === 0);
}
