import { fullName } from './format';
import { EMPTY_CART, type Cart, type CartLine, type CartMember } from './navigation';


/** A new cart for this member, holding this one line. */
export function startCart(member: CartMember, line: CartLine): Cart {
  const household = member.household?.members.map((m) => m.number) ?? [];
  return {
    owner: { number: member.number, name: fullName(member) },
    household: household.includes(member.number) ? household : [...household, member.number],
    lines: [{ ...line, memberNumber: undefined }],
  };
}

/** A cart for someone without a member file: a donation at the door, for instance. */
export const WALK_IN_CART: Cart = { owner: null, household: [], lines: [], walkIn: true };

/** Whether a line for this member joins the cart without asking: the cart is empty, theirs, or their household's. */
export function belongsTo(cart: Cart, member: CartMember): boolean {
  return cart.lines.length === 0 || cart.owner?.number === member.number || cart.household.includes(member.number);
}

/** The cart with one more line for this member (named on the line when not the owner). */
export function withLine(cart: Cart, member: CartMember, line: CartLine): Cart {
  if (cart.lines.length === 0) return startCart(member, line);
  // A walk-in's lines (a donation) join the member's receipt when the volunteer says so.
  if (!cart.owner) {
    const started = startCart(member, line);
    return { ...started, lines: [...cart.lines, ...started.lines] };
  }
  const own = member.number === cart.owner.number;
  return { ...cart, lines: [...cart.lines, own ? { ...line, memberNumber: undefined } : { ...line, memberNumber: member.number }] };
}

/** The same cart with these lines; an emptied cart belongs to nobody. */
export function withLines(cart: Cart, lines: CartLine[]): Cart {
  return lines.length === 0 ? EMPTY_CART : { ...cart, lines };
}
