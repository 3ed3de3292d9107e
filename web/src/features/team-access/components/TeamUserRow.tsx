import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageLanguage } from '../../../lib/usePageLanguage';
import { formatGrantTime } from '../utils/formatGrantTime';
import type { TeamUser } from '../api/useTeamAccess';
import type { RowResult } from '../api/userResults';

interface Props {
  user: TeamUser;
  isAdmin: boolean;
  selected: boolean;
  /** What the last Connect or Disconnect that included this user did. */
  result: RowResult | undefined;
  onSelect: (selected: boolean) => void;
}

/** A user of the team, headed by their name (screen readers announce it with every cell). */
export function TeamUserRow({ user, isAdmin, selected, result, onSelect }: Props) {
  // i18n-dynamic: ui:roles.* (one key per Role)
  // i18n-dynamic: ui:status.* (one key per MarketoAccessStatus)
  const { t } = useTranslation();
  const { status, workspaces, grantedAt, grantedBy } = user.marketoAccess;

  return (
    <tr className={selected ? 'selected' : undefined}>
      {isAdmin && (
        <td className="select">
          <input
            type="checkbox"
            aria-label={t('actions.selectUser', { name: user.name })}
            checked={selected}
            onChange={(event) => onSelect(event.target.checked)}
          />
        </td>
      )}
      <th scope="row">{user.name}</th>
      {/* data-label names the cell where narrow screens stack the columns (styles.css). */}
      <td className="email" data-label={t('columns.email')}>
        <EmailAddress email={user.email} />
      </td>
      <td data-label={t('columns.role')}>{t(`roles.${user.role}`)}</td>
      <td data-label={t('columns.status')}>
        <span className={`badge badge-${status.toLowerCase()}`}>{t(`status.${status}`)}</span>
      </td>
      <td className="workspaces" data-label={t('columns.workspaces')}>
        {workspaces.map((workspace) => (workspace.isDefault ? t('workspace.default') : workspace.name)).join(', ')}
      </td>
      <td className="granted-at" data-label={t('columns.grantedAt')}>
        {grantedAt && <GrantTime iso={grantedAt} />}
      </td>
      <td className="granted-by" data-label={t('columns.grantedBy')}>
        {grantedBy?.name}
      </td>
      <td className={`result result-${result?.kind ?? 'none'}`} data-label={t('columns.result')}>
        {result && <RowResultText result={result} />}
      </td>
    </tr>
  );
}

/** When the access was granted, in the page's language and the browser's time zone; the machine-readable instant stays in dateTime. */
function GrantTime({ iso }: { iso: string }) {
  const language = usePageLanguage();
  return <time dateTime={iso}>{formatGrantTime(iso, language)}</time>;
}

/**
 * A narrow column breaks an address after its @ or a dot rather than anywhere in a word: with the Granted
 * columns, the table must fit beside the help panel at 1280 px in Swedish and French.
 */
function EmailAddress({ email }: { email: string }) {
  const parts = email.split(/(?<=[@.])/);
  return parts.map((part, index) => (
    <Fragment key={index}>
      {index > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}

/** Rendered from the result's catalog key (`errors:access.…`) and variables, so it follows the page's language. */
function RowResultText({ result }: { result: RowResult }) {
  const { t, i18n } = useTranslation();
  // i18n-dynamic: ui:results.* (one key per RowResult kind but "error", whose key the server sends)
  if (result.kind !== 'error') return t(`results.${result.kind}`);
  // The key comes from the server (`errors:access.ALREADY_CONNECTED`), so the build cannot check it: a code
  // newer than this build's catalogs shows the server's own message, localized by Accept-Language, not the key.
  if (!i18n.exists(result.i18nKey)) return result.message;
  const translate = t as unknown as (key: string, params: Record<string, unknown>) => string;
  return translate(result.i18nKey, result.params);
}
