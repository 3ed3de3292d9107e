import { useState } from 'react';

/** The users checked for Connect or Disconnect, kept across pages, searches and filters. */
export function useUserSelection() {
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());

  const setSelected = (userIds: string[], selected: boolean) =>
    setSelectedIds((previous) => {
      const next = new Set(previous);
      for (const userId of userIds) {
        if (selected) next.add(userId);
        else next.delete(userId);
      }
      return next;
    });

  return { selectedIds, setSelected, clearSelection: () => setSelectedIds(new Set()) };
}
