import { useState } from 'react';
import type { MarketoAccessStatus } from '../../../gql/graphql';
import type { TeamUser } from '../api/useTeamAccess';

/** A selected user's id and the access status the list showed when they were checked. */
export type Selection = ReadonlyMap<string, MarketoAccessStatus>;

/**
 * The users checked for Connect or Disconnect, kept across pages, searches and filters. Their status is
 * kept too, so Disconnect can tell whether any of them is connected without the page they were on.
 */
export function useUserSelection() {
  const [selection, setSelection] = useState<Selection>(new Map());

  const setSelected = (users: TeamUser[], selected: boolean) =>
    setSelection((previous) => {
      const next = new Map(previous);
      for (const user of users) {
        if (selected) next.set(user.id, user.marketoAccess.status);
        else next.delete(user.id);
      }
      return next;
    });

  const connectedCount = [...selection.values()].filter((status) => status === 'CONNECTED').length;
  return { selection, connectedCount, setSelected, clearSelection: () => setSelection(new Map()) };
}
