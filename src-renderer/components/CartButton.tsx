import { WALK_IN_CART } from '../app/cart';
import { CART_TEXTS } from '../app/cart-words';
import { useLanguage, useTexts } from '../app/i18n';
import { useApp } from '../app/navigation';
import { countOf } from '../../src-shared/words';
import { Button } from './Button';

/** « Vente sans membre (don) »: a cart for nobody on file, offered while no cart waits. */
export function WalkInButton() {
  const { cart, setCart, navigate } = useApp();
  const t = useTexts(CART_TEXTS);
  if (cart.lines.length > 0) return null;
  return (
    <Button
      onClick={() => {
        setCart(WALK_IN_CART);
        navigate({ name: 'checkout' });
      }}
    >
      {t('startWalkIn')}
    </Button>
  );
}

/** « Panier de Ginette Roy : 2 articles » (or « Vente sans membre : 1 article »), on every screen that sells while a cart waits; opens it. */
export function CartButton() {
  const { cart, navigate } = useApp();
  const language = useLanguage();
  const t = useTexts(CART_TEXTS);
  if (cart.lines.length === 0) return null;
  const items = countOf(cart.lines.length, 'item', language);
  return (
    <Button className="cart-button" onClick={() => navigate({ name: 'checkout' })}>
      {cart.owner ? t('cartOf', { name: cart.owner.name, items }) : t('walkInCart', { items })}
    </Button>
  );
}
