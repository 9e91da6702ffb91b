import { CART_TEXTS } from '../app/cart-words';
import { useLanguage, useTexts } from '../app/i18n';
import { useApp } from '../app/navigation';
import { countOf } from '../../src-shared/words';
import { Button } from './Button';

/** « Panier de Ginette Roy : 2 articles », on every screen that sells while a cart waits; opens it. */
export function CartButton() {
  const { cart, navigate } = useApp();
  const language = useLanguage();
  const t = useTexts(CART_TEXTS);
  if (cart.lines.length === 0 || !cart.owner) return null;
  return (
    <Button className="cart-button" onClick={() => navigate({ name: 'checkout' })}>
      {t('cartOf', { name: cart.owner.name, items: countOf(cart.lines.length, 'item', language) })}
    </Button>
  );
}
