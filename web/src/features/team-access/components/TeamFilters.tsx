import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatusFilter } from '../hooks/useTeamListParams';

interface Props {
  searchText: string;
  onSearchTextChange: (text: string) => void;
  status: StatusFilter;
  onStatusChange: (status: StatusFilter) => void;
}

/** Search by name or e-mail, and the status filter. */
export function TeamFilters({ searchText, onSearchTextChange, status, onStatusChange }: Props) {
  const { t } = useTranslation();
  const searchId = useId();
  const statusId = useId();

  return (
    <div className="filters">
      <div className="field">
        <label htmlFor={searchId}>{t('search.label')}</label>
        <input
          id={searchId}
          type="search"
          placeholder={t('search.placeholder')}
          value={searchText}
          onChange={(event) => onSearchTextChange(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={statusId}>{t('status.label')}</label>
        <select id={statusId} value={status} onChange={(event) => onStatusChange(event.target.value as StatusFilter)}>
          <option value="">{t('status.all')}</option>
          <option value="CONNECTED">{t('status.CONNECTED')}</option>
          <option value="NOT_CONNECTED">{t('status.NOT_CONNECTED')}</option>
        </select>
      </div>
    </div>
  );
}
