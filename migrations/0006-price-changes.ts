/**
 * A price changed at the desk (a discount, a price the club waived): the line keeps what it was
 * sold for in `amount_cents`, and now also the club's price at the time (`list_price_cents`) and
 * the volunteer's reason (`price_reason`), which the treasurer reads in the day report. Both stay
 * NULL on lines sold at the club's price, and on every line written before this version.
 */
export const priceChanges = `
ALTER TABLE order_line ADD COLUMN list_price_cents INTEGER;
ALTER TABLE order_line ADD COLUMN price_reason TEXT;
`;
