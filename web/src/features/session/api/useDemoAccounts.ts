import { useEffect, useState } from 'react';
import type { Role } from '../../../gql/graphql';

export interface DemoAccount {
  organization: string;
  name: string;
  role: Role;
  token: string;
}

/** In demo mode the server lists the demo accounts at /demo.json (404 otherwise); undefined until known. */
export function useDemoAccounts(): DemoAccount[] | undefined {
  const [accounts, setAccounts] = useState<DemoAccount[]>();
  useEffect(() => {
    let cancelled = false;
    fetch('/demo.json')
      .then((response) => (response.ok ? (response.json() as Promise<{ accounts?: DemoAccount[] }>) : { accounts: [] }))
      .catch(() => ({ accounts: [] }))
      .then((body) => {
        if (!cancelled) setAccounts(body.accounts ?? []);
      });
    return () => {
      cancelled = true;
    };
  }, []);
  return accounts;
}
