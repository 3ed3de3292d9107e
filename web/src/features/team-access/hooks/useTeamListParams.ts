import { useEffect, useReducer, useState } from 'react';
import type { MarketoAccessStatus } from '../../../gql/graphql';
import type { TeamAccessRequest } from '../api/useTeamAccess';

const SEARCH_DELAY_MS = 250;

export type StatusFilter = MarketoAccessStatus | '';

interface ListParams {
  search: string;
  status: StatusFilter;
  // cursors[i] is the `after` of page i + 1; the last one is the page shown.
  cursors: (string | null)[];
}

type ListParamsChange =
  { type: 'search'; search: string } | { type: 'status'; status: StatusFilter } | { type: 'nextPage'; cursor: string } | { type: 'previousPage' };

// A new search or status filter starts again from the first page.
function nextParams(params: ListParams, change: ListParamsChange): ListParams {
  switch (change.type) {
    case 'search':
      return change.search === params.search ? params : { ...params, search: change.search, cursors: [null] };
    case 'status':
      return { ...params, status: change.status, cursors: [null] };
    case 'nextPage':
      return { ...params, cursors: [...params.cursors, change.cursor] };
    case 'previousPage':
      return params.cursors.length > 1 ? { ...params, cursors: params.cursors.slice(0, -1) } : params;
  }
}

/** Search, status filter and paging of the Team Access list; the search applies once typing pauses. */
export function useTeamListParams() {
  const [searchText, setSearchText] = useState('');
  const [params, dispatch] = useReducer(nextParams, { search: '', status: '', cursors: [null] });

  useEffect(() => {
    const timer = setTimeout(() => dispatch({ type: 'search', search: searchText.trim() }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchText]);

  const request: TeamAccessRequest = { search: params.search, status: params.status, after: params.cursors[params.cursors.length - 1] };
  return {
    request,
    searchText,
    setSearchText,
    status: params.status,
    setStatus: (status: StatusFilter) => dispatch({ type: 'status', status }),
    pageNumber: params.cursors.length,
    goToNextPage: (cursor: string) => dispatch({ type: 'nextPage', cursor }),
    goToPreviousPage: () => dispatch({ type: 'previousPage' }),
  };
}
