import type { ReactNode } from 'react';

/** A message that screen readers announce; an error says what happened and what to do. */
export function Notice({ kind = 'info', children }: { kind?: 'info' | 'error' | 'success' | 'warning'; children: ReactNode }) {
  const icon = { info: 'ℹ', error: '⚠', success: '✔', warning: '⚠' }[kind];
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' || kind === 'warning' ? 'alert' : 'status'}>
      <span aria-hidden="true" className="notice-icon">{icon}</span>
      <div>{children}</div>
    </div>
  );
}
