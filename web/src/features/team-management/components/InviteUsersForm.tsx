import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { errorMessages } from '../../../lib/graphqlErrors';
import { useInviteForm } from '../hooks/useInviteForm';
import { InviteeFields } from './InviteeFields';
import { InviteResults } from './InviteResults';

/** Invite several users at once, a row each; the server's checks (name, e-mail, already invited) answer per row. */
export function InviteUsersForm() {
  const { t } = useTranslation();
  const form = useInviteForm();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit();
  };

  return (
    <>
      {/* noValidate: the server says what is wrong with an address, in the page's language, beside the others' results. */}
      <form className="invite-form" noValidate onSubmit={onSubmit} aria-labelledby="invite-title">
        <h2 id="invite-title">{t('teamManagement.inviteTitle')}</h2>
        {form.rows.map((row, index) => (
          <InviteeFields
            key={row.key}
            row={row}
            number={index + 1}
            removable={form.rows.length > 1}
            onChange={(change) => form.updateRow(row.key, change)}
            onRemove={() => form.removeRow(row.key)}
          />
        ))}
        <div className="invite-actions">
          <button type="button" onClick={form.addRow}>
            {t('teamManagement.addInvitee')}
          </button>
          <button type="submit" className="primary" disabled={!form.canSubmit}>
            {t('actions.invite')}
          </button>
        </div>
      </form>
      <ErrorNotice messages={errorMessages(form.error, t)} />
      <InviteResults summary={form.summary} results={form.results} />
    </>
  );
}
