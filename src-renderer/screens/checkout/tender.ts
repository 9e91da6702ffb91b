import { useLayoutEffect, useRef, useState } from 'react';
import { parseMoney } from '../../app/format';
import type { ExactPayment, FormMethod } from './PaymentForms';

/**
 * What the member hands over, as the cart collects it: exact payments (cheques, cards, credit),
 * at most one cash payment with the amount tendered, and the form open for the next one — with
 * where the keyboard goes after each step (the tendered amount after « Comptant », « Encaisser »
 * or the methods after a payment, the methods after a removal).
 */
export function useTender() {
  const [payments, setPayments] = useState<ExactPayment[]>([]);
  const [cash, setCash] = useState(false);
  const [tendered, setTendered] = useState('');
  const [form, setForm] = useState<FormMethod | null>(null);
  const firstMethod = useRef<HTMLButtonElement>(null);
  const tenderedInput = useRef<HTMLInputElement>(null);
  const checkoutButton = useRef<HTMLButtonElement>(null);

  /** Cents tendered in cash (0 while the field is empty), or null when the field is not an amount. */
  const tenderedCents = tendered.trim() === '' ? 0 : parseMoney(tendered);

  // The amount tendered is typed right after « Comptant »: the field takes the keyboard at once.
  useLayoutEffect(() => {
    if (cash) tenderedInput.current?.focus();
  }, [cash]);

  const focusMethods = () => window.setTimeout(() => firstMethod.current?.focus(), 0);

  return {
    payments,
    cash,
    tendered,
    tenderedCents,
    form,
    refs: { firstMethod, tenderedInput, checkoutButton },
    setTendered,
    setForm,
    /** Every payment, cash last, as the core reads them (sales.quote, sales.checkout). */
    all: () => [...payments, ...(cash ? [{ method: 'cash' as const, tenderedCents: tenderedCents ?? 0 }] : [])],
    startCash: () => {
      setCash(true);
      setForm(null);
    },
    removeCash: () => {
      setCash(false);
      setTendered('');
      firstMethod.current?.focus();
    },
    add: (payment: ExactPayment) => {
      setPayments((list) => [...list, payment]);
      setForm(null);
      // Once the payment is in, the next step is either another method or « Encaisser ».
      window.setTimeout(() => (checkoutButton.current && !checkoutButton.current.disabled ? checkoutButton.current : firstMethod.current)?.focus(), 300);
    },
    remove: (index: number) => {
      setPayments((list) => list.filter((_, i) => i !== index));
      focusMethods();
    },
    /** An emptied cart takes nothing any more. */
    clear: () => {
      setPayments([]);
      setCash(false);
    },
    focusMethods,
  };
}
