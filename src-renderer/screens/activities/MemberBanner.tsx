import type { FormEvent } from 'react';
import { useTexts } from '../../app/i18n';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { StatusBadge } from '../../components/StatusBadge';
import { ACTIVITIES_TEXTS } from './activities-words';
import { fullName, type Profile } from './activity-data';

interface MemberBannerProps {
  member: Profile['member'];
  membershipMissing: boolean;
  renewalInCart: boolean;
  /** Absent for a role that sells nothing (an activity leader). */
  onRenew?: () => void;
  onChangeMember: () => void;
}

/**
 * Whom the volunteer is registering, above the activities: the name and status stay in view, with
 * the renewal the activities may need. The banner takes the keyboard once a member is chosen.
 */
export function MemberBanner({ member, membershipMissing, renewalInCart, onRenew, onChangeMember }: MemberBannerProps) {
  const t = useTexts(ACTIVITIES_TEXTS);
  return (
    <div className="member-banner" id="member-banner" tabIndex={-1}>
      <p className="member-banner-name">{t('forMember', { name: fullName(member), n: member.number })}</p>
      <StatusBadge status={member.status} label={member.statusLabel} />
      <div className="member-banner-actions">
        {membershipMissing && !renewalInCart && onRenew ? <Button onClick={onRenew}>{t('renewFirst')}</Button> : null}
        {renewalInCart ? <span className="state">✔ {t('renewalInCart')}</span> : null}
        <Button onClick={onChangeMember}>{t('changeMember')}</Button>
      </div>
    </div>
  );
}

interface PickMemberFormProps {
  pickText: string;
  pickError: string | null;
  /** Members the name typed matched, when more than one: the volunteer picks one. */
  choices: readonly { number: number; firstName: string; lastName: string; city: string | null; birthYear: number | null }[];
  onPickText: (text: string) => void;
  onPick: (event: FormEvent) => void;
  onChoose: (number: number) => void;
}

/** No member at hand yet: the volunteer types a name or the number on the member’s card. */
export function PickMemberForm({ pickText, pickError, choices, onPickText, onPick, onChoose }: PickMemberFormProps) {
  const t = useTexts(ACTIVITIES_TEXTS);
  return (
    <form className="pick-member" onSubmit={onPick} aria-labelledby="pick-title">
      <h2 id="pick-title">{t('pickTitle')}</h2>
      <div className="pick-row">
        <Field
          id="pick-member"
          label={t('pickLabel')}
          hint={t('pickHint')}
          error={pickError}
          autoComplete="off"
          maxLength={100}
          value={pickText}
          onChange={(event) => onPickText(event.target.value)}
        />
        <Button type="submit">{t('pick')}</Button>
      </div>
      {choices.length > 0 ? (
        <ul className="choice-list" aria-label={t('pickChoices')}>
          {choices.map((choice) => (
            <li key={choice.number}>
              <Button className="choice" onClick={() => onChoose(choice.number)}>
                {choice.lastName}, {choice.firstName} ({t('pickNumber', { n: choice.number })}
                {choice.city ? ` · ${choice.city}` : ''}
                {choice.birthYear ? ` · ${choice.birthYear}` : ''})
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
