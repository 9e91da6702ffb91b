import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from './Button';

interface ConfirmDialogProps {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  /** « danger » for what cannot be undone (a void, a refund, emptying a cart): red, and said so. */
  confirmVariant?: 'primary' | 'danger';
  /** Other ways out, shown between « Annuler » and the confirm button. */
  moreActions?: ReactNode;
}

/**
 * Asks before anything that cannot be undone. A native modal dialog: focus stays inside, Escape
 * cancels, and the confirm button has focus so Enter confirms.
 */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, onConfirm, onCancel, busy, confirmVariant = 'primary', moreActions }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    // Where the keyboard was: it goes back there when the dialog closes, unless the screen moved it.
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    confirm.current?.focus();
    return () => {
      element?.close();
      window.setTimeout(() => {
        if (previous?.isConnected && (document.activeElement === document.body || document.activeElement === null)) previous.focus();
      }, 0);
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      className={`dialog${confirmVariant === 'danger' ? ' dialog-danger' : ''}`}
      aria-labelledby="confirm-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-title">{title}</h2>
      {children}
      <div className={moreActions ? 'actions actions-stacked' : 'actions'}>
        <Button onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </Button>
        {moreActions}
        <Button variant={confirmVariant} ref={confirm} onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
