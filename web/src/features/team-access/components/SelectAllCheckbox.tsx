import { useTranslation } from 'react-i18next';

interface Props {
  /** The users of the page shown. */
  userIds: string[];
  selectedIds: ReadonlySet<string>;
  onSelect: (userIds: string[], selected: boolean) => void;
}

/** Selects or clears the whole page; mixed (indeterminate) when only some of it is selected. */
export function SelectAllCheckbox({ userIds, selectedIds, onSelect }: Props) {
  const { t } = useTranslation();
  const allSelected = userIds.length > 0 && userIds.every((id) => selectedIds.has(id));
  const someSelected = userIds.some((id) => selectedIds.has(id));

  return (
    <input
      type="checkbox"
      aria-label={t('actions.selectAll')}
      checked={allSelected}
      // indeterminate exists only as a DOM property, not as an attribute React could set.
      ref={(input) => {
        if (input) input.indeterminate = someSelected && !allSelected;
      }}
      disabled={userIds.length === 0}
      onChange={(event) => onSelect(userIds, event.target.checked)}
    />
  );
}
