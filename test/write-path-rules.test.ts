import { describeEachDatabase } from './support/each-database';
import { auditEventsOf, grantsOf, invitees, notConnectedUsers, organizationId, workspacesByName } from './support/fixtures';
import { AUDIT_EVENTS, CONNECT, CONNECT_MARKETO, DISCONNECT, INVITE, MARKETO_CONNECTION, TEAM_ACCESS, VIEWER, WORKSPACES } from './support/operations';
import { ok } from './support/responses';
import { tenantRuleViolation } from './support/tenant-statements';
import { DEMO_TOKENS, type GraphQLResponse, type TestServer } from './support/test-server';

/**
 * What keeps the write path correct on engines where the organization's row lock is not enough
 * (README, "Concurrency and retries"): every write transaction moves the organization's data_version
 * on (the cross-node serializer); a disconnect audits only the grants its own DELETE removed; every
 * statement on a tenant table names organization_id.
 */

const GLOBEX = DEMO_TOKENS.globexAdmin;
const DATA_VERSION_UPDATE = /^\s*UPDATE\s+organization\s+SET\s+data_version\s*=\s*data_version\s*\+\s*1/i;

async function dataVersion(server: TestServer, organization: string): Promise<number> {
  const [row] = await server.dataSource.query('SELECT data_version FROM organization WHERE id = ?', [await organizationId(server, organization)]);
  return Number(row.data_version);
}

describeEachDatabase('the write path: data_version, disconnect audits, organization_id', (server) => {
  /** Statements the API sent while serving the calls below (not the migrations' backfills, not the tests' own reads). */
  const apiStatements: string[] = [];
  const serving = async <T>(call: () => Promise<T>): Promise<T> => {
    let result!: T;
    apiStatements.push(...(await server().statements.during(async () => (result = await call()))));
    return result;
  };

  it('moves the data_version on by exactly one in every write transaction that changes data, and not in one that changes nothing', async () => {
    const [first, second] = (await notConnectedUsers(server())).slice(0, 2).map((user) => user.id);
    const writes: [string, string, () => Promise<GraphQLResponse>, number][] = [
      ['inviteUsers', 'Acme', () => server().gql(INVITE, { input: { users: invitees(2, 'Version') } }), 1],
      ['connectMarketoUsers', 'Acme', () => server().gql(CONNECT, { input: { assignments: [{ userIds: [first, second] }] } }), 1],
      ['connectMarketoUsers, nothing new', 'Acme', () => server().gql(CONNECT, { input: { assignments: [{ userIds: [first] }] } }), 0],
      ['disconnectMarketoUsers', 'Acme', () => server().gql(DISCONNECT, { input: { userIds: [first, second] } }), 1],
      [
        'connectMarketo',
        'Globex',
        () => server().gql(CONNECT_MARKETO, { input: { workspacesEnabled: true, workspaceNames: ['Nordics'] } }, { token: GLOBEX }),
        1,
      ],
    ];
    for (const [label, organization, call, moves] of writes) {
      const before = await dataVersion(server(), organization);
      const start = apiStatements.length;
      const response = await serving(call);
      const statements = apiStatements.slice(start);
      expect({ label, errors: response.errors }).toEqual({ label, errors: undefined });
      expect({ label, moved: (await dataVersion(server(), organization)) - before }).toEqual({ label, moved: moves });
      expect({ label, updates: statements.filter((statement) => DATA_VERSION_UPDATE.test(statement)).length }).toEqual({ label, updates: moves });
    }
  });

  it('audits each grant once when two disconnects of the same users run at once', async () => {
    const userIds = (await notConnectedUsers(server())).slice(0, 4).map((user) => user.id);
    ok(await server().gql(CONNECT, { input: { assignments: [{ userIds }] } }));
    const revokedBefore = await auditEventsOf(server(), 'MARKETO_ACCESS_REVOKED', userIds);
    const [one, other] = await serving(() => Promise.all([server().gql(DISCONNECT, { input: { userIds } }), server().gql(DISCONNECT, { input: { userIds } })]));
    const removed = ok(one).disconnectMarketoUsers.disconnectedCount + ok(other).disconnectMarketoUsers.disconnectedCount;
    expect(removed).toBe(4);
    expect(await grantsOf(server(), userIds)).toBe(0);
    expect((await auditEventsOf(server(), 'MARKETO_ACCESS_REVOKED', userIds)) - revokedBefore).toBe(4);
  });

  // The statements of the calls above (connectMarketo among them) and of these.
  it('names organization_id in every statement on a tenant table, and in every join to one, during a representative run', async () => {
    const users = await notConnectedUsers(server());
    const userIds = users.slice(0, 3).map((user) => user.id);
    const workspaces = await workspacesByName(server());
    const calls: [string, Record<string, unknown>, string?][] = [
      [INVITE, { input: { idempotencyKey: 'tenant-1', users: invitees(3, 'Tenant') } }],
      [CONNECT, { input: { idempotencyKey: 'tenant-2', assignments: [{ userIds, workspaceIds: [workspaces.EMEA] }] } }],
      [CONNECT, { input: { idempotencyKey: 'tenant-2', assignments: [{ userIds, workspaceIds: [workspaces.EMEA] }] } }],
      [TEAM_ACCESS, { first: 20, search: 'a' }],
      [TEAM_ACCESS, { first: 20, status: 'CONNECTED' }],
      [DISCONNECT, { input: { userIds } }],
      [WORKSPACES, {}],
      [AUDIT_EVENTS, { first: 10 }],
      [VIEWER, {}],
      [MARKETO_CONNECTION, {}, GLOBEX],
    ];
    for (const [query, variables, token] of calls) ok(await serving(() => server().gql(query, variables, { token })));
    const statements = apiStatements;
    expect(statements.length).toBeGreaterThan(50);
    const violations = statements.map((statement) => [tenantRuleViolation(statement), statement.replace(/\s+/g, ' ').slice(0, 200)]).filter(([why]) => why);
    expect(violations).toEqual([]);
  });
});

describe('the organization_id rule’s check', () => {
  it('flags a tenant statement or join without organization_id, and passes the token lookup and statements that name it', () => {
    expect(tenantRuleViolation('SELECT id FROM team_user WHERE id = ?')).toMatch(/team_user/);
    expect(tenantRuleViolation('DELETE FROM `marketo_access_grant` WHERE `id` IN (?, ?)')).toMatch(/marketo_access_grant/);
    expect(tenantRuleViolation('INSERT INTO audit_event (id, action) VALUES (?, ?)')).toMatch(/audit_event/);
    expect(
      tenantRuleViolation(
        'SELECT g.id FROM marketo_access_grant g LEFT JOIN marketo_access_grant_workspace gw ON gw.grant_id = g.id WHERE g.organization_id = ?',
      ),
    ).toMatch(/join to marketo_access_grant_workspace/);
    expect(
      tenantRuleViolation(
        'SELECT g.id FROM marketo_access_grant g LEFT JOIN marketo_access_grant_workspace gw ON gw.grant_id = g.id AND gw.organization_id = g.organization_id WHERE g.organization_id = ?',
      ),
    ).toBeNull();
    expect(
      tenantRuleViolation('SELECT u.id FROM api_token t JOIN team_user u ON u.id = t.user_id AND u.organization_id = t.organization_id WHERE t.token_hash = ?'),
    ).toBeNull();
    expect(tenantRuleViolation('UPDATE organization SET data_version = data_version + 1 WHERE id = ?')).toBeNull();
  });
});
