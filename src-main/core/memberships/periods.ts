import { prepared, type Reader, type Writer } from '../../db/sql.js';
import { alreadyRenewed, nextPeriod, type Period } from '../../../src-shared/memberships.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import type { WriteContext } from '../ledger/write.js';

/** Expiry is the latest end of the member's non-voided periods. */
const latestEnd = prepared((qb, p: { memberId: string }) =>
  qb
    .selectFrom('membership_period')
    .select((eb) => eb.fn.max('ends_on').as('expires_on'))
    .where('member_id', '=', p.memberId)
    .where('voided_by_order_id', 'is', null),
);

const setExpiry = prepared((qb, p: { memberId: string; expiresOn: string | null; at: string }) =>
  qb.updateTable('member').set({ expires_on: p.expiresOn, updated_at: p.at }).where('id', '=', p.memberId),
);

export function computeExpiry(r: Reader, memberId: string): string | null {
  return latestEnd.get(r, { memberId })?.expires_on ?? null;
}

/** The receipt of the member's latest renewal, to show why a second one is refused. */
function lastRenewalReceipt(r: Reader, memberId: string): string | null {
  const row = r.get(
    r.qb
      .selectFrom('membership_period as p')
      .innerJoin('order_line as l', 'l.id', 'p.order_line_id')
      .innerJoin('sale_order as o', 'o.id', 'l.order_id')
      .select('o.receipt_number')
      .where('p.member_id', '=', memberId)
      .where('p.voided_by_order_id', 'is', null)
      .orderBy('p.ends_on', 'desc')
      .limit(1),
  );
  return row?.receipt_number ?? null;
}

/**
 * Adds the period an order line pays for and moves the member's expiry, inside the sale's
 * transaction. Refuses a renewal for a period already paid unless `force` is set.
 */
export function addMembershipPeriod(
  ctx: WriteContext,
  memberId: string,
  orderLineId: string | null,
  force: boolean,
): Period & { id: string } {
  const { w } = ctx;
  const settings = ctx.desk.settings();
  const current = computeExpiry(w, memberId);
  if (!force && alreadyRenewed(settings, current, ctx.today)) {
    throw new ComptoirError('ALREADY_RENEWED', {
      expiresOn: current ?? '',
      receipt: lastRenewalReceipt(w, memberId) ?? '',
    });
  }
  const period = nextPeriod(settings, current, ctx.today);
  const id = ctx.newId();
  w.insert('membership_period', {
    id,
    member_id: memberId,
    starts_on: period.startsOn,
    ends_on: period.endsOn,
    order_line_id: orderLineId,
    voided_by_order_id: null,
    created_at: ctx.at,
  });
  // A new period always ends after the current expiry: it becomes the expiry.
  setExpiry.run(w, { memberId, expiresOn: period.endsOn, at: ctx.at });
  return { id, ...period };
}

/** Voids the periods paid by these order lines (a void or refund) and moves the expiry back. */
export function voidMembershipPeriods(ctx: WriteContext, orderLineIds: string[], voidOrderId: string): string[] {
  if (orderLineIds.length === 0) return [];
  const { w } = ctx;
  const periods = w.all(
    w.qb
      .selectFrom('membership_period')
      .select(['id', 'member_id'])
      .where('order_line_id', 'in', orderLineIds)
      .where('voided_by_order_id', 'is', null),
  );
  for (const period of periods) {
    w.run(w.qb.updateTable('membership_period').set({ voided_by_order_id: voidOrderId }).where('id', '=', period.id));
  }
  for (const memberId of new Set(periods.map((p) => p.member_id))) refreshExpiry(w, memberId, ctx.at);
  return periods.map((p) => p.id);
}

function refreshExpiry(w: Writer, memberId: string, at: string): void {
  setExpiry.run(w, { memberId, expiresOn: computeExpiry(w, memberId), at });
}
