import { useTranslation } from 'react-i18next';
import type { InviteeResult } from '../api/useInviteUsers';
import type { InviteSummary } from '../hooks/useInviteForm';

/** The counts of the last Invite (announced), then one line per invitee: who, and invited or why not. */
export function InviteResults({ summary, results }: { summary: InviteSummary | undefined; results: InviteeResult[] }) {
  const { t } = useTranslation();
  const counts = summary ? [t('teamManagement.invitedCount', { count: summary.invited }), t('counts.errors', { count: summary.errors })] : [];
  return (
    <>
      <div role="status" aria-live="polite" className="summary">
        {counts.join(' · ')}
      </div>
      {results.length > 0 && (
        <ul className="invite-results" aria-label={t('teamManagement.results')}>
          {results.map((result, index) => (
            <li key={index} className={`invite-result invite-result-${result.kind}`}>
              <span className="invitee-identity">
                <InviteeIdentity name={result.invitee.name.trim()} email={result.invitee.email.trim()} />
              </span>
              <span className="invite-outcome">
                <InviteOutcomeText result={result} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** "Name · address", the name in bold; either may be missing (the server says why). */
function InviteeIdentity({ name, email }: { name: string; email: string }) {
  return (
    <>
      {name && <strong>{name}</strong>}
      {name && email && ' · '}
      {email}
    </>
  );
}

/** Rendered from the result's catalog key (`errors:team.…`) and variables, so it follows the page's language. */
function InviteOutcomeText({ result }: { result: InviteeResult }) {
  const { t } = useTranslation();
  if (result.kind === 'invited') return t('teamManagement.invited');
  // The key comes from the server (`errors:team.EMAIL_ALREADY_INVITED`), so the build cannot check it.
  const translate = t as unknown as (key: string, params: Record<string, unknown>) => string;
  return translate(result.i18nKey, result.params);
}
