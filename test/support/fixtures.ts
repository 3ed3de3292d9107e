import {
  CONNECT_MARKETO,
  MARKETO_CONNECTION,
  TEAM_ACCESS,
  WORKSPACES,
  type MarketoAccessStatus,
  type MarketoConnection,
  type TeamAccessPage,
  type TeamUser,
} from './operations';
import { localId } from './ids';
import type { GraphQLResponse, TestServer } from './test-server';

/** Every user of the caller's organization, walking the Team Access pages. */
export async function allTeamUsers(server: TestServer, token?: string, filters: { search?: string; status?: MarketoAccessStatus } = {}): Promise<TeamUser[]> {
  const users: TeamUser[] = [];
  let after: string | null = null;
  for (;;) {
    const response: GraphQLResponse<{ teamAccess: TeamAccessPage }> = await server.gql(TEAM_ACCESS, { first: 100, after, ...filters }, { token });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    const page = response.data.teamAccess;
    users.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return users;
    after = page.pageInfo.endCursor;
  }
}

export async function notConnectedUsers(server: TestServer, token?: string): Promise<TeamUser[]> {
  return allTeamUsers(server, token, { status: 'NOT_CONNECTED' });
}

/** The caller's workspaces by name. */
export async function workspacesByName(server: TestServer, token?: string): Promise<Record<string, string>> {
  const response = await server.gql(WORKSPACES, {}, { token });
  return Object.fromEntries(response.data.marketoWorkspaces.map((workspace) => [workspace.name, workspace.id]));
}

export async function connectMarketo(
  server: TestServer,
  token: string,
  input: { workspacesEnabled: boolean; workspaceNames?: string[] },
): Promise<MarketoConnection> {
  const response = await server.gql(CONNECT_MARKETO, { input }, { token });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data.connectMarketo;
}

/**
 * Connects the caller's organization with Marketo if it is not yet (workspaces disabled) and moves
 * the clock past R2's ten minutes (forward only); answers the connection as it is then.
 */
export async function ensureMarketoReady(server: TestServer, token: string): Promise<MarketoConnection> {
  const state = (await server.gql(MARKETO_CONNECTION, {}, { token })).data.marketoConnection;
  const connection = state.connected ? state : await connectMarketo(server, token, { workspacesEnabled: false });
  if (connection.retryAfterSeconds) server.clock.advance(connection.retryAfterSeconds * 1000);
  const ready = (await server.gql(MARKETO_CONNECTION, {}, { token })).data.marketoConnection;
  if (!ready.ready) throw new Error(`Marketo connection not ready: ${JSON.stringify(ready)}`);
  return ready;
}

/** The ids of the named users, failing loudly when one is missing (so a test never silently uses fewer). */
export function idsOf(users: { id: string; name: string }[], names: string[]): string[] {
  return names.map((name) => {
    const user = users.find((candidate) => candidate.name === name);
    if (!user) throw new Error(`no user named ${name} among ${users.map((candidate) => candidate.name).join(', ')}`);
    return user.id;
  });
}

/** `count` invitees named `${prefix} 0000`…, e-mailed `${prefix}.0@acme.example`… (lower case, spaces as dots). */
export function invitees(count: number, prefix: string): { name: string; email: string }[] {
  const local = prefix.toLowerCase().replace(/\s+/g, '.');
  return Array.from({ length: count }, (_, i) => ({ name: `${prefix} ${String(i).padStart(4, '0')}`, email: `${local}.${i}@acme.example` }));
}

/** Counts the rows of a table (optionally matching a WHERE clause) straight from the database. */
export async function countRows(server: TestServer, table: string, where = '1=1', parameters: unknown[] = []): Promise<number> {
  const rows = await server.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, parameters);
  return Number(rows[0].n);
}

/** `?, ?, …`, one per value. */
export const placeholders = (values: unknown[]): string => values.map(() => '?').join(',');

/** How many of these users have a grant. */
export async function grantsOf(server: TestServer, ids: string[]): Promise<number> {
  const userIds = ids.map(localId);
  return countRows(server, 'marketo_access_grant', `user_id IN (${placeholders(userIds)})`, userIds);
}

/** How many audit events of this action name one of these users. */
export async function auditEventsOf(server: TestServer, action: string, ids: string[]): Promise<number> {
  const userIds = ids.map(localId);
  return countRows(server, 'audit_event', `action = ? AND target_id IN (${placeholders(userIds)})`, [action, ...userIds]);
}

/** Every table a mutation may write to. */
export const WRITTEN_TABLES = [
  'marketo_access_grant',
  'marketo_access_grant_workspace',
  'audit_event',
  'idempotency_record',
  'team_user',
  'marketo_workspace',
] as const;

/** The row count of every table a mutation may write to, straight from the database. */
export async function tableCounts(server: TestServer): Promise<Record<(typeof WRITTEN_TABLES)[number], number>> {
  const counts = {} as Record<(typeof WRITTEN_TABLES)[number], number>;
  for (const table of WRITTEN_TABLES) counts[table] = await countRows(server, table);
  return counts;
}

export async function organizationId(server: TestServer, name: string): Promise<string> {
  const rows = await server.dataSource.query('SELECT id FROM organization WHERE name = ?', [name]);
  return String(rows[0].id);
}
