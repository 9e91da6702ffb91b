import { Button } from '../components/Button';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { countOf } from '../../src-shared/words';
import { fullName } from './format';
import { CART_TEXTS } from './cart-words';
import { useLanguage, useTexts } from './i18n';
import type { Cart, CartMember } from './navigation';

interface CartOwnerDialogProps {
  cart: Cart;
  /** The member someone tried to add a line for, outside the cart owner's household. */
  other: CartMember;
  onBackToCart: () => void;
  onAddAnyway: () => void;
  onStartOver: () => void;
  onCancel: () => void;
}

/**
 * Asked when a line is added for someone outside the waiting cart's household: the default (Enter)
 * goes back to the waiting cart, so a volunteer who did not read cannot charge the wrong person.
 */
export function CartOwnerDialog({ cart, other, onBackToCart, onAddAnyway, onStartOver, onCancel }: CartOwnerDialogProps) {
  const language = useLanguage();
  const t = useTexts(CART_TEXTS);
  const owner = cart.owner?.name ?? t('walkInName');
  const names = { owner, other: fullName(other), items: countOf(cart.lines.length, 'item', language) };
  return (
    <ConfirmDialog
      title={t('askTitle', names)}
      confirmLabel={t('backToCart', names)}
      cancelLabel={t('keep')}
      onConfirm={onBackToCart}
      onCancel={onCancel}
      moreActions={
        <>
          <Button variant="danger" onClick={onStartOver}>
            {t('startOver', names)}
          </Button>
          <Button onClick={onAddAnyway}>{t('addAnyway')}</Button>
        </>
      }
    >
      <p>{t('askBody', names)}</p>
    </ConfirmDialog>
  );
}
