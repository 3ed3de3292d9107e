import { CONNECT_MARKETO, TEAM_ACCESS, WORKSPACES } from './operations';
import type { GraphQLResponse, TestServer } from './test-server';

export interface Member {
  id: string;
  name: string;
  email: string;
  marketoAccess: { status: string; workspaces: { id: string; name: string }[] };
}

/** Every user of the caller's organization, walking the Team Access pages. */
export async function allTeamUsers(server: TestServer, token?: string, filters: { search?: string; status?: string } = {}): Promise<Member[]> {
  const users: Member[] = [];
  let after: string | null = null;
  for (;;) {
    const response: GraphQLResponse = await server.gql(TEAM_ACCESS, { first: 100, after, ...filters }, { token });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    const page: any = response.data.teamAccess;
    users.push(...page.edges.map((edge: { node: Member }) => edge.node));
    if (!page.pageInfo.hasNextPage) return users;
    after = page.pageInfo.endCursor;
  }
}

export async function notConnectedUsers(server: TestServer, token?: string): Promise<Member[]> {
  return allTeamUsers(server, token, { status: 'NOT_CONNECTED' });
}

/** The caller's workspaces by name. */
export async function workspacesByName(server: TestServer, token?: string): Promise<Record<string, string>> {
  const response = await server.gql(WORKSPACES, {}, { token });
  return Object.fromEntries(response.data.marketoWorkspaces.map((workspace: { id: string; name: string }) => [workspace.name, workspace.id]));
}

export async function connectMarketo(server: TestServer, token: string, input: { workspacesEnabled: boolean; workspaceNames?: string[] }) {
  const response = await server.gql(CONNECT_MARKETO, { input }, { token });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data.connectMarketo;
}

/** Counts the rows of a table (optionally matching a WHERE clause) straight from the database. */
export async function countRows(server: TestServer, table: string, where = '1=1', parameters: unknown[] = []): Promise<number> {
  const rows = await server.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, parameters);
  return Number(rows[0].n);
}
