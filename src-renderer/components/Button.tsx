import type { ComponentProps } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'link';

/** Large buttons with a visible focus ring; one primary action per screen. */
export function Button({ variant = 'secondary', className, ...props }: ComponentProps<'button'> & { variant?: Variant }) {
  return <button type="button" className={`button button-${variant}${className ? ` ${className}` : ''}`} {...props} />;
}
