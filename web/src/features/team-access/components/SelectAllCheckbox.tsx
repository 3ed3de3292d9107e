import { useTranslation } from 'react-i18next';
import type { TeamUser } from '../api/useTeamAccess';
import type { Selection } from '../hooks/useUserSelection';

interface Props {
  /** The users of the page shown. */
  users: TeamUser[];
  selection: Selection;
  onSelect: (users: TeamUser[], selected: boolean) => void;
}

/** Selects or clears the whole page; mixed (indeterminate) when only some of it is selected. */
export function SelectAllCheckbox({ users, selection, onSelect }: Props) {
  const { t } = useTranslation();
  const allSelected = users.length > 0 && users.every((user) => selection.has(user.id));
  const someSelected = users.some((user) => selection.has(user.id));

  return (
    <input
      type="checkbox"
      aria-label={t('actions.selectAll')}
      checked={allSelected}
      // indeterminate exists only as a DOM property, not as an attribute React could set.
      ref={(input) => {
        if (input) input.indeterminate = someSelected && !allSelected;
      }}
      disabled={users.length === 0}
      onChange={(event) => onSelect(users, event.target.checked)}
    />
  );
}
