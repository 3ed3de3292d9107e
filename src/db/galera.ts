import type { DataSource } from 'typeorm';

/**
 * MariaDB Galera (multi-primary, synchronous replication): what the API does differently on a
 * cluster node, detected once at start (README, "Running on a Galera cluster").
 *
 * A commit on one node is certified by every node before it returns, but applied on the others a
 * moment later: a read through node B right after a write through node A can still see the old
 * state. `wsrep_sync_wait = 1` makes a read wait until its node has applied everything committed
 * in the cluster before the read began. Each request's first statement (the token lookup, which also
 * reads the organization's data_version, the response cache's key) is made such a causal read; the
 * node's applied state only moves forward, so the rest of the request reads at least that state.
 */

/** Why a Galera node cannot serve the application, as `/ready` reports it. */
export type GaleraUnreadiness = 'galera_not_ready' | 'galera_not_primary';

/** True when the server is a MariaDB node with Galera replication on. */
export async function isGaleraNode(dataSource: DataSource): Promise<boolean> {
  if (dataSource.options.type !== 'mysql') return false;
  // MariaDB always has these variables (OFF and 'none' without Galera); MySQL has neither, and fails.
  const rows: { version: string; wsrepOn: number | string; provider: string | null }[] = await dataSource
    .query('SELECT @@version AS version, @@wsrep_on AS wsrepOn, @@wsrep_provider AS provider')
    .catch(() => []);
  const [server] = rows;
  if (!server || !/mariadb/i.test(server.version)) return false;
  return Number(server.wsrepOn) === 1 && !!server.provider && server.provider !== 'none';
}

/**
 * `sql` (one SELECT) as a causal read, for this statement only: MariaDB's SET STATEMENT sets the
 * variable around the one statement, in the same round trip, so the pooled connection keeps its
 * default and later reads do not wait again.
 */
export function causalReadStatement(sql: string): string {
  return `SET STATEMENT wsrep_sync_wait = 1 FOR ${sql}`;
}

/**
 * Null when this node serves queries (wsrep_ready ON) as part of the primary component (the one
 * with quorum); otherwise why not. A node cut off from the majority still accepts connections and
 * `SELECT 1`, but refuses every read of a table and every write. SHOW STATUS answers even then.
 * A node that does not answer at all is left to the other readiness checks (null here); how long
 * `/ready` waits is bounded by Database.unreadiness.
 */
export async function galeraUnreadiness(dataSource: DataSource): Promise<GaleraUnreadiness | null> {
  const rows: { Variable_name: string; Value: string }[] | null = await dataSource
    .query("SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_ready', 'wsrep_cluster_status')")
    .catch(() => null);
  if (!rows) return null;
  const status = new Map(rows.map((row) => [row.Variable_name.toLowerCase(), row.Value]));
  if (status.get('wsrep_cluster_status') !== 'Primary') return 'galera_not_primary';
  if (status.get('wsrep_ready') !== 'ON') return 'galera_not_ready';
  return null;
}
