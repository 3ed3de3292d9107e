import { useTranslation } from 'react-i18next';
import type { TeamUser } from '../api/useTeamAccess';
import type { RowResult } from '../api/userResults';
import { SelectAllCheckbox } from './SelectAllCheckbox';
import { TeamUserRow } from './TeamUserRow';

interface Props {
  users: TeamUser[];
  /** Of the whole list (all pages); undefined while loading. */
  totalCount: number | undefined;
  fetching: boolean;
  isAdmin: boolean;
  selectedIds: ReadonlySet<string>;
  rowResults: ReadonlyMap<string, RowResult>;
  onSelect: (userIds: string[], selected: boolean) => void;
}

/** One page of the team; admins get a checkbox column (R9). */
export function TeamTable({ users, totalCount, fetching, isAdmin, selectedIds, rowResults, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table aria-busy={fetching}>
        <caption>{totalCount === undefined ? t('app.loading') : t('counts.users', { count: totalCount })}</caption>
        <thead>
          <tr>
            {isAdmin && (
              <th scope="col" className="select">
                <SelectAllCheckbox userIds={users.map((user) => user.id)} selectedIds={selectedIds} onSelect={onSelect} />
              </th>
            )}
            <th scope="col">{t('columns.name')}</th>
            <th scope="col">{t('columns.email')}</th>
            <th scope="col">{t('columns.role')}</th>
            <th scope="col">{t('columns.status')}</th>
            <th scope="col">{t('columns.workspaces')}</th>
            <th scope="col">{t('columns.result')}</th>
          </tr>
        </thead>
        <tbody>
          {totalCount !== undefined && users.length === 0 && (
            <tr>
              <td colSpan={isAdmin ? 7 : 6} className="empty">
                {t('teamAccess.empty')}
              </td>
            </tr>
          )}
          {users.map((user) => (
            <TeamUserRow
              key={user.id}
              user={user}
              isAdmin={isAdmin}
              selected={selectedIds.has(user.id)}
              result={rowResults.get(user.id)}
              onSelect={(selected) => onSelect([user.id], selected)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
