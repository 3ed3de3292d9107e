import { useSyncExternalStore } from 'react';

/** The two pages of the console; each has its own address (a hash), so links, reload and the back button work without a router. */
export type AdminPage = 'teamAccess' | 'teamManagement';

export const ADMIN_PAGE_HASHES: Record<AdminPage, string> = {
  teamAccess: '#/team-access',
  teamManagement: '#/team-management',
};

// Anything else (no hash, an old link) is the Team Access page, the one the help article is about.
const pageOf = (hash: string): AdminPage => (hash === ADMIN_PAGE_HASHES.teamManagement ? 'teamManagement' : 'teamAccess');

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The page the address names; re-renders the caller when it changes (a link, Back, Forward). */
export function useAdminPage(): AdminPage {
  return useSyncExternalStore(subscribe, () => pageOf(window.location.hash));
}
