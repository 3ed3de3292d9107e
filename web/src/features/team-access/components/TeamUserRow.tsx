import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  const { status, workspaces } = user.marketoAccess;

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
      <td className="email">{user.email}</td>
      <td>{t(`roles.${user.role}`)}</td>
      <td>
        <span className={`badge badge-${status.toLowerCase()}`}>{t(`status.${status}`)}</span>
      </td>
      <td>{workspaces.map((workspace) => (workspace.isDefault ? t('workspace.default') : workspace.name)).join(', ')}</td>
      <td className={`result result-${result?.kind ?? 'none'}`}>{result && <RowResultText result={result} />}</td>
    </tr>
  );
}

/** Rendered from the result's catalog key (`errors:access.…`) and variables, so it follows the page's language. */
function RowResultText({ result }: { result: RowResult }) {
  const { t } = useTranslation();
  if (result.kind !== 'error') return t(`results.${result.kind}`);
  // The key comes from the server (`errors:access.ALREADY_CONNECTED`), so the build cannot check it.
  const translate = t as unknown as (key: string, params: Record<string, unknown>) => string;
  return translate(result.i18nKey, result.params);
}
