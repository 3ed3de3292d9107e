import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../gql/graphql';
import type { Invitee } from '../api/useInviteUsers';
import type { InviteeRow } from '../hooks/useInviteForm';

interface Props {
  row: InviteeRow;
  /** 1-based, as the legend shows it. */
  number: number;
  removable: boolean;
  onChange: (change: Partial<Invitee>) => void;
  onRemove: () => void;
}

/** One user to invite: name, e-mail and role, under "User 2" so that each field's label says which user it is. */
export function InviteeFields({ row, number, removable, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="invitee">
      <legend>{t('teamManagement.invitee', { number })}</legend>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('columns.name')}</label>
        <input id={`${id}-name`} type="text" autoComplete="off" value={row.name} onChange={(event) => onChange({ name: event.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-email`}>{t('columns.email')}</label>
        <input id={`${id}-email`} type="email" autoComplete="off" value={row.email} onChange={(event) => onChange({ email: event.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('columns.role')}</label>
        <select id={`${id}-role`} value={row.role} onChange={(event) => onChange({ role: event.target.value as Role })}>
          <option value="MEMBER">{t('roles.MEMBER')}</option>
          <option value="ADMIN">{t('roles.ADMIN')}</option>
        </select>
      </div>
      {removable && (
        <button type="button" className="remove-invitee" aria-label={t('teamManagement.removeInvitee', { number })} onClick={onRemove}>
          {t('teamManagement.remove')}
        </button>
      )}
    </fieldset>
  );
}
