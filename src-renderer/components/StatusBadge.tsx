import type { Output } from '../app/api';

type Status = Output<'members.search'>['results'][number]['status'];

/** The membership status: words and a shape, never colour alone. */
export function StatusBadge({ status, label }: { status: Status; label: string }) {
  const icon = { active: '✔', grace: '⚠', expired: '✖', upcoming: '◔', never: '○' }[status.kind];
  return (
    <span className={`badge badge-${status.kind}`}>
      <span aria-hidden="true">{icon} </span>
      {label}
    </span>
  );
}
