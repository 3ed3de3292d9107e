import { useTranslation } from 'react-i18next';
import type { TeamUser } from '../api/useTeamAccess';
import type { RowResult } from '../api/userResults';
import type { Selection } from '../hooks/useUserSelection';
import { SelectAllCheckbox } from './SelectAllCheckbox';
import { TeamUserRow } from './TeamUserRow';

interface Props {
  users: TeamUser[];
  /** Of the whole list (all pages); undefined while loading. */
  totalCount: number | undefined;
  fetching: boolean;
  isAdmin: boolean;
  selection: Selection;
  rowResults: ReadonlyMap<string, RowResult>;
  onSelect: (users: TeamUser[], selected: boolean) => void;
}

/** One page of the team; admins get a checkbox column (R9). */
export function TeamTable({ users, totalCount, fetching, isAdmin, selection, rowResults, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    // A scroll region only if a column is ever wider than its text can wrap to: keyboard users must reach it (axe: scrollable-region-focusable).
    <div className="table-wrap" role="region" aria-label={t('teamAccess.tableRegion')} tabIndex={0}>
      <table className="team-table" aria-busy={fetching}>
        <caption>{totalCount === undefined ? t('app.loading') : t('counts.users', { count: totalCount })}</caption>
        <thead>
          <tr>
            {isAdmin && (
              <th scope="col" className="select">
                <SelectAllCheckbox users={users} selection={selection} onSelect={onSelect} />
              </th>
            )}
            <th scope="col">{t('columns.name')}</th>
            <th scope="col">{t('columns.email')}</th>
            <th scope="col">{t('columns.role')}</th>
            <th scope="col">{t('columns.status')}</th>
            <th scope="col">{t('columns.workspaces')}</th>
            <th scope="col">{t('columns.grantedAt')}</th>
            <th scope="col">{t('columns.grantedBy')}</th>
            <th scope="col">{t('columns.result')}</th>
          </tr>
        </thead>
        <tbody>
          {totalCount !== undefined && users.length === 0 && (
            <tr>
              <td colSpan={isAdmin ? 9 : 8} className="empty">
                {t('teamAccess.empty')}
              </td>
            </tr>
          )}
          {users.map((user) => (
            <TeamUserRow
              key={user.id}
              user={user}
              isAdmin={isAdmin}
              selected={selection.has(user.id)}
              result={rowResults.get(user.id)}
              onSelect={(selected) => onSelect([user], selected)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
