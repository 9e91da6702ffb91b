import { useTexts } from '../../app/i18n';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ACTIVITIES_TEXTS } from './activities-words';
import { fullName, type Activity, type Profile, type Registration } from './activity-data';

/** What the screen is asking before it writes: a place on a waitlist, or a registration given up. */
export type Asking = { kind: 'waitlist'; activity: Activity } | { kind: 'cancel'; activity: Activity; registration: Registration };

interface RegistrationDialogProps {
  asking: Asking | null;
  /** The member at hand: the one a waitlist place is for. */
  member: Profile['member'] | null;
  busy: boolean;
  onWaitlist: (activity: Activity) => void;
  onCancel: (activity: Activity, registration: Registration) => void;
  onClose: () => void;
}

/** Each question says what happens next (the rank on the list, who moves up) before the volunteer answers. */
export function RegistrationDialog({ asking, member, busy, onWaitlist, onCancel, onClose }: RegistrationDialogProps) {
  const t = useTexts(ACTIVITIES_TEXTS);
  if (!asking) return null;
  if (asking.kind === 'waitlist') {
    if (!member) return null;
    return (
      <ConfirmDialog
        title={t('waitTitle', { name: fullName(member) })}
        confirmLabel={t('waitConfirm')}
        cancelLabel={t('keep')}
        busy={busy}
        onConfirm={() => onWaitlist(asking.activity)}
        onCancel={onClose}
      >
        <p>{t('waitBody', { activity: asking.activity.name, name: fullName(member), n: asking.activity.waitlistCount + 1 })}</p>
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog
      title={t(asking.registration.status === 'waitlisted' ? 'removeTitle' : 'cancelTitle', {
        name: fullName(asking.registration),
        activity: asking.activity.name,
      })}
      confirmLabel={asking.registration.status === 'waitlisted' ? t('removeWait') : t('cancelReg')}
      confirmVariant="danger"
      cancelLabel={t('keepReg')}
      busy={busy}
      onConfirm={() => onCancel(asking.activity, asking.registration)}
      onCancel={onClose}
    >
      <p>{t(asking.registration.status === 'waitlisted' ? 'removeBody' : 'cancelBody')}</p>
      {asking.registration.paid ? <p>{t('cancelPaid')}</p> : null}
    </ConfirmDialog>
  );
}
